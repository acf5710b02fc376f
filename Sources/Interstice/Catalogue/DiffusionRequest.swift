import GraphAlgorithms
import GraphCore
import GraphIO

/// Where an invention starts: the collective's participants, or given seeds.
public struct StartGroup: Sendable {
    /// How a report names it.
    public let label: String
    /// The collective, when there is one.
    public let collective: Collective?
    public let seeds: NodeSet
    /// The seed specification, when seeds were given.
    public let spec: String?
}

/// The parts of a diffusion request shared by `diffuse` and `reach`: seeds, model parameters,
/// channels, frame and Monte Carlo settings.
public struct DiffusionSettings: Sendable, Hashable {
    /// Seeds (`collective:NAME`, ids, `random:K`, `top:K:MEASURE`, `ATTR<=VALUE`); nil: the
    /// collective's participants.
    public var seeds: String?
    public var model: ModelSettings
    public var channels: ChannelSettings
    public var frame: FrameSettings
    public var monteCarlo: MonteCarloSettings
    /// The practice fit whose probabilities and forgetting were taken (``apply(_:explicitProbability:models:net:)``);
    /// recorded in the provenance.
    public var fitted: FittedPractice?

    public init(seeds: String? = nil, model: ModelSettings = ModelSettings(), channels: ChannelSettings = ChannelSettings(),
                frame: FrameSettings = FrameSettings(), monteCarlo: MonteCarloSettings = MonteCarloSettings()) {
        self.seeds = seeds; self.model = model; self.channels = channels; self.frame = frame; self.monteCarlo = monteCarlo
    }

    public func validate(models: [ModelKind]) throws(RequestError) {
        try model.check(for: models)
        try frame.validate()
        try monteCarlo.validate()
        if let s = seeds, s.trimmedSpaces.isEmpty { throw .usage("seeds: empty specification") }
    }

    /// The starting group on `net`.
    public func start(_ net: Network) throws(RequestError) -> StartGroup {
        let collective = try frame.chosenCollective(net)
        if let spec = seeds {
            let selection: SeedSelection, nodes: [Int32]
            do { selection = try SeedSelection(parsing: spec) } catch { throw .usage("seeds: \(error.description)") }
            do { nodes = try selection.resolve(in: net, seed: monteCarlo.seed) } catch { throw .badData("seeds: \(error.description)") }
            guard !nodes.isEmpty else { throw .badData("seeds \(spec): no node matches") }
            if let bad = nodes.first(where: { !net.isOneModeNode(Int($0)) }) {
                throw .badData("seeds \(spec): \"\(net.ids[Int(bad)])\" is an \(net.kinds[Int(bad)]), not an actor; only one-mode nodes adopt")
            }
            let label = collective.map { "seeds \(spec) (the collective \"\(net.displayLabel($0.node))\" frames the reach)" } ?? "seeds \(spec)"
            return StartGroup(label: label, collective: collective, seeds: NodeSet(name: "seeds", members: nodes), spec: spec)
        }
        guard let collective else {
            throw .badData("the dataset has no collective (a node of kind collective with participant edges): give seeds (ids, random:K, top:K:MEASURE or ATTR<=VALUE)")
        }
        guard !collective.participants.members.isEmpty else { throw .badData("the collective \"\(collective.id)\" has no participants") }
        return StartGroup(label: "the collective \"\(net.displayLabel(collective.node))\"", collective: collective,
                          seeds: collective.participants, spec: nil)
    }

    /// Library parameters for one model on `net`.
    func parameters(_ kind: ModelKind, net: Network, start: StartGroup, include: (@Sendable (Int32) -> Bool)?) throws(RequestError) -> DiffusionParameters {
        var p = DiffusionParameters(model: try model.model(kind, network: net), seeds: start.seeds.members,
                                    runs: monteCarlo.runs, horizon: monteCarlo.horizon, seed: monteCarlo.seed,
                                    threads: monteCarlo.threads,
                                    frame: frame.frame(net, collective: start.collective, starters: start.seeds, include: include),
                                    targetHalfWidth: monteCarlo.targetHalfWidth)
        p.eligible = net.adoptionEligibility
        return p
    }

