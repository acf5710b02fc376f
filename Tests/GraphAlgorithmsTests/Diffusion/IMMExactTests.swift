import Foundation
import Testing
@testable import GraphAlgorithms
import GraphCore

/// IMM against exact answers: the spread σ(S) of every seed set, computed by enumerating the
/// live-edge worlds of IC (2^m worlds) and LT (one in-arc or none per node) on graphs of at most 16
/// arcs, and OPT by brute force over all k-subsets.
@Suite("IMM: estimates and guarantee against exact enumeration")
struct IMMExactTests {
    /// 8 nodes, 14 arcs with unequal probabilities: node 0 feeds a chain, node 5 a star.
    static func graph() -> CSRGraph {
        let arcs: [(Int32, Int32, Double)] = [
            (0, 1, 0.7), (1, 2, 0.6), (2, 3, 0.5), (0, 2, 0.3), (3, 4, 0.4), (4, 0, 0.2),
            (5, 6, 0.9), (5, 7, 0.8), (6, 7, 0.3), (5, 1, 0.25), (7, 3, 0.35), (6, 4, 0.15),
            (2, 6, 0.1), (3, 7, 0.2),
        ]
        var b = GraphBuilder(nodeCount: 8, direction: .directed, weighted: true)
        for (u, v, p) in arcs { b.addEdge(u, v, weight: p) }
        return b.build()
    }

    /// Bit mask of the nodes reached from each single node over the live arcs.
    static func reachMasks(_ g: CSRGraph, live: (Int) -> Bool) -> [Int] {
        (0..<g.nodeCount).map { s in
            var mask = 1 << s
            var stack = [s]
            while let u = stack.popLast() {
                for a in g.offsets[u]..<g.offsets[u + 1] where live(a) {
                    let v = Int(g.targets[a])
                    if mask & (1 << v) == 0 { mask |= 1 << v; stack.append(v) }
                }
            }
            return mask
        }
    }

    /// Adds `w` × |reached from S| to `table[S]` for every seed set S (a bit mask).
    static func accumulate(_ table: inout [Double], _ r: [Int], _ w: Double) {
        var union = [Int](repeating: 0, count: table.count)
        for s in 1..<table.count {
            let low = s.trailingZeroBitCount
            union[s] = union[s & (s - 1)] | r[low]
            table[s] += w * Double(union[s].nonzeroBitCount)
        }
    }

    /// Exact IC spread of every seed set: Σ over the 2^m worlds of P(world) × |reached|.
    static func exactIC(_ g: CSRGraph) -> [Double] {
        let p = g.weights!
        let m = g.arcCount
        var table = [Double](repeating: 0, count: 1 << g.nodeCount)
        for world in 0..<(1 << m) {
            var w = 1.0
            for a in 0..<m { w *= (world >> a) & 1 == 1 ? p[a] : 1 - p[a] }
            accumulate(&table, reachMasks(g) { (world >> $0) & 1 == 1 }, w)
        }
        return table
    }

    /// Exact LT spread of every seed set: each node keeps in-arc a with probability b(a) (LT
    /// influence), or none with 1 − Σ b; the spread is reachability over the kept arcs (Kempe et
    /// al. 2003, Theorem 2.5).
    static func exactLT(_ d: DiffusionGraph, _ g: CSRGraph) -> [Double] {
        let n = g.nodeCount
        var table = [Double](repeating: 0, count: 1 << n)
        var keep = [Int](repeating: -1, count: n)  // kept in-arc (in-arc index) per node
        func go(_ v: Int, _ w: Double) {
            if v == n {
                // Kept in-arc → the out-arc with the same (source, target).
                var liveOut = Set<Int>()
                for x in 0..<n where keep[x] >= 0 {
                    let u = Int(g.inSources[keep[x]])
                    for a in g.offsets[u]..<g.offsets[u + 1] where Int(g.targets[a]) == x { liveOut.insert(a) }
                }
                accumulate(&table, reachMasks(g) { liveOut.contains($0) }, w)
                return
            }
            var rest = 1.0
            for a in g.inOffsets[v]..<g.inOffsets[v + 1] {
                rest -= d.influence[a]
                keep[v] = a
                go(v + 1, w * d.influence[a])
            }
            keep[v] = -1
            if rest > 1e-12 { go(v + 1, w * rest) }
        }
        go(0, 1)
        return table
    }

    static func mask(_ seeds: [Int32]) -> Int { seeds.reduce(0) { $0 | 1 << Int($1) } }

    static func subsets(_ n: Int, _ k: Int) -> [[Int32]] {
        if k == 0 { return [[]] }
        guard n >= k else { return [] }
        return subsets(n - 1, k) + subsets(n - 1, k - 1).map { $0 + [Int32(n - 1)] }
    }

