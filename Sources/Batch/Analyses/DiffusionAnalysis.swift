import Foundation
import Interstice

/// `diffuse` and `reach`: the manifest's parameters translated into a ``DiffusionRequest`` or a
/// ``ReachRequest`` (the requests `interstice diffuse` and `interstice reach` build), so the
/// same parameters give the same numbers through either door.
enum DiffusionAnalysis {
    /// The shared settings; `threads` is the runner's share of the cores (the tallies do not
    /// depend on it).
    static func settings(_ p: Parameters, threads: Int) throws(JobFailure) -> DiffusionSettings {
        var s = DiffusionSettings()
        s.seeds = p.string("seeds")
        s.model = ModelSettings(threshold: p.optionalDouble("threshold"), thresholdAttribute: p.string("threshold_attribute"),
                                k: p.optionalInt("k"), fraction: p.optionalDouble("fraction"),
                                recovery: p.optionalDouble("recovery"), bassP: p.optionalDouble("bass_p"),
                                bassQ: p.optionalDouble("bass_q"))
        s.model.setPractice(forgetting: p.optionalDouble("forgetting"), routinization: p.optionalInt("routinization"),
                            turnover: p.optionalDouble("turnover"),
                            replace: p.string("replace").flatMap { PracticeParameters.Replacement(rawValue: $0) },
                            endorsement: p.optionalDouble("endorsement"), formalization: p.optionalDouble("formalization"),
                            compliance: p.optionalDouble("compliance"))
        do {
            if let text = p.string("probabilities") { s.channels.probability = try ProbabilitySpec(parsing: text) }
            if let text = p.string("influence") { s.channels.influence = try ChannelSettings.influence(parsing: text) }
        } catch { throw JobFailure(error.description) }
        if let x = p.optionalDouble("probability") {
            guard p.string("probabilities") == nil else { throw JobFailure("give probability or probabilities, not both") }
            s.channels.probability = .uniform(x)
        }
        s.channels.relations = p.strings("relations").map { $0.map { Relation($0).canonicalized } }
        if let both = p.strings("both_ways") { s.channels.bothWays = both.map { Relation(rawValue: $0) } }
        s.channels.weighted = p.bool("weighted", s.channels.weighted)
        s.frame.collective = p.string("collective")
        s.frame.stepDays = p.double("step_days", s.frame.stepDays)
        s.frame.end = p.optionalInt("end")
        s.frame.theta = p.double("theta", s.frame.theta)
        if let rule = p.string("rule") { s.frame.rule = InstitutionalizationRule.Mode(rawValue: rule) ?? s.frame.rule }
        s.frame.organizations = p.string("organizations")
        s.frame.includeSchemes = p.bool("include_schemes", s.frame.includeSchemes)
        s.monteCarlo.runs = p.int("runs", s.monteCarlo.runs)
        s.monteCarlo.horizon = p.int("horizon", s.monteCarlo.horizon)
        s.monteCarlo.seed = p.seed
        s.monteCarlo.threads = threads
        return s
    }

    static func diffuseRequest(_ p: Parameters, threads: Int) throws(JobFailure) -> DiffusionRequest {
        let model: ModelKind
        do { model = try ModelKind.named(p.string("model") ?? DiffusionRequest().model.rawValue) }
        catch { throw JobFailure(error.description) }
        return DiffusionRequest(model: model, settings: try settings(p, threads: threads))
    }

    static func reachRequest(_ p: Parameters, threads: Int) throws(JobFailure) -> ReachRequest {
        var r = ReachRequest()
        do {
            if let names = p.strings("models") { r.models = try names.map { n throws(RequestError) in try ModelKind.named(n) } }
            if let n = p.string("null") { r.null = try ReachRequest.null(named: n) }
        } catch { throw JobFailure(error.description) }
        r.nullSamples = p.int("null_samples", r.nullSamples)
        r.nullRuns = p.int("null_runs", r.nullRuns)
        r.settings = try settings(p, threads: threads)
        return r
    }

    /// `diffuse`: one model from the collective (or the given seeds), per organization.
    static func diffuse(_ net: Network, _ p: Parameters, threads: Int) throws(JobFailure) -> JobOutput {
        let req = try diffuseRequest(p, threads: threads)
        let r: DiffusionResult
        do { r = try req.prepare(net).run() } catch { throw JobFailure(error.description) }
        var out = JobOutput()
        out.add(r, model: req.model.rawValue, curves: p.bool("curves", true))
        return out
    }

    /// `reach`: several models from the collective, each against a null model.
    static func reach(_ net: Network, _ p: Parameters, threads: Int) throws(JobFailure) -> JobOutput {
        let req = try reachRequest(p, threads: threads)
        let outcome: ReachRequest.Outcome
        do { outcome = try req.run(net) } catch { throw JobFailure(error.description) }
        var out = JobOutput()
        for (kind, m) in zip(req.models, outcome.result.models) {
            let name = kind.rawValue
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
