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
    /// The nodes whose attribute compares so with a value (`toa<=2`, `level=hospital`):
    /// numerically when both sides are numbers, else as text (`=` only).
    case attribute(String, Comparison, String)

    /// How ``attribute(_:_:_:)`` compares.
    public enum Comparison: String, Sendable, Hashable, CaseIterable {
        case lessOrEqual = "<=", greaterOrEqual = ">=", less = "<", greater = ">", equal = "="
    }

    /// Errors in a seed specification.
    public struct Problem: Error, Sendable, Hashable, CustomStringConvertible {
        public let description: String
    }

    /// Parses `collective:NAME`, `random:K`, `top:K:MEASURE`, `ATTR<=VALUE` (also `<`, `=`, `>=`,
    /// `>`), or comma-separated ids.
    public init(parsing text: String) throws(Problem) {
        self = try Self.parse(text)
    }

    static func parse(_ text: String) throws(Problem) -> SeedSelection {
        if let comparison = try Self.comparison(text) { return comparison }
        let parts = text.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false).map(String.init)
        switch parts.first {
        case "collective" where parts.count == 2: return .collective(parts[1])
        case "random" where parts.count == 2:
            guard let k = Int(parts[1]), k >= 0 else { throw Problem(description: "random:K needs a whole number, found \"\(parts[1])\"") }
            return .random(k, kind: nil)
        case "top" where parts.count == 3:
            guard let k = Int(parts[1]), k >= 0 else { throw Problem(description: "top:K:MEASURE needs a whole number K, found \"\(parts[1])\"") }
            guard ["degree", "pagerank", "betweenness", "closeness", "harmonic", "eigenvector"].contains(parts[2]) else {
                throw Problem(description: "top:K:MEASURE takes degree, pagerank, betweenness, closeness, harmonic or eigenvector, not \"\(parts[2])\"")
            }
            return .top(k, measure: parts[2])
        default:
            let ids = text.split(separator: ",").map { String($0) }
            guard !ids.isEmpty else { throw Problem(description: "no seeds given") }
            return .ids(ids)
        }
    }

    /// `ATTR<=VALUE` and the other comparisons; nil when `text` is none.
    static func comparison(_ text: String) throws(Problem) -> SeedSelection? {
        guard !text.contains(","), !text.hasPrefix("collective:") else { return nil }
        for c in Comparison.allCases {  // two-character operators first
            guard let r = text.firstRange(of: c.rawValue) else { continue }
            let name = trimmed(text[..<r.lowerBound])
            let value = trimmed(text[r.upperBound...])
            guard !name.isEmpty, !value.isEmpty else { throw Problem(description: "ATTR\(c.rawValue)VALUE needs both sides, found \"\(text)\"") }
            if c != .equal && Double(value) == nil {
                throw Problem(description: "\(name)\(c.rawValue)\(value): \(c.rawValue) compares numbers, and \"\(value)\" is not one")
            }
            return .attribute(name, c, value)
        }
        return nil
    }

    static func trimmed(_ s: Substring) -> String {
        String(s.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
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
        case .attribute(let name, let comparison, let value):
            guard let column = network.nodeAttributes[name] else {
                throw Problem(description: "no node attribute \"\(name)\"")
            }
            let number = Double(value)
            var out: [Int32] = []
            for v in 0..<network.nodeCount {
                guard let x = column.values[v] else { continue }
                let keep: Bool
                if let number, let y = x.numericValue {
                    switch comparison {
                    case .lessOrEqual: keep = y <= number
                    case .greaterOrEqual: keep = y >= number
                    case .less: keep = y < number
                    case .greater: keep = y > number
                    case .equal: keep = y == number
                    }
                } else {
                    keep = comparison == .equal && x.description == value
                }
                if keep { out.append(Int32(v)) }
            }
            guard !out.isEmpty else { throw Problem(description: "no node has \(name)\(comparison.rawValue)\(value)") }
            return out
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
