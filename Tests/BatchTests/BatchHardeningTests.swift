import Foundation
import Interstice
import TestSupport
import Testing
@testable import Batch

/// Issue 14, batches: a job-count cap checked before grids expand, linear grid parsing,
/// dataset paths confined to the manifest's folder, a store lock, an atomic merge, and SIGINT
/// ending a run cleanly with a way to resume.
@Suite("Hardening: batch")
struct BatchHardeningTests {
    static let runs = (1...1001).map(String.init).joined(separator: ", ")
    static let horizons = (1...1000).map(String.init).joined(separator: ", ")

    @Test("a manifest asking for 1,001,000 jobs is refused before expansion; the count needs no expansion")
    func maxJobs() throws {
        let m = try manifest("datasets: [Datasets/cucm-plie]\nanalyses:\n  - diffuse: {runs: [\(Self.runs)], horizon: [\(Self.horizons)]}\n")
        #expect(JobPlan.count(m) == 1_001_000)
        do {
            _ = try JobPlan(m, version: "v")
            Issue.record("expanded")
        } catch {
            #expect(error.file == "m.yaml" && error.kind == .badData)
            #expect(error.message == "the manifest asks for 1001000 jobs (datasets × analyses × grid values); at most 1000000 are allowed: split it, or raise --max-jobs")
        }
        // Under a lower cap, a small manifest is refused too; under a higher one, expanded.
        let small = try manifest("datasets: [Datasets/cucm-plie]\nanalyses: [{diffuse: {theta: [0.1, 0.2, 0.3]}}]\n")
        #expect(throws: GraphIOError.self) { try JobPlan(small, version: "v", maxJobs: 2) }
        #expect(try JobPlan(small, version: "v", maxJobs: 3).jobs.count == 3)
    }

    @Test("a repeated value is found in a 100,000-value grid")
    func longGrid() {
        let values = (1...100_000).map(String.init).joined(separator: ", ")
        let e = manifestError("datasets: [Datasets/cucm-plie]\nanalyses: [{diffuse: {runs: [\(values), 5]}}]\n")
        #expect(e?.message == "diffuse: runs: \"5\" appears twice in the grid", "\(String(describing: e))")
    }

