import ArgumentParser
import Interstice

/// `interstice info DATASET`: what is in a dataset.
struct InfoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "info",
        abstract: "Counts by node kind and relation, density, components, organizations, collectives, attributes.",
        discussion: """
        Density and components are those of the tie graph: every relation but member and \
        participant, over the nodes that are neither organizations, collectives, units nor \
        meetings. A dataset whose nodes or edges carry `basis` (documented, inferred, assumed) \
        is counted by basis.

        Example:
          interstice info Datasets/cucm-plie
          interstice info Datasets/email-Eu-core --format json -o email.json
          interstice info graph.edges.gz --directed
        """
    )

    @OptionGroup var input: DatasetOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        try reportingFailures {
            let net = try input.load()
            let s = NetworkSummary(net)
            switch output.format {
            case .json:
                var doc = InfoCommand.json(s)
                if case .object(let fields) = doc { doc = .object([("analysis", .string("info")), ("input", input.identity.json)] + fields) }
                try output.emit(Array((doc.text() + "\n").utf8))
            case .csv: try output.emit(InfoCommand.table(s).render(.csv))
            case .table: try output.emit(Array(InfoCommand.text(s).utf8))
            }
        }
    }

    static func json(_ s: NetworkSummary) -> JSONValue {
        func date(_ d: CalendarDate?) -> JSONValue { d.map { .string($0.description) } ?? .null }
        return .object([
            ("name", s.name.map { .string($0) } ?? .null),
            ("nodes", .object([("total", .int(s.nodeCount)),
                               ("by_kind", .object(s.kinds.map { ($0.kind.rawValue, .int($0.count)) }))])),
            ("edges", .object([("total", .int(s.edgeCount)),
                               ("by_relation", .object(s.relations.map { r in
                                   (r.relation.rawValue, .object([
                                       ("count", .int(r.edges)), ("directed", .bool(r.direction == .directed)),
                                       ("weighted", .bool(r.weighted)), ("self_loops", .int(r.selfLoops)),
                                       ("density", r.density.map { .double($0) } ?? .null),
                                   ]))
                               }))])),
            ("ties", .object([
                ("nodes", .int(s.oneModeNodes)), ("edges", .int(s.tieEdges)), ("directed", .bool(s.tieDirected)),
                ("density", .double(s.density)),
                ("weak_components", .int(s.weakComponents)), ("largest_weak_component", .int(s.largestWeakComponent)),
                ("strong_components", s.strongComponents.map { .int($0) } ?? .null),
                ("largest_strong_component", s.largestStrongComponent.map { .int($0) } ?? .null),
            ])),
            ("organizations", .array(s.organizations.map {
                .object([("id", .string($0.id)), ("label", .string($0.label)), ("members", .int($0.size)),
                         ("employer", .bool($0.employer))])
            })),
            ("by_basis", s.basis.isEmpty ? .null : .array(s.basis.map {
                .object([("basis", $0.value.map { .string($0) } ?? .null), ("nodes", .int($0.nodes)), ("edges", .int($0.edges))])
            })),
            ("collectives", .array(s.collectives.map {
                .object([("id", .string($0.id)), ("label", .string($0.label)), ("participants", .int($0.participants)),
                         ("start", date($0.start)), ("end", date($0.end))])
            })),
            ("node_attributes", .array(s.nodeAttributes.map {
                .object([("name", .string($0.name)), ("type", .string($0.type.shortName)), ("missing", .int($0.missing))])
            })),
            ("edge_attributes", .array(s.edgeAttributes.map {
                .object([("relation", .string($0.relation.rawValue)), ("name", .string($0.name)),
                         ("type", .string($0.type.shortName)), ("missing", .int($0.missing))])
            })),
        ])
    }

    /// The CSV form: one `section,key,value` row per fact.
    static func table(_ s: NetworkSummary) -> ResultTable {
        var t = ResultTable(columns: ["section", "key", "value"])
        t.append(["dataset", "name", s.name.map { .string($0) } ?? .null])
        t.append(["nodes", "total", .int(s.nodeCount)])
        for k in s.kinds { t.append(["nodes", .string(k.kind.rawValue), .int(k.count)]) }
        t.append(["edges", "total", .int(s.edgeCount)])
        for r in s.relations { t.append(["edges", .string(r.relation.rawValue), .int(r.edges)]) }
        t.append(["ties", "nodes", .int(s.oneModeNodes)])
        t.append(["ties", "edges", .int(s.tieEdges)])
        t.append(["ties", "density", .double(s.density)])
        t.append(["ties", "weak_components", .int(s.weakComponents)])
        t.append(["ties", "largest_weak_component", .int(s.largestWeakComponent)])
        if let sc = s.strongComponents { t.append(["ties", "strong_components", .int(sc)]) }
        for o in s.organizations { t.append(["organization", .string(o.id), .int(o.size)]) }
        for b in s.basis {
            t.append(["basis_nodes", .string(b.value ?? ""), .int(b.nodes)])
            t.append(["basis_edges", .string(b.value ?? ""), .int(b.edges)])
        }
        for c in s.collectives { t.append(["collective", .string(c.id), .int(c.participants)]) }
        for a in s.nodeAttributes { t.append(["node_attribute", .string(a.name), .string(a.type.shortName)]) }
        for a in s.edgeAttributes {
            t.append(["edge_attribute", .string("\(a.relation.rawValue).\(a.name)"), .string(a.type.shortName)])
        }
        return t
    }

    /// The human-readable form.
    static func text(_ s: NetworkSummary) -> String {
        var out = ""
        if let n = s.name { out += "\(n)\n\n" }
        var nodes = ResultTable(columns: ["kind", "nodes"])
        for k in s.kinds { nodes.append([.string(k.kind.rawValue), .int(k.count)]) }
        nodes.append(["total", .int(s.nodeCount)])
        out += String(decoding: nodes.render(.table), as: UTF8.self) + "\n"
        var rel = ResultTable(columns: ["relation", "edges", "direction", "weighted", "self-loops", "density"])
        rel.tableDigits = 4
        for r in s.relations {
            rel.append([.string(r.relation.rawValue), .int(r.edges), .string(r.direction.rawValue),
                        .string(r.weighted ? "yes" : "no"), .int(r.selfLoops), r.density.map { .double($0) } ?? .null])
        }
        rel.append(["total", .int(s.edgeCount), "", "", "", ""])
        out += String(decoding: rel.render(.table), as: UTF8.self) + "\n"
        out += "Ties (all relations but member and participant, over \(s.oneModeNodes) nodes): \(s.tieEdges) \(s.tieDirected ? "arcs" : "edges"), "
        out += "density \(ResultTable(columns: []).fixed(s.density, digits: 4))\n"
        out += "Weak components: \(s.weakComponents) (largest \(s.largestWeakComponent))"
        if let sc = s.strongComponents, let ls = s.largestStrongComponent { out += "; strong components: \(sc) (largest \(ls))" }
        out += "\n"
        if !s.basis.isEmpty {
            var b = ResultTable(columns: ["basis", "nodes", "edges"])
            for x in s.basis { b.append([.string(x.value ?? "(none)"), .int(x.nodes), .int(x.edges)]) }
            b.append(["total", .int(s.nodeCount), .int(s.edgeCount)])
            out += "\n" + String(decoding: b.render(.table), as: UTF8.self)
        }
        if !s.organizations.isEmpty {
            let schemes = s.organizations.contains { !$0.employer }
            var o = ResultTable(columns: ["organization", "label", "members"] + (schemes ? ["employer"] : []))
            for g in s.organizations {
                o.append([.string(g.id), .string(g.label), .int(g.size)]
                         + (schemes ? [.string(g.employer ? "yes" : "no (scheme: not counted for institutionalization)")] : []))
            }
            out += "\n" + String(decoding: o.render(.table), as: UTF8.self)
        }
        if !s.collectives.isEmpty {
            var c = ResultTable(columns: ["collective", "label", "participants", "start", "end"])
            for g in s.collectives {
                c.append([.string(g.id), .string(g.label), .int(g.participants),
                          g.start.map { .string($0.description) } ?? .null, g.end.map { .string($0.description) } ?? .null])
            }
            out += "\n" + String(decoding: c.render(.table), as: UTF8.self)
        }
        if !s.nodeAttributes.isEmpty {
            var a = ResultTable(columns: ["node attribute", "type", "missing"])
            for x in s.nodeAttributes { a.append([.string(x.name), .string(x.type.shortName), .int(x.missing)]) }
            out += "\n" + String(decoding: a.render(.table), as: UTF8.self)
        }
        if !s.edgeAttributes.isEmpty {
            var a = ResultTable(columns: ["relation", "edge attribute", "type", "missing"])
            for x in s.edgeAttributes {
                a.append([.string(x.relation.rawValue), .string(x.name), .string(x.type.shortName), .int(x.missing)])
            }
            out += "\n" + String(decoding: a.render(.table), as: UTF8.self)
        }
        return out
    }
}
