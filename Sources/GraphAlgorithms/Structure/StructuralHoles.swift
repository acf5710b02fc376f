import GraphCore

/// Burt's structural-hole measures (Burt 1992, *Structural Holes*), with networkx's definitions
/// (`constraint`, `effective_size`): with `N(v)` the nodes joined to `v` by an arc either way
/// (self-loops ignored), the mutual weight `m_uv = a_uv + a_vu`, the proportional tie
/// `p_uv = m_uv / Σ_{w∈N(u)} m_uw` and the marginal tie `m̂_uv = m_uv / max_{w∈N(u)} m_uw`:
///
/// - constraint: `c(v) = Σ_{j∈N(v)} (p_vj + Σ_{q∈N(v)} p_vq p_qj)²`;
/// - effective size: `e(v) = Σ_{u∈N(v)} (1 − Σ_{w∈N(v)} p_vw m̂_uw)` (for an undirected unweighted
///   graph this is Borgatti's `n − 2t/n`, `t` ties among the `n` alters);
/// - efficiency: `e(v) / |N(v)|`.
///
/// A node without neighbours (self-loops aside) scores NaN, as networkx's matrix path does.
/// networkx 3.6's matrix path for `effective_size` divides each mutual weight by the wrong
/// row's maximum (a 1-D broadcast), and its per-node path returns NaN for nodes of a directed
/// graph that only receive ties; the values here follow the definition above, which the
/// per-node path also follows elsewhere (make_oracles.py checks that).
///
/// ```swift
/// let holes = StructuralHoles(weighted: true).compute(g)
/// holes.constraint.score(3)
/// ```
/// - Complexity: O(Σ_v Σ_{u∈N(v)} |N(u)|) time, O(n + m) memory.
public struct StructuralHoles: Sendable, Hashable {
    /// Use arc weights as tie strengths (ignored when the graph has none).
    public var weighted: Bool

    public init(weighted: Bool = true) { self.weighted = weighted }

    /// Constraint, effective size and efficiency of every node.
    public func compute(_ g: CSRGraph) -> (constraint: NodeScores, effectiveSize: NodeScores, efficiency: NodeScores) {
        let n = g.nodeCount
        let useW = weighted && g.isWeighted
        let mg = MutualWeights.graph(g, weighted: useW)
        let off = mg.offsets, tgt = mg.targets, wt = mg.weights!
        var sum = [Double](repeating: 0, count: n), mx = [Double](repeating: 0, count: n)
        for u in 0..<n {
            for i in off[u]..<off[u + 1] { sum[u] += wt[i]; mx[u] = max(mx[u], wt[i]) }
        }
        var p = [Double](repeating: 0, count: n)       // p_vw for w ∈ N(v)
        var inEgo = [Bool](repeating: false, count: n)
        var indirect = [Double](repeating: 0, count: n)
        var cons = [Double](repeating: .nan, count: n)
        var eff = [Double](repeating: .nan, count: n)
        var es = [Double](repeating: .nan, count: n)
        for v in 0..<n {
            let lo = off[v], hi = off[v + 1]
            guard hi > lo else { continue }
            for i in lo..<hi {
                let w = Int(tgt[i])
                p[w] = sum[v] != 0 ? wt[i] / sum[v] : 0
                inEgo[w] = true
            }
            var e = 0.0
            for i in lo..<hi {
                let q = Int(tgt[i])
                var red = 0.0
                for k in off[q]..<off[q + 1] {
                    let j = Int(tgt[k])
                    guard inEgo[j] else { continue }
                    if mx[q] != 0 { red += p[j] * wt[k] / mx[q] }
                    if sum[q] != 0 { indirect[j] += p[q] * wt[k] / sum[q] }
                }
                e += 1 - red
            }
            var c = 0.0
            for i in lo..<hi {
                let j = Int(tgt[i])
                let x = p[j] + indirect[j]
                c += x * x
            }
            cons[v] = c
            es[v] = e
            eff[v] = hi > lo ? e / Double(hi - lo) : .nan
            for i in lo..<hi {
                let w = Int(tgt[i])
                p[w] = 0; inEgo[w] = false; indirect[w] = 0
            }
        }
        let params = ["weighted": "\(useW)"]
        return (NodeScores(scores: cons, metadata: ScoreMetadata(measure: "constraint", parameters: params)),
                NodeScores(scores: es, metadata: ScoreMetadata(measure: "effective-size", parameters: params)),
                NodeScores(scores: eff, metadata: ScoreMetadata(measure: "efficiency", parameters: params, normalized: true)))
    }
}
