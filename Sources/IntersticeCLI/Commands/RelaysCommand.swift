import ArgumentParser
import Foundation
import Interstice

extension RelayObjective: ExpressibleByArgument {}
extension RelayKind: ExpressibleByArgument {}
extension RelaySearch.Method: ExpressibleByArgument {}

/// `interstice relays DATASET --budget K`: question 5, which relays raise organizational uptake most.
struct RelaysCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "relays",
        abstract: "Which relays (actors joining the collective, or added ties) raise organizational uptake most?",
        discussion: """
        The invention starts at the collective's participants, as in `reach`. A relay is an actor \
        who joins the collective (--add actors: it becomes a participant and holds the invention \
        from the start) or a new tie between two actors of different organizations (--add ties, \
        with --tie-relation and --tie-probability). Candidates: actors-outside (actors outside \
        the collective; for ties, a participant with such an actor), managers (someone reports to \
        them), all, or comma-separated ids (for ties a:b is one tie, a lone id every tie from it).

        Methods: celf (greedy with lazy re-evaluation, Leskovec et al. 2007), greedy (every \
        candidate re-evaluated each round: use it when the objective is far from submodular, as \
        institutionalization thresholds are), imm (Tang, Shi and Xiao 2015; actors only, ic or lt, \
        adopters objective; for large graphs). Every set is evaluated by --runs Monte Carlo runs \
        with the same random numbers, so each gain is a paired difference with its 95% interval.

        Example:
          interstice relays Datasets/cucm-plie --budget 3
          interstice relays Datasets/chalon-sur-saone --budget 2 --add ties --candidates managers --tie-probability 0.3
          interstice relays big.edgelist --budget 10 --method imm --objective adopters --probability 0.05 --format json
        """
    )

    @OptionGroup var input: DatasetOptions
    @Option(help: "Number of relays to choose.")
    var budget: Int
    @Option(help: "What to maximize: institutionalized (expected organizations) or adopters (beyond the collective). Default: institutionalized, adopters with --method imm.")
    var objective: RelayObjective?
    @Option(help: "Candidates: actors-outside, managers, all, or comma-separated ids (ties: a:b).")
    var candidates = "actors-outside"
    @Option(help: "What a relay adds: actors (who join the collective) or ties.")
    var add: RelayKind = .actors
    @Option(help: "Search: celf, greedy or imm.")
    var method: RelaySearch.Method = .celf
    @Option(help: "Relation of an added tie.")
    var tieRelation = "acquaintance"
    @Option(help: "Transmission probability of an added tie (default: its relation's --probability).")
    var tieProbability: Double?
    @Option(help: "IMM: approximation slack ε in (0, 1).")
    var epsilon = 0.1
    @Option(help: "IMM: the guarantee holds with probability 1 − n^−ℓ.")
    var ell = 1.0
    @Option(help: "Model: ic, lt, complex, si, sis, sir, bass (imm: ic or lt).")
    var model: ModelKind = .ic
    @OptionGroup var monteCarlo: MonteCarloOptions
    @OptionGroup var channels: ChannelOptions
    @OptionGroup var parameters: ModelOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        guard budget >= 1 else { throw ValidationError("--budget must be at least 1") }
        try OptionRange.check(budget, 1...10_000, "--budget")
        if let p = tieProbability { try OptionRange.check(p, 0...1, "--tie-probability") }
        guard monteCarlo.targetHalfWidth == nil else {
            throw ValidationError("--target-half-width does not apply to relays: every set uses the same --runs, so gains stay paired")
        }
        guard epsilon > 0 && epsilon < 1 else { throw ValidationError("--epsilon must be in (0, 1)") }
        try OptionRange.positive(ell, atMost: 100, "--ell")
        if let p = tieProbability, !(0...1).contains(p) { throw ValidationError("--tie-probability must be in [0, 1]") }
        if method == .imm {
            guard add == .actors else { throw ValidationError("--method imm chooses actors; use --method celf or greedy with --add ties") }
            guard objective != .institutionalized else {
                throw ValidationError("--method imm maximizes adopters; institutionalization needs --method celf or greedy")
            }
            guard model == .ic || (model == .lt && parameters.threshold == nil && parameters.thresholdAttribute == nil) else {
                throw ValidationError("--method imm needs --model ic, or lt with uniform random thresholds")
            }
        }
    }

    func run() throws {
        try reportingFailures {
            let net = try input.load()
            let settings = try diffusionSettings(seeds: nil, monteCarlo: monteCarlo, channels: channels, parameters: parameters)
            try settings.validate(models: [model])
            if let note = settings.frame.schemeNote(net) { printError("interstice: note: \(note)") }
            let start = try settings.start(net)
            let collective = start.collective
            let ch = try settings.channels.channels(net, models: [model])
            let frame = settings.frame.frame(net, collective: collective, starters: start.seeds,
                                             include: try settings.frame.organizationFilter(net))
            let mc = settings.monteCarlo
            let graph = net.diffusionGraph(ch)
            let relation = Relation(tieRelation)
            guard let strength = tieProbability ?? ch.strength[relation] else {
                throw ValidationError("\"\(tieRelation)\" is not a channel: give --tie-probability for the added ties")
            }
            let direction = net.layer(relation)?.direction ?? relation.defaultDirection
            let tie = RelayTie(relation: relation, strength: strength,
                               bothWays: direction == .undirected || ch.bothWays.contains(relation))
            let found: [RelayCandidate]
            do {
                found = try net.relayCandidates(RelayCandidateSet(parsing: candidates), adding: add, frame: frame, graph: graph, tie: tie)
            } catch { throw ValidationError("--candidates: \(error)") }
            guard !found.isEmpty else {
                throw ValidationError("no candidate \(add == .actors ? "actors" : "ties") for --candidates \(candidates)")
            }
            let search = RelaySearch(
                budget: budget, method: method, objective: objective ?? (method == .imm ? .adopters : .institutionalized),
                model: try settings.model.model(model, network: net), runs: mc.runs, horizon: mc.horizon,
                seed: mc.seed, threads: mc.threads, tie: add == .ties ? tie : nil, epsilon: epsilon, ell: ell)
            let bar = ProgressBar(label: "relays \(method.rawValue)")
            let expected = method == .imm ? budget + 1 : found.count + budget + 1
            let result: RelaysResult
            do {
                result = try search.run(net, channels: ch, frame: frame, candidates: found) { done in
                    bar.update(min(done, expected), expected)
                }
            } catch { throw ValidationError("\(error)") }
            bar.finish()
            try output.emit(RelaysReport.render(result, network: net, frame: frame, collective: collective, options: self))
        }
    }
}

