import ArgumentParser
import Batch
import Foundation
import GraphRender
import Interstice

/// `interstice batch run MANIFEST.yaml` (the default of `interstice batch`).
struct BatchRunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run (or resume) a manifest's jobs.",
        discussion: """
        The manifest is checked first (unknown analysis or parameter, wrong parameter type, \
        missing dataset: an error with its line and column, exit 65 or 66, and no job runs). Each \
        job commits on its own; a failing job is recorded with its error and the others go on; \
        the exit status is 1 when any job failed. Progress goes to standard error: a bar on a \
        terminal, JSON lines otherwise.
        """
    )

    @Argument(help: ArgumentHelp("The manifest (YAML).", valueName: "manifest.yaml"))
    var manifest: String

    @Option(name: [.customShort("o"), .customLong("output")], help: "Results folder (default: the manifest's output:, else <manifest name>-results).")
    var output: String?

    @Option(name: [.customShort("j"), .customLong("jobs")], help: "Jobs at a time (default: every core).")
    var jobs: Int?

    @Option(help: ArgumentHelp("Memory the running jobs may use together, as estimated from their datasets: bytes or 512M, 4G (default: half the memory).", valueName: "size"))
    var memory: String?

    @Option(help: ArgumentHelp("Run only shard k of n (every n-th job, from the k-th).", valueName: "k/n"))
    var shard: String?

    @Flag(help: "Run again the jobs already done.")
    var force = false

    @Option(help: "Seed of every randomized analysis that sets none (overrides the manifest's seed:).")
    var seed: UInt64?

    @Flag(help: "List the jobs and exit without running them.")
    var dryRun = false

    @Option(help: "Worker threads inside each diffuse or reach job (default: the cores shared out among the jobs); centrality jobs take their threads parameter.")
    var threads: Int?

    @Flag(help: "Wait for another batch using the same results store to end, instead of failing.")
    var wait = false

    @Option(help: "The most jobs a manifest may expand to (checked before its grids expand).")
    var maxJobs = JobPlan.defaultMaxJobs

    @Flag(help: "Let dataset paths lead outside the manifest's folder (absolute paths, .., symlinks).")
    var allowOutside = false

    @Option(help: "Seconds a render job's Graphviz worker may take before it is stopped (the job then fails; the others go on).")
    var renderTimeout = 60.0

    @Option(name: .customLong("render-memory"), help: ArgumentHelp("Memory a render job's Graphviz worker may allocate: bytes or 512M, 4G (default 4G).", valueName: "size"))
    var renderMemory: String?

    @Option(name: .customLong("max-input-bytes"), help: ArgumentHelp("The most bytes a dataset's file may have once decompressed (a larger one fails its jobs): bytes or 512M, 4G (default 1G).", valueName: "size"))
    var maxInputBytes: String?

    func validate() throws {
        try OptionRange.check(jobs, 1...OptionRange.maxThreads, "--jobs")
        try OptionRange.check(maxJobs, 1...1_000_000_000, "--max-jobs")
        try OptionRange.positive(renderTimeout, atMost: 86_400, "--render-timeout")
        try OptionRange.check(threads, 1...OptionRange.maxThreads, "--threads")
        if let shard, Shard(shard) == nil { throw ValidationError("--shard takes k/n with 1 ≤ k ≤ n, found \"\(shard)\"") }
        if let memory, BatchRunCommand.bytes(memory) == nil { throw ValidationError("--memory takes bytes or a size such as 512M or 4G (below 4E), found \"\(memory)\"") }
        _ = try BatchRunCommand.renderMemoryBytes(renderMemory)
        _ = try BatchRunCommand.maxInputBytes(maxInputBytes)
    }

    /// `--render-memory` in bytes (nil: the worker's default, 4 GiB), for `render` and `batch run`.
    /// - Throws: `ValidationError` for a size that does not parse or lies outside 64M…1T.
    static func renderMemoryBytes(_ text: String?) throws -> Int {
        guard let text else { return RenderWorker.Limits().memoryBytes }
        guard let b = bytes(text), b >= 64 << 20, b <= 1 << 40 else {
            throw ValidationError("--render-memory takes a size from 64M to 1T such as 512M or 4G, found \"\(text)\"")
        }
        return Int(b)
    }

    /// `--max-input-bytes` in bytes (nil: the readers' default, 1 GiB), for every command that reads.
    /// - Throws: `ValidationError` for a size that does not parse.
    static func maxInputBytes(_ text: String?) throws -> Int {
        guard let text else { return SourceText.defaultMaxBytes }
        guard let b = bytes(text) else {
            throw ValidationError("--max-input-bytes takes bytes or a size such as 512M or 4G, found \"\(text)\"")
        }
        return Int(clamping: b)
    }

    /// `4G`, `512M`, `64K`, or plain bytes.
    static func bytes(_ text: String) -> UInt64? {
        let t = text.trimmingCharacters(in: .whitespaces).uppercased()
        let units: [(String, UInt64)] = [("KB", 1 << 10), ("MB", 1 << 20), ("GB", 1 << 30), ("TB", 1 << 40),
                                         ("K", 1 << 10), ("M", 1 << 20), ("G", 1 << 30), ("T", 1 << 40), ("B", 1)]
        for (suffix, factor) in units where t.hasSuffix(suffix) {
            guard let x = Double(t.dropLast(suffix.count)), x * Double(factor) >= 1, x * Double(factor) < 0x1p62 else { return nil }
            return UInt64(x * Double(factor))
        }
        guard let x = UInt64(t), x > 0 else { return nil }
        return x
    }

    func run() throws {
        try reportingFailures {
            RenderWorker.install(executable: RenderWorkerCommand.executable, arguments: [RenderWorkerCommand.name],
                                 limits: RenderWorker.Limits(timeout: renderTimeout,
                                                             memoryBytes: try BatchRunCommand.renderMemoryBytes(renderMemory)))
            let m = try Manifest.load(manifest, seed: seed, allowOutside: allowOutside)
            for w in m.warnings { printError("interstice: warning: \(w)") }
            let plan = try JobPlan(m, version: IntersticeVersion.string, maxJobs: maxJobs)
            let shard = shard.flatMap { Shard($0) } ?? .all
            if dryRun {
                var t = ResultTable(columns: ["ordinal", "key", "dataset", "analysis", "params"])
                for j in plan.jobs(in: shard) {
                    t.append([.int(j.ordinal), .string(String(j.key.prefix(12))), .string(j.dataset.name),
                              .string(j.analysis.rawValue), .string(j.parametersJSON)])
                }
                try OutputFile.write(t.render(.table), to: "-")
                return
            }
            let folder = output ?? m.output ?? "\(m.name)-results"
            let storePath = (folder as NSString).appendingPathComponent("results.sqlite")
            let lock = try StoreLock(store: storePath, wait: wait)
            defer { lock.release() }
            let store = try ResultStore(path: storePath)
            var options = BatchRunner.Options(version: IntersticeVersion.string, shard: shard, force: force)
            options.maxInputBytes = try BatchRunCommand.maxInputBytes(maxInputBytes)
            let stop = BatchStop()
            options.stop = stop
            Signals.onInterrupt = { sig in
                stop.request(signal: sig)
                printError("interstice: \(sig == SIGINT ? "SIGINT" : "SIGTERM"): no new job starts; the jobs running finish and are saved (again to stop at once)")
            }
            defer { Signals.onInterrupt = nil }
            if let jobs { options.jobs = jobs }
            if let memory, let b = BatchRunCommand.bytes(memory) { options.memoryBudget = b }
            options.threadsPerJob = threads
            let progress = BatchProgress(varying: plan.varying)
            let summary = try BatchRunner(options: options).run(plan, into: store, manifestPath: manifest) { progress.handle($0) }
            progress.finish(summary)
            let failures = try store.failures()
            try store.close()
            var text = "\(m.name): \(summary.total) jobs"
            if shard.count > 1 { text += ", \(summary.inShard) in shard \(shard)" }
            text += "; \(summary.done) done now, \(summary.skipped) done before, \(summary.failed) failed"
            let rate = summary.seconds > 0 ? Double(summary.done + summary.failed) / summary.seconds : 0
            text += String(format: "; %.2f s (%.1f jobs/s)\n", summary.seconds, rate)
            text += "results: \((folder as NSString).appendingPathComponent("results.sqlite"))\n"
            try OutputFile.write(Array(text.utf8), to: "-")
            if summary.interrupted {
                var again = CommandLine.arguments.map { $0.contains(" ") ? "'\($0)'" : $0 }
                again[0] = "interstice"
                printError("interstice: interrupted: \(summary.done + summary.failed) jobs finished, the others did not start; resume with: \(again.joined(separator: " "))")
                throw ExitCode(stop.signal == SIGTERM ? 143 : 130)
            }
            if summary.failed > 0 {
                for f in failures.prefix(10) { printError("interstice: failed: \(f.analysis) \(f.dataset) \(f.params): \(f.error)") }
                if failures.count > 10 { printError("interstice: … and \(failures.count - 10) more failed jobs (see the jobs table)") }
                throw ExitCode(1)
            }
        }
    }
}
