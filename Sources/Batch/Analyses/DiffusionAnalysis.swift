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

    /// The practice model's parameters from a job (the library's defaults where not given);
    /// given practice parameters with no practice model, or ones the model would ignore, fail.
    static func practice(_ names: [String], _ p: Parameters) throws(JobFailure) -> PracticeParameters {
        let given = AnalysisKind.practiceParameters.filter { p.values[$0] != nil && p.values[$0] != .null }
        if !given.isEmpty && !names.contains("practice") {
            throw JobFailure("\(given.joined(separator: ", ")) only apply to the practice model, which is not among the models (\(names.joined(separator: ", ")))")
        }
        var x = PracticeParameters()
        if let v = p.optionalDouble("forgetting") { x.forgetting = v }
        if let v = p.optionalInt("routinization") { x.routinization = v }
        if let v = p.optionalDouble("turnover") { x.turnover = v }
        if let v = p.string("replace") { x.replacement = PracticeParameters.Replacement(rawValue: v) ?? x.replacement }
        if let v = p.optionalDouble("endorsement") { x.endorsement = v }
        if let v = p.optionalDouble("formalization") { x.formalization = v }
        if let v = p.optionalDouble("compliance") { x.compliance = v }
        do { try x.validate() } catch { throw JobFailure(error.description.replacingOccurrences(of: "--", with: "")) }
        if given.contains("compliance") && x.formalization == 0 {
            throw JobFailure("compliance: formalization is off (formalization 0), so no member is ever asked to comply")
        }
        if given.contains("replace") && x.turnover == 0 {
            throw JobFailure("replace: turnover is off (turnover 0), so nobody is ever replaced")
        }
        return x
    }

    static func model(_ name: String, _ p: Parameters, practice: PracticeParameters = PracticeParameters()) -> DiffusionModel {
        switch name {
        case "practice": return .practice(practice)
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
        let x = try practice([name], p)
        let parameters = DiffusionParameters(model: model(name, p, practice: x), seeds: seeds, runs: p.int("runs", 1000),
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
        let names = p.strings("models") ?? ["practice"]
        let nullName = p.string("null") ?? "collective-preserving"
        let x = try practice(names, p)
        let analysis = ReachAnalysis(
            models: names.map { model($0, p, practice: x) }, channels: try channels(net, p), runs: p.int("runs", 1000),
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
