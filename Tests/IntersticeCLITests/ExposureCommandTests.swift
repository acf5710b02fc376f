import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import TestSupport

/// `interstice exposure` on medInnovations, run as a user would, against the oracle that
/// `Tests/Fixtures/exposure/make_exposure_oracle.py` computed (seed 7, 999 permutations).
@Suite("interstice exposure (the built binary)")
struct ExposureCommandTests {
    let dataset = Fixtures.dataset("medInnovations")
    var base: [String] { ["exposure", dataset, "--adoption", "toa", "--never", "18"] }

    func json(_ s: String) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(s.utf8)) as! [String: Any]
    }

    func oracle() throws -> [String: Any] { try Fixtures.json("exposure/exposure_oracle.json") as! [String: Any] }

    func config(_ name: String) throws -> [String: Any] {
        try #require((try oracle()["configs"] as! [[String: Any]]).first { $0["name"] as? String == name })
    }

    @Test func perRelationTestMatchesTheOracle() throws {
        let r = try CLI.run(base + ["--per-relation", "--seed", "7", "--format", "json", "--rows", "relation", "--threads", "2"])
        #expect(r.status == 0, "\(r.stderr)")
        let d = try json(r.stdout)
        #expect(d["seed"] as? Int == 7 && d["permutations"] as? Int == 999 && d["lag"] as? Int == 0)
        #expect(d["population"] as? Int == 125 && d["adopters"] as? Int == 109 && d["periods"] as? [Int] == [1, 17])
        let rows = d["relations"] as! [[String: Any]]
        #expect(rows.map { $0["relations"] as! String } == ["advice", "discussion", "friendship", "advice+discussion+friendship"])
        for (row, name) in zip(rows, ["advice", "discussion", "friendship", "all"]) {
            let o = try config(name)
            #expect(row["exposed"] as? Int == o["exposed"] as? Int && row["adopters"] as? Int == 109, "\(name)")
            #expect(row["adopters_with_alters"] as? Int == o["adopters_with_alters"] as? Int)
            #expect(row["p_value"] as? Double == o["p_value"] as? Double, "\(name)")
            #expect(abs((row["permutation_mean"] as! Double) - (o["permutation_mean"] as! Double)) <= 1e-12)
            #expect(abs((row["permutation_sd"] as! Double) - (o["permutation_sd"] as! Double)) <= 1e-12)
            #expect(abs((row["mean_threshold"] as! Double) - (o["mean_threshold"] as! Double)) <= 1e-12)
        }
        // Checked by hand: 60 of the 109 adopters named someone who had adopted earlier.
        #expect(rows[3]["exposed"] as? Int == 60)
        // The same with one thread.
        let one = try CLI.run(base + ["--per-relation", "--seed", "7", "--format", "json", "--rows", "relation", "--threads", "1"])
        #expect(one.stdout == r.stdout)
    }

    @Test func withinTownsMatchesTheStratifiedOracle() throws {
        let r = try CLI.run(base + ["--within", "city", "--seed", "7", "--format", "csv", "--rows", "relation"])
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n")
        #expect(lines.count == 2)
        let header = lines[0].split(separator: ",").map(String.init), row = lines[1].split(separator: ",").map(String.init)
        let o = try config("all-within-city")
        #expect(row[header.firstIndex(of: "p_value")!] == String(o["p_value"] as! Double))
        #expect(row[header.firstIndex(of: "exposed")!] == "60")
    }

    @Test func nodeRows() throws {
        let r = try CLI.run(base + ["--relations", "advice", "--permutations", "0", "--format", "csv"])
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n").map(String.init)
        #expect(lines[0] == "relations,id,label,adoption_time,adopter_category,alters,adopting_alters_before,exposure_at_adoption,threshold_class,exposure_at_end")
        #expect(lines.count == 1 + 125)
        // 1003 adopted in month 8 with all three advisers adopted (1037 in the same month); 1007
        // never adopted though both his advisers did; 1001 names no adviser.
        let threshold = try #require((try config("advice"))["threshold_class"] as? [Any])
        let ids = try oracle()["ids"] as! [String]
        let cls = threshold[ids.firstIndex(of: "1003")!] as! String
        #expect(lines.contains("advice,1003,Physician 1003,8,late majority,3,2,1.0,\(cls),1.0"))
        #expect(lines.contains("advice,1007,Physician 1007,,non-adopter,2,2,,,1.0"))
        #expect(lines.contains("advice,1001,Physician 1001,1,early adopter,0,0,,,"))
    }

    @Test func organizationCurvesByTown() throws {
        let r = try CLI.run(base + ["--by", "city", "--rows", "organization", "--format", "json", "--permutations", "0"])
        #expect(r.status == 0, "\(r.stderr)")
        let orgs = try json(r.stdout)["organizations"] as! [[String: Any]]
        let expected = try oracle()["curves_by_city"] as! [[String: Any]]
        #expect(orgs.map { $0["organization"] as! String } == ["all"] + expected.map { $0["name"] as! String })
        #expect(orgs.dropFirst().map { $0["adopters"] as! [Int] } == expected.map { $0["adopters"] as! [Int] })
        #expect(orgs[0]["members"] as? Int == 125 && (orgs[0]["adopters"] as! [Int]).last == 109)
        // CSV: one row per group and month.
        let csv = try CLI.run(base + ["--rows", "organization", "--format", "csv", "--permutations", "0"])
        let lines = csv.stdout.split(separator: "\n")
        #expect(lines[0] == "organization,label,members,period,adopters,share")
        #expect(lines.count == 1 + 22 * 17)  // all + 21 organizations (17 hospitals, 4 towns)
        #expect(lines.contains("town-1,Town 1,62,17,55,\(55.0 / 62)"))
    }

    @Test func periodRowsForEventHistory() throws {
        let r = try CLI.run(base + ["--relations", "advice", "--rows", "period", "--format", "csv", "--permutations", "0"])
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 1 + 125 * 17)
        #expect(lines.contains("advice,1003,2,\(1.0 / 3),0,0"))
        #expect(lines.contains("advice,1003,8,1.0,1,1"))
        #expect(lines.contains("advice,1001,5,,1,0"))  // no alters: no exposure
    }

    @Test func textReport() throws {
        let out = try Fixtures.temporaryFolder().appendingPathComponent("exposure.txt")
        let r = try CLI.run(base + ["--permutations", "99", "-o", out.path])
        #expect(r.status == 0 && r.stdout.isEmpty, "\(r.stderr)")
        let text = try String(contentsOf: out, encoding: .utf8)
        #expect(text.hasPrefix("Network exposure (Valente 1995): adoption from toa (never = 18), 125 nodes, 109 adopters in periods 1–17"))
        #expect(text.contains("== adopters with an alter who adopted earlier, vs. 99 permutations"))
        #expect(text.contains("== adopter category × threshold class (advice+discussion+friendship)"))
        #expect(text.contains("non-adopter            0    0     0          0            16     16"))
        #expect(text.contains("== cumulative share of members adopted, by period"))
        #expect(text.contains("town-4"))
    }

    @Test func badInput() throws {
        let missing = try CLI.run(["exposure", dataset, "--adoption", "when"])
        #expect(missing.status == 64 && missing.stderr.contains("no node attribute \"when\""))
        let fractional = try CLI.run(["exposure", dataset, "--adoption", "thresh"])
        #expect(fractional.status == 65)
        #expect(fractional.stderr.contains("medInnovations/nodes.csv:5:56: --adoption thresh: node \"1004\": thresh should be a whole number"), "\(fractional.stderr)")
        let relation = try CLI.run(base + ["--relations", "advice,gossip"])
        #expect(relation.status == 64 && relation.stderr.contains("no relation \"gossip\""))
        let lag = try CLI.run(base + ["--lag=-1"])
        #expect(lag.status == 64 && lag.stderr.contains("--lag"))
        let within = try CLI.run(base + ["--within", "nothing"])
        #expect(within.status == 64 && within.stderr.contains("no node attribute \"nothing\""))
        // A dataset without organizations: --by none is the default there; asking for them fails.
        let folder = try Fixtures.temporaryFolder()
        try "id,kind,label,toa:int\na,actor,,1\nb,actor,,2\nc,actor,,\n".write(to: folder.appendingPathComponent("nodes.csv"),
                                                                           atomically: true, encoding: .utf8)
        try "source,target,relation,weight,directed\na,b,advice,,true\nb,a,advice,,true\nc,a,advice,,true\n"
            .write(to: folder.appendingPathComponent("edges.csv"), atomically: true, encoding: .utf8)
        // advice is not declared in a dataset.json, so influence is assumed to flow along the arcs;
        // --direction outgoing reads it as nominations (c names a).
        // c has no toa: no data, so by default (as in `fit`) it is left out and the count reported.
        let plain = try CLI.run(["exposure", folder.path, "--adoption", "toa", "--permutations", "0", "--direction", "outgoing",
                                 "--format", "json"])
        #expect(plain.status == 0, "\(plain.stderr)")
        #expect(plain.stderr.contains("note: 1 node has no toa value: left out of the population"), "\(plain.stderr)")
        let d = try json(plain.stdout)
        #expect((d["organizations"] as! [[String: Any]]).map { $0["organization"] as! String } == ["all"])
        #expect(d["population"] as? Int == 2 && d["missing"] as? String == "exclude")
        #expect(!(d["nodes"] as! [[String: Any]]).contains { $0["id"] as? String == "c" })
        // --missing never: c never adopted, and names a, who adopted in period 1.
        let never = try CLI.run(["exposure", folder.path, "--adoption", "toa", "--permutations", "0", "--direction", "outgoing",
                                 "--missing", "never", "--format", "json"])
        #expect(never.status == 0 && !never.stderr.contains("left out"), "\(never.stderr)")
        let n = try json(never.stdout)
        #expect(n["population"] as? Int == 3)
        let c = (n["nodes"] as! [[String: Any]]).first { $0["id"] as? String == "c" }!
        #expect(c["adopter_category"] as? String == "non-adopter" && c["exposure_at_end"] as? Double == 1)
        let noOrgs = try CLI.run(["exposure", folder.path, "--adoption", "toa", "--by", "organization"])
        #expect(noOrgs.status == 64 && noOrgs.stderr.contains("the dataset has no organizations"))
        // fit reads the same options with the same meaning.
        let fitExcluded = try CLI.run(["fit", folder.path, "--adoption", "toa", "--direction", "outgoing", "--format", "json"])
        #expect(fitExcluded.stderr.contains("note: 1 node has no toa value: left out of the population"), "\(fitExcluded.stderr)")
        let fitNever = try CLI.run(["fit", folder.path, "--adoption", "toa", "--direction", "outgoing", "--missing", "never",
                                    "--model", "contagion", "--format", "json"])
        #expect(!fitNever.stderr.contains("left out"), "\(fitNever.stderr)")
        if fitNever.status == 0 { #expect(try json(fitNever.stdout)["population"] as? Int == 3) }
    }

    @Test func plotWritesCurvesByGroupAndExposure() throws {
        let dir = try Fixtures.temporaryFolder()
        let svg = dir.appendingPathComponent("exposure.svg").path
        let r = try CLI.run(["exposure", Fixtures.dataset("medInnovations"), "--adoption", "toa", "--never", "18", "--by", "city",
                             "--permutations", "9", "--plot", svg])
        #expect(r.status == 0, "\(r.stderr)")
        let text = try String(contentsOfFile: svg, encoding: .utf8)
        #expect(text.hasPrefix("<?xml") || text.hasPrefix("<svg"))
        #expect(text.contains("Cumulative adoption by city"))
        #expect(text.contains("city 4") && text.contains("everyone"))
        #expect(text.contains("109 of 125 adopted"))
        #expect(XMLParser(data: Data(text.utf8)).parse())  // well-formed
    }
}
