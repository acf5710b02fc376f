import GraphCore

/// Question 3–4 in one call: does an invention started by a collective reach its organizations,
/// under several models side by side, and is that different from chance?
///
/// For each model the observed network is simulated; then `nullSamples` randomized networks
/// (``NullModel``) are simulated the same way, and each statistic is compared with its null
/// distribution by Monte Carlo p-values, `(1 + #{null ≤ observed}) / (1 + K)` ("less") and
/// `(1 + #{null ≥ observed}) / (1 + K)` ("greater") (Davison and Hinkley 1997, §4.2).
public struct ReachAnalysis: Sendable {
    public var models: [DiffusionModel]
    public var channels: TransmissionChannels
    public var runs: Int
    public var horizon: Int
    public var seed: UInt64
    public var threads: Int?
    public var nullModel: NullModel?
    public var nullSamples: Int
    /// Runs per null network (the null statistics are themselves Monte Carlo estimates).
    public var nullRuns: Int

    public init(models: [DiffusionModel] = [.independentCascade, .linearThreshold(.uniformRandom), .complexContagion(.absolute(2))],
                channels: TransmissionChannels = .standard(0.2), runs: Int = 2000, horizon: Int = 50, seed: UInt64 = 1,
                threads: Int? = nil, nullModel: NullModel? = .collectivePreserving, nullSamples: Int = 99,
                nullRuns: Int = 500) {
        self.models = models; self.channels = channels; self.runs = runs; self.horizon = horizon; self.seed = seed
        self.threads = threads; self.nullModel = nullModel; self.nullSamples = nullSamples; self.nullRuns = nullRuns
    }

    /// A statistic, observed and under the null model.
    public struct Comparison: Sendable, Hashable {
        public let statistic: String
        public let observed: Double
        public let nullMean: Double
        public let nullSD: Double
        public let pLess: Double
        public let pGreater: Double
        public let samples: Int

        init(_ statistic: String, observed: Double, null: [Double]) {
            self.statistic = statistic
            self.observed = observed
            samples = null.count
            let k = Double(max(1, null.count))
            let mean = null.reduce(0, +) / k
            nullMean = mean
            nullSD = null.count > 1 ? (null.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (k - 1)).squareRoot() : 0
            let eps = 1e-12 * max(1, abs(observed))
            pLess = Double(1 + null.filter { $0 <= observed + eps }.count) / Double(1 + null.count)
            pGreater = Double(1 + null.filter { $0 >= observed - eps }.count) / Double(1 + null.count)
        }
    }

    /// One model's observed result and its comparisons with chance.
    public struct ModelReach: Sendable {
        public let model: DiffusionModel
        public let observed: DiffusionResult
        /// Overall statistics: expected number of organizations institutionalized, reached, and
        /// the mean share beyond the collective (averaged over organizations).
        public let overall: [Comparison]
        /// Per organization: P(institutionalized within the horizon) against the null.
        public let perOrganization: [Comparison]
    }

    public struct Result: Sendable {
        public let analysis: ReachAnalysis
        public let models: [ModelReach]
        public let seeds: [Int32]
    }

    static func overallStatistics(_ r: DiffusionResult) -> [(String, Double)] {
        let orgs = r.organizations.filter { $0.nonParticipantMembers > 0 }
        let shares = orgs.map(\.meanShare.value)
        return [
            ("organizations institutionalized", orgs.reduce(0) { $0 + $1.institutionalizedAtHorizon.value }),
            ("organizations institutionalized by the end", orgs.reduce(0) { $0 + $1.institutionalizedBeforeEnd.value }),
            ("organizations reached", orgs.reduce(0) { $0 + $1.reached.value }),
            ("mean share beyond the collective", shares.isEmpty ? .nan : shares.reduce(0, +) / Double(shares.count)),
        ]
    }

    /// Runs the analysis.
    /// - Parameters:
    ///   - seeds: the collective's participants (or any seeds).
    ///   - frame: the organizational frame of a network (called again for every null network,
    ///     whose memberships may differ).
    ///   - progress: (step, total steps) after each simulation.
    public func run(_ network: Network, seeds: [Int32], frame: (Network) -> OrganizationFrame,
                    progress: ((Int, Int) -> Void)? = nil) -> Result {
        let observedFrame = frame(network)
        let observedGraph = network.diffusionGraph(channels)
        // Only one-mode nodes adopt (null networks keep every node's kind).
        let eligible = network.adoptionEligibility
        let nulls = nullModel == nil ? 0 : nullSamples
        let totalSteps = models.count * (1 + nulls)
        var step = 0
        // Null networks are drawn once and shared by the models (sample k: stream 2^32 + k).
        var nullNetworks: [(DiffusionGraph, OrganizationFrame)] = []
        if let nullModel {
            for k in 0..<nulls {
                var rng = SplitMix64(seed: seed, stream: (1 << 32) + UInt64(k))
                let sample = nullModel.sample(network, rng: &rng, relations: Array(channels.strength.keys),
                                              participants: observedFrame.participants.members)
                nullNetworks.append((sample.diffusionGraph(channels), frame(sample)))
            }
        }
        var out: [ModelReach] = []
        for (mi, model) in models.enumerated() {
            var observedParameters = DiffusionParameters(
                model: model, seeds: seeds, runs: runs, horizon: horizon, seed: seed &+ UInt64(mi), threads: threads,
                frame: observedFrame)
            observedParameters.eligible = eligible
            let observed = Diffusion.simulate(observedGraph, observedParameters)
            step += 1; progress?(step, totalSteps)
            let obsStats = ReachAnalysis.overallStatistics(observed)
            var nullStats = [[Double]](repeating: [], count: obsStats.count)
            var nullOrg = [[Double]](repeating: [], count: observed.organizations.count)
            for (k, (g, f)) in nullNetworks.enumerated() {
                var nullParameters = DiffusionParameters(
                    model: model, seeds: seeds, runs: nullRuns, horizon: horizon,
                    seed: seed &+ UInt64(mi) &+ UInt64(k + 1) &* 0x9E37_79B9, threads: threads, frame: f)
                nullParameters.eligible = eligible
                let r = Diffusion.simulate(g, nullParameters)
                for (i, s) in ReachAnalysis.overallStatistics(r).enumerated() { nullStats[i].append(s.1) }
                for (i, o) in r.organizations.enumerated() where i < nullOrg.count {
                    nullOrg[i].append(o.institutionalizedAtHorizon.value)
                }
                step += 1; progress?(step, totalSteps)
            }
            let overall = obsStats.enumerated().map { i, s in Comparison(s.0, observed: s.1, null: nullStats[i]) }
            let perOrg = observed.organizations.enumerated().map { i, o in
                Comparison(o.name, observed: o.institutionalizedAtHorizon.value, null: nullOrg[i])
            }
            out.append(ModelReach(model: model, observed: observed, overall: overall, perOrganization: perOrg))
        }
        return Result(analysis: self, models: out, seeds: seeds)
    }
}
