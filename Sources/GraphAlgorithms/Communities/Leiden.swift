import GraphCore

/// Leiden community detection (Traag, Waltman and van Eck 2019, "From Louvain to Leiden:
/// guaranteeing well-connected communities", Sci. Rep. 9), optimizing modularity with
/// `resolution` γ: fast local moving (a queue of nodes whose neighbourhood changed), refinement
/// (inside each community, well-connected singletons merge into well-connected sub-communities,
/// chosen at random with probability ∝ exp(ΔQ/θ)), and aggregation of the refined partition with
/// the unrefined one as the starting point. Communities come out connected.
///
/// All randomness comes from `SplitMix64(seed:)` and the run is sequential, so the same seed gives
/// the same partition for any thread count. Directed graphs are symmetrized (`w_uv + w_vu`).
///
/// ```swift
/// let c = Leiden(resolution: 1, seed: 3).communities(g)
/// ```
/// - Complexity: about O(m) per level, O(log n) levels in practice.
public struct Leiden: Sendable, Hashable {
    public var resolution: Double
    public var seed: UInt64
    public var weighted: Bool
    /// Randomness of the refinement (θ in the paper).
    public var theta: Double
    public var maxLevels: Int

    public init(resolution: Double = 1, seed: UInt64 = 0, weighted: Bool = true, theta: Double = 0.01, maxLevels: Int = 100) {
        self.resolution = resolution; self.seed = seed; self.weighted = weighted; self.theta = theta; self.maxLevels = maxLevels
    }

    public func communities(_ g: CSRGraph) -> CommunityResult {
        let useW = weighted && g.isWeighted
        var cg = CommunityGraph(g, weighted: useW)
        var rng = SplitMix64(seed: seed, stream: 0)
        var assignment = (0..<Int32(g.nodeCount)).map { $0 }
        var part = (0..<Int32(cg.n)).map { $0 }
        var levels = 0
        while levels < maxLevels && cg.n > 0 && cg.total > 0 {
            levels += 1
            LocalMoving.run(cg, &part, resolution: resolution, rng: &rng)
            let k = compactLabels(&part)
            if k == cg.n { break }
            var refined = refine(cg, part, k, &rng)
            let kr = compactLabels(&refined)
            // Aggregate on the refined partition; start from the unrefined one.
            var start = [Int32](repeating: 0, count: kr)
            for v in 0..<cg.n { start[Int(refined[v])] = part[v] }
            for v in assignment.indices { assignment[v] = refined[Int(assignment[v])] }
            cg = cg.aggregate(refined, count: kr)
            part = start
        }
        let labels = assignment.map { part.isEmpty ? $0 : part[Int($0)] }
        return CommunityResult(rawLabels: labels, graph: g, resolution: resolution, weighted: useW, levels: levels,
                               metadata: ScoreMetadata(measure: "leiden",
                                                       parameters: ["resolution": "\(resolution)", "theta": "\(theta)",
                                                                    "weighted": "\(useW)"],
                                                       seed: seed))
    }

    /// The refinement phase: a partition of each community of `part` into well-connected
    /// sub-communities, starting from singletons.
    func refine(_ cg: CommunityGraph, _ part: [Int32], _ k: Int, _ rng: inout SplitMix64) -> [Int32] {
        let n = cg.n, m2 = cg.total
        var refined = (0..<Int32(n)).map { $0 }
        var commTot = [Double](repeating: 0, count: k)
        for v in 0..<n { commTot[Int(part[v])] += cg.strength[v] }
        // ext[c]: weight from refined community c to the rest of its community; tot: its strength.
        var ext = [Double](repeating: 0, count: n), tot = cg.strength
        var singleton = [Bool](repeating: true, count: n)
        for v in 0..<n {
            for i in cg.offsets[v]..<cg.offsets[v + 1] where part[Int(cg.targets[i])] == part[v] { ext[v] += cg.weights[i] }
        }
        var neighW = [Double](repeating: -1, count: n)
        var touched: [Int32] = []
        var candidates: [(c: Int, q: Double)] = []
        for v32 in shuffledOrder(n, &rng) {
            let v = Int(v32)
            guard singleton[v] else { continue }
            let S = Int(part[v]), kv = cg.strength[v]
            // v must be well connected to its community.
            guard ext[v] >= resolution * kv * (commTot[S] - kv) / m2 else { continue }
            for i in cg.offsets[v]..<cg.offsets[v + 1] {
                let w = Int(cg.targets[i])
                guard part[w] == part[v] else { continue }
                let c = Int(refined[w])
                if neighW[c] < 0 { neighW[c] = 0; touched.append(Int32(c)) }
                neighW[c] += cg.weights[i]
            }
            candidates.removeAll(keepingCapacity: true)
            var qmax = 0.0
            for c32 in touched {
                let c = Int(c32)
                guard c != v, ext[c] >= resolution * tot[c] * (commTot[S] - tot[c]) / m2 else { continue }
                let q = (neighW[c] - resolution * tot[c] * kv / m2) * 2 / m2
                if q >= 0 { candidates.append((c, q)); qmax = max(qmax, q) }
            }
            if !candidates.isEmpty {
                var total = 0.0
                for x in candidates { total += Platform.exponential((x.q - qmax) / theta) }
                var r = rng.nextUnit() * total
                var chosen = candidates[candidates.count - 1].c
                for x in candidates {
                    r -= Platform.exponential((x.q - qmax) / theta)
                    if r < 0 { chosen = x.c; break }
                }
                let wvc = neighW[chosen]
                refined[v] = Int32(chosen)
                singleton[v] = false
                singleton[chosen] = false
                ext[chosen] = ext[chosen] + ext[v] - 2 * wvc
                tot[chosen] += kv
            }
            for c in touched { neighW[Int(c)] = -1 }
            touched.removeAll(keepingCapacity: true)
        }
        return refined
    }
}
