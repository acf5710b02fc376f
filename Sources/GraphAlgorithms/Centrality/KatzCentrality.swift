import GraphCore

/// Katz centrality by iteration, as networkx's `katz_centrality` (Katz 1953):
/// `x_v ← α Σ_{u → v} w_uv x_u + β_v` from `x = 0`, until the L1 change is below
/// `n · tolerance`; with `normalized`, scores are divided by their Euclidean norm. Converges when
/// `α < 1/λ_max`. In-arcs for a directed graph, as networkx.
/// - Complexity: O((n + m) · iterations), parallel over nodes, identical for any thread count.
public struct KatzCentrality: Sendable, Hashable {
    public var alpha: Double
    /// The same β for every node, unless `betas` is given.
    public var beta: Double
    /// One β per node.
    public var betas: [Double]?
    public var tolerance: Double
    public var maxIterations: Int
    /// When set, stop by ``RelativeConvergence`` (every score within this relative tolerance of
    /// the fixed point) instead of networkx's L1 rule; `tolerance` is then unused.
    public var relativeTolerance: Double? = nil
    public var normalized: Bool
    public var weighted: Bool
    public var threads: Int?

    public init(alpha: Double = 0.1, beta: Double = 1, betas: [Double]? = nil, tolerance: Double = 1e-6,
                maxIterations: Int = 1000, normalized: Bool = true, weighted: Bool = false, threads: Int? = nil) {
        self.alpha = alpha; self.beta = beta; self.betas = betas; self.tolerance = tolerance
        self.maxIterations = maxIterations; self.normalized = normalized; self.weighted = weighted; self.threads = threads
    }

    /// - Throws: ``AlgorithmError`` when `betas` does not have one entry per node.
    public func scores(_ g: CSRGraph) throws(AlgorithmError) -> NodeScores {
        let n = g.nodeCount
        if let betas, betas.count != n {
            throw AlgorithmError("katz: betas has \(betas.count) entries, expected one per node (\(n))")
        }
        let useW = weighted && g.isWeighted
        let b = betas ?? [Double](repeating: beta, count: n)
        var x = [Double](repeating: 0, count: n)
        var next = [Double](repeating: 0, count: n)
        var iterations = 0, converged = n == 0
        let chunk = 4096, a = alpha
        var relative = RelativeConvergence(tolerance: relativeTolerance ?? 0)
        g.withView(useWeights: useW) { view in
            while iterations < maxIterations && n > 0 {
                iterations += 1
                let err: Double = x.withUnsafeBufferPointer { xb in
                b.withUnsafeBufferPointer { bb in
                next.withUnsafeMutableBufferPointer { nb in
                    let out = SharedPointer(nb.baseAddress!)
                    let ioff = view.inOffsets, isrc = view.inSources, iw = view.inWeights
                    return Parallel.sum(count: n, chunk: chunk, threads: threads) { r in
                        var e = 0.0
                        for v in r {
                            var s = 0.0
                            if let iw {
                                for k in ioff[v]..<ioff[v + 1] { s += xb[Int(isrc[k])] * iw[k] }
                            } else {
                                for k in ioff[v]..<ioff[v + 1] { s += xb[Int(isrc[k])] }
                            }
                            let y = a * s + bb[v]
                            out[v] = y
                            e += abs(y - xb[v])
                        }
                        return e
                    }
                }}}
                swap(&x, &next)
                if relativeTolerance != nil {
                    if relative.converged(new: x, old: next) { converged = true; break }
                } else if err < Double(n) * tolerance { converged = true; break }
            }
        }
        if normalized {
            var sq = 0.0
            for v in x { sq += v * v }
            if sq > 0 { let s = 1 / sq.squareRoot(); for i in x.indices { x[i] *= s } }
        }
        return NodeScores(scores: x, metadata: ScoreMetadata(
            measure: "katz",
            parameters: ["alpha": "\(alpha)", "beta": betas == nil ? "\(beta)" : "given", "tol": "\(tolerance)",
                         "max_iter": "\(maxIterations)", "weighted": "\(useW)"],
            normalized: normalized, iterations: iterations, converged: converged))
    }
}
