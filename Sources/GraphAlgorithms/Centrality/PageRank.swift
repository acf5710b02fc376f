import GraphCore

/// PageRank by power iteration, as networkx's `pagerank` (Page, Brin, Motwani and Winograd 1999):
/// `x ← α (x P + (Σ_{dangling} x) d) + (1 - α) p`, where `P` is the row-normalized (weighted)
/// adjacency, `p` the personalization (uniform by default, normalized to sum 1), `d` the dangling
/// distribution (the personalization by default) and a dangling node has no out-weight. Starts
/// from the uniform vector and stops when the L1 change is below `n · tolerance` (networkx's
/// `tol`), or after `maxIterations` (then `converged` is false; networkx would raise).
///
/// Each iteration pulls over in-arcs in parallel (two buffers swapped); the sums are chunked in
/// a fixed order, so results are identical for any thread count.
///
/// ```swift
/// let pr = try PageRank(damping: 0.85).scores(g)
/// ```
/// - Complexity: O((n + m) · iterations).
public struct PageRank: Sendable, Hashable {
    /// networkx's `alpha`.
    public var damping: Double
    public var tolerance: Double
    public var maxIterations: Int
    /// When set, stop by ``RelativeConvergence`` (every score within this relative tolerance of
    /// the fixed point) instead of networkx's L1 rule; `tolerance` is then unused.
    public var relativeTolerance: Double? = nil
    /// Teleport weights per node (any non-negative scale), nil for uniform.
    public var personalization: [Double]?
    /// Where dangling nodes' rank goes, per node; nil for the personalization.
    public var dangling: [Double]?
    /// Use arc weights (ignored when the graph has none).
    public var weighted: Bool
    public var threads: Int?

    public init(damping: Double = 0.85, tolerance: Double = 1e-6, maxIterations: Int = 100,
                personalization: [Double]? = nil, dangling: [Double]? = nil, weighted: Bool = true,
                threads: Int? = nil) {
        self.damping = damping; self.tolerance = tolerance; self.maxIterations = maxIterations
        self.personalization = personalization; self.dangling = dangling
        self.weighted = weighted; self.threads = threads
    }

    /// - Throws: ``AlgorithmError`` when a vector has the wrong length, a negative entry or a
    ///   zero sum.
    public func scores(_ g: CSRGraph) throws(AlgorithmError) -> NodeScores {
        let n = g.nodeCount
        let useW = weighted && g.isWeighted
        let meta = { (it: Int, ok: Bool) in
            ScoreMetadata(measure: "pagerank",
                          parameters: ["alpha": "\(damping)", "tol": "\(tolerance)", "max_iter": "\(maxIterations)",
                                       "personalization": personalization == nil ? "none" : "given",
                                       "dangling": dangling == nil ? "personalization" : "given",
                                       "weighted": "\(useW)"],
                          normalized: true, iterations: it, converged: ok)
        }
        guard n > 0 else { return NodeScores(scores: [], metadata: meta(0, true)) }
        let p = try PageRank.distribution(personalization, n: n, name: "personalization") ?? [Double](repeating: 1 / Double(n), count: n)
        let dw = try PageRank.distribution(dangling, n: n, name: "dangling") ?? p
        // Inverse out-strength (0 for dangling nodes).
        var invOut = [Double](repeating: 0, count: n)
        var danglingNodes: [Int32] = []
        for u in 0..<n {
            var s = 0.0
            if useW, let w = g.weights { for i in g.offsets[u]..<g.offsets[u + 1] { s += w[i] } }
            else { s = Double(g.offsets[u + 1] - g.offsets[u]) }
            if s != 0 { invOut[u] = 1 / s } else { danglingNodes.append(Int32(u)) }
        }
        var x = [Double](repeating: 1 / Double(n), count: n)
        var y = [Double](repeating: 0, count: n)      // x[u] / out-strength(u)
        var next = [Double](repeating: 0, count: n)
        let alpha = damping
        let chunk = 4096
        var iterations = 0, converged = false
        var relative = RelativeConvergence(tolerance: relativeTolerance ?? 0)
        g.withView(useWeights: useW) { view in
            while iterations < maxIterations {
                iterations += 1
                let dsum: Double = x.withUnsafeBufferPointer { xb in
                    var s = 0.0
                    for u in danglingNodes { s += xb[Int(u)] }
                    return s
                }
                x.withUnsafeBufferPointer { xb in
                invOut.withUnsafeBufferPointer { ib in
                y.withUnsafeMutableBufferPointer { yb in
                    let yy = SharedPointer(yb.baseAddress!)
                    Parallel.forEach(count: n, chunk: chunk, threads: threads) { r in
                        for u in r { yy[u] = xb[u] * ib[u] }
                    }
                }}}
                let err: Double = y.withUnsafeBufferPointer { yb in
                x.withUnsafeBufferPointer { xb in
                p.withUnsafeBufferPointer { pb in
                dw.withUnsafeBufferPointer { db in
                next.withUnsafeMutableBufferPointer { nb in
                    let out = SharedPointer(nb.baseAddress!)
                    let ioff = view.inOffsets, isrc = view.inSources, iw = view.inWeights
                    return Parallel.sum(count: n, chunk: chunk, threads: threads) { r in
                        var e = 0.0
                        for v in r {
                            var s = 0.0
                            if let iw {
                                for a in ioff[v]..<ioff[v + 1] { s += yb[Int(isrc[a])] * iw[a] }
                            } else {
                                for a in ioff[v]..<ioff[v + 1] { s += yb[Int(isrc[a])] }
                            }
                            let nv = alpha * (s + dsum * db[v]) + (1 - alpha) * pb[v]
                            out[v] = nv
                            e += abs(nv - xb[v])
                        }
                        return e
                    }
                }}}}}
                swap(&x, &next)
                if relativeTolerance != nil {
                    if relative.converged(new: x, old: next) { converged = true; break }
                } else if err < Double(n) * tolerance { converged = true; break }
            }
        }
        return NodeScores(scores: x, metadata: meta(iterations, converged))
    }

    /// A vector normalized to sum 1, or nil when not given.
    static func distribution(_ v: [Double]?, n: Int, name: String) throws(AlgorithmError) -> [Double]? {
        guard let v else { return nil }
        guard v.count == n else {
            throw AlgorithmError("pagerank: \(name) has \(v.count) entries, expected one per node (\(n))")
        }
        var s = 0.0
        for x in v {
            guard x >= 0 && x.isFinite else { throw AlgorithmError("pagerank: \(name) has an entry \(x), expected finite values ≥ 0") }
            s += x
        }
        guard s > 0 else { throw AlgorithmError("pagerank: \(name) sums to 0, expected a positive sum") }
        return v.map { $0 / s }
    }
}
