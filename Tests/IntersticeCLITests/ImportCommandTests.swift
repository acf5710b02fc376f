import Foundation
import Testing
import TestSupport

/// `interstice import` run as a user would: the hand-written French sheets of
/// Tests/Fixtures/import → a dataset folder → `interstice info`.
@Suite("interstice import (the built binary)")
struct ImportCommandTests {
    @Test func importThenInfo() throws {
        let dir = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("chalon").path
        let r = try CLI.run(["import", Fixtures.path("import/personnes.csv"), Fixtures.path("import/liens.csv"), "-o", out])
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 9)
        #expect(lines.first?.hasSuffix("personnes.csv: 9 people, 5 organizations, 1 collective") == true)
        #expect(lines.contains("  collective \"Comité de pilotage\": 5 participants"))
        #expect(lines.last == "wrote \(out): 15 nodes, 25 edges (nodes.csv, edges.csv, dataset.json); next: interstice info \(out)")
        let files = try FileManager.default.contentsOfDirectory(atPath: out).sorted()
        #expect(files == ["dataset.json", "edges.csv", "nodes.csv"])
        let info = try CLI.run(["info", out, "--format", "json"])
        #expect(info.status == 0, "\(info.stderr)")
        let d = try JSONSerialization.jsonObject(with: Data(info.stdout.utf8)) as! [String: Any]
        #expect(d["name"] as? String == "chalon")
        #expect((d["nodes"] as! [String: Any])["by_kind"] as? [String: Int] == ["actor": 9, "organization": 5, "collective": 1])
        let rel = (d["edges"] as! [String: Any])["by_relation"] as! [String: [String: Any]]
        #expect(rel.mapValues { $0["count"] as? Int } == ["member": 9, "participant": 5, "acquaintance": 5, "exchange": 4, "reports_to": 2])
        let coll = d["collectives"] as! [[String: Any]]
        #expect(coll.count == 1 && coll[0]["id"] as? String == "Comité de pilotage" && coll[0]["participants"] as? Int == 5)
    }

    @Test func cp1252AndXLSXFromTheCommandLine() throws {
        let dir = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let a = dir.appendingPathComponent("a").path, b = dir.appendingPathComponent("b").path
        let r1 = try CLI.run(["import", Fixtures.path("import/personnes-cp1252.csv"), Fixtures.path("import/liens-cp1252.csv"),
                              "-o", a, "--encoding", "cp1252", "--delimiter", ";"])
        #expect(r1.status == 0, "\(r1.stderr)")
        let r2 = try CLI.run(["import", Fixtures.path("import/personnes.xlsx"), Fixtures.path("import/liens.xlsx"), "-o", b])
        #expect(r2.status == 0, "\(r2.stderr)")
        for f in ["nodes.csv", "edges.csv"] {
            let x = try Data(contentsOf: URL(fileURLWithPath: a).appendingPathComponent(f))
            let y = try Data(contentsOf: URL(fileURLWithPath: b).appendingPathComponent(f))
            #expect(x == y, "\(f)")
        }
    }

    @Test func badRowExits65WithOneLocatedLineAndWritesNothing() throws {
        let dir = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let ties = dir.appendingPathComponent("liens.csv")
        try Data("Personne 1;Personne 2;Type de lien\nLoic Muller;Zoé Garçon;connaissance\n".utf8).write(to: ties)
        let out = dir.appendingPathComponent("out").path
        let r = try CLI.run(["import", Fixtures.path("import/personnes.csv"), ties.path, "-o", out])
        #expect(r.status == 65)
        #expect(r.stderr == "interstice: \(ties.path):2:1: unknown person \"Loic Muller\": not in \(Fixtures.path("import/personnes.csv")); did you mean \"Loïc Müller\"?\n")
        #expect(r.stdout.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: out))
        let missing = try CLI.run(["import", dir.appendingPathComponent("nope.csv").path, ties.path, "-o", out])
        #expect(missing.status == 66)
        let cp = try CLI.run(["import", Fixtures.path("import/personnes-cp1252.csv"), ties.path, "-o", out])
        #expect(cp.status == 65 && cp.stderr.contains(":1:29: invalid UTF-8 (byte 0xE9)") && cp.stderr.contains("--encoding cp1252"))
        let usage = try CLI.run(["import", Fixtures.path("import/personnes.csv"), ties.path, "-o", out, "--encoding", "ebcdic"])
        #expect(usage.status == 64)
    }
}

