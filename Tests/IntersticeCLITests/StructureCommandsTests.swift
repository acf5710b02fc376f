import Foundation
import Testing
import TestSupport

@Suite("interstice centrality, brokerage, structure, communities (the built binary)")
struct StructureCommandsTests {
    func rows(_ s: String) throws -> [[String: Any]] {
        let d = try #require(try JSONSerialization.jsonObject(with: Data(s.utf8)) as? [String: Any])
        #expect(d["analysis"] as? String == "centrality")
        #expect((d["input"] as? [String: Any])?["sha256"] is String)
        return try #require(d["rows"] as? [[String: Any]])
    }

    /// Values from networkx 3.6 on Krackhardt's advice network (21 managers):
    /// in_degree_centrality('2') = 0.9, betweenness_centrality('18') = 0.23399122807017547.
    @Test func centralityMatchesNetworkxOnKrackhardtAdvice() throws {
        let r = try CLI.run(["centrality", Fixtures.dataset("krackhardt-hightech"), "--relations", "advice",
                             "--measure", "in-degree,betweenness", "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let t = try rows(r.stdout)
        #expect(t.count == 21)
        let two = t.first { $0["id"] as? String == "2" }!
        #expect(abs((two["in-degree"] as! Double) - 0.9) < 1e-12)
        #expect(abs((two["betweenness"] as! Double) - 0.015620300751879698) < 1e-9)
        let eighteen = t.first { $0["id"] as? String == "18" }!
        #expect(abs((eighteen["betweenness"] as! Double) - 0.23399122807017547) < 1e-9)
        let top = try CLI.run(["centrality", Fixtures.dataset("krackhardt-hightech"), "--relations", "advice",
                               "--measure", "betweenness", "--top", "1", "--format", "csv"])
        #expect(top.stdout.split(separator: "\n").count == 2)
        #expect(top.stdout.contains("\n18,"))
    }

    /// cucm-plie's tie graph: 131 ties inside organizations, 36 between: E-I = (36 − 131) / 167.
    @Test func structureReportsTheEIIndex() throws {
        let r = try CLI.run(["structure", Fixtures.dataset("cucm-plie"), "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let d = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any]
        #expect(d["ties within organizations"] as? Int == 131)
        #expect(d["ties between organizations"] as? Int == 36)
        #expect(abs((d["E-I index"] as! Double) - (-95.0 / 167.0)) < 1e-12)
        #expect((d["organizations"] as! [[String: Any]]).count == 8)
    }

    @Test func brokerageAndCommunitiesRun() throws {
        let b = try CLI.run(["brokerage", Fixtures.dataset("cucm-plie"), "--relations", "exchange", "--format", "csv"])
        #expect(b.status == 0, "\(b.stderr)")
        #expect(b.stdout.hasPrefix("id,label,group,coordinator,itinerant,representative,gatekeeper,liaison,total,"))
        #expect(b.stdout.split(separator: "\n").count == 1 + 48)
        let c1 = try CLI.run(["communities", Fixtures.dataset("cucm-plie"), "--seed", "5", "--format", "csv"])
        let c2 = try CLI.run(["communities", Fixtures.dataset("cucm-plie"), "--seed", "5", "--format", "csv"])
        #expect(c1.status == 0 && c1.stdout == c2.stdout)
        let bad = try CLI.run(["centrality", Fixtures.dataset("cucm-plie"), "--measure", "fame"])
        #expect(bad.status == 64 && bad.stderr.contains("unknown measure \"fame\""))
    }
}
