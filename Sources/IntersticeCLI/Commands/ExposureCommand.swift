import ArgumentParser
import Foundation
import Interstice


/// `interstice exposure DATASET --adoption COLUMN`: Valente's network-exposure analysis of
/// observed adoption data (question 6).
struct ExposureCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "exposure",
        abstract: "Network exposure of observed adopters: thresholds, adopter classes, exposure vs. permuted adoption times, adoption by organization.",
        discussion: """
        COLUMN is the node attribute holding each node's period of adoption (whole numbers); \
        --never gives the code for "never adopted" (medInnovations: 18). A node without a value is \
        left out of the population by default, and the count reported (--missing never counts it \
        as a never-adopter), as in `fit`. The population is every other node that is not an \
        organization or a collective.

        Exposure of node i in period t is the share of its alters (the nodes i names, by \
        default) that had adopted by t; its threshold is its exposure in period t_i − lag \
        (Valente 1995, 1996; netdiffuseR's exposure() and threshold()). Adopters are classed by \
        time of adoption (early adopter, early majority, late majority, laggard) and by \
        threshold (very low … very high), cut at the mean ± one standard deviation. The share of \
        adopters who had an alter adopting in an earlier period is compared with --permutations \
        shuffles of the adoption times (within each --within group when given).

        Output: the exposed-adopter test per relation set, the cumulative adoption curve of each \
        organization (--by), and one row per node; --rows picks one table (csv prints nodes \
        unless told), and --rows period prints the node × period exposures for event-history \
        models.

        Example:
          interstice exposure Datasets/medInnovations --adoption toa --never 18 --per-relation
          interstice exposure Datasets/medInnovations --adoption toa --never 18 --within city --by city --rows relation
          interstice exposure Datasets/kfamily --adoption toa --within village --format csv -o kfamily.csv
          interstice exposure Datasets/medInnovations --adoption toa --never 18 --by city --plot medinnovations-exposure.svg
        """
    )

    @OptionGroup var input: DatasetOptions
    @OptionGroup var observed: AdoptionOptions
    @Flag(help: "Also analyse each relation separately (then the combination).")
    var perRelation = false
    @Flag(help: "Weight alters by their tie weights, summed over the relations (default: each tied alter counts 1).")
    var weighted = false
    @Option(help: "Threshold = exposure in period t_i − lag (0: alters adopting in the same period count).")
    var lag = 0
    @Flag(help: "Give thresholds to first-period adopters too (left-censored; left out by default).")
    var includeCensored = false
    @Option(help: "Permutations of adoption times for the baseline (0: none).")
    var permutations = 999
    @Option(help: "Random seed of the permutations.")
    var seed: UInt64 = 1
    @Option(help: "Worker threads (default: every core); the result is the same for any value.")
    var threads: Int?
    @Option(help: ArgumentHelp("Permute adoption times only within groups: organization (each node's first) or a node attribute.", valueName: "group"))
    var within: String?
    @Option(help: ArgumentHelp("Adoption curves per organization (default when the dataset has organizations), per node attribute value, or none.", valueName: "organization|attribute|none"))
    var by: String?
    @Option(help: "Print only one table: node, relation, organization or period.")
    var rows: ExposureRows?
    @OptionGroup var output: OutputOptions
    @Option(help: ArgumentHelp("Also write the cumulative adoption per group and the mean exposure by period as SVG.", valueName: "file.svg"))
    var plot: String?

    func validate() throws {
        try OptionRange.check(threads, 1...OptionRange.maxThreads, "--threads")
        guard lag >= 0 && lag <= 1_000_000 else { throw ValidationError("--lag must be in 0…1000000") }
        guard permutations >= 0 && permutations <= 10_000_000 else { throw ValidationError("--permutations must be in 0…10000000") }
        if let t = threads, t <= 0 { throw ValidationError("--threads must be positive") }
    }

    func run() throws {
        try reportingFailures {
            let net = try input.load()
            let times = try observed.times(net, dataset: input.dataset)
            let chosen = try observed.chosenRelations(net)
            let direction = try observed.direction ?? ExposureCommand.direction(of: chosen, in: net)
            var options = self
            options.observed.direction = direction
            let parameters = ExposureParameters(
                relations: chosen, weighted: weighted, direction: direction, lag: lag, includeCensored: includeCensored,
                permutations: permutations, seed: seed, strata: try strataLabels(net), strataName: within, threads: threads)
            let results = perRelation ? Exposure.analyzeEach(net, relations: chosen, adoption: times, parameters)
                : [Exposure.analyze(net, adoption: times, parameters)]
            let curves = try adoptionCurves(net, times)
            let report = ExposureReport(network: net, adoption: times, results: results, curves: curves, options: options)
            try output.emit(report.render())
            if let plot {
                try OutputFile.write(ExposurePlot.figure(results, curves: curves, adoption: times, network: net,
                                                         dataset: net.metadata.name ?? input.dataset, column: observed.adoption,
                                                         groupedBy: by == "organization" || by == "none" ? nil : by).svg(),
                                     to: plot)
            }
        }
    }

    /// The exposure direction that matches the way influence flows along `relations` (the same
    /// flow `diffuse`, `reach` and `relays` use): reverse → the alters a node names, along →
    /// those naming it, both ways → either.
    static func direction(of relations: [Relation], in net: Network) throws -> ExposureDirection {
        let flows = try Set(relations.map { r throws(RequestError) in try ChannelSettings().flow(r, in: net) })
        guard flows.count == 1, let f = flows.first else {
            throw ValidationError("the relations' influence flows differ (\(relations.map { "\($0)" }.joined(separator: ", "))); give --direction")
        }
        let d: ExposureDirection
        switch f {
        case .reverse: d = .outgoing
        case .along: d = .incoming
        case .both: d = .both
        }
        let undeclared = relations.filter { net.layer($0)?.direction == .directed && net.metadata.influence[$0.rawValue] == nil }
        if !undeclared.isEmpty {
            printError("interstice: note: influence along \(undeclared.map(\.rawValue).joined(separator: ", ")) is not declared (dataset.json `influence`); assumed to flow along the arcs, so exposure counts the alters naming each node (--direction \(d.rawValue)); give --direction outgoing for nominations")
        }
        return d
    }

    /// One stratum label per node from `--within`.
    func strataLabels(_ net: Network) throws -> [Int32]? {
        guard let within else { return nil }
        if within == "organization" {
            let orgs = net.organizations()
            guard orgs.groupCount > 0 else { throw ValidationError("--within organization: the dataset has no organizations") }
            return orgs.primary
        }
        guard let p = net.partition(byAttribute: within) else {
            throw ValidationError("--within: no node attribute \"\(within)\" (nor organizations, with \"organization\")")
        }
        return p.primary
    }

    /// The groups of `--by` and their curves (empty for `none`, or by default without organizations).
    func adoptionCurves(_ net: Network, _ times: AdoptionTimes) throws -> [AdoptionCurve] {
        var curves = times.overallCurve.map { [$0] } ?? []
        switch by {
        case "none"?: return curves
        case nil, "organization"?:
            let orgs = net.organizations()
            if orgs.groupCount == 0 && by != nil { throw ValidationError("--by organization: the dataset has no organizations") }
            curves += times.curves(by: orgs)
        case let name?:
            guard let p = net.partition(byAttribute: name) else { throw ValidationError("--by: no node attribute \"\(name)\"") }
            curves += times.curves(by: p)
        }
        return curves
    }
}

