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
