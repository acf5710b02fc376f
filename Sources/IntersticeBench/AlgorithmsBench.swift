import Foundation
import Interstice

/// Benchmark suite of the algorithms: times each task on an edge list written by
/// `shared/bench/make_graphs.py` (`u v` lines, 0-based ids, undirected) and prints one JSON line
/// per task in the shape of `peers.py` (`lib`, `task`, `graph`, `threads`, `seconds` = best of 3
/// after a warm-up, or one run when the first takes longer than `cheap` seconds).
///
/// Entry point for the bench's main: `AlgorithmsBench.main(arguments:)` with
/// `--graph FILE [--task T[,T…]] [--threads N] [--cheap S]`; tasks: load components degree
/// pagerank betweenness approx_betweenness rk_betweenness closeness harmonic eigenvector kcore
/// louvain leiden.
///
/// Compared as peers.py runs them: PageRank and eigenvector stop when the L1 change is below
/// 1e-6 (the strict criterion, not networkx's n · 1e-6); approx_betweenness is pivot sampling
/// from the sidecar's 256 pivots (NetworKit's EstimateBetweenness, igraph's sources=);
/// rk_betweenness is Riondato–Kornaropoulos with ε = 0.01, δ = 0.1 and its guarantee. Each
/// line carries the process's peak RSS so far.
enum AlgorithmsBench {
    static let allTasks = ["load", "components", "degree", "pagerank", "pagerank_exact", "eigenvector_exact", "betweenness", "approx_betweenness",
                           "rk_betweenness", "closeness", "harmonic", "eigenvector", "kcore", "louvain", "leiden"]
    nonisolated(unsafe) static var pivots: [Int32] = []

    static func main(arguments: [String]) {
        var graphPath: String?
        var tasks = allTasks
        var threads = 2
        var cheap = 5.0
        var i = 0
        while i < arguments.count {
            let a = arguments[i], next = i + 1 < arguments.count ? arguments[i + 1] : ""
            switch a {
            case "--graph": graphPath = next; i += 1
            case "--task", "--tasks": tasks = next.split(separator: ",").map(String.init); i += 1
            case "--threads": threads = Int(next) ?? threads; i += 1
            case "--cheap": cheap = Double(next) ?? cheap; i += 1
            default: break
            }
            i += 1
        }
        guard let graphPath else {
            FileHandle.standardError.write("usage: --graph FILE [--task T,…] [--threads N]\n".data(using: .utf8)!)
            return
        }
        let name = URL(fileURLWithPath: graphPath).deletingPathExtension().lastPathComponent
        let sidecar = URL(fileURLWithPath: graphPath).deletingPathExtension().appendingPathExtension("json")
        if let data = try? Data(contentsOf: sidecar),
           let obj = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
           let p = obj["betweenness_pivots"] as? [Int] {
            pivots = p.map { Int32($0) }
        }
        var g: CSRGraph?
        let loadTime = time(cheap: cheap) { g = loadEdgeList(graphPath) }
        guard let graph = g else { return }
        emit(["task": "load", "graph": name, "threads": 1, "seconds": loadTime.best, "runs": loadTime.runs,
              "n": graph.nodeCount, "m": graph.edgeCount, "peak_rss_mb": Measure.status("VmHWM")])
        for task in tasks where task != "load" {
            var summary = ""
            let t = time(cheap: cheap) { summary = run(task, graph, threads: threads) }
            emit(["task": task, "graph": name, "threads": threads, "seconds": t.best, "runs": t.runs, "summary": summary,
                  "peak_rss_mb": Measure.status("VmHWM")])
        }
    }

