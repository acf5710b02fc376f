import GraphCore

/// Question 5 of the domain: with a budget of `k` relays, which actors joining the collective, or
/// which added ties, raise organizational uptake most?
///
/// ```swift
/// let frame = net.diffusionFrame(collective: net.collectives.first)
/// let channels = TransmissionChannels.standard(0.2)
/// let graph = net.diffusionGraph(channels)
/// let tie = RelayTie(relation: .acquaintance, strength: 0.2)
/// let candidates = try net.relayCandidates(.managers, adding: .ties, frame: frame, graph: graph, tie: tie)
/// let r = try RelaySearch(budget: 2, tie: tie).run(net, channels: channels, frame: frame, candidates: candidates)
/// r.picks[0].gain      // expected organizations institutionalized added by the first relay, with its CI
/// ```
///
/// Methods:
/// - `celf`: greedy with CELF's lazy evaluations (Leskovec et al. 2007) on Monte Carlo estimates
///   of the objective, for small graphs. Every set is evaluated with the same `runs` generators
///   (run `r`: `SplitMix64(seed:, stream: r)`, as in ``Diffusion/simulate(_:_:progress:)``), so
///   candidates are compared on common random numbers and each gain's interval is that of a
///   paired difference. Any model and either objective.
/// - `greedy`: the same without laziness (every candidate re-evaluated in every round), for
///   objectives far from submodular such as the institutionalization threshold.
/// - `imm`: ``IMM`` for large graphs: actors only, IC or LT with uniform thresholds, the adopters
///   objective, without the collective's lifespan or the horizon (IMM's spread is the eventual
///   one). Its picks are then evaluated by Monte Carlo like CELF's, so every method reports gains
///   on the same scale, under the full model.
public struct RelaySearch: Sendable {
    public enum Method: String, Sendable, Hashable, CaseIterable {
        case celf, greedy, imm
    }

    public var budget: Int
    public var method: Method
    public var objective: RelayObjective
    public var model: DiffusionModel
    /// Monte Carlo runs per evaluated set.
    public var runs: Int
    public var horizon: Int
    public var seed: UInt64
    /// Workers (nil: every core); the result is the same for any value.
    public var threads: Int?
    /// How added ties transmit (nil: candidates must be actors).
    public var tie: RelayTie?
    /// IMM's ε and ℓ.
    public var epsilon: Double
    public var ell: Double

    public init(budget: Int, method: Method = .celf, objective: RelayObjective = .institutionalized,
                model: DiffusionModel = .independentCascade, runs: Int = 1000, horizon: Int = 50, seed: UInt64 = 1,
                threads: Int? = nil, tie: RelayTie? = nil, epsilon: Double = 0.1, ell: Double = 1) {
        self.budget = budget; self.method = method; self.objective = objective; self.model = model
        self.runs = runs; self.horizon = horizon; self.seed = seed; self.threads = threads; self.tie = tie
        self.epsilon = epsilon; self.ell = ell
    }

    /// A synthetic relation name for added ties that no layer of `network` uses.
    static func relayRelation(in network: Network) -> Relation {
        var name = "interstice.relay"
        while network.layer(Relation(name)) != nil { name += "'" }
        return Relation(name)
    }

