import Interstice

/// The rows one job adds to the results store.
public struct JobOutput: Sendable, Hashable {
    /// A scalar result: a count, a spread, a p-value; `model` is empty unless the analysis runs
    /// several models.
    public struct Statistic: Sendable, Hashable {
        public let model: String
        public let name: String
        public let value: Double
    }

    /// A node's score under one measure.
    public struct NodeScore: Sendable, Hashable {
        public let node: String
        public let measure: String
        public let value: Double
    }

    /// Whether a model's invention reached and was institutionalized by an organization (the
    /// columns of `interstice diffuse --per organization`, plus reach's null comparison).
    public struct OrganizationRow: Sendable, Hashable {
        public let model: String
        public let organization: String
        public let members: Int
        public let beyondCollective: Int
        public let reached: Estimate
        public let meanShare: Estimate
        public let institutionalizedBeforeEnd: Estimate
        public let institutionalized: Estimate
        public let timeToReachMean: Double
        public let timeToReachMedian: Double
        public let timeToInstitutionalizationMean: Double
        public let timeToInstitutionalizationMedian: Double
        /// Reach only: the null model's mean P(institutionalized) and the p-values.
        public let nullMean: Double?
        public let pLess: Double?
        public let pGreater: Double?
        /// Practice model: P(management endorsed) and P(management formalized); nil otherwise.
        public let endorsed: Estimate?
        public let formalized: Estimate?
    }

    /// One point of an organization's adoption curve: the mean share of its members beyond the
    /// collective holding the invention at a step, with its 95% interval.
    public struct CurvePoint: Sendable, Hashable {
        public let model: String
        public let organization: String
        public let step: Int
        public let value: Estimate
    }

    /// A file a job wrote (a diagram), relative to the store's folder.
    public struct File: Sendable, Hashable {
        public let path: String
        public let format: String
        public let bytes: Int
        public let sha256: String
    }

    public var statistics: [Statistic] = []
    public var nodeScores: [NodeScore] = []
    public var organizations: [OrganizationRow] = []
    public var curves: [CurvePoint] = []
    public var files: [File] = []

    public init() {}

    mutating func stat(_ name: String, _ value: Double, model: String = "") {
        statistics.append(Statistic(model: model, name: name, value: value))
    }

    /// Rows of a diffusion result: organizations, curves, summary statistics.
    mutating func add(_ r: DiffusionResult, model: String, curves withCurves: Bool,
                      comparisons: [ReachAnalysis.Comparison]? = nil) {
        for (i, o) in r.organizations.enumerated() {
            let c = comparisons.flatMap { i < $0.count && $0[i].samples > 0 ? $0[i] : nil }
            organizations.append(OrganizationRow(
                model: model, organization: o.name, members: o.members, beyondCollective: o.nonParticipantMembers,
                reached: o.reached, meanShare: o.meanShare, institutionalizedBeforeEnd: o.institutionalizedBeforeEnd,
                institutionalized: o.institutionalizedAtHorizon,
                timeToReachMean: o.timeToReach?.mean.value ?? .nan, timeToReachMedian: o.timeToReach?.median.value ?? .nan,
                timeToInstitutionalizationMean: o.timeToInstitutionalization?.mean.value ?? .nan,
                timeToInstitutionalizationMedian: o.timeToInstitutionalization?.median.value ?? .nan,
                nullMean: c?.nullMean, pLess: c?.pLess, pGreater: c?.pGreater, endorsed: o.endorsed, formalized: o.formalized))
            if withCurves {
                for (t, e) in o.curveEstimates.enumerated() {
                    curves.append(CurvePoint(model: model, organization: o.name, step: t, value: e))
                }
            }
        }
        stat("runs", Double(r.runs), model: model)
        stat("stopped_early", r.stoppedEarly ? 1 : 0, model: model)
        stat("seeds", Double(r.parameters.seeds.count), model: model)
        stat("spread", r.spread.value, model: model)
        stat("spread_low", r.spread.low, model: model)
        stat("spread_high", r.spread.high, model: model)
        stat("holders_at_horizon", r.holdersAtHorizon.value, model: model)
        stat("edges_examined", Double(r.edgesExamined), model: model)
        if let end = r.parameters.frame?.collectiveEnd { stat("collective_end", Double(end), model: model) }
        if let d = r.departures {
            stat("departures", d.value, model: model)
            stat("departures_low", d.low, model: model)
            stat("departures_high", d.high, model: model)
        }
    }
}
