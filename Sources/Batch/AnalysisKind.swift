import Interstice

/// The analyses a manifest can run, with their parameters.
///
/// `seed` is a parameter of the randomized analyses; its default is the manifest's seed (or
/// `--seed`), so the same manifest and seed give the same results.
public enum AnalysisKind: String, Sendable, Hashable, CaseIterable {
    /// What is in a dataset: counts, density, components (`interstice info`).
    case info
    /// Node centralities of the tie graph.
    case centrality
    /// A diffusion model from the collective (`interstice diffuse --per organization`).
    case diffuse
    /// Several models side by side against a null model (`interstice reach`).
    case reach
    /// A diagram through Graphviz (`interstice render`), written beside the store.
    case render

    /// Model names, from the catalogue.
    public static let models = ModelKind.allCases.map(\.rawValue)
    /// Measure names, from the catalogue, with the underscore and plural spellings it accepts.
    public static let measures = Measure.allCases.map(\.rawValue)
        + Measure.allCases.map(\.rawValue).filter { $0.contains("-") }.map { $0.replacingOccurrences(of: "-", with: "_") }
        + ["hubs", "authorities"]

    /// Parameters shared by diffuse and reach: channels, frame, Monte Carlo. Defaults come from
    /// the catalogue's ``DiffusionSettings`` (the only place they are written); the models' own
    /// parameters have none here (absent unless given, as on the command line), so a parameter
    /// the job's model does not use fails the job instead of being ignored.
    static let diffusionCommon: [ParameterSpec] = {
        let d = DiffusionSettings()
        return [
            ParameterSpec("seeds", .text, default: nil, "seeds: collective:NAME, ids, random:K, top:K:MEASURE or ATTR<=VALUE (default: the collective's participants)"),
            ParameterSpec("probability", .number(0...1, openLow: false), default: nil, "transmission probability per contact or per step, every channel (default \(ChannelSettings.defaultPracticePerStep) for practice, \(ChannelSettings.defaultPerContact) for the others)"),
            ParameterSpec("probabilities", .text, default: nil, "per relation: acquaintance=0.3,exchange=0.1[,other=0.05] (every channel relation, or other)"),
            ParameterSpec("relations", .list(.text), default: nil, "channel relations (default: acquaintance, exchange, reports_to where present, else every tie relation)"),
            ParameterSpec("both_ways", .list(.text), default: .array(d.channels.bothWays.map { .string($0.rawValue) }), "directed relations that also transmit against their direction"),
            ParameterSpec("weighted", .boolean, default: .bool(d.channels.weighted), "multiply each edge's probability by its weight"),
            ParameterSpec("influence", .text, default: nil, "which way influence flows, overriding dataset.json: advice=reverse,exchange=along"),
            ParameterSpec("collective", .text, default: nil, "the collective whose participants are the seeds (default: the first)"),
            ParameterSpec("organizations", .text, default: nil, "only organizations whose attribute has this value (attr=value)"),
            ParameterSpec("include_schemes", .boolean, default: .bool(d.frame.includeSchemes), "count territorial schemes (employer=false) among the organizations"),
            ParameterSpec("step_days", .number(0...Double.infinity, openLow: true), default: .double(d.frame.stepDays), "days per step"),
            ParameterSpec("end", .integer(-1...10_000_000), default: nil, "the collective's end step (-1: never; default from its dates)"),
            ParameterSpec("theta", .number(0...1, openLow: true), default: .double(d.frame.theta), "institutionalization share θ"),
            ParameterSpec("rule", .choice(InstitutionalizationRule.Mode.allCases.map(\.rawValue)), default: .string(d.frame.rule.rawValue), "institutionalization rule"),
            ParameterSpec("runs", .integer(1...100_000_000), default: .int(d.monteCarlo.runs), "Monte Carlo runs"),
            ParameterSpec("horizon", .integer(0...100_000), default: .int(d.monteCarlo.horizon), "steps simulated after the seeds"),
            ParameterSpec("seed", .integer(0...Int.max), default: nil, "random seed (default: the manifest's)"),
            ParameterSpec("threshold", .number(0...1, openLow: false), default: nil, "linear threshold: one threshold for every node (default: uniform random)"),
            ParameterSpec("threshold_attribute", .text, default: nil, "linear threshold: node attribute holding each node's threshold"),
            ParameterSpec("k", .integer(1...1_000_000), default: nil, "complex contagion: adopting neighbours needed (default \(ModelSettings.defaultK))"),
            ParameterSpec("fraction", .number(0...1, openLow: true), default: nil, "complex contagion: share of neighbours needed"),
            ParameterSpec("recovery", .number(0...Double.infinity, openLow: false), default: nil, "SIS/SIR recovery probability, sir-continuous rate (default \(ModelSettings.defaultRecovery))"),
            ParameterSpec("bass_p", .number(0...1, openLow: false), default: nil, "Bass external influence (default \(ModelSettings.defaultBassP))"),
            ParameterSpec("bass_q", .number(0...1, openLow: false), default: nil, "Bass imitation (default \(ModelSettings.defaultBassQ))"),
            ParameterSpec("curves", .boolean, default: .bool(true), "store the adoption curves per organization"),
            ParameterSpec("forgetting", .number(0...1, openLow: false), default: nil, "practice: per-step forgetting δ (default \(PracticeParameters().forgetting))"),
            ParameterSpec("routinization", .integer(0...100_000), default: nil, "practice: steps R the share must hold before institutionalization (default \(PracticeParameters().routinization))"),
            ParameterSpec("turnover", .number(0...1, openLow: false), default: nil, "practice: per-step probability that a participant leaves (default \(PracticeParameters().turnover))"),
            ParameterSpec("replace", .choice(PracticeParameters.Replacement.allCases.map(\.rawValue)), default: nil, "practice: who replaces a leaver, colleague or none (default \(PracticeParameters().replacement.rawValue))"),
            ParameterSpec("endorsement", .number(0...1, openLow: false), default: nil, "practice: per-step endorsement by an informed management (default \(PracticeParameters().endorsement))"),
            ParameterSpec("formalization", .number(0...1, openLow: false), default: nil, "practice: per-step formalization once endorsed (default \(PracticeParameters().formalization); 0: off)"),
            ParameterSpec("compliance", .number(0...1, openLow: false), default: nil, "practice: probability a member adopts a formalized practice (default \(PracticeParameters().compliance))"),
        ]
    }()

