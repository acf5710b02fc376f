import ArgumentParser
import Interstice

extension ModelKind: ExpressibleByArgument {}
extension PracticeParameters.Replacement: ExpressibleByArgument {}

/// Monte Carlo options shared by `diffuse` and `reach`: translated into ``MonteCarloSettings``.
struct MonteCarloOptions: ParsableArguments {
    @Option(help: "Number of Monte Carlo runs (at most, with --target-half-width; default \(MonteCarloSettings().runs)).")
    var runs: Int?

    @Option(help: "Random seed: the same seed gives the same result, whatever --threads (default \(MonteCarloSettings().seed)).")
    var seed: UInt64?

    @Option(help: "Worker threads (default: every core).")
    var threads: Int?

    @Option(help: "Steps simulated after the seeds (default \(MonteCarloSettings().horizon)).")
    var horizon: Int?

    @Option(help: "Stop once every reported 95% half-width is at most this (checked every 200 runs).")
    var targetHalfWidth: Double?

    var settings: MonteCarloSettings {
        var s = MonteCarloSettings()
        if let runs { s.runs = runs }
        if let seed { s.seed = seed }
        if let horizon { s.horizon = horizon }
        s.threads = threads
        s.targetHalfWidth = targetHalfWidth
        return s
    }
}

/// The channels and the organizational frame: translated into ``ChannelSettings`` and
/// ``FrameSettings``.
struct ChannelOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Transmission probability per contact (ic) or per tie and step (practice, si, sis, sir): one number for every channel relation, or per relation as acquaintance=0.2,exchange=0.4 (every channel relation listed, or other=P for the rest; default \(ChannelSettings.defaultPracticePerStep) for practice, \(ChannelSettings.defaultPerContact) for the others).", valueName: "p"))
    var probability: String?

    @Option(help: ArgumentHelp("Relations that carry the invention (default: acquaintance, exchange, reports_to where present, else every relation but member and participant).", valueName: "r,r"))
    var relations: String?

    @Option(help: ArgumentHelp("Directed relations that also transmit against their direction (default \(ChannelSettings().bothWays.map(\.rawValue).joined(separator: ","))).", valueName: "r,r"))
    var bothWays: String?

    @Flag(help: "Multiply each edge's probability by its weight (clamped to 1).")
    var weighted = false

    @Option(help: ArgumentHelp("Which way influence flows along a directed relation, overriding dataset.json's `influence`: relation=along (source to target, as an exchange), reverse (a nomination: ego names alter, alter influences ego) or both.", valueName: "r=flow,r=flow"))
    var influence: String?

    @Option(help: "The collective whose participants are the seeds and whose end makes adoption lapse (default: the first).")
    var collective: String?

    @Option(help: "Days per step, to turn the collective's dates into its end step (default \(Int(FrameSettings().stepDays))).")
    var stepDays: Double?

    @Option(help: ArgumentHelp("Override the collective's end step: a step, or never (also written --end=-1).", valueName: "step|never"))
    var end: String?

    /// `--end`: a step, or `never` / `-1` (the collective never ends).
    var endStep: Int? {
        get throws(RequestError) {
            guard let end else { return nil }
            if end == "never" { return -1 }
            guard let e = Int(end) else { throw .usage("end: expected a step number or never, found \"\(end)\"") }
            return e
        }
    }

    @Option(help: "Institutionalization: the share θ of non-participant members who must hold it (default \(FrameSettings().theta)).")
    var theta: Double?

    @Option(help: "Institutionalization rule: share (the head rules were removed: a head's adoption is endorsement, see the practice model's --endorsement and --formalization).",
            transform: ChannelOptions.parseRule)
    var rule: InstitutionalizationRule.Mode?

    static func parseRule(_ text: String) throws -> InstitutionalizationRule.Mode {
        if let mode = InstitutionalizationRule.Mode(rawValue: text) { return mode }
        if InstitutionalizationRule.removedModes.contains(text) {
            throw ValidationError("--rule \(text): \(InstitutionalizationRule.removedModesNote)")
        }
        throw ValidationError("--rule takes share, found \"\(text)\"")
    }

    @Option(help: ArgumentHelp("Only organizations whose attribute has this value count (for example level=hospital).", valueName: "attr=value"))
    var organizations: String?

    @Flag(help: "Count territorial schemes (organizations with employer=false) among the organizations that must institutionalize (default: left out, with a note).")
    var includeSchemes = false

    func channelSettings() throws(RequestError) -> ChannelSettings {
        var c = ChannelSettings()
        if let probability { c.probability = try ProbabilitySpec(parsing: probability) }
        c.relations = relations.map(relationList)
        if let bothWays { c.bothWays = relationList(bothWays) }
        c.weighted = weighted
        if let influence { c.influence = try ChannelSettings.influence(parsing: influence) }
        return c
    }

    var frameSettings: FrameSettings {
        get throws(RequestError) {
        var f = FrameSettings()
        f.collective = collective
        if let stepDays { f.stepDays = stepDays }
        f.end = try endStep
        if let theta { f.theta = theta }
        if let rule { f.rule = rule }
        f.organizations = organizations
        f.includeSchemes = includeSchemes
        return f
        }
    }
}

