import GraphAlgorithms
import GraphCore

/// The transmission probability: one for every channel relation, or one per relation.
public enum ProbabilitySpec: Sendable, Hashable, CustomStringConvertible {
    case uniform(Double)
    /// Per relation; `other` is the probability of every channel relation not listed (nil: a
    /// channel relation left out is an error, never a silent 0).
    case perRelation([Relation: Double], other: Double?)

    /// `0.2`, or `acquaintance=0.3,exchange=0.1[,other=0.05]`.
    public init(parsing text: String) throws(RequestError) {
        if !text.contains("=") {
            guard let p = Double(text.trimmedSpaces), (0...1).contains(p) else {
                throw .usage("probability: expected a number in [0, 1] or relation=p pairs, found \"\(text)\"")
            }
            self = .uniform(p)
            return
        }
        var table: [Relation: Double] = [:]
        var other: Double?
        for part in text.split(separator: ",") {
            let kv = part.split(separator: "=", maxSplits: 1).map { $0.trimmedSpaces }
            guard kv.count == 2, !kv[0].isEmpty, let p = Double(kv[1]), (0...1).contains(p) else {
                throw .usage("probability: expected relation=p with p in [0, 1], found \"\(part)\"")
            }
            if kv[0] == "other" { other = p; continue }
            let r = Relation(kv[0]).canonicalized
            guard table[r] == nil else { throw .usage("probability: relation \"\(r)\" given twice") }
            table[r] = p
        }
        self = .perRelation(table, other: other)
    }

    public var description: String {
        switch self {
        case .uniform(let p): return "\(p)"
        case .perRelation(let t, let other):
            return (t.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" } + (other.map { ["other=\($0)"] } ?? []))
                .joined(separator: ",")
        }
    }
}

/// Which ties carry the invention, how strongly, and both ways or not.
public struct ChannelSettings: Sendable, Hashable {
    /// The transmission probability (nil: the model's default, ``defaultProbability(for:)``).
    public var probability: ProbabilitySpec?
    /// Channel relations (nil: acquaintance, exchange and reports_to where present, else every
    /// relation but the memberships and the organization-level ones).
    public var relations: [Relation]?
    /// Directed relations that also transmit against their direction.
    public var bothWays: [Relation]
    /// Multiply each edge's probability by its weight.
    public var weighted: Bool
    /// Which way influence flows, overriding what `dataset.json` declares (`influence`).
    public var influence: [Relation: InfluenceFlow]

    /// The default probability of one-shot and generic models (ic, si, sis, sir): 0.2 per contact
    /// or per step.
    public static let defaultPerContact = 0.2
    /// The practice model's default: 0.02 per tie and per step of 30 days. Anchored on observed
    /// adoption, not on the case studies' outcome: the contagion model fitted to the bundled
    /// medical-innovation data (`interstice fit Datasets/medInnovations --adoption toa --never 18
    /// --model contagion`, monthly periods) puts the per-month probability of adoption from one
    /// adopting alter at 0.015 (advice; 95% interval 0–0.047), the other relations at 0. At the
    /// former default, 0.2 per step, every organization of both case studies institutionalizes
    /// under every null, so the comparison says nothing. `--sensitivity` sweeps 0.01–0.2.
    public static let defaultPracticePerStep = 0.02

    /// The default probability of a model that reads it as a probability (nil for lt, complex
    /// and bass: a uniform probability is normalized away by lt's influence weights, and complex
    /// and bass do not read it).
    public static func defaultProbability(for model: ModelKind) -> Double? {
        switch model {
        case .practice: defaultPracticePerStep
        case .ic, .si, .sis, .sir, .sirContinuous: defaultPerContact
        case .lt, .complex, .bass: nil
        }
    }

    /// The probability in force for `models`: the one given, else the models' common default;
    /// models whose defaults differ (practice with ic) need it given, never a silent choice.
    public func resolvedProbability(for models: [ModelKind]) throws(RequestError) -> ProbabilitySpec {
        if let probability { return probability }
        let defaults = Set(models.compactMap { ChannelSettings.defaultProbability(for: $0) })
        guard defaults.count <= 1 else {
            let reading = models.filter { ChannelSettings.defaultProbability(for: $0) != nil }
            throw .usage("probability: the models \(reading.map(\.rawValue).joined(separator: ", ")) have different default probabilities (practice \(ChannelSettings.defaultPracticePerStep) per step, the others \(ChannelSettings.defaultPerContact)); give --probability")
        }
        return .uniform(defaults.first ?? ChannelSettings.defaultPerContact)
    }

    public init(probability: ProbabilitySpec? = nil, relations: [Relation]? = nil,
                bothWays: [Relation] = [.reportsTo], weighted: Bool = false, influence: [Relation: InfluenceFlow] = [:]) {
        self.probability = probability; self.relations = relations; self.bothWays = bothWays; self.weighted = weighted
        self.influence = influence
    }

