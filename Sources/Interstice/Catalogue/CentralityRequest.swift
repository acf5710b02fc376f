import GraphAlgorithms
import GraphCore

/// A request for node measures of a tie graph: what `interstice centrality` and a manifest's
/// `centrality` analysis both build, so the same request gives the same numbers through either
/// door. The initializer holds the only defaults; ``validate()`` the only range checks.
///
/// ```swift
/// var r = CentralityRequest(measures: [.pagerank, .katz])
/// r.alpha = 0.05
/// let result = try r.run(network)
/// ```
public struct CentralityRequest: Sendable, Hashable {
    public var measures: [Measure]
    public var selection: GraphSelection
    /// Normalize as networkx does by default (degree, betweenness, approx-betweenness; harmonic,
    /// strength, constraint and the core number are never normalized).
    public var normalized: Bool
    /// PageRank damping.
    public var damping: Double
    /// Katz attenuation α (must be below 1/λmax) and the constant β.
    public var alpha: Double
    public var beta: Double
    /// Relative tolerance of the iterative measures: every score is within it of the exact
    /// fixed point (see ``RelativeConvergence``).
    public var tolerance: Double
    public var maxIterations: Int
    /// approx-betweenness: error bound and failure probability.
    public var epsilon: Double
    public var delta: Double
    public var seed: UInt64
    /// Worker threads (nil: every core); the scores do not depend on it.
    public var threads: Int?

    public init(measures: [Measure] = [.degree, .betweenness], selection: GraphSelection = GraphSelection(),
                normalized: Bool = true, damping: Double = 0.85, alpha: Double = 0.1, beta: Double = 1,
                tolerance: Double = 1e-10, maxIterations: Int = 10_000, epsilon: Double = 0.01, delta: Double = 0.1,
                seed: UInt64 = 1, threads: Int? = nil) {
        self.measures = measures; self.selection = selection; self.normalized = normalized; self.damping = damping
        self.alpha = alpha; self.beta = beta; self.tolerance = tolerance; self.maxIterations = maxIterations
        self.epsilon = epsilon; self.delta = delta; self.seed = seed; self.threads = threads
    }

    /// Checks every value's range.
    public func validate() throws(RequestError) {
        guard !measures.isEmpty else { throw .usage("no measure given; measures are \(Measure.list)") }
        guard damping > 0 && damping < 1 else { throw .usage("damping must be in (0, 1), found \(damping)") }
        guard alpha > 0 && alpha.isFinite else { throw .usage("alpha must be a positive number, found \(alpha)") }
        guard beta.isFinite else { throw .usage("beta must be a finite number, found \(beta)") }
        guard tolerance > 0 && tolerance < 1 else { throw .usage("tolerance must be in (0, 1), found \(tolerance)") }
        guard (1...10_000_000).contains(maxIterations) else { throw .usage("max-iterations must be in 1…10000000") }
        guard epsilon > 0 && epsilon < 1 else { throw .usage("epsilon must be in (0, 1), found \(epsilon)") }
        guard delta > 0 && delta < 1 else { throw .usage("delta must be in (0, 1), found \(delta)") }
        if let t = threads, !(1...1024).contains(t) { throw .usage("threads must be in 1…1024, found \(t)") }
    }

    /// One measure's scores over the selected nodes, and how they were computed.
    public struct Column: Sendable {
        public let measure: Measure
        public let scores: NodeScores
    }

    /// The scores of every measure, in request order, for `nodes` (network node of each row).
    public struct Result: Sendable {
        public let request: CentralityRequest
        public let nodes: [Int32]
        public let columns: [Column]
        public let edges: Int
    }

