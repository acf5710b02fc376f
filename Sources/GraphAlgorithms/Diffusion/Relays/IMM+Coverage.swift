/// Greedy maximum coverage of RR sets, IMM's `NodeSelection` (Tang, Shi and Xiao 2015,
/// Algorithm 1): `k` times, take the candidate in the most uncovered sets (ties: the smaller
/// index) and mark its sets covered. Greedy max coverage is a (1 − 1/e) approximation of the best
/// coverage (Nemhauser, Wolsey and Fisher 1978).
struct CoverageSelection {
    /// The chosen nodes, in order.
    let seeds: [Int32]
    /// Live sets newly covered by each choice.
    let newlyCovered: [Int]
    /// Live sets covered by all choices.
    let covered: Int

    /// - Parameters:
    ///   - candidates: the nodes that may be chosen, ascending; every node stored in `sets` is one.
    /// - Complexity: O(n + stored nodes) to index the sets by node, O(k · candidates) for the
    ///   choices, O(stored nodes) for the updates over all rounds.
    static func greedy(_ sets: RRSets, n: Int, k: Int, candidates: [Int32]) -> CoverageSelection {
        let live = sets.liveCount
        // count[v]: uncovered sets containing v; then the sets of each node (CSR by node).
        var count = [Int](repeating: 0, count: n + 1)
        for v in sets.nodes { count[Int(v)] += 1 }
        var start = [Int](repeating: 0, count: n + 1)
        for v in 0..<n { start[v + 1] = start[v] + count[v] }
        var setsOf = [Int32](repeating: 0, count: sets.nodes.count)
        var fill = Array(start[0..<n])
        sets.offsets.withUnsafeBufferPointer { off in
            sets.nodes.withUnsafeBufferPointer { nodes in
                for s in 0..<live {
                    for i in off[s]..<off[s + 1] {
                        let v = Int(nodes[i])
                        setsOf[fill[v]] = Int32(s)
                        fill[v] += 1
                    }
                }
            }
        }
        var covered = [Bool](repeating: false, count: live)
        var chosen: [Int32] = []
        var newly: [Int] = []
        var taken = [Bool](repeating: false, count: n)
        var total = 0
        for _ in 0..<min(k, candidates.count) {
            var best = -1, bestCount = -1
            for c in candidates where !taken[Int(c)] && count[Int(c)] > bestCount {
                best = Int(c); bestCount = count[Int(c)]
            }
            guard best >= 0 else { break }
            taken[best] = true
            chosen.append(Int32(best))
            var gained = 0
            sets.offsets.withUnsafeBufferPointer { off in
                sets.nodes.withUnsafeBufferPointer { nodes in
                    for j in start[best]..<start[best + 1] {
                        let s = Int(setsOf[j])
                        if covered[s] { continue }
                        covered[s] = true
                        gained += 1
                        for i in off[s]..<off[s + 1] { count[Int(nodes[i])] -= 1 }
                    }
                }
            }
            newly.append(gained)
            total += gained
        }
        return CoverageSelection(seeds: chosen, newlyCovered: newly, covered: total)
    }
}
