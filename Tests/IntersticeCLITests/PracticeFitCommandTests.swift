import Foundation
import Testing
import TestSupport

/// `fit --model practice` and `reach` / `diffuse --parameters fit.json`, run as a user would.
@Suite("interstice fit --model practice and --parameters (the built binary)")
struct PracticeFitCommandTests {
    func json(_ s: String) throws -> [String: Any] { try JSONSerialization.jsonObject(with: Data(s.utf8)) as! [String: Any] }

    /// A ring of 12 actors with undirected advice ties plus two friendship chords; a and b adopt
    /// in period 1, their neighbours after; l never.
    func dataset() throws -> URL {
        let folder = try Fixtures.temporaryFolder()
        let ids = "abcdefghijkl".map(String.init)
        let toa = [1, 1, 2, 2, 3, 3, 4, 5, 4, 3, 2, 99]
        try ("id,kind,toa:int\n" + zip(ids, toa).map { "\($0),actor,\($1)\n" }.joined())
            .write(to: folder.appendingPathComponent("nodes.csv"), atomically: true, encoding: .utf8)
        var edges = "source,target,relation,weight,directed\n"
        for i in 0..<12 { edges += "\(ids[i]),\(ids[(i + 1) % 12]),advice,,false\n" }
        edges += "a,g,friendship,,false\nb,h,friendship,,false\n"
        try edges.write(to: folder.appendingPathComponent("edges.csv"), atomically: true, encoding: .utf8)
        return folder
    }

    func fit(_ folder: URL, _ extra: [String] = [], name: String = "fit.json") throws -> (CLI.Result, URL) {
        let out = folder.appendingPathComponent(name)
        let r = try CLI.run(["fit", folder.path, "--adoption", "toa", "--never", "99", "--model", "practice", "--relations", "advice",
                             "--runs", "50", "--bootstrap", "10", "--format", "json", "-o", out.path] + extra)
        return (r, out)
    }

    @Test func practiceFitJSON() throws {
        let folder = try dataset()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (r, out) = try fit(folder)
        #expect(r.status == 0, "\(r.stderr)")
        let d = try json(String(contentsOf: out, encoding: .utf8))
        #expect(d["model"] as? String == "practice")
        let est = d["estimates"] as! [[String: Any]]
        #expect(est.map { $0["term"] as! String } == ["advice", "forgetting"])
        for e in est {
            let x = e["estimate"] as! Double, lo = e["ci_low"] as! Double, hi = e["ci_high"] as! Double
            #expect(x > 0 && x < 1 && lo <= hi && e["p_value"] is NSNull)
        }
        #expect(est[1]["note"] is String)   // forgetting always carries its identification note
        #expect(d["runs"] as? Int == 50 && d["bootstrap"] as? Int == 10 && d["seed"] as? Int == 1)
        #expect(d["seeds"] as? Int == 2 && d["nodes"] as? Int == 10 && d["adopters"] as? Int == 9)
        #expect(d["step"] as? String == "one period of toa")
        let practice = d["practice"] as! [String: Any]
        #expect(practice["forgetting_estimated"] as? Bool == true && practice["routinization"] as? Int == 6)
        #expect((d["dataset_sha256"] as? String)?.count == 64)
        // The same for any thread count.
        let (two, out2) = try fit(folder, ["--threads", "2"], name: "fit2.json")
        #expect(two.status == 0)
        let b = try json(String(contentsOf: out2, encoding: .utf8))
        for key in ["estimates", "curves", "notes"] {
            #expect(NSArray(array: d[key] as! [Any]).isEqual(to: b[key] as! [Any]), "\(key)")
        }
        #expect(d["objective"] as? Double == b["objective"] as? Double && d["evaluations"] as? Int == b["evaluations"] as? Int)
        // --forgetting fixes δ: one term, recorded.
        let (fixed, out3) = try fit(folder, ["--forgetting", "0.1"], name: "fit3.json")
        #expect(fixed.status == 0, "\(fixed.stderr)")
        let f = try json(String(contentsOf: out3, encoding: .utf8))
        #expect((f["estimates"] as! [[String: Any]]).map { $0["term"] as! String } == ["advice"])
        #expect((f["practice"] as! [String: Any])["forgetting"] as? Double == 0.1)
    }

