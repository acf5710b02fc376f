import GraphCore

/// The single-source step of Brandes' algorithm (2001, "A faster algorithm for betweenness
/// centrality", J. Math. Sociol. 25(2)), shared by node and edge betweenness.
///
/// After a BFS or Dijkstra from `s`, dependencies are accumulated in reverse settle order by
/// pulling from successors (`v → w` with `dist[w] = dist[v] + len(v, w)`), so no predecessor lists
/// are stored: with `coef[w] = (1 + δ(w)) / σ(w)`, `δ(v) = σ(v) · Σ_w coef[w]`. Each worker owns its
/// scratch and its output arrays.
enum Brandes {
    /// Adds the dependencies of source `s` to `node` (per node, networkx's accumulation with or
    /// without endpoints) and, when given, to `arc` (per stored arc).
    /// - Complexity: O(m) unweighted, O(m log n) weighted.
    @inline(__always)
    static func accumulate(_ g: GraphView, source s: Int32, scratch: PathScratch, weighted: Bool,
                           endpoints: Bool, node: UnsafeMutablePointer<Double>?,
                           arc: UnsafeMutablePointer<Double>?) {
        scratch.reset()
        if weighted {
            scratch.dijkstra(g, from: s, countPaths: true)
        } else {
            scratch.bfs(g, from: s, countPaths: true)
        }
        let off = g.offsets, tgt = g.targets, wts = g.weights
        let order = scratch.order, level = scratch.level, sigma = scratch.sigma
        let coef = scratch.coef, dist = scratch.dist
        let reached = scratch.reached
        if endpoints, let node { node[Int(s)] += Double(reached - 1) }
        var i = reached - 1
        while i >= 0 {
            let v = Int(order[i])
            let sv = sigma[v]
            var acc = 0.0
            if weighted {
                let dv = dist[v]
                for a in off[v]..<off[v + 1] {
                    let w = Int(tgt[a])
                    if w != v && level[w] >= 0 && dv + (wts?[a] ?? 1) == dist[w] {
                        let c = coef[w]
                        acc += c
                        if let arc { arc[a] += sv * c }
                    }
                }
            } else if let arc {
                let next = level[v] + 1
                for a in off[v]..<off[v + 1] {
                    let w = Int(tgt[a])
                    if level[w] == next {
                        let c = coef[w]
                        acc += c
                        arc[a] += sv * c
                    }
                }
            } else {
                // The hot loop of node betweenness: one level test and one load per arc.
                let next = level[v] + 1
                for a in off[v]..<off[v + 1] {
                    let w = Int(tgt[a])
                    if level[w] == next { acc += coef[w] }
                }
            }
            coef[v] = 1 / sv + acc
            if v != Int(s), let node { node[v] += sv * acc + (endpoints ? 1 : 0) }
            i -= 1
        }
    }

    /// The number of accumulation lanes for a result of `width` entries: 8, fewer when eight
    /// copies would pass 256 MiB. It depends on the graph only, never on the thread count.
    static func lanes(width: Int) -> Int {
        max(1, min(8, (256 << 20) / max(1, width * MemoryLayout<Double>.stride)))
    }

    /// Runs ``accumulate`` from every source in parallel and returns the sum.
    ///
    /// The result is the same bit for bit for any number of threads: sources are cut into fixed
    /// chunks, chunk `c` always adds into lane `c % L` (``lanes(width:)``), each lane is filled by
    /// one worker in chunk order, and the lanes are added in lane order. Workers take whole lanes
    /// (worker `w` of `W` owns lanes `w, w + W, …`), so at most `L` threads are used.
    /// - Parameter width: n for node scores, the arc count for arc scores.
    /// - Parameter sources: the sources to run from (nil: every node).
    /// - Complexity: O(L · width) extra memory.
    static func allSources(_ g: CSRGraph, weighted: Bool, endpoints: Bool, perArc: Bool, threads: Int?,
                           sources: [Int32]? = nil) -> [Double] {
        let n = g.nodeCount
        let count = sources?.count ?? n
        let width = perArc ? g.arcCount : n
        let chunk = 8
        let chunks = (count + chunk - 1) / chunk
        let laneCount = min(lanes(width: width), max(1, chunks))
        let workers = Parallel.workers(threads, work: laneCount)
        let buffer = UnsafeMutablePointer<Double>.allocate(capacity: max(1, laneCount * width))
        buffer.initialize(repeating: 0, count: max(1, laneCount * width))
        defer { buffer.deallocate() }
        let shared = SharedPointer(buffer)
        g.withView(useWeights: weighted) { view in
            Parallel.run(workers: workers) { w in
                let scratch = PathScratch(nodeCount: n)
                var lane = w
                while lane < laneCount {
                    let out = shared.base + lane * width
                    var c = lane
                    while c < chunks {
                        for i in (c * chunk)..<min(count, c * chunk + chunk) {
                            let s = sources?[i] ?? Int32(i)
                            accumulate(view, source: s, scratch: scratch, weighted: weighted, endpoints: endpoints,
                                       node: perArc ? nil : out, arc: perArc ? out : nil)
                        }
                        c += laneCount
                    }
                    lane += workers
                }
            }
        }
        var result = [Double](repeating: 0, count: width)
        result.withUnsafeMutableBufferPointer { r in
            for l in 0..<laneCount {
                let part = buffer + l * width
                for i in 0..<width { r[i] += part[i] }
            }
        }
        return result
    }
}
