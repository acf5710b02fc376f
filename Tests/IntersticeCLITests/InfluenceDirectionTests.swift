import Foundation
import Testing
import TestSupport

/// A relation declares which way influence flows (`dataset.json`'s `influence`), and every
/// command that follows influence agrees: `diffuse`, `reach`, `relays` and `exposure`.
@Suite("Influence direction: one declaration, four commands agree (3-node chain)")
struct InfluenceDirectionTests {
    /// a → b → c "advice" nominations (a names b, b names c), declared `reverse`: the invention
    /// passes c → b → a. c is the collective's participant; everyone is in one organization.
    func chain(_ dir: URL, declare: Bool = true) throws -> String {
        let folder = dir.appendingPathComponent(declare ? "chain" : "chain-undeclared").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try """
        id,kind,toa:int
        a,actor,3
        b,actor,2
        c,actor,1
        d,actor,
        org,organization,
        team,collective,

        """.write(toFile: folder + "/nodes.csv", atomically: true, encoding: .utf8)
        try """
        source,target,relation,directed
        a,b,advice,true
        b,c,advice,true
        a,org,member,true
        b,org,member,true
        c,org,member,true
        d,org,member,true
        c,team,participant,true

        """.write(toFile: folder + "/edges.csv", atomically: true, encoding: .utf8)
        let influence = declare ? ", \"influence\": {\"advice\": \"reverse\"}" : ""
        try "{\"relations\": {\"advice\": \"ego → alter: ego asks alter for advice\", \"member\": \"m\", \"participant\": \"p\"}\(influence)}\n"
            .write(toFile: folder + "/dataset.json", atomically: true, encoding: .utf8)
        return folder
    }

    func json(_ s: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(s.utf8)) as? [String: Any])
    }

    func adoption(_ r: CLI.Result) throws -> [String: Double] {
        #expect(r.status == 0, "\(r.stderr)")
        let rows = try #require(try json(r.stdout)["rows"] as? [[String: Any]])
        return Dictionary(uniqueKeysWithValues: rows.map { ($0["id"] as! String, $0["adoption_probability"] as? Double ?? .nan) })
    }

    @Test("diffuse, reach, relays and exposure follow the declared flow; --influence overrides it")
    func agree() throws {
        let tmp = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: tmp) }
        let ds = try chain(tmp)
        let common = ["--probability", "1", "--runs", "20", "--format", "json"]

        // diffuse: from c, the invention reaches b then a (reverse flow); along the arcs it stays at c.
        let reverse = try adoption(try CLI.run(["diffuse", ds] + common))
        #expect(reverse["a"] == 1 && reverse["b"] == 1 && reverse["c"] == 1 && reverse["d"] == 0)
        let along = try adoption(try CLI.run(["diffuse", ds, "--influence", "advice=along"] + common))
        #expect(along["a"] == 0 && along["b"] == 0 && along["c"] == 1)

        // reach: two of the three members beyond the collective hold it (share 2/3) under reverse.
        let r = try CLI.run(["reach", ds, "--models", "ic", "--null", "none"] + common)
        #expect(r.status == 0, "\(r.stderr)")
        let org = try #require(((try json(r.stdout)["models"] as? [[String: Any]])?.first?["organizations"] as? [[String: Any]])?.first)
        #expect(org["beyond_collective"] as? Int == 3)
        #expect(abs((org["mean_share"] as? Double ?? 0) - 2.0 / 3.0) < 1e-12)

        // relays: the baseline adopters beyond the collective are a and b under reverse, none along.
        for (flow, expected) in [("reverse", 2.0), ("along", 0.0)] {
            let rel = try CLI.run(["relays", ds, "--objective", "adopters", "--budget", "1", "--method", "greedy",
                                   "--tie-relation", "advice", "--tie-probability", "1", "--influence", "advice=\(flow)"] + common)
            #expect(rel.status == 0, "\(rel.stderr)")
            #expect((try json(rel.stdout)["base"] as? [String: Any])?["value"] as? Double == expected, "relays \(flow)")
        }

        // exposure: reverse flow means exposure through the alters a node names (netdiffuseR's
        // outgoing); b (toa 2) names c (toa 1), so b's threshold is 1; along: through those naming it.
        let e = try CLI.run(["exposure", ds, "--adoption", "toa", "--format", "json"])
        #expect(e.status == 0, "\(e.stderr)")
        #expect(e.stdout.contains("\"direction\" : \"outgoing\"") || e.stdout.contains("\"direction\": \"outgoing\""), "\(e.stdout.prefix(400))")
        let undeclared = try chain(tmp, declare: false)
        let e2 = try CLI.run(["exposure", undeclared, "--adoption", "toa", "--format", "json"])
        #expect(e2.status == 0, "\(e2.stderr)")
        #expect(e2.stdout.contains("\"direction\" : \"incoming\"") || e2.stdout.contains("\"direction\": \"incoming\""))
        // Undeclared, a directed relation carries influence along its arcs: from c nothing spreads.
        let plain = try adoption(try CLI.run(["diffuse", undeclared] + common))
        #expect(plain["a"] == 0 && plain["b"] == 0)
    }
}
