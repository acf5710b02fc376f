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

    public static let models = ["ic", "lt", "complex", "si", "sis", "sir", "bass", "practice"]

    /// The parameters of the practice model (default nil: the library's documented default;
    /// given with a job whose models do not include practice, the job fails naming them).
    public static let practiceParameters = ["forgetting", "routinization", "turnover", "replace", "endorsement",
                                            "formalization", "compliance"]
    public static let measures = ["degree", "in_degree", "out_degree", "strength", "betweenness", "closeness",
                                  "harmonic", "pagerank", "eigenvector", "katz", "hub", "authority"]

    /// Parameters shared by diffuse and reach: channels, frame, Monte Carlo.
    static let diffusionCommon: [ParameterSpec] = [
        ParameterSpec("probability", .number(0...1, openLow: false), default: .double(0.2), "transmission probability per contact, every channel"),
        ParameterSpec("relations", .list(.text), default: nil, "channel relations (default: acquaintance, exchange, reports_to where present, else every tie relation)"),
        ParameterSpec("both_ways", .list(.text), default: .array([.string("reports_to")]), "directed relations that also transmit against their direction"),
        ParameterSpec("weighted", .boolean, default: .bool(false), "multiply each edge's probability by its weight"),
        ParameterSpec("collective", .text, default: nil, "the collective whose participants are the seeds (default: the first)"),
        ParameterSpec("step_days", .number(0...Double.infinity, openLow: true), default: .double(30), "days per step"),
        ParameterSpec("end", .integer(-1...Int.max), default: nil, "the collective's end step (-1: never; default from its dates)"),
        ParameterSpec("theta", .number(0...1, openLow: true), default: .double(0.5), "institutionalization share θ"),
        ParameterSpec("rule", .choice(InstitutionalizationRule.Mode.allCases.map(\.rawValue)), default: .string("share"), "institutionalization rule"),
        ParameterSpec("runs", .integer(1...10_000_000), default: .int(1000), "Monte Carlo runs"),
        ParameterSpec("horizon", .integer(0...100_000), default: .int(50), "steps simulated after the seeds"),
        ParameterSpec("seed", .integer(0...Int.max), default: nil, "random seed (default: the manifest's)"),
        ParameterSpec("threshold", .number(0...1, openLow: false), default: nil, "linear threshold: one threshold for every node (default: uniform random)"),
        ParameterSpec("k", .integer(1...Int.max), default: nil, "complex contagion: adopting neighbours needed (default 2)"),
        ParameterSpec("fraction", .number(0...1, openLow: true), default: nil, "complex contagion: share of neighbours needed"),
        ParameterSpec("recovery", .number(0...1, openLow: false), default: .double(0.2), "SIS/SIR recovery probability"),
        ParameterSpec("bass_p", .number(0...1, openLow: false), default: .double(0.01), "Bass external influence"),
        ParameterSpec("bass_q", .number(0...1, openLow: false), default: .double(0.3), "Bass imitation"),
        ParameterSpec("curves", .boolean, default: .bool(true), "store the adoption curves per organization"),
        ParameterSpec("forgetting", .number(0...1, openLow: false), default: nil, "practice: per-step forgetting δ (default 0.05)"),
        ParameterSpec("routinization", .integer(0...100_000), default: nil, "practice: steps R the share must hold before institutionalization (default 6)"),
        ParameterSpec("turnover", .number(0...1, openLow: false), default: nil, "practice: per-step probability that a participant leaves (default 0.02)"),
        ParameterSpec("replace", .choice(PracticeParameters.Replacement.allCases.map(\.rawValue)), default: nil, "practice: who replaces a leaver, colleague or none (default colleague)"),
        ParameterSpec("endorsement", .number(0...1, openLow: false), default: nil, "practice: per-step endorsement by an informed management (default 0.2)"),
        ParameterSpec("formalization", .number(0...1, openLow: false), default: nil, "practice: per-step formalization once endorsed (default 0.02; 0: off)"),
        ParameterSpec("compliance", .number(0...1, openLow: false), default: nil, "practice: probability a member adopts a formalized practice (default 0.5)"),
    ]

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
            return [
                ParameterSpec("measures", .list(.choice(Self.measures)), default: .array(["degree", "betweenness", "closeness", "pagerank"]), "measures computed by one job"),
                ParameterSpec("relations", .list(.text), default: nil, "relations of the tie graph (default: every relation but member and participant)"),
                ParameterSpec("direction", .choice(["as-stored", "directed", "undirected"]), default: .string("as-stored"), "direction of the tie graph"),
                ParameterSpec("weighted", .boolean, default: .bool(false), "use edge weights (as distances for paths, as strengths otherwise)"),
                ParameterSpec("nodes", .choice(["ties", "all"]), default: .string("ties"), "ties: actors only (no organizations or collectives); all: every node"),
                ParameterSpec("damping", .number(0...1, openLow: true), default: .double(0.85), "PageRank damping"),
                ParameterSpec("alpha", .number(0...1, openLow: true), default: .double(0.1), "Katz attenuation"),
                ParameterSpec("threads", .integer(1...1024), default: .int(1), "worker threads of the job (the scores do not depend on it)"),
            ]
        case .diffuse:
            return [
                ParameterSpec("model", .choice(Self.models), default: .string("ic"), "diffusion model"),
                ParameterSpec("seeds", .text, default: nil, "seeds: collective:NAME, ids, random:K or top:K:MEASURE (default: the collective's participants)"),
            ] + Self.diffusionCommon
        case .reach:
            return [
                ParameterSpec("models", .list(.choice(Self.models)), default: .array(["practice"]), "models side by side"),
                ParameterSpec("null", .choice(NullModel.allCases.map(\.rawValue) + ["none"]), default: .string("collective-preserving"), "null model"),
                ParameterSpec("null_samples", .integer(0...100_000), default: .int(99), "randomized networks"),
                ParameterSpec("null_runs", .integer(1...10_000_000), default: .int(500), "runs on each randomized network"),
            ] + Self.diffusionCommon
        }
    }

    /// The parameter of this name.
    public func parameter(_ name: String) -> ParameterSpec? { parameters.first { $0.name == name } }
}
