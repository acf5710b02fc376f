import GraphCore

/// How many adopters had at least one alter who adopted strictly before them, against the
/// same count when adoption times are shuffled among the population (a permutation test of
/// contagion: Valente 1995 ch. 5; netdiffuseR's `struct_test` permutes the same way).
///
/// Under the null hypothesis the timing of adoption is unrelated to the network: who adopts
/// when is exchangeable among the nodes (within each stratum when strata are given, say towns,
/// so that a town adopting early as a whole does not count as contagion). The p-value is
/// one-sided, `(1 + #{k : count_k ≥ observed}) / (K + 1)`, the Monte Carlo p-value of a
/// permutation test (Davison and Hinkley 1997, ch. 4).
public struct ExposedAdopterTest: Sendable, Hashable {
    /// Adopters in the population (the share's denominator; permutations keep it).
    public let adopters: Int
    /// Adopters with at least one alter in the population.
    public let adoptersWithAlters: Int
    /// Adopters with an alter who adopted in an earlier period.
    public let exposed: Int
    /// Permutations done.
    public let permutations: Int
    /// The seed: permutation `k` used `SplitMix64(seed: seed, stream: k)`.
    public let seed: UInt64
    /// The exposed count of each permutation, in order (the null distribution).
    public let permutationCounts: [Int]

    /// `exposed / adopters`.
    public var share: Double { adopters > 0 ? Double(exposed) / Double(adopters) : .nan }

    /// Mean share over the permutations (NaN without permutations).
    /// - Complexity: O(permutations).
    public var permutationMean: Double {
        guard !permutationCounts.isEmpty, adopters > 0 else { return .nan }
        var s = 0
        for c in permutationCounts { s += c }
        return Double(s) / Double(permutationCounts.count) / Double(adopters)
    }

    /// Sample standard deviation of the share over the permutations.
    /// - Complexity: O(permutations).
    public var permutationStandardDeviation: Double {
        guard permutationCounts.count >= 2, adopters > 0 else { return .nan }
        let m = permutationMean
        var ss = 0.0
        for c in permutationCounts {
            let d = Double(c) / Double(adopters) - m
            ss += d * d
        }
        return (ss / Double(permutationCounts.count - 1)).squareRoot()
    }

    /// One-sided p-value for "more adopters were exposed than by chance" (NaN without
    /// permutations).
    /// - Complexity: O(permutations).
    public var pValue: Double {
        guard !permutationCounts.isEmpty else { return .nan }
        var atLeast = 0
        for c in permutationCounts where c >= exposed { atLeast += 1 }
        return Double(1 + atLeast) / Double(permutationCounts.count + 1)
    }

    /// Counts, then permutes.
    /// - Complexity: O(permutations · (n + m)) over the workers; O(n) scratch per worker.
    static func run(alters: ExposureAlters, adoption: AdoptionTimes, parameters p: ExposureParameters) -> ExposedAdopterTest {
        let n = adoption.nodeCount
        var withAlters = 0, adopters = 0
        for i in 0..<n where adoption.inPopulation[i] && adoption.times[i] != AdoptionTimes.never {
            adopters += 1
            if alters.offsets[i + 1] > alters.offsets[i] { withAlters += 1 }
        }
        let observed = alters.exposedCount(adoption.times, inPopulation: adoption.inPopulation)
        // The population in index order, split into strata (by label, -1 first); a permutation
        // shuffles the times within each stratum's positions.
        let population = (0..<n).filter { adoption.inPopulation[$0] }
        var strata: [[Int]] = []
        if let labels = p.strata {
            var byLabel: [Int32: [Int]] = [:]
            for (k, v) in population.enumerated() { byLabel[max(-1, labels[v]), default: []].append(k) }
            strata = byLabel.keys.sorted().map { byLabel[$0]! }
        } else {
            strata = [Array(population.indices)]
        }
        let values = population.map { adoption.times[$0] }
        let count = max(0, p.permutations)
        var counts = [Int](repeating: 0, count: count)
        let workers = Parallel.workers(p.threads, work: max(1, count / 16))
        counts.withUnsafeMutableBufferPointer { cb in
            let out = SharedPointer(cb.baseAddress ?? _emptyIntPointer)
            Parallel.forEachChunk(count: count, chunk: 16, workers: workers) { _, range in
                var shuffled = values
                var times = adoption.times
                for k in range {
                    var rng = SplitMix64(seed: p.seed, stream: UInt64(k))
                    shuffleWithinStrata(values, into: &shuffled, strata: strata, rng: &rng)
                    for (x, v) in population.enumerated() { times[v] = shuffled[x] }
                    out[k] = alters.exposedCount(times, inPopulation: adoption.inPopulation)
                }
            }
        }
        return ExposedAdopterTest(adopters: adopters, adoptersWithAlters: withAlters, exposed: observed,
                                  permutations: count, seed: p.seed, permutationCounts: counts)
    }
}

extension ExposureAlters {
    /// Population adopters with an alter whose time is smaller than theirs.
    /// - Complexity: O(n + m).
    func exposedCount(_ times: [Int], inPopulation: [Bool]) -> Int {
        var c = 0
        times.withUnsafeBufferPointer { t in
            offsets.withUnsafeBufferPointer { o in
                targets.withUnsafeBufferPointer { adj in
                    for i in 0..<(o.count - 1) where inPopulation[i] && t[i] != AdoptionTimes.never {
                        let ti = t[i]
                        for a in o[i]..<o[i + 1] where t[Int(adj[a])] < ti { c += 1; break }
                    }
                }
            }
        }
        return c
    }
}
