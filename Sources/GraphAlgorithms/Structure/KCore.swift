import GraphCore
internal import CPrefetch

/// Core numbers: the largest `k` such that a node belongs to a subgraph where every node has
/// degree at least `k`, by the bucket algorithm of Batagelj and Zaversnik (2003, "An O(m)
/// algorithm for cores decomposition of networks"), as networkx's `core_number`. For a directed
/// graph the degree is in + out (a mutual pair counts twice), as networkx. Self-loops are ignored
/// (networkx rejects them).
///
/// ```swift
/// let core = KCore.coreNumbers(g)
/// core.scores.max()   // degeneracy
/// ```
/// - Complexity: O(n + m).
public enum KCore {
    public static func coreNumbers(_ g: CSRGraph) -> NodeScores {
        let n = g.nodeCount
        // Int32 arrays behind raw pointers: the five random reads per arc of the bucket moves
        // touch half the memory of Int arrays, and no bounds or exclusivity checks.
        var deg = [Int32](repeating: 0, count: n)
        var pos = [Int32](repeating: 0, count: n), vert = [Int32](repeating: 0, count: n)
        var maxDeg = 0
        g.offsets.withUnsafeBufferPointer { off in
        g.targets.withUnsafeBufferPointer { tgt in
        g.inOffsets.withUnsafeBufferPointer { ioff in
        g.inSources.withUnsafeBufferPointer { isrc in
        deg.withUnsafeMutableBufferPointer { deg in
        pos.withUnsafeMutableBufferPointer { pos in
        vert.withUnsafeMutableBufferPointer { vert in
            let directed = g.isDirected
            for v in 0..<n {
                var d = 0
                for i in off[v]..<off[v + 1] where Int(tgt[i]) != v { d += 1 }
                if directed { for i in ioff[v]..<ioff[v + 1] where Int(isrc[i]) != v { d += 1 } }
                deg[v] = Int32(d)
                maxDeg = max(maxDeg, d)
            }
            // Peeling level by level (as parallel k-core codes do, Kabir and Madduri 2017): at
            // level k, a sequential scan collects the nodes of remaining degree k, and removing
            // one lowers its remaining neighbours, which join the level when they reach k. One
            // random read per arc and no bucket moves; the scans cost n per distinct core value,
            // so past 4(n + m) of scanning the bucket algorithm takes over (deep cores).
            if peel(n: n, off: off, tgt: tgt, ioff: ioff, isrc: isrc, directed: directed, deg: deg, pos: pos, vert: vert) {
                return
            }
            var bin = [Int32](repeating: 0, count: maxDeg + 2)
            bin.withUnsafeMutableBufferPointer { bin in
                for v in 0..<n { bin[Int(deg[v])] += 1 }
                var start: Int32 = 0
                for d in 0...maxDeg { let c = bin[d]; bin[d] = start; start += c }
                for v in 0..<n { let d = Int(deg[v]); pos[v] = bin[d]; vert[Int(bin[d])] = Int32(v); bin[d] += 1 }
                for d in stride(from: maxDeg, to: 0, by: -1) { bin[d] = bin[d - 1] }
                bin[0] = 0
                @inline(__always) func lower(_ u: Int, below dv: Int32) {
                    let du = deg[u]
                    guard du > dv else { return }
                    let pu = Int(pos[u]), pw = Int(bin[Int(du)]), w = Int(vert[pw])
                    if u != w { vert[pu] = Int32(w); pos[w] = Int32(pu); vert[pw] = Int32(u); pos[u] = Int32(pw) }
                    bin[Int(du)] += 1
                    deg[u] = du - 1
                }
                for i in 0..<n {
                    let v = Int(vert[i])
                    let dv = deg[v]
                    for k in off[v]..<off[v + 1] where Int(tgt[k]) != v { lower(Int(tgt[k]), below: dv) }
                    if directed {
                        for k in ioff[v]..<ioff[v + 1] where Int(isrc[k]) != v { lower(Int(isrc[k]), below: dv) }
                    }
                }
            }
        }}}}}}}
        return NodeScores(scores: deg.map(Double.init), metadata: ScoreMetadata(measure: "core"))
    }

    /// Level-by-level peeling: `deg` holds the degrees in and the core numbers out; `pos` and
    /// `vert` are scratch. Returns false, with `deg` unchanged, when the scans would pass
    /// 4(n + m) (many distinct core values): the caller then runs the bucket algorithm.
    static func peel(n: Int, off: UnsafeBufferPointer<Int>, tgt: UnsafeBufferPointer<Int32>,
                     ioff: UnsafeBufferPointer<Int>, isrc: UnsafeBufferPointer<Int32>, directed: Bool,
                     deg: UnsafeMutableBufferPointer<Int32>, pos remaining: UnsafeMutableBufferPointer<Int32>,
                     vert level: UnsafeMutableBufferPointer<Int32>) -> Bool {
        let arcs = off[n] + (directed ? ioff[n] : 0)
        let budget = 4 * (n + arcs)
        // remaining[v] ≥ 0: degree among the nodes not yet removed; −(core + 1) once removed.
        for v in 0..<n { remaining[v] = deg[v] }
        var removed = 0, scanned = 0
        var k: Int32 = 0
        while removed < n {
            scanned += n
            if scanned > budget { return false }
            // One scan: the smallest remaining degree (never below the last level) and its nodes.
            var low = Int32.max, count = 0
            for v in 0..<n {
                let r = remaining[v]
                if r < 0 || r > low { continue }
                if r < low { low = r; count = 0 }
                level[count] = Int32(v); count += 1
            }
            k = max(k, low)
            var i = 0
            let rem = UnsafeMutableRawPointer(remaining.baseAddress!)
            while i < count {
                if i &+ 4 < count {  // a later node's row, fetched ahead
                    let w = Int(level[i &+ 4])
                    interstice_prefetch(tgt.baseAddress! + off[w])
                }
                let v = Int(level[i]); i += 1
                remaining[v] = -(k + 1)
                removed += 1
                let hi = off[v + 1]
                for a in off[v]..<hi {
                    if a &+ 8 < hi { interstice_prefetch(rem + 4 &* Int(tgt[a &+ 8])) }
                    let u = Int(tgt[a]), r = remaining[u]
                    if r > k { remaining[u] = r - 1; if r - 1 == k { level[count] = Int32(u); count += 1 } }
                }
                if directed {
                    for a in ioff[v]..<ioff[v + 1] {
                        let u = Int(isrc[a]), r = remaining[u]
                        if r > k { remaining[u] = r - 1; if r - 1 == k { level[count] = Int32(u); count += 1 } }
                    }
                }
            }
        }
        for v in 0..<n { deg[v] = -remaining[v] - 1 }
        return true
    }
}
