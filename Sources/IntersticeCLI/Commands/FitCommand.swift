import ArgumentParser
import Batch
import Foundation
import Interstice

extension AdoptionModel: ExpressibleByArgument {}

/// `interstice fit DATASET --adoption COLUMN`: which relations carry adoption, estimated from
/// observed adoption times (question 7, issue 15). Flags become an ``AdoptionFitParameters``;
/// the library does the rest.
struct FitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fit",
        abstract: "Estimate which relations carry adoption from observed adoption times: hazard (logistic) or contagion model, with intervals and permutation p-values.",
        discussion: """
        COLUMN is the node attribute holding each node's period of adoption (whole numbers); \
        --never gives the code for "never adopted" (medInnovations: 18). A node without a value \
        is left out of the population by default (--missing never counts it as a never-adopter); \
        ties to such nodes are counted and reported.

        hazard: a logistic regression on person-period rows (one per node and period from the \
        first observed period until it adopts or the last; never-adopters censored), terms \
        intercept, exposure:<relation> (share of the node's alters via the relation who adopted \
        strictly before the period), period:<t> (the first period the reference), the \
        --covariates, and fixed effects of the --by groups. Standard errors model-based and \
        clustered by node; Wald 95% intervals.

        contagion: P(adopt in t | not yet) = 1 − (1 − b) Π_r (1 − p_r)^A_r(t), A_r(t) the alters \
        via r who adopted before t; b ("outside", one per --by group) and each p_r by maximum \
        likelihood, with profile-likelihood 95% intervals and likelihood-ratio p-values.

        practice: the practice model (as `diffuse --model practice`, one step = one period, the \
        first period's adopters holding it at step 0) with each relation's per-step probability \
        and forgetting δ (or --forgetting D fixed) fitted by simulated composite likelihood \
        (--runs per candidate, common random numbers) and --bootstrap percentile intervals; \
        `reach --parameters fit.json` runs with them. δ is weakly identified by first adoptions.

        Alters are taken in the direction influence flows: by default the nodes each node names \
        (outgoing), as in nomination data where the named influences the one who names. \
        --permutations K refits under K shuffles of the adoption times (within --by groups): \
        two-sided p-values, the same for any --threads.

        Example:
          interstice fit Datasets/medInnovations --adoption toa --never 18 --relations advice,discussion,friendship
          interstice fit Datasets/medInnovations --adoption toa --never 18 --covariates nojourn,special --by city --permutations 999
          interstice fit Datasets/kfamily --adoption toa --relations fp_talk,fp_advice --model contagion --format json
          interstice fit Datasets/medInnovations --adoption toa --never 18 --relations advice,discussion,friendship --model practice --format json -o fit.json
        """
    )

    @OptionGroup var input: DatasetOptions
    @OptionGroup var observed: AdoptionOptions
    @Option(help: "Model: hazard (logistic on person-periods), contagion (b and p per relation) or practice (the practice model calibrated by simulation).")
    var model: AdoptionModel = .hazard
    @Option(help: ArgumentHelp("Numeric node attributes as covariates (hazard).", valueName: "a,b"))
    var covariates: String?
    @Option(help: ArgumentHelp("Groups: organization or a node attribute; fixed effects (hazard), an outside influence each (contagion), permutation strata.", valueName: "group"))
    var by: String?
    @Option(help: "Permutations of adoption times for p-values (0: none).")
    var permutations = 0
    @Option(help: "Random seed of the permutations.")
    var seed: UInt64 = 1
    @Option(help: "Worker threads (default: every core); the result is the same for any value.")
    var threads: Int?
    @Option(help: "practice: simulated runs per candidate, the same for every candidate (common random numbers; default \(PracticeFitParameters(relations: []).runs)).")
    var runs: Int?
    @Option(help: "practice: parametric bootstrap replicates for the 95% intervals (0: none; default \(PracticeFitParameters(relations: []).bootstrap)).")
    var bootstrap: Int?
    @Option(help: "practice: fix forgetting δ at this value instead of estimating it.")
    var forgetting: Double?
    @OptionGroup var output: OutputOptions
    @Option(help: ArgumentHelp("Also draw observed against fitted cumulative adoption (everyone, then each --by group) as SVG.", valueName: "file.svg"))
    var plot: String?

    func list(_ s: String?) -> [String] {
        (s ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    func validate() throws {
        guard permutations >= 0 && permutations <= 1_000_000 else { throw ValidationError("--permutations must be in 0…1000000") }
        if let t = threads, t <= 0 { throw ValidationError("--threads must be positive") }
        if model == .contagion && !list(covariates).isEmpty {
            throw ValidationError("--covariates: the contagion model has no covariates (use --model hazard)")
        }
        if model == .practice {
            if !list(covariates).isEmpty { throw ValidationError("--covariates: the practice model has no covariates (use --model hazard)") }
            if permutations > 0 { throw ValidationError("--permutations: the practice model's intervals come from --bootstrap; permutations are for hazard and contagion") }
        } else {
            for (name, given) in [("runs", runs != nil), ("bootstrap", bootstrap != nil), ("forgetting", forgetting != nil)] where given {
                throw ValidationError("--\(name) is a parameter of --model practice; \(model.rawValue) does not use it")
            }
        }
    }

    func run() throws {
        try reportingFailures {
            let net = try input.load()
            let times = try observed.times(net, dataset: input.dataset)
            let chosen = try observed.chosenRelations(net)
            if model == .practice {
                try runPractice(net, times: times, relations: chosen)
                return
            }
            let direction = try observed.direction ?? ExposureCommand.direction(of: chosen, in: net)
            let parameters = AdoptionFitParameters(model: model, relations: chosen, direction: direction, covariates: list(covariates),
                                                   groupBy: by, permutations: permutations, seed: seed, threads: threads)
            let result: AdoptionFitResult
            do {
                result = try AdoptionFit.fit(net, adoption: times, parameters)
            } catch let error as EstimationError {
                switch error {
                case .invalidParameter, .unknownRelation, .unknownCovariate, .unknownGrouping, .nonNumericCovariate:
                    throw ValidationError("\(error)")
                default:
                    throw GraphIOError(.badData, file: input.dataset, "\(error)")
                }
            }
            let report = FitReport(network: net, adoption: times, result: result, options: self, digest: datasetDigest())
            try output.emit(report.render())
            if let plot { try OutputFile.write(report.figure().svg(), to: plot) }
        }
    }

    /// SHA-256 of the input as the batch store computes it (a folder: its nodes.csv, edges.csv,
    /// dataset.json with names and lengths); nil for standard input.
    func datasetDigest() -> String? {
        let path = input.dataset
        guard path != "-" else { return nil }
        if DatasetFolder.isFolder(path) {
            var bytes: [UInt8] = []
            for name in ["nodes.csv", "edges.csv", "dataset.json"] {
                guard let data = FileManager.default.contents(atPath: (path as NSString).appendingPathComponent(name)) else { continue }
                bytes += Array("\(name)\0\(data.count)\0".utf8)
                bytes += Array(data)
            }
            return Digest.hex(of: bytes)
        }
        return FileManager.default.contents(atPath: path).map { Digest.hex(of: Array($0)) }
    }
}

/// A fit as a text table, CSV (the estimates) or JSON (everything, with provenance).
struct FitReport {
    let network: Network
    let adoption: AdoptionTimes
    let result: AdoptionFitResult
    let options: FitCommand
    let digest: String?

    static func num(_ x: Double?) -> JSONValue { x.map { $0.isFinite ? .double($0) : .null } ?? .null }

    func render() -> [UInt8] {
        switch options.output.format {
        case .csv: return estimateTable().render(.csv)
        case .json: return Array((json().text() + "\n").utf8)
        case .table: return Array(text().utf8)
        }
    }

    var hasPermutations: Bool { result.parameters.permutations > 0 }

    func estimateTable() -> ResultTable {
        var columns = ["term", "estimate", "se"]
        if result.parameters.model == .hazard { columns.append("robust_se") }
        columns += ["ci_low", "ci_high", "p_value"]
        if hasPermutations { columns += ["permutation_p", "permutation_mean"] }
        columns.append("note")
        var t = ResultTable(columns: columns)
        t.tableDigits = 4
        for e in result.terms {
            var row: [JSONValue] = [.string(e.term), Self.num(e.estimate), Self.num(e.standardError)]
            if result.parameters.model == .hazard { row.append(Self.num(e.robustStandardError)) }
            row += [Self.num(e.ciLow), Self.num(e.ciHigh), Self.num(e.pValue)]
            if hasPermutations { row += [Self.num(e.permutationPValue), Self.num(e.permutationMean)] }
            row.append(e.note.map { .string($0) } ?? .null)
            t.append(row)
        }
        return t
    }

    var outsideTies: [(String, Int)] {
        zip(result.parameters.relations, result.tiesOutsidePopulation).filter { $0.1 > 0 }.map { ($0.0.rawValue, $0.1) }
    }

    func text() -> String {
        let p = result.parameters, o = options
        var out = p.model == .hazard
            ? "Discrete-time hazard (logistic regression on person-periods)"
            : "Multiplex contagion: P(adopt | not yet) = 1 − (1 − b) Π_r (1 − p_r)^A_r"
        out += ": adoption from \(o.observed.adoption)"
        if let nv = o.observed.never { out += " (never = \(nv))" }
        if let pd = o.observed.period { out += " (dates by \(pd.rawValue))" }
        out += ", periods \(result.window.lowerBound)–\(result.window.upperBound)\n"
        out += "\(result.nodes) nodes at risk, \(result.rows) person-periods, \(result.events) adoptions"
        if result.leftCensored > 0 { out += ", \(result.leftCensored) adopted before the window (left out)" }
        out += "; log-likelihood \(String(format: "%.4f", result.logLikelihood)), AIC \(String(format: "%.4f", result.aic))\n"
        out += "alters: \(p.direction == .outgoing ? "the nodes each node names" : p.direction == .incoming ? "the nodes naming it" : "either way")"
        out += p.model == .hazard ? "; Wald 95% intervals, robust se clustered by node\n" : "; profile-likelihood 95% intervals, likelihood-ratio p-values\n"
        if hasPermutations {
            out += "permutation p-values: \(result.permutationsFitted) of \(p.permutations) shuffles of adoption times (seed \(p.seed)"
            if let by = p.groupBy { out += ", within \(by)" }
            out += ")\n"
        }
        out += "\n" + String(decoding: estimateTable().render(.table), as: UTF8.self)
        for (r, c) in outsideTies { out += "note: \(r): \(c) ties to nodes without adoption data (left out)\n" }
        for n in result.notes { out += "note: \(n)\n" }
        return out
    }

    /// Observed and fitted cumulative adoption, one panel for everyone and one per group.
    func figure() -> LineFigure {
        let p = result.parameters
        var f = LineFigure(
            title: "Observed and fitted adoption (\(p.model.rawValue) model)",
            caption: "\(network.metadata.name ?? options.input.dataset): share of the nodes at risk in period \(result.window.lowerBound) that adopted by each period; fitted = the sum of the model's hazards given the observed history.",
            xLabel: "period (\(options.observed.adoption))", yLabel: "cumulative share", yRange: 0...1)
        f.panels = result.curves.map { c in
            let shares = c.cumulativeShares
            let periods = result.window.map { Double($0) }
            return LineFigure.Panel(title: c.group == "all" ? "everyone (\(c.nodes))" : "\(p.groupBy ?? "group") \(c.group) (\(c.nodes))", series: [
                LineFigure.Series(name: "observed", points: zip(periods, shares.observed).map { LineFigure.Point($0, $1) }),
                LineFigure.Series(name: "fitted", points: zip(periods, shares.expected).map { LineFigure.Point($0, $1) }),
            ])
        }
        return f
    }

    func json() -> JSONValue {
        let p = result.parameters, o = options
        let estimates: [JSONValue] = result.terms.map { e in
            var f: [(String, JSONValue)] = [("term", .string(e.term)), ("estimate", Self.num(e.estimate)), ("se", Self.num(e.standardError))]
            if p.model == .hazard { f.append(("robust_se", Self.num(e.robustStandardError))) }
            f += [("ci_low", Self.num(e.ciLow)), ("ci_high", Self.num(e.ciHigh)), ("p_value", Self.num(e.pValue))]
            if hasPermutations { f += [("permutation_p", Self.num(e.permutationPValue)), ("permutation_mean", Self.num(e.permutationMean))] }
            f.append(("note", e.note.map { .string($0) } ?? .null))
            return .object(f)
        }
        let period: (String, JSONValue) = ("period", o.observed.period.map { .string($0.rawValue) } ?? .null)
        return .object([
            ("model", .string(p.model.rawValue)),
            ("estimates", .array(estimates)),
            ("log_likelihood", Self.num(result.logLikelihood)), ("aic", Self.num(result.aic)),
            ("interval", .string(p.model == .hazard ? "wald" : "profile-likelihood")),
            ("rows", .int(result.rows)), ("events", .int(result.events)), ("nodes", .int(result.nodes)),
            ("left_censored", .int(result.leftCensored)),
            ("population", .int(adoption.populationCount)), ("adopters", .int(adoption.adopterCount)),
            ("periods", .array([.int(result.window.lowerBound), .int(result.window.upperBound)])),
            ("ties_without_adoption_data", .object(zip(p.relations, result.tiesOutsidePopulation).map { ($0.0.rawValue, .int($0.1)) })),
            ("permutations_fitted", .int(result.permutationsFitted)), ("permutation_failures", .int(result.permutationFailures)),
            ("notes", .array(result.notes.map { .string($0) })),
            ("curves", .array(result.curves.map { c in
                .object([("group", .string(c.group)), ("nodes", .int(c.nodes)), ("observed", .array(c.observed.map { .int($0) })),
                         ("expected", .array(c.expected.map { Self.num($0) }))])
            })),
            ("dataset", .string(o.input.dataset)), ("dataset_sha256", digest.map { .string($0) } ?? .null),
            ("adoption", .string(o.observed.adoption)), ("never", o.observed.never.map { .int($0) } ?? .null), ("missing", .string(o.observed.missing.rawValue)),
            ("relations", .array(p.relations.map { .string($0.rawValue) })), ("direction", .string(p.direction.rawValue)),
            ("covariates", .array(p.covariates.map { .string($0) })), ("by", p.groupBy.map { .string($0) } ?? .null),
            ("permutations", .int(p.permutations)), ("seed", .int(Int(truncatingIfNeeded: p.seed))),
            ("threads", p.threads.map { .int($0) } ?? .null),
            ("version", .string(IntersticeVersion.string)), period,
        ])
    }
}