    @Test("dataset paths leading outside the manifest's folder are refused unless allowed")
    func confinement() throws {
        let tmp = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: tmp) }
        let inside = tmp.appendingPathComponent("study")
        let outside = tmp.appendingPathComponent("elsewhere")
        for d in [inside, outside] { try FileManager.default.createDirectory(at: d, withIntermediateDirectories: true) }
        try "id\na\n".write(to: outside.appendingPathComponent("nodes.csv"), atomically: true, encoding: .utf8)
        try "id\na\n".write(to: inside.appendingPathComponent("nodes.csv"), atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(at: inside.appendingPathComponent("link"), withDestinationURL: outside)
        func parse(_ datasets: String, allow: Bool = false) throws(GraphIOError) -> Manifest {
            try Manifest.parse(Array("datasets:\n  - \(datasets)\nanalyses: [info]\n".utf8), file: "m.yaml", folder: inside.path,
                               allowOutside: allow)
        }
        for d in ["../elsewhere", outside.path, "link", "./link/"] {
            do {
                _ = try parse(d)
                Issue.record("\(d) accepted")
            } catch {
                #expect(error.line == 2 && error.column == 5, "\(error)")
                #expect(error.message.hasPrefix("dataset \(GraphIOError.quote(ManifestParser.trimmed(d))) leads outside the manifest's folder"), "\(error)")
                #expect(error.message.hasSuffix("pass --allow-outside"))
            }
            #expect(try parse(d, allow: true).datasets.count == 1)
        }
        #expect(try parse(".").datasets.count == 1)
        #expect(try parse("../study").datasets.count == 1)
    }

    @Test("the store lock: a second holder fails naming the first; after release it is free")
    func lock() throws {
        let tmp = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: tmp) }
        let store = tmp.appendingPathComponent("out/results.sqlite").path
        let first = try StoreLock(store: store, wait: false)
        do {
            _ = try StoreLock(store: store, wait: false)
            Issue.record("locked twice")
        } catch {
            #expect(error.kind == .io)
            #expect(error.message.hasPrefix("another batch is using this results store (process \(ProcessInfo.processInfo.processIdentifier) on "))
        }
        // The tool: exit 74, no job run, nothing written to the store.
        let r = try CLI.run(["batch", Fixtures.path("batch/small.yaml"), "--allow-outside", "--output", tmp.appendingPathComponent("out").path])
        #expect(r.status == 74, "\(r.stderr)")
        #expect(r.stderr.contains("another batch is using this results store"))
        #expect(!FileManager.default.fileExists(atPath: store))
        first.release()
        let second = try StoreLock(store: store, wait: false)
        second.release()
    }

    @Test("--wait waits for the holder, then runs")
    func wait() throws {
        let tmp = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: tmp) }
        let out = tmp.appendingPathComponent("out").path
        let held = try StoreLock(store: out + "/results.sqlite", wait: false)
        DispatchQueue.global().asyncAfter(deadline: .now() + 2) { held.release() }
        let r = try CLI.run(["batch", Fixtures.path("batch/small.yaml"), "--allow-outside", "--output", out, "--wait"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasPrefix("small: 12 jobs; 12 done now"))
    }

    @Test("a failed merge leaves the target as it was and no temporary file")
    func atomicMerge() throws {
        let tmp = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: tmp) }
        let s1 = tmp.appendingPathComponent("s1").path
        let run = try CLI.run(["batch", Fixtures.path("batch/small.yaml"), "--allow-outside", "--shard", "1/2", "--output", s1])
        #expect(run.status == 0, "\(run.stderr)")
        let corrupt = tmp.appendingPathComponent("corrupt.sqlite").path
        try Data(repeating: 0x41, count: 4096).write(to: URL(fileURLWithPath: corrupt))
        // Into a new store: nothing is created.
        let fresh = tmp.appendingPathComponent("all").path
        let bad = try CLI.run(["batch", "merge", fresh, s1, corrupt])
        #expect(bad.status != 0)
        #expect(!FileManager.default.fileExists(atPath: fresh + "/results.sqlite"))
        // Into an existing store: unchanged.
        let good = try CLI.run(["batch", "merge", fresh, s1])
        #expect(good.status == 0, "\(good.stderr)")
        let before = try Data(contentsOf: URL(fileURLWithPath: fresh + "/results.sqlite"))
        let again = try CLI.run(["batch", "merge", fresh, s1, corrupt])
        #expect(again.status != 0)
        #expect(try Data(contentsOf: URL(fileURLWithPath: fresh + "/results.sqlite")) == before)
        let left = try FileManager.default.contentsOfDirectory(atPath: fresh).filter { $0.contains("merge-") }
        #expect(left.isEmpty, "\(left)")
    }

    @Test("a failed merge puts no diagram in the target's folder; a good one puts them all, and no temporary file stays")
    func atomicMergeDiagrams() throws {
        let tmp = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: tmp) }
        let source = tmp.appendingPathComponent("s1/results.sqlite").path
        let plan = try JobPlan(try manifest("datasets: [Datasets/chalon-sur-saone]\nanalyses: [{render: {format: [svg, dot]}}]\n"), version: "test")
        let store = try ResultStore(path: source)
        #expect(try BatchRunner(options: .init(version: "test", jobs: 1)).run(plan, into: store, manifestPath: "m.yaml").done == 2)
        try store.close()
        let corrupt = tmp.appendingPathComponent("corrupt.sqlite").path
        try Data(repeating: 0x41, count: 4096).write(to: URL(fileURLWithPath: corrupt))
        let target = tmp.appendingPathComponent("all/results.sqlite").path
        func files(_ folder: String) -> [String] {
            (FileManager.default.enumerator(atPath: folder)?.compactMap { $0 as? String } ?? [])
                .filter { !((folder as NSString).appendingPathComponent($0) as NSString).pathExtension.isEmpty || $0.contains(".merge-") }.sorted()
        }
        #expect(throws: GraphIOError.self) { try ResultStore.merge([source, corrupt], into: target) }
        #expect(files(tmp.appendingPathComponent("all").path).isEmpty, "\(files(tmp.appendingPathComponent("all").path))")
        let merged = try ResultStore.merge([source], into: target)
        #expect(merged.taken == [2])
        let placed = files(tmp.appendingPathComponent("all").path)
        #expect(placed.filter { $0.hasPrefix("renders/") }.count == 2 && !placed.contains { $0.contains(".merge-") }, "\(placed)")
        for f in placed where f.hasPrefix("renders/") {
            #expect(FileManager.default.contentsEqual(atPath: tmp.appendingPathComponent("all/\(f)").path,
                                                      andPath: tmp.appendingPathComponent("s1/\(f)").path))
        }
    }

    @Test("batch --max-input-bytes: a dataset past it fails its jobs, naming the file and the option; a bad size is refused")
    func maxInputBytes() throws {
        let tmp = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: tmp) }
        let out = tmp.appendingPathComponent("out").path
        // chalon's largest file is 19,447 bytes, cucm's edges.csv 26,570: 20000 lets chalon through, not cucm.
        let r = try CLI.run(["batch", Fixtures.path("batch/small.yaml"), "--allow-outside", "--output", out, "--max-input-bytes", "20000"])
        #expect(r.status == 1, "\(r.stderr)")
        #expect(r.stderr.contains("\"event\":\"summary\",\"jobs\":12,\"in_shard\":12,\"done\":6,\"done_before\":0,\"failed\":6,"), "\(r.stderr)")
        #expect(r.stderr.contains("cucm-plie/edges.csv: the input is larger than 20000 bytes (decompressed); raise --max-input-bytes to read it"), "\(r.stderr)")
        let bad = try CLI.run(["batch", Fixtures.path("batch/small.yaml"), "--allow-outside", "--output", out, "--max-input-bytes", "many"])
        #expect(bad.status == 64 && bad.stderr.contains("--max-input-bytes takes bytes or a size"), "\(bad.stderr)")
    }

    @Test("SIGINT: no new job, the run marked interrupted, a line to resume, exit 130; resuming finishes")
    func interrupt() throws {
        let tmp = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: tmp) }
        let manifest = try KillResumeTests.prepare(tmp)
        let out = tmp.appendingPathComponent("out").path
        let p = Process()
        p.executableURL = CLI.executable
        p.arguments = ["batch", manifest, "--allow-outside", "--output", out, "--jobs", "1"]
        // Standard error to a file (a pipe's end of file could wait for a process another test
        // starts meanwhile, which inherits it).
        let errPath = tmp.appendingPathComponent("stderr").path
        FileManager.default.createFile(atPath: errPath, contents: nil)
        p.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: errPath))
        p.standardOutput = FileHandle.nullDevice
        try p.run()
        // Wait for the first finished job in the JSON log, then interrupt.
        func log() -> String { (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? "" }
        while !log().contains("\"event\":\"job\"") && p.isRunning { usleep(50_000) }
        kill(p.processIdentifier, SIGINT)
        p.waitUntilExit()
        let log = log()
        #expect(p.terminationStatus == 130, "\(log)")
        #expect(log.contains("interstice: SIGINT: no new job starts"))
        #expect(log.contains("; resume with: interstice batch \(manifest) --allow-outside --output \(out) --jobs 1"), "\(log)")
        let runs = try CLI.run(["batch", "export", out, "--format", "jsonl", "--table", "runs", "-o", "-"])
        let row = try JSONSerialization.jsonObject(with: Data(runs.stdout.split(separator: "\n")[0].utf8)) as! [String: Any]
        #expect(row["interrupted"] as? Int == 1)
        #expect(row["finished"] as? String != nil)
        let done = row["done"] as? Int ?? 0
        #expect(done >= 1 && done < 60)
        let resumed = try CLI.run(["batch", manifest, "--allow-outside", "--output", out, "--jobs", "2"])
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(resumed.stdout.contains("\(60 - done) done now, \(done) done before"), "\(resumed.stdout)")
    }
}
