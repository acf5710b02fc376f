import GraphCore
import HeapModule

/// Per-worker single-source shortest-path state, allocated once and reset in O(reached) after
/// each source, so that all-sources loops (Brandes, closeness) allocate nothing per source.
///
/// After ``bfs(_:from:countPaths:stopAt:)`` or ``dijkstra(_:from:countPaths:stopAt:)``:
/// `order[0..<reached]` lists the settled nodes in non-decreasing distance, `level[v]` is the hop
/// distance (BFS) or 1 when settled (Dijkstra) and -1 otherwise, `dist[v]` the weighted distance
/// (Dijkstra), and `sigma[v]` the number of shortest paths from the source (when counted).
package final class PathScratch: @unchecked Sendable {
    package let nodeCount: Int
    package let level: UnsafeMutablePointer<Int32>
    package let dist: UnsafeMutablePointer<Double>
    package let sigma: UnsafeMutablePointer<Double>
    package let order: UnsafeMutablePointer<Int32>
    /// Free per-node slot for the caller (Brandes' dependency coefficient); reset to 0.
    package let coef: UnsafeMutablePointer<Double>
    /// Nodes whose distance was set (Dijkstra), for the reset.
    let touched: UnsafeMutablePointer<Int32>
    package internal(set) var reached = 0
    var touchedCount = 0
    var heap = Heap<HeapEntry>()

    package init(nodeCount n: Int) {
        nodeCount = n
        let c = max(1, n)
        level = .allocate(capacity: c); level.initialize(repeating: -1, count: c)
        dist = .allocate(capacity: c); dist.initialize(repeating: .infinity, count: c)
        sigma = .allocate(capacity: c); sigma.initialize(repeating: 0, count: c)
        order = .allocate(capacity: c); order.initialize(repeating: 0, count: c)
        coef = .allocate(capacity: c); coef.initialize(repeating: 0, count: c)
        touched = .allocate(capacity: c); touched.initialize(repeating: 0, count: c)
    }

    deinit {
        level.deallocate(); dist.deallocate(); sigma.deallocate()
        order.deallocate(); coef.deallocate(); touched.deallocate()
    }

    /// Restores the initial state of every node the last search touched.
    /// - Complexity: O(nodes touched).
    package func reset() {
        for i in 0..<reached {
            let v = Int(order[i])
            level[v] = -1; dist[v] = .infinity; sigma[v] = 0; coef[v] = 0
        }
        for i in 0..<touchedCount {
            let v = Int(touched[i])
            level[v] = -1; dist[v] = .infinity; sigma[v] = 0; coef[v] = 0
        }
        reached = 0; touchedCount = 0
        heap = Heap()
    }

    /// Breadth-first search over the out-arcs of `g` from `s` (call ``reset()`` first).
    /// - Parameters:
    ///   - countPaths: also count shortest paths in `sigma`.
    ///   - stopAt: stop when this node is dequeued (its `sigma` and its predecessors' are final).
    /// - Complexity: O(n + m) at most.
    package func bfs(_ g: GraphView, from s: Int32, countPaths: Bool, stopAt: Int32 = -1) {
        let off = g.offsets, tgt = g.targets
        let level = self.level, sigma = self.sigma, order = self.order
        var head = 0, tail = 1
        order[0] = s; level[Int(s)] = 0
        if countPaths { sigma[Int(s)] = 1 }
        while head < tail {
            let v = Int(order[head]); head += 1
            if v == Int(stopAt) { break }
            let lv = level[v]
            let next = lv + 1
            if countPaths {
                let sv = sigma[v]
                for i in off[v]..<off[v + 1] {
                    let w = Int(tgt[i])
                    var lw = level[w]
                    if lw < 0 { lw = next; level[w] = next; order[tail] = Int32(truncatingIfNeeded: w); tail += 1 }
                    if lw == next { sigma[w] += sv }
                }
            } else {
                for i in off[v]..<off[v + 1] {
                    let w = Int(tgt[i])
                    if level[w] < 0 { level[w] = next; order[tail] = Int32(truncatingIfNeeded: w); tail += 1 }
                }
            }
        }
        // After an early stop, `order[0..<reached]` also holds the discovered, unexpanded nodes
        // (so that reset clears them); the stop node's `sigma` is final.
        reached = tail
    }

    /// Dijkstra's algorithm with swift-collections' `Heap` (lazy deletion) over the out-arcs of
    /// `g` from `s`, arc weights as lengths (call ``reset()`` first). Shortest paths are counted
    /// as networkx counts them: an arc `v → w` is on a shortest path when `dist[v] + w == dist[w]`
    /// exactly.
    /// - Parameter stopAt: stop once this node is settled.
    /// - Complexity: O((n + m) log n).
    package func dijkstra(_ g: GraphView, from s: Int32, countPaths: Bool, stopAt: Int32 = -1) {
        let off = g.offsets, tgt = g.targets
        let wts = g.weights
        let level = self.level, dist = self.dist, sigma = self.sigma, order = self.order, touched = self.touched
        var settled = 0, tc = 0
        dist[Int(s)] = 0; sigma[Int(s)] = 1
        touched[0] = s; tc = 1
        heap.insert(HeapEntry(distance: 0, node: s))
        while let top = heap.popMin() {
            let v = Int(top.node)
            if level[v] >= 0 || top.distance > dist[v] { continue }
            level[v] = 1
            order[settled] = top.node; settled += 1
            if v == Int(stopAt) { break }
            let dv = top.distance, sv = sigma[v]
            for i in off[v]..<off[v + 1] {
                let w = Int(tgt[i])
                if level[w] >= 0 { continue }
                let nd = dv + (wts?[i] ?? 1)
                let dw = dist[w]
                if nd < dw {
                    if dw == .infinity { touched[tc] = Int32(truncatingIfNeeded: w); tc += 1 }
                    dist[w] = nd
                    if countPaths { sigma[w] = sv }
                    heap.insert(HeapEntry(distance: nd, node: Int32(truncatingIfNeeded: w)))
                } else if countPaths && nd == dw {
                    sigma[w] += sv
                }
            }
        }
        reached = settled
        touchedCount = tc
    }
}

/// A heap entry ordered by distance, then node id.
@usableFromInline
struct HeapEntry: Comparable, Sendable {
    @usableFromInline var distance: Double
    @usableFromInline var node: Int32
    @inlinable init(distance: Double, node: Int32) { self.distance = distance; self.node = node }
    @inlinable static func < (a: HeapEntry, b: HeapEntry) -> Bool {
        a.distance < b.distance || (a.distance == b.distance && a.node < b.node)
    }
}
