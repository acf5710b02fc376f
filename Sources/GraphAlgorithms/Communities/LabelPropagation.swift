import GraphCore

/// Asynchronous label propagation (Raghavan, Albert and Kumara 2007, "Near linear time algorithm
/// to detect community structures in large-scale networks"), as networkx's
/// `asyn_lpa_communities`: every node starts with its own label; in a random order each node takes
/// the label of largest total weight among its neighbours (ties broken at random; a node keeps its
/// label when it is among the best); sweeps repeat until every node holds a best label.
///
/// The order and tie-breaks come from `SplitMix64(seed:)` and the run is sequential: the same
/// seed gives the same partition for any thread count. Arc directions are ignored.
/// - Complexity: O(m) per sweep.
public struct LabelPropagation: Sendable, Hashable {
    public var seed: UInt64
    public var weighted: Bool
    public var maxSweeps: Int

    public init(seed: UInt64 = 0, weighted: Bool = true, maxSweeps: Int = 1000) {
        self.seed = seed; self.weighted = weighted; self.maxSweeps = maxSweeps
    }

    public func communities(_ g: CSRGraph) -> CommunityResult {
        let useW = weighted && g.isWeighted
        let cg = CommunityGraph(g, weighted: useW)
        let n = cg.n
        var labels = (0..<Int32(n)).map { $0 }
        var rng = SplitMix64(seed: seed, stream: 0)
        var weight = [Double](repeating: -1, count: n)
        var touched: [Int32] = []
        var best: [Int32] = []
        var sweeps = 0
        var stable = false
        while !stable && sweeps < maxSweeps {
            sweeps += 1
            stable = true
            for v32 in shuffledOrder(n, &rng) {
                let v = Int(v32)
                guard cg.offsets[v + 1] > cg.offsets[v] else { continue }
                for i in cg.offsets[v]..<cg.offsets[v + 1] {
                    let l = Int(labels[Int(cg.targets[i])])
                    if weight[l] < 0 { weight[l] = 0; touched.append(Int32(l)) }
                    weight[l] += cg.weights[i]
                }
                var top = -Double.infinity
                for l in touched { top = max(top, weight[Int(l)]) }
                best.removeAll(keepingCapacity: true)
                for l in touched where weight[Int(l)] == top { best.append(l) }
                best.sort()
                // Weights that are not numbers (NaN) compare equal to nothing: no best label,
                // the node keeps its own (CommunityWeights.check refuses such graphs first).
                if !best.isEmpty && !best.contains(labels[v]) {
                    labels[v] = best.count == 1 ? best[0] : best[rng.next(below: best.count)]
                    stable = false
                }
                for l in touched { weight[Int(l)] = -1 }
                touched.removeAll(keepingCapacity: true)
            }
        }
        return CommunityResult(rawLabels: labels, graph: g, resolution: 1, weighted: useW, levels: sweeps,
                               metadata: ScoreMetadata(measure: "label-propagation",
                                                       parameters: ["weighted": "\(useW)", "converged": "\(stable)"],
                                                       seed: seed))
    }
}