    /// The parameters, in the order the manifest documentation lists them.
    public var parameters: [ParameterSpec] {
        switch self {
        case .info: return []
        case .render:
            return [
                ParameterSpec("format", .choice(["svg", "png", "pdf", "dot"]), default: .string("svg"), "output format (dot: the styled DOT text)"),
                ParameterSpec("engine", .choice(["auto", "dot", "neato", "fdp", "sfdp", "circo", "twopi", "osage", "patchwork"]), default: .string("auto"), "Graphviz layout engine"),
                ParameterSpec("size_by", .choice(["degree", "betweenness", "pagerank", "closeness", "harmonic", "eigenvector"]), default: nil, "node size by a measure of the actors' tie graph"),
                ParameterSpec("color_by", .choice(["organization", "kind", "none"]), default: .string("organization"), "node colour"),
                ParameterSpec("membership", .choice(["auto", "clusters", "edges", "hidden"]), default: .string("auto"), "how memberships are drawn"),
                ParameterSpec("relations", .list(.text), default: nil, "relations to draw (default: all)"),
            ]
        case .centrality:
            let c = CentralityRequest()
            return [
                ParameterSpec("measures", .list(.choice(Self.measures)), default: .array(c.measures.map { .string($0.rawValue) }), "measures computed by one job"),
                ParameterSpec("relations", .list(.text), default: nil, "relations of the tie graph (default: every relation but member and participant)"),
                ParameterSpec("direction", .choice(GraphDirection.allCases.map(\.rawValue)), default: .string(c.selection.direction.rawValue), "direction of the tie graph"),
                ParameterSpec("weighted", .boolean, default: .bool(c.selection.weighted), "use edge weights (as distances for paths, as strengths otherwise)"),
                ParameterSpec("nodes", .choice(GraphSelection.Nodes.allCases.map(\.rawValue)), default: .string(c.selection.nodes.rawValue), "ties: actors only (no organizations or collectives); all: every node"),
                ParameterSpec("normalized", .boolean, default: .bool(c.normalized), "normalize as networkx does by default"),
                ParameterSpec("damping", .number(0...1, openLow: true), default: .double(c.damping), "PageRank damping"),
                ParameterSpec("alpha", .number(0...Double.infinity, openLow: true), default: .double(c.alpha), "Katz attenuation (below 1/λmax)"),
                ParameterSpec("beta", .number(-Double.greatestFiniteMagnitude...Double.greatestFiniteMagnitude, openLow: false), default: .double(c.beta), "Katz constant"),
                ParameterSpec("tolerance", .number(0...1, openLow: true), default: .double(c.tolerance), "relative tolerance of the iterative measures"),
                ParameterSpec("max_iterations", .integer(1...10_000_000), default: .int(c.maxIterations), "iteration limit of the iterative measures"),
                ParameterSpec("epsilon", .number(0...1, openLow: true), default: .double(c.epsilon), "approx-betweenness error bound"),
                ParameterSpec("delta", .number(0...1, openLow: true), default: .double(c.delta), "approx-betweenness failure probability"),
                ParameterSpec("seed", .integer(0...Int.max), default: nil, "seed of approx-betweenness (default: the manifest's)"),
                ParameterSpec("threads", .integer(1...1024), default: .int(1), "worker threads of the job (the scores do not depend on it)"),
            ]
        case .diffuse:
            return [
                ParameterSpec("model", .choice(Self.models), default: .string(DiffusionRequest().model.rawValue), "diffusion model"),
            ] + Self.diffusionCommon
        case .reach:
            let r = ReachRequest()
            return [
                ParameterSpec("models", .list(.choice(Self.models)), default: .array(r.models.map { .string($0.rawValue) }), "models side by side"),
                ParameterSpec("null", .choice(NullModel.allCases.map(\.rawValue) + ["none"]), default: .string(r.null?.rawValue ?? "none"), "null model"),
                ParameterSpec("null_samples", .integer(0...100_000), default: .int(r.nullSamples), "randomized networks"),
                ParameterSpec("null_runs", .integer(1...100_000_000), default: .int(r.nullRuns), "runs on each randomized network"),
            ] + Self.diffusionCommon
        }
    }

    /// The parameter of this name.
    public func parameter(_ name: String) -> ParameterSpec? { parameters.first { $0.name == name } }
}
