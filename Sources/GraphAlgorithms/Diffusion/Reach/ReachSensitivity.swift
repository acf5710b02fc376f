import GraphCore

/// Reach swept over a grid of assumptions (question 8: how robust is the answer to the model's
/// parameters and to the null model): transmission probability p × share θ × forgetting δ ×
/// routinization R × formalization F × model × null model. Every setting is one ``ReachAnalysis`` comparison of
/// the expected number of organizations institutionalized with its null distribution; the
/// verdicts ("fewer than chance", "more", "no clear difference" at level α) are then counted
/// over the grid, so that a conclusion is stated with the share of the grid in which it holds.
///
/// δ, R and F only act on the practice model: other models take one setting per (p, θ, null).
/// The null networks of a (p, θ, null) cell are drawn once and shared by its models.
///
/// Written by hand: a loop over ``ReachAnalysis``.
public struct ReachSensitivity: Sendable {
    /// The models a grid may hold.
    public enum GridModel: String, Sendable, Hashable, CaseIterable {
        case practice, ic, lt, complex
    }

    /// The axes of the grid. Defaults: p ∈ {0.01, 0.02, 0.05, 0.1, 0.2} (under the practice
    /// model p is per tie and step: from half the fitted monthly rate of the bundled adoption data,
    /// about 0.015, to the rate at which every organization institutionalizes; whether
    /// transmission outruns forgetting decides everything), θ ∈ {0.3, 0.5}, δ ∈ {0.05, 0.3},
    /// R ∈ {0, 6}, formalization F ∈ {0, 0.02} (bottom-up only, or management formalizing on
    /// average 50 steps after its endorsement), models {practice, ic}, nulls
    /// {collective-preserving, organization-preserving}: 180 settings.
    public struct Grid: Sendable, Hashable {
        public var probabilities: [Double]
        public var thetas: [Double]
        public var forgetting: [Double]
        public var routinization: [Int]
        public var formalization: [Double]
        public var models: [GridModel]
        public var nulls: [NullModel]

        public init(probabilities: [Double] = [0.01, 0.02, 0.05, 0.1, 0.2], thetas: [Double] = [0.3, 0.5],
                    forgetting: [Double] = [0.05, 0.3], routinization: [Int] = [0, 6], formalization: [Double] = [0, 0.02],
                    models: [GridModel] = [.practice, .ic], nulls: [NullModel] = [.collectivePreserving, .organizationPreserving]) {
            self.probabilities = probabilities; self.thetas = thetas; self.forgetting = forgetting
            self.routinization = routinization; self.formalization = formalization; self.models = models; self.nulls = nulls
        }

        /// Throws naming the first empty or out-of-range axis.
        /// - Complexity: O(grid axes).
        public func validate() throws(DiffusionParameterError) {
            if probabilities.isEmpty || !probabilities.allSatisfy({ $0 > 0 && $0 <= 1 }) {
                throw DiffusionParameterError(parameter: "grid-probability", "needs probabilities in (0, 1]")
            }
            if thetas.isEmpty || !thetas.allSatisfy({ $0 > 0 && $0 <= 1 }) {
                throw DiffusionParameterError(parameter: "grid-theta", "needs shares in (0, 1]")
            }
            if forgetting.isEmpty || !forgetting.allSatisfy({ $0 >= 0 && $0 <= 1 }) {
                throw DiffusionParameterError(parameter: "grid-forgetting", "needs probabilities in [0, 1]")
            }
            if routinization.isEmpty || !routinization.allSatisfy({ $0 >= 0 && $0 <= 100_000 }) {
                throw DiffusionParameterError(parameter: "grid-routinization", "needs step counts in 0…100000")
            }
            if formalization.isEmpty || !formalization.allSatisfy({ $0 >= 0 && $0 <= 1 }) {
                throw DiffusionParameterError(parameter: "grid-formalization", "needs probabilities in [0, 1]")
            }
            if models.isEmpty { throw DiffusionParameterError(parameter: "grid-models", "needs at least one model") }
            if nulls.isEmpty { throw DiffusionParameterError(parameter: "grid-nulls", "needs at least one null model") }
            if !models.contains(.practice) && (forgetting.count > 1 || routinization.count > 1 || formalization.count > 1) {
                throw DiffusionParameterError(parameter: "grid-forgetting",
                                              "forgetting, routinization and formalization only act on the practice model, which the grid does not hold")
            }
        }

        /// The number of settings.
        public var count: Int {
            let perCell = models.reduce(0) { $0 + ($1 == .practice ? forgetting.count * routinization.count * formalization.count : 1) }
            return probabilities.count * thetas.count * nulls.count * perCell
        }
    }

    /// What one setting says.
    public enum Verdict: String, Sendable, Hashable, CaseIterable {
        /// Fewer organizations institutionalized than under the null (p_less ≤ α).
        case fewer
        /// More (p_greater ≤ α).
        case more
        /// Neither.
        case unclear = "no clear difference"
    }

    /// One setting and its comparison.
    public struct Setting: Sendable, Hashable {
        public let probability: Double
        public let theta: Double
        public let model: GridModel
        /// δ, R and F (nil for models other than practice).
        public let forgetting: Double?
        public let routinization: Int?
        public let formalization: Double?
        public let null: NullModel
        /// Expected organizations institutionalized within the horizon, and under the null.
        public let comparison: ReachAnalysis.Comparison
        public let verdict: Verdict
    }

    public var grid: Grid
    /// The practice model's other parameters (turnover, endorsement, compliance, …), kept fixed.
    public var practice: PracticeParameters
    /// The request's channels: their relations, directions of influence and weighting; every
    /// relation's probability is set to the grid's p.
    public var channels: TransmissionChannels
    public var runs: Int
    public var horizon: Int
    public var seed: UInt64
    public var threads: Int?
    public var nullSamples: Int
    public var nullRuns: Int
    /// The level of the verdicts.
    public var alpha: Double

