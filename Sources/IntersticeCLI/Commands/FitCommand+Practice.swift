import ArgumentParser
import Foundation
import Interstice

extension FitCommand {
    /// `fit --model practice`: the practice model's per-step probabilities (and δ) calibrated by
    /// simulation (``PracticeFit``). The channels come from the catalogue's ``ChannelSettings``,
    /// as `diffuse` and `reach` build them, so `reach --parameters` runs the same process.
    func runPractice(_ net: Network, times: AdoptionTimes, relations chosen: [Relation]) throws {
        var settings = ChannelSettings(probability: .uniform(0.05), relations: chosen)
        if let d = observed.direction {
            // Whose adoption exposes a node, as the direction influence flows along the arcs.
            let flow: InfluenceFlow = d == .outgoing ? .reverse : d == .incoming ? .along : .both
            settings.influence = Dictionary(uniqueKeysWithValues: chosen.map { ($0, flow) })
            settings.bothWays = []
        }
        let channels = try settings.channels(net, models: [.practice])
        var practice = PracticeParameters()
        if let forgetting { practice.forgetting = forgetting }
        var p = PracticeFitParameters(relations: chosen, channels: channels, practice: practice,
                                      estimateForgetting: forgetting == nil, seed: seed, threads: threads)
        if let runs { p.runs = runs }
        if let bootstrap { p.bootstrap = bootstrap }
        let flows = Set(chosen.map { r in channels.bothWays.contains(r) || net.layer(r)?.direction == .undirected ? "both" : channels.reversed.contains(r) ? "reverse" : "along" })
        let exposure: ExposureDirection = flows == ["reverse"] ? .outgoing : flows == ["along"] ? .incoming : .both
        let by = self.by
        let fitted = Result { () throws(EstimationError) -> PracticeFitResult in
            let data = try AdoptionFitData(net, adoption: times, parameters: AdoptionFitParameters(
                model: .practice, relations: chosen, direction: exposure, groupBy: by))
            return try PracticeFit.fit(net, data: data, p)
        }
        let result: PracticeFitResult
        switch fitted {
        case .success(let r):
            result = r
        case .failure(let error):
            switch error {
            case .invalidParameter, .unknownRelation, .unknownGrouping:
                throw ValidationError("\(error)")
            default:
                throw GraphIOError(.badData, file: input.dataset, "\(error)")
            }
        }
        let report = PracticeFitReport(network: net, adoption: times, result: result, options: self, digest: datasetDigest())
        try output.emit(report.render())
        if let plot { try OutputFile.write(report.figure().svg(), to: plot) }
    }
}

/// A practice fit as a text table, CSV (the estimates) or JSON (everything, with provenance).
struct PracticeFitReport {
    let network: Network
    let adoption: AdoptionTimes
    let result: PracticeFitResult
    let options: FitCommand
    let digest: String?

    func render() -> [UInt8] {
        switch options.output.format {
        case .csv: return estimateTable().render(.csv)
        case .json: return Array((json().text() + "\n").utf8)
        case .table: return Array(text().utf8)
        }
    }

    func estimateTable() -> ResultTable {
        var t = ResultTable(columns: ["term", "estimate", "se", "ci_low", "ci_high", "note"])
        t.tableDigits = 4
        for e in result.terms {
            t.append([.string(e.term), FitReport.num(e.estimate), FitReport.num(e.standardError), FitReport.num(e.ciLow),
                      FitReport.num(e.ciHigh), e.note.map { .string($0) } ?? .null])
        }
        return t
    }

    func text() -> String {
        let p = result.parameters, o = options
        var out = "Practice model calibrated by simulation: per-step transmission probability per relation"
        out += p.estimateForgetting ? " and forgetting δ" : " (forgetting fixed at \(p.practice.forgetting))"
        out += "\nadoption from \(o.observed.adoption)"
        if let nv = o.observed.never { out += " (never = \(nv))" }
        out += ", periods \(result.window.lowerBound)–\(result.window.upperBound); one step = one period\n"
        out += "\(result.seeds) first-period adopters hold it at step 0; \(result.nodes) other nodes, \(result.adopters) of them adopted\n"
        out += "simulated composite likelihood of each node's first-adoption period, "
        out += "\(p.runs) runs per candidate (common random numbers, seed \(p.seed)), Nelder–Mead: \(result.evaluations) evaluations, −log-likelihood \(String(format: "%.4f", result.objective))\n"
        out += p.bootstrap > 0 ? "95% intervals: percentiles of \(p.bootstrap) parametric bootstrap refits\n" : "no intervals (--bootstrap 0)\n"
        out += "\n" + String(decoding: estimateTable().render(.table), as: UTF8.self)
        for (r, c) in zip(p.relations, result.tiesOutsidePopulation) where c > 0 {
            out += "note: \(r): \(c) ties to nodes without adoption data (left out of the simulation)\n"
        }
        for n in result.notes { out += "note: \(n)\n" }
        return out
    }

