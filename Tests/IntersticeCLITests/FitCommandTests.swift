import Foundation
import Testing
import TestSupport

/// `interstice fit` run as a user would, against `Tests/Fixtures/estimation/fit_oracle.json`
/// (statsmodels), plus its bad-input errors.
@Suite("interstice fit (the built binary)")
struct FitCommandTests {
    let med = Fixtures.dataset("medInnovations")
    var base: [String] { ["fit", med, "--adoption", "toa", "--never", "18", "--relations", "advice,discussion,friendship"] }

    func json(_ s: String) throws -> [String: Any] { try JSONSerialization.jsonObject(with: Data(s.utf8)) as! [String: Any] }

    func oracle(_ name: String) throws -> [String: Any] {
        let all = try Fixtures.json("estimation/fit_oracle.json") as! [String: Any]
        return try #require((all["configs"] as! [[String: Any]]).first { $0["name"] as? String == name })
    }

    @Test func hazardJSONMatchesStatsmodels() throws {
        let r = try CLI.run(base + ["--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let d = try json(r.stdout)
        let o = try oracle("med-hazard")
        #expect(d["model"] as? String == "hazard" && d["rows"] as? Int == o["rows"] as? Int && d["events"] as? Int == 109)
        let est = d["estimates"] as! [[String: Any]]
        #expect(est.map { $0["term"] as! String } == o["names"] as! [String])
        for (j, e) in est.enumerated() {
            #expect(abs((e["estimate"] as! Double) - (o["estimate"] as! [Double])[j]) < 1e-6)
            #expect(abs((e["se"] as! Double) - (o["se"] as! [Double])[j]) < 1e-6)
            #expect(abs((e["robust_se"] as! Double) - (o["robust_se"] as! [Double])[j]) < 1e-6)
            #expect(abs((e["ci_low"] as! Double) - (o["ci_low"] as! [Double])[j]) < 1e-6)
            #expect(abs((e["p_value"] as! Double) - (o["p_value"] as! [Double])[j]) < 1e-6)
        }
        // Provenance: every parameter, the version and the input's digest.
        #expect((d["dataset_sha256"] as? String)?.count == 64)
        #expect(d["version"] is String && d["seed"] as? Int == 1 && d["permutations"] as? Int == 0 && d["never"] as? Int == 18)
        #expect(d["relations"] as? [String] == ["advice", "discussion", "friendship"] && d["direction"] as? String == "outgoing")
        #expect(abs((d["aic"] as! Double) - (o["aic"] as! Double)) < 1e-6)
    }

    @Test func contagionCSVAndTable() throws {
        let r = try CLI.run(base + ["--model", "contagion", "--format", "csv"])
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "term,estimate,se,ci_low,ci_high,p_value,note")
        #expect(lines.count == 5)
        let o = try oracle("med-contagion")
        let outside = lines[1].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        #expect(outside[0] == "outside" && abs(Double(outside[1])! - (o["estimate"] as! [Double])[0]) < 1e-6)
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let svg = folder.appendingPathComponent("fit.svg").path
        let t = try CLI.run(base + ["--model", "contagion", "--by", "city", "--plot", svg])
        #expect(t.status == 0 && t.stdout.contains("profile-likelihood 95% intervals") && t.stdout.contains("outside:1"), "\(t.stderr)")
        let drawing = try String(contentsOfFile: svg, encoding: .utf8)
        #expect(drawing.hasPrefix("<svg") || drawing.hasPrefix("<?xml"))
        #expect(drawing.contains("observed") && drawing.contains("fitted") && drawing.contains("city 4"))
    }

    @Test func permutationsAreThreadIndependent() throws {
        let args = base + ["--by", "city", "--permutations", "40", "--seed", "5", "--format", "json"]
        let one = try CLI.run(args + ["--threads", "1"]), two = try CLI.run(args + ["--threads", "2"])
        #expect(one.status == 0, "\(one.stderr)")
        let a = try json(one.stdout), b = try json(two.stdout)
        let pa = (a["estimates"] as! [[String: Any]]).map { $0["permutation_p"] as? Double }
        let pb = (b["estimates"] as! [[String: Any]]).map { $0["permutation_p"] as? Double }
        #expect(pa == pb && pa.allSatisfy { $0 != nil })
        #expect((a["estimates"] as! [[String: Any]]).contains { $0["term"] as? String == "city:2" })
    }

    @Test func badInput() throws {
        let missing = try CLI.run(["fit", med, "--adoption", "nosuch"])
        #expect(missing.status == 64 && missing.stderr.contains("no node attribute \"nosuch\""))
        let text = try CLI.run(["fit", Fixtures.dataset("brfarmers"), "--adoption", "liveout"])
        #expect(text.status == 65 && text.stderr.contains("should be a whole number"), "\(text.stderr)")
        // file:line:column of the first bad cell: farmer 1001's liveout, "never", on line 2 at column 34.
        #expect(text.stderr.contains("brfarmers/nodes.csv:2:34: --adoption liveout: node \"1001\""), "\(text.stderr)")
        #expect(text.stderr.split(separator: "\n").count == 1)
        let relation = try CLI.run(["fit", med, "--adoption", "toa", "--relations", "advise"])
        #expect(relation.status == 64 && relation.stderr.contains("no relation \"advise\""))
        let covariate = try CLI.run(base + ["--covariates", "detail"])
        #expect(covariate.status == 65 && covariate.stderr.contains("covariate \"detail\" is missing"), "\(covariate.stderr)")
        let contagion = try CLI.run(base + ["--model", "contagion", "--covariates", "nojourn"])
        #expect(contagion.status == 64)
        // An attribute never set: every value missing.
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try "id,kind,toa:int\na,actor,\nb,actor,\nc,actor,\n".write(to: folder.appendingPathComponent("nodes.csv"), atomically: true, encoding: .utf8)
        try "source,target,relation\na,b,advice\nb,c,advice\n".write(to: folder.appendingPathComponent("edges.csv"), atomically: true, encoding: .utf8)
        let never = try CLI.run(["fit", folder.path, "--adoption", "toa"])
        #expect(never.status == 65 && never.stderr.contains("nobody adopted"), "\(never.stderr)")
        let out = folder.appendingPathComponent("out.json").path
        _ = try CLI.run(["fit", folder.path, "--adoption", "toa", "-o", out])
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test func tiesToNodesWithoutAdoptionDataAreReported() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // d, e, h have no adoption value: left out, and the three ties from the population to them are reported.
        try "id,kind,toa:int\na,actor,1\nb,actor,2\nc,actor,3\nd,actor,\ne,actor,\nf,actor,2\ng,actor,3\nh,actor,\n"
            .write(to: folder.appendingPathComponent("nodes.csv"), atomically: true, encoding: .utf8)
        try "source,target,relation,weight,directed\nb,a,advice,,true\nc,b,advice,,true\nb,d,advice,,true\nf,e,advice,,true\ng,a,advice,,true\nc,h,advice,,true\nd,a,advice,,true\n"
            .write(to: folder.appendingPathComponent("edges.csv"), atomically: true, encoding: .utf8)
        // advice is not declared in a dataset.json: --direction outgoing reads it as nominations.
        let r = try CLI.run(["fit", folder.path, "--adoption", "toa", "--model", "contagion", "--direction", "outgoing", "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let d = try json(r.stdout)
        #expect((d["ties_without_adoption_data"] as? [String: Any])?["advice"] as? Int == 3)
        #expect(d["population"] as? Int == 5)
        let t = try CLI.run(["fit", folder.path, "--adoption", "toa", "--model", "contagion", "--direction", "outgoing"])
        #expect(t.stdout.contains("advice: 3 ties to nodes without adoption data"))
    }
}
