import Foundation
import Interstice
import GraphRender

/// The render worker's overhead (issue 14): the Graphviz gallery's files rendered to SVG in
/// process (`Diagram.render(dot:)`) against the same files through the worker
/// (`RenderWorker.render`, the path `interstice render` takes for a DOT file).
///
/// Each repeat times, interleaved: the whole gallery in process (Graphviz warm, as after a first
/// render); the whole gallery through a warm worker (started and given one untimed render
/// first: the steady cost of the process wall, pipes and JSON, per render); through the worker
/// pool from cold (the pool emptied first, so one worker start-up and its Graphviz and
/// fontconfig warm-up are counted, which a fresh in-process run pays too, once); the gallery
/// with a fresh worker for every file (the cost without reuse); the whole gallery from a cold
/// start, in a fresh process of this benchmark that renders it once in process or once through
/// the worker (``once(tool:gallery:worker:)``: both pay one Graphviz and fontconfig start-up,
/// the worker path one process start more; what a batch of diagrams pays); and, with `--cli`,
/// the tool run once per file with `--in-process` and without.
/// Every worker SVG is compared with the in-process one byte for byte. Prints one JSON line:
/// medians of wall time and of CPU time (this process plus its waited-for children, which is
/// what a busy machine does not distort), overheads (worker ÷ in process − 1) and the number of
/// files whose bytes differ.
enum RenderWorkerBench {
    static func run(tool: String, gallery: String, repeats: Int, cli: Bool) throws {
        signal(SIGPIPE, SIG_IGN)
        let root = URL(fileURLWithPath: gallery)
        let files = (FileManager.default.enumerator(atPath: gallery)?.compactMap { $0 as? String } ?? [])
            .filter { $0.hasSuffix(".gv") && !$0.hasPrefix("oracle") }.sorted()
        let texts = try files.map { try SourceText.read(path: root.appendingPathComponent($0).path) }
        let tmp = FileManager.default.temporaryDirectory.appendingPathComponent("interstice-worker-bench-\(getpid())")
        try FileManager.default.createDirectory(at: tmp, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: tmp) }
        let args = ["_render-worker"]

