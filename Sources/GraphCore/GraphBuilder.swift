/// What to do with several edges between the same two nodes (in the same direction, for a
/// directed graph).
public enum ParallelEdgePolicy: String, Sendable, Hashable, Codable, CaseIterable {
    /// Keep every edge (a multigraph).
    case keep
    /// Merge into one edge whose weight is the sum.
    case sum
    /// Merge into one edge with the largest weight.
    case max
    /// Merge into one edge with the smallest weight.
    case min
    /// Keep the first edge in input order, drop the others.
    case first
}

/// What to do with edges `u → u`.
public enum SelfLoopPolicy: String, Sendable, Hashable, Codable, CaseIterable {
    case keep
    case drop
}

/// Accumulates edges, then builds a ``CSRGraph`` in O(n + m) by counting sort.
///
/// ```swift
/// var b = GraphBuilder(nodeCount: 4, direction: .directed, weighted: true)
/// b.addEdge(0, 1, weight: 2)
/// b.addEdge(0, 1, weight: 3)
/// let g = b.build(parallelEdges: .sum)   // one arc 0 → 1 of weight 5
/// ```
public struct GraphBuilder: Sendable {
    /// Nodes are `0..<nodeCount`; ``addNode()`` grows it.
    public private(set) var nodeCount: Int
    public let direction: EdgeDirection
    public let isWeighted: Bool
    @usableFromInline var _sources: [Int32] = []
    @usableFromInline var _targets: [Int32] = []
    @usableFromInline var _weights: [Double] = []

    /// - Parameters:
    ///   - nodeCount: number of nodes known up front.
    ///   - direction: directed or undirected.
    ///   - weighted: whether the built graph carries weights.
    ///   - reservingEdges: capacity hint.
    public init(nodeCount: Int, direction: EdgeDirection, weighted: Bool = false, reservingEdges: Int = 0) {
        precondition(nodeCount >= 0 && nodeCount <= Int(Int32.max), "GraphBuilder: node count out of range")
        self.nodeCount = nodeCount
        self.direction = direction
        self.isWeighted = weighted
        _sources.reserveCapacity(reservingEdges)
        _targets.reserveCapacity(reservingEdges)
        if weighted { _weights.reserveCapacity(reservingEdges) }
    }

    /// Number of edges added so far.
    public var edgeCount: Int { _sources.count }

    /// Adds a node and returns its id.
    /// - Complexity: O(1).
    @discardableResult
    public mutating func addNode() -> Int32 {
        nodeCount += 1
        return Int32(nodeCount - 1)
    }

    /// Adds the edge `u → v` (or `{u, v}`); the weight is ignored for an unweighted builder.
    /// - Complexity: amortized O(1).
    @inlinable
    public mutating func addEdge(_ u: Int32, _ v: Int32, weight: Double = 1) {
        precondition(u >= 0 && Int(u) < nodeCount && v >= 0 && Int(v) < nodeCount,
                     "GraphBuilder: edge (\(u), \(v)) names a node outside 0..<\(nodeCount)")
        _sources.append(u)
        _targets.append(v)
        if isWeighted { _weights.append(weight) }
    }

    /// Builds the CSR graph.
    ///
    /// - Parameters:
    ///   - parallelEdges: how to merge edges between the same pair (for an undirected graph,
    ///     `{u, v}` and `{v, u}` are the same pair).
    ///   - selfLoops: keep or drop `u → u`.
    /// - Complexity: O(n + m + Σ deg·log deg) (rows are sorted after the counting sort).
    public func build(parallelEdges: ParallelEdgePolicy = .keep, selfLoops: SelfLoopPolicy = .keep) -> CSRGraph {
        CSRGraph.build(nodeCount: nodeCount, direction: direction, sources: _sources, targets: _targets,
                       weights: isWeighted ? _weights : nil, parallelEdges: parallelEdges, selfLoops: selfLoops)
    }
}