    /// What produced a result, as JSON fields: every parameter with its value, relations with
    /// their directions, seed ids, seed, runs, threads, version, and the input's SHA-256.
    public func provenance(_ net: Network, start: StartGroup, channels tc: TransmissionChannels,
                           models: [ModelKind], input: InputIdentity) -> [(String, JSONValue)] {
        func opt(_ x: Double?) -> JSONValue { x.map { .double($0) } ?? .null }
        var parameters: [(String, JSONValue)] = []
        let read = models.reduce(into: Set<String>()) { $0.formUnion($1.parameterNames) }
        let m = model
        if read.contains("threshold") { parameters.append(("threshold", m.threshold.map { .double($0) } ?? .string(m.thresholdAttribute == nil ? "uniform random" : "per node"))) }
        if read.contains("threshold-attribute") { parameters.append(("threshold_attribute", m.thresholdAttribute.map { .string($0) } ?? .null)) }
        if read.contains("k") { parameters.append(("k", m.fraction == nil ? .int(m.k ?? ModelSettings.defaultK) : .null)) }
        if read.contains("fraction") { parameters.append(("fraction", opt(m.fraction))) }
        if read.contains("recovery") { parameters.append(("recovery", .double(m.recovery ?? ModelSettings.defaultRecovery))) }
        if read.contains("bass-p") { parameters.append(("bass_p", .double(m.bassP ?? ModelSettings.defaultBassP))) }
        if read.contains("bass-q") { parameters.append(("bass_q", .double(m.bassQ ?? ModelSettings.defaultBassQ))) }
        if models.contains(.practice) {
            let x = m.practice
            parameters += [("forgetting", .double(x.forgetting)), ("routinization", .int(x.routinization)),
                           ("turnover", .double(x.turnover)), ("replace", .string(x.replacement.rawValue)),
                           ("endorsement", .double(x.endorsement)), ("formalization", .double(x.formalization)),
                           ("compliance", .double(x.compliance))]
        }
        let relations = JSONValue.array(tc.strength.keys.sorted().map { r in
            let dir = net.layer(r)?.direction ?? r.defaultDirection
            let flow = dir == .undirected || tc.bothWays.contains(r) ? "both" : tc.reversed.contains(r) ? "reverse" : "along"
            return .object([("relation", .string(r.rawValue)), ("probability", .double(tc.strength[r] ?? 0)),
                            ("direction", .string(dir.rawValue)), ("influence", .string(flow)),
                            ("both_ways", .bool(flow == "both")),
                            ("times_edge_weight", .bool(tc.timesEdgeWeight))])
        })
        let f = frame, mc = monteCarlo
        return (fitted.map { [("parameters_file", $0.json)] } ?? []) + [
            ("input", input.json),
            ("parameters", .object(parameters)),
            ("probability", .string(((try? channels.resolvedProbability(for: models)) ?? channels.probability)?.description ?? "default")),
            ("relations", relations),
            ("collective", start.collective.map { .string($0.id) } ?? .null),
            ("seeds_spec", start.spec.map { .string($0) } ?? .string("collective")),
            ("seed_ids", .array(start.seeds.members.map { .string(net.ids[Int($0)]) })),
            ("step_days", .double(f.stepDays)), ("end", f.end.map { .int($0) } ?? .null),
            ("theta", .double(f.theta)), ("rule", .string(f.rule.rawValue)),
            ("organizations_filter", f.organizations.map { .string($0) } ?? .null),
            ("include_schemes", .bool(f.includeSchemes)),
            ("schemes_left_out", .array(f.includeSchemes ? [] : net.nonEmployerOrganizations.map { .string(net.ids[Int($0)]) })),
            ("seed", .int(Int(truncatingIfNeeded: mc.seed))), ("runs", .int(mc.runs)), ("horizon", .int(mc.horizon)),
            ("threads", mc.threads.map { .int($0) } ?? .string("all cores")),
            ("target_half_width", opt(mc.targetHalfWidth)),
        ]
    }
}

/// The input a result came from: its path, format, read options and SHA-256, and the
/// Interstice version.
public struct InputIdentity: Sendable, Hashable {
    public var path: String
    public var sha256: String?
    public var version: String
    public var organizationsFrom: String?

    public init(path: String, sha256: String?, version: String, organizationsFrom: String? = nil) {
        self.path = path; self.sha256 = sha256; self.version = version; self.organizationsFrom = organizationsFrom
    }

    public var json: JSONValue {
        .object([("path", .string(path)), ("sha256", sha256.map { .string($0) } ?? .null),
                 ("organizations_from", organizationsFrom.map { .string($0) } ?? .null),
                 ("version", .string(version))])
    }
}


