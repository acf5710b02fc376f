import ArgumentParser
import Foundation
import Interstice

/// `interstice reach DATASET`: questions 3 and 4 with sensible defaults.
struct ReachCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reach",
        abstract: "Does an invention started by the collective reach and become institutionalized in the organizations, and is that different from chance?",
        discussion: """
        Seeds are the collective's participants (or --seeds: then, without a collective, the seeds \
        are the group the invention starts from, and nothing lapses). Independent cascade, linear threshold and \
        complex contagion (k = 2) run side by side; an organization is reached when a member \
        outside the collective adopts, and institutionalized when a share θ of those members hold \
        it (--theta, --rule). At the collective's end (its dates, one step = --step-days days) \
        participants of organizations that have not institutionalized it drop it. Each statistic \
        is compared with --null-samples networks of the --null model.

        Example:
          interstice reach Datasets/cucm-plie
          interstice reach Datasets/chalon-sur-saone --probability 0.3 --null label-permutation --format json
          interstice reach Datasets/medInnovations --seeds "toa<=2" --organizations level=hospital --probability 0.1
        """
    )

    @OptionGroup var input: DatasetOptions
    @Option(help: ArgumentHelp("Where the invention starts (default: the collective's participants): collective:NAME, comma-separated ids, random:K, top:K:MEASURE, or ATTR<=VALUE (also <, =, >=, >).", valueName: "spec"))
    var seeds: String?
    @Option(help: "Models to compare, comma-separated: ic, lt, complex, si, sis, sir, bass.")
    var models = "ic,lt,complex"
    @OptionGroup var monteCarlo: MonteCarloOptions
    @OptionGroup var channels: ChannelOptions
    @OptionGroup var parameters: ModelOptions
    @Option(help: "Null model: organization-preserving, configuration, label-permutation, none.")
    var null = "organization-preserving"
    @Option(help: "Randomized networks for the p-values.")
    var nullSamples = 99
    @Option(help: "Monte Carlo runs on each randomized network.")
    var nullRuns = 500
    @OptionGroup var output: OutputOptions
    @Option(help: ArgumentHelp("Also write the adoption curves per organization (one panel per model) as SVG.", valueName: "file.svg"))
    var plot: String?

    func validate() throws {
        guard null == "none" || NullModel(rawValue: null) != nil else {
            throw ValidationError("--null takes organization-preserving, configuration, label-permutation or none")
        }
        try OptionRange.check(nullSamples, 0...100_000, "--null-samples")
        try OptionRange.check(nullRuns, 1...OptionRange.maxRuns, "--null-runs")
        for m in models.split(separator: ",") where DiffusionModelName(rawValue: String(m)) == nil {
            throw ValidationError("unknown model \"\(m)\"; models are ic, lt, complex, si, sis, sir, bass")
        }
    }

    func run() throws {
        try reportingFailures {
            let net = try input.load()
            let collective = try channels.chosenCollective(net)
            let start: StartGroup
            if let seeds {
                let nodes: [Int32]
                do { nodes = try SeedSelection(parsing: seeds).resolve(in: net, seed: monteCarlo.seed) }
                catch { throw ValidationError("--seeds: \(error)") }
                guard !nodes.isEmpty else { throw ValidationError("--seeds \(seeds): no node matches") }
                start = StartGroup(label: collective.map { "seeds \(seeds) (the collective \"\(net.displayLabel($0.node))\" frames the reach)" }
                                       ?? "seeds \(seeds)",
                                   id: collective?.id, seeds: NodeSet(name: "seeds", members: nodes))
            } else {
                guard let collective else {
                    throw ValidationError("the dataset has no collective (a node of kind collective with participant edges): give --seeds (ids, random:K, top:K:MEASURE or ATTR<=VALUE)")
                }
                start = StartGroup(label: "the collective \"\(net.displayLabel(collective.node))\"", id: collective.id,
                                   seeds: collective.participants)
            }
            let include = try channels.organizationFilter(net)
            let names = models.split(separator: ",").compactMap { DiffusionModelName(rawValue: String($0)) }
            let analysis = ReachAnalysis(
                models: try names.map { try parameters.model($0, network: net) },
                channels: try channels.channels(net), runs: monteCarlo.runs, horizon: monteCarlo.horizon,
                seed: monteCarlo.seed, threads: monteCarlo.threads, nullModel: NullModel(rawValue: null),
                nullSamples: nullSamples, nullRuns: nullRuns)
            let bar = ProgressBar(label: "reach")
            let result = analysis.run(net, seeds: start.seeds.members,
                                      frame: { channels.frame($0, collective: collective, starters: start.seeds, include: include) },
                                      progress: { bar.update($0, $1) })
            bar.finish()
            try output.emit(ReachReport.render(result, network: net, start: start, options: self))
            if let plot {
                let fig = DiffusionPlot.figure(result.models.map { ($0.model.description, $0.observed) }, network: net,
                                               dataset: net.metadata.name ?? input.dataset, stepDays: channels.stepDays)
                try OutputFile.write(fig.svg(), to: plot)
            }
        }
    }
}

/// Where the invention starts: the collective's participants, or `--seeds`.
struct StartGroup {
    /// How the report names it.
    let label: String
    /// The collective's id, when there is one.
    let id: String?
    let seeds: NodeSet
}

