import Foundation
import Testing
import TestSupport

@Suite("interstice info and convert (the built binary)")
struct InfoAndConvertTests {
    func json(_ s: String) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(s.utf8)) as! [String: Any]
    }

    @Test func infoJSONStatesTheCounts() throws {
        let r = try CLI.run(["info", Fixtures.dataset("chalon-sur-saone"), "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let d = try json(r.stdout)
        let nodes = d["nodes"] as! [String: Any]
        #expect(nodes["total"] as? Int == 39)
        #expect((nodes["by_kind"] as! [String: Int]) == ["actor": 30, "collective": 1, "meeting": 1, "organization": 5, "unit": 2])
        let rel = (d["edges"] as! [String: Any])["by_relation"] as! [String: [String: Any]]
        #expect(rel["acquaintance"]?["count"] as? Int == 56)
        #expect(rel["acquaintance"]?["directed"] as? Bool == false)
        #expect(rel["exchange"]?["directed"] as? Bool == true)
        // Organization-level relations have no density over the actors.
        #expect(rel["part_of"]?["count"] as? Int == 2 && rel["part_of"]?["density"] is NSNull)
        let coll = d["collectives"] as! [[String: Any]]
        #expect(coll.count == 1 && coll[0]["participants"] as? Int == 11)
        let orgs = d["organizations"] as! [[String: Any]]
        #expect(orgs.count == 5)
        #expect(orgs.filter { $0["employer"] as? Bool == false }.map { $0["id"] as? String } == ["dispositif"])
        let ties = d["ties"] as! [String: Any]
        // Actors only: units and the meeting are not one-mode nodes.
        #expect(ties["nodes"] as? Int == 30)
        // Counts by basis (the dataset's README states them).
        let basis = d["by_basis"] as! [[String: Any]]
        #expect(basis.map { $0["basis"] as? String } == ["documented", "inferred", "assumed"])
        #expect(basis.map { $0["nodes"] as? Int } == [14, 5, 20])
        #expect(basis.map { $0["edges"] as? Int } == [13, 32, 126])
    }

    @Test func infoTableCountsByBasisAndMarksTheScheme() throws {
        let t = try CLI.run(["info", Fixtures.dataset("cucm-plie")])
        #expect(t.status == 0, "\(t.stderr)")
        let lines = t.stdout.split(separator: "\n").map { $0.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ") }
        #expect(lines.contains("basis nodes edges"))
        #expect(lines.contains("documented 11 11") && lines.contains("inferred 12 38") && lines.contains("assumed 27 171"))
        #expect(lines.contains("total 50 220"))
        #expect(t.stdout.contains("no (scheme: not counted for"))
        let c = try CLI.run(["info", Fixtures.dataset("cucm-plie"), "--format", "csv"])
        #expect(c.stdout.contains("\nbasis_nodes,inferred,12\n") && c.stdout.contains("\nbasis_edges,assumed,171\n"))
        // A dataset without a basis column has no basis rows.
        let k = try CLI.run(["info", Fixtures.dataset("krackhardt-hightech"), "--format", "json"])
        #expect(try json(k.stdout)["by_basis"] is NSNull)
    }

    @Test func infoTableAndCSV() throws {
        let t = try CLI.run(["info", Fixtures.dataset("krackhardt-hightech")])
        #expect(t.status == 0)
        #expect(t.stdout.contains("advice") && t.stdout.contains("190"))
        let c = try CLI.run(["info", Fixtures.dataset("krackhardt-hightech"), "--format", "csv"])
        #expect(c.stdout.hasPrefix("section,key,value\n"))
        #expect(c.stdout.contains("\nedges,advice,190\n"))
        #expect(c.stdout.contains("\nnodes,actor,21\n"))
    }

    @Test func infoReadsStandardInput() throws {
        let r = try CLI.run(["info", "-", "--from", "edgelist", "--directed", "--format", "json"],
                            stdin: Data("1 2\n2 3\n3 1\n".utf8))
        #expect(r.status == 0, "\(r.stderr)")
        let d = try json(r.stdout)
        #expect((d["nodes"] as! [String: Any])["total"] as? Int == 3)
        #expect((d["ties"] as! [String: Any])["strong_components"] as? Int == 1)
    }

    @Test func missingInputExits66WithOneLine() throws {
        let r = try CLI.run(["info", "/no/such/dataset.graphml"])
        #expect(r.status == 66)
        #expect(r.stderr.hasPrefix("interstice: /no/such/dataset.graphml: "))
        #expect(r.stderr.filter { $0 == "\n" }.count == 1)
        #expect(r.stdout.isEmpty)
    }

    @Test func badDataExits65WithLocationAndWritesNothing() throws {
        let dir = try Fixtures.temporaryFolder()
        let out = dir.appendingPathComponent("out.edges").path
        let bad = Fixtures.path("bad/native/bad-weight")
        let r = try CLI.run(["convert", bad, out])
        #expect(r.status == 65)
        #expect(r.stderr.contains("edges.csv:7:18: expected a number for weight, found \"abc\""), "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty, "no temporary file left")
    }

    @Test func usageErrorsExit64() throws {
        let r = try CLI.run(["info", "-"])
        #expect(r.status == 64)
        #expect(r.stderr.contains("--from"))
        let u = try CLI.run(["info", Fixtures.dataset("cucm-plie"), "--format", "xml"])
        #expect(u.status == 64)
    }

    @Test func convertRoundTripsTheNativeFormat() throws {
        let dir = try Fixtures.temporaryFolder()
        let copy = dir.appendingPathComponent("cucm").path
        let r = try CLI.run(["convert", Fixtures.dataset("cucm-plie"), copy + "/"])
        #expect(r.status == 0, "\(r.stderr)")
        let a = try CLI.run(["info", Fixtures.dataset("cucm-plie"), "--format", "json"])
        let b = try CLI.run(["info", copy, "--format", "json"])
        // Same content; only the name (from the folder) may differ.
        var da = try json(a.stdout), db = try json(b.stdout)
        da["name"] = nil; db["name"] = nil
        da["input"] = nil; db["input"] = nil
        #expect(NSDictionary(dictionary: da).isEqual(to: db))
    }

    @Test func convertToStandardOutput() throws {
        let r = try CLI.run(["convert", Fixtures.dataset("krackhardt-hightech"), "-", "--to", "edgelist"])
        #expect(r.status == 0)
        let lines = r.stdout.split(separator: "\n")
        #expect(lines.first == "# Directed graph written by Interstice: 26 nodes, 333 edges")
        #expect(lines.count == 1 + 333)
    }

    @Test func helpShowsAnExample() throws {
        for cmd in ["info", "convert"] {
            let r = try CLI.run([cmd, "--help"])
            #expect(r.status == 0)
            #expect(r.stdout.contains("Example:"))
        }
    }
}
