import Testing
@testable import GraphAlgorithms
import GraphCore

/// The alias table gives every gap its geometric probability, and draws follow it.
@Suite struct GeometricSamplerTests {
    /// The table's 256 outcome probabilities equal p(1 − p)^g for g < 255 and (1 − p)^255 for
    /// the tail, to rounding (exact arithmetic on the thresholds, no sampling).
    @Test(arguments: [0.05, 0.2, 0.5, 0.9])
    func tableHoldsTheGeometricLaw(_ p: Double) {
        let s = GeometricSampler(probability: p)
        #expect(s.usesTable)
        let got = s.outcomeProbabilities()
        var want = 1.0 * p
        for g in 0..<255 {
            #expect(abs(got[g] - want) <= 1e-12 + 1e-9 * want, "g = \(g): \(got[g]) vs \(want)")
            want *= 1 - p
        }
        var tail = 1.0
        for _ in 0..<255 { tail *= 1 - p }
        #expect(abs(got[255] - tail) <= 1e-12)
        #expect(abs(got.reduce(0, +) - 1) <= 1e-12)
    }

    /// Sampled gaps: the mean (1 − p)/p and P(G = 0) = p within 99.9% bounds, on the table path
    /// and on the logarithm path (tiny p), including gaps past the table's 255.
    @Test(arguments: [0.05, 0.3, 0.001])
    func drawsMatchMeanAndFirstMass(_ p: Double) {
        let s = GeometricSampler(probability: p)
        #expect(s.usesTable == (p > 0.01))
        var rng = SplitMix64(seed: 99)
        let n = 200_000
        var sum = 0.0, zeros = 0, beyond = 0
        for _ in 0..<n {
            let g = s.next(&rng)
            sum += Double(g)
            if g == 0 { zeros += 1 }
            if g >= 255 { beyond += 1 }
        }
        let mean = (1 - p) / p, sd = (1 - p).squareRoot() / p
        #expect(abs(sum / Double(n) - mean) <= 3.3 * sd / Double(n).squareRoot(), "mean \(sum / Double(n)) vs \(mean)")
        #expect(abs(Double(zeros) / Double(n) - p) <= 3.3 * (p * (1 - p) / Double(n)).squareRoot())
        if p == 0.05 {
            // P(G ≥ 255) = 0.95^255 ≈ 2.1e-6: rare, but the tail path must be reachable.
            var big = 0
            let t = GeometricSampler(probability: 0.02)  // 0.98^255 ≈ 0.0058
            for _ in 0..<20_000 where t.next(&rng) >= 255 { big += 1 }
            #expect(big > 60 && big < 180, "\(big) of 20000 beyond 255")
        }
    }
}
