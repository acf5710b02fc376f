import GraphCore

/// Louvain community detection (Blondel, Guillaume, Lambiotte and Lefebvre 2008, "Fast unfolding
/// of communities in large networks"): repeated local moving of single nodes to the neighbouring
/// community of largest modularity gain, then aggregation of communities into nodes, until no
/// move improves modularity (with `resolution` γ, Reichardt and Bornholdt 2006).
///
/// Nodes are visited in a random order drawn from `seed` at every level; ties between equally
/// good communities go to the smallest community id. The run is sequential, so the same seed gives
/// the same partition on any machine and for any thread count. Directed graphs are symmetrized
/// (`w_uv + w_vu`).
///
/// ```swift
/// let c = Louvain(seed: 1).communities(g)
/// c.modularity
/// ```
/// - Complexity: about O(m) per pass; a few passes per level, O(log n) levels in practice.
public struct Louvain: Sendable, Hashable {
    public var resolution: Double
    public var seed: UInt64
    public var weighted: Bool
    /// Stop a level when a pass improves modularity by less than this.
    public var tolerance: Double
    public var maxLevels: Int

    public init(resolution: Double = 1, seed: UInt64 = 0, weighted: Bool = true, tolerance: Double = 1e-7, maxLevels: Int = 100) {
        self.resolution = resolution; self.seed = seed; self.weighted = weighted
        self.tolerance = tolerance; self.maxLevels = maxLevels
    }

    public func communities(_ g: CSRGraph) -> CommunityResult {
        let useW = weighted && g.isWeighted
        var cg = CommunityGraph(g, weighted: useW)
        var assignment = (0..<Int32(g.nodeCount)).map { $0 }   // original node → current node
        var rng = SplitMix64(seed: seed, stream: 0)
        var levels = 0
        while levels < maxLevels && cg.n > 0 {
            var labels = (0..<Int32(cg.n)).map { $0 }
            let moved = Louvain.moveNodes(cg, labels: &labels, resolution: resolution, tolerance: tolerance, rng: &rng)
            let k = compactLabels(&labels)
            for v in assignment.indices { assignment[v] = labels[Int(assignment[v])] }
            levels += 1
            if !moved || k == cg.n { break }
            cg = cg.aggregate(labels, count: k)
        }
        return CommunityResult(rawLabels: assignment, graph: g, resolution: resolution, weighted: useW, levels: levels,
                               metadata: ScoreMetadata(measure: "louvain",
                                                       parameters: ["resolution": "\(resolution)", "weighted": "\(useW)"],
                                                       seed: seed))
    }

    /// Local moving until a pass gains less than `tolerance` in modularity; true if any node moved.
    /// - Complexity: O(m) per pass.
    static func moveNodes(_ cg: CommunityGraph, labels: inout [Int32], resolution: Double, tolerance: Double,
                          rng: inout SplitMix64) -> Bool {
        let n = cg.n
        guard cg.total > 0 else { return false }
        var tot = cg.strength                       // Σ_tot per community (label = node initially)
        var neighW = [Double](repeating: -1, count: n)
        var touched: [Int32] = []
        let m2 = cg.total
        let order = shuffledOrder(n, &rng)
        var anyMove = false
        while true {
            var gain = 0.0
            var moves = 0
            for v32 in order {
                let v = Int(v32)
                let own = Int(labels[v])
                let kv = cg.strength[v]
                neighW[own] = 0; touched.append(Int32(own))
                for i in cg.offsets[v]..<cg.offsets[v + 1] {
                    let c = Int(labels[Int(cg.targets[i])])
                    if neighW[c] < 0 { neighW[c] = 0; touched.append(Int32(c)) }
                    neighW[c] += cg.weights[i]
                }
                tot[own] -= kv
                let base = neighW[own] - resolution * tot[own] * kv / m2
                var best = own, bestGain = base
                for c32 in touched {
                    let c = Int(c32)
                    let q = neighW[c] - resolution * tot[c] * kv / m2
                    if q > bestGain || (q == bestGain && c < best && q > base) { best = c; bestGain = q }
                }
                tot[best] += kv
                if best != own {
                    labels[v] = Int32(best)
                    moves += 1
                    gain += (bestGain - base) * 2 / m2
                }
                for c in touched { neighW[Int(c)] = -1 }
                touched.removeAll(keepingCapacity: true)
            }
            if moves > 0 { anyMove = true }
            if moves == 0 || gain < tolerance { break }
        }
        return anyMove
    }
}