    /// Runs one task; returns a short summary that keeps the result alive.
    static func run(_ task: String, _ g: CSRGraph, threads: Int) -> String {
        switch task {
        case "components": return "count=\(Components.weak(g).count)"
        case "degree": return "max=\(DegreeCentrality(normalized: false).scores(g).scores.max() ?? 0)"
        case "pagerank":
            // L1 change below 1e-6, as peers.py asks of every library.
            let p = try! PageRank(tolerance: 1e-6 / Double(max(1, g.nodeCount)), maxIterations: 1000, threads: threads).scores(g)
            return "iterations=\(p.metadata.iterations ?? 0) max=\(p.scores.max() ?? 0)"
        case "pagerank_exact":
            // The CLI's default: every score within 1e-10 (relative) of the fixed point.
            var p = PageRank(maxIterations: 100_000, threads: threads)
            p.relativeTolerance = 1e-10
            let r = try! p.scores(g)
            return "iterations=\(r.metadata.iterations ?? 0) converged=\(r.metadata.converged ?? false) max=\(r.scores.max() ?? 0)"
        case "eigenvector_exact":
            var e = EigenvectorCentrality(maxIterations: 100_000, threads: threads)
            e.relativeTolerance = 1e-10
            let r = e.scores(g)
            return "iterations=\(r.metadata.iterations ?? 0) converged=\(r.metadata.converged ?? false) max=\(r.scores.max() ?? 0)"
        case "betweenness": return "max=\(Betweenness(threads: threads).scores(g).scores.max() ?? 0)"
        case "approx_betweenness":
            let sources = pivots.isEmpty ? nil : pivots.filter { Int($0) < g.nodeCount }
            let a = try! SampledBetweenness(sampleSize: sources?.count ?? 256, seed: 1, sources: sources, threads: threads).scores(g)
            return "pivots=\(sources?.count ?? 256) max=\(a.scores.max() ?? 0)"
        case "rk_betweenness":
            let a = try! ApproximateBetweenness(epsilon: 0.01, delta: 0.1, seed: 1, threads: threads).scores(g)
            return "samples=\(a.metadata.parameters["samples"] ?? "") max=\(a.scores.max() ?? 0)"
        case "closeness": return "max=\(Closeness(threads: threads).scores(g).scores.max() ?? 0)"
        case "harmonic": return "max=\(HarmonicCloseness(threads: threads).scores(g).scores.max() ?? 0)"
        case "eigenvector":
            let e = EigenvectorCentrality(tolerance: 1e-6 / Double(max(1, g.nodeCount)), maxIterations: 1000, threads: threads).scores(g)
            return "iterations=\(e.metadata.iterations ?? 0) max=\(e.scores.max() ?? 0)"
        case "kcore": return "max_core=\(KCore.coreNumbers(g).scores.max() ?? 0)"
        case "louvain":
            let c = Louvain(seed: 1).communities(g)
            return "communities=\(c.count) modularity=\(c.modularity)"
        case "leiden":
            let c = Leiden(seed: 1).communities(g)
            return "communities=\(c.count) modularity=\(c.modularity)"
        default: return "unknown task"
        }
    }

    /// Best of 3 after a warm-up, or the single run when it takes longer than `cheap` seconds.
    static func time(cheap: Double, _ body: () -> Void) -> (best: Double, runs: Int) {
        let clock = ContinuousClock()
        let first = clock.measure(body)
        let s = Double(first.components.seconds) + Double(first.components.attoseconds) * 1e-18
        if s > cheap { return (s, 1) }
        var best = Double.infinity
        for _ in 0..<3 {
            let d = clock.measure(body)
            best = min(best, Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18)
        }
        return (best, 3)
    }

    /// Reads `u v` lines (0-based ids; `#` comments) into an undirected graph without
    /// self-loops or repeated edges. A minimal reader for the bench files, independent of GraphIO.
    static func loadEdgeList(_ path: String) -> CSRGraph? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        var src: [Int32] = [], dst: [Int32] = []
        src.reserveCapacity(data.count / 12); dst.reserveCapacity(data.count / 12)
        var maxId: Int32 = -1
        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            let p = raw.bindMemory(to: UInt8.self)
            var i = 0
            let n = p.count
            while i < n {
                if p[i] == UInt8(ascii: "#") { while i < n && p[i] != 10 { i += 1 }; i += 1; continue }
                var vals: (Int32, Int32) = (0, 0)
                var k = 0
                while i < n && p[i] != 10 {
                    let c = p[i]
                    if c >= 48 && c <= 57 {
                        var x: Int32 = 0
                        while i < n && p[i] >= 48 && p[i] <= 57 { x = x * 10 + Int32(p[i] - 48); i += 1 }
                        if k == 0 { vals.0 = x } else if k == 1 { vals.1 = x }
                        k += 1
                    } else { i += 1 }
                }
                i += 1
                if k >= 2 { src.append(vals.0); dst.append(vals.1); maxId = max(maxId, vals.0, vals.1) }
            }
        }
        return CSRGraph.build(nodeCount: Int(maxId) + 1, direction: .undirected, sources: src, targets: dst, weights: nil,
                              parallelEdges: .first, selfLoops: .drop)
    }

    static func emit(_ fields: [String: Any]) {
        var rec = fields
        rec["lib"] = "interstice"
        if let d = try? JSONSerialization.data(withJSONObject: rec, options: [.sortedKeys]), let s = String(data: d, encoding: .utf8) {
            print(s)
        }
    }
}
