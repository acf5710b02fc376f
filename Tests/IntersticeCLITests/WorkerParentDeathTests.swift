import Foundation
import Testing
import TestSupport

/// Issue 14: a render worker never outlives its parent. The tool is killed with SIGKILL (no
/// handler runs, nothing is cleaned up) while its worker lays out a slow graph; the worker must
/// be gone within a second.
@Suite("Hardening: worker dies with its parent")
struct WorkerParentDeathTests {
    /// Fields of /proc/PID/stat after the command name: state, ppid, …; nil when there is no such process.
    static func stat(_ pid: pid_t) -> [Substring]? {
        guard let s = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = s.lastIndex(of: ")") else { return nil }
        return s[s.index(after: close)...].split(separator: " ")
    }

    /// Running: present and not a zombie (a zombie has ended; only its exit status remains).
    static func running(_ pid: pid_t) -> Bool {
        guard let f = stat(pid) else { return false }
        return f.first != "Z"
    }

    /// The `_render-worker` children of `parent`.
    static func workers(of parent: pid_t) -> [pid_t] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap { pid_t($0) }.filter { pid in
            guard let f = stat(pid), f.count > 1, pid_t(f[1]) == parent,
                  let cmd = try? Data(contentsOf: URL(fileURLWithPath: "/proc/\(pid)/cmdline")) else { return false }
            return String(decoding: cmd, as: UTF8.self).contains("_render-worker")
        }
    }

    @Test("SIGKILL to the tool mid-layout: its worker is gone within a second")
    func workerDiesWithParent() throws {
        let tmp = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: tmp) }
        // 2,000 nodes laid out by neato (the file's own layout): many seconds of stress majorization.
        var dot = "graph slow { layout=neato;\n"
        var x: UInt64 = 1
        for i in 0..<2000 {
            x = x &* 6364136223846793005 &+ 1442695040888963407
            dot += "  n\(i) -- n\((i + 1) % 2000); n\(i) -- n\(Int(x >> 33) % 2000);\n"
        }
        dot += "}\n"
        let input = tmp.appendingPathComponent("slow.gv").path
        try dot.write(toFile: input, atomically: true, encoding: .utf8)
        let p = Process()
        p.executableURL = CLI.executable
        p.arguments = ["render", input, "-o", tmp.appendingPathComponent("slow.svg").path]
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        var worker: pid_t?
        for _ in 0..<1000 where worker == nil {   // up to 20 s for the worker to start
            worker = Self.workers(of: p.processIdentifier).first
            if worker == nil { usleep(20_000) }
        }
        let w = try #require(worker, "no worker started")
        defer {   // whatever happens, no worker is left behind by the test
            if Self.running(w), let cmd = try? Data(contentsOf: URL(fileURLWithPath: "/proc/\(w)/cmdline")),
               String(decoding: cmd, as: UTF8.self).contains("_render-worker") { kill(w, SIGKILL) }
        }
        usleep(200_000)              // the worker has read its request and is laying out
        #expect(p.isRunning, "the layout ended before the parent was killed: the graph is not slow enough")
        #expect(Self.running(w))
        kill(p.processIdentifier, SIGKILL)
        p.waitUntilExit()
        #expect(p.terminationReason == .uncaughtSignal && p.terminationStatus == SIGKILL)
        var gone = false
        for _ in 0..<50 where !gone {   // up to one second
            gone = !Self.running(w)
            if !gone { usleep(20_000) }
        }
        #expect(gone, "the worker \(w) still runs a second after its parent was killed")
    }
}