        var inProcess: [Double] = [], pooled: [Double] = [], fresh: [Double] = []
        var cpuIn: [Double] = [], cpuPooled: [Double] = [], cpuFresh: [Double] = []
        var warm: [Double] = [], cpuWarm: [Double] = []
        var cliIn: [Double] = [], cliWorker: [Double] = [], cpuCliIn: [Double] = [], cpuCliWorker: [Double] = []
        var coldIn: [Double] = [], coldWorker: [Double] = [], cpuColdIn: [Double] = [], cpuColdWorker: [Double] = []
        let me = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        var differing = Set<String>()
        // One untimed pass: Graphviz's plugins loaded in this process, files in the page cache.
        for t in texts { _ = try Diagram.render(dot: t) }
        for _ in 0..<max(1, repeats) {
            var reference: [[UInt8]] = []
            var c0 = cpu()
            var t0 = Measure.now()
            for t in texts { reference.append(try Diagram.render(dot: t).bytes) }
            inProcess.append(Measure.now() - t0)
            cpuIn.append(cpu() - c0)

            RenderWorker.shutdown()
            _ = try RenderWorker.render(dot: texts[0], executable: tool, arguments: args)   // started and warm
            let w0 = workerCPU(), s0 = cpu(children: false)
            t0 = Measure.now()
            for (i, t) in texts.enumerated() where try RenderWorker.render(dot: t, executable: tool, arguments: args).bytes != reference[i] {
                differing.insert(files[i])
            }
            warm.append(Measure.now() - t0)
            cpuWarm.append(cpu(children: false) - s0 + workerCPU() - w0)

            RenderWorker.shutdown()
            c0 = cpu()
            t0 = Measure.now()
            var viaWorker: [[UInt8]] = []
            for t in texts { viaWorker.append(try RenderWorker.render(dot: t, executable: tool, arguments: args).bytes) }
            RenderWorker.shutdown()   // the worker waited for: its CPU time is counted
            pooled.append(Measure.now() - t0)
            cpuPooled.append(cpu() - c0)
            for (i, b) in viaWorker.enumerated() where b != reference[i] { differing.insert(files[i]) }

            c0 = cpu()
            t0 = Measure.now()
            for t in texts {
                _ = try RenderWorker.render(dot: t, executable: tool, arguments: args)
                RenderWorker.shutdown()
            }
            fresh.append(Measure.now() - t0)
            cpuFresh.append(cpu() - c0)

            for worker in [false, true] {
                let p = Process()
                p.executableURL = URL(fileURLWithPath: me)
                p.arguments = ["render-worker-once", "--tool", tool, "--gallery", gallery] + (worker ? ["--worker"] : [])
                c0 = cpu()
                t0 = Measure.now()
                try p.run()
                p.waitUntilExit()
                let wall = Measure.now() - t0, used = cpu() - c0
                guard p.terminationStatus == 0 else { throw GraphIOError(.io, file: gallery, "render-worker-once exited with \(p.terminationStatus)") }
                if worker { coldWorker.append(wall); cpuColdWorker.append(used) } else { coldIn.append(wall); cpuColdIn.append(used) }
            }

            if cli {
                let out = tmp.appendingPathComponent("out.svg").path
                for (inProc, into) in [(true, 0), (false, 1)] {
                    c0 = cpu()
                    t0 = Measure.now()
                    for f in files {
                        let p = Process()
                        p.executableURL = URL(fileURLWithPath: tool)
                        p.arguments = ["render", root.appendingPathComponent(f).path, "-o", out] + (inProc ? ["--in-process"] : [])
                        try p.run()
                        p.waitUntilExit()
                        guard p.terminationStatus == 0 else { throw GraphIOError(.io, file: f, "render exited with \(p.terminationStatus)") }
                    }
                    let wall = Measure.now() - t0, used = cpu() - c0
                    if into == 0 { cliIn.append(wall); cpuCliIn.append(used) } else { cliWorker.append(wall); cpuCliWorker.append(used) }
                }
            }
        }
        let mIn = Measure.median(inProcess), mPool = Measure.median(pooled), mFresh = Measure.median(fresh)
        let cIn = Measure.median(cpuIn), cPool = Measure.median(cpuPooled), cFresh = Measure.median(cpuFresh)
        let mWarm = Measure.median(warm), cWarm = Measure.median(cpuWarm)
        var fields: [(String, JSONValue)] = [
            ("suite", "render-worker"), ("files", .int(files.count)), ("repeats", .int(max(1, repeats))),
            ("in_process_seconds_median", .double(Measure.round(mIn))),
            ("worker_warm_seconds_median", .double(Measure.round(mWarm))),
            ("worker_pooled_seconds_median", .double(Measure.round(mPool))),
            ("worker_fresh_per_file_seconds_median", .double(Measure.round(mFresh))),
            ("overhead_warm", .double(Measure.round(mWarm / mIn - 1))),
            ("overhead_pooled", .double(Measure.round(mPool / mIn - 1))),
            ("overhead_fresh_per_file", .double(Measure.round(mFresh / mIn - 1))),
            ("cpu_in_process_seconds_median", .double(Measure.round(cIn))),
            ("cpu_worker_pooled_seconds_median", .double(Measure.round(cPool))),
            ("cpu_worker_fresh_per_file_seconds_median", .double(Measure.round(cFresh))),
            ("cpu_worker_warm_seconds_median", .double(Measure.round(cWarm))),
            ("cpu_overhead_warm", .double(Measure.round(cWarm / cIn - 1))),
            ("cpu_overhead_pooled", .double(Measure.round(cPool / cIn - 1))),
            ("cpu_overhead_fresh_per_file", .double(Measure.round(cFresh / cIn - 1))),
            ("in_process_seconds", .array(inProcess.map { .double(Measure.round($0)) })),
            ("worker_warm_seconds", .array(warm.map { .double(Measure.round($0)) })),
            ("worker_pooled_seconds", .array(pooled.map { .double(Measure.round($0)) })),
            ("cold_in_process_seconds_median", .double(Measure.round(Measure.median(coldIn)))),
            ("cold_worker_seconds_median", .double(Measure.round(Measure.median(coldWorker)))),
            ("overhead_cold", .double(Measure.round(Measure.median(coldWorker) / Measure.median(coldIn) - 1))),
            ("cpu_overhead_cold", .double(Measure.round(Measure.median(cpuColdWorker) / Measure.median(cpuColdIn) - 1))),
            ("cold_in_process_seconds", .array(coldIn.map { .double(Measure.round($0)) })),
            ("cold_worker_seconds", .array(coldWorker.map { .double(Measure.round($0)) })),
            ("files_with_different_bytes", .int(differing.count)),
            ("graphviz", .string(Diagram.graphvizVersion)),
        ]
        if cli {
            let a = Measure.median(cliIn), b = Measure.median(cliWorker)
            fields += [("cli_in_process_seconds_median", .double(Measure.round(a))),
                       ("cli_worker_seconds_median", .double(Measure.round(b))),
                       ("overhead_cli_per_file", .double(Measure.round(b / a - 1))),
                       ("cpu_overhead_cli_per_file", .double(Measure.round(Measure.median(cpuCliWorker) / Measure.median(cpuCliIn) - 1)))]
        }
        emit(.object(fields))
    }

    /// The cold measurement's child: renders every gallery file once, in process or through the
    /// worker (then stops it and waits, so its CPU time is this process's children's), and exits.
    static func once(tool: String, gallery: String, worker: Bool) throws {
        let files = (FileManager.default.enumerator(atPath: gallery)?.compactMap { $0 as? String } ?? [])
            .filter { $0.hasSuffix(".gv") && !$0.hasPrefix("oracle") }.sorted()
        let texts = try files.map { try SourceText.read(path: URL(fileURLWithPath: gallery).appendingPathComponent($0).path) }
        for t in texts {
            if worker { _ = try RenderWorker.render(dot: t, executable: tool, arguments: ["_render-worker"]) }
            else { _ = try Diagram.render(dot: t) }
        }
        RenderWorker.shutdown()
    }

    /// CPU seconds (user + system) of this process and, unless told, of its children waited for so far.
    static func cpu(children: Bool = true) -> Double {
        var s = rusage(), c = rusage()
        getrusage(RUSAGE_SELF.rawValue, &s)
        getrusage(RUSAGE_CHILDREN.rawValue, &c)
        func secs(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
        return secs(s.ru_utime) + secs(s.ru_stime) + (children ? secs(c.ru_utime) + secs(c.ru_stime) : 0)
    }

    /// CPU seconds so far of this process's running `_render-worker` children (/proc, clock ticks).
    static func workerCPU() -> Double {
        let me = getpid(), tick = Double(sysconf(Int32(_SC_CLK_TCK)))
        var total = 0.0
        for entry in (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? [] {
            guard let pid = Int32(entry), let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
                  let close = stat.lastIndex(of: ")") else { continue }
            let f = stat[stat.index(after: close)...].split(separator: " ")
            guard f.count > 12, Int32(f[1]) == me,
                  let cmd = try? Data(contentsOf: URL(fileURLWithPath: "/proc/\(pid)/cmdline")),
                  String(decoding: cmd, as: UTF8.self).contains("_render-worker") else { continue }
            total += (Double(f[11]) ?? 0) / tick + (Double(f[12]) ?? 0) / tick
        }
        return total
    }
}
