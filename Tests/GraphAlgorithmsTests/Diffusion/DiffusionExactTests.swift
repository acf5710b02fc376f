import Foundation
import Testing
@testable import GraphAlgorithms
import GraphCore

/// Monte Carlo against exact answers: enumeration of live-edge worlds for IC and LT on small
/// graphs (Kempe, Kleinberg and Tardos 2003), closed forms for SI and Bass, hand-worked
/// complex-contagion cases.
@Suite("Diffusion: Monte Carlo against exact enumeration and closed forms")
struct DiffusionExactTests {
    /// A directed graph of 7 nodes and 12 arcs with unequal probabilities, two organizations.
    static func smallGraph() -> (CSRGraph, [Double]) {
        let arcs: [(Int32, Int32, Double)] = [
            (0, 1, 0.6), (0, 2, 0.3), (1, 2, 0.5), (1, 3, 0.4), (2, 3, 0.7), (2, 4, 0.2),
            (3, 5, 0.5), (4, 5, 0.9), (4, 6, 0.35), (5, 6, 0.45), (6, 1, 0.25), (3, 0, 0.15),
        ]
        var b = GraphBuilder(nodeCount: 7, direction: .directed, weighted: true)
        for (u, v, p) in arcs { b.addEdge(u, v, weight: p) }
        let g = b.build()
        return (g, g.weights!)
    }

    /// Reachability from `seeds` over the arcs whose bit is set in `live`, with BFS distances.
    static func distances(_ g: CSRGraph, seeds: [Int32], live: (Int) -> Bool) -> [Int] {
        var d = [Int](repeating: -1, count: g.nodeCount)
        var q: [Int] = []
        for s in seeds { d[Int(s)] = 0; q.append(Int(s)) }
        var i = 0
        while i < q.count {
            let u = q[i]; i += 1
            for a in g.offsets[u]..<g.offsets[u + 1] where live(a) {
                let v = Int(g.targets[a])
                if d[v] < 0 { d[v] = d[u] + 1; q.append(v) }
            }
        }
        return d
    }

    /// Exact P(reached) and E[adoption step | reached] per node, and P(some node of each group
    /// reached), by enumerating the 2^m live-edge worlds of IC.
    static func exactIC(_ g: CSRGraph, p: [Double], seeds: [Int32], groups: [[Int32]])
        -> (prob: [Double], time: [Double], group: [Double]) {
        let m = g.arcCount
        var prob = [Double](repeating: 0, count: g.nodeCount)
        var time = [Double](repeating: 0, count: g.nodeCount)
        var group = [Double](repeating: 0, count: groups.count)
        for world in 0..<(1 << m) {
            var w = 1.0
            for a in 0..<m { w *= (world >> a) & 1 == 1 ? p[a] : 1 - p[a] }
            let d = distances(g, seeds: seeds) { (world >> $0) & 1 == 1 }
            for v in 0..<g.nodeCount where d[v] >= 0 { prob[v] += w; time[v] += w * Double(d[v]) }
            for (k, members) in groups.enumerated() where members.contains(where: { d[Int($0)] >= 0 }) { group[k] += w }
        }
        return (prob, zip(time, prob).map { $1 > 0 ? $0 / $1 : .nan }, group)
    }

    /// |estimate − exact| within the 99% binomial interval (plus a hair for rounding).
    static func within99(_ estimate: Double, _ exact: Double, runs: Int) -> Bool {
        let p = min(1, max(0, exact))  // sums of 2^m world weights may overshoot 1 by an ulp
        return abs(estimate - exact) <= 2.576 * (p * (1 - p) / Double(runs)).squareRoot() + 1e-9
    }

