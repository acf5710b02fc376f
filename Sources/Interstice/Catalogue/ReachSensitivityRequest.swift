import GraphAlgorithms
import GraphCore

extension ReachRequest {
    /// The sweep of `reach --sensitivity` and of the report's robustness section: reach run over
    /// a grid of assumptions (``ReachSensitivity``), each setting with its own Monte Carlo runs
    /// and null networks. The seeds, the frame (rule, collective, organizations), the channels
    /// (relations, influence directions, weighting), the practice model's other parameters, the
    /// horizon, the seed and the threads are the request's; the grid's p replaces the channels'
    /// probability on every channel relation.
    public struct Sensitivity: Sendable, Hashable {
        public var grid: ReachSensitivity.Grid
        /// Monte Carlo runs per setting.
        public var runs: Int
        /// Randomized networks per setting (19: the smallest p-value is 1/20 = 0.05).
        public var nullSamples: Int
        /// Runs on each randomized network.
        public var nullRuns: Int

        /// `reach --sensitivity`'s defaults: the library's grid (p × θ × δ × R × formalization ×
        /// {practice, ic} × {collective-preserving, organization-preserving}, 180 settings), 300
        /// runs, 19 randomized networks of 100 runs each.
        public init(grid: ReachSensitivity.Grid = ReachSensitivity.Grid(), runs: Int = 300, nullSamples: Int = 19,
                    nullRuns: Int = 100) {
            self.grid = grid; self.runs = runs; self.nullSamples = nullSamples; self.nullRuns = nullRuns
        }

        /// The report's reduced sweep, so that a page is written in seconds: the same axes of p, θ,
        /// δ, R and models, against `null` alone (the report's own null model; 90 settings), with
        /// 200 runs and 19 randomized networks of 50 runs per setting.
        public static func report(null: NullModel) -> Sensitivity {
            Sensitivity(grid: ReachSensitivity.Grid(nulls: [null]), runs: 200, nullSamples: 19, nullRuns: 50)
        }

        /// Throws naming the first empty or out-of-range axis or count.
        /// - Complexity: O(grid axes).
        public func validate() throws(RequestError) {
            do { try grid.validate() } catch { throw .usage(error.description) }
            guard (1...1_000_000).contains(runs) else { throw .usage("grid-runs must be in 1…1000000, found \(runs)") }
            guard (1...100_000).contains(nullSamples) else {
                throw .usage("grid-null-samples must be in 1…100000, found \(nullSamples)")
            }
            guard (1...1_000_000).contains(nullRuns) else { throw .usage("grid-null-runs must be in 1…1000000, found \(nullRuns)") }
        }
    }

    /// Runs the request's sensitivity sweep from the start and channels of `outcome` (nil when
    /// the request has none).
    /// - Parameter progress: (settings done, settings).
    /// - Complexity: settings × (runs + nullSamples × nullRuns) simulations.
    public func sweep(_ net: Network, outcome: Outcome,
                      progress: ((Int, Int) -> Void)? = nil) throws(RequestError) -> [ReachSensitivity.Setting]? {
        guard let s = sensitivity else { return nil }
        try s.validate()
        let frame = settings.frame, start = outcome.start
        let include = try frame.organizationFilter(net)
        let mc = settings.monteCarlo
        let sweep = ReachSensitivity(grid: s.grid, practice: settings.model.practice, channels: outcome.channels,
                                     runs: s.runs, horizon: mc.horizon, seed: mc.seed, threads: mc.threads,
                                     nullSamples: s.nullSamples, nullRuns: s.nullRuns)
        return sweep.run(net, seeds: start.seeds.members,
                         frame: { n, theta in
                             var f = frame
                             f.theta = theta
                             return f.frame(n, collective: start.collective, starters: start.seeds, include: include)
                         },
                         progress: progress)
    }
}
