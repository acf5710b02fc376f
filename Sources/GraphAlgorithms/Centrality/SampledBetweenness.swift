import GraphCore

/// Betweenness estimated from a sample of `k` source nodes (Brandes and Pich 2007, "Centrality
/// estimation in large networks"), as networkx's `betweenness_centrality(G, k=…)`: Brandes'
/// accumulation from the sampled sources only, rescaled as networkx 3.6 does (without endpoints, a
/// sampled node is scaled by `1/((k − 1)(N − 1))` and any other by `1/(k(N − 1))` when normalized,
/// `N = n − 1`; by `N/((k − 1)·c)` and `N/(k·c)` otherwise, `c = 2` undirected, 1 directed; with
/// endpoints, one scale `1/(k(N − 1))` or `N/(k·c)`, `N = n`). No error guarantee: see
/// ``ApproximateBetweenness`` for one.
///
/// Sources are drawn without replacement from `SplitMix64(seed:)`, or given.
/// - Complexity: O(k·m) unweighted, O(k·m·log n) weighted.
public struct SampledBetweenness: Sendable, Hashable {
    public var sampleSize: Int
    public var seed: UInt64
    /// Explicit sources (then `sampleSize` and `seed` are ignored).
    public var sources: [Int32]?
    public var normalized: Bool
    public var endpoints: Bool
    public var weighted: Bool
    public var threads: Int?

    public init(sampleSize: Int = 256, seed: UInt64 = 0, sources: [Int32]? = nil, normalized: Bool = true,
                endpoints: Bool = false, weighted: Bool = false, threads: Int? = nil) {
        self.sampleSize = sampleSize; self.seed = seed; self.sources = sources; self.normalized = normalized
        self.endpoints = endpoints; self.weighted = weighted; self.threads = threads
    }

    /// - Throws: ``AlgorithmError`` for a source out of range, a repeated source or an empty sample.
    public func scores(_ g: CSRGraph) throws(AlgorithmError) -> NodeScores {
        let n = g.nodeCount
        let useW = weighted && g.isWeighted
        var picked: [Int32]
        if let sources {
            picked = sources
            var seen = Set<Int32>()
            for s in sources {
                guard s >= 0 && Int(s) < n else { throw AlgorithmError("sampled betweenness: source \(s) out of range 0..<\(n)") }
                guard seen.insert(s).inserted else { throw AlgorithmError("sampled betweenness: source \(s) given twice") }
            }
        } else {
            var rng = SplitMix64(seed: seed, stream: 0)
            var all = (0..<Int32(n)).map { $0 }
            let k = min(sampleSize, n)
            for i in 0..<k { all.swapAt(i, i + rng.next(below: n - i)) }
            picked = Array(all[0..<k])
        }
        let k = picked.count
        guard k > 0 else { throw AlgorithmError("sampled betweenness: no source, expected at least one") }
        var bc = Brandes.allSources(g, weighted: useW, endpoints: endpoints, perArc: false, threads: threads, sources: picked)
        let N = Double(endpoints ? n : n - 1), K = Double(k), corr = g.isDirected ? 1.0 : 2.0
        if N >= 2 {
            if endpoints {
                let s = normalized ? 1 / (K * (N - 1)) : N / (K * corr)
                for i in bc.indices { bc[i] *= s }
            } else {
                let src = k > 1 ? (normalized ? 1 / ((K - 1) * (N - 1)) : N / ((K - 1) * corr)) : .nan
                let other = normalized ? 1 / (K * (N - 1)) : N / (K * corr)
                var isSource = [Bool](repeating: false, count: n)
                for s in picked { isSource[Int(s)] = true }
                for i in bc.indices { bc[i] *= isSource[i] ? src : other }
            }
        }
        return NodeScores(scores: bc, metadata: ScoreMetadata(
            measure: "sampled-betweenness",
            parameters: ["k": "\(k)", "endpoints": "\(endpoints)", "weighted": "\(useW)",
                         "sources": sources == nil ? "sampled" : "given"],
            normalized: normalized, seed: sources == nil ? seed : nil))
    }
}
