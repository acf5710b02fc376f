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
        #expect(nodes["total"] as? Int == 38)
        #expect((nodes["by_kind"] as! [String: Int]) == ["actor": 32, "collective": 1, "organization": 5])
        let rel = (d["edges"] as! [String: Any])["by_relation"] as! [String: [String: Any]]
        #expect(rel["acquaintance"]?["count"] as? Int == 49)
        #expect(rel["acquaintance"]?["directed"] as? Bool == false)
        #expect(rel["exchange"]?["directed"] as? Bool == true)
        let coll = d["collectives"] as! [[String: Any]]
        #expect(coll.count == 1 && coll[0]["participants"] as? Int == 8)
        let orgs = d["organizations"] as! [[String: Any]]
        #expect(orgs.count == 5)
        let ties = d["ties"] as! [String: Any]
        #expect(ties["nodes"] as? Int == 32)
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
