import GraphCore

/// A graph prepared for diffusion: out-arcs with a per-contact transmission probability (for
/// independent cascade and the epidemic models) and in-arcs with influence weights normalized per
/// node (for the linear threshold model: the weights into a node sum to 1, or less when the
/// normalization says so).
///
/// ```swift
/// let d = DiffusionGraph(g, probability: .uniform(0.05))
/// ```
///
/// Parallel arcs (several relations between the same pair) are merged: probabilities as
/// independent channels, `1 − Π(1 − pᵢ)`; influence weights by their sum.
public struct DiffusionGraph: Sendable {
    /// Where arc probabilities come from.
    public enum Probability: Sendable, Hashable {
        /// One probability for every arc.
        case uniform(Double)
        /// The graph's arc weights are the probabilities (clamped to [0, 1]; an unweighted graph
        /// gives 1).
        case fromWeights
        /// One probability per stored arc of the graph, in CSR order.
        case perArc([Double])
    }

    public let nodeCount: Int
    /// Out-arcs (CSR).
    public let offsets: [Int]
    public let targets: [Int32]
    /// Transmission probability of each out-arc.
    public let probability: [Double]
    /// In-arcs (reverse CSR).
    public let inOffsets: [Int]
    public let inSources: [Int32]
    /// Linear-threshold influence of each in-arc, normalized per node.
    public let influence: [Double]
    /// The same influence, aligned with the out-arcs (`outInfluence[a]` for out-arc `a`).
    public let outInfluence: [Double]
    /// Whether every arc has the same probability (then `uniformProbability` holds it).
    public let uniformProbability: Double?

    /// Prepares a graph. An undirected graph transmits both ways.
    ///
    /// - Parameters:
    ///   - probability: transmission per contact (IC), per step (SI/SIS/SIR).
    ///   - influenceFromWeights: LT influence `b(u, v) = w(u, v) / Σ_u' w(u', v)` from the graph's
    ///     weights (true), or `1 / indegree(v)` (false).
    /// - Complexity: O(n + m).
    public init(_ g: CSRGraph, probability: Probability, influenceFromWeights: Bool = false) {
        nodeCount = g.nodeCount
        offsets = g.offsets
        targets = g.targets
        switch probability {
        case .uniform(let p):
            self.probability = Array(repeating: min(1, max(0, p)), count: g.arcCount)
            uniformProbability = min(1, max(0, p))
        case .fromWeights:
            let clamped = g.weights.map { $0.map { min(1, max(0, $0)) } } ?? Array(repeating: 1, count: g.arcCount)
            self.probability = clamped
            uniformProbability = clamped.allSatisfy { $0 == clamped.first } ? clamped.first : nil
        case .perArc(let p):
            precondition(p.count == g.arcCount, "DiffusionGraph: one probability per arc")
            let clamped = p.map { min(1, max(0, $0)) }
            self.probability = clamped
            uniformProbability = clamped.allSatisfy { $0 == clamped.first } ? clamped.first : nil
        }
        inOffsets = g.inOffsets
        inSources = g.inSources
        var infl = [Double](repeating: 0, count: g.arcCount)
        for v in 0..<g.nodeCount {
            let lo = g.inOffsets[v], hi = g.inOffsets[v + 1]
            guard hi > lo else { continue }
            var total = 0.0
            for a in lo..<hi { total += influenceFromWeights ? (g.inWeights?[a] ?? 1) : 1 }
            guard total > 0 else { continue }
            for a in lo..<hi { infl[a] = (influenceFromWeights ? (g.inWeights?[a] ?? 1) : 1) / total }
        }
        influence = infl
        // In-rows are sorted by source and out-rows are visited by increasing source, so a cursor
        // per target walks each in-row in step with the out-arcs that feed it.
        var out = [Double](repeating: 0, count: g.arcCount)
        var cursor = Array(g.inOffsets[0..<g.nodeCount])
        for u in 0..<g.nodeCount {
            for a in g.offsets[u]..<g.offsets[u + 1] {
                let v = Int(g.targets[a])
                out[a] = infl[cursor[v]]
                cursor[v] += 1
            }
        }
        outInfluence = out
    }

