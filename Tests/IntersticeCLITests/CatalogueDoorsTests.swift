import Foundation
import Testing
import TestSupport

/// The catalogue's promise: the CLI and a batch manifest only translate into the same typed
/// requests, so every measure and every model gives the same numbers through either door.
@Suite("CLI and batch give identical numbers (one catalogue)")
struct CatalogueDoorsTests {
    static let measures = ["degree", "in-degree", "out-degree", "strength", "closeness", "harmonic", "betweenness",
                           "approx-betweenness", "eigenvector", "katz", "pagerank", "hub", "authority", "constraint",
                           "effective-size", "efficiency", "clustering", "core"]
    static let models = ["ic", "lt", "complex", "si", "sis", "sir", "sir-continuous", "bass", "practice"]

    func jsonLines(_ s: String) throws -> [[String: Any]] {
        try s.split(separator: "\n").map { try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
    }

    /// A temporary folder with a copy of cucm-plie and a manifest running every measure, every
    /// model, and one reach, with seed 7.
    func runBatch() throws -> (tmp: URL, store: String) {
        let tmp = try Fixtures.temporaryFolder()
        try FileManager.default.copyItem(atPath: Fixtures.dataset("cucm-plie"), toPath: tmp.appendingPathComponent("cucm-plie").path)
        let manifest = """
        name: doors
        seed: 7
        datasets: [cucm-plie]
        analyses:
          - centrality: {measures: [\(Self.measures.joined(separator: ", "))], alpha: 0.02, threads: 1}
          - diffuse: {model: [\(Self.models.joined(separator: ", "))], runs: 300, horizon: 15}
          - reach: {models: [ic, bass], null: none, runs: 200, horizon: 12, theta: 0.3}
        """
        let path = tmp.appendingPathComponent("doors.yaml").path
        try manifest.write(toFile: path, atomically: true, encoding: .utf8)
        let store = tmp.appendingPathComponent("out").path
        let r = try CLI.run(["batch", path, "--output", store, "--jobs", "1"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasPrefix("doors: 11 jobs; 11 done now"), "\(r.stdout)")
        return (tmp, store)
    }

    @Test("Every measure, every model and reach: batch rows equal the CLI's output")
    func doorsAgree() throws {
        let (tmp, store) = try runBatch()
        defer { try? FileManager.default.removeItem(at: tmp) }
        let dataset = tmp.appendingPathComponent("cucm-plie").path
        let jobs = try jsonLines(try CLI.run(["batch", "export", store, "--format", "jsonl", "--table", "jobs", "-o", "-"]).stdout)
        #expect(jobs.count == 11 && jobs.allSatisfy { $0["status"] as? String == "done" })

        // Centrality: all 18 measures.
        let scores = try jsonLines(try CLI.run(["batch", "export", store, "--format", "jsonl", "--table", "node_scores", "-o", "-"]).stdout)
        let c = try CLI.run(["centrality", dataset, "--measure", Self.measures.joined(separator: ","), "--alpha", "0.02",
                             "--seed", "7", "--threads", "1", "--format", "json"])
        #expect(c.status == 0, "\(c.stderr)")
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(c.stdout.utf8)) as? [String: Any])
        let rows = try #require(doc["rows"] as? [[String: Any]])
        let actors = rows.count
        #expect(actors >= 30)
        var compared = 0
        for m in Self.measures {
            let batch = Dictionary(uniqueKeysWithValues: scores.filter { $0["measure"] as? String == m }
                .map { ($0["node"] as! String, $0["value"] as? Double ?? .nan) })
            #expect(batch.count == actors, "\(m)")
            for row in rows {
                let id = row["id"] as! String
                let cli = row[m] as? Double ?? .nan
                let b = try #require(batch[id])
                #expect(cli == b || (cli.isNaN && b.isNaN), "\(m) of \(id): CLI \(cli), batch \(b)")
                compared += 1
            }
        }
        #expect(compared == 18 * actors)

        // Diffuse: every model, per organization.
        var organizations = 0
        let reach = try jsonLines(try CLI.run(["batch", "export", store, "--format", "jsonl", "--table", "organization_reach", "-o", "-"]).stdout)
        for model in Self.models {
            let job = try #require(jobs.first { $0["analysis"] as? String == "diffuse" && ($0["params"] as? String)?.contains("\"model\":\"\(model)\"") == true })
            let batchRows = reach.filter { $0["job"] as? String == job["key"] as? String }
            let d = try CLI.run(["diffuse", dataset, "--model", model, "--runs", "300", "--horizon", "15", "--seed", "7",
                                 "--per", "organization", "--format", "json"])
            #expect(d.status == 0, "\(model): \(d.stderr)")
            let cliRows = try #require((try JSONSerialization.jsonObject(with: Data(d.stdout.utf8)) as? [String: Any])?["rows"] as? [[String: Any]])
            #expect(cliRows.count >= 4 && batchRows.count == cliRows.count, "\(model)")
            organizations = cliRows.count
            for row in cliRows {
                let b = try #require(batchRows.first { $0["organization"] as? String == row["organization"] as? String })
                var keys = ["p_reached", "mean_share", "p_institutionalized", "p_institutionalized_low", "time_to_reach_mean"]
                if model == "practice" {
                    keys += ["p_endorsed", "p_formalized"]
                    #expect(row["p_endorsed"] is Double && b["p_formalized"] as? Double == 0, "formalization is off by default")
                } else {
                    #expect(b["p_endorsed"] == nil || b["p_endorsed"] is NSNull)
                }
                for k in keys {
                    #expect(b[k] as? Double == row[k] as? Double, "\(model) \(k) of \(row["organization"] ?? "")")
                }
            }
        }

        // Reach: two models, no null.
        let job = try #require(jobs.first { $0["analysis"] as? String == "reach" })
        let batchReach = reach.filter { $0["job"] as? String == job["key"] as? String }
        #expect(batchReach.count == 2 * organizations)
        let r = try CLI.run(["reach", dataset, "--models", "ic,bass", "--null", "none", "--runs", "200", "--horizon", "12",
                             "--theta", "0.3", "--seed", "7", "--format", "csv"])
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let header = lines[0]
        let pi = try #require(header.firstIndex(of: "p_institutionalized")), org = try #require(header.firstIndex(of: "organization"))
        let mi = try #require(header.firstIndex(of: "model"))
        #expect(lines.count == 1 + 2 * organizations)
        for l in lines.dropFirst() {
            let model = l[mi].split(separator: " ").first.map(String.init) ?? l[mi]
            let b = try #require(batchReach.first { $0["model"] as? String == model && $0["organization"] as? String == l[org] })
            #expect(b["p_institutionalized"] as? Double == Double(l[pi]), "reach \(model) \(l[org])")
        }
    }
}
