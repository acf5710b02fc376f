import GraphCore

/// Modularity of a partition (Newman and Girvan 2004; Newman 2006 for directed graphs), as
/// networkx's `community.modularity` with `resolution` γ:
/// undirected `Q = Σ_c [L_c/m − γ (d_c / 2m)²]`, directed `Q = Σ_c [L_c/m − γ d⁺_c d⁻_c / m²]`, with
/// `m` the total edge weight, `L_c` the weight inside community `c` and `d_c` its (out-, in-)
/// strength. Weights count when `weighted` and the graph has them.
///
/// How much do organizations explain the ties: `Modularity.of(g, labels: partition.primary)`.
/// Nodes labelled -1 (in no group) are each a community of their own.
/// - Complexity: O(n + m).
public enum Modularity {
    /// - Throws: ``AlgorithmError`` when `labels` does not have one entry per node.
    public static func of(_ g: CSRGraph, labels: [Int32], resolution: Double = 1, weighted: Bool = true) throws(AlgorithmError) -> Double {
        guard labels.count == g.nodeCount else {
            throw AlgorithmError("modularity: \(labels.count) labels, expected one per node (\(g.nodeCount))")
        }
        let n = g.nodeCount
        // Communities: labels ≥ 0 as given, each unlabelled node alone.
        let maxLabel = Int(labels.max() ?? -1)
        var comm = [Int](repeating: 0, count: n)
        var next = maxLabel + 1
        for v in 0..<n { if labels[v] >= 0 { comm[v] = Int(labels[v]) } else { comm[v] = next; next += 1 } }
        let w = weighted ? g.weights : nil
        var inside = [Double](repeating: 0, count: next)
        var outS = [Double](repeating: 0, count: next), inS = [Double](repeating: 0, count: next)
        var total = 0.0
        for u in 0..<n {
            for i in g.offsets[u]..<g.offsets[u + 1] {
                let x = w?[i] ?? 1
                let v = Int(g.targets[i])
                total += x
                outS[comm[u]] += x
                inS[comm[v]] += x
                if comm[u] == comm[v] { inside[comm[u]] += x }
            }
        }
        guard total > 0 else { return 0 }
        var q = 0.0
        if g.isDirected {
            for c in 0..<next { q += inside[c] / total - resolution * outS[c] * inS[c] / (total * total) }
        } else {
            // Arc sums count every edge twice: m = total/2, L_c = inside/2, d_c = outS.
            let m = total / 2
            for c in 0..<next { q += inside[c] / 2 / m - resolution * (outS[c] / (2 * m)) * (outS[c] / (2 * m)) }
        }
        return q
    }
}