    /// `advice=reverse,exchange=along`.
    public static func influence(parsing text: String) throws(RequestError) -> [Relation: InfluenceFlow] {
        var out: [Relation: InfluenceFlow] = [:]
        for part in text.split(separator: ",") {
            let kv = part.split(separator: "=", maxSplits: 1).map { $0.trimmedSpaces }
            guard kv.count == 2, let f = InfluenceFlow(rawValue: kv[1]) else {
                throw .usage("influence: expected relation=along|reverse|both, found \"\(part)\"")
            }
            out[Relation(kv[0]).canonicalized] = f
        }
        return out
    }

    /// Which way influence flows along `relation` in `net`: the override, else what
    /// `dataset.json` declares, else both ways for an undirected relation or one in `bothWays`,
    /// along the arcs otherwise.
    public func flow(_ relation: Relation, in net: Network) throws(RequestError) -> InfluenceFlow {
        let layer = net.layer(relation)
        if layer?.direction == .undirected { return .both }
        var f = influence[relation]
        if f == nil, let declared = net.metadata.influence[relation.rawValue] {
            guard let d = InfluenceFlow(rawValue: declared) else {
                throw .badData("dataset.json: influence of \"\(relation)\" is \"\(declared)\"; expected along, reverse or both")
            }
            f = d
        }
        if bothWays.contains(relation) { return .both }
        return f ?? .along
    }

    /// The tie relations of a network: those with at least one edge between two one-mode nodes
    /// (not `member` or `participant`, nor organization-level relations such as `part_of`,
    /// `agreement` or `endorses`, whose edges touch organizations).
    /// - Complexity: O(m).
    public static func tieRelations(_ net: Network) -> [Relation] {
        net.layers.filter { l in
            guard l.relation != .member && l.relation != .participant else { return false }
            for e in 0..<l.edgeCount where net.isOneModeNode(Int(l.sources[e])) && net.isOneModeNode(Int(l.targets[e])) {
                return true
            }
            return false
        }.map(\.relation)
    }

    /// The default channel relations of a network: acquaintance, exchange and reports_to where
    /// present, else every tie relation.
    public static func defaultRelations(_ net: Network) -> [Relation] {
        let standard: [Relation] = [.acquaintance, .exchange, .reportsTo]
        let present = standard.filter { net.layer($0) != nil }
        if !present.isEmpty { return present }
        return tieRelations(net)
    }

    /// The channel relations, checked against the data.
    public func channelRelations(_ net: Network) throws(RequestError) -> [Relation] {
        let rels = try relations.map { r throws(RequestError) in try net.checkedRelations(r, option: "relations") }
            ?? ChannelSettings.defaultRelations(net)
        for r in rels where r == .member || r == .participant {
            throw .usage("relations: \"\(r)\" is a membership, not a channel between actors")
        }
        guard !rels.isEmpty else { throw .badData("the dataset has no tie relation to carry the invention (it has \(net.relationList))") }
        return rels
    }

    /// The library's channels for `models` (their probability: ``resolvedProbability(for:)``).
    public func channels(_ net: Network, models: [ModelKind]) throws(RequestError) -> TransmissionChannels {
        let rels = try channelRelations(net)
        var strength: [Relation: Double] = [:]
        switch try resolvedProbability(for: models) {
        case .uniform(let p):
            for r in rels { strength[r] = p }
        case .perRelation(let table, let other):
            for r in table.keys where !rels.contains(r) {
                if net.layer(r) == nil { throw .badData("probability: the dataset has no relation \"\(r)\"; it has \(net.relationList)") }
                throw .usage("probability: \"\(r)\" is not a channel relation here (channels: \(rels.map(\.rawValue).joined(separator: ", "))); add it to relations")
            }
            for r in rels {
                guard let p = table[r] ?? other else {
                    throw .usage("probability: no value for the channel relation \"\(r)\"; give \(r)=P, or other=P for every relation not listed")
                }
                strength[r] = p
            }
        }
        for r in influence.keys where !rels.contains(r) {
            throw .usage("influence: \"\(r)\" is not a channel relation here (channels: \(rels.map(\.rawValue).joined(separator: ", ")))")
        }
        var both: Set<Relation> = [], reversed: Set<Relation> = []
        for r in rels {
            switch try flow(r, in: net) {
            case .both: both.insert(r)
            case .reverse: reversed.insert(r)
            case .along: break
            }
        }
        var tc = TransmissionChannels(strength: strength, bothWays: both, timesEdgeWeight: weighted)
        tc.reversed = reversed
        return tc
    }
}

/// The organizational frame: the collective, its lifespan, and when an organization counts as
/// having institutionalized the invention.
public struct FrameSettings: Sendable, Hashable {
    /// The collective (nil: the first).
    public var collective: String?
    public var stepDays: Double
    /// The collective's end step (nil: from its dates; -1: never).
    public var end: Int?
    public var theta: Double
    public var rule: InstitutionalizationRule.Mode
    /// Keep only organizations whose attribute has a value (`level=hospital`).
    public var organizations: String?
    /// Count territorial schemes (organizations with `employer=false`) among the organizations
    /// that must institutionalize (default: left out, see ``schemeNote(_:)``).
    public var includeSchemes: Bool