    /// Runs the search.
    ///
    /// - Parameters:
    ///   - frame: the organizational frame; its participants are the collective (the seeds).
    ///   - candidates: from ``GraphCore/Network/relayCandidates(_:adding:frame:graph:tie:)``.
    ///   - progress: called with the number of sets evaluated so far.
    /// - Throws: ``RelayError`` when the request cannot be met (IMM with ties or another model,
    ///   institutionalization without organizations, ties without a ``RelayTie``).
    /// - Complexity: CELF: (candidates + lazy re-evaluations) × `runs` simulations, each tie
    ///   candidate also rebuilding the diffusion graph in O(n + m); IMM: see ``IMM``, plus
    ///   (k + 1) × `runs` simulations.
    public func run(_ network: Network, channels: TransmissionChannels, frame: OrganizationFrame,
                    candidates: [RelayCandidate], progress: ((Int) -> Void)? = nil) throws(RelayError) -> RelaysResult {
        guard budget >= 0 else { throw RelayError("the budget must be at least 0") }
        guard runs > 0 else { throw RelayError("runs must be positive") }
        if objective == .institutionalized && frame.organizations.groupCount == 0 {
            throw RelayError("the dataset has no organizations to institutionalize the invention; use the adopters objective")
        }
        let n = network.nodeCount
        let baseSeeds = frame.participants.members
        let baseGraph = network.diffusionGraph(channels)
        let hasTies = candidates.contains { if case .tie = $0 { true } else { false } }
        if hasTies && tie == nil { throw RelayError("tie candidates need the added tie's relation and probability") }
        for c in candidates {
            switch c {
            case .actor(let v): guard v >= 0 && Int(v) < n else { throw RelayError("candidate \(v) is not a node") }
            case .tie(let u, let v):
                guard u >= 0 && Int(u) < n && v >= 0 && Int(v) < n else { throw RelayError("tie \(u)–\(v) joins nodes that do not exist") }
            }
        }
        let relayRelation = RelaySearch.relayRelation(in: network)
        var relayChannels = channels
        if let tie { relayChannels.strength[relayRelation] = tie.strength }

        func graph(with ties: [(Int32, Int32)]) -> DiffusionGraph {
            guard let tie, !ties.isEmpty else { return baseGraph }
            var net = network
            for (u, v) in ties {
                _ = try? net.addEdge(u, v, relation: relayRelation, weight: 1, direction: tie.bothWays ? .undirected : .directed)
            }
            return net.diffusionGraph(relayChannels)
        }
        let evaluator = RelayEvaluator(model: model, runs: runs, horizon: horizon, seed: seed, threads: threads,
                                       objective: objective, excluded: frame.participants.mask(nodeCount: n))
        /// The per-run objective with a set of candidates added.
        func evaluate(_ set: [Int]) -> [Int32] {
            var actors: [Int32] = [], ties: [(Int32, Int32)] = []
            for i in set {
                switch candidates[i] {
                case .actor(let v): actors.append(v)
                case .tie(let u, let v): ties.append((u, v))
                }
            }
            let g = graph(with: ties)
            guard !actors.isEmpty else { return evaluator.values(g, seeds: baseSeeds, frame: frame) }
            let seeds = baseSeeds + actors
            let f = OrganizationFrame(organizations: frame.organizations, participants: NodeSet(name: frame.participants.name, members: seeds),
                                      collectiveEnd: frame.collectiveEnd, heads: frame.heads, rule: frame.rule)
            return evaluator.values(g, seeds: seeds, frame: f)
        }

        switch method {
        case .celf, .greedy:
            let o = CELF.select(candidateCount: candidates.count, budget: budget, lazy: method == .celf,
                                evaluate: evaluate, progress: progress)
            return RelaysResult(search: self, candidateCount: candidates.count, base: o.base,
                                picks: o.steps.map { RelayPick(candidate: candidates[$0.index], gain: $0.gain, objective: $0.objective,
                                                               estimatedMarginalSpread: nil) },
                                evaluations: o.evaluations, threads: evaluator.workers, imm: nil, collectiveEnd: frame.collectiveEnd)
        case .imm:
            guard !hasTies else { throw RelayError("IMM chooses actors, not ties; use the celf or greedy method for ties") }
            guard objective == .adopters else {
                throw RelayError("IMM maximizes the expected adopters (a coverage function); institutionalization needs the celf or greedy method")
            }
            let immModel: IMM.Model
            switch model {
            case .independentCascade: immModel = .independentCascade
            case .linearThreshold(.uniformRandom): immModel = .linearThreshold
            default: throw RelayError("IMM needs independent cascade or linear threshold with uniform random thresholds, not \(model.description)")
            }
            var index: [Int32: Int] = [:]
            for (i, c) in candidates.enumerated() { if case .actor(let v) = c { index[v] = i } }
            let imm = try IMM(budget: budget, epsilon: epsilon, ell: ell, seed: seed, threads: threads, fixedSeeds: baseSeeds,
                              candidates: candidates.compactMap { if case .actor(let v) = $0 { v } else { nil } })
                .run(baseGraph, model: immModel)
            // Monte Carlo evaluation of each prefix of IMM's picks, paired as in CELF.
            var evaluations = 0
            var previous = evaluate([])
            evaluations += 1; progress?(evaluations)
            let base = PairedStatistics.mean(previous)
            var chosen: [Int] = []
            var picks: [RelayPick] = []
            for (j, v) in imm.seeds.enumerated() {
                guard let i = index[v] else { continue }
                chosen.append(i)
                let values = evaluate(chosen)
                evaluations += 1; progress?(evaluations)
                picks.append(RelayPick(candidate: .actor(v), gain: PairedStatistics.gain(values, over: previous),
                                       objective: PairedStatistics.mean(values), estimatedMarginalSpread: imm.marginalSpread[j]))
                previous = values
            }
            return RelaysResult(search: self, candidateCount: candidates.count, base: base, picks: picks,
                                evaluations: evaluations, threads: evaluator.workers, imm: imm, collectiveEnd: frame.collectiveEnd)
        }
    }
}
