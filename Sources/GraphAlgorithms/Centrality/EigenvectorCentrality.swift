import GraphCore

/// Eigenvector centrality by power iteration on `A + I`, as networkx's `eigenvector_centrality`
/// (Bonacich 1987): `x_v ← x_v + Σ_{u → v} w_uv x_u`, then `x ← x / ‖x‖₂`, from the uniform
/// vector, until the L1 change is below `n · tolerance`. For a directed graph this is the left
/// eigenvector (in-arcs: a node is central when central nodes point to it), as networkx.
/// Scores have unit Euclidean norm.
/// - Complexity: O((n + m) · iterations), parallel over nodes, identical for any thread count.
public struct EigenvectorCentrality: Sendable, Hashable {
    public var tolerance: Double
    public var maxIterations: Int
    /// When set, stop by ``RelativeConvergence`` (every score within this relative tolerance of
    /// the fixed point) instead of networkx's L1 rule; `tolerance` is then unused.
    public var relativeTolerance: Double? = nil
    /// Use arc weights (networkx's default `weight=None` does not).
    public var weighted: Bool
    public var threads: Int?

    public init(tolerance: Double = 1e-6, maxIterations: Int = 100, weighted: Bool = false, threads: Int? = nil) {
        self.tolerance = tolerance; self.maxIterations = maxIterations; self.weighted = weighted; self.threads = threads
    }

    public func scores(_ g: CSRGraph) -> NodeScores {
        let n = g.nodeCount
        let useW = weighted && g.isWeighted
        var x = [Double](repeating: n > 0 ? 1 / Double(n) : 0, count: n)
        var next = [Double](repeating: 0, count: n)
        var iterations = 0, converged = n == 0
        let chunk = 4096
        var relative = RelativeConvergence(tolerance: relativeTolerance ?? 0)
        g.withView(useWeights: useW) { view in
            while iterations < maxIterations && n > 0 {
                iterations += 1
                let sq: Double = x.withUnsafeBufferPointer { xb in
                next.withUnsafeMutableBufferPointer { nb in
                    let out = SharedPointer(nb.baseAddress!)
                    let ioff = view.inOffsets, isrc = view.inSources, iw = view.inWeights
                    return Parallel.sum(count: n, chunk: chunk, threads: threads) { r in
                        var q = 0.0
                        for v in r {
                            var s = xb[v]
                            if let iw {
                                for a in ioff[v]..<ioff[v + 1] { s += xb[Int(isrc[a])] * iw[a] }
                            } else {
                                for a in ioff[v]..<ioff[v + 1] { s += xb[Int(isrc[a])] }
                            }
                            out[v] = s
                            q += s * s
                        }
                        return q
                    }
                }}
                let norm = sq > 0 ? sq.squareRoot() : 1
                let err: Double = x.withUnsafeBufferPointer { xb in
                next.withUnsafeMutableBufferPointer { nb in
                    let out = SharedPointer(nb.baseAddress!)
                    return Parallel.sum(count: n, chunk: chunk, threads: threads) { r in
                        var e = 0.0
                        for v in r { let y = out[v] / norm; out[v] = y; e += abs(y - xb[v]) }
                        return e
                    }
                }}
                swap(&x, &next)
                if relativeTolerance != nil {
                    if relative.converged(new: x, old: next) { converged = true; break }
                } else if err < Double(n) * tolerance { converged = true; break }
            }
        }
        return NodeScores(scores: x, metadata: ScoreMetadata(
            measure: "eigenvector",
            parameters: ["tol": "\(tolerance)", "max_iter": "\(maxIterations)", "weighted": "\(useW)"],
            normalized: true, iterations: iterations, converged: converged))
    }
}