    public init(collective: String? = nil, stepDays: Double = 30, end: Int? = nil, theta: Double = 0.5,
                rule: InstitutionalizationRule.Mode = .share, organizations: String? = nil, includeSchemes: Bool = false) {
        self.collective = collective; self.stepDays = stepDays; self.end = end; self.theta = theta; self.rule = rule
        self.organizations = organizations; self.includeSchemes = includeSchemes
    }

    /// What the frame leaves out, for a note: the schemes that do not count.
    public func schemeNote(_ net: Network) -> String? {
        let schemes = net.nonEmployerOrganizations
        guard !schemes.isEmpty, !includeSchemes else { return nil }
        return "not counted as organizations that institutionalize (employer=false): "
            + schemes.map { net.ids[Int($0)] }.joined(separator: ", ") + "; --include-schemes counts them"
    }

    public func validate() throws(RequestError) {
        guard theta > 0 && theta <= 1 else { throw .usage("theta must be in (0, 1], found \(theta)") }
        guard stepDays > 0 && stepDays <= 36_500 else { throw .usage("step-days must be in (0, 36500], found \(stepDays)") }
        if let e = end, !(-1...10_000_000).contains(e) { throw .usage("end must be -1 (never) or a step in 0…10000000, found \(e)") }
        if let o = organizations, o.split(separator: "=", maxSplits: 1).count != 2 {
            throw .usage("organizations takes attr=value, for example level=hospital")
        }
    }

    /// The collective chosen, or the first; nil when the dataset has none.
    public func chosenCollective(_ net: Network) throws(RequestError) -> Collective? {
        let all = net.collectives
        if let name = collective {
            guard let c = all.first(where: { $0.id == name }) else {
                throw .badData("no collective \"\(name)\"; the dataset has \(all.isEmpty ? "none" : all.map(\.id).joined(separator: ", "))")
            }
            return c
        }
        return all.first
    }

    /// The organizations kept, by node index (nil: all). Null networks keep node indices and
    /// attributes, so the filter of the observed network serves them.
    public func organizationFilter(_ net: Network) throws(RequestError) -> (@Sendable (Int32) -> Bool)? {
        guard let o = organizations else { return nil }
        let kv = o.split(separator: "=", maxSplits: 1).map(String.init)
        guard kv.count == 2, let column = net.nodeAttributes[kv[0]] else {
            throw .badData("organizations: the dataset has no node attribute \"\(o.split(separator: "=").first.map(String.init) ?? o)\"")
        }
        let keep = (0..<net.nodeCount).map { column.values[$0]?.description == kv[1] }
        guard net.organizations(include: { keep[Int($0)] }).groupCount > 0 else {
            throw .badData("organizations \(o): no organization has that value")
        }
        return { v in Int(v) < keep.count && keep[Int(v)] }
    }

    /// The frame on `net`: the starting group counts as "in the collective" (its members are
    /// not counted beyond it), whether it is the collective or seeds given without one, so
    /// `diffuse --per organization` and `reach` share their denominators.
    public func frame(_ net: Network, collective: Collective?, starters: NodeSet,
                      include: (@Sendable (Int32) -> Bool)?) -> OrganizationFrame {
        let f = net.diffusionFrame(collective: collective, stepDays: stepDays,
                                   rule: InstitutionalizationRule(threshold: theta, mode: rule), include: include,
                                   includeNonEmployers: includeSchemes)
        let participants = collective == nil ? starters : f.participants
        let last = end.map { $0 < 0 ? nil : $0 } ?? f.collectiveEnd
        return OrganizationFrame(organizations: f.organizations, participants: participants, collectiveEnd: last,
                                 heads: f.heads, rule: f.rule)
    }
}

/// How many Monte Carlo runs, how long, with which seed and threads.
public struct MonteCarloSettings: Sendable, Hashable {
    public var runs: Int
    public var horizon: Int
    public var seed: UInt64
    /// Worker threads (nil: every core); the results do not depend on it.
    public var threads: Int?
    /// Stop once every reported 95% half-width is at most this.
    public var targetHalfWidth: Double?

    public init(runs: Int = 1000, horizon: Int = 50, seed: UInt64 = 1, threads: Int? = nil, targetHalfWidth: Double? = nil) {
        self.runs = runs; self.horizon = horizon; self.seed = seed; self.threads = threads; self.targetHalfWidth = targetHalfWidth
    }

    public func validate() throws(RequestError) {
        guard (1...100_000_000).contains(runs) else { throw .usage("runs must be in 1…100000000, found \(runs)") }
        guard (0...100_000).contains(horizon) else { throw .usage("horizon must be in 0…100000, found \(horizon)") }
        if let t = threads, !(1...1024).contains(t) { throw .usage("threads must be in 1…1024, found \(t)") }
        if let w = targetHalfWidth, !(w > 0 && w < 1) { throw .usage("target-half-width must be in (0, 1), found \(w)") }
    }
}
