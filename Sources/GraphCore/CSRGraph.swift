/// Whether a graph's arcs have a direction.
public enum EdgeDirection: String, Sendable, Hashable, Codable, CaseIterable {
    case directed
    case undirected
}

/// The one adjacency storage of Interstice: compressed sparse rows over dense `Int32` node ids.
///
/// ```swift
/// var b = GraphBuilder(nodeCount: 3, direction: .undirected)
/// b.addEdge(0, 1); b.addEdge(1, 2)
/// let g = b.build()
/// g.neighbors(of: 1)   // [0, 2]
/// ```
///
/// Invariants (checked by ``checkInvariants()`` in debug builds):
/// - `offsets.count == nodeCount + 1`, `offsets[0] == 0`, non-decreasing, `offsets[n] == targets.count`;
/// - every target is in `0..<nodeCount`, and each row is sorted by target;
/// - `weights`, when present, is parallel to `targets`;
/// - undirected graphs store both arcs of every edge; a self-loop is stored as two arcs `u→u`,
///   so that a row's length is the node's degree as networkx and igraph count it;
/// - directed graphs also hold the reverse CSR (`inOffsets`, `inSources`, `inWeights`); for an
///   undirected graph those are the forward arrays (shared storage, no copy).
public struct CSRGraph: Sendable {
    /// Number of nodes `n`; ids are `0..<n`.
    public let nodeCount: Int
    /// Whether arcs have a direction.
    public let direction: EdgeDirection
    /// Row starts, `n + 1` entries.
    public let offsets: [Int]
    /// Arc heads, row by row.
    public let targets: [Int32]
    /// Arc weights parallel to `targets`, or `nil` for an unweighted graph.
    public let weights: [Double]?
    /// Reverse-CSR row starts (incoming arcs).
    public let inOffsets: [Int]
    /// Reverse-CSR arc tails, row by row.
    public let inSources: [Int32]
    /// Reverse-CSR weights parallel to `inSources`.
    public let inWeights: [Double]?
    /// Number of self-loop edges.
    public let selfLoopCount: Int

    /// Builds from finished CSR arrays. Prefer ``GraphBuilder``; this initializer trusts its input
    /// (checked in debug builds).
    ///
    /// - Complexity: O(n + m) for the reverse CSR of a directed graph, O(1) otherwise.
    public init(nodeCount: Int, direction: EdgeDirection, offsets: [Int], targets: [Int32],
                weights: [Double]?, selfLoopCount: Int? = nil) {
        self.nodeCount = nodeCount
        self.direction = direction
        self.offsets = offsets
        self.targets = targets
        self.weights = weights
        var loops = 0
        if let given = selfLoopCount {
            loops = given
        } else {
            targets.withUnsafeBufferPointer { t in
                for u in 0..<nodeCount {
                    for i in offsets[u]..<offsets[u + 1] where Int(t[i]) == u { loops += 1 }
                }
            }
            if direction == .undirected { loops /= 2 }
        }
        self.selfLoopCount = loops
        if direction == .directed {
            let rev = CSRGraph.reverse(nodeCount: nodeCount, offsets: offsets, targets: targets, weights: weights)
            inOffsets = rev.offsets
            inSources = rev.targets
            inWeights = rev.weights
        } else {
            inOffsets = offsets
            inSources = targets
            inWeights = weights
        }
        #if DEBUG
        checkInvariants()
        #endif
    }

    /// Whether arcs have a direction.
    public var isDirected: Bool { direction == .directed }
    /// Whether arcs carry weights.
    public var isWeighted: Bool { weights != nil }
    /// Number of stored arcs (an undirected edge counts twice).
    public var arcCount: Int { targets.count }
    /// Number of edges: arcs for a directed graph, half the arcs for an undirected one.
    /// - Complexity: O(1).
    public var edgeCount: Int { direction == .directed ? targets.count : targets.count / 2 }

    /// Out-neighbours (all neighbours when undirected), sorted.
    /// - Complexity: O(1).
    @inlinable public func neighbors(of v: Int32) -> ArraySlice<Int32> {
        targets[offsets[Int(v)]..<offsets[Int(v) + 1]]
    }
    /// In-neighbours (all neighbours when undirected), sorted.
    /// - Complexity: O(1).
    @inlinable public func inNeighbors(of v: Int32) -> ArraySlice<Int32> {
        inSources[inOffsets[Int(v)]..<inOffsets[Int(v) + 1]]
    }
    /// Out-degree (degree when undirected; a self-loop counts twice there).
    /// - Complexity: O(1).
    @inlinable public func outDegree(_ v: Int32) -> Int { offsets[Int(v) + 1] - offsets[Int(v)] }
    /// In-degree (degree when undirected).
    /// - Complexity: O(1).
    @inlinable public func inDegree(_ v: Int32) -> Int { inOffsets[Int(v) + 1] - inOffsets[Int(v)] }
    /// Degree: out + in for a directed graph, row length for an undirected one.
    /// - Complexity: O(1).
    @inlinable public func degree(_ v: Int32) -> Int {
        direction == .directed ? outDegree(v) + inDegree(v) : outDegree(v)
    }

