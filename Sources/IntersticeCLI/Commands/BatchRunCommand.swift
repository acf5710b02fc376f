import ArgumentParser
import Batch
import Foundation
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

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if let threads, threads < 1 { throw ValidationError("--threads must be at least 1") }
        if let shard, Shard(shard) == nil { throw ValidationError("--shard takes k/n with 1 ≤ k ≤ n, found \"\(shard)\"") }
        if let memory, BatchRunCommand.bytes(memory) == nil { throw ValidationError("--memory takes bytes or a size such as 512M or 4G, found \"\(memory)\"") }
    }

    /// `4G`, `512M`, `64K`, or plain bytes.
    static func bytes(_ text: String) -> UInt64? {
        let t = text.trimmingCharacters(in: .whitespaces).uppercased()
        let units: [(String, UInt64)] = [("KB", 1 << 10), ("MB", 1 << 20), ("GB", 1 << 30), ("TB", 1 << 40),
                                         ("K", 1 << 10), ("M", 1 << 20), ("G", 1 << 30), ("T", 1 << 40), ("B", 1)]
        for (suffix, factor) in units where t.hasSuffix(suffix) {
            guard let x = Double(t.dropLast(suffix.count)), x > 0 else { return nil }
            return UInt64(x * Double(factor))
        }
        guard let x = UInt64(t), x > 0 else { return nil }
        return x
    }

    func run() throws {
        try reportingFailures {
            let m = try Manifest.load(manifest, seed: seed)
            for w in m.warnings { printError("interstice: warning: \(w)") }
            let plan = try JobPlan(m, version: IntersticeVersion.string)
            let shard = shard.flatMap { Shard($0) } ?? .all
            if dryRun {
                var t = ResultTable(columns: ["ordinal", "key", "dataset", "analysis", "params"])
                for j in plan.jobs(in: shard) {
                    t.append([.int(j.ordinal), .string(String(j.key.prefix(12))), .string(j.dataset.name),
                              .string(j.analysis.rawValue), .string(j.parametersJSON)])
                }
                FileHandle.standardOutput.write(Data(t.render(.table)))
                return
            }
            let folder = output ?? m.output ?? "\(m.name)-results"
            let store = try ResultStore(path: (folder as NSString).appendingPathComponent("results.sqlite"))
            var options = BatchRunner.Options(version: IntersticeVersion.string, shard: shard, force: force)
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
            FileHandle.standardOutput.write(Data(text.utf8))
            if summary.failed > 0 {
                for f in failures.prefix(10) { printError("interstice: failed: \(f.analysis) \(f.dataset) \(f.params): \(f.error)") }
                if failures.count > 10 { printError("interstice: … and \(failures.count - 10) more failed jobs (see the jobs table)") }
                throw ExitCode(1)
            }
        }
    }
}
