import Foundation
import Interstice

/// `fit-coverage`: the contagion model's profile-likelihood intervals on simulated data (how
/// often the 95% interval holds the truth), and `fit-speed`: hazard, contagion and permutation
/// times on a bundled dataset.
enum FitBench {
    /// Two relations on `nodes` nodes, each node naming `degrees[r]` random others (seeded).
    static func channels(nodes: Int, degrees: [Int], seed: UInt64) -> AdoptionChannels {
        var rng = SplitMix64(seed: seed, stream: 999)
        let graphs = degrees.map { d in
            var b = GraphBuilder(nodeCount: nodes, direction: .directed)
            for v in 0..<nodes {
                for _ in 0..<d {
                    var u = rng.next(below: nodes)
                    if u == v { u = (u + 1) % nodes }
                    b.addEdge(Int32(v), Int32(u))
                }
            }
            return b.build()
        }
        return AdoptionChannels(graphs: graphs, relations: degrees.indices.map { Relation("r\($0)") },
                                inPopulation: Array(repeating: true, count: nodes))
    }

    /// One JSON line: replicates, truth, and per parameter the share of intervals holding it,
    /// its binomial standard error, mean estimate and mean interval width.
    static func coverage(replicates: Int, nodes: Int, periods: Int, truth: [Double], seed: UInt64) throws {
        let start = Measure.now()
        var inside = [Int](repeating: 0, count: truth.count), sum = [Double](repeating: 0, count: truth.count)
        var width = sum
        var failed = 0
        for s in 0..<replicates {
            let ch = channels(nodes: nodes, degrees: [3, 2], seed: UInt64(s))
            var rng = SplitMix64(seed: seed, stream: UInt64(s))
            let times = ContagionSimulation.simulate(ch, outside: truth[0], transmission: Array(truth.dropFirst()),
                                                     window: 1...periods, rng: &rng)
            guard let r = try? AdoptionFit.fit(AdoptionFitData(channels: ch, times: times, window: 1...periods),
                                               AdoptionFitParameters(model: .contagion, relations: ["r0", "r1"])) else {
                failed += 1
                continue
            }
            for j in truth.indices {
                if r.terms[j].ciLow <= truth[j] && truth[j] <= r.terms[j].ciHigh { inside[j] += 1 }
                sum[j] += r.terms[j].estimate
                width[j] += r.terms[j].ciHigh - r.terms[j].ciLow
            }
        }
        let ok = Double(replicates - failed)
        let names = ["outside", "r0", "r1"]
        emit(.object([
            ("suite", "fit-coverage"), ("replicates", .int(replicates)), ("failed", .int(failed)), ("nodes", .int(nodes)),
            ("periods", .int(periods)), ("seed", .int(Int(seed))), ("degrees", [3, 2]),
            ("parameters", .array(truth.indices.map { j in
                let c = Double(inside[j]) / ok
                return .object([("term", .string(names[j])), ("truth", .double(truth[j])), ("coverage", .double(Measure.round(c, 4))),
                                ("coverage_se", .double(Measure.round((c * (1 - c) / ok).squareRoot(), 4))),
                                ("mean_estimate", .double(Measure.round(sum[j] / ok, 5))),
                                ("mean_width", .double(Measure.round(width[j] / ok, 5)))])
            })),
            ("seconds", .double(Measure.round(Measure.now() - start, 3))),
        ]))
    }

    /// Median seconds of `repeats` fits of each kind on a dataset.
    static func speed(path: String, adoption: String, never: Int?, relations: [String], by: String?, permutations: Int,
                      threads: Int?, repeats: Int) throws {
        let net = try DatasetFolder.read(path)
        let a = try net.adoptionTimes(attribute: adoption, neverAdopted: never, missing: .exclude)
        let rels = relations.map { Relation($0) }
        let cases: [(String, AdoptionFitParameters)] = [
            ("hazard", AdoptionFitParameters(model: .hazard, relations: rels, groupBy: by, threads: threads)),
            ("contagion", AdoptionFitParameters(model: .contagion, relations: rels, groupBy: by, threads: threads)),
            ("hazard+permutations", AdoptionFitParameters(model: .hazard, relations: rels, groupBy: by, permutations: permutations, threads: threads)),
            ("contagion+permutations", AdoptionFitParameters(model: .contagion, relations: rels, groupBy: by, permutations: permutations, threads: threads)),
        ]
        for (name, p) in cases {
            var times: [Double] = [], cpu: [Double] = []
            var kept = 0.0
            for _ in 0..<repeats {
                let t0 = Measure.now(), c0 = Measure.cpuSeconds()
                let r = try AdoptionFit.fit(net, adoption: a, p)
                times.append(Measure.now() - t0)
                cpu.append(Measure.cpuSeconds() - c0)
                kept += r.logLikelihood
            }
            emit(.object([("suite", "fit-speed"), ("dataset", .string(path)), ("fit", .string(name)),
                          ("relations", .array(relations.map { .string($0) })), ("by", by.map { .string($0) } ?? .null),
                          ("permutations", .int(p.permutations)), ("threads", threads.map { .int($0) } ?? .null),
                          ("median_seconds", .double(Measure.round(Measure.median(times), 4))),
                          ("median_cpu_seconds", .double(Measure.round(Measure.median(cpu), 4))),
                          ("log_likelihood", .double(kept / Double(repeats)))]))
        }
    }
}