    /// Whether the arc `u → v` exists (either direction when undirected).
    /// - Complexity: O(log deg(u)), rows being sorted.
    public func hasEdge(_ u: Int32, _ v: Int32) -> Bool {
        var lo = offsets[Int(u)], hi = offsets[Int(u) + 1]
        while lo < hi {
            let mid = (lo + hi) >> 1
            if targets[mid] < v { lo = mid + 1 } else { hi = mid }
        }
        return lo < offsets[Int(u) + 1] && targets[lo] == v
    }

    /// Weight of the first arc `u → v`, 1 when unweighted, nil when absent.
    /// - Complexity: O(log deg(u)).
    public func weight(_ u: Int32, _ v: Int32) -> Double? {
        var lo = offsets[Int(u)], hi = offsets[Int(u) + 1]
        while lo < hi {
            let mid = (lo + hi) >> 1
            if targets[mid] < v { lo = mid + 1 } else { hi = mid }
        }
        guard lo < offsets[Int(u) + 1], targets[lo] == v else { return nil }
        return weights?[lo] ?? 1
    }

    /// Bytes held by the CSR arrays (forward and, for directed graphs, reverse).
    public var storageBytes: Int {
        var b = offsets.count * MemoryLayout<Int>.stride + targets.count * MemoryLayout<Int32>.stride
        b += (weights?.count ?? 0) * MemoryLayout<Double>.stride
        if direction == .directed {
            b += inOffsets.count * MemoryLayout<Int>.stride + inSources.count * MemoryLayout<Int32>.stride
            b += (inWeights?.count ?? 0) * MemoryLayout<Double>.stride
        }
        return b
    }

    /// The same graph with every arc reversed (the identity for an undirected graph).
    /// - Complexity: O(1): the reverse CSR is already built.
    public func reversed() -> CSRGraph {
        guard direction == .directed else { return self }
        return CSRGraph(rawDirected: nodeCount, offsets: inOffsets, targets: inSources, weights: inWeights,
                        inOffsets: offsets, inSources: targets, inWeights: weights, selfLoopCount: selfLoopCount)
    }

    /// The undirected graph with an edge `{u, v}` for every arc; mutual arcs merge into one edge
    /// whose weight is the sum.
    /// - Complexity: O(n + m).
    public func symmetrized() -> CSRGraph {
        guard direction == .directed else { return self }
        var b = GraphBuilder(nodeCount: nodeCount, direction: .undirected, weighted: weights != nil,
                             reservingEdges: targets.count)
        for u in 0..<nodeCount {
            for i in offsets[u]..<offsets[u + 1] {
                b.addEdge(Int32(u), targets[i], weight: weights?[i] ?? 1)
            }
        }
        return b.build(parallelEdges: .sum)
    }

    init(rawDirected nodeCount: Int, offsets: [Int], targets: [Int32], weights: [Double]?,
         inOffsets: [Int], inSources: [Int32], inWeights: [Double]?, selfLoopCount: Int) {
        self.nodeCount = nodeCount
        self.direction = .directed
        self.offsets = offsets
        self.targets = targets
        self.weights = weights
        self.inOffsets = inOffsets
        self.inSources = inSources
        self.inWeights = inWeights
        self.selfLoopCount = selfLoopCount
    }

    /// Transposes CSR arrays by counting sort; rows of the result come out sorted because
    /// sources are visited in increasing order.
    static func reverse(nodeCount n: Int, offsets: [Int], targets: [Int32], weights: [Double]?)
        -> (offsets: [Int], targets: [Int32], weights: [Double]?) {
        var inOff = [Int](repeating: 0, count: n + 1)
        var src = [Int32](repeating: 0, count: targets.count)
        var w: [Double]? = weights == nil ? nil : [Double](repeating: 0, count: targets.count)
        targets.withUnsafeBufferPointer { t in
            inOff.withUnsafeMutableBufferPointer { io in
                for i in 0..<t.count { io[Int(t[i]) + 1] += 1 }
                for v in 0..<n { io[v + 1] += io[v] }
                var cursor = Array(io[0..<n])
                src.withUnsafeMutableBufferPointer { s in
                    offsets.withUnsafeBufferPointer { o in
                        for u in 0..<n {
                            for i in o[u]..<o[u + 1] {
                                let v = Int(t[i])
                                let p = cursor[v]
                                s[p] = Int32(truncatingIfNeeded: u)
                                if let ww = weights { w![p] = ww[i] }
                                cursor[v] = p + 1
                            }
                        }
                    }
                }
            }
        }
        return (inOff, src, w)
    }
}
