import GraphCore

/// Approximate betweenness with a guaranteed error bound, by the sampling algorithm of Riondato
/// and Kornaropoulos (2016, "Fast approximation of betweenness centrality through sampling",
/// Data Min. Knowl. Disc. 30): draw `r = ⌈(c/ε²)(⌊log₂(VD − 2)⌋ + 1 + ln(1/δ))⌉` ordered pairs
/// `(u, v)`, `u ≠ v`, uniformly (`c = 0.5`, `VD` an upper bound on the vertex diameter), sample one
/// shortest `u`–`v` path uniformly (backwards from `v`, predecessor `z` of `w` with probability
/// `σ(z)/σ(w)`) and add `1/r` to each of its inner nodes. With probability at least `1 − δ`,
/// every estimate is within `ε` of the betweenness normalized over ordered pairs,
/// `b(w) = Σ_{s≠w≠t} σ(s,t|w)/σ(s,t) / (n(n − 1))`.
///
/// Note the scale: `b` is networkx's normalized betweenness times `(n − 2)/n`. With
/// `normalized: false` the estimates (and the bound) are multiplied by `n(n − 1)`, halved for an
/// undirected graph, to compare with ``Betweenness`` `(normalized: false)`.
///
/// Vertex-diameter bound: for an undirected unweighted graph, per connected component
/// `min(2·ecc(x) + 1, size)` from one BFS at the component's highest-degree node `x`; otherwise the
/// size of the largest weak component. Sample `i` draws from `SplitMix64(seed:, stream: i)` and
/// counts are integers, so the result is identical for any thread count.
///
/// ```swift
/// let est = ApproximateBetweenness(epsilon: 0.01, delta: 0.1, seed: 7).scores(g)
/// est.metadata.errorBound   // 0.01
/// ```
/// - Complexity: O(r · (n + m)) worst case, r as above; about O(r·√m) unweighted on small-world graphs.
public struct ApproximateBetweenness: Sendable, Hashable {
    public var epsilon: Double
    public var delta: Double
    public var seed: UInt64
    public var normalized: Bool
    public var weighted: Bool
    public var threads: Int?
    /// The universal constant `c` of the sample size (0.5, as the paper's experiments).
    public static let c = 0.5

    public init(epsilon: Double = 0.01, delta: Double = 0.1, seed: UInt64 = 0, normalized: Bool = true,
                weighted: Bool = false, threads: Int? = nil) {
        self.epsilon = epsilon; self.delta = delta; self.seed = seed; self.normalized = normalized
        self.weighted = weighted; self.threads = threads
    }

    /// The number of samples for a vertex-diameter bound.
    public func sampleCount(vertexDiameter vd: Int) -> Int {
        let lg = Platform.floorLog2(max(1, vd - 2))
        let r = (Self.c / (epsilon * epsilon)) * (Double(lg) + 1 + Platform.ln(1 / delta))
        return max(1, Int(r.rounded(.up)))
    }

