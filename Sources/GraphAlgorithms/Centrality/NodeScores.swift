/// What produced a ``NodeScores``: the measure, its parameters, and, for iterative or sampled
/// measures, the iterations, convergence, error bound and seed.
public struct ScoreMetadata: Sendable, Hashable {
    /// The measure's name as the CLI writes it (`betweenness`, `pagerank`, …).
    public var measure: String
    /// Parameter names (as networkx names them) and their values, as text.
    public var parameters: [String: String]
    /// Whether the scores are normalized (the doc of each measure says how).
    public var normalized: Bool
    /// Iterations done by an iterative measure.
    public var iterations: Int?
    /// Whether an iterative measure met its tolerance within its iteration limit.
    public var converged: Bool?
    /// A bound on the absolute error of every score (sampled measures), holding with
    /// probability `1 - δ` as the parameters say.
    public var errorBound: Double?
    /// The seed of a randomized measure.
    public var seed: UInt64?

    public init(measure: String, parameters: [String: String] = [:], normalized: Bool = false,
                iterations: Int? = nil, converged: Bool? = nil, errorBound: Double? = nil, seed: UInt64? = nil) {
        self.measure = measure; self.parameters = parameters; self.normalized = normalized
        self.iterations = iterations; self.converged = converged; self.errorBound = errorBound; self.seed = seed
    }
}

/// One score per node (`scores[v]` for node `v`) and how it was computed: the result shape of
/// every centrality.
///
/// ```swift
/// let bc = Betweenness().scores(g)
/// bc.score(3)              // node 3's betweenness
/// bc.ranking().prefix(5)   // the five most central nodes
/// ```
public struct NodeScores: Sendable, Hashable {
    /// Score of each node, indexed by node id.
    public let scores: [Double]
    /// Measure, parameters, iterations, error bound, seed.
    public let metadata: ScoreMetadata

    public init(scores: [Double], metadata: ScoreMetadata) {
        self.scores = scores
        self.metadata = metadata
    }

    /// Number of nodes.
    public var count: Int { scores.count }

    /// The score of node `v`.
    /// - Complexity: O(1).
    @inlinable public func score(_ v: Int32) -> Double { scores[Int(v)] }

    /// Nodes by decreasing score, ties by increasing node id; NaN scores (undefined, such as the
    /// constraint of an isolated node) come last.
    /// - Complexity: O(n log n).
    public func ranking() -> [(node: Int32, score: Double)] {
        var idx = Array(0..<Int32(scores.count))
        idx.sort { a, b in
            let x = scores[Int(a)], y = scores[Int(b)]
            if x.isNaN || y.isNaN {
                if x.isNaN && y.isNaN { return a < b }
                return y.isNaN
            }
            return x > y || (x == y && a < b)
        }
        return idx.map { ($0, scores[Int($0)]) }
    }
}

/// One score per edge (edge betweenness): `sources[i]`, `targets[i]`, `scores[i]`.
/// For an undirected graph each edge appears once, with `sources[i] <= targets[i]`.
public struct EdgeScores: Sendable, Hashable {
    public let sources: [Int32]
    public let targets: [Int32]
    public let scores: [Double]
    public let metadata: ScoreMetadata

    public init(sources: [Int32], targets: [Int32], scores: [Double], metadata: ScoreMetadata) {
        self.sources = sources; self.targets = targets; self.scores = scores; self.metadata = metadata
    }

    /// Number of edges.
    public var count: Int { scores.count }
}

/// A bad argument given to an algorithm (a node id out of range, a vector of the wrong length,
/// a personalization that sums to zero). The message says what was expected.
public struct AlgorithmError: Error, Sendable, Hashable, CustomStringConvertible {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
