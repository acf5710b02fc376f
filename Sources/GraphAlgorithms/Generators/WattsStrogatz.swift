import GraphCore

/// The Watts–Strogatz small-world graph (Watts and Strogatz 1998, "Collective dynamics of
/// 'small-world' networks", Nature 393), as networkx's `watts_strogatz_graph(n, k, p)`: a ring
/// where each node is joined to its k/2 nearest neighbours on each side (k odd: ⌊k/2⌋), then,
/// for each distance j = 1 … k/2 and each node u in turn, the edge (u, u + j) is rewired with
/// probability p to (u, w), w uniform among the nodes that are neither u nor already joined to
/// u (skipped when u is joined to everyone).
///
/// ```swift
/// let g = try WattsStrogatz(nodes: 100, neighbours: 4, rewiring: 0.1).generate(seed: 5)
/// g.edgeCount   // n · ⌊k/2⌋ = 200, exactly: rewiring moves edges, never adds or drops them
/// ```
public struct WattsStrogatz: Sendable, Hashable {
    /// Number of nodes n.
    public var nodes: Int
    /// Ring neighbours k (each side gets ⌊k/2⌋), 0 ≤ k < n.
    public var neighbours: Int
    /// Rewiring probability p in [0, 1].
    public var rewiring: Double

    public init(nodes: Int, neighbours: Int, rewiring: Double) {
        self.nodes = nodes
        self.neighbours = neighbours
        self.rewiring = rewiring
    }

    /// Draws a graph; the same seed gives the same graph.
    /// - Throws: ``AlgorithmError`` unless 0 ≤ k < n and 0 ≤ p ≤ 1.
    /// - Complexity: O(n·k) expected, plus O(n·k log(n·k)) for the final sort.
    public func generate(seed: UInt64) throws(AlgorithmError) -> GeneratedGraph {
        let n = nodes, half = neighbours / 2
        guard n >= 0, n <= Int(Int32.max) else { throw AlgorithmError("Watts–Strogatz: n must be in 0…\(Int32.max), found \(n)") }
        guard neighbours >= 0 && (neighbours < n || n == 0 && neighbours == 0) else {
            throw AlgorithmError("Watts–Strogatz: k must satisfy 0 ≤ k < n, found k = \(neighbours), n = \(n)")
        }
        guard rewiring >= 0 && rewiring <= 1 else {
            throw AlgorithmError("Watts–Strogatz: p must be in [0, 1], found \(rewiring)")
        }
        // Edge (j − 1)·n + u starts as (u, (u + j) mod n); only its far end moves.
        var far = [Int32](repeating: 0, count: n * half)
        var present = Set<UInt64>(minimumCapacity: n * half)
        var degree = [Int](repeating: 0, count: n)
        for j in stride(from: 1, through: half, by: 1) {
            for u in 0..<n {
                let v = (u + j) % n
                far[(j - 1) * n + u] = Int32(v)
                present.insert(GeneratedGraph.code(u, v, n))
                degree[u] += 1; degree[v] += 1
            }
        }
        var rng = SplitMix64(seed: seed, stream: 0)
        if rewiring > 0 {
            for j in stride(from: 1, through: half, by: 1) {
                for u in 0..<n where rng.nextUnit() < rewiring {
                    guard degree[u] < n - 1 else { continue }
                    var w = rng.next(below: n)
                    while w == u || present.contains(GeneratedGraph.code(u, w, n)) { w = rng.next(below: n) }
                    let e = (j - 1) * n + u
                    let v = Int(far[e])
                    present.remove(GeneratedGraph.code(u, v, n))
                    present.insert(GeneratedGraph.code(u, w, n))
                    degree[v] -= 1; degree[w] += 1
                    far[e] = Int32(w)
                }
            }
        }
        var codes: [UInt64] = []
        codes.reserveCapacity(far.count)
        for e in 0..<far.count { codes.append(GeneratedGraph.code(e % n, Int(far[e]), n)) }
        return GeneratedGraph(nodeCount: n, codes: codes)
    }
}
