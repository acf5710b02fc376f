import GraphCore

/// Which arcs a degree or strength counts.
public enum DegreeMode: String, Sendable, Hashable, CaseIterable {
    /// In + out for a directed graph; the degree of an undirected one.
    case total
    /// Incoming arcs (the degree when undirected).
    case `in`
    /// Outgoing arcs (the degree when undirected).
    case out
}

/// Degree centrality: the number of arcs at a node, as networkx's `degree_centrality`,
/// `in_degree_centrality` and `out_degree_centrality` (normalized by `n - 1`; every node
/// scores 1 when `n <= 1`). A self-loop counts twice in the total degree, as in networkx.
///
/// ```swift
/// DegreeCentrality(mode: .in).scores(g).score(0)   // in-degree of node 0 / (n - 1)
/// ```
public struct DegreeCentrality: Sendable, Hashable {
    public var mode: DegreeMode
    /// Divide by `n - 1` (networkx always does).
    public var normalized: Bool

    public init(mode: DegreeMode = .total, normalized: Bool = true) {
        self.mode = mode
        self.normalized = normalized
    }

    /// - Complexity: O(n).
    public func scores(_ g: CSRGraph) -> NodeScores {
        let n = g.nodeCount
        let s = normalized ? (n > 1 ? 1.0 / Double(n - 1) : 0) : 1
        var out = [Double](repeating: 0, count: n)
        for v in 0..<n {
            let d: Int
            switch mode {
            case .total: d = g.degree(Int32(v))
            case .in: d = g.inDegree(Int32(v))
            case .out: d = g.outDegree(Int32(v))
            }
            out[v] = normalized && n <= 1 ? 1 : Double(d) * s
        }
        let name = mode == .total ? "degree" : "\(mode.rawValue)-degree"
        return NodeScores(scores: out, metadata: ScoreMetadata(measure: name, normalized: normalized))
    }
}

/// Strength: the sum of the weights of the arcs at a node (networkx `G.degree(weight=...)`,
/// igraph `strength`); the degree for an unweighted graph. A self-loop's weight counts twice in
/// the total, as in networkx. Not normalized.
public struct Strength: Sendable, Hashable {
    public var mode: DegreeMode

    public init(mode: DegreeMode = .total) { self.mode = mode }

    /// - Complexity: O(n + m).
    public func scores(_ g: CSRGraph) -> NodeScores {
        let n = g.nodeCount
        var out = [Double](repeating: 0, count: n)
        func rowSums(_ off: [Int], _ w: [Double]?) {
            for v in 0..<n {
                if let w {
                    var s = 0.0
                    for i in off[v]..<off[v + 1] { s += w[i] }
                    out[v] += s
                } else {
                    out[v] += Double(off[v + 1] - off[v])
                }
            }
        }
        switch mode {
        case .out: rowSums(g.offsets, g.weights)
        case .in: rowSums(g.inOffsets, g.inWeights)
        case .total:
            rowSums(g.offsets, g.weights)
            if g.isDirected { rowSums(g.inOffsets, g.inWeights) }
        }
        let name = mode == .total ? "strength" : "\(mode.rawValue)-strength"
        return NodeScores(scores: out, metadata: ScoreMetadata(measure: name))
    }
}
