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
        #expect(rows.count == 39)
        // The collective's participants are the seeds: they adopt at step 0 in every run.
        let participants = rows.filter { ($0["mean_adoption_time"] as? Double) == 0 }
        #expect(participants.count == 11)
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
        // Six organizations: the PLIE (a scheme, employer=false) is not among them.
        #expect(one.stdout.split(separator: "\n").count == 1 + 6)
        #expect(!one.stdout.contains("\nplie,"))
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
        let r = try CLI.run(["reach", Fixtures.dataset("chalon-sur-saone"), "--models", "ic,lt,complex", "--runs", "300",
                             "--null-samples", "4", "--null-runs", "50"])
        #expect(r.status == 0, "\(r.stderr)")
        for org in ["ccas", "cg71", "pes", "training"] { #expect(r.stdout.contains(org)) }
        // The scheme is left out, and a note says so.
        #expect(!r.stdout.contains("dispositif"))
        #expect(r.stderr.contains("not counted as organizations that institutionalize (employer=false): dispositif"))
        #expect(r.stdout.contains("== ic") && r.stdout.contains("== lt") && r.stdout.contains("== complex k=2"))
        #expect(r.stdout.contains("organizations institutionalized"))
    }

    /// The practice model is reach's default; its options reach the library and land in the
    /// JSON metadata; options a model would ignore and the removed head rules are errors.
    @Test func reachDefaultsToThePracticeModelAgainstTheCollectivePreservingNull() throws {
        let r = try CLI.run(["reach", Fixtures.dataset("chalon-sur-saone"), "--runs", "200", "--null", "collective-preserving",
                             "--null-samples", "4", "--null-runs", "50", "--forgetting", "0.1", "--turnover", "0.05",
                             "--replace", "none", "--end", "12", "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let d = try json(r.stdout)
        #expect(d["null_model"] as? String == "collective-preserving")
        let m = (d["models"] as! [[String: Any]])[0]
        #expect(m["model"] as? String == "practice")
        let params = m["parameters"] as! [String: Any]
        #expect(params["forgetting"] as? String == "0.1" && params["turnover"] as? String == "0.05" && params["replace"] as? String == "none")
        #expect(params["routinization"] as? String == "6" && params["formalization"] as? String == "0.0")
        #expect(m["collective_end"] as? Int == 12)
        #expect((m["departures"] as? [String: Any])?["mean"] as? Double ?? 0 > 0)
        let orgs = m["organizations"] as! [[String: Any]]
        #expect(orgs.allSatisfy { $0["p_endorsed"] is Double && $0["p_formalized"] is Double })
        let table = try CLI.run(["reach", Fixtures.dataset("chalon-sur-saone"), "--runs", "100", "--null", "none"])
        #expect(table.status == 0 && table.stdout.contains("== practice") && table.stdout.contains("P(endorsed)"))

        let ignored = try CLI.run(["reach", Fixtures.dataset("chalon-sur-saone"), "--models", "ic", "--forgetting", "0.1"])
        #expect(ignored.status == 64 && ignored.stderr.contains("forgetting is a parameter of practice; ic does not use it"), "\(ignored.stderr)")
        let compliance = try CLI.run(["diffuse", Fixtures.dataset("chalon-sur-saone"), "--model", "practice",
                                      "--formalization", "0", "--compliance", "0.9"])
        #expect(compliance.status == 64 && compliance.stderr.contains("compliance: formalization is off"), "\(compliance.stderr)")
        let range = try CLI.run(["diffuse", Fixtures.dataset("chalon-sur-saone"), "--model", "practice", "--forgetting", "1.5"])
        #expect(range.status == 64 && range.stderr.contains("forgetting: must be a probability in [0, 1]"), "\(range.stderr)")
        let head = try CLI.run(["reach", Fixtures.dataset("chalon-sur-saone"), "--rule", "head"])
        #expect(head.status == 64 && head.stderr.contains("head rules were removed"))
    }

    /// --sensitivity: the JSON carries the grid and the summary states its counts; CSV is the grid.
    @Test func reachSensitivityCarriesTheGridAndSaysHowMuchOfItHolds() throws {
        let args = ["reach", Fixtures.dataset("cucm-plie"), "--runs", "100", "--null", "collective-preserving", "--null-samples", "4",
                    "--null-runs", "20", "--horizon", "20", "--sensitivity", "--grid-probability", "0.05,0.2", "--grid-theta", "0.5",
                    "--grid-forgetting", "0.1", "--grid-routinization", "0", "--grid-formalization", "0,0.02",
                    "--grid-nulls", "collective-preserving",
                    "--grid-runs", "50", "--grid-null-samples", "4", "--grid-null-runs", "20"]
        let r = try CLI.run(args + ["--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let d = try json(r.stdout)
        let sweep = d["sensitivity"] as! [String: Any]
        let grid = sweep["grid"] as! [[String: Any]]
        #expect(sweep["settings"] as? Int == 6 && grid.count == 6)  // 2 p × (2 formalization × practice + ic)
        #expect(Set(grid.map { $0["model"] as! String }) == ["practice", "ic"])
        #expect(grid.filter { $0["model"] as? String == "practice" }.compactMap { $0["formalization"] as? Double } == [0, 0.02, 0, 0.02])
        #expect(grid.filter { $0["model"] as? String == "ic" }.allSatisfy { $0["formalization"] is NSNull })
        #expect(grid.allSatisfy { ["fewer", "more", "no clear difference"].contains($0["verdict"] as! String) })
        let summary = d["summary"] as! [String]
        let fewer = grid.filter { $0["verdict"] as? String == "fewer" }.count
        #expect(summary.contains("Robustness (6 settings of the grid):"))
        #expect(summary.contains { $0.contains("fewer organizations institutionalized than chance in \(fewer) of 6 settings") })
        let csv = try CLI.run(args + ["--format", "csv"])
        #expect(csv.stdout.hasPrefix("null,model,p,theta,forgetting,routinization,formalization,organizations_institutionalized,"))
        #expect(csv.stdout.split(separator: "\n").count == 7)
        let stray = try CLI.run(["reach", Fixtures.dataset("cucm-plie"), "--grid-theta", "0.5"])
        #expect(stray.status == 64 && stray.stderr.contains("--grid-theta only apply with --sensitivity"))
    }

    /// --vary assumed K: distributions over redraws of the assumed ties, in JSON and CSV; --plot
    /// marks the collective's end and states the turnover; a dataset without assumed ties is an error.
    @Test func reachVariesTheAssumedTiesAndPlotsTheCollectivesEnd() throws {
        let tmp = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: tmp) }
        let svg = tmp.appendingPathComponent("reach.svg").path
        let args = ["reach", Fixtures.dataset("cucm-plie"), "--runs", "100", "--null", "none", "--horizon", "30", "--end", "8",
                    "--turnover", "0.05", "--vary", "assumed", "5"]
        let r = try CLI.run(args + ["--format", "json", "--plot", svg])
        #expect(r.status == 0, "\(r.stderr)")
        let d = try json(r.stdout)
        let vary = d["vary_assumed"] as! [String: Any]
        #expect(vary["redraws"] as? Int == 5)
        let stats = vary["statistics"] as! [[String: Any]]
        #expect(stats.count == 4 && stats.allSatisfy { ($0["q05"] as! Double) <= ($0["median"] as! Double) && ($0["median"] as! Double) <= ($0["q95"] as! Double) })
        #expect((d["summary"] as! [String]).contains { $0.hasPrefix("Assumed ties redrawn 5 times (practice)") })
        let plot = try String(contentsOfFile: svg, encoding: .utf8)
        #expect(plot.contains("class=\"marker\"") && plot.contains("collective ends"))
        #expect(plot.contains("turnover μ = 0.05 per step"))
        let csv = try CLI.run(args + ["--format", "csv"])
        #expect(csv.stdout.hasPrefix("model,statistic,as_reconstructed,median,q05,q95,redraws"))
        let bad = try CLI.run(["reach", Fixtures.dataset("cucm-plie"), "--vary", "documented", "3"])
        #expect(bad.status == 64 && bad.stderr.contains("--vary takes assumed K"))
        let none = try CLI.run(["reach", Fixtures.dataset("krackhardt-hightech"), "--seeds", "1,2", "--vary", "assumed", "3",
                                "--runs", "10", "--null", "none"])
        #expect(none.status == 65 && none.stderr.contains("tagged basis=assumed"), "\(none.stderr)")
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
        #expect((m["organizations"] as! [[String: Any]]).count == 6)
    }

    @Test func includeSchemesCountsThePLIE() throws {
        let base = ["diffuse", Fixtures.dataset("cucm-plie"), "--model", "ic", "--runs", "50", "--per", "organization",
                    "--format", "csv"]
        let with = try CLI.run(base + ["--include-schemes"])
        #expect(with.status == 0, "\(with.stderr)")
        #expect(with.stdout.split(separator: "\n").count == 1 + 7 && with.stdout.contains("\nplie,"))
        #expect(!with.stderr.contains("not counted"))
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

    /// The practice model's default probability is per tie and step (0.02), the other models'
    /// 0.2; a reach mixing them must be given one; `--end never`; a comparison where every run,
    /// observed and null, sits at the ceiling says that it cannot discriminate.
    @Test func practiceDefaultsEndNeverAndSaturationCaution() throws {
        let ds = Fixtures.dataset("chalon-sur-saone")
        let r = try CLI.run(["reach", ds, "--runs", "100", "--null", "none", "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let request = try json(r.stdout)["request"] as! [String: Any]
        #expect(request["probability"] as? String == "0.02")
        let relations = request["relations"] as! [[String: Any]]
        #expect(relations.count == 3 && relations.allSatisfy { $0["probability"] as? Double == 0.02 })
        let ic = try CLI.run(["reach", ds, "--models", "ic", "--runs", "100", "--null", "none", "--format", "json"])
        #expect((try json(ic.stdout)["request"] as! [String: Any])["probability"] as? String == "0.2")
        let mixed = try CLI.run(["reach", ds, "--models", "practice,ic", "--runs", "10", "--null", "none"])
        #expect(mixed.status == 64 && mixed.stderr.contains("different default probabilities") && mixed.stderr.contains("give --probability"),
                "\(mixed.stderr)")
        let given = try CLI.run(["reach", ds, "--models", "practice,ic", "--probability", "0.05", "--runs", "10", "--null", "none"])
        #expect(given.status == 0, "\(given.stderr)")

        let never = try CLI.run(["reach", ds, "--end", "never", "--runs", "50", "--null", "none", "--format", "json"])
        #expect(never.status == 0, "\(never.stderr)")
        let m = (try json(never.stdout)["models"] as! [[String: Any]])[0]
        #expect(m["collective_end"] is NSNull)
        let twelve = try CLI.run(["reach", ds, "--end", "12", "--runs", "50", "--null", "none", "--format", "json"])
        #expect((try json(twelve.stdout)["models"] as! [[String: Any]])[0]["collective_end"] as? Int == 12)
        let bad = try CLI.run(["reach", ds, "--end", "soon", "--runs", "10"])
        #expect(bad.status == 64 && bad.stderr.contains("expected a step number or never"))

        let saturated = try CLI.run(["reach", ds, "--probability", "0.6", "--forgetting", "0", "--runs", "100",
                                     "--null-samples", "4", "--null-runs", "40"])
        #expect(saturated.status == 0, "\(saturated.stderr)")
        #expect(saturated.stdout.contains("Caution: every organization institutionalizes in the observed network and in every null network"))
        let calibrated = try CLI.run(["reach", ds, "--runs", "100", "--null-samples", "4", "--null-runs", "40"])
        #expect(calibrated.status == 0 && !calibrated.stdout.contains("Caution"))
    }
}