/// The tables `--rows` can pick.
enum ExposureRows: String, CaseIterable, ExpressibleByArgument {
    case node, relation, organization, period
}

/// The exposure analysis as text tables, CSV or JSON.
struct ExposureReport {
    let network: Network
    let adoption: AdoptionTimes
    let results: [ExposureResult]
    let curves: [AdoptionCurve]
    let options: ExposureCommand

    static func num(_ x: Double?) -> JSONValue { x.map { $0.isFinite ? .double($0) : .null } ?? .null }

    func render() -> [UInt8] {
        let format = options.output.format
        switch format {
        case .csv: return table(options.rows ?? .node, format: .csv).render(.csv)
        case .json: return Array((json().text() + "\n").utf8)
        case .table: return Array(text().utf8)
        }
    }

    // MARK: tables

    func table(_ which: ExposureRows, format: ResultTable.Format) -> ResultTable {
        switch which {
        case .node: return nodeTable()
        case .relation: return relationTable()
        case .organization: return format == .table ? wideCurveTable() : longCurveTable()
        case .period: return periodTable()
        }
    }

    /// One row per relation set × population node.
    func nodeTable() -> ResultTable {
        var t = ResultTable(columns: ["relations", "id", "label", "adoption_time", "adopter_category", "alters",
                                      "adopting_alters_before", "exposure_at_adoption", "threshold_class", "exposure_at_end"])
        t.tableDigits = 3
        for r in results {
            for v in 0..<network.nodeCount where adoption.inPopulation[v] {
                let node = Int32(v)
                t.append([.string(r.relationName), .string(network.ids[v]), .string(network.displayLabel(node)),
                          adoption.time(of: node).map { .int($0) } ?? .null,
                          r.adopterCategory[v].map { .string($0.rawValue) } ?? .null,
                          .int(r.alterCount[v]), .int(r.adoptingAltersBefore[v]), Self.num(r.threshold[v]),
                          r.thresholdClass[v].map { .string($0.rawValue) } ?? .null,
                          Self.num(r.exposure(of: node, at: r.periods.upperBound))])
            }
        }
        return t
    }

