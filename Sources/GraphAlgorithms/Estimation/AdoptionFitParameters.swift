import GraphCore

/// The models ``AdoptionFit`` estimates from observed adoption times.
public enum AdoptionModel: String, Sendable, Hashable, CaseIterable {
    /// Discrete-time hazard: a logistic regression on person-period rows (netdiffuseR's `diffreg`).
    case hazard
    /// Multiplex contagion: `P(adopt in t | not yet) = 1 − (1 − b) Π_r (1 − p_r)^{A_r(t)}`.
    case contagion
    /// The practice model (``PracticeParameters``) calibrated by simulation: ``PracticeFit``.
    case practice
}

/// Parameters of ``AdoptionFit``: the defaults live in the initializer, ``validate()`` rejects
/// what no model can use.
public struct AdoptionFitParameters: Sendable, Hashable {
    public var model: AdoptionModel
    /// The relations that may carry adoption, each estimated separately (at least one).
    public var relations: [Relation]
    /// Whose adoption exposes a node; default ``ExposureDirection/outgoing``: the alters it names
    /// (influence flows from the named to the one who names, as in nomination data).
    public var direction: ExposureDirection
    /// Node attributes entered as covariates (hazard only).
    public var covariates: [String]
    /// Groups (`"organization"`: each node's first organization, or a node attribute): fixed
    /// effects in the hazard model, an outside influence per group in the contagion model, and
    /// the strata of the permutations. nil: none.
    public var groupBy: String?
    /// The observed periods; nil: from the first to the last adoption.
    public var window: ClosedRange<Int>?
    /// Permutations of adoption times among the population (within groups) for p-values; 0: none.
    public var permutations: Int
    /// Permutation `k` shuffles with `SplitMix64(seed: seed, stream: k)`.
    public var seed: UInt64
    /// Workers for the permutations (nil: every core); the result does not depend on it.
    public var threads: Int?

    public init(model: AdoptionModel = .hazard, relations: [Relation], direction: ExposureDirection = .outgoing,
                covariates: [String] = [], groupBy: String? = nil, window: ClosedRange<Int>? = nil,
                permutations: Int = 0, seed: UInt64 = 1, threads: Int? = nil) {
        self.model = model; self.relations = relations; self.direction = direction; self.covariates = covariates
        self.groupBy = groupBy; self.window = window; self.permutations = permutations; self.seed = seed
        self.threads = threads
    }

    /// Throws ``EstimationError/invalidParameter(_:)`` for no relation, a repeated relation or
    /// covariate, covariates with the contagion model, a negative or huge permutation count, or a
    /// non-positive thread count.
    /// - Complexity: O(relations + covariates).
    public func validate() throws(EstimationError) {
        if relations.isEmpty { throw .invalidParameter("give at least one relation") }
        if Set(relations).count != relations.count { throw .invalidParameter("a relation is named twice") }
        if Set(covariates).count != covariates.count { throw .invalidParameter("a covariate is named twice") }
        if model == .contagion && !covariates.isEmpty {
            throw .invalidParameter("the contagion model takes no covariates (its terms are the outside influence and one probability per relation); use --model hazard")
        }
        if model == .practice {
            throw .invalidParameter("the practice model is calibrated by simulation (PracticeFit), not by AdoptionFit")
        }
        if permutations < 0 || permutations > 1_000_000 { throw .invalidParameter("permutations must be in 0…1000000") }
        if let t = threads, t <= 0 { throw .invalidParameter("threads must be positive") }
    }
}
