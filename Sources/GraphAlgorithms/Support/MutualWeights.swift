import GraphCore

/// The undirected "mutual weight" graph of Burt's measures (networkx `mutual_weight`):
/// an edge `{u, v}` of weight `a_uv + a_vu` for every pair joined by an arc either way (1 per
/// arc when unweighted), self-loops dropped. For an undirected graph that is `2·w_uv`; the factor
/// cancels in every ratio that uses it.
enum MutualWeights {
    /// - Complexity: O(n + m).
    static func graph(_ g: CSRGraph, weighted: Bool) -> CSRGraph {
        var b = GraphBuilder(nodeCount: g.nodeCount, direction: .undirected, weighted: true, reservingEdges: g.arcCount)
        let w = weighted ? g.weights : nil
        for u in 0..<g.nodeCount {
            for i in g.offsets[u]..<g.offsets[u + 1] {
                let v = g.targets[i]
                if Int(v) == u { continue }
                // Undirected graphs store both arcs: adding each arc gives a_uv + a_vu = 2 w_uv.
                b.addEdge(Int32(u), v, weight: w?[i] ?? 1)
            }
        }
        return b.build(parallelEdges: .sum, selfLoops: .drop)
    }
}