    @Test func practiceFitBadInput() throws {
        let folder = try dataset()
        defer { try? FileManager.default.removeItem(at: folder) }
        let base = ["fit", folder.path, "--adoption", "toa", "--never", "99", "--relations", "advice"]
        let perm = try CLI.run(base + ["--model", "practice", "--permutations", "9"])
        #expect(perm.status == 64 && perm.stderr.contains("--permutations"), "\(perm.stderr)")
        let runs = try CLI.run(base + ["--runs", "50"])
        #expect(runs.status == 64 && runs.stderr.contains("--runs is a parameter of --model practice"), "\(runs.stderr)")
        let few = try CLI.run(base + ["--model", "practice", "--runs", "5"])
        #expect(few.status == 64 && few.stderr.contains("runs must be in 10…1000000"), "\(few.stderr)")
        let relation = try CLI.run(["fit", folder.path, "--adoption", "toa", "--model", "practice", "--relations", "trust"])
        #expect(relation.status == 64 && relation.stderr.contains("no relation \"trust\""), "\(relation.stderr)")
        let text = try CLI.run(["fit", folder.path, "--adoption", "nosuch", "--model", "practice"])
        #expect(text.status == 64 && text.stderr.contains("no node attribute \"nosuch\""))
    }

    @Test func diffuseAndReachTakeTheFittedParameters() throws {
        let folder = try dataset()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (r, out) = try fit(folder)
        #expect(r.status == 0, "\(r.stderr)")
        let fitted = try json(String(contentsOf: out, encoding: .utf8))
        let est = fitted["estimates"] as! [[String: Any]]
        let p = est[0]["estimate"] as! Double, delta = est[1]["estimate"] as! Double
        let base = ["diffuse", folder.path, "--model", "practice", "--seeds", "a,b", "--runs", "100", "--format", "json"]
        let d = try CLI.run(base + ["--parameters", out.path])
        #expect(d.status == 0, "\(d.stderr)")
        let text = d.stdout
        let digest = try #require(text.range(of: "\"parameters_file\""))
        #expect(!digest.isEmpty)
        let doc = try json(text)
        let request = try #require((doc["request"] as? [String: Any]) ?? ((doc["provenance"] as? [String: Any])?["request"] as? [String: Any]))
        let file = request["parameters_file"] as! [String: Any]
        #expect(file["path"] as? String == out.path && (file["sha256"] as? String)?.count == 64)
        #expect((file["probabilities"] as! [String: Any])["advice"] as? Double == p && file["forgetting"] as? Double == delta)
        #expect((request["parameters"] as! [String: Any])["forgetting"] as? Double == delta)
        let relations = request["relations"] as! [[String: Any]]
        #expect(relations.map { $0["relation"] as! String } == ["advice"] && relations[0]["probability"] as? Double == p)
        // Explicit options that contradict the file, and relations it does not cover.
        let uniform = try CLI.run(base + ["--parameters", out.path, "--probability", "0.3"])
        #expect(uniform.status == 64 && uniform.stderr.contains("contradicts"), "\(uniform.stderr)")
        let forgetting = try CLI.run(base + ["--parameters", out.path, "--forgetting", "0.99"])
        #expect(forgetting.status == 64 && forgetting.stderr.contains("forgetting 0.99 contradicts"), "\(forgetting.stderr)")
        let uncovered = try CLI.run(base + ["--parameters", out.path, "--relations", "advice,friendship"])
        #expect(uncovered.status == 64 && uncovered.stderr.contains("no probability for the channel relation \"friendship\""), "\(uncovered.stderr)")
        let covered = try CLI.run(base + ["--parameters", out.path, "--relations", "advice,friendship", "--probability", "friendship=0.1"])
        #expect(covered.status == 0, "\(covered.stderr)")
        let ic = try CLI.run(["diffuse", folder.path, "--model", "ic", "--seeds", "a", "--parameters", out.path])
        #expect(ic.status == 64 && ic.stderr.contains("not the practice model"), "\(ic.stderr)")
        // Not a practice fit; a relation the dataset lacks; a missing file.
        let hazard = folder.appendingPathComponent("hazard.json")
        try #"{"model": "hazard", "estimates": []}"#.write(to: hazard, atomically: true, encoding: .utf8)
        let notPractice = try CLI.run(base + ["--parameters", hazard.path])
        #expect(notPractice.status == 65 && notPractice.stderr.contains("a hazard fit, not a practice fit"), "\(notPractice.stderr)")
        let trust = folder.appendingPathComponent("trust.json")
        try #"{"model": "practice", "estimates": [{"term": "trust", "estimate": 0.2}], "practice": {"forgetting": 0.1}}"#
            .write(to: trust, atomically: true, encoding: .utf8)
        let lacks = try CLI.run(base + ["--parameters", trust.path])
        #expect(lacks.status == 65 && lacks.stderr.contains("no such relation"), "\(lacks.stderr)")
        let missing = try CLI.run(base + ["--parameters", folder.appendingPathComponent("none.json").path])
        #expect(missing.status == 66, "\(missing.stderr)")
        // reach runs with them too, and records them.
        let reach = try CLI.run(["reach", folder.path, "--seeds", "a,b", "--runs", "50", "--null", "none", "--parameters", out.path,
                                 "--format", "json"])
        #expect(reach.status == 0, "\(reach.stderr)")
        #expect(reach.stdout.contains("\"parameters_file\"") && reach.stdout.contains(out.path))
    }
}
