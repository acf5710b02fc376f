import ArgumentParser
import Interstice

extension DiffusionModelName: ExpressibleByArgument {}
extension InstitutionalizationRule.Mode: ExpressibleByArgument {}

/// The model names of `--model`.
enum DiffusionModelName: String, CaseIterable, Sendable {
    case ic, lt, complex, si, sis, sir, bass
    case sirContinuous = "sir-continuous"
}

/// Monte Carlo options shared by `diffuse` and `reach`.
struct MonteCarloOptions: ParsableArguments {
    @Option(help: "Number of Monte Carlo runs (at most, with --target-half-width).")
    var runs = 1000

    @Option(help: "Random seed: the same seed gives the same result, whatever --threads.")
    var seed: UInt64 = 1

    @Option(help: "Worker threads (default: every core).")
    var threads: Int?

    @Option(help: "Steps simulated after the seeds.")
    var horizon = 50

    @Option(help: "Stop once every reported 95% half-width is at most this (checked every 200 runs).")
    var targetHalfWidth: Double?

    func validate() throws {
        try OptionRange.check(runs, 1...OptionRange.maxRuns, "--runs")
        guard horizon >= 0 && horizon <= 100_000 else { throw ValidationError("--horizon must be in 0…100000") }
        try OptionRange.check(threads, 1...OptionRange.maxThreads, "--threads")
        try OptionRange.positive(targetHalfWidth, atMost: 1, "--target-half-width")
    }
}

/// The channels and the organizational frame.
struct ChannelOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Transmission probability per contact: one number for every channel relation, or per relation as acquaintance=0.2,exchange=0.4.", valueName: "p"))
    var probability = "0.2"

    @Option(help: ArgumentHelp("Relations that carry the invention (default: acquaintance, exchange, reports_to where present, else every relation but member and participant).", valueName: "r,r"))
    var relations: String?

    @Option(help: ArgumentHelp("Directed relations that also transmit against their direction.", valueName: "r,r"))
    var bothWays = "reports_to"

    @Flag(help: "Multiply each edge's probability by its weight (clamped to 1).")
    var weighted = false

    @Option(help: "The collective whose participants are the seeds and whose end makes adoption lapse (default: the first).")
    var collective: String?

    @Option(help: "Days per step, to turn the collective's dates into its end step.")
    var stepDays = 30.0

    @Option(help: "Override the collective's end step (-1: it never ends).")
    var end: Int?

    @Option(help: "Institutionalization: the share θ of non-participant members who must hold it.")
    var theta = 0.5

    @Option(help: "Institutionalization rule: share, head, share-or-head, share-and-head.")
    var rule: InstitutionalizationRule.Mode = .share

    @Option(help: ArgumentHelp("Only organizations whose attribute has this value count (for example level=hospital).", valueName: "attr=value"))
    var organizations: String?

    func validate() throws {
        guard theta > 0 && theta <= 1 else { throw ValidationError("--theta must be in (0, 1]") }
        try OptionRange.positive(stepDays, atMost: 36_500, "--step-days")
        try OptionRange.check(end, -1...100_000, "--end")
        if let o = organizations, o.split(separator: "=", maxSplits: 1).count != 2 {
            throw ValidationError("--organizations takes attr=value, for example level=hospital")
        }
        _ = try strengths(default: [])
    }

    /// Relation → probability from `--probability` and `--relations`.
    func strengths(default relations: [Relation]) throws -> [Relation: Double] {
        var out: [Relation: Double] = [:]
        if probability.contains("=") {
            for part in probability.split(separator: ",") {
                let kv = part.split(separator: "=", maxSplits: 1).map(String.init)
                guard kv.count == 2, let p = Double(kv[1]), p >= 0, p <= 1 else {
                    throw ValidationError("--probability: expected relation=p with p in [0, 1], found \"\(part)\"")
                }
                out[Relation(kv[0])] = p
            }
            return out
        }
        guard let p = Double(probability), p >= 0, p <= 1 else {
            throw ValidationError("--probability: expected a number in [0, 1] or relation=p pairs, found \"\(probability)\"")
        }
        let rels = self.relations.map { $0.split(separator: ",").map { Relation(String($0)) } } ?? relations
        for r in rels { out[r] = p }
        return out
    }

    /// The default channel relations of a network.
    static func defaultRelations(_ net: Network) -> [Relation] {
        let standard: [Relation] = [.acquaintance, .exchange, .reportsTo]
        let present = standard.filter { net.layer($0) != nil }
        if !present.isEmpty { return present }
        return net.relations.filter { $0 != .member && $0 != .participant }
    }

    func channels(_ net: Network) throws -> TransmissionChannels {
        let s = try strengths(default: ChannelOptions.defaultRelations(net))
        for r in s.keys where net.layer(r) == nil {
            throw ValidationError("the dataset has no relation \"\(r)\"; it has \(net.relations.map(\.rawValue).joined(separator: ", "))")
        }
        return TransmissionChannels(strength: s, bothWays: Set(bothWays.split(separator: ",").map { Relation(String($0)) }),
                                    timesEdgeWeight: weighted)
    }

    /// The collective chosen by `--collective`, or the first.
    func chosenCollective(_ net: Network) throws -> Collective? {
        let all = net.collectives
        if let name = collective {
            guard let c = all.first(where: { $0.id == name }) else {
                throw ValidationError("no collective \"\(name)\"; the dataset has \(all.isEmpty ? "none" : all.map(\.id).joined(separator: ", "))")
            }
            return c
        }
        return all.first
    }

    /// The organizations `--organizations attr=value` keeps, by node index (nil: all). Null
    /// networks keep node indices and attributes, so the filter of the observed network serves them.
    func organizationFilter(_ net: Network) throws -> (@Sendable (Int32) -> Bool)? {
        guard let o = organizations else { return nil }
        let kv = o.split(separator: "=", maxSplits: 1).map(String.init)
        guard kv.count == 2, let column = net.nodeAttributes[kv[0]] else {
            throw ValidationError("--organizations: the dataset has no node attribute \"\(kv.first ?? o)\"")
        }
        let keep = (0..<net.nodeCount).map { column.values[$0]?.description == kv[1] }
        guard net.organizations(include: { keep[Int($0)] }).groupCount > 0 else {
            throw ValidationError("--organizations \(o): no organization has that value")
        }
        return { v in Int(v) < keep.count && keep[Int(v)] }
    }

    /// The organizational frame: the collective's participants and end (or, without a
    /// collective, `starters` as the group the invention starts from, with no end), the
    /// organizations kept by `include`, their heads, and the rule.
    func frame(_ net: Network, collective: Collective?, starters: NodeSet? = nil,
               include: (@Sendable (Int32) -> Bool)? = nil) -> OrganizationFrame {
        let f = net.diffusionFrame(collective: collective, stepDays: stepDays,
                                   rule: InstitutionalizationRule(threshold: theta, mode: rule), include: include)
        let participants = collective == nil ? (starters ?? f.participants) : f.participants
        let last = self.end.map { $0 < 0 ? nil : $0 } ?? f.collectiveEnd
        return OrganizationFrame(organizations: f.organizations, participants: participants, collectiveEnd: last, heads: f.heads, rule: f.rule)
    }
}
