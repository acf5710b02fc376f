import GraphCore

/// A Monte Carlo estimate with its 95% confidence interval.
public struct Estimate: Sendable, Hashable {
    public let value: Double
    public let low: Double
    public let high: Double
    /// Number of observations behind it.
    public let count: Int

    public var halfWidth: Double { (high - low) / 2 }

    /// No estimate (NaN everywhere, no observation).
    public static let unknown = Estimate(value: .nan, low: .nan, high: .nan, count: 0)

    static let z = 1.959963984540054

    /// A proportion `k/n` with Wilson's score interval (Wilson 1927), which stays inside [0, 1]
    /// and behaves at 0 and 1, unlike the normal approximation.
    static func proportion(_ k: Int64, _ n: Int) -> Estimate {
        guard n > 0 else { return Estimate(value: .nan, low: .nan, high: .nan, count: 0) }
        let nn = Double(n), p = Double(k) / nn, z2 = z * z
        let centre = (p + z2 / (2 * nn)) / (1 + z2 / nn)
        let half = z * ((p * (1 - p) / nn + z2 / (4 * nn * nn)).squareRoot()) / (1 + z2 / nn)
        return Estimate(value: p, low: max(0, centre - half), high: min(1, centre + half), count: n)
    }

    /// A mean from exact sums, scaled by `scale`, with the normal interval
    /// `mean ± z·s/√n` (s the sample standard deviation).
    static func mean(sum: Int64, sumSquares: Int64, count n: Int, scale: Double = 1) -> Estimate {
        guard n > 0 else { return Estimate(value: .nan, low: .nan, high: .nan, count: 0) }
        let nn = Double(n)
        let m = Double(sum) / nn
        // n·Σx² − (Σx)² exactly, in 128-bit integers.
        let num = Int128(n) * Int128(sumSquares) - Int128(sum) * Int128(sum)
        let variance = n > 1 ? Double(num) / (nn * (nn - 1)) : 0
        let half = z * (max(0, variance) / nn).squareRoot()
        return Estimate(value: m * scale, low: (m - half) * scale, high: (m + half) * scale, count: n)
    }
}

/// Times (in steps) over the runs in which an event happened: mean and median with 95% intervals.
public struct StepTimes: Sendable, Hashable {
    public let mean: Estimate
    /// The median step; its interval comes from the binomial order statistics.
    public let median: Estimate

    static func from(histogram: ArraySlice<Int64>, sum: Int64, sumSquares: Int64, count: Int64) -> StepTimes? {
        guard count > 0 else { return nil }
        let n = Int(count)
        func quantileStep(rank: Int) -> Double {  // 1-based rank
            var acc: Int64 = 0
            for (i, c) in histogram.enumerated() {
                acc += c
                if acc >= Int64(rank) { return Double(i) }
            }
            return Double(histogram.count - 1)
        }
        let medianValue = n % 2 == 1 ? quantileStep(rank: (n + 1) / 2)
            : (quantileStep(rank: n / 2) + quantileStep(rank: n / 2 + 1)) / 2
        let spread = Estimate.z * Double(n).squareRoot() / 2
        let lo = max(1, Int((Double(n) / 2 - spread).rounded(.down)))
        let hi = min(n, Int((Double(n) / 2 + 1 + spread).rounded(.up)))
        return StepTimes(mean: Estimate.mean(sum: sum, sumSquares: sumSquares, count: n),
                         median: Estimate(value: medianValue, low: quantileStep(rank: lo), high: quantileStep(rank: hi), count: n))
    }
}

/// What happened to one organization over the runs.
public struct OrganizationReach: Sendable, Hashable {
    /// Group index in the partition, name (organization id) and node.
    public let group: Int32
    public let name: String
    public let node: Int32
    public let members: Int
    /// Members who are not participants of the collective.
    public let nonParticipantMembers: Int
    /// P(at least one non-participant member adopts within the horizon).
    public let reached: Estimate
    /// Mean share of non-participant members holding the invention at the horizon.
    public let meanShare: Estimate
    /// P(institutionalized no later than the collective's end) (at the horizon when the
    /// collective outlives it).
    public let institutionalizedBeforeEnd: Estimate
    /// P(institutionalized within the horizon).
    public let institutionalizedAtHorizon: Estimate
    /// Step of the first non-participant adoption, over the runs that reached the organization.
    public let timeToReach: StepTimes?
    /// Step of institutionalization, over the runs that institutionalized.
    public let timeToInstitutionalization: StepTimes?
    /// Mean share of non-participant members holding it at the end of each step 0…horizon.
    public let curve: [Double]
    /// The same with 95% intervals, step by step.
    public let curveEstimates: [Estimate]
    /// Practice model: P(its management endorsed the practice within the horizon); nil for
    /// other models.
    public let endorsed: Estimate?
    /// Practice model: P(its management formalized it within the horizon); nil for other models.
    public let formalized: Estimate?
}

/// The result of ``Diffusion/simulate(_:_:progress:)``: per node, per organization, curves, and
/// everything needed to reproduce it.
public struct DiffusionResult: Sendable {
    public let parameters: DiffusionParameters
    /// Runs done (fewer than asked when the precision target was met early).
    public let runs: Int
    /// Workers used (the result does not depend on it).
    public let threads: Int
    /// P(node adopts within the horizon), per node.
    public let adoptionProbability: [Double]
    /// P(node holds the invention at the horizon), per node (differs after lapses and SIS).
    public let holdingProbability: [Double]
    /// Mean adoption step over the runs in which the node adopted (NaN: never).
    public let meanAdoptionTime: [Double]
    /// Nodes that adopted within the horizon (seeds included).
    public let spread: Estimate
    /// Nodes holding it at the horizon.
    public let holdersAtHorizon: Estimate
    /// Mean number of holders at the end of each step 0…horizon.
    public let curve: [Double]
    /// P(node has adopted by step t), per node then step (when
    /// ``DiffusionParameters/recordNodeSteps`` was set).
    public let nodeAdoptionByStep: [[Double]]?
    /// The same with 95% intervals.
    public let curveEstimates: [Estimate]
    public let organizations: [OrganizationReach]
    /// Practice model: participants who left the collective per run (nil for other models).
    public let departures: Estimate?
    /// Arcs looked at over all runs (the work done).
    public let edgesExamined: Int64
    /// The largest 95% half-width among the reported organization estimates and the spread
    /// share, when the run stopped on its precision target.
    public let maxHalfWidth: Double
    public let stoppedEarly: Bool
}
