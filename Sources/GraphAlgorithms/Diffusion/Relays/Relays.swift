import GraphCore

/// What a relay search maximizes (question 5 of the domain: which added tie or relay raises
/// organizational uptake most).
public enum RelayObjective: String, Sendable, Hashable, CaseIterable {
    /// The expected number of organizations that institutionalize the invention within the
    /// horizon (organizations with members beyond the collective, as in ``ReachAnalysis``).
    case institutionalized
    /// The expected number of adopters outside the original collective within the horizon. Added
    /// relays count, as seeds do in Kempe, Kleinberg and Tardos (2003): the gain of a set `S` is
    /// `σ(C ∪ S) − σ(C)`, the quantity IMM maximizes.
    case adopters
}

/// One possible relay: an actor who joins the collective (becomes a participant and a seed), or a
/// tie added between two actors.
public enum RelayCandidate: Sendable, Hashable {
    /// The actor joins the collective: it holds the invention at step 0 and, at the collective's
    /// end, drops it unless one of its organizations has institutionalized it. It also stops
    /// counting among its organization's members beyond the collective, so the number of them
    /// needed for institutionalization (⌈θ × members beyond⌉) may fall by one: part of a second
    /// delegate's gain on the institutionalized objective comes from that definition, not from
    /// diffusion (compare with the adopters objective or with added ties).
    case actor(Int32)
    /// A new tie `from → to` of the search's ``RelayTie`` relation (both ways when that relation
    /// is undirected or transmits both ways).
    case tie(Int32, Int32)
}

/// How an added tie transmits.
public struct RelayTie: Sendable, Hashable {
    /// The relation of the added tie (acquaintance: an inter-service meeting, a manager who gets to
    /// know a delegate).
    public var relation: Relation
    /// Its per-contact probability (IC, SI…) and LT influence weight.
    public var strength: Double
    /// Whether it transmits both ways (an undirected relation, or one of the channels' `bothWays`).
    public var bothWays: Bool

    public init(relation: Relation = .acquaintance, strength: Double, bothWays: Bool = true) {
        self.relation = relation
        self.strength = strength
        self.bothWays = bothWays
    }
}

/// Errors of a relay search that come from its input (unknown ids, impossible requests).
public struct RelayError: Error, Sendable, Hashable, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}

/// One chosen relay with what it adds.
public struct RelayPick: Sendable, Hashable {
    public let candidate: RelayCandidate
    /// Its marginal gain over the collective plus the earlier picks: the mean of the paired
    /// per-run differences (same generator per run for both sets), with the normal 95% interval of
    /// that mean.
    public let gain: Estimate
    /// The objective once it is added (collective plus picks so far), with its 95% interval.
    public let objective: Estimate
    /// IMM only: its marginal spread estimated from the reverse-reachable sets (nil for CELF).
    public let estimatedMarginalSpread: Double?
}

/// The result of a relay search.
public struct RelaysResult: Sendable {
    public let search: RelaySearch
    public let candidateCount: Int
    /// The objective for the collective alone.
    public let base: Estimate
    /// The relays in the order chosen (at most `budget`).
    public let picks: [RelayPick]
    /// Monte Carlo evaluations of a set (each `runs` runs): the laziness of CELF shows here.
    public let evaluations: Int
    /// Workers used (the result does not depend on it).
    public let threads: Int
    /// IMM's parameters and sample sizes when the method was IMM.
    public let imm: IMM.Result?
    /// The collective's end step of the frame (nil: it outlives the horizon).
    public let collectiveEnd: Int?
}
