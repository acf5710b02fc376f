import ArgumentParser
import Interstice

/// `interstice centrality DATASET --measure …`: one row per node, one column per measure. The
/// flags only build a ``CentralityRequest``; the catalogue computes.
struct CentralityCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "centrality",
        abstract: "Centrality and structural-hole measures, one row per node.",
        discussion: """
        Measures: \(Measure.list). They are computed on the tie graph (every relation but \
        member and participant, or --relations) over the actors (organizations and collectives \
        left out unless --all-nodes). Degree, betweenness and closeness are normalized as \
        networkx does by default; harmonic, strength, constraint and core numbers never are. \
        PageRank, eigenvector, Katz and HITS iterate until every score is within --tolerance \
        (relative) of the exact solution, and fail (exit 65) when they do not converge.

        Example:
          interstice centrality Datasets/cucm-plie --measure betweenness,constraint --top 10
          interstice centrality Datasets/krackhardt-hightech --measure pagerank,hub,authority --relations advice --format csv
          interstice centrality Datasets/email-Eu-core --measure katz --alpha 0.01 --format json
        """
    )

    @OptionGroup var input: DatasetOptions
    @Option(help: ArgumentHelp("Measures, comma-separated (default: \(CentralityRequest().measures.map(\.rawValue).joined(separator: ","))).", valueName: "m,m"))
    var measure: String?
    @OptionGroup var selection: GraphSelectionOptions
    @Flag(inversion: .prefixedNo, help: "Normalize as networkx does by default.")
    var normalized = CentralityRequest().normalized
    @Option(help: "Only the K nodes with the highest first measure.")
    var top: Int?
    @Option(help: "Worker threads (default: every core; the scores do not depend on it).")
    var threads: Int?
    @Option(help: "PageRank damping (default \(CentralityRequest().damping)).")
    var damping: Double?
    @Option(help: "Katz attenuation α, below 1/λmax (default \(CentralityRequest().alpha)).")
    var alpha: Double?
    @Option(help: "Katz constant β (default \(CentralityRequest().beta)).")
    var beta: Double?
    @Option(help: "Iterative measures: relative tolerance of every score (default \(CentralityRequest().tolerance)).")
    var tolerance: Double?
    @Option(help: "Iterative measures: iteration limit (default \(CentralityRequest().maxIterations)).")
    var maxIterations: Int?
    @Option(help: "approx-betweenness: error bound ε (default \(CentralityRequest().epsilon)).")
    var epsilon: Double?
    @Option(help: "approx-betweenness: failure probability δ (default \(CentralityRequest().delta)).")
    var delta: Double?
    @Option(help: "Seed of randomized measures (default \(CentralityRequest().seed)).")
    var seed: UInt64?
    @OptionGroup var output: OutputOptions

    /// The request the flags describe.
    func request() throws(RequestError) -> CentralityRequest {
        var r = CentralityRequest()
        if let measure {
            r.measures = try measure.split(separator: ",").map { m throws(RequestError) in try Measure.named(String(m).trimmedSpaces) }
        }
        r.selection = selection.selection
        r.normalized = normalized
        if let damping { r.damping = damping }
        if let alpha { r.alpha = alpha }
        if let beta { r.beta = beta }
        if let tolerance { r.tolerance = tolerance }
        if let maxIterations { r.maxIterations = maxIterations }
        if let epsilon { r.epsilon = epsilon }
        if let delta { r.delta = delta }
        if let seed { r.seed = seed }
        r.threads = threads
        return r
    }

    func validate() throws {
        if let top, top < 1 { throw ValidationError("--top must be positive") }
        try OptionRange.check(threads, 1...OptionRange.maxThreads, "--threads")
        try OptionRange.positive(epsilon, atMost: 1, "--epsilon")
        try OptionRange.positive(delta, atMost: 1, "--delta")
    }

    func run() throws {
        try reportingFailures {
            let req = try request()
            try req.validate()
            let net = try input.load()
            let result = try req.run(net)
            var order = Array(0..<result.nodes.count)
            if let top {
                let first = result.columns[0].scores.scores
                order.sort { a, b in
                    let x = first[a], y = first[b]
                    if x.isNaN != y.isNaN { return !x.isNaN }
                    return x != y ? x > y : a < b
                }
                order = Array(order.prefix(top))
            }
            // Each node's organizations (by label), when the dataset has organizations.
            let orgs = net.organizations()
            let withOrganizations = orgs.groupCount > 0
            func organization(_ v: Int32) -> JSONValue {
                let names = orgs.groups(of: v).map { g -> String in
                    let node = orgs.groupNodes[Int(g)]
                    return node >= 0 ? net.displayLabel(node) : orgs.groupNames[Int(g)]
                }
                return names.isEmpty ? .null : .string(names.joined(separator: "; "))
            }
            var t = ResultTable(columns: ["id", "label"] + (withOrganizations ? ["organization"] : [])
                                + result.columns.map(\.measure.rawValue))
            for i in order {
                let v = result.nodes[i]
                t.append([.string(net.ids[Int(v)]), .string(net.displayLabel(v))] + (withOrganizations ? [organization(v)] : [])
                         + result.columns.map { DiffusionReport.num($0.scores.scores[i]) })
            }
            if output.format == .json {
                try output.emit(CentralityReport.json(result, table: t, identity: input.identity))
            } else {
                try output.emit(t, provenance: CentralityReport.provenance(result, identity: input.identity))
            }
        }
    }
}

