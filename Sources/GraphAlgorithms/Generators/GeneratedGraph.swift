import GraphCore

/// A simple undirected graph drawn by a random-graph model: `nodeCount` nodes `0..<n` and
/// `edgeCount` edges `(sources[i], targets[i])` with `sources[i] < targets[i]`, sorted by source
/// then target, without repeats or self-loops.
///
/// ```swift
/// let g = try BarabasiAlbert(nodes: 100, attachments: 2).generate(seed: 7)
/// g.edgeCount                      // 2 · (100 − 2) = 196
/// let net = g.network(relation: .acquaintance)
/// ```
///
/// The sorted edge order makes a graph's bytes depend only on the model, its parameters and the
/// seed, not on the order in which the model happened to draw the edges.
public struct GeneratedGraph: Sendable, Hashable {
    /// Number of nodes.
    public let nodeCount: Int
    /// Smaller end of each edge.
    public let sources: [Int32]
    /// Larger end of each edge.
    public let targets: [Int32]

    /// A graph from pair codes `u · n + v` (`u < v`), sorted and deduplicated here.
    /// - Complexity: O(m log m).
    init(nodeCount n: Int, codes: [UInt64]) {
        nodeCount = n
        var c = codes
        c.sort()
        var s: [Int32] = [], t: [Int32] = []
        s.reserveCapacity(c.count); t.reserveCapacity(c.count)
        var last: UInt64? = nil
        let nn = UInt64(max(1, n))
        for code in c where code != last {
            last = code
            s.append(Int32(code / nn)); t.append(Int32(code % nn))
        }
        sources = s
        targets = t
    }

    /// The code of the pair `{u, v}` in a graph of `n` nodes.
    @inlinable static func code(_ u: Int, _ v: Int, _ n: Int) -> UInt64 {
        u < v ? UInt64(u) * UInt64(n) + UInt64(v) : UInt64(v) * UInt64(n) + UInt64(u)
    }

    /// Number of edges.
    public var edgeCount: Int { sources.count }

    /// The degree of every node.
    /// - Complexity: O(n + m).
    public var degrees: [Int] {
        var d = [Int](repeating: 0, count: nodeCount)
        for i in 0..<sources.count { d[Int(sources[i])] += 1; d[Int(targets[i])] += 1 }
        return d
    }

    /// The graph as an undirected ``CSRGraph``.
    /// - Complexity: O(n + m).
    public func graph() -> CSRGraph {
        var b = GraphBuilder(nodeCount: nodeCount, direction: .undirected, weighted: false, reservingEdges: edgeCount)
        for i in 0..<sources.count { b.addEdge(sources[i], targets[i]) }
        return b.build()
    }

    /// The graph as a ``Network``: nodes of kind `actor` with ids `prefix0 … prefix(n−1)` and one
    /// undirected layer `relation`.
    /// - Complexity: O(n + m).
    public func network(relation: Relation = "edge", idPrefix prefix: String = "") -> Network {
        var net = Network()
        net.reserveNodes(nodeCount)
        for v in 0..<nodeCount { _ = net.node(prefix + String(v), kind: .actor) }
        // The layer exists even when the graph has no edge, so the relation is always declared.
        _ = try? net.addLayer(relation, direction: .undirected)
        net.reserveEdges(edgeCount, relation: relation)
        for i in 0..<sources.count { _ = try? net.addEdge(sources[i], targets[i], relation: relation) }
        return net
    }
}

/// The successes of independent Bernoulli(p) trials over the indices `0..<total`, drawn by
/// geometric skips (Batagelj and Brandes 2005, "Efficient generation of large random networks",
/// Phys. Rev. E 71, 036113): each next success is `1 + ⌊ln(1 − u) / ln(1 − p)⌋` indices on.
///
/// Used by G(n, p) and the stochastic block model so that drawing m edges costs O(m), not O(n²).
struct BernoulliSkips {
    let total: UInt64
    let p: Double
    private let logQ: Double
    private var next: UInt64 = 0
    private var started = false

    init(total: UInt64, p: Double) {
        self.total = total
        self.p = p
        logQ = p > 0 && p < 1 ? DiffusionMath.log1p(-p) : 0
    }

    /// The next success, or nil when the trials are over.
    /// - Complexity: O(1).
    mutating func next(_ rng: inout SplitMix64) -> UInt64? {
        if p <= 0 { return nil }
        let step: UInt64
        if p >= 1 {
            step = started ? 1 : 0
        } else {
            let u = rng.nextUnit()
            let skip = DiffusionMath.log1p(-u) / logQ  // ≥ 0; +∞ never (u < 1)
            let whole = skip.rounded(.down)
            // A skip past the end ends the trials (and keeps the conversion in range).
            if whole >= Double(total) { next = total; return nil }
            step = (started ? 1 : 0) + UInt64(whole)
        }
        started = true
        let (sum, overflow) = next.addingReportingOverflow(step)
        guard !overflow, sum < total else { next = total; return nil }
        next = sum
        return sum
    }
}
