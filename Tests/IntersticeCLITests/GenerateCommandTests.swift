import Foundation
import Testing
import TestSupport

@Suite("interstice generate (the built binary)")
struct GenerateCommandTests {
    @Test("Same parameters and seed, same bytes; another seed, other bytes", arguments: [
        ["ba", "--nodes", "200", "--attachments", "3"],
        ["gnp", "--nodes", "300", "--probability", "0.02"],
        ["gnm", "--nodes", "300", "--edges", "700"],
        ["ws", "--nodes", "100", "--neighbours", "6", "--rewiring", "0.2"],
        ["sbm", "--organizations", "4", "--size", "10", "--collective-size", "5"],
    ])
    func seeded(args: [String]) throws {
        let a = try CLI.run(["generate"] + args + ["-", "--to", "graphml", "--seed", "5"])
        let b = try CLI.run(["generate"] + args + ["-", "--to", "graphml", "--seed", "5"])
        let c = try CLI.run(["generate"] + args + ["-", "--to", "graphml", "--seed", "6"])
        #expect(a.status == 0, "\(a.stderr)")
        #expect(!a.stdout.isEmpty && a.stdout == b.stdout)
        #expect(a.stdout != c.stdout)
    }

    @Test("Barabási–Albert as an edge list: m(n − m) lines")
    func baEdges() throws {
        let r = try CLI.run(["generate", "ba", "-", "--to", "edgelist", "--nodes", "100", "--attachments", "3", "--seed", "1"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.split(separator: "\n").filter { !$0.hasPrefix("#") }.count == 291)
    }

    @Test("A territory folder reads back: organizations, members, the collective and its lifespan")
    func territory() throws {
        let tmp = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: tmp) }
        let out = tmp.appendingPathComponent("t1").path
        let g = try CLI.run(["generate", "sbm", out, "--sizes", "10,12,8", "--collective-size", "6", "--bridging", "1",
                             "--lifespan-days", "180", "--seed", "3"])
        #expect(g.status == 0, "\(g.stderr)")
        let info = try CLI.run(["info", out, "--format", "json"])
        #expect(info.status == 0, "\(info.stderr)")
        let d = try JSONSerialization.jsonObject(with: Data(info.stdout.utf8)) as! [String: Any]
        #expect(d["name"] as? String == "t1")
        let orgs = d["organizations"] as! [[String: Any]]
        #expect(orgs.map { $0["members"] as! Int } == [10, 12, 8])
        let c = (d["collectives"] as! [[String: Any]])[0]
        #expect(c["participants"] as? Int == 6 && c["start"] as? String == "2024-01-01" && c["end"] as? String == "2024-06-29")
        // The territory runs through reach as is.
        let reach = try CLI.run(["reach", out, "--runs", "100", "--null", "none"])
        #expect(reach.status == 0, "\(reach.stderr)")
    }

    @Test("Bad parameters are refused before anything is written")
    func bad() throws {
        let r = try CLI.run(["generate", "ba", "-", "--to", "edgelist", "--nodes", "5", "--attachments", "5"])
        #expect(r.status == 64)
        #expect(r.stderr.contains("--attachments must satisfy 1 ≤ m < n"))
        let s = try CLI.run(["generate", "sbm", "-", "--to", "gml", "--sizes", "2,2", "--collective-size", "6"])
        #expect(s.status == 64)
        #expect(s.stderr.contains("a collective of 6 needs that many actors; there are 4"))
    }
}