/// The JSON of a centrality result: the request, each measure's metadata, the rows.
enum CentralityReport {
    /// The request and each measure's metadata, as JSON fields.
    static func provenance(_ r: CentralityRequest.Result, identity: InputIdentity) -> [(String, JSONValue)] {
        let q = r.request
        let measures = JSONValue.array(r.columns.map { c in
            let m = c.scores.metadata
            return .object([("measure", .string(c.measure.rawValue)), ("definition", .string(c.measure.summary)),
                            ("normalized", .bool(m.normalized)),
                            ("parameters", .object(m.parameters.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) })),
                            ("iterations", m.iterations.map { .int($0) } ?? .null),
                            ("converged", m.converged.map { .bool($0) } ?? .null),
                            ("error_bound", m.errorBound.map { .double($0) } ?? .null),
                            ("seed", m.seed.map { .int(Int(truncatingIfNeeded: $0)) } ?? .null)])
        })
        let request = JSONValue.object([
            ("relations", q.selection.relations.map { .array($0.map { .string($0.rawValue) }) } ?? .string("every tie relation")),
            ("direction", .string(q.selection.direction.rawValue)), ("weighted", .bool(q.selection.weighted)),
            ("nodes", .string(q.selection.nodes.rawValue)), ("normalized", .bool(q.normalized)),
            ("damping", .double(q.damping)), ("alpha", .double(q.alpha)), ("beta", .double(q.beta)),
            ("tolerance", .double(q.tolerance)), ("max_iterations", .int(q.maxIterations)),
            ("epsilon", .double(q.epsilon)), ("delta", .double(q.delta)), ("seed", .int(Int(truncatingIfNeeded: q.seed))),
            ("threads", q.threads.map { .int($0) } ?? .string("all cores")),
        ])
        return [("analysis", .string("centrality")), ("input", identity.json), ("request", request),
                ("graph", .object([("nodes", .int(r.nodes.count)), ("edges", .int(r.edges))])), ("measures", measures)]
    }

    static func json(_ r: CentralityRequest.Result, table t: ResultTable, identity: InputIdentity) -> [UInt8] {
        let rows = JSONValue.array(t.rows.map { .object(Array(zip(t.columns, $0))) })
        return Array((JSONValue.object(provenance(r, identity: identity) + [("rows", rows)]).text() + "\n").utf8)
    }
}
