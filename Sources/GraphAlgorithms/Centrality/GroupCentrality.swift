import GraphCore
import HeapModule

/// Centrality of a node set taken as one unit (Everett and Borgatti 1999, "The centrality of
/// groups and classes", J. Math. Sociol. 23(3)): a partnership collective's participants as one
/// group. Each function throws ``AlgorithmError`` for an empty group or a node out of range.
public enum GroupCentrality {
    /// Group degree centrality: the number of non-members adjacent to a member, over `n − |C|`
    /// (networkx `group_degree_centrality`, `group_in_degree_centrality`,
    /// `group_out_degree_centrality`). For a directed graph `.out` counts successors (what networkx's
    /// `group_degree_centrality` does on a DiGraph), `.in` predecessors, `.total` either.
    /// - Complexity: O(n + Σ_{c∈C} deg(c)).
    public static func degree(_ g: CSRGraph, group: [Int32], mode: DegreeMode = .total) throws(AlgorithmError) -> Double {
        let inGroup = try mask(g, group)
        let size = inGroup.reduce(0) { $0 + ($1 ? 1 : 0) }
        guard g.nodeCount > size else { return 0 }
        var reached = [Bool](repeating: false, count: g.nodeCount)
        var count = 0
        for c in group {
            if mode != .in || !g.isDirected {
                for v in g.neighbors(of: c) where !inGroup[Int(v)] && !reached[Int(v)] { reached[Int(v)] = true; count += 1 }
            }
            if g.isDirected && mode != .out {
                for v in g.inNeighbors(of: c) where !inGroup[Int(v)] && !reached[Int(v)] { reached[Int(v)] = true; count += 1 }
            }
        }
        return Double(count) / Double(g.nodeCount - size)
    }

    /// Group closeness: `|V − C| / Σ_{v∉C} d(v, C)`, unreachable nodes adding 0, as networkx's
    /// `group_closeness_centrality` (for a directed graph, the distance from `v` to the group).
    /// With `weighted`, arc weights are lengths. 0 when no non-member reaches the group.
    /// - Complexity: O(n + m) unweighted, O((n + m) log n) weighted.
    public static func closeness(_ g: CSRGraph, group: [Int32], weighted: Bool = false) throws(AlgorithmError) -> Double {
        let inGroup = try mask(g, group)
        let n = g.nodeCount
        let useW = weighted && g.isWeighted
        // Search from the group over in-arcs: distances to the group.
        let off = g.inOffsets, src = g.inSources, wts = g.inWeights
        var dist = [Double](repeating: .infinity, count: n)
        if useW, let wts {
            var heap = Heap<HeapEntry>()
            var done = [Bool](repeating: false, count: n)
            for c in group { dist[Int(c)] = 0; heap.insert(HeapEntry(distance: 0, node: c)) }
            while let top = heap.popMin() {
                let v = Int(top.node)
                if done[v] || top.distance > dist[v] { continue }
                done[v] = true
                for a in off[v]..<off[v + 1] {
                    let w = Int(src[a]), nd = top.distance + wts[a]
                    if nd < dist[w] { dist[w] = nd; heap.insert(HeapEntry(distance: nd, node: Int32(w))) }
                }
            }
        } else {
            var queue: [Int32] = []
            for c in group where dist[Int(c)] != 0 { dist[Int(c)] = 0; queue.append(c) }
            var head = 0
            while head < queue.count {
                let v = Int(queue[head]); head += 1
                for a in off[v]..<off[v + 1] where dist[Int(src[a])] == .infinity {
                    dist[Int(src[a])] = dist[v] + 1; queue.append(src[a])
                }
            }
        }
        var total = 0.0, outside = 0
        for v in 0..<n where !inGroup[v] {
            outside += 1
            if dist[v] < .infinity { total += dist[v] }
        }
        return total > 0 ? Double(outside) / total : 0
    }

    /// Group betweenness: `Σ_{s,t ∉ C, s≠t} σ(s,t|C)/σ(s,t)`, the fraction of shortest paths between
    /// non-members that pass through at least one member (networkx `group_betweenness_centrality`,
    /// Puzis, Elovici and Dolev 2007). Normalized by `(n − |C|)(n − |C| − 1)`; unnormalized scores
    /// of an undirected graph are halved. Computed directly: for each source, the paths that avoid
    /// the group are counted on the shortest-path DAG, `σ(s,t|C) = σ(s,t) − σ_{avoid C}(s,t)`.
    /// Parallel over sources.
    /// - Complexity: O(n·m) unweighted, O(n·m·log n) weighted.
    public static func betweenness(_ g: CSRGraph, group: [Int32], normalized: Bool = true, weighted: Bool = false,
                                   threads: Int? = nil) throws(AlgorithmError) -> Double {
        let inGroup = try mask(g, group)
        let n = g.nodeCount
        let c = inGroup.reduce(0) { $0 + ($1 ? 1 : 0) }
        let useW = weighted && g.isWeighted
        let chunk = 8
        let workers = Parallel.workers(threads, work: (n + chunk - 1) / chunk)
        let scratches = (0..<workers).map { _ in PathScratch(nodeCount: n) }
        var total = 0.0
        inGroup.withUnsafeBufferPointer { mb in
            g.withView(useWeights: useW) { view in
                total = Parallel.sum(count: n, chunk: chunk, workers: workers) { w, range in
                    let sc = scratches[w]
                    var acc = 0.0
                    for s in range where !mb[s] {
                        sc.reset()
                        if useW { sc.dijkstra(view, from: Int32(s), countPaths: true) }
                        else { sc.bfs(view, from: Int32(s), countPaths: true) }
                        // coef[v] := number of shortest s–v paths avoiding the group.
                        sc.coef[s] = 1
                        for i in 1..<max(1, sc.reached) {
                            let t = Int(sc.order[i])
                            var avoid = 0.0
                            if !mb[t] {
                                for a in view.inOffsets[t]..<view.inOffsets[t + 1] {
                                    let z = Int(view.inSources[a])
                                    let pred = useW
                                        ? (z != t && sc.level[z] >= 0 && sc.dist[z] + (view.inWeights?[a] ?? 1) == sc.dist[t])
                                        : (sc.level[z] >= 0 && sc.level[z] == sc.level[t] - 1)
                                    if pred { avoid += sc.coef[z] }
                                }
                                acc += 1 - avoid / sc.sigma[t]
                            }
                            sc.coef[t] = avoid
                        }
                    }
                    return acc
                }
            }
        }
        if normalized {
            let k = Double(n - c)
            return k > 1 ? total / (k * (k - 1)) : 0
        }
        return g.isDirected ? total : total / 2
    }

    static func mask(_ g: CSRGraph, _ group: [Int32]) throws(AlgorithmError) -> [Bool] {
        guard !group.isEmpty else { throw AlgorithmError("group centrality: the group is empty, expected at least one node") }
        var m = [Bool](repeating: false, count: g.nodeCount)
        for v in group {
            guard v >= 0 && Int(v) < g.nodeCount else {
                throw AlgorithmError("group centrality: node \(v) is out of range, expected 0..<\(g.nodeCount)")
            }
            m[Int(v)] = true
        }
        return m
    }
}
