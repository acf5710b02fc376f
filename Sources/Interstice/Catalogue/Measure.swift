import GraphAlgorithms
import GraphCore

/// The node measures of `interstice centrality` and of the manifest's `centrality` analysis:
/// one spelling each (the raw value), with the aliases of earlier versions and of other tools
/// accepted in one place (``Measure/named(_:)``).
public enum Measure: String, CaseIterable, Sendable, Hashable, Codable {
    case degree
    case inDegree = "in-degree"
    case outDegree = "out-degree"
    case strength
    case closeness
    case harmonic
    case betweenness
    case approxBetweenness = "approx-betweenness"
    case eigenvector
    case katz
    case pagerank
    case hub
    case authority
    case constraint
    case effectiveSize = "effective-size"
    case efficiency
    case clustering
    case core

    /// Other spellings: underscores for hyphens (`in_degree`), plurals (`hubs`), networkx's names.
    static let aliases: [String: Measure] = [
        "hubs": .hub, "authorities": .authority, "core-number": .core, "kcore": .core, "k-core": .core,
        "page-rank": .pagerank, "approximate-betweenness": .approxBetweenness, "degree-centrality": .degree,
        "harmonic-centrality": .harmonic, "eigenvector-centrality": .eigenvector, "katz-centrality": .katz,
    ]

    /// The measure of a name, in any accepted spelling (case-insensitive, `_` for `-`).
    public static func named(_ text: String) throws(RequestError) -> Measure {
        let key = text.lowercased().replacing("_", with: "-")
        if let m = Measure(rawValue: key) ?? aliases[key] { return m }
        throw .usage("unknown measure \"\(text)\"; measures are \(list)")
    }

    /// Every measure's name, comma-separated.
    public static var list: String { allCases.map(\.rawValue).joined(separator: ", ") }

    /// Iterative measures stop at ``CentralityRequest/tolerance`` and fail when they do not converge.
    public var isIterative: Bool { [.eigenvector, .katz, .pagerank, .hub, .authority].contains(self) }

    /// Randomized measures take the request's seed.
    public var isRandomized: Bool { self == .approxBetweenness }

    /// What the score is and how it is normalized, one line (the CLI's help and the JSON's note).
    public var summary: String {
        switch self {
        case .degree: "degree / (n − 1) (networkx's degree_centrality); raw count with --no-normalized"
        case .inDegree: "in-degree / (n − 1)"
        case .outDegree: "out-degree / (n − 1)"
        case .strength: "sum of the weights of a node's edges (never normalized)"
        case .closeness: "(r − 1) / Σ d, times (r − 1)/(n − 1) (Wasserman–Faust, networkx's wf_improved)"
        case .harmonic: "Σ 1/d over reachable nodes (networkx's harmonic_centrality, never normalized)"
        case .betweenness: "Brandes; divided by (n − 1)(n − 2) (/2 undirected) as networkx; raw with --no-normalized"
        case .approxBetweenness: "Riondato–Kornaropoulos sampling, within ε with probability 1 − δ"
        case .eigenvector: "left principal eigenvector of A, unit Euclidean norm (networkx)"
        case .katz: "x = α Aᵀx + β, unit Euclidean norm (networkx); needs α < 1/λmax"
        case .pagerank: "PageRank with damping d, sums to 1 (networkx)"
        case .hub: "HITS hub score, sums to 1 (networkx)"
        case .authority: "HITS authority score, sums to 1 (networkx)"
        case .constraint: "Burt's constraint (NaN for an isolated node)"
        case .effectiveSize: "Burt's effective size"
        case .efficiency: "Burt's efficiency: effective size / degree"
        case .clustering: "local clustering coefficient"
        case .core: "k-core number"
        }
    }
}

/// Which graph a structural analysis runs on: relations, direction, weights and nodes.
public struct GraphSelection: Sendable, Hashable {
    /// Which nodes enter the graph.
    public enum Nodes: String, Sendable, Hashable, CaseIterable, Codable {
        /// The one-mode nodes: actors (no organizations, collectives or schemes).
        case ties
        /// Every node.
        case all
    }

    /// Relations to combine (nil: every relation but `member`, `participant` and the
    /// organization-level ones).
    public var relations: [Relation]?
    public var direction: GraphDirection
    public var weighted: Bool
    public var nodes: Nodes

    public init(relations: [Relation]? = nil, direction: GraphDirection = .asStored, weighted: Bool = false,
                nodes: Nodes = .ties) {
        self.relations = relations; self.direction = direction; self.weighted = weighted; self.nodes = nodes
    }

    /// The chosen graph and, for each of its nodes, the network node.
    /// - Complexity: O(n + m).
    public func graph(_ net: Network) throws(RequestError) -> (graph: CSRGraph, nodes: [Int32]) {
        if let relations { _ = try net.checkedRelations(relations, option: "relations") }
        let g = net.graph(relations: relations, direction: direction, weights: weighted ? .weight : .unweighted,
                          selfLoops: .drop)
        if nodes == .all { return (g, Array(0..<Int32(net.nodeCount))) }
        let keep = net.oneModeNodes
        return (keep.count == net.nodeCount ? g : g.induced(on: keep), keep)
    }
}

