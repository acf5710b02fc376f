import Foundation
import Interstice

/// IC, LT, SI and practice Monte Carlo on a benchmark graph with the seeds and probability of its sidecar
/// JSON (../shared/bench/make_graphs.py), as peers.py runs NDlib and the numpy baseline.
enum DiffusionBench {
    static func run(path: String, models: [String], runs: Int, threads: Int?, repeats: Int) throws {
        guard let loaded = try EdgeListFormat.loadGraph(path: path, directed: false) else {
            throw GraphIOError(.unsupported, file: path, "not an integer edge list")
        }
        let sidecar = URL(fileURLWithPath: path).deletingPathExtension().appendingPathExtension("json")
        var seeds: [Int32] = Array(0..<10)
        var p = 0.05
        if let data = try? Data(contentsOf: sidecar),
           let obj = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
           let d = obj["diffusion"] as? [String: Any] {
            if let s = d["seeds"] as? [Int] { seeds = s.map { Int32($0) } }
            if let q = d["ic_p"] as? Double { p = q }
        }
        let g = DiffusionGraph(loaded.graph, probability: .uniform(p))
        // si and practice: the seeds are a collective's participants (no organizations), so the
        // practice model's participant sustain and turnover do their work; SI ignores them.
        let n = loaded.graph.nodeCount
        let frame = OrganizationFrame(organizations: Partition(labels: Array(repeating: -1, count: n), groupNames: []),
                                      participants: NodeSet(name: "seeds", members: seeds))
        for name in models {
            let model: DiffusionModel
            switch name {
            case "lt": model = .linearThreshold(.uniformRandom)
            case "si": model = .si
            case "practice": model = .practice(PracticeParameters())
            default: model = .independentCascade
            }
            let framed = name == "si" || name == "practice"
            var times: [Double] = [], cpu: [Double] = []
            var last: DiffusionResult?
            for _ in 0..<repeats {
                let c0 = Measure.cpuSeconds()
                let t0 = Measure.now()
                let r = Diffusion.simulate(g, DiffusionParameters(model: model, seeds: seeds, runs: runs, horizon: 100,
                                                                  seed: 12345, threads: threads, frame: framed ? frame : nil))
                times.append(Measure.now() - t0)
                cpu.append(Measure.cpuSeconds() - c0)
                last = r
                blackHole(r)
            }
            let med = Measure.median(times)
            let r = last!
            emit(.object([
                ("suite", "diffusion"), ("graph", .string(URL(fileURLWithPath: path).lastPathComponent)),
                ("model", .string(name)), ("p", name == "lt" ? .null : .double(p)),
                ("parameters", .object(model.parameters.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) })), ("seeds", .int(seeds.count)),
                ("runs", .int(r.runs)), ("threads", .int(r.threads)), ("horizon", .int(100)),
                ("seconds_median", .double(Measure.round(med))), ("seconds", .array(times.map { .double(Measure.round($0)) })),
                ("cpu_seconds_median", .double(Measure.round(Measure.median(cpu)))),
                ("mean_spread", .double(Measure.round(r.spread.value, 2))),
                ("edges_examined", .int(Int(r.edgesExamined))),
                ("edges_per_second", .double((Double(r.edgesExamined) / med).rounded())),
                ("edges_per_second_per_thread", .double((Double(r.edgesExamined) / med / Double(r.threads)).rounded())),
                ("n", .int(g.nodeCount)), ("peak_rss_mb", .double(Measure.round(Measure.status("VmHWM"), 1))),
            ]))
        }
    }
}
