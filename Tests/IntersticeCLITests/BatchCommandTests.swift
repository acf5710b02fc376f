import Foundation
import Testing
import TestSupport

@Suite("interstice batch (the built binary)")
struct BatchCommandTests {
    func jsonLines(_ s: String) throws -> [[String: Any]] {
        try s.split(separator: "\n").map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
    }

    @Test("A bad manifest is refused with its line and column before any job runs", arguments: [
        ("bad-unknown-analysis.yaml", Int32(65), ":5:5: unknown analysis \"difuse\"; analyses are info, centrality, diffuse, reach, render"),
        ("bad-missing-dataset.yaml", Int32(66), ":3:5: dataset \"../../../Datasets/no-such-territory\" does not exist"),
        ("bad-parameter-type.yaml", Int32(65), ":6:20: diffuse: theta must be a number in (0, 1], found \"high\""),
    ])
    func badManifest(file: String, status: Int32, message: String) throws {
        let tmp = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: tmp) }
        let out = tmp.appendingPathComponent("out").path
        let r = try CLI.run(["batch", "--allow-outside", Fixtures.path("batch/\(file)"), "--output", out])
        #expect(r.status == status, "\(r.stderr)")
        #expect(r.stderr.hasPrefix("interstice: \(Fixtures.path("batch/\(file)"))\(message)"), "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out), "no store is created before the manifest is valid")
    }

    @Test("A run: summary on stdout, JSON log lines on stderr, the store; the same jobs as interstice diffuse")
    func run() throws {
        let tmp = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: tmp) }
        let out = tmp.appendingPathComponent("out").path
        let r = try CLI.run(["batch", "--allow-outside", Fixtures.path("batch/small.yaml"), "--output", out, "--jobs", "2"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasPrefix("small: 12 jobs; 12 done now, 0 done before, 0 failed; "))
        #expect(r.stdout.contains("results: \(out)/results.sqlite"))
        let log = try jsonLines(r.stderr)
        #expect(log.first?["event"] as? String == "plan" && log.first?["to_run"] as? Int == 12)
        #expect(log.filter { $0["event"] as? String == "job" && $0["status"] as? String == "done" }.count == 12)
        #expect(log.last?["event"] as? String == "summary" && log.last?["done"] as? Int == 12)

        // The batch's diffuse job and `interstice diffuse` with the same parameters give the same numbers.
        let e = try CLI.run(["batch", "export", out, "--format", "jsonl", "--table", "organization_reach", "-o", "-"])
        #expect(e.status == 0, "\(e.stderr)")
        let jobs = try jsonLines(try CLI.run(["batch", "export", out, "--format", "jsonl", "--table", "jobs", "-o", "-"]).stdout)
        let job = try #require(jobs.first {
            ($0["dataset"] as? String)?.hasSuffix("cucm-plie") == true && ($0["params"] as? String)?.contains("\"model\":\"lt\"") == true
                && ($0["params"] as? String)?.contains("\"theta\":0.3") == true
        })
        #expect(job["seed"] as? Int == 11 && job["status"] as? String == "done")
        let rows = try jsonLines(e.stdout).filter { $0["job"] as? String == job["key"] as? String }
        // Six organizations: the PLIE is a scheme (employer=false), not counted.
        #expect(rows.count == 6)
        let cli = try CLI.run(["diffuse", Fixtures.dataset("cucm-plie"), "--model", "lt", "--theta", "0.3", "--runs", "200",
                               "--horizon", "20", "--seed", "11", "--per", "organization", "--format", "json"])
        #expect(cli.status == 0, "\(cli.stderr)")
        let cliJSON = try JSONSerialization.jsonObject(with: Data(cli.stdout.utf8)) as! [String: Any]
        let cliRows = cliJSON["rows"] as! [[String: Any]]
        // The result records which organizations were counted.
        let counted = (cliJSON["institutionalization"] as! [String: Any])["organizations"] as? [String]
        #expect(counted == ["cg71", "crepi", "mifi", "pes", "training-a", "training-b"])
        for c in cliRows {
            let b = try #require(rows.first { $0["organization"] as? String == c["organization"] as? String })
            for k in ["p_reached", "mean_share", "p_institutionalized", "p_institutionalized_high"] {
                #expect(b[k] as? Double == c[k] as? Double, "\(k) of \(c["organization"] ?? "")")
            }
        }

        // Again: everything done before.
        let again = try CLI.run(["batch", "--allow-outside", Fixtures.path("batch/small.yaml"), "--output", out])
        #expect(again.stdout.hasPrefix("small: 12 jobs; 0 done now, 12 done before, 0 failed; "))
    }

    @Test("A failing job is recorded with its error, the others go on, the exit status is 1")
    func failing() throws {
        let tmp = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: tmp) }
        let r = try CLI.run(["batch", "--allow-outside", Fixtures.path("batch/failing.yaml"), "--output", tmp.path])
        #expect(r.status == 1)
        #expect(r.stdout.hasPrefix("failing: 4 jobs; 3 done now, 0 done before, 1 failed; "))
        #expect(r.stderr.contains("interstice: failed: diffuse ../../../Datasets/krackhardt-hightech"))
        #expect(r.stderr.contains("the dataset has no collective"))
        let jobs = try CLI.run(["batch", "export", tmp.path, "--format", "csv", "--table", "jobs", "-o", "-"])
        #expect(jobs.stdout.split(separator: "\n").filter { $0.contains(",failed,") }.count == 1)
    }

    @Test("Shards and merge: two shard stores merge into the whole; export writes every table")
    func shardsMergeExport() throws {
        let tmp = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: tmp) }
        for k in 1...2 {
            let r = try CLI.run(["batch", "--allow-outside", Fixtures.path("batch/small.yaml"), "--shard", "\(k)/2", "--output", tmp.path + "/s\(k)"])
            #expect(r.status == 0, "\(r.stderr)")
            #expect(r.stdout.hasPrefix("small: 12 jobs, 6 in shard \(k)/2; 6 done now"))
        }
        let m = try CLI.run(["batch", "merge", tmp.path + "/all", tmp.path + "/s1", tmp.path + "/s2"])
        #expect(m.status == 0, "\(m.stderr)")
        #expect(m.stdout.hasSuffix("/all/results.sqlite: 12 done\n"))
        let e = try CLI.run(["batch", "export", tmp.path + "/all", "--format", "csv"])
        #expect(e.status == 0, "\(e.stderr)")
        for t in ["jobs", "statistics", "node_scores", "organization_reach", "curves", "runs"] {
            #expect(FileManager.default.fileExists(atPath: tmp.path + "/all/\(t).csv"))
        }
        let bad = try CLI.run(["batch", "--allow-outside", Fixtures.path("batch/small.yaml"), "--shard", "3/2"])
        #expect(bad.status == 64)
    }

    @Test("--dry-run lists the jobs without running them")
    func dryRun() throws {
        let r = try CLI.run(["batch", "--allow-outside", Fixtures.path("batch/small.yaml"), "--dry-run", "--output", "/nonexistent/never"])
        #expect(r.status == 0, "\(r.stderr)")
        // One row per job (a row's long parameters wrap onto more lines, each job's starts with its ordinal).
        #expect(r.stdout.split(separator: "\n").filter { Int($0.split(separator: " ").first ?? "") != nil }.count == 12)
        #expect(!FileManager.default.fileExists(atPath: "/nonexistent/never"))
    }
}
