import Foundation
import Testing
import TestSupport

@Suite("interstice diffuse and reach (the built binary)")
struct DiffusionCommandTests {
    func json(_ s: String) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(s.utf8)) as! [String: Any]
    }

    @Test func diffusePerNodeJSONRecordsItsParameters() throws {
        let r = try CLI.run(["diffuse", Fixtures.dataset("chalon-sur-saone"), "--model", "ic", "--runs", "400",
                             "--seed", "7", "--threads", "1", "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let d = try json(r.stdout)
        #expect(d["model"] as? String == "ic")
        #expect(d["seed"] as? Int == 7 && d["runs"] as? Int == 400 && d["threads"] as? Int == 1)
        #expect(d["version"] as? String != nil)
        let rows = d["rows"] as! [[String: Any]]
        #expect(rows.count == 38)
        // The collective's participants are the seeds: they adopt at step 0 in every run.
        let participants = rows.filter { ($0["mean_adoption_time"] as? Double) == 0 }
        #expect(participants.count == 8)
        #expect(participants.allSatisfy { $0["adoption_probability"] as? Double == 1 })
    }

    @Test func sameSeedSameOutputWhateverTheThreads() throws {
        let base = ["diffuse", Fixtures.dataset("cucm-plie"), "--model", "lt", "--runs", "600", "--seed", "3",
                    "--per", "organization", "--format", "csv"]
        let one = try CLI.run(base + ["--threads", "1"])
        let two = try CLI.run(base + ["--threads", "2"])
        #expect(one.status == 0 && two.status == 0)
        #expect(one.stdout == two.stdout)
        #expect(one.stdout.hasPrefix("organization,label,members,beyond_collective,p_reached,"))
        #expect(one.stdout.split(separator: "\n").count == 1 + 8)
    }

    @Test func seedsByIdsRandomAndTop() throws {
        let ids = try CLI.run(["diffuse", Fixtures.dataset("krackhardt-hightech"), "--seeds", "7,2", "--probability", "0.3",
                               "--runs", "50", "--format", "json"])
        #expect(ids.status == 0, "\(ids.stderr)")
        #expect(try json(ids.stdout)["seeds"] as? Int == 2)
        let top = try CLI.run(["diffuse", Fixtures.dataset("krackhardt-hightech"), "--seeds", "top:3:pagerank",
                               "--runs", "50", "--format", "json"])
        #expect(top.status == 0, "\(top.stderr)")
        #expect(try json(top.stdout)["seeds"] as? Int == 3)
        let bad = try CLI.run(["diffuse", Fixtures.dataset("krackhardt-hightech"), "--seeds", "nobody"])
        #expect(bad.status == 65)
        #expect(bad.stderr.contains("no node has the id \"nobody\""))
        let none = try CLI.run(["diffuse", Fixtures.dataset("krackhardt-hightech")])
        #expect(none.status == 65)
        #expect(none.stderr.contains("no collective"))
    }

    @Test func reachTableNamesEveryOrganizationAndTheNull() throws {
        let r = try CLI.run(["reach", Fixtures.dataset("chalon-sur-saone"), "--runs", "300", "--null-samples", "4",
                             "--null-runs", "50"])
        #expect(r.status == 0, "\(r.stderr)")
        for org in ["ccas-house", "cg71", "pes", "scheme", "training"] { #expect(r.stdout.contains(org)) }
        #expect(r.stdout.contains("== ic") && r.stdout.contains("== lt") && r.stdout.contains("== complex k=2"))
        #expect(r.stdout.contains("organizations institutionalized"))
    }

    @Test func reachJSONHasPValuesWithTheirSampleCount() throws {
        let r = try CLI.run(["reach", Fixtures.dataset("cucm-plie"), "--models", "ic", "--runs", "300",
                             "--null", "label-permutation", "--null-samples", "9", "--null-runs", "50", "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let d = try json(r.stdout)
        #expect(d["null_model"] as? String == "label-permutation" && d["null_samples"] as? Int == 9)
        let m = (d["models"] as! [[String: Any]])[0]
        let overall = m["overall"] as! [[String: Any]]
        #expect(overall.count == 4)
        for c in overall {
            let p = c["p_less"] as! Double
            #expect(p >= 0.1 && p <= 1)  // (1 + k) / 10 with k in 0…9
            #expect(((p * 10).rounded() - p * 10).magnitude < 1e-9)
        }
        #expect((m["organizations"] as! [[String: Any]]).count == 8)
    }

    /// medInnovations has no collective: reach starts from seeds chosen by an attribute, with
    /// hospitals as the organizations.
    @Test func reachFromSeedsWithHospitalsAsOrganizations() throws {
        let r = try CLI.run(["reach", Fixtures.dataset("medInnovations"), "--seeds", "toa<=2", "--organizations", "level=hospital",
                             "--models", "ic", "--runs", "200", "--null-samples", "0", "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let d = try json(r.stdout)
        #expect(d["participants"] as? Int == 20)  // the physicians who adopted in months 1 and 2
        #expect(d["collective"] is NSNull)
        #expect(d["seeds"] as? String == "toa<=2")
        let model = (d["models"] as! [[String: Any]])[0]
        let orgs = model["organizations"] as! [[String: Any]]
        #expect(orgs.count == 17)  // the 17 hospitals, not the 4 towns
        let table = try CLI.run(["reach", Fixtures.dataset("medInnovations"), "--seeds", "toa<=2", "--organizations", "level=hospital",
                                 "--models", "ic", "--runs", "200", "--null-samples", "0"])
        #expect(table.stdout.hasPrefix("Reach of an invention started by seeds toa<=2 (20 seeds) in medInnovations"))
        #expect(table.stdout.contains("no collective, so nothing lapses"))
    }

    @Test func reachWithoutACollectiveAsksForSeeds() throws {
        let r = try CLI.run(["reach", Fixtures.dataset("medInnovations"), "--runs", "10"])
        #expect(r.status == 65)
        #expect(r.stderr.contains("the dataset has no collective") && r.stderr.contains("give seeds"))
        let bad = try CLI.run(["reach", Fixtures.dataset("medInnovations"), "--seeds", "toa<=x", "--runs", "10"])
        #expect(bad.status == 64)
        #expect(bad.stderr.contains("compares numbers"))
        let none = try CLI.run(["reach", Fixtures.dataset("medInnovations"), "--seeds", "toa<=2", "--organizations", "level=palace",
                                "--runs", "10"])
        #expect(none.status == 65)
        #expect(none.stderr.contains("no organization has that value"))
    }
}
