import Foundation
import Interstice

/// Load time and peak memory of an integer edge list, straight into CSR.
enum LoadBench {
    /// Writes a seeded uniform random multigraph edge list: `edges` lines `u v` with `u ≠ v`,
    /// ids in `0..<nodes` (every node appears: the first `nodes` lines cover them).
    static func generate(path: String, nodes: Int, edges: Int, seed: UInt64) throws {
        var rng = SplitMix64(seed: seed)
        var w = ByteWriter(capacity: edges * 16)
        for i in 0..<edges {
            let u = i < nodes ? i : rng.next(below: nodes)
            var v = rng.next(below: nodes)
            while v == u { v = rng.next(below: nodes) }
            w.write(int: u); w.write(byte: 32); w.write(int: v); w.newline()
        }
        try OutputFile.write(w.bytes, to: path)
        emit(.object([("suite", "generate-edgelist"), ("file", .string(path)), ("nodes", .int(nodes)),
                      ("edges", .int(edges)), ("seed", .int(Int(seed))), ("bytes", .int(w.bytes.count))]))
    }

    /// Loads `runs` times; reports the median, and the peak RSS above the process's baseline
    /// against the CSR's own bytes.
    static func load(path: String, runs: Int, directed: Bool) throws {
        let baseline = Measure.status("VmRSS")
        var times: [Double] = [], cpu: [Double] = []
        var n = 0, m = 0, csr = 0
        var peak = 0.0
        for r in 0..<runs {
            let c0 = Measure.cpuSeconds()
            let t0 = Measure.now()
            guard let g = try EdgeListFormat.loadGraph(path: path, directed: directed) else {
                throw GraphIOError(.unsupported, file: path, "not an integer edge list")
            }
            times.append(Measure.now() - t0)
            cpu.append(Measure.cpuSeconds() - c0)
            n = g.graph.nodeCount; m = g.graph.edgeCount; csr = g.graph.storageBytes
            if r == 0 { peak = Measure.status("VmHWM") }
            blackHole(g)
        }
        let csrMB = Double(csr) / 1_048_576
        emit(.object([
            ("suite", "load-edgelist"), ("file", .string(path)), ("directed", .bool(directed)),
            ("nodes", .int(n)), ("edges", .int(m)), ("runs", .int(runs)),
            ("seconds_median", .double(Measure.round(Measure.median(times)))),
            ("seconds", .array(times.map { .double(Measure.round($0)) })),
            ("cpu_seconds_median", .double(Measure.round(Measure.median(cpu)))),
            ("baseline_rss_mb", .double(Measure.round(baseline, 1))),
            ("peak_rss_mb", .double(Measure.round(peak, 1))),
            ("graph_peak_mb", .double(Measure.round(peak - baseline, 1))),
            ("csr_mb", .double(Measure.round(csrMB, 1))),
            ("peak_over_csr", .double(Measure.round((peak - baseline) / csrMB, 3))),
        ]))
    }
}

/// The real graphs of ../shared/datasets: node and edge counts as read, one line per file.
enum DatasetBench {
    static let files: [(path: String, directed: Bool, format: GraphFormat)] = [
        ("snap-ca-GrQc/CA-GrQc.edges.txt", false, .edgelist),
        ("snap-ca-HepPh/CA-HepPh.edges.txt", false, .edgelist),
        ("snap-email-Enron/email-Enron.edges.txt", false, .edgelist),
        ("snap-email-Enron/email-Enron.adjlist.txt", false, .adjlist),
        ("snap-wiki-Vote/wiki-Vote.txt", true, .edgelist),
        ("snap-soc-Slashdot0902/soc-Slashdot0902.txt.gz", true, .edgelist),
        ("email-Eu-core/email-Eu-core.txt", true, .edgelist),
    ]

    static func run(root: String) throws {
        for f in files {
            let path = root + "/" + f.path
            let t0 = Measure.now()
            let net = try GraphFile.read(path, format: f.format, options: ReadOptions(directed: f.directed))
            let t1 = Measure.now()
            let g = net.graph(parallelEdges: .keep)
            let weak = Components.weak(g)
            var fast: JSONValue = .null
            if f.format == .edgelist {
                let t2 = Measure.now()
                if let l = try EdgeListFormat.loadGraph(path: path, directed: f.directed) {
                    fast = .object([("nodes", .int(l.graph.nodeCount)), ("edges", .int(l.graph.edgeCount)),
                                    ("seconds", .double(Measure.round(Measure.now() - t2)))])
                }
            }
            emit(.object([
                ("suite", "datasets"), ("file", .string(f.path)), ("format", .string(f.format.rawValue)),
                ("directed", .bool(f.directed)), ("nodes", .int(net.nodeCount)), ("edges", .int(g.edgeCount)),
                ("self_loops", .int(g.selfLoopCount)), ("largest_weak_component", .int(weak.largestSize)),
                ("read_seconds", .double(Measure.round(t1 - t0))), ("fast_loader", fast),
            ]))
        }
    }
}
