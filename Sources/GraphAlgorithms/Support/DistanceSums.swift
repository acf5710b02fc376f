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
        if !weighted { return bitParallel(g, incoming: incoming, threads: threads) }
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

    /// Unweighted sums by multi-source BFS with 64 sources per word (Then et al. 2014, "The more
    /// the merrier: efficient multi-source graph traversal", PVLDB 8(4)): one pass over the arcs of
    /// each level serves 64 searches, so a batch costs O(diameter · (n + m) + 64 n) instead of
    /// O(64 (n + m)). Written by hand: no package offers it. Batches run in parallel, each source's
    /// sums are formed by one worker in a fixed order, so results do not depend on the thread count.
    static func bitParallel(_ g: CSRGraph, incoming: Bool, threads: Int?) -> Result {
        let n = g.nodeCount
        var reached = [Int](repeating: 1, count: n)
        var total = [Double](repeating: 0, count: n)
        var harmonic = [Double](repeating: 0, count: n)
        guard n > 0 else { return Result(reached: [], total: [], harmonic: []) }
        let batches = (n + 63) / 64
        let workers = Parallel.workers(threads, work: batches)
        reached.withUnsafeMutableBufferPointer { rb in
        total.withUnsafeMutableBufferPointer { tb in
        harmonic.withUnsafeMutableBufferPointer { hb in
            let r = SharedPointer(rb.baseAddress!), t = SharedPointer(tb.baseAddress!), h = SharedPointer(hb.baseAddress!)
            g.withView(useWeights: false) { view0 in
                let view = incoming && g.isDirected ? view0.reversed : view0
                let off = view.offsets, tgt = view.targets
                Parallel.run(workers: workers) { w in
                    let seen = UnsafeMutablePointer<UInt64>.allocate(capacity: n)
                    let frontier = UnsafeMutablePointer<UInt64>.allocate(capacity: n)
                    let next = UnsafeMutablePointer<UInt64>.allocate(capacity: n)
                    defer { seen.deallocate(); frontier.deallocate(); next.deallocate() }
                    var active = [Int32](), nextActive = [Int32]()
                    active.reserveCapacity(n); nextActive.reserveCapacity(n)
                    var b = w
                    while b < batches {
                        let lo = b * 64, hi = min(n, lo + 64)
                        seen.initialize(repeating: 0, count: n)
                        frontier.initialize(repeating: 0, count: n)
                        next.initialize(repeating: 0, count: n)
                        var sum = [Int](repeating: 0, count: 64), count = [Int](repeating: 1, count: 64)
                        var inv = [Double](repeating: 0, count: 64)
                        active.removeAll(keepingCapacity: true)
                        for s in lo..<hi {
                            let bit = UInt64(1) << UInt64(s - lo)
                            seen[s] |= bit; frontier[s] |= bit
                            active.append(Int32(s))
                        }
                        var level = 0
                        while !active.isEmpty {
                            level += 1
                            let reciprocal = 1 / Double(level)
                            nextActive.removeAll(keepingCapacity: true)
                            for v32 in active {
                                let v = Int(v32)
                                let f = frontier[v]
                                for a in off[v]..<off[v + 1] {
                                    let x = Int(tgt[a])
                                    let add = f & ~seen[x]
                                    if add != 0 {
                                        if next[x] == 0 { nextActive.append(Int32(truncatingIfNeeded: x)) }
                                        next[x] |= add
                                    }
                                }
                            }
                            for v32 in active { frontier[Int(v32)] = 0 }
                            for x32 in nextActive {
                                let x = Int(x32)
                                let nw = next[x]
                                next[x] = 0
                                seen[x] |= nw
                                frontier[x] = nw
                                var bits = nw
                                while bits != 0 {
                                    let i = bits.trailingZeroBitCount
                                    sum[i] += level; count[i] += 1; inv[i] += reciprocal
                                    bits &= bits &- 1
                                }
                            }
                            swap(&active, &nextActive)
                        }
                        for s in lo..<hi {
                            r[s] = count[s - lo]; t[s] = Double(sum[s - lo]); h[s] = inv[s - lo]
                        }
                        b += workers
                    }
                }
            }
        }}}
        return Result(reached: reached, total: total, harmonic: harmonic)
    }
}
