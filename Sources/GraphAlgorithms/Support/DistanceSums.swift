import GraphCore

/// For every node `v`, one search over the in-arcs (distances *to* `v`, as networkx's closeness
/// and harmonic centrality use for directed graphs) or the out-arcs, reduced to the number of
/// nodes reached, the sum of distances and the sum of reciprocal distances. Parallel over nodes
/// with per-worker scratch; each node's sums are computed by one worker, so the result does not
/// depend on the thread count.
enum DistanceSums {
    struct Result {
        var reached: [Int]
        var total: [Double]
        var harmonic: [Double]
    }

    /// - Complexity: O(n·m) unweighted, O(n·m·log n) weighted.
    static func compute(_ g: CSRGraph, weighted: Bool, incoming: Bool, threads: Int?) -> Result {
        let n = g.nodeCount
        var reached = [Int](repeating: 0, count: n)
        var total = [Double](repeating: 0, count: n)
        var harmonic = [Double](repeating: 0, count: n)
        let chunk = 16
        let workers = Parallel.workers(threads, work: (n + chunk - 1) / chunk)
        reached.withUnsafeMutableBufferPointer { rb in
        total.withUnsafeMutableBufferPointer { tb in
        harmonic.withUnsafeMutableBufferPointer { hb in
            let r = SharedPointer(rb.baseAddress ?? UnsafeMutablePointer(bitPattern: 8)!)
            let t = SharedPointer(tb.baseAddress ?? UnsafeMutablePointer(bitPattern: 8)!)
            let h = SharedPointer(hb.baseAddress ?? UnsafeMutablePointer(bitPattern: 8)!)
            g.withView(useWeights: weighted) { view0 in
                let view = incoming && g.isDirected ? view0.reversed : view0
                Parallel.run(workers: workers) { w in
                    let scratch = PathScratch(nodeCount: n)
                    var c = w
                    while c * chunk < n {
                        for s in (c * chunk)..<min(n, c * chunk + chunk) {
                            scratch.reset()
                            var sum = 0.0, inv = 0.0
                            if weighted {
                                scratch.dijkstra(view, from: Int32(s), countPaths: false)
                                for i in 1..<max(1, scratch.reached) {
                                    let d = scratch.dist[Int(scratch.order[i])]
                                    sum += d
                                    if d > 0 { inv += 1 / d }
                                }
                            } else {
                                scratch.bfs(view, from: Int32(s), countPaths: false)
                                var d = 0, lvlCount = 0
                                // Levels are contiguous in BFS order: sum per level.
                                for i in 1..<max(1, scratch.reached) {
                                    let l = Int(scratch.level[Int(scratch.order[i])])
                                    if l != d {
                                        if lvlCount > 0 { sum += Double(d * lvlCount); inv += Double(lvlCount) / Double(d) }
                                        d = l; lvlCount = 0
                                    }
                                    lvlCount += 1
                                }
                                if lvlCount > 0 && d > 0 { sum += Double(d * lvlCount); inv += Double(lvlCount) / Double(d) }
                            }
                            r[s] = scratch.reached
                            t[s] = sum
                            h[s] = inv
                        }
                        c += workers
                    }
                }
            }
        }}}
        return Result(reached: reached, total: total, harmonic: harmonic)
    }
}
