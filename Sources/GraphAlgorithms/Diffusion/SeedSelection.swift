import GraphCore

/// How to choose the nodes where an invention starts.
public enum SeedSelection: Sendable, Hashable {
    /// The participants of a collective (by id).
    case collective(String)
    /// Nodes by external id.
    case ids([String])
    /// `k` nodes drawn uniformly (without replacement) among the nodes of `kind` (all when nil),
    /// from the generator `SplitMix64(seed:, stream: .max)`.
    case random(Int, kind: NodeKind?)
    /// The `k` nodes with the highest score of a centrality measure (ties by node index).
    case top(Int, measure: String)

    /// Errors in a seed specification.
    public struct Problem: Error, Sendable, Hashable, CustomStringConvertible {
        public let description: String
    }

    /// Parses `collective:NAME`, `random:K`, `top:K:MEASURE`, or comma-separated ids.
    public init(parsing text: String) throws(Problem) {
        let parts = text.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false).map(String.init)
        switch parts.first {
        case "collective" where parts.count == 2: self = .collective(parts[1])
        case "random" where parts.count == 2:
            guard let k = Int(parts[1]), k >= 0 else { throw Problem(description: "random:K needs a whole number, found \"\(parts[1])\"") }
            self = .random(k, kind: nil)
        case "top" where parts.count == 3:
            guard let k = Int(parts[1]), k >= 0 else { throw Problem(description: "top:K:MEASURE needs a whole number K, found \"\(parts[1])\"") }
            guard ["degree", "pagerank", "betweenness", "closeness", "harmonic", "eigenvector"].contains(parts[2]) else {
                throw Problem(description: "top:K:MEASURE takes degree, pagerank, betweenness, closeness, harmonic or eigenvector, not \"\(parts[2])\"")
            }
            self = .top(k, measure: parts[2])
        default:
            let ids = text.split(separator: ",").map { String($0) }
            guard !ids.isEmpty else { throw Problem(description: "no seeds given") }
            self = .ids(ids)
        }
    }

    /// The seed nodes in a network.
    /// - Parameter graph: the tie graph used for `top` (nil: the network's default view).
    public func resolve(in network: Network, graph: CSRGraph? = nil, seed: UInt64 = 1) throws(Problem) -> [Int32] {
        switch self {
        case .collective(let name):
            guard let c = network.collectives.first(where: { $0.id == name }) else {
                let known = network.collectives.map(\.id)
                throw Problem(description: "no collective \"\(name)\"" + (known.isEmpty ? "; the dataset has none" : "; the dataset has \(known.joined(separator: ", "))"))
            }
            guard !c.participants.members.isEmpty else { throw Problem(description: "collective \"\(name)\" has no participants") }
            return c.participants.members
        case .ids(let ids):
            var out: [Int32] = []
            for id in ids {
                guard let v = network.index(of: id) else { throw Problem(description: "no node has the id \"\(id)\"") }
                out.append(v)
            }
            return Array(Set(out)).sorted()
        case .random(let k, let kind):
            var pool = kind.map { network.nodes(ofKind: $0) } ?? Array(0..<Int32(network.nodeCount))
            guard k <= pool.count else { throw Problem(description: "random:\(k) asks for more seeds than the \(pool.count) nodes") }
            var rng = SplitMix64(seed: seed, stream: .max)
            for i in 0..<k { pool.swapAt(i, i + rng.next(below: pool.count - i)) }
            return Array(pool[0..<k]).sorted()
        case .top(let k, let measure):
            let g = graph ?? network.graph()
            guard k <= g.nodeCount else { throw Problem(description: "top:\(k) asks for more seeds than the \(g.nodeCount) nodes") }
            let scores: NodeScores
            switch measure {
            case "pagerank":
                do { scores = try PageRank().scores(g) } catch { throw Problem(description: "pagerank: \(error)") }
            case "betweenness": scores = Betweenness().scores(g)
            case "closeness": scores = Closeness().scores(g)
            case "harmonic": scores = HarmonicCloseness().scores(g)
            case "eigenvector":
                scores = EigenvectorCentrality().scores(g)
            default: scores = DegreeCentrality().scores(g)
            }
            return scores.ranking().prefix(k).map(\.node).sorted()
        }
    }
}