    /// Computes every measure.
    /// - Throws: ``RequestError`` when a relation is not in the data, or an iterative measure does
    ///   not converge (for Katz, with 1/λmax).
    public func run(_ net: Network) throws(RequestError) -> Result {
        try validate()
        let (g, nodes) = try selection.graph(net)
        let w = selection.weighted
        var columns: [Column] = []
        var holes: (constraint: NodeScores, effectiveSize: NodeScores, efficiency: NodeScores)?
        var hits: (hubs: NodeScores, authorities: NodeScores)?
        for m in measures {
            let s: NodeScores
            do {
                switch m {
                case .degree: s = DegreeCentrality(mode: .total, normalized: normalized).scores(g)
                case .inDegree: s = DegreeCentrality(mode: .in, normalized: normalized).scores(g)
                case .outDegree: s = DegreeCentrality(mode: .out, normalized: normalized).scores(g)
                case .strength: s = Strength(mode: .total).scores(g)
                case .closeness: s = Closeness(wfImproved: true, weighted: w, threads: threads).scores(g)
                case .harmonic: s = HarmonicCloseness(normalized: false, weighted: w, threads: threads).scores(g)
                case .betweenness: s = Betweenness(normalized: normalized, weighted: w, threads: threads).scores(g)
                case .approxBetweenness:
                    s = try ApproximateBetweenness(epsilon: epsilon, delta: delta, seed: seed, normalized: normalized).scores(g)
                case .eigenvector:
                    var e = EigenvectorCentrality(maxIterations: maxIterations, weighted: w, threads: threads)
                    e.relativeTolerance = tolerance
                    s = e.scores(g)
                case .katz:
                    // Katz's series converges only for α < 1/λmax: check first (one power
                    // iteration), so a divergent request fails at once with the bound.
                    let lambda = CentralityRequest.spectralRadius(g, weighted: w, threads: threads)
                    let bound = lambda > 0 ? 1 / lambda : Double.infinity
                    var k = KatzCentrality(alpha: alpha, beta: beta, maxIterations: maxIterations, weighted: w, threads: threads)
                    k.relativeTolerance = tolerance
                    s = alpha * lambda >= 1 ? NodeScores(scores: [], metadata: ScoreMetadata(measure: "katz", converged: false))
                        : try k.scores(g)
                    if s.metadata.converged == false || s.scores.contains(where: { !$0.isFinite }) {
                        throw RequestError.badData(
                            "katz does not converge: alpha = \(alpha) but it must be below 1/λmax = \(significant(bound)) (λmax = \(significant(lambda)), the largest eigenvalue of the adjacency); choose --alpha below it")
                    }
                case .pagerank:
                    var p = PageRank(damping: damping, maxIterations: maxIterations, weighted: w, threads: threads)
                    p.relativeTolerance = tolerance
                    s = try p.scores(g)
                case .hub, .authority:
                    if hits == nil {
                        var h = HITS(maxIterations: maxIterations, weighted: w, threads: threads)
                        h.relativeTolerance = tolerance
                        hits = h.scores(g)
                    }
                    s = m == .hub ? hits!.hubs : hits!.authorities
                case .constraint, .effectiveSize, .efficiency:
                    if holes == nil { holes = StructuralHoles(weighted: w).compute(g) }
                    s = m == .constraint ? holes!.constraint : m == .effectiveSize ? holes!.effectiveSize : holes!.efficiency
                case .clustering: s = Clustering.local(g, weighted: w)
                case .core: s = KCore.coreNumbers(g)
                }
            } catch let e as RequestError {
                throw e
            } catch {
                throw .badData("\(m.rawValue): \(error)")
            }
            if m.isIterative && m != .katz && s.metadata.converged == false {
                throw .badData("\(m.rawValue) did not converge to a relative tolerance of \(tolerance) within \(s.metadata.iterations ?? maxIterations) iterations; raise --max-iterations or --tolerance")
            }
            columns.append(Column(measure: m, scores: s))
        }
        return Result(request: self, nodes: nodes, columns: columns, edges: g.edgeCount)
    }

    /// The largest eigenvalue of the (weighted) adjacency, from its principal eigenvector
    /// (‖Aᵀx‖ / ‖x‖); 0 for a graph without arcs.
    /// - Complexity: O((n + m) · iterations).
    static func spectralRadius(_ g: CSRGraph, weighted: Bool, threads: Int?) -> Double {
        guard g.arcCount > 0 else { return 0 }
        var e = EigenvectorCentrality(maxIterations: 100_000, weighted: weighted, threads: threads)
        e.relativeTolerance = 1e-9
        let x = e.scores(g).scores
        var y = [Double](repeating: 0, count: x.count)
        let useW = weighted && g.isWeighted
        for u in 0..<g.nodeCount {
            for a in g.offsets[u]..<g.offsets[u + 1] {
                y[Int(g.targets[a])] += x[u] * (useW ? g.weights![a] : 1)
            }
        }
        let nx = x.reduce(0) { $0 + $1 * $1 }.squareRoot(), ny = y.reduce(0) { $0 + $1 * $1 }.squareRoot()
        return nx > 0 ? ny / nx : 0
    }
}

/// A number with six significant digits, for messages.
package func significant(_ x: Double) -> String {
    guard x.isFinite, x != 0 else { return "\(x)" }
    let digits = 6 - Int((abs(x)).log10Floor) - 1
    let scale = pow10(max(0, min(15, digits)))
    return "\((x * scale).rounded() / scale)"
}

private func pow10(_ k: Int) -> Double { var r = 1.0; for _ in 0..<k { r *= 10 }; return r }

private extension Double {
    var log10Floor: Double {
        var e = 0.0, v = self
        while v >= 10 { v /= 10; e += 1 }
        while v < 1 { v *= 10; e -= 1 }
        return e
    }
}
