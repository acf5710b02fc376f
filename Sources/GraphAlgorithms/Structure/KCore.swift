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
        var deg = [Int](repeating: 0, count: n)
        for v in 0..<n {
            var d = 0
            for i in g.offsets[v]..<g.offsets[v + 1] where Int(g.targets[i]) != v { d += 1 }
            if g.isDirected { for i in g.inOffsets[v]..<g.inOffsets[v + 1] where Int(g.inSources[i]) != v { d += 1 } }
            deg[v] = d
        }
        let maxDeg = deg.max() ?? 0
        var bin = [Int](repeating: 0, count: maxDeg + 2)
        for d in deg { bin[d] += 1 }
        var start = 0
        for d in 0...maxDeg { let c = bin[d]; bin[d] = start; start += c }
        var pos = [Int](repeating: 0, count: n), vert = [Int32](repeating: 0, count: n)
        for v in 0..<n { pos[v] = bin[deg[v]]; vert[pos[v]] = Int32(v); bin[deg[v]] += 1 }
        for d in stride(from: maxDeg, to: 0, by: -1) { bin[d] = bin[d - 1] }
        if maxDeg >= 0 && !bin.isEmpty { bin[0] = 0 }
        func lower(_ u: Int, below dv: Int) {
            guard deg[u] > dv else { return }
            let du = deg[u], pu = pos[u], pw = bin[du], w = Int(vert[pw])
            if u != w { vert[pu] = Int32(w); pos[w] = pu; vert[pw] = Int32(u); pos[u] = pw }
            bin[du] += 1
            deg[u] -= 1
        }
        for i in 0..<n {
            let v = Int(vert[i])
            let dv = deg[v]
            for k in g.offsets[v]..<g.offsets[v + 1] where Int(g.targets[k]) != v { lower(Int(g.targets[k]), below: dv) }
            if g.isDirected {
                for k in g.inOffsets[v]..<g.inOffsets[v + 1] where Int(g.inSources[k]) != v { lower(Int(g.inSources[k]), below: dv) }
            }
        }
        return NodeScores(scores: deg.map(Double.init), metadata: ScoreMetadata(measure: "core"))
    }
}