    /// Observed and simulated cumulative adoption, one panel for everyone and one per group.
    func figure() -> LineFigure {
        var f = LineFigure(
            title: "Observed and simulated adoption (practice model, fitted)",
            caption: "\(network.metadata.name ?? options.input.dataset): share of the population that adopted by each period; simulated = mean of \(result.parameters.runs) runs at the estimates, from the first period's adopters.",
            xLabel: "period (\(options.observed.adoption))", yLabel: "cumulative share", yRange: 0...1)
        f.panels = result.curves.map { c in
            let shares = c.cumulativeShares
            let periods = result.window.map { Double($0) }
            return LineFigure.Panel(title: c.group == "all" ? "everyone (\(c.nodes))" : "\(options.by ?? "group") \(c.group) (\(c.nodes))", series: [
                LineFigure.Series(name: "observed", points: zip(periods, shares.observed).map { LineFigure.Point($0, $1) }),
                LineFigure.Series(name: "simulated", points: zip(periods, shares.expected).map { LineFigure.Point($0, $1) }),
            ])
        }
        return f
    }

    func json() -> JSONValue {
        let p = result.parameters, o = options, x = p.practice
        let estimates: [JSONValue] = result.terms.map { e in
            .object([("term", .string(e.term)), ("estimate", FitReport.num(e.estimate)), ("se", FitReport.num(e.standardError)),
                     ("ci_low", FitReport.num(e.ciLow)), ("ci_high", FitReport.num(e.ciHigh)), ("p_value", .null),
                     ("note", e.note.map { .string($0) } ?? .null)])
        }
        let forgetting = p.estimateForgetting ? result.terms.last!.estimate : x.forgetting
        let channels = p.channels
        let relations: [JSONValue] = p.relations.map { r in
            let dir = network.layer(r)?.direction ?? r.defaultDirection
            let flow = dir == .undirected || channels.bothWays.contains(r) ? "both" : channels.reversed.contains(r) ? "reverse" : "along"
            return .object([("relation", .string(r.rawValue)), ("direction", .string(dir.rawValue)), ("influence", .string(flow))])
        }
        let identified: JSONValue = result.forgettingIdentified.map { .bool($0) } ?? .null
        let practice: [(String, JSONValue)] = [
            ("forgetting", .double(forgetting)), ("forgetting_estimated", .bool(p.estimateForgetting)),
            ("forgetting_identified", identified),
            ("routinization", .int(x.routinization)), ("turnover", .double(x.turnover)),
            ("replace", .string(x.replacement.rawValue)), ("endorsement", .double(x.endorsement)),
            ("formalization", .double(x.formalization)), ("compliance", .double(x.compliance)),
            ("organizations", .string("none: the fit simulates the population without organizations or a collective, so only the probabilities and forgetting act")),
        ]
        let method: [(String, JSONValue)] = [
            ("model", .string("practice")),
            ("estimates", .array(estimates)),
            ("interval", .string(p.bootstrap > 0 ? "parametric bootstrap percentile" : "none")),
            ("method", .string("simulated composite likelihood of each node's first-adoption period (or never), common random numbers, Nelder-Mead on the logit scale")),
            ("objective", FitReport.num(result.objective)), ("evaluations", .int(result.evaluations)),
            ("converged", .bool(result.converged)),
            ("step", .string("one period of \(o.observed.adoption)")),
            ("practice", .object(practice)),
        ]
        let curves: [JSONValue] = result.curves.map { c in
            .object([("group", .string(c.group)), ("nodes", .int(c.nodes)), ("observed", .array(c.observed.map { .int($0) })),
                     ("expected", .array(c.expected.map { FitReport.num($0) }))])
        }
        let ties: [(String, JSONValue)] = zip(p.relations, result.tiesOutsidePopulation).map { ($0.0.rawValue, .int($0.1)) }
        let data: [(String, JSONValue)] = [
            ("relations", .array(relations)),
            ("runs", .int(p.runs)), ("bootstrap", .int(p.bootstrap)), ("bootstrap_fitted", .int(result.bootstrapFitted)),
            ("seed", .int(Int(truncatingIfNeeded: p.seed))), ("threads", p.threads.map { .int($0) } ?? .null),
            ("seeds", .int(result.seeds)), ("nodes", .int(result.nodes)), ("adopters", .int(result.adopters)),
            ("unreachable_adopters", .int(result.unreachableAdopters)),
            ("population", .int(adoption.populationCount)),
            ("periods", .array([.int(result.window.lowerBound), .int(result.window.upperBound)])),
            ("ties_without_adoption_data", .object(ties)),
            ("notes", .array(result.notes.map { .string($0) })),
            ("curves", .array(curves)),
        ]
        let provenance: [(String, JSONValue)] = [
            ("dataset", .string(o.input.dataset)), ("dataset_sha256", digest.map { .string($0) } ?? .null),
            ("adoption", .string(o.observed.adoption)), ("never", o.observed.never.map { .int($0) } ?? .null), ("missing", .string(o.observed.missing.rawValue)),
            ("by", o.by.map { .string($0) } ?? .null),
            ("version", .string(IntersticeVersion.string)),
        ]
        return .object(method + data + provenance)
    }
}
