import Foundation
import Interstice

/// Tables and metadata of diffusion results.
enum DiffusionReport {
    static func num(_ x: Double) -> JSONValue { x.isFinite ? .double(x) : .null }

    /// One row per node: id, label, kind, adoption probability, holding probability, mean step.
    static func nodeTable(_ r: DiffusionResult, network net: Network) -> ResultTable {
        var t = ResultTable(columns: ["id", "label", "kind", "adoption_probability", "holding_probability", "mean_adoption_time"])
        t.tableDigits = 4
        for v in 0..<net.nodeCount {
            t.append([.string(net.ids[v]), .string(net.displayLabel(Int32(v))), .string(net.kinds[v].rawValue),
                      num(r.adoptionProbability[v]), num(r.holdingProbability[v]), num(r.meanAdoptionTime[v])])
        }
        return t
    }

    /// One row per organization.
    static func organizationTable(_ r: DiffusionResult, network net: Network) -> ResultTable {
        var t = ResultTable(columns: [
            "organization", "label", "members", "beyond_collective",
            "p_reached", "p_reached_low", "p_reached_high",
            "mean_share", "mean_share_low", "mean_share_high",
            "p_institutionalized_before_end", "p_institutionalized_before_end_low", "p_institutionalized_before_end_high",
            "p_institutionalized", "p_institutionalized_low", "p_institutionalized_high",
            "time_to_reach_mean", "time_to_reach_median", "time_to_institutionalization_mean", "time_to_institutionalization_median",
        ])
        t.tableDigits = 3
        for o in r.organizations {
            t.append([
                .string(o.name), .string(o.node >= 0 ? net.displayLabel(o.node) : o.name), .int(o.members), .int(o.nonParticipantMembers),
                num(o.reached.value), num(o.reached.low), num(o.reached.high),
                num(o.meanShare.value), num(o.meanShare.low), num(o.meanShare.high),
                num(o.institutionalizedBeforeEnd.value), num(o.institutionalizedBeforeEnd.low), num(o.institutionalizedBeforeEnd.high),
                num(o.institutionalizedAtHorizon.value), num(o.institutionalizedAtHorizon.low), num(o.institutionalizedAtHorizon.high),
                num(o.timeToReach?.mean.value ?? .nan), num(o.timeToReach?.median.value ?? .nan),
                num(o.timeToInstitutionalization?.mean.value ?? .nan), num(o.timeToInstitutionalization?.median.value ?? .nan),
            ])
        }
        return withManagement(t, r)
    }

    /// The practice model's management columns (P(endorsed), P(formalized)) appended to an
    /// organization table; other models' tables are returned as they are.
    static func withManagement(_ t: ResultTable, _ r: DiffusionResult, compact: Bool = false) -> ResultTable {
        guard r.organizations.contains(where: { $0.endorsed != nil }) else { return t }
        var out = ResultTable(columns: t.columns + (compact ? ["P(endorsed)", "P(formalized)"] : ["p_endorsed", "p_formalized"]))
        out.tableDigits = t.tableDigits
        for (row, o) in zip(t.rows, r.organizations) {
            let e = o.endorsed ?? Estimate.unknown, f = o.formalized ?? Estimate.unknown
            out.append(row + (compact ? [cell(e), cell(f)] : [num(e.value), num(f.value)]))
        }
        return out
    }

    /// An estimate as `0.816 [0.798, 0.832]`.
    static func cell(_ e: Estimate, _ digits: Int = 3) -> JSONValue {
        guard e.value.isFinite else { return .null }
        let t = ResultTable(columns: [])
        return .string("\(t.fixed(e.value, digits: digits)) [\(t.fixed(e.low, digits: digits)), \(t.fixed(e.high, digits: digits))]")
    }

    /// The organization table for reading: estimates with their intervals in one cell.
    static func compactOrganizationTable(_ r: DiffusionResult, network net: Network) -> ResultTable {
        var t = ResultTable(columns: ["organization", "beyond", "P(reached)", "mean share", "P(inst. by end)",
                                      "P(inst.)", "t reach", "t inst."])
        t.tableDigits = 1
        for o in r.organizations {
            t.append([.string(o.name), .int(o.nonParticipantMembers), cell(o.reached), cell(o.meanShare),
                      cell(o.institutionalizedBeforeEnd), cell(o.institutionalizedAtHorizon),
                      num(o.timeToReach?.median.value ?? .nan), num(o.timeToInstitutionalization?.median.value ?? .nan)])
        }
        return withManagement(t, r, compact: true)
    }

    /// What produced a result: model, parameters, seed, runs, threads, version.
    static func metadata(_ r: DiffusionResult, dataset: String, provenance: [(String, JSONValue)] = []) -> [(String, JSONValue)] {
        let p = r.parameters
        var out: [(String, JSONValue)] = [
            ("dataset", .string(dataset)),
            ("model", .string(p.model.name)),
            ("parameters", .object(p.model.parameters.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) })),
            ("seed", .int(Int(truncatingIfNeeded: p.seed))),
            ("runs", .int(r.runs)), ("runs_requested", .int(p.runs)), ("stopped_early", .bool(r.stoppedEarly)),
            ("max_half_width", num(r.maxHalfWidth)),
            ("threads", .int(r.threads)), ("horizon", .int(p.horizon)), ("seeds", .int(p.seeds.count)),
            ("version", .string(IntersticeVersion.string)),
        ]
        if let f = p.frame {
            out.append(("collective_end", f.collectiveEnd.map { .int($0) } ?? .null))
            out.append(("institutionalization", .object([("theta", .double(f.rule.threshold)), ("rule", .string(f.rule.mode.rawValue)),
                                                         ("organizations", .array(f.organizations.groupNames.map { .string($0) }))])))
        }
        out.append(("spread", .object([("mean", num(r.spread.value)), ("low", num(r.spread.low)), ("high", num(r.spread.high))])))
        if let d = r.departures {
            out.append(("departures", .object([("mean", num(d.value)), ("low", num(d.low)), ("high", num(d.high))])))
        }
        out.append(("edges_examined", .int(Int(r.edgesExamined))))
        if !provenance.isEmpty { out.append(("request", .object(provenance))) }
        return out
    }

    /// The table in a format; JSON wraps it with the metadata, the text table gets a header.
    static func render(_ t: ResultTable, result r: DiffusionResult, format: ResultTable.Format, dataset: String,
                       provenance: [(String, JSONValue)] = []) -> [UInt8] {
        switch format {
        case .csv: return t.render(.csv)
        case .json:
            let rows = JSONValue.array(t.rows.map { .object(Array(zip(t.columns, $0))) })
            return Array((JSONValue.object(metadata(r, dataset: dataset, provenance: provenance) + [("rows", rows)]).text() + "\n").utf8)
        case .table:
            let p = r.parameters
            var head = "\(p.model.description): \(r.runs) runs (seed \(p.seed)), \(p.seeds.count) seeds, horizon \(p.horizon) steps"
            if let end = p.frame?.collectiveEnd { head += ", collective ends at step \(end)" }
            head += "; spread \(t.fixed(r.spread.value, digits: 2)) [\(t.fixed(r.spread.low, digits: 2)), \(t.fixed(r.spread.high, digits: 2))]\n\n"
            return Array(head.utf8) + t.render(.table)
        }
    }
}
