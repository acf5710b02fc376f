import GraphCore

/// The Barabási–Albert preferential-attachment graph (Barabási and Albert 1999, "Emergence of
/// scaling in random networks", Science 286), as networkx's `barabasi_albert_graph(n, m)`:
/// start from a star of m + 1 nodes (node 0 the centre), then each new node 1 + m, …, n − 1
/// joins m distinct existing nodes, each chosen with probability proportional to its degree.
///
/// ```swift
/// let g = try BarabasiAlbert(nodes: 1000, attachments: 3).generate(seed: 42)
/// g.edgeCount   // m · (n − m) = 2991, exactly
/// ```
///
/// The graph has exactly m + (n − m − 1)·m = m(n − m) edges, and every node added after the
/// star has degree at least m.
public struct BarabasiAlbert: Sendable, Hashable {
    /// Number of nodes n.
    public var nodes: Int
    /// Edges m from each new node, 1 ≤ m < n.
    public var attachments: Int

    public init(nodes: Int, attachments: Int) {
        self.nodes = nodes
        self.attachments = attachments
    }

    /// Draws a graph; the same seed gives the same graph.
    /// - Throws: ``AlgorithmError`` unless 1 ≤ m < n.
    /// - Complexity: O(n·m) expected (rejection of repeated targets is rare unless m ≈ n).
    public func generate(seed: UInt64) throws(AlgorithmError) -> GeneratedGraph {
        let n = nodes, m = attachments
        guard n <= Int(Int32.max) else { throw AlgorithmError("Barabási–Albert: n must be at most \(Int32.max), found \(n)") }
        guard m >= 1 && m < n else {
            throw AlgorithmError("Barabási–Albert: m must satisfy 1 ≤ m < n, found m = \(m), n = \(n)")
        }
        var rng = SplitMix64(seed: seed, stream: 0)
        var codes: [UInt64] = []
        codes.reserveCapacity(m * (n - m))
        // Each node appears in `repeated` once per unit of degree: a uniform pick from it is a
        // pick proportional to degree.
        var repeated: [Int32] = []
        repeated.reserveCapacity(2 * m * (n - m))
        for leaf in 1...m {
            codes.append(GeneratedGraph.code(0, leaf, n))
            repeated.append(0); repeated.append(Int32(leaf))
        }
        var targets = [Int32](repeating: 0, count: m)
        var source = m + 1
        while source < n {
            var count = 0
            while count < m {
                let x = repeated[rng.next(below: repeated.count)]
                var seen = false
                for i in 0..<count where targets[i] == x { seen = true; break }
                if !seen { targets[count] = x; count += 1 }
            }
            for i in 0..<m {
                codes.append(GeneratedGraph.code(Int(targets[i]), source, n))
                repeated.append(targets[i])
                repeated.append(Int32(source))
            }
            source += 1
        }
        return GeneratedGraph(nodeCount: n, codes: codes)
    }
}
