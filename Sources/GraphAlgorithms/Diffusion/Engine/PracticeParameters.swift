/// The parameters of the `practice` model (``DiffusionModel/practice(_:)``): how a practice
/// invented in a partnership collective lives in the organizations that delegated its
/// participants. The model follows the mechanisms of P. Lyet's study of partnership cooperation
/// (shared/DOMAIN.md): a practice is held by people, who pass it on while they hold it, forget it
/// unless their organization has made it routine (N. Alter's appropriation), leave the
/// collective and are replaced; a manager may endorse it without anything following, and
/// only formalization by management imposes it.
///
/// One step is `--step-days` days. At every step `t ≥ 1`, in this order:
/// 1. **transmission**: every node holding the practice at the start of the step passes it
///    along each channel arc to a node that does not hold it, with the arc's probability (as SI);
/// 2. **turnover** (`turnover` μ): while the collective lives (`t ≤ end`), each of its
///    participants leaves with probability μ, taking the practice along; with
///    ``Replacement/colleague`` a newcomer of the same organization takes the same position
///    (same ties, still a participant) without the practice; with ``Replacement/none`` the
///    position stays empty (it neither holds nor receives the practice any more);
/// 3. **forgetting** (`forgetting` δ): each node that held the practice at the start of the
///    step drops it with probability δ, unless it is a participant while the collective lives,
///    or one of its organizations has institutionalized the practice; a node that forgot may be
///    taught it again later;
/// 4. **organizations**, at the end of the step:
///    - *routinization* (`routinization` R): an organization whose members beyond the
///      collective hold the practice in a share ≥ θ at the end of R + 1 consecutive steps is
///      institutionalized at the last of them (R = 0: as soon as the share is reached);
///    - *endorsement* (`endorsement`): an organization's management, informed as soon as one of
///      its members (participants included) holds the practice, endorses it with this
///      probability per step. Endorsement alone changes nothing (the study's "first circle of
///      hierarchy" was satisfied, and nothing spread);
///    - *formalization* (`formalization`): from the step after its endorsement, management
///      formalizes the practice with this probability per step while one of its members still
///      holds it (a practice nobody holds any more is not formalized); formalization institutionalizes
///      the organization and pushes the practice on each of its members who does not hold it,
///      who adopts with probability `compliance`.
///
/// Institutionalization is absorbing: members of an institutionalized organization stop
/// forgetting. Without organizations (or with δ = R = μ = 0 and formalization off) the model is
/// SI; with δ > 0 and no organizations it is SIS with recovery δ (the same draws, bit for bit).
/// Turnover and organization events draw from a second generator derived from the run's, so
/// switching them on or off leaves the transmission and forgetting draws unchanged.
///
/// This replaces the former `head`, `share-or-head` and `share-and-head` institutionalization
/// rules, which counted a head's adoption as institutionalization, against the study.
///
/// Written by hand: no Swift package simulates organizational diffusion.
public struct PracticeParameters: Sendable, Hashable {
    /// What happens to a participant's position when the participant leaves the collective.
    public enum Replacement: String, Sendable, Hashable, CaseIterable {
        /// A colleague of the same organization, who does not hold the practice, takes the place.
        case colleague
        /// Nobody: the position stays empty.
        case none
    }

    /// δ: per step, the probability that a holder not sustained by the collective or by an
    /// institutionalized organization drops the practice. Default 0.05 (a practice unsustained
    /// lasts 20 steps on average).
    public var forgetting: Double
    /// R: the steps the share θ must keep holding, after it is reached, before the organization
    /// counts as institutionalized. Default 6 (half a year of monthly steps).
    public var routinization: Int
    /// μ: per step, the probability that a participant leaves the collective. Default 0.02.
    public var turnover: Double
    /// Who replaces a leaving participant. Default ``Replacement/colleague``.
    public var replacement: Replacement
    /// Per step, the probability that an informed management endorses the practice. Default 0.2.
    public var endorsement: Double
    /// Per step, the probability that a management which endorsed the practice formalizes it.
    /// 0 switches formalization off. Default 0 (off): the model does not assume a managerial
    /// decision that the data do not document (in the study, management endorsed and did not
    /// formalize), so by default it asks whether the practice takes root from below. A top-down
    /// scenario sets it (0.02: on average 50 steps after endorsement); `reach --sensitivity`
    /// sweeps 0 and 0.02.
    public var formalization: Double
    /// The probability that a member adopts the practice when it is formalized. Default 0.5.
    public var compliance: Double

    /// The documented defaults, or the given values (check them with ``validate()``).
    public init(forgetting: Double = 0.05, routinization: Int = 6, turnover: Double = 0.02,
                replacement: Replacement = .colleague, endorsement: Double = 0.2, formalization: Double = 0,
                compliance: Double = 0.5) {
        self.forgetting = forgetting
        self.routinization = routinization
        self.turnover = turnover
        self.replacement = replacement
        self.endorsement = endorsement
        self.formalization = formalization
        self.compliance = compliance
    }

    /// The practice without forgetting, routinization delay, turnover or formalization: SI.
    public static let inert = PracticeParameters(forgetting: 0, routinization: 0, turnover: 0, endorsement: 0,
                                                 formalization: 0, compliance: 0)

    /// Throws ``DiffusionParameterError`` naming the first value out of range.
    /// - Complexity: O(1).
    public func validate() throws(DiffusionParameterError) {
        for (name, value) in [("forgetting", forgetting), ("turnover", turnover), ("endorsement", endorsement),
                              ("formalization", formalization), ("compliance", compliance)]
        where !(value >= 0 && value <= 1) {
            throw DiffusionParameterError(parameter: name, "must be a probability in [0, 1], found \(value)")
        }
        guard routinization >= 0 && routinization <= 100_000 else {
            throw DiffusionParameterError(parameter: "routinization", "must be a number of steps in 0…100000, found \(routinization)")
        }
    }

    /// Parameters as text, for result metadata.
    public var metadata: [String: String] {
        ["forgetting": "\(forgetting)", "routinization": "\(routinization)", "turnover": "\(turnover)",
         "replace": replacement.rawValue, "endorsement": "\(endorsement)", "formalization": "\(formalization)",
         "compliance": "\(compliance)"]
    }
}

/// A model parameter that is out of range or that the chosen model would ignore.
public struct DiffusionParameterError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The parameter's name, as in the CLI without the dashes.
    public let parameter: String
    public let message: String

    public init(parameter: String, _ message: String) {
        self.parameter = parameter
        self.message = message
    }

    public var description: String { "--\(parameter): \(message)" }
}
