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
        are the group the invention starts from, and nothing lapses). The default model is \
        practice: holders pass it on at every step, forget it (--forgetting) unless the collective \
        or an institutionalized organization sustains them, participants leave (--turnover, \
        --replace), an organization is institutionalized when a share θ of its members beyond the \
        collective hold it for --routinization steps, or when its management, having endorsed it \
        (--endorsement), formalizes it (--formalization, --compliance). Other models (--models \
        ic,lt,complex,…) run side by side; with them, at the collective's end (its dates, one step \
        = --step-days days) participants of organizations that have not institutionalized it drop \
        it. Each statistic is compared with --null-samples networks of the --null model \
        (collective-preserving keeps every tie of the participants and rewires the others). \
        --sensitivity sweeps a grid of assumptions and says in how much of it each conclusion \
        holds; --vary assumed K redraws the ties a reconstruction assumed.

        Example:
          interstice reach Datasets/cucm-plie
          interstice reach Datasets/cucm-plie --forgetting 0.1 --turnover 0.05 --end 12 --null collective-preserving
          interstice reach Datasets/chalon-sur-saone --probability 0.3 --null label-permutation --format json
          interstice reach Datasets/medInnovations --seeds "toa<=2" --organizations level=hospital --probability 0.1
        """
    )

    @OptionGroup var input: DatasetOptions
    @Option(help: ArgumentHelp("Where the invention starts (default: the collective's participants): collective:NAME, comma-separated ids, random:K, top:K:MEASURE, or ATTR<=VALUE (also <, =, >=, >).", valueName: "spec"))
    var seeds: String?
    @Option(help: "Models to compare, comma-separated: \(ModelKind.list) (default \(ReachRequest().models.map(\.rawValue).joined(separator: ","))).")
    var models: String?
    @OptionGroup var monteCarlo: MonteCarloOptions
    @OptionGroup var channels: ChannelOptions
    @OptionGroup var parameters: ModelOptions
    @OptionGroup var fitted: FittedParametersOption
    @Option(help: "Null model: \((NullModel.allCases.map(\.rawValue) + ["none"]).joined(separator: ", ")) (default \(ReachRequest().null?.rawValue ?? "none")).")
    var null: String?
    @Option(help: "Randomized networks for the p-values (default \(ReachRequest().nullSamples)).")
    var nullSamples: Int?
    @Option(help: "Monte Carlo runs on each randomized network (default \(ReachRequest().nullRuns)).")
    var nullRuns: Int?
    @OptionGroup var output: OutputOptions
    @Option(help: ArgumentHelp("Also write the adoption curves per organization (one panel per model) as SVG.", valueName: "file.svg"))
    var plot: String?
    @Option(parsing: .upToNextOption, help: ArgumentHelp("Redraw the edges tagged basis=assumed K times (keeping organization sizes, tie densities within and between organizations, and the hierarchy's shape) and report each statistic's median and 5–95% range over the redraws (--format csv then writes that table).", valueName: "assumed K"))
    var vary: [String] = []

    /// K of `--vary assumed K` (nil: no redraws).
    var redraws: Int? {
        guard vary.count == 2, vary[0] == "assumed", let k = Int(vary[1]), k >= 1, k <= 100_000 else { return nil }
        return k
    }

    @Flag(help: "Also sweep a grid of assumptions (p × θ × δ × R × formalization × model × null) and say in how much of it each conclusion holds (--format csv then writes the grid, one row per setting).")
    var sensitivity = false
    @OptionGroup var grid: SensitivityOptions

    func validate() throws {
        if !vary.isEmpty && redraws == nil {
            throw ValidationError("--vary takes assumed K (1 ≤ K ≤ 100000 redraws of the edges tagged basis=assumed), found \"\(vary.joined(separator: " "))\"")
        }
        if redraws != nil && sensitivity && output.format == .csv {
            throw ValidationError("--format csv writes either the --sensitivity grid or the --vary table: choose one, or use --format json")
        }
        if !sensitivity && !grid.given.isEmpty {
            throw ValidationError("\(grid.given.joined(separator: ", ")) only apply with --sensitivity")
        }
        if sensitivity {
            do { _ = try grid.sensitivity(over: ReachRequest.Sensitivity()) } catch { throw ValidationError(error.description) }
        }
    }

    /// The request the flags describe.
    func request() throws(RequestError) -> ReachRequest {
        var r = ReachRequest()
        if let models { r.models = try models.split(separator: ",").map { m throws(RequestError) in try ModelKind.named(String(m).trimmedSpaces) } }
        if let null { r.null = try ReachRequest.null(named: null) }
        if let nullSamples { r.nullSamples = nullSamples }
        if let nullRuns { r.nullRuns = nullRuns }
        r.settings = try diffusionSettings(seeds: seeds, monteCarlo: monteCarlo, channels: channels, parameters: parameters)
        if sensitivity { r.sensitivity = try grid.sensitivity(over: ReachRequest.Sensitivity()) }
        return r
    }

    func run() throws {
        try reportingFailures {
            var req = try request()
            try req.validate()
            let net = try input.load()
            try fitted.apply(to: &req.settings, explicitProbability: channels.probability, models: req.models, net: net)
            if let note = req.settings.frame.schemeNote(net) { printError("interstice: note: \(note)") }
            let bar = ProgressBar(label: "reach")
            let outcome = try req.run(net, progress: { bar.update($0, $1) })
            bar.finish()
            let frame = req.settings.frame, start = outcome.start
            let include = try frame.organizationFilter(net)
            let sweepBar = ProgressBar(label: "sensitivity")
            let settings = try req.sweep(net, outcome: outcome, progress: { sweepBar.update($0, $1) })
            if settings != nil { sweepBar.finish() }
            var assumed: [RedrawDistribution]? = nil
            if let k = redraws {
                let redraw = AssumedTieRedraw(relations: outcome.channels.strength.keys.sorted())
                do { _ = try redraw.assumedCounts(in: net) } catch { throw RequestError.badData("\(error)") }
                let varyBar = ProgressBar(label: "vary assumed")
                assumed = outcome.result.analysis.varyAssumed(
                    net, seeds: start.seeds.members,
                    frame: { frame.frame($0, collective: start.collective, starters: start.seeds, include: include) },
                    redraw: redraw, count: k, observed: outcome.result, progress: { varyBar.update($0, $1) })
                varyBar.finish()
            }
            let provenance = req.settings.provenance(net, start: outcome.start, channels: outcome.channels,
                                                     models: req.models, input: input.identity)
            try output.emit(ReachReport.render(outcome, request: req, network: net, dataset: input.dataset,
                                               format: output.format, provenance: provenance,
                                               sensitivity: settings, assumed: assumed),
                            provenance: [("analysis", .string("reach")), ("models", .array(req.models.map { .string($0.rawValue) })),
                                         ("null_model", .string(req.null?.rawValue ?? "none")),
                                         ("null_samples", .int(req.null == nil ? 0 : req.nullSamples)), ("null_runs", .int(req.nullRuns)),
                                         ("version", .string(IntersticeVersion.string)), ("request", .object(provenance))])
            if let plot {
                let fig = DiffusionPlot.figure(outcome.result.models.map { ($0.model.description, $0.observed) }, network: net,
                                               dataset: net.metadata.name ?? input.dataset, stepDays: req.settings.frame.stepDays)
                try OutputFile.write(fig.svg(), to: plot)
            }
        }
    }
}

/// The reach report as a text table, CSV (one row per model × organization) or JSON.
enum ReachReport {
    /// One row per setting of a sensitivity sweep.
    static func gridTable(_ settings: [ReachSensitivity.Setting]) -> ResultTable {
        let num = DiffusionReport.num
        var t = ResultTable(columns: ["null", "model", "p", "theta", "forgetting", "routinization", "formalization",
                                      "organizations_institutionalized", "null_mean", "p_less", "p_greater", "verdict"])
        t.tableDigits = 3
        for s in settings {
            t.append([.string(s.null.rawValue), .string(s.model.rawValue), num(s.probability), num(s.theta),
                      s.forgetting.map(num) ?? .null, s.routinization.map { .int($0) } ?? .null, s.formalization.map(num) ?? .null, num(s.comparison.observed),
                      num(s.comparison.nullMean), num(s.comparison.pLess), num(s.comparison.pGreater), .string(s.verdict.rawValue)])
        }
        return t
    }

    /// One row per model and statistic of `--vary assumed K`.
    static func varyTable(_ d: [RedrawDistribution]) -> ResultTable {
        let num = DiffusionReport.num
        var t = ResultTable(columns: ["model", "statistic", "as_reconstructed", "median", "q05", "q95", "redraws"])
        t.tableDigits = 3
        for x in d {
            t.append([.string(x.model), .string(x.statistic), num(x.asReconstructed), num(x.median), num(x.q05), num(x.q95),
                      .int(x.redraws)])
        }
        return t
    }

    static func render(_ outcome: ReachRequest.Outcome, request q: ReachRequest, network net: Network, dataset: String,
                       format: ResultTable.Format, provenance: [(String, JSONValue)],
                       sensitivity: [ReachSensitivity.Setting]? = nil, assumed: [RedrawDistribution]? = nil) -> [UInt8] {
        let num = DiffusionReport.num, cell = DiffusionReport.cell
        let r = outcome.result, start = outcome.start
        let a = r.analysis
        let summary = r.summary(sensitivity: sensitivity, assumed: assumed)
        if let sensitivity, format == .csv { return gridTable(sensitivity).render(.csv) }
        if let assumed, format == .csv { return varyTable(assumed).render(.csv) }
        switch format {
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
                return .object(DiffusionReport.metadata(m.observed, dataset: dataset) + [
                    ("overall", .array(m.overall.map(comparison))),
                    ("organizations", .array(t.rows.enumerated().map { i, row in
                        .object(Array(zip(t.columns, row)) + [("null", comparison(m.perOrganization[i]))])
                    })),
                ])
            })
            return Array((JSONValue.object([
                ("dataset", .string(dataset)), ("collective", start.collective.map { .string($0.id) } ?? .null),
                ("seeds", .string(start.spec ?? "collective")), ("participants", .int(start.seeds.count)),
                ("null_model", .string(a.nullModel?.rawValue ?? "none")), ("null_samples", .int(a.nullModel == nil ? 0 : a.nullSamples)),
                ("null_runs", .int(a.nullRuns)), ("version", .string(IntersticeVersion.string)),
                ("request", .object(provenance)), ("models", models),
                ("summary", .array(summary.map { .string($0) })),
                ("vary_assumed", assumed.map { d in
                    let t = varyTable(d)
                    return .object([("redraws", .int(d.first?.redraws ?? 0)),
                                    ("statistics", .array(t.rows.map { .object(Array(zip(t.columns, $0))) }))])
                } ?? .null),
                ("sensitivity", sensitivity.map { s in
                    let t = gridTable(s)
                    return .object([("settings", .int(s.count)), ("alpha", .double(0.05)),
                                    ("grid", .array(t.rows.map { .object(Array(zip(t.columns, $0))) }))])
                } ?? .null),
            ]).text() + "\n").utf8)
        case .table:
            var out = "Reach of an invention started by \(start.label) "
            out += "(\(start.seeds.count) \(start.collective == nil || start.spec != nil ? "seeds" : "participants")) in \(net.metadata.name ?? dataset)\n"
            let end = r.models.first?.observed.parameters.frame?.collectiveEnd
            out += "Runs: \(a.runs) per model (seed \(a.seed)); horizon \(a.horizon) steps of \(ResultTable(columns: []).fixed(q.settings.frame.stepDays, digits: 0)) days"
            if start.collective == nil {
                out += "; no collective, so nothing lapses"
            } else {
                out += end.map { "; the collective ends at step \($0)" } ?? "; the collective does not end within the horizon"
            }
            let beyond = start.collective == nil ? "the seeds" : "the collective"
            out += ".\nInstitutionalized: \(q.settings.frame.rule.rawValue) rule, θ = \(q.settings.frame.theta) of the members beyond \(beyond).\n"
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
                t = DiffusionReport.withManagement(t, m.observed, compact: true)
                out += String(decoding: t.render(.table), as: UTF8.self) + "\n"
                if let d = m.observed.departures, q.settings.model.turnover != nil || d.value > 0 {
                    let f = ResultTable(columns: [])
                    out += "Participants who left the collective per run: \(f.fixed(d.value, digits: 2)) [\(f.fixed(d.low, digits: 2)), \(f.fixed(d.high, digits: 2))].\n"
                }
                var s = ResultTable(columns: ["statistic", "observed", "null mean", "null sd", "p less", "p greater"])
                s.tableDigits = 3
                for c in m.overall {
                    s.append([.string(c.statistic), num(c.observed), c.samples > 0 ? num(c.nullMean) : .null,
                              c.samples > 0 ? num(c.nullSD) : .null, c.samples > 0 ? num(c.pLess) : .null,
                              c.samples > 0 ? num(c.pGreater) : .null])
                }
                out += String(decoding: s.render(.table), as: UTF8.self)
            }
            if let assumed {
                out += "\n== Assumed ties redrawn \(assumed.first?.redraws ?? 0) times (median and 5–95% over the redraws)\n\n"
                out += String(decoding: varyTable(assumed).render(.table), as: UTF8.self)
            }
            if let sensitivity {
                out += "\n== Sensitivity: \(sensitivity.count) settings (p on every channel relation)\n\n"
                out += String(decoding: gridTable(sensitivity).render(.table), as: UTF8.self)
            }
            out += "\n== Summary\n\n" + summary.joined(separator: "\n") + "\n"
            return Array(out.utf8)
        }
    }
}