extension CSRGraph {
    /// Builds a CSR graph from parallel edge arrays (coordinate form).
    ///
    /// - Complexity: O(n + m + Σ deg·log deg).
    public static func build(nodeCount n: Int, direction: EdgeDirection, sources: [Int32], targets: [Int32],
                             weights: [Double]?, parallelEdges: ParallelEdgePolicy = .keep,
                             selfLoops: SelfLoopPolicy = .keep) -> CSRGraph {
        precondition(sources.count == targets.count, "CSRGraph.build: sources and targets differ in length")
        var src = sources, dst = targets, w = weights
        if selfLoops == .drop {
            var keep = 0
            for i in 0..<src.count where src[i] != dst[i] {
                src[keep] = src[i]; dst[keep] = dst[i]
                if w != nil { w![keep] = w![i] }
                keep += 1
            }
            src.removeLast(src.count - keep); dst.removeLast(dst.count - keep)
            if w != nil { w!.removeLast(w!.count - keep) }
        }
        if parallelEdges != .keep {
            if direction == .undirected {
                for i in 0..<src.count where src[i] > dst[i] { swap(&src[i], &dst[i]) }
            }
            mergeParallel(n: n, src: &src, dst: &dst, w: &w, policy: parallelEdges)
        }
        // Expand to arcs and scatter by source.
        let m = src.count
        var loops = 0
        var offsets = [Int](repeating: 0, count: n + 1)
        for i in 0..<m {
            offsets[Int(src[i]) + 1] += 1
            if direction == .undirected { offsets[Int(dst[i]) + 1] += 1 }
            if src[i] == dst[i] { loops += 1 }
        }
        for v in 0..<n { offsets[v + 1] += offsets[v] }
        let arcs = offsets[n]
        var tgt = [Int32](repeating: 0, count: arcs)
        var wt: [Double]? = w == nil ? nil : [Double](repeating: 0, count: arcs)
        var cursor = Array(offsets[0..<n])
        for i in 0..<m {
            let u = Int(src[i]), v = Int(dst[i])
            tgt[cursor[u]] = dst[i]
            if w != nil { wt![cursor[u]] = w![i] }
            cursor[u] += 1
            if direction == .undirected {
                tgt[cursor[v]] = src[i]
                if w != nil { wt![cursor[v]] = w![i] }
                cursor[v] += 1
            }
        }
        sortRows(n: n, offsets: offsets, targets: &tgt, weights: &wt)
        return CSRGraph(nodeCount: n, direction: direction, offsets: offsets, targets: tgt, weights: wt,
                        selfLoopCount: loops)
    }

    /// Sorts each row by target; weighted rows are sorted stably (ties keep input order).
    package static func sortRows(n: Int, offsets: [Int], targets: inout [Int32], weights: inout [Double]?) {
        if weights == nil {
            targets.withUnsafeMutableBufferPointer { t in
                for u in 0..<n where offsets[u + 1] - offsets[u] > 1 {
                    var sorted = true
                    for i in (offsets[u] + 1)..<offsets[u + 1] where t[i - 1] > t[i] { sorted = false; break }
                    if !sorted { t[offsets[u]..<offsets[u + 1]].sort() }
                }
            }
            return
        }
        var keys: [UInt64] = []
        var wscratch: [Double] = []
        for u in 0..<n where offsets[u + 1] - offsets[u] > 1 {
            let lo = offsets[u], hi = offsets[u + 1]
            var sorted = true
            for i in (lo + 1)..<hi where targets[i - 1] > targets[i] { sorted = false; break }
            if sorted { continue }
            keys.removeAll(keepingCapacity: true)
            for i in lo..<hi { keys.append(UInt64(UInt32(targets[i])) << 32 | UInt64(i - lo)) }
            keys.sort()
            wscratch.removeAll(keepingCapacity: true)
            wscratch.append(contentsOf: weights![lo..<hi])
            for (k, key) in keys.enumerated() {
                targets[lo + k] = Int32(truncatingIfNeeded: key >> 32)
                weights![lo + k] = wscratch[Int(key & 0xffff_ffff)]
            }
        }
    }

    /// Merges edges with the same (source, target), keeping the first occurrence's position.
    /// Groups by source with a counting sort, then deduplicates each group with a stamped slot
    /// array: O(n + m), no hashing.
    static func mergeParallel(n: Int, src: inout [Int32], dst: inout [Int32], w: inout [Double]?,
                              policy: ParallelEdgePolicy) {
        let m = src.count
        var start = [Int](repeating: 0, count: n + 1)
        for i in 0..<m { start[Int(src[i]) + 1] += 1 }
        for v in 0..<n { start[v + 1] += start[v] }
        var order = [Int](repeating: 0, count: m)
        var cursor = Array(start[0..<n])
        for i in 0..<m { order[cursor[Int(src[i])]] = i; cursor[Int(src[i])] += 1 }
        var stamp = [Int32](repeating: -1, count: n)
        var slot = [Int](repeating: 0, count: n)
        var outS: [Int32] = [], outT: [Int32] = [], outW: [Double] = []
        outS.reserveCapacity(m); outT.reserveCapacity(m)
        if w != nil { outW.reserveCapacity(m) }
        for u in 0..<n {
            for k in start[u]..<start[u + 1] {
                let i = order[k]
                let v = Int(dst[i])
                if stamp[v] == Int32(u) {
                    guard let ww = w else { continue }
                    let s = slot[v]
                    switch policy {
                    case .sum: outW[s] += ww[i]
                    case .max: outW[s] = Swift.max(outW[s], ww[i])
                    case .min: outW[s] = Swift.min(outW[s], ww[i])
                    case .first, .keep: break
                    }
                } else {
                    stamp[v] = Int32(u)
                    slot[v] = outT.count
                    outS.append(Int32(u)); outT.append(dst[i])
                    if let ww = w { outW.append(ww[i]) }
                }
            }
        }
        src = outS; dst = outT
        if w != nil { w = outW }
    }
}
