import GraphCore
internal import CPrefetch

/// Fast local moving (Traag, Waltman and van Eck 2019): nodes are taken from a queue (all of
/// them at first, in a seeded random order) and moved to the neighbouring community of largest
/// modularity gain, or to an empty community when every move loses; when a node moves, its
/// neighbours outside its new community are queued again. Ties go to the smallest community id.
/// Used by ``Louvain`` and ``Leiden``.
enum LocalMoving {
    /// Moves nodes to their best community (or an empty one) from a queue, re-queueing the
    /// neighbours outside the new community of every node that moved.
    /// Returns true when a node moved.
    /// - Complexity: O(m) per sweep of the queue.
    @discardableResult
    static func run(_ cg: CommunityGraph, _ labels: inout [Int32], resolution: Double, rng: inout SplitMix64) -> Bool {
        let n = cg.n, m2 = cg.total
        guard m2 > 0 else { return false }
        var moved = false
        var tot = [Double](repeating: 0, count: n), size = [Int32](repeating: 0, count: n)
        for v in 0..<n { tot[Int(labels[v])] += cg.strength[v]; size[Int(labels[v])] += 1 }
        var empty: [Int32] = (0..<Int32(n)).filter { size[Int($0)] == 0 }.reversed()
        var queue = shuffledOrder(n, &rng)
        var inQueue = [Bool](repeating: true, count: n)
        var head = 0
        var neighW = [Double](repeating: -1, count: n)
        var touched: [Int32] = []
        // Each pop after the first sweep follows a strict modularity gain; the cap only guards
        // against pathological inputs.
        var pops = 0
        let maxPops = 1000 * n + 1000
        // Raw buffers in the loop (no bounds or uniqueness checks); the labels of a row's
        // targets are requested a few arcs ahead, since on a large graph each is a DRAM read.
        cg.offsets.withUnsafeBufferPointer { off in
        cg.targets.withUnsafeBufferPointer { tgt in
        cg.weights.withUnsafeBufferPointer { wts in
        cg.strength.withUnsafeBufferPointer { strength in
        labels.withUnsafeMutableBufferPointer { lab in
        tot.withUnsafeMutableBufferPointer { tot in
        size.withUnsafeMutableBufferPointer { size in
        inQueue.withUnsafeMutableBufferPointer { inQueue in
        neighW.withUnsafeMutableBufferPointer { neighW in
            let labBase = lab.baseAddress!
            while head < queue.count && pops < maxPops {
                pops += 1
                let v = Int(queue[head]); head += 1
                inQueue[v] = false
                if head > 4 * n && head > 1024 { queue.removeFirst(head); head = 0 }
                if head + 2 < queue.count {  // the next node's row
                    interstice_prefetch(off.baseAddress! + Int(queue[head + 2]))
                }
                let own = Int(lab[v]), kv = strength[v]
                neighW[own] = 0; touched.append(Int32(own))
                let lo = off[v], hi = off[v + 1]
                for i in lo..<hi {
                    if i + 8 < hi { interstice_prefetch(labBase + Int(tgt[i + 8])) }
                    let c = Int(lab[Int(tgt[i])])
                    if neighW[c] < 0 { neighW[c] = 0; touched.append(Int32(c)) }
                    neighW[c] += wts[i]
                }
                tot[own] -= kv; size[own] -= 1
                let base = neighW[own] - resolution * tot[own] * kv / m2
                // A move must beat staying by more than rounding noise, so that floating-point
                // ties cannot make nodes move back and forth forever.
                let threshold = base + 1e-12 * max(1, kv)
                var best = own, bestGain = base
                for c32 in touched {
                    let c = Int(c32)
                    let q = neighW[c] - resolution * tot[c] * kv / m2
                    if q > threshold && (q > bestGain || (q == bestGain && c < best)) { best = c; bestGain = q }
                }
                // An empty community gains 0.
                if bestGain < -1e-12 * max(1, kv) && size[own] > 0, let e = empty.last { best = Int(e); bestGain = 0 }
                if best == Int(empty.last ?? -1) { empty.removeLast() }
                tot[best] += kv; size[best] += 1
                if best != own {
                    moved = true
                    lab[v] = Int32(best)
                    if size[own] == 0 { empty.append(Int32(own)) }
                    for i in lo..<hi {
                        let w = Int(tgt[i])
                        if !inQueue[w] && Int(lab[w]) != best { inQueue[w] = true; queue.append(Int32(w)) }
                    }
                }
                for c in touched { neighW[Int(c)] = -1 }
                touched.removeAll(keepingCapacity: true)
            }
        }}}}}}}}}
        return moved
    }
}