/// Excel dates through `import`, then `exposure` and `fit` with `--period`.
@Suite("import: Excel dates as adoption periods")
struct ImportDatesTests {
    func json(_ s: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(s.utf8)) as? [String: Any])
    }

    @Test(arguments: ["personnes-dates.xlsx", "personnes-dates-1904.xlsx"])
    func datesBecomeMonthsFromTheFirstAdoption(file: String) throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("equipe").path
        let r = try CLI.run(["import", Fixtures.path("import/\(file)"), Fixtures.path("import/liens.csv"), "-o", out])
        #expect(r.status == 0, "\(r.stderr)")
        let nodes = try String(contentsOfFile: out + "/nodes.csv", encoding: .utf8)
        #expect(nodes.contains("2021-03-15") && nodes.contains("2021-05-20T10:30:00"))
        // Months from March 2021: Loïc and Hélène and Noël 1, Marie 2, Amélie 3, Françoise 10, Zoé 12.
        // The two empty cells are never-adopters only when said (--missing never); by default they are no data.
        let e = try CLI.run(["exposure", out, "--adoption", "Date d'adoption", "--period", "month", "--missing", "never",
                             "--direction", "both", "--format", "json"])
        #expect(e.status == 0, "\(e.stderr)")
        #expect(e.stderr.contains("note: --period month: Date d'adoption by month, period 1 = 2021-03; adoptions in periods 1–12"), "\(e.stderr)")
        let d = try json(e.stdout)
        #expect(d["period"] as? String == "month")
        #expect((d["periods"] as? [Int]) == [1, 12])
        #expect(d["adopters"] as? Int == 7 && d["population"] as? Int == 9)
        let excluded = try CLI.run(["exposure", out, "--adoption", "Date d'adoption", "--period", "month", "--direction", "both", "--format", "json"])
        #expect((try json(excluded.stdout))["population"] as? Int == 7 && excluded.stderr.contains("2 nodes have no Date d'adoption value: left out"),
                "\(excluded.stderr)")
        // By week from 2021-03-02: Zoé (2022-02-10) is 345 days later, in week 50.
        let w = try CLI.run(["exposure", out, "--adoption", "Date d'adoption", "--period", "week", "--direction", "both", "--format", "json"])
        #expect((try json(w.stdout)["periods"] as? [Int]) == [1, 50], "\(w.stderr)")
        let f = try CLI.run(["fit", out, "--adoption", "Date d'adoption", "--period", "month", "--missing", "never", "--direction", "both",
                             "--model", "contagion", "--relations", "acquaintance", "--format", "json"])
        #expect(f.status == 0, "\(f.stderr)")
        let fd = try json(f.stdout)
        #expect(fd["period"] as? String == "month" && (fd["periods"] as? [Int]) == [1, 12] && fd["events"] as? Int == 7)
        // By year: 2021 and 2022.
        let y = try CLI.run(["exposure", out, "--adoption", "Date d'adoption", "--period", "year", "--direction", "both", "--format", "json"])
        #expect((try json(y.stdout)["periods"] as? [Int]) == [1, 2] && y.stderr.contains("period 1 = 2021;"), "\(y.stderr)")
    }

    @Test func datesWithoutPeriodOrNeverWithPeriodAreErrors() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("equipe").path
        #expect(try CLI.run(["import", Fixtures.path("import/personnes-dates.xlsx"), Fixtures.path("import/liens.csv"), "-o", out]).status == 0)
        let plain = try CLI.run(["exposure", out, "--adoption", "Date d'adoption", "--direction", "both"])
        #expect(plain.status == 65 && plain.stderr.contains("should be a whole number"), "\(plain.stderr)")
        let never = try CLI.run(["fit", out, "--adoption", "Date d'adoption", "--period", "month", "--never", "18"])
        #expect(never.status == 64 && never.stderr.contains("with --period (dates) leave never-adopters' cells empty"), "\(never.stderr)")
        let number = try CLI.run(["exposure", out, "--adoption", "Ancienneté", "--period", "month", "--direction", "both"])
        #expect(number.status == 65 && number.stderr.contains("should be a date (YYYY-MM-DD) since a period is given, found \"12.0\""), "\(number.stderr)")
        let bad = try CLI.run(["import", Fixtures.path("import/dates-serial60.xlsx"), Fixtures.path("import/liens.csv"), "-o",
                               folder.appendingPathComponent("x").path])
        #expect(bad.status == 65 && bad.stderr.contains("C2 has a date format but holds \"60\""), "\(bad.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("x").path))
    }
}