    /// One row per relation set: the exposed-adopter test and the thresholds.
    func relationTable() -> ResultTable {
        var t = ResultTable(columns: ["relations", "adopters", "adopters_with_alters", "exposed", "share_exposed",
                                      "permutation_mean", "permutation_sd", "p_value", "permutations",
                                      "thresholds", "mean_threshold", "threshold_cut_low", "threshold_cut_high"])
        t.tableDigits = 4
        for r in results {
            let e = r.exposedAdopters, c = r.thresholdCutoffs
            t.append([.string(r.relationName), .int(e.adopters), .int(e.adoptersWithAlters), .int(e.exposed), Self.num(e.share),
                      Self.num(e.permutationMean), Self.num(e.permutationStandardDeviation), Self.num(e.pValue), .int(e.permutations),
                      .int(r.thresholdCount), Self.num(r.meanThreshold),
                      Self.num(c.map { $0.mean - $0.standardDeviation }), Self.num(c.map { $0.mean + $0.standardDeviation })])
        }
        return t
    }

    /// One row per group × period (CSV, JSON).
    func longCurveTable() -> ResultTable {
        var t = ResultTable(columns: ["organization", "label", "members", "period", "adopters", "share"])
        for c in curves {
            for (k, period) in c.periods.enumerated() {
                t.append([.string(c.name), .string(label(c)), .int(c.members), .int(period), .int(c.adopters[k]),
                          Self.num(c.share[k])])
            }
        }
        return t
    }

    /// One row per group, one share column per period (text).
    func wideCurveTable() -> ResultTable {
        let periods = curves.first?.periods ?? 0...0
        var t = ResultTable(columns: ["organization", "members", "adopters"] + periods.map { "t\($0)" })
        t.tableDigits = 2
        for c in curves {
            t.append([.string(c.name), .int(c.members), .int(c.totalAdopters)] + c.share.map { Self.num($0) })
        }
        return t
    }

    /// Node × period: exposure and whether the node had adopted (event-history data).
    func periodTable() -> ResultTable {
        var t = ResultTable(columns: ["relations", "id", "period", "exposure", "adopted", "adopts_now"])
        t.tableDigits = 4
        for r in results {
            for v in 0..<network.nodeCount where adoption.inPopulation[v] {
                let node = Int32(v), tv = adoption.time(of: node)
                for period in r.periods {
                    t.append([.string(r.relationName), .string(network.ids[v]), .int(period), Self.num(r.exposure(of: node, at: period)),
                              .int(tv.map { $0 <= period ? 1 : 0 } ?? 0), .int(tv == period ? 1 : 0)])
                }
            }
        }
        return t
    }

    func label(_ c: AdoptionCurve) -> String { c.node >= 0 ? network.displayLabel(c.node) : c.name }

    // MARK: text

    var settings: String {
        let o = options
        var s = "ties: \((o.observed.direction ?? .outgoing) == .outgoing ? "the alters each node names" : o.observed.direction == .incoming ? "the nodes naming it" : "either way")"
        s += o.weighted ? ", weighted" : ", unweighted"
        s += "; threshold = exposure in period t_i − \(o.lag)"
        s += o.includeCensored ? ", first-period adopters included" : ", first-period adopters left out"
        return s
    }