    public init(grid: Grid = Grid(), practice: PracticeParameters = PracticeParameters(), channels: TransmissionChannels,
                runs: Int = 300, horizon: Int = 50, seed: UInt64 = 1,
                threads: Int? = nil, nullSamples: Int = 19, nullRuns: Int = 100, alpha: Double = 0.05) {
        self.grid = grid; self.practice = practice; self.channels = channels
        self.runs = runs; self.horizon = horizon; self.seed = seed; self.threads = threads
        self.nullSamples = nullSamples; self.nullRuns = nullRuns; self.alpha = alpha
    }

    /// Runs every setting.
    /// - Parameters:
    ///   - frame: the organizational frame of a network with the share θ.
    ///   - progress: (settings done, settings).
    /// - Complexity: (p × θ × null cells) × models × (runs + nullSamples × nullRuns) simulations.
    public func run(_ network: Network, seeds: [Int32], frame: @escaping (Network, Double) -> OrganizationFrame,
                    progress: ((Int, Int) -> Void)? = nil) -> [Setting] {
        var out: [Setting] = []
        let total = grid.count
        for null in grid.nulls {
            for p in grid.probabilities {
                for theta in grid.thetas {
                    var models: [DiffusionModel] = []
                    var labels: [(GridModel, Double?, Int?, Double?)] = []
                    for m in grid.models {
                        switch m {
                        case .practice:
                            for d in grid.forgetting {
                                for r in grid.routinization {
                                    for f in grid.formalization {
                                        var x = practice
                                        x.forgetting = d
                                        x.routinization = r
                                        x.formalization = f
                                        models.append(.practice(x))
                                        labels.append((.practice, d, r, f))
                                    }
                                }
                            }
                        case .ic: models.append(.independentCascade); labels.append((.ic, nil, nil, nil))
                        case .lt: models.append(.linearThreshold(.uniformRandom)); labels.append((.lt, nil, nil, nil))
                        case .complex: models.append(.complexContagion(.absolute(2))); labels.append((.complex, nil, nil, nil))
                        }
                    }
                    var cellChannels = channels
                    for r in channels.strength.keys { cellChannels.strength[r] = p }
                    let analysis = ReachAnalysis(models: models, channels: cellChannels,
                                                 runs: runs, horizon: horizon, seed: seed, threads: threads, nullModel: null,
                                                 nullSamples: nullSamples, nullRuns: nullRuns)
                    let result = analysis.run(network, seeds: seeds, frame: { frame($0, theta) })
                    for (label, m) in zip(labels, result.models) {
                        let c = m.overall[0]
                        let verdict: Verdict = c.samples > 0 && c.pLess <= alpha ? .fewer
                            : c.samples > 0 && c.pGreater <= alpha ? .more : .unclear
                        out.append(Setting(probability: p, theta: theta, model: label.0, forgetting: label.1,
                                           routinization: label.2, formalization: label.3, null: null, comparison: c,
                                           verdict: verdict))
                        progress?(out.count, total)
                    }
                }
            }
        }
        return out
    }

    /// Plain-language statements of how much of the grid each verdict holds in, per null
    /// model, with the axis values under which it holds most and least, and the range of the
    /// expected number institutionalized. Never stronger than the counts.
    /// - Complexity: O(settings × axes).
    public static func summary(_ settings: [Setting], alpha: Double) -> [String] {
        guard !settings.isEmpty else { return ["No setting was run."] }
        var lines: [String] = []
        let observed = settings.map(\.comparison.observed)
        lines.append("Across the \(settings.count) settings, the expected number of organizations institutionalized ranges from \(format(observed.min()!)) to \(format(observed.max()!)).")
        let nulls = settings.reduce(into: [NullModel]()) { if !$0.contains($1.null) { $0.append($1.null) } }
        for null in nulls {
            let s = settings.filter { $0.null == null }
            let fewer = s.filter { $0.verdict == .fewer }.count, more = s.filter { $0.verdict == .more }.count
            let n = s.count
            var line = "Against the \(null.rawValue) null (level \(format(alpha))): fewer organizations institutionalized than chance in \(fewer) of \(n) settings, more in \(more), no clear difference in \(n - fewer - more)"
            let leading = fewer >= more ? Verdict.fewer : .more
            let k = max(fewer, more)
            if k == 0 {
                line += "; no setting departs from chance."
            } else if k == n {
                line += "; \"\(leading.rawValue) than chance\" holds across the whole grid."
            } else {
                line += "; \"\(leading.rawValue) than chance\" depends on the assumptions"
                var parts: [String] = []
                func axis(_ name: String, _ key: (Setting) -> String?) {
                    var values: [String] = []
                    for x in s { if let v = key(x), !values.contains(v) { values.append(v) } }
                    guard values.count > 1 else { return }
                    let counts = values.map { v -> String in
                        let sub = s.filter { key($0) == v }
                        return "\(name) = \(v): \(sub.filter { $0.verdict == leading }.count)/\(sub.count)"
                    }
                    parts.append(counts.joined(separator: ", "))
                }
                axis("p") { format($0.probability) }
                axis("θ") { format($0.theta) }
                axis("model") { $0.model.rawValue }
                axis("δ") { $0.forgetting.map(format) }
                axis("R") { $0.routinization.map { "\($0)" } }
                axis("F") { $0.formalization.map(format) }
                line += " (" + parts.joined(separator: "; ") + ")."
            }
            lines.append(line)
        }
        return lines
    }

    static func format(_ x: Double) -> String {
        let r = (x * 1000).rounded() / 1000
        return r == r.rounded() ? "\(Int(r))" : "\(r)"
    }
}