/// One model from the collective (or seeds): `interstice diffuse` and the manifest's `diffuse`.
public struct DiffusionRequest: Sendable, Hashable {
    public var model: ModelKind
    public var settings: DiffusionSettings

    public init(model: ModelKind = .ic, settings: DiffusionSettings = DiffusionSettings()) {
        self.model = model; self.settings = settings
    }

    /// A request checked against a network, ready to simulate.
    public struct Prepared: Sendable {
        public let request: DiffusionRequest
        public let graph: DiffusionGraph
        public var parameters: DiffusionParameters
        public let start: StartGroup
        public let channels: TransmissionChannels
    }

    public func prepare(_ net: Network) throws(RequestError) -> Prepared {
        try settings.validate(models: [model])
        let start = try settings.start(net)
        let include = try settings.frame.organizationFilter(net)
        let tc = try settings.channels.channels(net, models: [model])
        return Prepared(request: self, graph: net.diffusionGraph(tc),
                        parameters: try settings.parameters(model, net: net, start: start, include: include),
                        start: start, channels: tc)
    }
}

extension DiffusionRequest.Prepared {
    /// Runs the simulation.
    public func run(progress: ((Int, Int) -> Void)? = nil) -> DiffusionResult {
        Diffusion.simulate(graph, parameters, progress: progress)
    }
}

/// Several models side by side, each against a null model: `interstice reach` and the
/// manifest's `reach`.
public struct ReachRequest: Sendable, Hashable {
    public var models: [ModelKind]
    /// nil: no comparison with chance.
    public var null: NullModel?
    public var nullSamples: Int
    public var nullRuns: Int
    public var settings: DiffusionSettings
    /// The sweep over a grid of assumptions that says how robust the answer is (nil: none).
    public var sensitivity: Sensitivity?

    public init(models: [ModelKind] = [.practice], null: NullModel? = .collectivePreserving,
                nullSamples: Int = 99, nullRuns: Int = 500, settings: DiffusionSettings = DiffusionSettings(),
                sensitivity: Sensitivity? = nil) {
        self.models = models; self.null = null; self.nullSamples = nullSamples; self.nullRuns = nullRuns
        self.settings = settings; self.sensitivity = sensitivity
    }

    /// `none` or a null model's name.
    public static func null(named text: String) throws(RequestError) -> NullModel? {
        if text == "none" { return nil }
        guard let n = NullModel(rawValue: text) else {
            throw .usage("unknown null model \"\(text)\"; null models are \((NullModel.allCases.map(\.rawValue) + ["none"]).joined(separator: ", "))")
        }
        return n
    }

    public func validate() throws(RequestError) {
        guard !models.isEmpty else { throw .usage("no model given; models are \(ModelKind.list)") }
        guard Set(models).count == models.count else { throw .usage("a model is listed twice") }
        guard (0...100_000).contains(nullSamples) else { throw .usage("null-samples must be in 0…100000, found \(nullSamples)") }
        guard (1...100_000_000).contains(nullRuns) else { throw .usage("null-runs must be in 1…100000000, found \(nullRuns)") }
        try settings.validate(models: models)
        try sensitivity?.validate()
    }

    /// The result and what it started from.
    public struct Outcome: Sendable {
        public let result: ReachAnalysis.Result
        public let start: StartGroup
        public let channels: TransmissionChannels
    }

    public func run(_ net: Network, progress: ((Int, Int) -> Void)? = nil) throws(RequestError) -> Outcome {
        try validate()
        let start = try settings.start(net)
        let include = try settings.frame.organizationFilter(net)
        let tc = try settings.channels.channels(net, models: models)
        let libraryModels = try models.map { k throws(RequestError) in try settings.model.model(k, network: net) }
        let mc = settings.monteCarlo
        let analysis = ReachAnalysis(models: libraryModels, channels: tc, runs: mc.runs, horizon: mc.horizon, seed: mc.seed,
                                     threads: mc.threads, nullModel: null, nullSamples: null == nil ? 0 : nullSamples,
                                     nullRuns: nullRuns)
        let frame = settings.frame
        let result = analysis.run(net, seeds: start.seeds.members,
                                  frame: { frame.frame($0, collective: start.collective, starters: start.seeds, include: include) },
                                  progress: progress)
        return Outcome(result: result, start: start, channels: tc)
    }
}
