import GraphCore

/// Uniform sampling of one shortest `u → v` path by balanced bidirectional BFS, the idea of
/// KADABRA (Borassi and Natale 2016, "KADABRA is an ADaptive Algorithm for Betweenness via Random
/// Approximation"): grow whichever of the two searches (from `u` over out-arcs, from `v` over
/// in-arcs) has the lighter frontier by one full level until they touch. When side X completes
/// level `L_X + 1` and meets side Y (complete to `L_Y`), `d(u, v) = L_X + 1 + L_Y`, the meeting set
/// `M` is the new level's nodes seen by Y, and `σ(u, v) = Σ_{x∈M} σ_X(x) σ_Y(x)`. A path is drawn by
/// picking `x ∈ M` with probability `σ_X(x)σ_Y(x)/σ(u, v)` and walking back to `u` and to `v`,
/// choosing each predecessor `z` of `w` with probability `σ(z)/σ(w)`.
///
/// On graphs of small diameter each search touches about `√n` nodes instead of `n`.
struct BidirectionalSampler {
    let forward: PathScratch
    let backward: PathScratch

    init(nodeCount: Int) {
        forward = PathScratch(nodeCount: nodeCount)
        backward = PathScratch(nodeCount: nodeCount)
    }

    /// Adds 1 to `counts` for every inner node of one uniformly drawn shortest `u → v` path
    /// (nothing when `v` is unreachable).
    /// - Complexity: O(arcs of the nodes both searches settle).
    func sample(_ g: GraphView, from u: Int32, to v: Int32, rng: inout SplitMix64, counts: UnsafeMutablePointer<Int>) {
        forward.reset(); backward.reset()
        let fL = forward.level, fS = forward.sigma, fO = forward.order
        let bL = backward.level, bS = backward.sigma, bO = backward.order
        fL[Int(u)] = 0; fS[Int(u)] = 1; fO[0] = u
        bL[Int(v)] = 0; bS[Int(v)] = 1; bO[0] = v
        var fStart = 0, fEnd = 1, bStart = 0, bEnd = 1
        var fLevel: Int32 = 0, bLevel: Int32 = 0
        defer { forward.reached = fEnd; backward.reached = bEnd }
        // u == v never happens (the caller draws distinct nodes); an arc u → v ends at once below.
        var meetStart = 0, meetEnd = 0, meetForward = true
        func volume(_ order: UnsafeMutablePointer<Int32>, _ lo: Int, _ hi: Int, _ off: UnsafePointer<Int>) -> Int {
            var s = 0
            for i in lo..<hi { let x = Int(order[i]); s += off[x + 1] - off[x] }
            return s
        }
        while true {
            let expandForward = volume(fO, fStart, fEnd, g.offsets) <= volume(bO, bStart, bEnd, g.inOffsets)
            // Grow one side by a full level.
            let (L, S, O, off, tgt, otherL, otherLevel) = expandForward
                ? (fL, fS, fO, g.offsets, g.targets, bL, bLevel)
                : (bL, bS, bO, g.inOffsets, g.inSources, fL, fLevel)
            let lo = expandForward ? fStart : bStart, hi = expandForward ? fEnd : bEnd
            let next = (expandForward ? fLevel : bLevel) + 1
            var tail = hi
            for i in lo..<hi {
                let x = Int(O[i]), sx = S[x]
                for a in off[x]..<off[x + 1] {
                    let w = Int(tgt[a])
                    var lw = L[w]
                    if lw < 0 { lw = next; L[w] = next; O[tail] = Int32(truncatingIfNeeded: w); tail += 1 }
                    if lw == next { S[w] += sx }
                }
            }
            if tail == hi {   // this side is exhausted: v is unreachable from u
                if expandForward { fEnd = tail } else { bEnd = tail }
                return
            }
            // Did the new level touch the other search? (Only at its last level: see the type's doc.)
            var touched = false
            for i in hi..<tail where otherL[Int(O[i])] == otherLevel { touched = true; break }
            if expandForward { fStart = hi; fEnd = tail; fLevel = next } else { bStart = hi; bEnd = tail; bLevel = next }
            if touched { meetStart = hi; meetEnd = tail; meetForward = expandForward; break }
        }
        // Pick the meeting node.
        let MO = meetForward ? fO : bO, otherS = meetForward ? bS : fS, ownS = meetForward ? fS : bS
        let otherL = meetForward ? bL : fL, otherLevel = meetForward ? bLevel : fLevel
        var total = 0.0
        for i in meetStart..<meetEnd {
            let x = Int(MO[i])
            if otherL[x] == otherLevel { total += ownS[x] * otherS[x] }
        }
        var r = rng.nextUnit() * total
        var x = -1
        for i in meetStart..<meetEnd {
            let y = Int(MO[i])
            guard otherL[y] == otherLevel else { continue }
            x = y
            r -= ownS[y] * otherS[y]
            if r < 0 { break }
        }
        guard x >= 0 else { return }
        if x != Int(u) && x != Int(v) { counts[x] += 1 }
        // Back to u through the forward search (predecessors over in-arcs) …
        walk(from: x, to: Int(u), level: fL, sigma: fS, off: g.inOffsets, idx: g.inSources, rng: &rng, counts: counts)
        // … and on to v through the backward search (its predecessors are out-neighbours).
        walk(from: x, to: Int(v), level: bL, sigma: bS, off: g.offsets, idx: g.targets, rng: &rng, counts: counts)
    }

    private func walk(from start: Int, to end: Int, level: UnsafeMutablePointer<Int32>, sigma: UnsafeMutablePointer<Double>,
                      off: UnsafePointer<Int>, idx: UnsafePointer<Int32>, rng: inout SplitMix64,
                      counts: UnsafeMutablePointer<Int>) {
        var w = start
        while w != end {
            let want = level[w] - 1
            var r = rng.nextUnit() * sigma[w]
            var chosen = -1
            for a in off[w]..<off[w + 1] {
                let z = Int(idx[a])
                if level[z] == want && want >= 0 {
                    chosen = z
                    r -= sigma[z]
                    if r < 0 { break }
                }
            }
            guard chosen >= 0 else { return }
            if chosen != end { counts[chosen] += 1 }
            w = chosen
        }
    }
}
