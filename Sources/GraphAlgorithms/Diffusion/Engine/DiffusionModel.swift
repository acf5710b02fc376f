import GraphCore

/// The diffusion models. Every model is discrete-time: step 0 is the seeds, and at each step
/// `t = 1, 2, …` nodes adopt from what their in-neighbours held at the end of step `t − 1`
/// (synchronous updates).
public enum DiffusionModel: Sendable, Hashable, CustomStringConvertible {
    /// Independent cascade (Goldenberg, Libai and Muller 2001; Kempe, Kleinberg and Tardos 2003):
    /// a node that adopts at step t gets one chance, at step t + 1, to pass the invention along
    /// each out-arc, succeeding with the arc's probability.
    case independentCascade
    /// Linear threshold (Granovetter 1978; Kempe et al. 2003): node v adopts when the summed
    /// influence of its adopting in-neighbours reaches its threshold θ_v.
    case linearThreshold(Thresholds)
    /// Complex contagion (Centola and Macy 2007): v adopts when at least `k` in-neighbours have
    /// adopted (absolute) or at least a fraction φ of its in-neighbours (fractional).
    case complexContagion(ComplexThreshold)
    /// SI: an adopter passes it to each in-contact with the arc probability at every step.
    case si
    /// SIS: as SI, and each adopter drops the invention with probability `recovery` per step
    /// (after transmitting that step); it may adopt again.
    case sis(recovery: Double)
    /// SIR: as SI, and each adopter stops transmitting with probability `recovery` per step; it
    /// keeps the invention (it is a lapsed promoter, not a renouncer).
    case sir(recovery: Double)
    /// Continuous-time SIR (Markovian): each arc transmits at rate β = −ln(1 − p) (so that the
    /// chance of passing within one time unit is the arc probability p, as in discrete SI), and
    /// each holder stops transmitting at rate `recoveryRate`. Simulated exactly, event by event
    /// (the event-driven form of Gillespie's algorithm: Kiss, Miller and Simon 2017, §A.1.2);
    /// adoption times are reported as the step in which they fall (⌈t⌉). The collective's lapse
    /// applies at the end of its step, as in the discrete models.
    case continuousSIR(recoveryRate: Double)
    /// Bass (1969) on a network: a non-adopter adopts at each step with probability
    /// `p + q · a/k`, where `a` of its `k` in-neighbours have adopted (external influence p,
    /// imitation q).
    case bass(p: Double, q: Double)
    /// The practice model (see ``PracticeParameters``): SI transmission at every step while
    /// holding, forgetting unless sustained by the collective or an institutionalized
    /// organization, routinization, turnover of participants, endorsement and formalization by
    /// management. Institutionalization is decided at the end of each step.
    case practice(PracticeParameters)

    /// Linear-threshold thresholds.
    public enum Thresholds: Sendable, Hashable {
        /// Uniform on [0, 1], drawn afresh in every run (Kempe et al.).
        case uniformRandom
        /// The same threshold for every node.
        case fixed(Double)
        /// One threshold per node (from an attribute); NaN entries are drawn uniformly.
        case perNode([Double])
    }

    /// Complex-contagion thresholds.
    public enum ComplexThreshold: Sendable, Hashable {
        case absolute(Int)
        case fractional(Double)
    }

    /// The CLI's name of the model.
    public var name: String {
        switch self {
        case .independentCascade: "ic"
        case .linearThreshold: "lt"
        case .complexContagion: "complex"
        case .si: "si"
        case .sis: "sis"
        case .sir: "sir"
        case .continuousSIR: "sir-continuous"
        case .bass: "bass"
        case .practice: "practice"
        }
    }

    /// Parameters as text, for result metadata.
    public var parameters: [String: String] {
        switch self {
        case .independentCascade, .si: return [:]
        case .linearThreshold(let t):
            switch t {
            case .uniformRandom: return ["thresholds": "uniform"]
            case .fixed(let x): return ["thresholds": "\(x)"]
            case .perNode: return ["thresholds": "per-node"]
            }
        case .complexContagion(let c):
            switch c {
            case .absolute(let k): return ["k": "\(k)"]
            case .fractional(let f): return ["fraction": "\(f)"]
            }
        case .sis(let r), .sir(let r): return ["recovery": "\(r)"]
        case .continuousSIR(let r): return ["recovery_rate": "\(r)"]
        case .bass(let p, let q): return ["p": "\(p)", "q": "\(q)"]
        case .practice(let x): return x.metadata
        }
    }

    public var description: String {
        ([name] + parameters.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }).joined(separator: " ")
    }

    /// Whether the process can change after a step in which nobody adopted (false: stop early).
    var continuesWhenQuiet: Bool {
        switch self {
        case .independentCascade, .linearThreshold, .complexContagion: false
        case .si, .sis, .sir, .bass, .continuousSIR, .practice: true
        }
    }
}

/// When an organization counts as having institutionalized the invention (Alter's
/// appropriation): a share θ of its members outside the collective hold it (with the `practice`
/// model, for R + 1 consecutive steps, or management formalized it; see ``PracticeParameters``).
///
/// The former `head`, `share-or-head` and `share-and-head` modes counted a head's adoption as
/// institutionalization; the study shows the first circle of hierarchy endorsing the work while
/// nothing spread, so they were removed: endorsement and formalization are now mechanisms of
/// the `practice` model.
public struct InstitutionalizationRule: Sendable, Hashable {
    public enum Mode: String, Sendable, Hashable, CaseIterable {
        /// A share θ of the non-participant members hold it.
        case share
    }

    public var threshold: Double
    public var mode: Mode

    public init(threshold: Double = 0.5, mode: Mode = .share) {
        self.threshold = threshold
        self.mode = mode
    }

    /// The names of the removed head rules, with what replaces them, for error messages.
    public static let removedModes = ["head", "share-or-head", "share-and-head"]
    public static let removedModesNote =
        "the head rules were removed: a head's adoption is endorsement, not institutionalization; use the practice model's --endorsement and --formalization"
}

/// The organizational frame of a diffusion: who belongs where, who is in the collective, its
/// lifespan, the heads of the organizations, and the institutionalization rule.
public struct OrganizationFrame: Sendable {
    /// Organizations (an actor may belong to several).
    public let organizations: Partition
    /// The collective's participants (by default the seeds).
    public let participants: NodeSet
    /// The step at whose end the collective dissolves (nil: it outlives the horizon). At that
    /// point participants' adoption lapses unless one of their organizations has
    /// institutionalized the invention; lapsed participants drop out (they neither hold nor
    /// transmit it any more, and do not adopt again within the horizon). Under the `practice`
    /// model nothing lapses at once: participants are no longer sustained by the collective and
    /// forget at the rate δ, and turnover stops.
    public let collectiveEnd: Int?
    /// The head of each organization (-1: none known).
    public let heads: [Int32]
    public let rule: InstitutionalizationRule

    public init(organizations: Partition, participants: NodeSet, collectiveEnd: Int? = nil,
                heads: [Int32]? = nil, rule: InstitutionalizationRule = InstitutionalizationRule()) {
        self.organizations = organizations
        self.participants = participants
        self.collectiveEnd = collectiveEnd
        self.heads = heads ?? Array(repeating: -1, count: organizations.groupCount)
        self.rule = rule
    }
}
