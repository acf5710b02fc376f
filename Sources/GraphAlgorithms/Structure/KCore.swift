import GraphCore

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
}