    func text() -> String {
        let o = options
        let periods = adoption.periods.map { "\($0.lowerBound)–\($0.upperBound)" } ?? "-"
        var out = "Network exposure (Valente 1995): adoption from \(o.observed.adoption)"
        if let nv = o.observed.never { out += " (never = \(nv))" }
        if let pd = o.observed.period { out += " (dates by \(pd.rawValue))" }
        out += ", \(adoption.populationCount) nodes, \(adoption.adopterCount) adopters in periods \(periods)\n\(settings)\n"
        func section(_ title: String, _ t: ResultTable) { out += "\n== \(title)\n" + String(decoding: t.render(.table), as: UTF8.self) }
        let rows = o.rows
        if rows == nil || rows == .relation {
            var title = "adopters with an alter who adopted earlier"
            if o.permutations > 0 {
                title += ", vs. \(o.permutations) permutations of adoption times (seed \(o.seed)"
                if let w = o.within { title += ", within \(w)" }
                title += "; p one-sided)"
            }
            section(title, compactRelationTable())
        }
        if rows == nil, let last = results.last {
            section("adopter category × threshold class (\(last.relationName))", crossTable(last))
        }
        if rows == nil || rows == .organization {
            section("cumulative share of members adopted, by period", wideCurveTable())
        }
        if rows == nil || rows == .node { section("nodes", nodeTable()) }
        if rows == .period { section("node × period exposure", periodTable()) }
        return out
    }

    func compactRelationTable() -> ResultTable {
        var t = ResultTable(columns: ["relations", "adopters", "with alters", "exposed", "share", "permuted mean", "sd",
                                      "p", "thresholds", "mean threshold"])
        t.tableDigits = 3
        for r in results {
            let e = r.exposedAdopters
            t.append([.string(r.relationName), .int(e.adopters), .int(e.adoptersWithAlters), .int(e.exposed), Self.num(e.share),
                      Self.num(e.permutationMean), Self.num(e.permutationStandardDeviation), Self.num(e.pValue),
                      .int(r.thresholdCount), Self.num(r.meanThreshold)])
        }
        return t
    }

    /// Adopters by category (rows) and threshold class (columns), as Valente (1996) tabulates them.
    func crossTable(_ r: ExposureResult) -> ResultTable {
        let classes = ThresholdClass.allCases
        var t = ResultTable(columns: ["category"] + classes.map(\.rawValue) + ["no threshold", "total"])
        for cat in AdopterCategory.allCases {
            var counts = [Int](repeating: 0, count: classes.count + 1)
            for v in 0..<network.nodeCount where r.adopterCategory[v] == cat {
                counts[r.thresholdClass[v].flatMap { classes.firstIndex(of: $0) } ?? classes.count] += 1
            }
            t.append([.string(cat.rawValue)] + counts.map { .int($0) } + [.int(counts.reduce(0, +))])
        }
        return t
    }

    // MARK: JSON

    func json() -> JSONValue {
        let o = options
        var fields: [(String, JSONValue)] = [
            ("dataset", .string(o.input.dataset)), ("input", o.input.identity.json), ("adoption", .string(o.observed.adoption)),
            ("never", o.observed.never.map { .int($0) } ?? .null),
            ("period", o.observed.period.map { .string($0.rawValue) } ?? .null), ("missing", .string(o.observed.missing.rawValue)),
            ("population", .int(adoption.populationCount)), ("adopters", .int(adoption.adopterCount)),
            ("periods", adoption.periods.map { .array([.int($0.lowerBound), .int($0.upperBound)]) } ?? .null),
            ("direction", .string((o.observed.direction ?? .outgoing).rawValue)), ("weighted", .bool(o.weighted)), ("lag", .int(o.lag)),
            ("include_censored", .bool(o.includeCensored)), ("permutations", .int(o.permutations)),
            ("seed", .int(Int(truncatingIfNeeded: o.seed))), ("within", o.within.map { .string($0) } ?? .null),
            ("version", .string(IntersticeVersion.string)),
        ]
        if let c = results.first?.timeCutoffs {
            fields.append(("adopter_category_cutoffs", .object([("mean", .double(c.mean)), ("sd", .double(c.standardDeviation)),
                                                              ("cut_points", .array(c.cutPoints.map { .double($0) }))])))
        }
        func rowsOf(_ t: ResultTable) -> JSONValue { .array(t.rows.map { .object(Array(zip(t.columns, $0))) }) }
        let all: [(ExposureRows, String)] = [(.relation, "relations"), (.organization, "organizations"), (.node, "nodes"), (.period, "periods_by_node")]
        for (which, key) in all where o.rows == which || (o.rows == nil && which != .period) {
            if which == .organization {
                fields.append((key, .array(curves.map { c in
                    .object([("organization", .string(c.name)), ("label", .string(label(c))), ("members", .int(c.members)),
                             ("adopters", .array(c.adopters.map { .int($0) })), ("share", .array(c.share.map { Self.num($0) }))])
                })))
            } else {
                fields.append((key, rowsOf(table(which, format: .json))))
            }
        }
        return .object(fields)
    }
}
