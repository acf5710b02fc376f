import Batch
import Foundation
import Interstice

/// Progress of a batch on standard error: on a terminal, an overall bar with the jobs running
/// and a line per failed job; otherwise one JSON object per line (plan, each job's end, summary).
final class BatchProgress: @unchecked Sendable {
    private let lock = NSLock()
    private let terminal = isatty(STDERR_FILENO) == 1
    private let varying: [String]
    private var toRun = 0
    private var finished = 0
    private var failed = 0
    private var running: [String: String] = [:]  // key → label
    private var lastDraw = Date.distantPast

    init(varying: [String]) { self.varying = varying }

    func handle(_ e: BatchRunner.Event) {
        lock.lock(); defer { lock.unlock() }
        switch e {
        case .planned(let total, let inShard, let n):
            toRun = n
            if !terminal {
                log([("event", "plan"), ("jobs", .int(total)), ("in_shard", .int(inShard)), ("to_run", .int(n)),
                     ("done_before", .int(inShard - n))])
            }
        case .started(let job):
            running[job.key] = job.label(varying: varying)
            if terminal { draw(force: false) }
        case .finished(let job, let error, let seconds):
            running[job.key] = nil
            finished += 1
            if error != nil { failed += 1 }
            if terminal {
                if let error { write("\r\u{1B}[K✗ \(job.label(varying: varying)): \(error)\n") }
                draw(force: finished == toRun)
            } else {
                var fields: [(String, JSONValue)] = [
                    ("event", "job"), ("status", .string(error == nil ? "done" : "failed")), ("key", .string(job.key)),
                    ("dataset", .string(job.dataset.name)), ("analysis", .string(job.analysis.rawValue)),
                    ("params", .object(job.parameters.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })),
                    ("seconds", .double((seconds * 1000).rounded() / 1000)), ("finished", .int(finished)), ("to_run", .int(toRun)),
                ]
                if let error { fields.append(("error", .string(error))) }
                log(fields)
            }
        }
    }

    func finish(_ s: BatchRunner.Summary) {
        lock.lock(); defer { lock.unlock() }
        if terminal {
            if finished > 0 { write("\n") }
        } else {
            log([("event", "summary"), ("jobs", .int(s.total)), ("in_shard", .int(s.inShard)), ("done", .int(s.done)),
                 ("done_before", .int(s.skipped)), ("failed", .int(s.failed)), ("seconds", .double((s.seconds * 1000).rounded() / 1000))])
        }
    }

    private func draw(force: Bool) {
        let now = Date()
        guard force || now.timeIntervalSince(lastDraw) > 0.1 else { return }
        lastDraw = now
        let width = 30
        let filled = toRun > 0 ? width * finished / toRun : width
        let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
        let pct = toRun > 0 ? finished * 100 / toRun : 100
        var line = "batch [\(bar)] \(pct)% \(finished)/\(toRun)"
        if failed > 0 { line += ", \(failed) failed" }
        if !running.isEmpty { line += " · " + running.values.sorted().joined(separator: " | ") }
        if line.count > 160 { line = String(line.prefix(159)) + "…" }
        write("\r\u{1B}[K" + line)
    }

    private func log(_ fields: [(String, JSONValue)]) {
        write(JSONValue.object(fields).text(pretty: false) + "\n")
    }

    private func write(_ s: String) {
        FileHandle.standardError.write(Data(s.utf8))
    }
}