    /// |estimate − exact| within `z` binomial standard deviations of n·F from θ sets.
    static func close(_ estimate: Double, _ exact: Double, n: Int, sets: Int, z: Double = 4) -> Bool {
        let f = min(1, max(0, exact / Double(n)))
        return abs(estimate - exact) <= z * Double(n) * (f * (1 - f) / Double(sets)).squareRoot() + 1e-9
    }

    func check(model: IMM.Model, table: [Double], d: DiffusionGraph) throws {
        let exact = { (s: [Int32]) in table[Self.mask(s)] }
        let n = 8
        for k in 1...3 {
            let r = try IMM(budget: k, epsilon: 0.2, seed: 5, threads: 2).run(d, model: model)
            #expect(r.seeds.count == k && Set(r.seeds).count == k)
            let spread = exact(r.seeds)
            // The estimate from the final sets, against the exact spread of the chosen set.
            #expect(Self.close(r.estimatedSpread, spread, n: n, sets: r.rrSets),
                    "\(model) k=\(k): estimate \(r.estimatedSpread) vs exact \(spread) (θ = \(r.rrSets))")
            #expect(abs(r.marginalSpread.reduce(0, +) - r.estimatedSpread) < 1e-9)
            // The guarantee against the brute-force optimum.
            let opt = Self.subsets(n, k).map(exact).max()!
            #expect(spread >= (1 - exp(-1.0) - 0.2) * opt, "\(model) k=\(k): \(spread) vs OPT \(opt)")
            // An unbiased estimate from fresh sets.
            let fresh = IMM.estimateSpread(d, model: model, seeds: r.seeds, sets: 100_000, seed: 9, threads: 2)
            #expect(Self.close(fresh, spread, n: n, sets: 100_000, z: 3.3), "\(model) k=\(k): fresh \(fresh) vs \(spread)")
        }
        // k = 1 is exact greedy on the estimates: when the best node leads the runner-up by far more
        // than the sampling error, IMM must find it.
        let singles = (0..<Int32(n)).map { ($0, exact([$0])) }.sorted { $0.1 > $1.1 }
        let r = try IMM(budget: 1, epsilon: 0.1, seed: 3).run(d, model: model)
        let sd = Double(n) * (0.25 / Double(r.rrSets)).squareRoot()
        if singles[0].1 - singles[1].1 > 8 * sd {
            #expect(r.seeds == [singles[0].0], "\(model): best single seed \(singles[0]) vs IMM \(r.seeds)")
        }
    }

    @Test func independentCascadeMatchesExactSpread() throws {
        let g = Self.graph()
        #expect(g.arcCount <= 16)
        try check(model: .independentCascade, table: Self.exactIC(g), d: DiffusionGraph(g, probability: .fromWeights))
    }

    @Test func linearThresholdMatchesExactSpread() throws {
        let g = Self.graph()
        let d = DiffusionGraph(g, probability: .fromWeights, influenceFromWeights: true)
        try check(model: .linearThreshold, table: Self.exactLT(d, g), d: d)
    }

    @Test func exactOraclesOnAPath() {
        // 0 → 1 → 2 with p = 0.5 each: σ({0}) = 1 + 0.5 + 0.25; LT with one in-arc each is live
        // for sure (influence 1): σ({0}) = 3.
        var b = GraphBuilder(nodeCount: 3, direction: .directed, weighted: true)
        b.addEdge(0, 1, weight: 0.5); b.addEdge(1, 2, weight: 0.5)
        let g = b.build()
        #expect(abs(Self.exactIC(g)[0b001] - 1.75) < 1e-12)
        #expect(abs(Self.exactIC(g)[0b011] - 2.5) < 1e-12)
        #expect(abs(Self.exactLT(DiffusionGraph(g, probability: .fromWeights), g)[0b001] - 3) < 1e-12)
    }

    @Test func fixedSeedsGiveTheConditionalGain() throws {
        let g = Self.graph()
        let d = DiffusionGraph(g, probability: .fromWeights)
        let r = try IMM(budget: 1, epsilon: 0.1, seed: 2, fixedSeeds: [0]).run(d, model: .independentCascade)
        #expect(r.seeds.count == 1 && r.seeds[0] != 0)
        let table = Self.exactIC(g)
        let base = table[1], both = table[Self.mask([0] + r.seeds)]
        #expect(Self.close(r.estimatedBaseSpread, base, n: 8, sets: r.rrSets), "\(r.estimatedBaseSpread) vs \(base)")
        #expect(Self.close(r.estimatedSpread, both, n: 8, sets: r.rrSets), "\(r.estimatedSpread) vs \(both)")
        // The best addition to {0}, by brute force, leads the others by far: IMM finds it.
        let gains = (1..<Int32(8)).map { ($0, table[Self.mask([0, $0])] - base) }.sorted { $0.1 > $1.1 }
        #expect(gains[0].1 - gains[1].1 > 0.3)
        #expect(r.seeds == [gains[0].0])
        // Candidates restrict the choice.
        let c = try IMM(budget: 2, epsilon: 0.2, fixedSeeds: [0], candidates: [6, 7, 0]).run(d, model: .independentCascade)
        #expect(Set(c.seeds) == [6, 7] && c.candidateCount == 2)
    }

    @Test func boundsFollowThePaper() throws {
        let g = Self.graph()
        let d = DiffusionGraph(g, probability: .fromWeights)
        let (n, k, eps, ell) = (8.0, 2, 0.2, 1.0)
        let r = try IMM(budget: k, epsilon: eps, ell: ell, seed: 4).run(d, model: .independentCascade)
        let ellUsed = ell * (1 + log(2) / log(n))
        let logC = log(28.0)  // C(8, 2)
        let e1: Double = 1 - exp(-1.0)
        let alpha = (ellUsed * log(n) + log(2)).squareRoot()
        let beta = (e1 * (logC + ellUsed * log(n) + log(2))).squareRoot()
        let lambdaStar = 2 * n * pow(e1 * alpha + beta, 2) / (eps * eps)
        let ep = 2.0.squareRoot() * eps
        let lambdaPrime = (2 + 2 * ep / 3) * (logC + ellUsed * log(n) + log(log2(n))) * n / (ep * ep)
        #expect(abs(r.ellUsed - ellUsed) < 1e-12)
        #expect(abs(r.lambdaStar - lambdaStar) < 1e-9 * lambdaStar)
        #expect(abs(r.lambdaPrime - lambdaPrime) < 1e-9 * lambdaPrime)
        #expect(r.rrSets == Int((lambdaStar / r.lowerBound).rounded(.up)))
        // The sampling phase drew θᵢ = ⌈λ'/x⌉ sets for x = n/2 or n/4 (log₂ 8 − 1 = 2 rounds).
        #expect([Int((lambdaPrime / 4).rounded(.up)), Int((lambdaPrime / 2).rounded(.up))].contains(r.samplingRRSets))
        // LB is a lower bound of OPT (with probability 1 − n^−ℓ; here for sure).
        let table = Self.exactIC(g)
        let opt = Self.subsets(8, k).map { table[Self.mask($0)] }.max()!
        #expect(r.lowerBound >= 1 && r.lowerBound <= opt)
        #expect(abs(IMM.logBinomial(10, 3) - log(120)) < 1e-12)
        #expect(IMM.logBinomial(5, 5) == 0 && IMM.logBinomial(5, 0) == 0)
    }

    @Test func sameResultForAnyThreadCount() throws {
        let g = Self.graph()
        for model in IMM.Model.allCases {
            let d = DiffusionGraph(g, probability: .fromWeights, influenceFromWeights: true)
            let rs = try [1, 2, 3].map { try IMM(budget: 3, epsilon: 0.15, seed: 77, threads: $0).run(d, model: model) }
            for r in rs.dropFirst() {
                #expect(r.seeds == rs[0].seeds && r.marginalSpread == rs[0].marginalSpread)
                #expect(r.estimatedSpread.bitPattern == rs[0].estimatedSpread.bitPattern)
                #expect(r.rrSets == rs[0].rrSets && r.samplingRRSets == rs[0].samplingRRSets)
                #expect(r.rrSetNodes == rs[0].rrSetNodes && r.edgesExamined == rs[0].edgesExamined)
            }
            let e = [1, 3].map { IMM.estimateSpread(d, model: model, seeds: [0, 5], sets: 5000, seed: 1, threads: $0) }
            #expect(e[0].bitPattern == e[1].bitPattern)
        }
    }

    @Test func badParametersAreErrors() {
        let d = DiffusionGraph(Self.graph(), probability: .fromWeights)
        #expect(throws: RelayError.self) { try IMM(budget: 2, epsilon: 0).run(d, model: .independentCascade) }
        #expect(throws: RelayError.self) { try IMM(budget: 2, epsilon: 1.5).run(d, model: .independentCascade) }
        #expect(throws: RelayError.self) { try IMM(budget: 2, ell: 0).run(d, model: .independentCascade) }
        #expect(throws: RelayError.self) { try IMM(budget: 2, fixedSeeds: [99]).run(d, model: .independentCascade) }
        #expect(throws: RelayError.self) { try IMM(budget: 2, maxRRSets: 100).run(d, model: .independentCascade) }
        let none = try? IMM(budget: 0).run(d, model: .independentCascade)
        #expect(none?.seeds == [] && none?.rrSets == 0)
    }
}
