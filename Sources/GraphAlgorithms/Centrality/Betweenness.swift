import GraphCore

/// Exact betweenness centrality by Brandes' algorithm: for each node `v`, the sum over ordered
/// pairs `(s, t)` of the fraction of shortest `s`–`t` paths through `v`,
/// `c_B(v) = Σ_{s≠v≠t} σ(s,t|v) / σ(s,t)` (Brandes 2001, "A faster algorithm for betweenness
/// centrality"; networkx `betweenness_centrality`).
///
/// Normalization as networkx 3.6: with `N = n` when `endpoints` and `n - 1` otherwise, normalized
/// scores are divided by `N(N - 1)`; unnormalized scores of an undirected graph are halved (each
/// unordered pair counted once). With `endpoints`, `s` and `t` count as on their own paths.
///
/// Unweighted graphs use BFS; with `weighted` and a weighted graph, arc weights are lengths and
/// Dijkstra (swift-collections' `Heap`) counts the paths, ties by exact equality as networkx.
/// Sources run in parallel, each worker with its own scratch, into fixed accumulation lanes added
/// in lane order: the scores are the same bit for bit for any thread count.
///
/// ```swift
/// let bc = Betweenness(normalized: false).scores(g)
/// ```
/// - Complexity: O(n·m) unweighted, O(n·m·log n) weighted; O(8 · n) extra memory (fixed lanes).
public struct Betweenness: Sendable, Hashable {
    public var normalized: Bool
    public var endpoints: Bool
    /// Use arc weights as lengths (ignored when the graph has none).
    public var weighted: Bool
    /// Worker threads (nil: all cores).
    public var threads: Int?

    public init(normalized: Bool = true, endpoints: Bool = false, weighted: Bool = false, threads: Int? = nil) {
        self.normalized = normalized; self.endpoints = endpoints; self.weighted = weighted; self.threads = threads
    }

    public func scores(_ g: CSRGraph) -> NodeScores {
        let useW = weighted && g.isWeighted
        var bc = Brandes.allSources(g, weighted: useW, endpoints: endpoints, perArc: false, threads: threads)
        let scale = Betweenness.scale(n: g.nodeCount, directed: g.isDirected, normalized: normalized, endpoints: endpoints)
        if scale != 1 { for i in bc.indices { bc[i] *= scale } }
        return NodeScores(scores: bc, metadata: ScoreMetadata(
            measure: "betweenness",
            parameters: ["endpoints": "\(endpoints)", "weighted": "\(useW)"],
            normalized: normalized))
    }

    /// networkx 3.6's `_rescale` without sampling.
    static func scale(n: Int, directed: Bool, normalized: Bool, endpoints: Bool) -> Double {
        let N = endpoints ? n : n - 1
        guard N >= 2 else { return 1 }
        if normalized { return 1 / (Double(N) * Double(N - 1)) }
        return directed ? 1 : 0.5
    }
}