/// The relays report: a text table, CSV (one row per pick) or JSON.
enum RelaysReport {
    /// A relay as text, its endpoints and its organizations.
    static func describe(_ c: RelayCandidate, network net: Network, frame: OrganizationFrame, tie: RelayTie?)
        -> (kind: String, relay: String, source: String, target: String?, organizations: String) {
        func orgs(_ v: Int32) -> String {
            let p = frame.organizations
            guard Int(v) < p.nodeCount else { return "" }
            let names = p.groups(of: v).map { p.groupNames[Int($0)] }
            return names.isEmpty ? "-" : names.joined(separator: "+")
        }
        func name(_ v: Int32) -> String {
            let id = net.ids[Int(v)], label = net.displayLabel(v)
            return label == id ? id : "\(id) (\(label))"
        }
        switch c {
        case .actor(let v):
            return ("actor", name(v), net.ids[Int(v)], nil, orgs(v))
        case .tie(let u, let v):
            let arrow = tie?.bothWays == false ? " → " : " — "
            return ("tie", name(u) + arrow + name(v), net.ids[Int(u)], net.ids[Int(v)], orgs(u) + arrow + orgs(v))
        }
    }

    static func objectiveText(_ r: RelaysResult, frame: OrganizationFrame) -> String {
        switch r.search.objective {
        case .institutionalized:
            return "expected organizations institutionalized within \(r.search.horizon) steps (\(frame.rule.mode.rawValue) rule, θ = \(frame.rule.threshold))"
        case .adopters:
            return "expected adopters beyond the collective within \(r.search.horizon) steps (added relays count)"
        }
    }

