import GraphCore

/// What community detection needs of edge weights, checked before Louvain, Leiden or label
/// propagation run on a weighted graph.
///
/// Modularity divides by the total weight 2m and compares sums of weights: a weight that is
/// not finite, negative, or so large that the total overflows (two weights of 1e308) makes every
/// gain NaN or infinite, and the partition meaningless. Readers already refuse NaN and infinite
/// weights; this check also covers graphs built in code and totals that overflow.
public enum CommunityWeights {
    /// Checks every weight of `g` (when it has weights) and their total.
    ///
    /// ```swift
    /// try CommunityWeights.check(g)          // before Louvain(weighted: true).communities(g)
    /// ```
    /// - Complexity: O(m).
    /// - Throws: ``AlgorithmError`` naming the first bad weight, or the overflowing total.
    public static func check(_ g: CSRGraph) throws(AlgorithmError) {
        guard let weights = g.weights else { return }
        var total = 0.0
        for (i, w) in weights.enumerated() {
            guard w.isFinite && w >= 0 else {
                throw AlgorithmError("community detection needs finite, non-negative edge weights; arc \(i) has weight \(w)")
            }
            total += w
        }
        guard total.isFinite else {
            throw AlgorithmError("the edge weights add up to more than the largest double (\(Double.greatestFiniteMagnitude)): scale them down (divide by their maximum) before community detection")
        }
    }
}