/// The reach report as a text table, CSV (one row per model × organization) or JSON.
enum ReachReport {
    static func render(_ r: ReachAnalysis.Result, network net: Network, start: StartGroup,
                       options o: ReachCommand) -> [UInt8] {
        let num = DiffusionReport.num, cell = DiffusionReport.cell
        let a = r.analysis
        switch o.output.format {
        case .csv:
            var t = ResultTable(columns: [
                "model", "organization", "beyond_collective", "p_reached", "p_reached_low", "p_reached_high",
                "mean_share", "mean_share_low", "mean_share_high", "p_institutionalized_before_end",
                "p_institutionalized", "p_institutionalized_low", "p_institutionalized_high",
                "null_p_institutionalized_mean", "p_less", "p_greater"])
            for m in r.models {
                for (i, org) in m.observed.organizations.enumerated() {
                    let c = m.perOrganization[i]
                    t.append([.string(m.model.description), .string(org.name), .int(org.nonParticipantMembers),
                              num(org.reached.value), num(org.reached.low), num(org.reached.high),
                              num(org.meanShare.value), num(org.meanShare.low), num(org.meanShare.high),
                              num(org.institutionalizedBeforeEnd.value), num(org.institutionalizedAtHorizon.value),
                              num(org.institutionalizedAtHorizon.low), num(org.institutionalizedAtHorizon.high),
                              c.samples > 0 ? num(c.nullMean) : .null, c.samples > 0 ? num(c.pLess) : .null,
                              c.samples > 0 ? num(c.pGreater) : .null])
                }
            }
            return t.render(.csv)
        case .json:
            func comparison(_ c: ReachAnalysis.Comparison) -> JSONValue {
                .object([("statistic", .string(c.statistic)), ("observed", num(c.observed)),
                         ("null_mean", c.samples > 0 ? num(c.nullMean) : .null), ("null_sd", c.samples > 0 ? num(c.nullSD) : .null),
                         ("p_less", c.samples > 0 ? num(c.pLess) : .null), ("p_greater", c.samples > 0 ? num(c.pGreater) : .null),
                         ("null_samples", .int(c.samples))])
            }
            let models = JSONValue.array(r.models.map { m in
                let t = DiffusionReport.organizationTable(m.observed, network: net)
                return .object(DiffusionReport.metadata(m.observed, dataset: o.input.dataset) + [
                    ("overall", .array(m.overall.map(comparison))),
                    ("organizations", .array(t.rows.enumerated().map { i, row in
                        .object(Array(zip(t.columns, row)) + [("null", comparison(m.perOrganization[i]))])
                    })),
                ])
            })
            return Array((JSONValue.object([
                ("dataset", .string(o.input.dataset)), ("collective", start.id.map { .string($0) } ?? .null),
                ("seeds", .string(o.seeds ?? "collective")), ("participants", .int(start.seeds.count)),
                ("null_model", .string(a.nullModel?.rawValue ?? "none")), ("null_samples", .int(a.nullModel == nil ? 0 : a.nullSamples)),
                ("null_runs", .int(a.nullRuns)), ("version", .string(IntersticeVersion.string)),
                ("models", models),
            ]).text() + "\n").utf8)
        case .table:
            var out = "Reach of an invention started by \(start.label) "
            out += "(\(start.seeds.count) \(start.id == nil || o.seeds != nil ? "seeds" : "participants")) in \(net.metadata.name ?? o.input.dataset)\n"
            let end = r.models.first?.observed.parameters.frame?.collectiveEnd
            out += "Runs: \(a.runs) per model (seed \(a.seed)); horizon \(a.horizon) steps of \(ResultTable(columns: []).fixed(o.channels.stepDays, digits: 0)) days"
            if start.id == nil {
                out += "; no collective, so nothing lapses"
            } else {
                out += end.map { "; the collective ends at step \($0)" } ?? "; the collective does not end within the horizon"
            }
            let beyond = start.id == nil ? "the seeds" : "the collective"
            out += ".\nInstitutionalized: \(o.channels.rule.rawValue) rule, θ = \(o.channels.theta) of the members beyond \(beyond).\n"
            if let nm = a.nullModel {
                out += "Chance: \(a.nullSamples) networks of the \(nm.rawValue) null model, \(a.nullRuns) runs each; p = share of null values at least as extreme.\n"
            }
            for m in r.models {
                out += "\n== \(m.model.description)\n\n"
                var t = ResultTable(columns: ["organization", "beyond", "P(reached)", "mean share", "P(inst. by end)", "P(inst.)",
                                              "null P(inst.)", "p less", "p greater"])
                t.tableDigits = 3
                for (i, org) in m.observed.organizations.enumerated() {
                    let c = m.perOrganization[i]
                    t.append([.string(org.name), .int(org.nonParticipantMembers), cell(org.reached, 3), cell(org.meanShare, 3),
                              cell(org.institutionalizedBeforeEnd, 3), cell(org.institutionalizedAtHorizon, 3),
                              c.samples > 0 ? num(c.nullMean) : .null, c.samples > 0 ? num(c.pLess) : .null,
                              c.samples > 0 ? num(c.pGreater) : .null])
                }
                out += String(decoding: t.render(.table), as: UTF8.self) + "\n"
                var s = ResultTable(columns: ["statistic", "observed", "null mean", "null sd", "p less", "p greater"])
                s.tableDigits = 3
                for c in m.overall {
                    s.append([.string(c.statistic), num(c.observed), c.samples > 0 ? num(c.nullMean) : .null,
                              c.samples > 0 ? num(c.nullSD) : .null, c.samples > 0 ? num(c.pLess) : .null,
                              c.samples > 0 ? num(c.pGreater) : .null])
                }
                out += String(decoding: s.render(.table), as: UTF8.self)
            }
            return Array(out.utf8)
        }
    }
}
