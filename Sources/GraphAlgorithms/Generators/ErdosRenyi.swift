import GraphCore

/// The Erdős–Rényi–Gilbert random graph G(n, p): each of the n(n−1)/2 pairs of distinct
/// nodes is an edge independently with probability p (Gilbert 1959, "Random graphs", Ann. Math.
/// Statist. 30).
///
/// ```swift
/// let g = try ErdosRenyiGNP(nodes: 1000, probability: 0.01).generate(seed: 1)
/// // about 0.01 · 499500 ≈ 4995 edges
/// ```
///
/// Drawn by geometric skips over the pairs (Batagelj and Brandes 2005, as networkx's
/// `fast_gnp_random_graph`), so the cost follows the number of edges drawn.
public struct ErdosRenyiGNP: Sendable, Hashable {
    /// Number of nodes n.
    public var nodes: Int
    /// Edge probability p in [0, 1].
    public var probability: Double

    public init(nodes: Int, probability: Double) {
        self.nodes = nodes
        self.probability = probability
    }

    /// Draws a graph; the same seed gives the same graph.
    /// - Throws: ``AlgorithmError`` when n < 0 or p is outside [0, 1].
    /// - Complexity: O(n + m) expected.
    public func generate(seed: UInt64) throws(AlgorithmError) -> GeneratedGraph {
        guard nodes >= 0, nodes <= Int(Int32.max) else { throw AlgorithmError("G(n, p): n must be in 0…\(Int32.max), found \(nodes)") }
        guard probability >= 0 && probability <= 1 else {
            throw AlgorithmError("G(n, p): p must be in [0, 1], found \(probability)")
        }
        let n = nodes
        let pairs = UInt64(n) * UInt64(max(0, n - 1)) / 2
        var rng = SplitMix64(seed: seed, stream: 0)
        var skips = BernoulliSkips(total: pairs, p: probability)
        var codes: [UInt64] = []
        codes.reserveCapacity(Int(min(Double(pairs) * probability * 1.1 + 16, 1e8)))
        // Pair index k counts the pairs (u, v), u < v, row by row: row u holds n − 1 − u pairs.
        var row = 0
        var rowStart: UInt64 = 0
        while let k = skips.next(&rng) {
            while k >= rowStart + UInt64(n - 1 - row) { rowStart += UInt64(n - 1 - row); row += 1 }
            let v = row + 1 + Int(k - rowStart)
            codes.append(UInt64(row) * UInt64(n) + UInt64(v))
        }
        return GeneratedGraph(nodeCount: n, codes: codes)
    }
}

/// The Erdős–Rényi random graph G(n, m): m edges drawn uniformly among the n(n−1)/2 pairs of
/// distinct nodes, every such graph equally likely (Erdős and Rényi 1959, "On random graphs I",
/// Publ. Math. Debrecen 6).
///
/// ```swift
/// let g = try ErdosRenyiGNM(nodes: 100, edges: 250).generate(seed: 3)
/// g.edgeCount   // 250, exactly
/// ```
///
/// The m pair indices are a uniform m-subset drawn by Floyd's algorithm (Bentley and Floyd
/// 1987, "Programming pearls: a sample of brilliance", CACM 30), O(m) expected.
public struct ErdosRenyiGNM: Sendable, Hashable {
    /// Number of nodes n.
    public var nodes: Int
    /// Number of edges m, at most n(n−1)/2.
    public var edges: Int

    public init(nodes: Int, edges: Int) {
        self.nodes = nodes
        self.edges = edges
    }

    /// Draws a graph; the same seed gives the same graph.
    /// - Throws: ``AlgorithmError`` when n < 0, m < 0 or m > n(n−1)/2.
    /// - Complexity: O(n + m log m).
    public func generate(seed: UInt64) throws(AlgorithmError) -> GeneratedGraph {
        guard nodes >= 0, nodes <= Int(Int32.max) else { throw AlgorithmError("G(n, m): n must be in 0…\(Int32.max), found \(nodes)") }
        let n = nodes
        let pairs = UInt64(n) * UInt64(max(0, n - 1)) / 2
        guard edges >= 0, UInt64(edges) <= pairs else {
            throw AlgorithmError("G(n, m): m must be in 0…\(pairs) (the pairs of \(n) nodes), found \(edges)")
        }
        var rng = SplitMix64(seed: seed, stream: 0)
        // Floyd: for j = N − m … N − 1, draw t in 0…j; take t, or j when t is already taken.
        var chosen = Set<UInt64>(minimumCapacity: edges)
        var order: [UInt64] = []
        order.reserveCapacity(edges)
        var j = pairs - UInt64(edges)
        while j < pairs {
            let t = Self.uniform(below: j + 1, &rng)
            let pick = chosen.contains(t) ? j : t
            chosen.insert(pick)
            order.append(pick)
            j += 1
        }
        order.sort()
        var codes: [UInt64] = []
        codes.reserveCapacity(edges)
        var row = 0
        var rowStart: UInt64 = 0
        for k in order {
            while k >= rowStart + UInt64(n - 1 - row) { rowStart += UInt64(n - 1 - row); row += 1 }
            codes.append(UInt64(row) * UInt64(n) + UInt64(row + 1) + (k - rowStart))
        }
        return GeneratedGraph(nodeCount: n, codes: codes)
    }

    /// A uniform integer in `0..<bound` for a 64-bit bound (multiply-shift with rejection).
    static func uniform(below bound: UInt64, _ rng: inout SplitMix64) -> UInt64 {
        var m = rng.next().multipliedFullWidth(by: bound)
        if m.low < bound {
            let t = (0 &- bound) % bound
            while m.low < t { m = rng.next().multipliedFullWidth(by: bound) }
        }
        return m.high
    }
}