    static func render(_ r: RelaysResult, network net: Network, frame: OrganizationFrame, collective: Collective?,
                       options o: RelaysCommand) -> [UInt8] {
        let num = DiffusionReport.num, cell = DiffusionReport.cell
        let s = r.search
        switch o.output.format {
        case .csv:
            var t = ResultTable(columns: ["rank", "kind", "relay", "source", "target", "organizations", "gain", "gain_low",
                                          "gain_high", "objective", "objective_low", "objective_high", "imm_marginal_spread"])
            for (i, p) in r.picks.enumerated() {
                let d = describe(p.candidate, network: net, frame: frame, tie: s.tie)
                t.append([.int(i + 1), .string(d.kind), .string(d.relay), .string(d.source), d.target.map { .string($0) } ?? .null,
                          .string(d.organizations), num(p.gain.value), num(p.gain.low), num(p.gain.high),
                          num(p.objective.value), num(p.objective.low), num(p.objective.high),
                          p.estimatedMarginalSpread.map(num) ?? .null])
            }
            return t.render(.csv)
        case .json:
            func estimate(_ e: Estimate) -> JSONValue {
                .object([("value", num(e.value)), ("low", num(e.low)), ("high", num(e.high))])
            }
            var fields: [(String, JSONValue)] = [
                ("dataset", .string(o.input.dataset)), ("input", o.input.identity.json),
                ("collective", collective.map { .string($0.id) } ?? .null),
                ("participants", .int(frame.participants.count)),
                ("method", .string(s.method.rawValue)), ("objective", .string(s.objective.rawValue)),
                ("add", .string(o.add.rawValue)), ("candidates", .string(o.candidates)), ("candidate_count", .int(r.candidateCount)),
                ("budget", .int(s.budget)), ("model", .string(s.model.name)),
                ("parameters", .object(s.model.parameters.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) })),
                ("runs", .int(s.runs)), ("seed", .int(Int(truncatingIfNeeded: s.seed))), ("threads", .int(r.threads)),
                ("horizon", .int(s.horizon)), ("collective_end", r.collectiveEnd.map { .int($0) } ?? .null),
                ("institutionalization", .object([("theta", .double(frame.rule.threshold)), ("rule", .string(frame.rule.mode.rawValue))])),
            ]
            if let tie = s.tie {
                fields.append(("tie", .object([("relation", .string(tie.relation.rawValue)), ("probability", .double(tie.strength)),
                                               ("both_ways", .bool(tie.bothWays))])))
            }
            fields.append(("evaluations", .int(r.evaluations)))
            fields.append(("base", estimate(r.base)))
            fields.append(("picks", .array(r.picks.enumerated().map { i, p in
                let d = describe(p.candidate, network: net, frame: frame, tie: s.tie)
                var f: [(String, JSONValue)] = [("rank", .int(i + 1)), ("kind", .string(d.kind)), ("relay", .string(d.relay)),
                                                ("source", .string(d.source))]
                if let t = d.target { f.append(("target", .string(t))) }
                f += [("organizations", .string(d.organizations)), ("gain", estimate(p.gain)), ("objective", estimate(p.objective))]
                if let m = p.estimatedMarginalSpread { f.append(("imm_marginal_spread", num(m))) }
                return .object(f)
            })))
            if let imm = r.imm {
                fields.append(("imm", .object([
                    ("model", .string(imm.model.rawValue)), ("epsilon", .double(imm.epsilon)), ("ell", .double(imm.ell)),
                    ("ell_used", num(imm.ellUsed)), ("guarantee", num(1 - exp(-1) - imm.epsilon)),
                    ("rr_sets", .int(imm.rrSets)), ("sampling_rr_sets", .int(imm.samplingRRSets)), ("rr_set_nodes", .int(imm.rrSetNodes)),
                    ("lower_bound", num(imm.lowerBound)), ("lower_bound_found", .bool(imm.lowerBoundFound)),
                    ("lambda_prime", num(imm.lambdaPrime)), ("lambda_star", num(imm.lambdaStar)),
                    ("estimated_spread", num(imm.estimatedSpread)), ("estimated_base_spread", num(imm.estimatedBaseSpread)),
                    ("edges_examined", .int(imm.edgesExamined)),
                ])))
            }
            fields.append(("version", .string(IntersticeVersion.string)))
            return Array((JSONValue.object(fields).text() + "\n").utf8)
        case .table:
            let f = ResultTable(columns: [])
            var out = collective.map { "Relays for the collective \"\(net.displayLabel($0.node))\" (\($0.participants.count) participant\($0.participants.count == 1 ? "" : "s"))" }
                ?? "Relays (no collective: no initial seeds)"
            out += " in \(net.metadata.name ?? o.input.dataset): "
            out += o.add == .actors ? "actors who join the collective" : "ties added (\(s.tie?.relation.rawValue ?? "?"), p = \(s.tie.map { f.fixed($0.strength, digits: 3) } ?? "?"))"
            out += ", chosen by \(s.method == .celf ? "CELF (lazy greedy)" : s.method == .greedy ? "greedy" : "IMM").\n"
            out += "Objective: \(objectiveText(r, frame: frame))"
            out += r.collectiveEnd.map { "; the collective ends at step \($0).\n" } ?? "; the collective does not end within the horizon.\n"
            out += "Model \(s.model.description); \(s.runs) Monte Carlo runs per evaluated set (seed \(s.seed)), the same for every set, so gains are paired.\n"
            out += "\(r.candidateCount) candidates (\(o.candidates)); \(r.evaluations) sets evaluated.\n"
            if let imm = r.imm {
                out += "IMM: ε = \(imm.epsilon), ℓ = \(imm.ell): within 1 − 1/e − ε = \(f.fixed(1 - exp(-1) - imm.epsilon, digits: 3)) of the best with probability ≥ 1 − n^−ℓ; "
                out += "\(imm.rrSets) RR sets (\(imm.samplingRRSets) in the sampling phase, LB = \(f.fixed(imm.lowerBound, digits: 2))\(imm.lowerBoundFound ? "" : ", not found: 1")); "
                out += "estimated spread \(f.fixed(imm.estimatedBaseSpread, digits: 2)) → \(f.fixed(imm.estimatedSpread, digits: 2)) (eventual, without the collective's end).\n"
            }
            out += "With the collective alone: \(cellText(cell(r.base, 3)))\n\n"
            var t = ResultTable(columns: ["pick", "relay", "organizations", "gain [95% CI]", "objective [95% CI]"]
                                + (r.imm != nil ? ["IMM gain"] : []))
            t.tableDigits = 2
            for (i, p) in r.picks.enumerated() {
                let d = describe(p.candidate, network: net, frame: frame, tie: s.tie)
                t.append([.int(i + 1), .string(d.relay), .string(d.organizations), cell(p.gain, 3), cell(p.objective, 3)]
                         + (r.imm != nil ? [p.estimatedMarginalSpread.map(num) ?? .null] : []))
            }
            out += String(decoding: t.render(.table), as: UTF8.self)
            return Array(out.utf8)
        }
    }

    static func cellText(_ v: JSONValue) -> String {
        if case .string(let s) = v { return s }
        return "-"
    }
}