    @Test func independentCascadeMatchesLiveEdgeEnumeration() {
        let (g, p) = Self.smallGraph()
        let seeds: [Int32] = [0]
        // Organizations: {1, 2, 3} and {4, 5, 6}; the collective is node 0 alone.
        let part = Partition(labels: [-1, 0, 0, 0, 1, 1, 1], groupNames: ["A", "B"])
        let exact = Self.exactIC(g, p: p, seeds: seeds, groups: [[1, 2, 3], [4, 5, 6]])
        let runs = 40_000
        let frame = OrganizationFrame(organizations: part, participants: NodeSet(name: "c", members: [0]))
        let r = Diffusion.simulate(DiffusionGraph(g, probability: .fromWeights),
                                   DiffusionParameters(model: .independentCascade, seeds: seeds, runs: runs, horizon: 20,
                                                       seed: 7, threads: 2, frame: frame))
        #expect(r.runs == runs)
        for v in 0..<7 {
            #expect(Self.within99(r.adoptionProbability[v], exact.prob[v], runs: runs),
                    "node \(v): \(r.adoptionProbability[v]) vs exact \(exact.prob[v])")
        }
        #expect(r.adoptionProbability[0] == 1 && r.meanAdoptionTime[0] == 0)
        // Mean adoption step: exact mean of the BFS distance in the live graph, checked loosely
        // (its variance is at most the squared diameter).
        for v in 1..<7 where exact.prob[v] > 0.05 {
            #expect(abs(r.meanAdoptionTime[v] - exact.time[v]) < 0.05, "node \(v) time")
        }
        for k in 0..<2 {
            #expect(Self.within99(r.organizations[k].reached.value, exact.group[k], runs: runs),
                    "org \(k): \(r.organizations[k].reached.value) vs \(exact.group[k])")
            #expect(r.organizations[k].reached.low <= exact.group[k] + 0.01 && exact.group[k] - 0.01 <= r.organizations[k].reached.high)
        }
    }

    /// One probability on every arc takes the geometric-skipping path: the same distribution.
    @Test func independentCascadeWithOneProbabilityMatchesEnumeration() {
        let (g, _) = Self.smallGraph()
        let p = [Double](repeating: 0.35, count: g.arcCount)
        let exact = Self.exactIC(g, p: p, seeds: [0, 4], groups: [])
        let runs = 40_000
        let d = DiffusionGraph(g, probability: .uniform(0.35))
        #expect(d.uniformProbability == 0.35)
        let r = Diffusion.simulate(d, DiffusionParameters(model: .independentCascade, seeds: [0, 4], runs: runs, horizon: 20, seed: 21))
        for v in 0..<7 {
            #expect(Self.within99(r.adoptionProbability[v], exact.prob[v], runs: runs),
                    "node \(v): \(r.adoptionProbability[v]) vs exact \(exact.prob[v])")
        }
    }

    /// LT as a live-edge process: each node keeps at most one in-arc, arc (u, v) with
    /// probability b(u, v), none with 1 − Σ b.
    @Test func linearThresholdMatchesLiveEdgeEnumeration() {
        let (g, _) = Self.smallGraph()
        let d = DiffusionGraph(g, probability: .fromWeights, influenceFromWeights: true)
        let n = g.nodeCount
        // Choices per node: its in-arcs (by in-arc index) or none.
        var choices: [[(arc: Int?, p: Double)]] = []
        for v in 0..<n {
            var c: [(Int?, Double)] = []
            var total = 0.0
            for a in g.inOffsets[v]..<g.inOffsets[v + 1] { c.append((a, d.influence[a])); total += d.influence[a] }
            if total < 1 - 1e-12 { c.append((nil, 1 - total)) }
            choices.append(c)
        }
        var exact = [Double](repeating: 0, count: n)
        func enumerate(_ v: Int, _ chosen: [Int?], _ w: Double) {
            if v == n {
                // Live arcs: the chosen in-arc of each node; reach from node 0 following them forward.
                var liveIn = [Int32](repeating: -1, count: n)
                for x in 0..<n { if let a = chosen[x] { liveIn[x] = g.inSources[a] } }
                var reached = [Bool](repeating: false, count: n)
                reached[0] = true
                var changed = true
                while changed {
                    changed = false
                    for x in 0..<n where !reached[x] && liveIn[x] >= 0 && reached[Int(liveIn[x])] {
                        reached[x] = true; changed = true
                    }
                }
                for x in 0..<n where reached[x] { exact[x] += w }
                return
            }
            for (a, p) in choices[v] where p > 0 { enumerate(v + 1, chosen + [a], w * p) }
        }
        enumerate(0, [], 1)
        let runs = 40_000
        let r = Diffusion.simulate(d, DiffusionParameters(model: .linearThreshold(.uniformRandom), seeds: [0], runs: runs,
                                                          horizon: 20, seed: 11, threads: 2))
        for v in 0..<n {
            #expect(Self.within99(r.adoptionProbability[v], exact[v], runs: runs),
                    "node \(v): \(r.adoptionProbability[v]) vs exact \(exact[v])")
        }
    }

    /// SI on a path from one end: node d is infected at the sum of d geometric(β) delays, so
    /// P(infected by step t) = P(NegBin(d, β) ≤ t).
    @Test func siOnAPathMatchesTheNegativeBinomial() {
        var b = GraphBuilder(nodeCount: 6, direction: .undirected)
        for i in 0..<5 { b.addEdge(Int32(i), Int32(i + 1)) }
        let beta = 0.3, horizon = 12, runs = 40_000
        let r = Diffusion.simulate(DiffusionGraph(b.build(), probability: .uniform(beta)),
                                   DiffusionParameters(model: .si, seeds: [0], runs: runs, horizon: horizon, seed: 3))
        func binom(_ n: Int, _ k: Int) -> Double {
            var c = 1.0
            for i in 0..<k { c = c * Double(n - i) / Double(i + 1) }
            return c
        }
        for d in 1...5 {
            var p = 0.0
            for j in d...horizon {
                let success: Double = pow(beta, Double(d))
                let failures: Double = pow(1 - beta, Double(j - d))
                p += binom(j - 1, d - 1) * success * failures
            }
            #expect(Self.within99(r.adoptionProbability[d], p, runs: runs), "node \(d): \(r.adoptionProbability[d]) vs \(p)")
        }
    }

    /// SI on the complete graph K_n: the number infected is a Markov chain,
    /// I' = I + Binomial(n − I, 1 − (1 − β)^I); its exact distribution gives E[I_t].
    @Test func siOnACompleteGraphMatchesTheMarkovChain() {
        let n = 8, beta = 0.1, horizon = 10, runs = 20_000
        var b = GraphBuilder(nodeCount: n, direction: .undirected)
        for u in 0..<n { for v in (u + 1)..<n { b.addEdge(Int32(u), Int32(v)) } }
        let r = Diffusion.simulate(DiffusionGraph(b.build(), probability: .uniform(beta)),
                                   DiffusionParameters(model: .si, seeds: [0], runs: runs, horizon: horizon, seed: 5))
        var dist = [Double](repeating: 0, count: n + 1)
        dist[1] = 1
        for t in 1...horizon {
            var nextDist = [Double](repeating: 0, count: n + 1)
            for i in 1...n where dist[i] > 0 {
                let q = 1 - pow(1 - beta, Double(i)), s = n - i
                var c = 1.0
                for k in 0...s {
                    if k > 0 { c = c * Double(s - k + 1) / Double(k) }
                    let pk: Double = pow(q, Double(k)) * pow(1 - q, Double(s - k))
                    nextDist[i + k] += dist[i] * c * pk
                }
            }
            dist = nextDist
            var mean = 0.0, second = 0.0
            for i in 0...n { mean += Double(i) * dist[i]; second += Double(i * i) * dist[i] }
            let sd = max(0, second - mean * mean).squareRoot()
            #expect(abs(r.curve[t] - mean) <= 2.576 * sd / Double(runs).squareRoot() + 1e-9,
                    "step \(t): \(r.curve[t]) vs \(mean)")
        }
    }

    /// Continuous-time SIR without recovery on a path: node d is reached at a sum of d
    /// exponential(β) delays, P(by time T) = P(Gamma(d, β) ≤ T) = 1 − Σ_{k<d} e^{−βT}(βT)^k/k!.
    /// With recovery on a star, a leaf is reached with probability β / (β + γ).
    @Test func continuousSIRMatchesGammaAndCompetingRates() {
        var b = GraphBuilder(nodeCount: 5, direction: .directed)
        for i in 0..<4 { b.addEdge(Int32(i), Int32(i + 1)) }
        let p = 0.3, beta = -log(1 - p), horizon = 6, runs = 40_000
        let r = Diffusion.simulate(DiffusionGraph(b.build(), probability: .uniform(p)),
                                   DiffusionParameters(model: .continuousSIR(recoveryRate: 0), seeds: [0], runs: runs,
                                                       horizon: horizon, seed: 13))
        for d in 1...4 {
            let x = beta * Double(horizon)
            var tail = 0.0, term = exp(-x)
            for k in 0..<d { if k > 0 { term *= x / Double(k) }; tail += term }
            #expect(Self.within99(r.adoptionProbability[d], 1 - tail, runs: runs), "node \(d): \(r.adoptionProbability[d]) vs \(1 - tail)")
        }
        var star = GraphBuilder(nodeCount: 6, direction: .directed)
        for leaf in 1...5 { star.addEdge(0, Int32(leaf)) }
        let gamma = 0.8
        let s = Diffusion.simulate(DiffusionGraph(star.build(), probability: .uniform(p)),
                                   DiffusionParameters(model: .continuousSIR(recoveryRate: gamma), seeds: [0], runs: runs,
                                                       horizon: 200, seed: 17))
        for leaf in 1...5 {
            #expect(Self.within99(s.adoptionProbability[leaf], beta / (beta + gamma), runs: runs), "leaf \(leaf)")
        }
        // Leaves are not independent (one recovery time): the spread's mean is still 1 + 5β/(β+γ).
        #expect(abs(s.spread.value - (1 + 5 * beta / (beta + gamma))) < 3 * s.spread.halfWidth)
    }

    /// Bass with no ties: each node adopts at rate p per step, P(by t) = 1 − (1 − p)^t.
    @Test func bassWithoutTiesIsGeometric() {
        let g = GraphBuilder(nodeCount: 50, direction: .directed).build()
        let runs = 4_000
        let r = Diffusion.simulate(DiffusionGraph(g, probability: .uniform(0)),
                                   DiffusionParameters(model: .bass(p: 0.1, q: 0.5), seeds: [], runs: runs, horizon: 6, seed: 9))
        let exact = 1 - pow(0.9, 6.0)
        let mean = r.adoptionProbability.reduce(0, +) / 50
        #expect(abs(mean - exact) <= 2.576 * (exact * (1 - exact) / Double(runs * 50)).squareRoot())
        for t in 0...6 {
            let e = 50 * (1 - pow(0.9, Double(t)))
            #expect(abs(r.curve[t] - e) < 0.25, "step \(t)")
        }
    }

    @Test func complexContagionNeedsTwoAdoptingNeighbours() {
        // 0–2, 1–2, 1–3, 2–3, 3–4, 4–5, 2–5: from {0, 1}, node 2 adopts at step 1 (two
        // neighbours), 3 at step 2 (1 and 2), 5 never has two (4 never adopts: one neighbour, 3).
        var b = GraphBuilder(nodeCount: 6, direction: .undirected)
        for (u, v) in [(0, 2), (1, 2), (1, 3), (2, 3), (3, 4), (4, 5), (2, 5)] { b.addEdge(Int32(u), Int32(v)) }
        let d = DiffusionGraph(b.build(), probability: .uniform(1))
        let r = Diffusion.simulate(d, DiffusionParameters(model: .complexContagion(.absolute(2)), seeds: [0, 1], runs: 3, horizon: 10))
        #expect(r.adoptionProbability == [1, 1, 1, 1, 0, 0])
        #expect(r.meanAdoptionTime[2] == 1 && r.meanAdoptionTime[3] == 2)
        #expect(r.curve == [2, 3, 4, 4, 4, 4, 4, 4, 4, 4, 4])
        // Fractional 0.5: 2 at step 1 (0, 1 of its 4 neighbours); 3 (1, 2 of 3) and 5 (2 of
        // 2, 4) at step 2; 4 (3, 5 of 3, 5) at step 3.
        let f = Diffusion.simulate(d, DiffusionParameters(model: .complexContagion(.fractional(0.5)), seeds: [0, 1], runs: 1, horizon: 10))
        #expect(f.meanAdoptionTime == [0, 0, 1, 2, 3, 2])
    }

    @Test func sameSeedSameResultForAnyThreadCount() {
        let (g, _) = Self.smallGraph()
        let d = DiffusionGraph(g, probability: .fromWeights)
        let part = Partition(labels: [-1, 0, 0, 0, 1, 1, 1], groupNames: ["A", "B"])
        let frame = OrganizationFrame(organizations: part, participants: NodeSet(name: "c", members: [0]), collectiveEnd: 2)
        for model in [DiffusionModel.independentCascade, .linearThreshold(.uniformRandom), .sir(recovery: 0.3), .bass(p: 0.01, q: 0.4),
                      .continuousSIR(recoveryRate: 0.5)] {
            let results = [1, 2, 3, 5].map { threads in
                Diffusion.simulate(d, DiffusionParameters(model: model, seeds: [0], runs: 777, horizon: 8, seed: 42,
                                                          threads: threads, frame: frame))
            }
            for r in results.dropFirst() {
                #expect(r.adoptionProbability == results[0].adoptionProbability, "\(model)")
                #expect(r.holdingProbability == results[0].holdingProbability)
                #expect(r.meanAdoptionTime.map(\.bitPattern) == results[0].meanAdoptionTime.map(\.bitPattern))
                #expect(r.curve == results[0].curve)
                #expect(r.organizations == results[0].organizations)
                #expect(r.edgesExamined == results[0].edgesExamined)
            }
        }
    }
}
