import Foundation
import Interstice

/// `diffuse` and `reach`: the set-up of `interstice diffuse` / `interstice reach` from a job's
/// parameters (the CLI's `DiffusionSetup` reads command-line options; this reads the manifest's
/// names and defaults, listed in ``AnalysisKind``).
enum DiffusionAnalysis {
    /// The default channel relations: acquaintance, exchange and reports_to where present, else
    /// every relation but member and participant (as the CLI).
    static func defaultRelations(_ net: Network) -> [Relation] {
        let standard: [Relation] = [.acquaintance, .exchange, .reportsTo]
        let present = standard.filter { net.layer($0) != nil }
        if !present.isEmpty { return present }
        return net.relations.filter { $0 != .member && $0 != .participant }
    }

    static func channels(_ net: Network, _ p: Parameters) throws(JobFailure) -> TransmissionChannels {
        let relations = p.strings("relations").map { $0.map { Relation($0) } } ?? defaultRelations(net)
        for r in relations where net.layer(r) == nil {
            throw JobFailure("the dataset has no relation \"\(r)\"; it has \(net.relations.map(\.rawValue).joined(separator: ", "))")
        }
        guard !relations.isEmpty else { throw JobFailure("the dataset has no tie relation to carry the invention") }
        let prob = p.double("probability", 0.2)
        var strength: [Relation: Double] = [:]
        for r in relations { strength[r] = prob }
        let both = Set((p.strings("both_ways") ?? ["reports_to"]).map { Relation($0) })
        return TransmissionChannels(strength: strength, bothWays: both, timesEdgeWeight: p.bool("weighted", false))
    }

    static func collective(_ net: Network, _ p: Parameters) throws(JobFailure) -> Collective? {
        let all = net.collectives
        if let name = p.string("collective") {
            guard let c = all.first(where: { $0.id == name }) else {
                throw JobFailure("no collective \"\(name)\"; the dataset has \(all.isEmpty ? "none" : all.map(\.id).joined(separator: ", "))")
            }
            return c
        }
        return all.first
    }

    static func frame(_ net: Network, collective: Collective?, _ p: Parameters) -> OrganizationFrame {
        let rule = InstitutionalizationRule.Mode(rawValue: p.string("rule") ?? "share") ?? .share
        let f = net.diffusionFrame(collective: collective, stepDays: p.double("step_days", 30),
                                   rule: InstitutionalizationRule(threshold: p.double("theta", 0.5), mode: rule))
        guard let end = p.optionalInt("end") else { return f }
        return OrganizationFrame(organizations: f.organizations, participants: f.participants,
                                 collectiveEnd: end < 0 ? nil : end, heads: f.heads, rule: f.rule)
    }

    static func model(_ name: String, _ p: Parameters) -> DiffusionModel {
        switch name {
        case "lt": return .linearThreshold(p.optionalDouble("threshold").map { .fixed($0) } ?? .uniformRandom)
        case "complex": return .complexContagion(p.optionalDouble("fraction").map { .fractional($0) } ?? .absolute(p.int("k", 2)))
        case "si": return .si
        case "sis": return .sis(recovery: p.double("recovery", 0.2))
        case "sir": return .sir(recovery: p.double("recovery", 0.2))
        case "bass": return .bass(p: p.double("bass_p", 0.01), q: p.double("bass_q", 0.3))
        default: return .independentCascade
        }
    }

    /// `diffuse`: one model from the collective (or the given seeds), per organization.
    static func diffuse(_ net: Network, _ p: Parameters, threads: Int) throws(JobFailure) -> JobOutput {
        let collective = try collective(net, p)
        let seeds: [Int32]
        if let text = p.string("seeds") {
            do { seeds = try SeedSelection(parsing: text).resolve(in: net, seed: p.seed) }
            catch { throw JobFailure("seeds: \(error.description)") }
        } else {
            guard let collective else { throw JobFailure("the dataset has no collective: give seeds (ids, random:K or top:K:MEASURE)") }
            seeds = collective.participants.members
        }
        guard !seeds.isEmpty else { throw JobFailure("no seed: the collective has no participants") }
        let graph = net.diffusionGraph(try channels(net, p))
        let name = p.string("model") ?? "ic"
        let parameters = DiffusionParameters(model: model(name, p), seeds: seeds, runs: p.int("runs", 1000),
                                             horizon: p.int("horizon", 50), seed: p.seed, threads: threads,
                                             frame: frame(net, collective: collective, p))
        let r = Diffusion.simulate(graph, parameters)
        var out = JobOutput()
        out.add(r, model: name, curves: p.bool("curves", true))
        return out
    }

    /// `reach`: several models from the collective, each against a null model.
    static func reach(_ net: Network, _ p: Parameters, threads: Int) throws(JobFailure) -> JobOutput {
        guard let collective = try collective(net, p) else {
            throw JobFailure("the dataset has no collective (a node of kind collective with participant edges)")
        }
        guard !collective.participants.members.isEmpty else { throw JobFailure("the collective has no participants") }
        let names = p.strings("models") ?? ["ic", "lt", "complex"]
        let nullName = p.string("null") ?? "organization-preserving"
        let analysis = ReachAnalysis(
            models: names.map { model($0, p) }, channels: try channels(net, p), runs: p.int("runs", 1000),
            horizon: p.int("horizon", 50), seed: p.seed, threads: threads, nullModel: NullModel(rawValue: nullName),
            nullSamples: p.int("null_samples", 99), nullRuns: p.int("null_runs", 500))
        let result = analysis.run(net, seeds: collective.participants.members,
                                  frame: { frame($0, collective: collective, p) })
        var out = JobOutput()
        for (name, m) in zip(names, result.models) {
            out.add(m.observed, model: name, curves: p.bool("curves", true), comparisons: m.perOrganization)
            for c in m.overall {
                let key = c.statistic.replacingOccurrences(of: " ", with: "_")
                out.stat(key, c.observed, model: name)
                if c.samples > 0 {
                    out.stat("\(key):null_mean", c.nullMean, model: name)
                    out.stat("\(key):null_sd", c.nullSD, model: name)
                    out.stat("\(key):p_less", c.pLess, model: name)
                    out.stat("\(key):p_greater", c.pGreater, model: name)
                }
            }
        }
        return out
    }
}
