import Foundation
import Interstice

/// IMM (influence maximization by reverse-influence sampling) on a benchmark graph: the time to
/// choose `k` seeds under IC (the sidecar's probability, ../shared/bench/make_graphs.py) and LT
/// (influence 1/in-degree), with the sample sizes and the estimated spread.
///
///   IntersticeBench relays GRAPH.edgelist [--k 10] [--epsilon 0.1] [--models ic,lt] [--threads T] [--repeats 3]
enum RelaysBench {
    static func run(path: String, k: Int, epsilon: Double, models: [String], threads: Int?, repeats: Int) throws {
        guard let loaded = try EdgeListFormat.loadGraph(path: path, directed: false) else {
            throw GraphIOError(.unsupported, file: path, "not an integer edge list")
        }
        let sidecar = URL(fileURLWithPath: path).deletingPathExtension().appendingPathExtension("json")
        var p = 0.05
        if let data = try? Data(contentsOf: sidecar),
           let obj = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
           let d = obj["diffusion"] as? [String: Any], let q = d["ic_p"] as? Double {
            p = q
        }
        let g = DiffusionGraph(loaded.graph, probability: .uniform(p))
        for name in models {
            let model: IMM.Model = name == "lt" ? .linearThreshold : .independentCascade
            var times: [Double] = []
            var last: IMM.Result?
            for _ in 0..<max(1, repeats) {
                let t0 = Measure.now()
                let r = try IMM(budget: k, epsilon: epsilon, seed: 12345, threads: threads).run(g, model: model)
                times.append(Measure.now() - t0)
                last = r
                blackHole(r)
            }
            let r = last!
            let med = Measure.median(times)
            emit(.object([
                ("suite", "relays-imm"), ("graph", .string(URL(fileURLWithPath: path).lastPathComponent)),
                ("model", .string(name)), ("p", model == .independentCascade ? .double(p) : .null), ("k", .int(k)),
                ("epsilon", .double(epsilon)), ("ell", .double(r.ell)), ("threads", .int(r.threads)),
                ("nodes", .int(r.nodeCount)), ("arcs", .int(g.arcCount)),
                ("seconds_median", .double(Measure.round(med))), ("seconds", .array(times.map { .double(Measure.round($0)) })),
                ("rr_sets", .int(r.rrSets)), ("sampling_rr_sets", .int(r.samplingRRSets)), ("rr_set_nodes", .int(r.rrSetNodes)),
                ("lower_bound", .double(Measure.round(r.lowerBound, 2))),
                ("estimated_spread", .double(Measure.round(r.estimatedSpread, 2))),
                ("edges_examined", .int(r.edgesExamined)),
                ("edges_per_second", .double((Double(r.edgesExamined) / med).rounded())),
                ("peak_rss_mib", .double(Measure.round(Measure.status("VmHWM"), 1))),
                ("seeds", .array(r.seeds.map { .int(Int($0)) })),
            ]))
        }
    }
}
