import ArgumentParser
import Interstice

/// `interstice centrality DATASET --measure …`: one row per node, one column per measure.
struct CentralityCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "centrality",
        abstract: "Centrality and structural-hole measures, one row per node.",
        discussion: """
        Measures: \(CentralityCommand.measures.joined(separator: ", ")). They are computed on \
        the tie graph (every relation but member and participant, or --relations) over the \
        actors (organizations and collectives left out unless --all-nodes). Normalizations are \
        networkx's.

        Example:
          interstice centrality Datasets/cucm-plie --measure betweenness,constraint --top 10
          interstice centrality Datasets/krackhardt-hightech --measure pagerank,hubs,authorities --relations advice --format csv
        """
    )

    static let measures = ["degree", "in-degree", "out-degree", "strength", "closeness", "harmonic", "betweenness",
                           "approx-betweenness", "eigenvector", "katz", "pagerank", "hubs", "authorities", "constraint",
                           "effective-size", "efficiency", "clustering", "core"]

    @OptionGroup var input: DatasetOptions
    @Option(help: ArgumentHelp("Measures, comma-separated.", valueName: "m,m"))
    var measure = "degree,betweenness"
    @OptionGroup var selection: GraphSelectionOptions
    @Flag(inversion: .prefixedNo, help: "Normalize as networkx does by default.")
    var normalized = true
    @Option(help: "Only the K nodes with the highest first measure.")
    var top: Int?
    @Option(help: "Worker threads (default: every core).")
    var threads: Int?
    @Option(help: "approx-betweenness: error bound ε and failure probability δ, seed.")
    var epsilon = 0.01
    @Option(help: "approx-betweenness: failure probability δ.")
    var delta = 0.1
    @Option(help: "Seed of randomized measures.")
    var seed: UInt64 = 1
    @OptionGroup var output: OutputOptions

    var chosen: [String] { measure.split(separator: ",").map { String($0) } }

    func validate() throws {
        for m in chosen where !CentralityCommand.measures.contains(m) {
            throw ValidationError("unknown measure \"\(m)\"; measures are \(CentralityCommand.measures.joined(separator: ", "))")
        }
        if let top, top < 1 { throw ValidationError("--top must be positive") }
        try OptionRange.check(threads, 1...OptionRange.maxThreads, "--threads")
        try OptionRange.positive(epsilon, atMost: 1, "--epsilon")
        try OptionRange.positive(delta, atMost: 1, "--delta")
    }

    func run() throws {
        try reportingFailures {
            let net = try input.load()
            let (g, nodes) = try selection.graph(net)
            var columns: [[Double]] = []
            var holes: (constraint: NodeScores, effectiveSize: NodeScores, efficiency: NodeScores)?
            var hits: (hubs: NodeScores, authorities: NodeScores)?
            for m in chosen {
                let s: NodeScores
                do {
                    switch m {
                    case "degree": s = DegreeCentrality(mode: .total, normalized: normalized).scores(g)
                    case "in-degree": s = DegreeCentrality(mode: .in, normalized: normalized).scores(g)
                    case "out-degree": s = DegreeCentrality(mode: .out, normalized: normalized).scores(g)
                    case "strength": s = Strength().scores(g)
                    case "closeness": s = Closeness(weighted: selection.weighted, threads: threads).scores(g)
                    case "harmonic": s = HarmonicCloseness(normalized: normalized, weighted: selection.weighted, threads: threads).scores(g)
                    case "betweenness": s = Betweenness(normalized: normalized, weighted: selection.weighted, threads: threads).scores(g)
                    case "approx-betweenness":
                        s = try ApproximateBetweenness(epsilon: epsilon, delta: delta, seed: seed, normalized: normalized).scores(g)
                    case "eigenvector": s = EigenvectorCentrality(weighted: selection.weighted, threads: threads).scores(g)
                    case "katz": s = try KatzCentrality().scores(g)
                    case "pagerank": s = try PageRank().scores(g)
                    case "hubs", "authorities":
                        if hits == nil { hits = HITS().scores(g) }
                        s = m == "hubs" ? hits!.hubs : hits!.authorities
                    case "constraint", "effective-size", "efficiency":
                        if holes == nil { holes = StructuralHoles(weighted: selection.weighted).compute(g) }
                        s = m == "constraint" ? holes!.constraint : m == "effective-size" ? holes!.effectiveSize : holes!.efficiency
                    case "clustering": s = Clustering.local(g, weighted: selection.weighted)
                    default: s = KCore.coreNumbers(g)
                    }
                } catch { throw ValidationError("\(m): \(error)") }
                columns.append(s.scores)
            }
            var order = Array(0..<nodes.count)
            if let top {
                let first = columns[0]
                order.sort { a, b in
                    let x = first[a], y = first[b]
                    if x.isNaN != y.isNaN { return !x.isNaN }
                    return x != y ? x > y : a < b
                }
                order = Array(order.prefix(top))
            }
            var t = ResultTable(columns: ["id", "label"] + chosen)
            for i in order {
                let v = nodes[i]
                t.append([.string(net.ids[Int(v)]), .string(net.displayLabel(v))] + columns.map { DiffusionReport.num($0[i]) })
            }
            try output.emit(t.render(output.format))
        }
    }
}
