import GraphCore

/// A partition of the nodes into communities, numbered `0..<count` in the order of each
/// community's smallest node (so equal partitions compare equal), with its modularity and how it
/// was found.
public struct CommunityResult: Sendable, Hashable {
    /// Community of each node.
    public let labels: [Int32]
    /// Number of communities.
    public let count: Int
    /// Modularity of `labels` on the input graph, at the algorithm's resolution.
    public let modularity: Double
    /// Aggregation levels (Louvain, Leiden) or sweeps (label propagation).
    public let levels: Int
    /// Method, resolution, seed.
    public let metadata: ScoreMetadata

    /// The partition as a ``Partition`` with groups named `c0`, `c1`, ….
    public var partition: Partition {
        Partition(labels: labels, groupNames: (0..<count).map { "c\($0)" })
    }

    init(rawLabels: [Int32], graph: CSRGraph, resolution: Double, weighted: Bool, levels: Int, metadata: ScoreMetadata) {
        var remap = [Int32: Int32]()
        var out = [Int32](repeating: 0, count: rawLabels.count)
        for (v, l) in rawLabels.enumerated() {
            if let r = remap[l] { out[v] = r } else { let r = Int32(remap.count); remap[l] = r; out[v] = r }
        }
        labels = out
        count = remap.count
        modularity = (try? Modularity.of(graph, labels: out, resolution: resolution, weighted: weighted)) ?? .nan
        self.levels = levels
        self.metadata = metadata
    }
}

/// The working graph of Louvain and Leiden: undirected, weighted, self-loops kept apart.
/// `strength[v]` counts every arc at `v` (a self-loop's weight twice), `total` is their sum (2m).
struct CommunityGraph {
    var n: Int
    var offsets: [Int]
    var targets: [Int32]
    var weights: [Double]
    var loops: [Double]
    var strength: [Double]
    var total: Double

    /// From a CSR graph: directed graphs are symmetrized (`w_uv + w_vu`), weights dropped unless
    /// `weighted`.
    init(_ g: CSRGraph, weighted: Bool) {
        let u = g.isDirected ? (weighted ? g.symmetrized() : g.unweightedView.symmetrizedCounting()) : g
        n = u.nodeCount
        var off = [Int](repeating: 0, count: n + 1)
        var tgt: [Int32] = [], wts: [Double] = []
        tgt.reserveCapacity(u.arcCount); wts.reserveCapacity(u.arcCount)
        loops = [Double](repeating: 0, count: n)
        strength = [Double](repeating: 0, count: n)
        let w = weighted || g.isDirected ? u.weights : nil
        for v in 0..<n {
            for i in u.offsets[v]..<u.offsets[v + 1] {
                let x = w?[i] ?? 1
                strength[v] += x
                if Int(u.targets[i]) == v { loops[v] += x } else { tgt.append(u.targets[i]); wts.append(x) }
            }
            off[v + 1] = tgt.count
        }
        offsets = off; targets = tgt; weights = wts
        total = strength.reduce(0, +)
    }

    init(n: Int, offsets: [Int], targets: [Int32], weights: [Double], loops: [Double], strength: [Double], total: Double) {
        self.n = n; self.offsets = offsets; self.targets = targets; self.weights = weights
        self.loops = loops; self.strength = strength; self.total = total
    }

    /// The graph of communities: one node per label `0..<k`, arc weights summed, internal
    /// weight as self-loops.
    func aggregate(_ labels: [Int32], count k: Int) -> CommunityGraph {
        // Members of each community by a counting sort (one array, not k small ones).
        var first = [Int](repeating: 0, count: k + 1)
        for v in 0..<n { first[Int(labels[v]) + 1] += 1 }
        for c in 0..<k { first[c + 1] += first[c] }
        var order = [Int32](repeating: 0, count: n)
        var fill = first
        for v in 0..<n { let c = Int(labels[v]); order[fill[c]] = Int32(v); fill[c] += 1 }
        var off = [Int](repeating: 0, count: k + 1)
        var tgt: [Int32] = [], wts: [Double] = []
        var loops = [Double](repeating: 0, count: k), strength = [Double](repeating: 0, count: k)
        var acc = [Double](repeating: 0, count: k)
        var touched: [Int32] = []
        for c in 0..<k {
            for v in order[first[c]..<first[c + 1]] {
                loops[c] += self.loops[Int(v)]
                strength[c] += self.strength[Int(v)]
                for i in offsets[Int(v)]..<offsets[Int(v) + 1] {
                    let d = Int(labels[Int(targets[i])])
                    if d == c { loops[c] += weights[i]; continue }
                    if acc[d] == 0 { touched.append(Int32(d)) }
                    acc[d] += weights[i]
                }
            }
            touched.sort()
            for d in touched { tgt.append(d); wts.append(acc[Int(d)]); acc[Int(d)] = 0 }
            touched.removeAll(keepingCapacity: true)
            off[c + 1] = tgt.count
        }
        return CommunityGraph(n: k, offsets: off, targets: tgt, weights: wts, loops: loops, strength: strength, total: total)
    }
}

extension CSRGraph {
    /// Undirected graph counting arcs: weight 2 for a mutual pair, 1 otherwise.
    func symmetrizedCounting() -> CSRGraph {
        var b = GraphBuilder(nodeCount: nodeCount, direction: .undirected, weighted: true, reservingEdges: arcCount)
        for u in 0..<nodeCount { for i in offsets[u]..<offsets[u + 1] { b.addEdge(Int32(u), targets[i], weight: 1) } }
        return b.build(parallelEdges: .sum)
    }
}

/// Renumbers labels `0..<k` in order of first appearance; returns k.
func compactLabels(_ labels: inout [Int32]) -> Int {
    var remap = [Int32](repeating: -1, count: labels.count)
    var k: Int32 = 0
    for v in labels.indices {
        let l = Int(labels[v])
        if remap[l] < 0 { remap[l] = k; k += 1 }
        labels[v] = remap[l]
    }
    return Int(k)
}

/// A seeded random permutation of `0..<n` (Fisher–Yates).
func shuffledOrder(_ n: Int, _ rng: inout SplitMix64) -> [Int32] {
    var order = (0..<Int32(n)).map { $0 }
    if n > 1 { for i in stride(from: n - 1, to: 0, by: -1) { order.swapAt(i, rng.next(below: i + 1)) } }
    return order
}
