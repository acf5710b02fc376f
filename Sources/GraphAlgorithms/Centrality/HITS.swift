import GraphCore

/// Hub and authority scores (Kleinberg 1999, "Authoritative sources in a hyperlinked
/// environment"): the principal left and right singular vectors of the adjacency matrix `A`,
/// `a ∝ Aᵀh`, `h ∝ A a`, as networkx's `hits` (which computes them with a sparse SVD); each vector
/// is normalized to sum 1 when `normalized`, to unit maximum otherwise.
///
/// Computed by power iteration from the uniform vector until the L1 change of the sum-normalized
/// hub vector is below `tolerance`. When the top singular value is repeated the vectors are not
/// unique, and the one reached from the uniform start is returned.
/// - Complexity: O((n + m) · iterations), parallel over nodes, identical for any thread count.
public struct HITS: Sendable, Hashable {
    public var tolerance: Double
    public var maxIterations: Int
    /// When set, stop by ``RelativeConvergence`` (every hub score within this relative tolerance of
    /// the fixed point) instead of networkx's L1 rule; `tolerance` is then unused.
    public var relativeTolerance: Double? = nil
    public var normalized: Bool
    public var weighted: Bool
    public var threads: Int?

    public init(tolerance: Double = 1e-10, maxIterations: Int = 10_000, normalized: Bool = true,
                weighted: Bool = true, threads: Int? = nil) {
        self.tolerance = tolerance; self.maxIterations = maxIterations; self.normalized = normalized
        self.weighted = weighted; self.threads = threads
    }

    /// Hubs and authorities.
    public func scores(_ g: CSRGraph) -> (hubs: NodeScores, authorities: NodeScores) {
        let n = g.nodeCount
        let useW = weighted && g.isWeighted
        var h = [Double](repeating: n > 0 ? 1 / Double(n) : 0, count: n)
        var a = [Double](repeating: 0, count: n)
        var hNext = [Double](repeating: 0, count: n)
        var iterations = 0, converged = n == 0
        let chunk = 4096
        func multiply(_ off: UnsafePointer<Int>, _ idx: UnsafePointer<Int32>, _ w: UnsafePointer<Double>?,
                      _ src: [Double], _ dst: inout [Double]) -> Double {
            src.withUnsafeBufferPointer { sb in
            dst.withUnsafeMutableBufferPointer { db in
                let out = SharedPointer(db.baseAddress!)
                return Parallel.sum(count: n, chunk: chunk, threads: threads) { r in
                    var t = 0.0
                    for v in r {
                        var s = 0.0
                        if let w { for k in off[v]..<off[v + 1] { s += sb[Int(idx[k])] * w[k] } }
                        else { for k in off[v]..<off[v + 1] { s += sb[Int(idx[k])] } }
                        out[v] = s
                        t += s
                    }
                    return t
                }
            }}
        }
        func scale(_ v: inout [Double], by s: Double) {
            guard s != 0 else { return }
            let f = 1 / s
            for i in v.indices { v[i] *= f }
        }
        var relative = RelativeConvergence(tolerance: relativeTolerance ?? 0)
        g.withView(useWeights: useW) { view in
            while iterations < maxIterations && n > 0 {
                iterations += 1
                let sa = multiply(view.inOffsets, view.inSources, view.inWeights, h, &a)
                scale(&a, by: sa)
                let sh = multiply(view.offsets, view.targets, view.weights, a, &hNext)
                scale(&hNext, by: sh)
                var err = 0.0
                for i in 0..<n { err += abs(hNext[i] - h[i]) }
                swap(&h, &hNext)
                if relativeTolerance != nil {
                    if relative.converged(new: h, old: hNext) { converged = true; break }
                } else if err < tolerance { converged = true; break }
            }
        }
        // Final authorities from the final hubs, so that the pair is consistent.
        if n > 0 {
            g.withView(useWeights: useW) { view in
                let sa = multiply(view.inOffsets, view.inSources, view.inWeights, h, &a)
                scale(&a, by: sa)
            }
        }
        if !normalized {
            scale(&h, by: h.max() ?? 1)
            scale(&a, by: a.max() ?? 1)
        }
        func meta(_ name: String) -> ScoreMetadata {
            ScoreMetadata(measure: name, parameters: ["tol": "\(tolerance)", "max_iter": "\(maxIterations)", "weighted": "\(useW)"],
                          normalized: normalized, iterations: iterations, converged: converged)
        }
        return (NodeScores(scores: h, metadata: meta("hubs")), NodeScores(scores: a, metadata: meta("authorities")))
    }
}