/// Model parameters as named options: translated into ``ModelSettings`` (a parameter the
/// chosen model does not use is an error).
struct ModelOptions: ParsableArguments {
    @Option(help: "Linear threshold: one threshold in [0, 1] for every node (default: uniform random per run).")
    var threshold: Double?

    @Option(help: "Linear threshold: node attribute holding each node's threshold in [0, 1] (missing: uniform random).")
    var thresholdAttribute: String?

    @Option(help: "Complex contagion: adopting neighbours needed (absolute threshold; default \(ModelSettings.defaultK)).")
    var k: Int?

    @Option(help: "Complex contagion: share of neighbours needed (fractional threshold).")
    var fraction: Double?

    @Option(help: "SIS/SIR: probability per step that a holder stops transmitting (SIR) or drops it (SIS); sir-continuous: the recovery rate (default \(ModelSettings.defaultRecovery)).")
    var recovery: Double?

    @Option(name: .customLong("bass-p"), help: "Bass: external influence per step (default \(ModelSettings.defaultBassP)).")
    var bassP: Double?

    @Option(name: .customLong("bass-q"), help: "Bass: imitation, times the share of adopting neighbours (default \(ModelSettings.defaultBassQ)).")
    var bassQ: Double?

    @Option(help: "Practice: per step, probability that a holder not sustained by the collective or an institutionalized organization forgets (default \(PracticeParameters().forgetting)).")
    var forgetting: Double?

    @Option(help: "Practice: steps the share θ must keep holding, after it is reached, before the organization is institutionalized (default \(PracticeParameters().routinization)).")
    var routinization: Int?

    @Option(help: "Practice: per step, probability that a participant leaves the collective while it lives (default \(PracticeParameters().turnover)).")
    var turnover: Double?

    @Option(help: "Practice: who replaces a leaving participant: colleague (same organization and ties, without the practice) or none (default \(PracticeParameters().replacement.rawValue)).")
    var replace: PracticeParameters.Replacement?

    @Option(help: "Practice: per step, probability that an informed management endorses the practice (default \(PracticeParameters().endorsement)); endorsement alone institutionalizes nothing.")
    var endorsement: Double?

    @Option(help: "Practice: per step, probability that a management which endorsed it formalizes it, which institutionalizes it (default \(PracticeParameters().formalization); 0: off).")
    var formalization: Double?

    @Option(help: "Practice: probability that a member adopts a formalized practice (default \(PracticeParameters().compliance)).")
    var compliance: Double?

    var settings: ModelSettings {
        var s = ModelSettings(threshold: threshold, thresholdAttribute: thresholdAttribute, k: k, fraction: fraction,
                              recovery: recovery, bassP: bassP, bassQ: bassQ)
        s.setPractice(forgetting: forgetting, routinization: routinization, turnover: turnover, replace: replace,
                      endorsement: endorsement, formalization: formalization, compliance: compliance)
        return s
    }
}

/// Everything `diffuse` and `reach` share, as the catalogue's ``DiffusionSettings``.
func diffusionSettings(seeds: String?, monteCarlo: MonteCarloOptions, channels: ChannelOptions,
                       parameters: ModelOptions) throws(RequestError) -> DiffusionSettings {
    DiffusionSettings(seeds: seeds, model: parameters.settings, channels: try channels.channelSettings(),
                      frame: try channels.frameSettings, monteCarlo: monteCarlo.settings)
}
