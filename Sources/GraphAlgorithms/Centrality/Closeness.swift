import GraphCore

/// Closeness centrality with the Wasserman–Faust correction, as networkx's
/// `closeness_centrality(G, wf_improved=True)`: for a node `u` reached from `r - 1` other nodes
/// at total distance `D`, `C(u) = (r - 1)/D · (r - 1)/(n - 1)` (0 when `D = 0`). Without the
/// correction, `C(u) = (r - 1)/D`, the closeness inside `u`'s component.
///
/// For a directed graph the distance is the *incoming* distance (from the other nodes to `u`),
/// as networkx; reverse the graph for outgoing closeness. With `weighted`, arc weights are
/// lengths (Dijkstra). Wasserman and Faust, *Social Network Analysis*, 1994, eq. 5.3.
///
/// ```swift
/// let c = Closeness().scores(g)
/// ```
/// - Complexity: O(n·m) unweighted, O(n·m·log n) weighted, parallel over nodes.
public struct Closeness: Sendable, Hashable {
    /// networkx's `wf_improved`: scale by the fraction of nodes reached.
    public var wfImproved: Bool
    public var weighted: Bool
    public var threads: Int?

    public init(wfImproved: Bool = true, weighted: Bool = false, threads: Int? = nil) {
        self.wfImproved = wfImproved; self.weighted = weighted; self.threads = threads
    }

    public func scores(_ g: CSRGraph) -> NodeScores {
        let useW = weighted && g.isWeighted
        let sums = DistanceSums.compute(g, weighted: useW, incoming: true, threads: threads)
        let n = g.nodeCount
        var out = [Double](repeating: 0, count: n)
        for v in 0..<n where sums.total[v] > 0 && n > 1 {
            let r = Double(sums.reached[v] - 1)
            var c = r / sums.total[v]
            if wfImproved { c *= r / Double(n - 1) }
            out[v] = c
        }
        return NodeScores(scores: out, metadata: ScoreMetadata(
            measure: "closeness", parameters: ["wf_improved": "\(wfImproved)", "weighted": "\(useW)"],
            normalized: true))
    }
}

/// Harmonic centrality, as networkx's `harmonic_centrality`: `H(u) = Σ_{v≠u} 1/d(v, u)`, with
/// `1/∞ = 0` (Marchiori and Latora 2000; Boldi and Vigna 2014, "Axioms for centrality"). Incoming
/// distance for directed graphs, as networkx. `normalized` divides by `n - 1` (igraph's
/// `harmonic_centrality(normalized=True)`; networkx does not normalize).
/// - Complexity: O(n·m) unweighted, O(n·m·log n) weighted, parallel over nodes.
public struct HarmonicCloseness: Sendable, Hashable {
    public var normalized: Bool
    public var weighted: Bool
    public var threads: Int?

    public init(normalized: Bool = false, weighted: Bool = false, threads: Int? = nil) {
        self.normalized = normalized; self.weighted = weighted; self.threads = threads
    }

    public func scores(_ g: CSRGraph) -> NodeScores {
        let useW = weighted && g.isWeighted
        let sums = DistanceSums.compute(g, weighted: useW, incoming: true, threads: threads)
        let n = g.nodeCount
        var out = sums.harmonic
        if normalized && n > 1 { for i in out.indices { out[i] /= Double(n - 1) } }
        return NodeScores(scores: out, metadata: ScoreMetadata(
            measure: "harmonic", parameters: ["weighted": "\(useW)"], normalized: normalized))
    }
}
