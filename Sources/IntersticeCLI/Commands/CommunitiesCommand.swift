import ArgumentParser
import Interstice

/// `interstice communities DATASET --method …`.
struct CommunitiesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "communities",
        abstract: "Communities by Louvain, Leiden or label propagation; one row per node, with the modularity.",
        discussion: """
        The same --seed gives the same partition whatever --threads.

        Example:
          interstice communities Datasets/email-Eu-core --method leiden --resolution 1.0 --seed 7
          interstice communities Datasets/cucm-plie --method louvain --format csv
        """
    )

    enum Method: String, CaseIterable, ExpressibleByArgument { case louvain, leiden, lpa }

    @OptionGroup var input: DatasetOptions
    @Option(help: "louvain, leiden or lpa.")
    var method: Method = .leiden
    @Option(help: "Resolution γ of the modularity (Louvain, Leiden).")
    var resolution = 1.0
    @Option(help: "Seed of the node order.")
    var seed: UInt64 = 1
    @OptionGroup var selection: GraphSelectionOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        guard resolution.isFinite && resolution > 0 && resolution <= 1e6 else {
            throw ValidationError("--resolution must be a number in (0, 1e6], found \(resolution)")
        }
    }

    func run() throws {
        try reportingFailures {
            let net = try input.load()
            let (g0, nodes) = try selection.graph(net)
            let g = g0.isDirected ? g0.symmetrized() : g0
            if selection.weighted || method == .lpa {
                do { try CommunityWeights.check(g) } catch let e as AlgorithmError {
                    throw GraphIOError(.badData, file: input.dataset, e.message)
                }
            }
            let r: CommunityResult
            switch method {
            case .louvain: r = Louvain(resolution: resolution, seed: seed, weighted: selection.weighted).communities(g)
            case .leiden: r = Leiden(resolution: resolution, seed: seed, weighted: selection.weighted).communities(g)
            case .lpa: r = LabelPropagation(seed: seed, weighted: selection.weighted).communities(g)
            }
            var t = ResultTable(columns: ["id", "label", "community"])
            for (i, v) in nodes.enumerated() {
                t.append([.string(net.ids[Int(v)]), .string(net.displayLabel(v)), .int(Int(r.labels[i]))])
            }
            switch output.format {
            case .table:
                let head = "\(method.rawValue): \(r.count) communities, modularity \(t.fixed(r.modularity, digits: 4)) (seed \(seed))\n\n"
                try output.emit(Array(head.utf8) + t.render(.table))
            case .csv: try output.emit(t.render(.csv))
            case .json:
                let rows = JSONValue.array(t.rows.map { .object(Array(zip(t.columns, $0))) })
                try output.emit(Array((JSONValue.object([("analysis", .string("communities")), ("input", input.identity.json),
                                                         ("method", .string(method.rawValue)), ("resolution", .double(resolution)),
                                                         ("seed", .int(Int(seed))), ("communities", .int(r.count)),
                                                         ("modularity", DiffusionReport.num(r.modularity)), ("rows", rows)]).text() + "\n").utf8))
            }
        }
    }
}
