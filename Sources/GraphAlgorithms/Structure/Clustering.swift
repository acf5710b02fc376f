import GraphCore

/// Triangles and clustering coefficients, as networkx (`triangles`, `clustering`,
/// `average_clustering`, `transitivity`). Self-loops and repeated arcs are ignored.
///
/// - undirected, unweighted: `c(v) = 2T(v) / (k(k − 1))` (Watts and Strogatz 1998);
/// - undirected, weighted: the geometric mean of the triangle's weights, each divided by the
///   largest weight of the graph (Onnela et al. 2005): `c(v) = Σ (ŵ_vj ŵ_jk ŵ_kv)^{1/3} / (k(k − 1)/2)`;
/// - directed (Fagiolo 2007): `c(v) = T_D(v) / (2[k_tot(k_tot − 1) − 2k_↔])`, `T_D` the directed
///   triangles through `v` counted as networkx does, `k_↔` the reciprocated neighbours. Weights
///   are not used for directed graphs (networkx's weighted directed variant is not implemented).
public enum Clustering {
    /// Local clustering of every node.
    /// - Complexity: O(Σ_v Σ_{j∈N(v)} deg(j)).
    public static func local(_ g: CSRGraph, weighted: Bool = false) -> NodeScores {
        let n = g.nodeCount
        var out = [Double](repeating: 0, count: n)
        let params = ["weighted": "\(weighted && g.isWeighted)"]
        if g.isDirected {
            let s = simpleNeighbors(g, rowsOf: g.offsets, g.targets)
            let p = simpleNeighbors(g, rowsOf: g.inOffsets, g.inSources)
            var markIn = [Int32](repeating: 0, count: n), markOut = [Int32](repeating: 0, count: n)
            for i in 0..<n {
                for j in p[i] { markIn[Int(j)] = 1 }
                for j in s[i] { markOut[Int(j)] = 1 }
                var t = 0, bi = 0
                for j in s[i] where markIn[Int(j)] != 0 { bi += 1 }
                for list in [p[i], s[i]] {
                    for j in list {
                        for k in p[Int(j)] { t += Int(markIn[Int(k)] + markOut[Int(k)]) }
                        for k in s[Int(j)] { t += Int(markIn[Int(k)] + markOut[Int(k)]) }
                    }
                }
                let dt = p[i].count + s[i].count
                let denom = (dt * (dt - 1) - 2 * bi) * 2
                out[i] = t == 0 ? 0 : Double(t) / Double(denom)
                for j in p[i] { markIn[Int(j)] = 0 }
                for j in s[i] { markOut[Int(j)] = 0 }
            }
            return NodeScores(scores: out, metadata: ScoreMetadata(measure: "clustering", parameters: params, normalized: true))
        }
        let nb = simpleNeighbors(g, rowsOf: g.offsets, g.targets)
        if weighted, let w = g.weights {
            let maxW = w.max() ?? 1
            // Normalized weight of each (v, neighbour) pair, parallel to nb.
            var mark = [Double](repeating: -1, count: n)
            var nw = [[Double]]()
            nw.reserveCapacity(n)
            for v in 0..<n {
                var row = [Double]()
                row.reserveCapacity(nb[v].count)
                var k = g.offsets[v]
                for x in nb[v] {
                    while g.targets[k] != x { k += 1 }
                    row.append(w[k] / maxW)
                }
                nw.append(row)
            }
            for i in 0..<n {
                for (a, j) in nb[i].enumerated() { mark[Int(j)] = nw[i][a] }
                var t = 0.0
                for (a, j) in nb[i].enumerated() {
                    let wij = nw[i][a]
                    for (b, k) in nb[Int(j)].enumerated() where k > j && mark[Int(k)] >= 0 {
                        t += Platform.cubeRoot(wij * nw[Int(j)][b] * mark[Int(k)])
                    }
                }
                let d = nb[i].count
                out[i] = t == 0 ? 0 : 2 * t / Double(d * (d - 1))
                for j in nb[i] { mark[Int(j)] = -1 }
            }
            return NodeScores(scores: out, metadata: ScoreMetadata(measure: "clustering", parameters: params, normalized: true))
        }
        let t = triangleCounts(nb, n: n)
        for v in 0..<n {
            let d = nb[v].count
            out[v] = t[v] == 0 ? 0 : 2 * Double(t[v]) / Double(d * (d - 1))
        }
        return NodeScores(scores: out, metadata: ScoreMetadata(measure: "clustering", parameters: params, normalized: true))
    }

    /// The mean local clustering over all nodes (networkx `average_clustering`, zeros included).
    public static func average(_ g: CSRGraph, weighted: Bool = false) -> Double {
        let c = local(g, weighted: weighted).scores
        return c.isEmpty ? 0 : c.reduce(0, +) / Double(c.count)
    }

    /// Triangles through each node of the undirected graph (arc directions ignored).
    /// - Complexity: O(m · d_max).
    public static func triangles(_ g: CSRGraph) -> [Int] {
        let u = g.isDirected ? g.symmetrized() : g
        return triangleCounts(simpleNeighbors(u, rowsOf: u.offsets, u.targets), n: u.nodeCount)
    }

    /// Transitivity: `3 × triangles / connected triples` of the undirected graph (arc directions
    /// ignored), 0 without triangles.
    public static func transitivity(_ g: CSRGraph) -> Double {
        let u = g.isDirected ? g.symmetrized() : g
        let nb = simpleNeighbors(u, rowsOf: u.offsets, u.targets)
        let t = triangleCounts(nb, n: u.nodeCount)
        var tri = 0, triples = 0
        for v in 0..<u.nodeCount { tri += 2 * t[v]; triples += nb[v].count * (nb[v].count - 1) }
        return tri == 0 ? 0 : Double(tri) / Double(triples)
    }

    /// Sorted distinct neighbours without the node itself.
    static func simpleNeighbors(_ g: CSRGraph, rowsOf off: [Int], _ idx: [Int32]) -> [[Int32]] {
        (0..<g.nodeCount).map { v in
            var row = [Int32]()
            row.reserveCapacity(off[v + 1] - off[v])
            for i in off[v]..<off[v + 1] where Int(idx[i]) != v && row.last != idx[i] { row.append(idx[i]) }
            return row
        }
    }

    /// Triangles per node by marking each node's neighbours.
    static func triangleCounts(_ nb: [[Int32]], n: Int) -> [Int] {
        var mark = [Bool](repeating: false, count: n)
        var t = [Int](repeating: 0, count: n)
        for v in 0..<n {
            for j in nb[v] { mark[Int(j)] = true }
            var c = 0
            for j in nb[v] { for k in nb[Int(j)] where k > j && mark[Int(k)] { c += 1 } }
            t[v] = c
            for j in nb[v] { mark[Int(j)] = false }
        }
        return t
    }
}