    /// - Throws: ``AlgorithmError`` when ε or δ is outside (0, 1).
    public func scores(_ g: CSRGraph) throws(AlgorithmError) -> NodeScores {
        guard epsilon > 0 && epsilon < 1 else { throw AlgorithmError("approx-betweenness: epsilon \(epsilon), expected a value in (0, 1)") }
        guard delta > 0 && delta < 1 else { throw AlgorithmError("approx-betweenness: delta \(delta), expected a value in (0, 1)") }
        let n = g.nodeCount
        let useW = weighted && g.isWeighted
        let vd = ApproximateBetweenness.vertexDiameterBound(g, weighted: useW)
        let r = sampleCount(vertexDiameter: vd)
        var counts = [Int](repeating: 0, count: n)
        if n >= 3 {
            let chunk = 64
            let workers = Parallel.workers(threads, work: (r + chunk - 1) / chunk)
            let buffer = UnsafeMutablePointer<Int>.allocate(capacity: workers * n)
            buffer.initialize(repeating: 0, count: workers * n)
            defer { buffer.deallocate() }
            let shared = SharedPointer(buffer)
            let seed = self.seed
            g.withView(useWeights: useW) { view in
                Parallel.run(workers: workers) { w in
                    let scratch = PathScratch(nodeCount: useW ? n : 0)
                    let sampler = useW ? nil : BidirectionalSampler(nodeCount: n)
                    let out = shared.base + w * n
                    var c = w
                    while c * chunk < r {
                        for i in (c * chunk)..<min(r, c * chunk + chunk) {
                            var rng = SplitMix64(seed: seed, stream: UInt64(i))
                            let u = rng.next(below: n)
                            var v = rng.next(below: n - 1)
                            if v >= u { v += 1 }
                            if let sampler {
                                sampler.sample(view, from: Int32(u), to: Int32(v), rng: &rng, counts: out)
                            } else {
                                ApproximateBetweenness.samplePath(view, from: Int32(u), to: Int32(v), weighted: true,
                                                                  scratch: scratch, rng: &rng, counts: out)
                            }
                        }
                        c += workers
                    }
                }
            }
            for w in 0..<workers { for v in 0..<n { counts[v] += buffer[w * n + v] } }
        }
        var scale = 1 / Double(r)
        var bound = epsilon
        if !normalized {
            let pairs = Double(n) * Double(n - 1) / (g.isDirected ? 1 : 2)
            scale *= pairs; bound *= pairs
        }
        return NodeScores(scores: counts.map { Double($0) * scale }, metadata: ScoreMetadata(
            measure: "approx-betweenness",
            parameters: ["epsilon": "\(epsilon)", "delta": "\(delta)", "samples": "\(r)",
                         "vertex_diameter_bound": "\(vd)", "weighted": "\(useW)"],
            normalized: normalized, errorBound: bound, seed: seed))
    }

    /// One sample: a search from `u` that stops at `v`, then a uniform shortest path back to `u`.
    static func samplePath(_ g: GraphView, from u: Int32, to v: Int32, weighted: Bool, scratch: PathScratch,
                           rng: inout SplitMix64, counts: UnsafeMutablePointer<Int>) {
        scratch.reset()
        if weighted { scratch.dijkstra(g, from: u, countPaths: true, stopAt: v) }
        else { scratch.bfs(g, from: u, countPaths: true, stopAt: v) }
        let level = scratch.level, sigma = scratch.sigma, dist = scratch.dist
        guard level[Int(v)] >= 0 && (!weighted || dist[Int(v)] < .infinity) else { return }
        let ioff = g.inOffsets, isrc = g.inSources, iw = g.inWeights
        var w = Int(v)
        while true {
            // Choose a predecessor z of w with probability σ(z)/σ(w).
            var x = rng.nextUnit() * sigma[w]
            var chosen = -1
            for a in ioff[w]..<ioff[w + 1] {
                let z = Int(isrc[a])
                let isPred = weighted
                    ? (z != w && level[z] >= 0 && dist[z] + (iw?[a] ?? 1) == dist[w])
                    : (level[z] >= 0 && level[z] == level[w] - 1)
                if isPred {
                    chosen = z
                    x -= sigma[z]
                    if x < 0 { break }
                }
            }
            if chosen < 0 || chosen == Int(u) { return }
            counts[chosen] += 1
            w = chosen
        }
    }

    /// An upper bound on the number of nodes on any shortest path (see the type's doc).
    /// - Complexity: O(n + m).
    static func vertexDiameterBound(_ g: CSRGraph, weighted: Bool) -> Int {
        let comps = Components.weak(g)
        if g.isDirected || weighted { return comps.largestSize }
        // Highest-degree node of each component.
        var best = [Int32](repeating: -1, count: comps.count)
        for v in 0..<g.nodeCount {
            let c = Int(comps.labels[v])
            if best[c] < 0 || g.outDegree(Int32(v)) > g.outDegree(best[c]) { best[c] = Int32(v) }
        }
        let scratch = PathScratch(nodeCount: g.nodeCount)
        var vd = 1
        g.withView(useWeights: false) { view in
            for c in 0..<comps.count {
                scratch.reset()
                scratch.bfs(view, from: best[c], countPaths: false)
                let ecc = Int(scratch.level[Int(scratch.order[scratch.reached - 1])])
                vd = max(vd, min(2 * ecc + 1, comps.sizes[c]))
            }
        }
        return vd
    }
}