    /// Number of arcs.
    public var arcCount: Int { targets.count }

    /// In-degree of `v` (number of in-arcs).
    @inlinable public func inDegree(_ v: Int) -> Int { inOffsets[v + 1] - inOffsets[v] }
}

/// The relations through which an invention travels and how strongly, for building a
/// ``DiffusionGraph`` from a ``Network``.
public struct TransmissionChannels: Sendable, Hashable {
    /// Per-contact probability (IC, SI/SIS/SIR) or influence weight (LT) of each relation.
    /// Relations not named here do not transmit.
    public var strength: [Relation: Double]
    /// Directed relations that also transmit against their direction (say `reports_to`: a
    /// superior hears from a subordinate and passes it down).
    public var bothWays: Set<Relation>
    /// Multiply each edge's strength by its weight (exchange frequency, trust), clamped to 1 for
    /// probabilities.
    public var timesEdgeWeight: Bool
    /// Directed relations whose influence flows against the arcs (nominations "ego names alter":
    /// the invention passes from alter to ego).
    public var reversed: Set<Relation> = []

    public init(strength: [Relation: Double], bothWays: Set<Relation> = [], timesEdgeWeight: Bool = false) {
        self.strength = strength
        self.bothWays = bothWays
        self.timesEdgeWeight = timesEdgeWeight
    }

    /// The default channels of the domain: acquaintance and exchange (giver → receiver) and the
    /// hierarchy both ways, all with probability `p`.
    public static func standard(_ p: Double) -> TransmissionChannels {
        TransmissionChannels(strength: [.acquaintance: p, .exchange: p, .reportsTo: p], bothWays: [.reportsTo])
    }
}

extension Network {
    /// A diffusion graph over all nodes made of the given channels.
    ///
    /// Arc probability = the relation's strength (times the edge weight when asked); arcs of
    /// several relations between the same pair combine as independent channels,
    /// `1 − Π(1 − pᵢ)`. LT influence is the sum of the strengths, normalized per node.
    /// `among` (one flag per node; nil: every node) keeps only the arcs between flagged nodes:
    /// ``PracticeFit`` simulates among the nodes with adoption data.
    /// - Complexity: O(n + m).
    public func diffusionGraph(_ channels: TransmissionChannels, among: [Bool]? = nil) -> DiffusionGraph {
        var b = GraphBuilder(nodeCount: nodeCount, direction: .directed, weighted: true)
        var strength = GraphBuilder(nodeCount: nodeCount, direction: .directed, weighted: true)
        for l in layers {
            guard let s = channels.strength[l.relation], s > 0 else { continue }
            let both = l.direction == .undirected || channels.bothWays.contains(l.relation)
            let flip = l.direction == .directed && channels.reversed.contains(l.relation)
            for e in 0..<l.edgeCount {
                let u = flip ? l.targets[e] : l.sources[e], v = flip ? l.sources[e] : l.targets[e]
                if let among, !among[Int(u)] || !among[Int(v)] { continue }
                let w = channels.timesEdgeWeight ? s * l.weights[e] : s
                let p = min(1, max(0, w))
                // -log(1 - p) adds up over independent channels; p = 1 is a sure channel.
                let hazard = p >= 1 ? Double.infinity : -DiffusionMath.log1p(-p)
                b.addEdge(u, v, weight: hazard)
                strength.addEdge(u, v, weight: w)
                if both && u != v {
                    b.addEdge(v, u, weight: hazard)
                    strength.addEdge(v, u, weight: w)
                }
            }
        }
        let hz = b.build(parallelEdges: .sum)
        let st = strength.build(parallelEdges: .sum)
        let p = (hz.weights ?? []).map { $0.isInfinite ? 1.0 : -DiffusionMath.expm1(-$0) }
        return DiffusionGraph(st, probability: .perArc(p), influenceFromWeights: true)
    }
}
