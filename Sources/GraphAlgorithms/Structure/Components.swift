import GraphCore
internal import CPrefetch

/// Connected components: weak (arc directions ignored) or strong (mutually reachable).
///
/// Components are numbered in the order of their smallest node, so the labelling is canonical.
///
/// ```swift
/// let c = Components.weak(g)
/// c.count          // number of components
/// c.largestSize    // nodes in the largest one
/// ```
public struct Components: Sendable, Hashable {
    /// Component of each node, `0..<count`.
    public let labels: [Int32]
    /// Number of nodes in each component.
    public let sizes: [Int]

    /// Number of components.
    public var count: Int { sizes.count }
    /// Size of the largest component (0 for the empty graph).
    public var largestSize: Int { sizes.max() ?? 0 }

    /// Weakly connected components (connected components of an undirected graph), by BFS over
    /// out- and in-arcs.
    ///
    /// Visits are tested against a bit set of n bits, small enough to stay in cache, and the rows
    /// of queued nodes are fetched a few places ahead; a large component's labels are written in
    /// one pass in node order afterwards. On a graph past the cache, testing and writing labels
    /// during the search waited a DRAM latency per arc.
    /// - Complexity: O(n + m).
    public static func weak(_ g: CSRGraph) -> Components {
        let n = g.nodeCount
        var labels = [Int32](repeating: -1, count: n)
        var sizes: [Int] = []
        var queue = [Int32](repeating: 0, count: n)
        var visited = [UInt64](repeating: 0, count: (n + 63) / 64)
        g.offsets.withUnsafeBufferPointer { off in
        g.targets.withUnsafeBufferPointer { tgt in
        g.inOffsets.withUnsafeBufferPointer { ioff in
        g.inSources.withUnsafeBufferPointer { isrc in
        labels.withUnsafeMutableBufferPointer { lab in
        queue.withUnsafeMutableBufferPointer { q in
        visited.withUnsafeMutableBufferPointer { seen in
            let directed = g.isDirected
            for s in 0..<n where seen[s >> 6] & (1 << UInt64(s & 63)) == 0 {
                let c = Int32(sizes.count)
                var head = 0, tail = 1
                q[0] = Int32(s)
                seen[s >> 6] |= 1 << UInt64(s & 63)
                while head < tail {
                    if head &+ 4 < tail {  // a later node's row, fetched ahead
                        let w = Int(q[head &+ 4])
                        interstice_prefetch(off.baseAddress! + w)
                        interstice_prefetch(tgt.baseAddress! + off[w])
                    }
                    let u = Int(q[head]); head &+= 1
                    // The test reads a bit set of n bits (128 KB for a million nodes, in cache).
                    for i in off[u]..<off[u + 1] {
                        let v = Int(tgt[i]), word = v >> 6, bit: UInt64 = 1 << UInt64(v & 63)
                        if seen[word] & bit == 0 { seen[word] |= bit; q[tail] = Int32(v); tail &+= 1 }
                    }
                    if directed {
                        for i in ioff[u]..<ioff[u + 1] {
                            let v = Int(isrc[i]), word = v >> 6, bit: UInt64 = 1 << UInt64(v & 63)
                            if seen[word] & bit == 0 { seen[word] |= bit; q[tail] = Int32(v); tail &+= 1 }
                        }
                    }
                }
                // Labels: a large component by one pass in node order over the unlabelled visited
                // nodes (random writes would each fetch a line); a small one through its queue.
                if tail > n / 32 {
                    for v in 0..<n where lab[v] < 0 && seen[v >> 6] & (1 << UInt64(v & 63)) != 0 { lab[v] = c }
                } else {
                    for i in 0..<tail { lab[Int(q[i])] = c }
                }
                sizes.append(tail)
            }
        }}}}}}}
        return Components(labels: labels, sizes: sizes)
    }

    /// Strongly connected components by Tarjan's algorithm (iterative, no recursion), renumbered
    /// in the order of each component's smallest node. For an undirected graph: the weak ones.
    /// - Complexity: O(n + m).
    public static func strong(_ g: CSRGraph) -> Components {
        guard g.isDirected else { return weak(g) }
        let n = g.nodeCount
        var index = [Int32](repeating: -1, count: n)
        var low = [Int32](repeating: 0, count: n)
        var onStack = [Bool](repeating: false, count: n)
        var comp = [Int32](repeating: -1, count: n)
        var stack: [Int32] = []
        var call: [(v: Int32, edge: Int)] = []
        var counter: Int32 = 0
        var found: Int32 = 0
        for s in 0..<n where index[s] < 0 {
            call.append((Int32(s), g.offsets[s]))
            index[s] = counter; low[s] = counter; counter += 1
            stack.append(Int32(s)); onStack[s] = true
            while let top = call.last {
                let v = Int(top.v)
                if top.edge < g.offsets[v + 1] {
                    call[call.count - 1].edge += 1
                    let w = Int(g.targets[top.edge])
                    if index[w] < 0 {
                        index[w] = counter; low[w] = counter; counter += 1
                        stack.append(Int32(w)); onStack[w] = true
                        call.append((Int32(w), g.offsets[w]))
                    } else if onStack[w] {
                        low[v] = min(low[v], index[w])
                    }
                } else {
                    call.removeLast()
                    if let parent = call.last { low[Int(parent.v)] = min(low[Int(parent.v)], low[v]) }
                    if low[v] == index[v] {
                        while true {
                            let w = Int(stack.removeLast())
                            onStack[w] = false
                            comp[w] = found
                            if w == v { break }
                        }
                        found += 1
                    }
                }
            }
        }
        // Canonical numbering: by smallest member.
        var remap = [Int32](repeating: -1, count: Int(found))
        var sizes: [Int] = []
        var labels = [Int32](repeating: 0, count: n)
        for v in 0..<n {
            let c = Int(comp[v])
            if remap[c] < 0 { remap[c] = Int32(sizes.count); sizes.append(0) }
            labels[v] = remap[c]
            sizes[Int(remap[c])] += 1
        }
        return Components(labels: labels, sizes: sizes)
    }
}
