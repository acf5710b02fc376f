import ArgumentParser
import Interstice

/// `interstice structure DATASET`: how cross-organizational the network is.
struct StructureCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "structure",
        abstract: "Components, cores, clustering, reciprocity, E-I index, density within and between organizations, modularity of the organizations.",
        discussion: """
        Example:
          interstice structure Datasets/cucm-plie
          interstice structure Datasets/email-Eu-core --relations email --format json
        """
    )

    @OptionGroup var input: DatasetOptions
    @OptionGroup var selection: GraphSelectionOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        try reportingFailures {
            let net = try input.load()
            let (g, nodes) = try selection.graph(net)
            let orgs = net.organizations()
            let primary = orgs.primary
            let labels = nodes.map { primary[Int($0)] }
            let local = Partition(labels: labels, groupNames: orgs.groupNames)
            let weak = Components.weak(g), strong = Components.strong(g)
            let core = KCore.coreNumbers(g).scores.max() ?? 0
            let recip = Reciprocity.compute(g, weighted: selection.weighted)
            var t = ResultTable(columns: ["measure", "value"])
            t.tableDigits = 4
            t.append(["nodes", .int(g.nodeCount)])
            t.append([g.isDirected ? "arcs" : "edges", .int(g.edgeCount)])
            t.append(["weak components", .int(weak.count)])
            t.append(["largest weak component", .int(weak.largestSize)])
            if g.isDirected {
                t.append(["strong components", .int(strong.count)])
                t.append(["largest strong component", .int(strong.largestSize)])
            }
            t.append(["largest k-core", .double(core)])
            t.append(["average clustering", DiffusionReport.num(Clustering.average(g.isDirected ? g.symmetrized() : g))])
            t.append(["transitivity", DiffusionReport.num(Clustering.transitivity(g.isDirected ? g.symmetrized() : g))])
            if g.isDirected {
                t.append(["reciprocity (arcs)", DiffusionReport.num(recip.overall)])
                t.append(["reciprocity (dyads)", DiffusionReport.num(recip.dyadic)])
                t.append(["mutual dyads", .int(recip.mutualDyads)])
                t.append(["asymmetric dyads", .int(recip.asymmetricDyads)])
            }
            if local.groupCount > 0 && labels.contains(where: { $0 >= 0 }) {
                do {
                    let mix = try GroupMixing.compute(g, partition: local)
                    t.append(["ties within organizations", .int(mix.internalTies)])
                    t.append(["ties between organizations", .int(mix.externalTies)])
                    t.append(["E-I index", DiffusionReport.num(mix.eiIndex)])
                    let mod = try Modularity.of(g.isDirected ? g.symmetrized() : g, labels: labels.map { $0 < 0 ? Int32(local.groupCount) : $0 },
                                                weighted: selection.weighted)
                    t.append(["modularity of the organizations", DiffusionReport.num(mod)])
                    try output.emit(render(t, mix: mix, groups: local.groupNames, net: net, orgs: orgs))
                    return
                } catch { throw ValidationError("\(error)") }
            }
            try output.emit(t)
        }
    }

    func render(_ t: ResultTable, mix: GroupMixing.Result, groups: [String], net: Network, orgs: Partition) -> [UInt8] {
        var perGroup = ResultTable(columns: ["organization", "members", "E-I index", "density within"] + groups.map { "to " + $0 })
        perGroup.tableDigits = 3
        for (i, name) in groups.enumerated() {
            perGroup.append([.string(name), .int(mix.sizes[i]), DiffusionReport.num(mix.groupEIIndex[i]),
                             DiffusionReport.num(mix.density[i][i])] + mix.ties[i].map { .int($0) })
        }
        switch output.format {
        case .json:
            let a = t.rows.map { ($0[0].stringValue, $0[1]) }
            let rows = perGroup.rows.map { JSONValue.object(Array(zip(perGroup.columns, $0))) }
            let request: [(String, JSONValue)] = [("analysis", .string("structure")), ("input", input.identity.json),
                                                  ("relations", .string(selection.relations ?? "every tie relation")),
                                                  ("direction", .string(selection.direction.rawValue)),
                                                  ("weighted", .bool(selection.weighted))]
            return Array((JSONValue.object(request + a + [("organizations", .array(rows))]).text() + "\n").utf8)
        case .csv: return t.render(.csv) + [10] + perGroup.render(.csv)
        case .table: return t.render(.table) + Array("\nTies from (rows) to (columns) organizations\n\n".utf8) + perGroup.render(.table)
        }
    }
}

extension JSONValue {
    var stringValue: String { if case .string(let s) = self { return s }; return text(pretty: false) }
}
