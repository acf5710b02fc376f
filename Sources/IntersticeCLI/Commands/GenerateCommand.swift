import ArgumentParser
import Foundation
import Interstice

/// `interstice generate MODEL OUT`: seeded synthetic networks for sweeps.
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Generate a seeded synthetic network: a partnership territory (stochastic block model of organizations with a collective), Barabási–Albert, Erdős–Rényi G(n,p) or G(n,m), Watts–Strogatz.",
        discussion: """
        OUT is a folder (the native format; any name without an extension) or a file whose format comes from its name, as in \
        convert; - writes standard output with --to. The same parameters and --seed give the same \
        bytes.

        Example:
          interstice generate sbm territories/t1 --organizations 6 --size 15 --collective-size 8 --bridging 0.7 --seed 1
          interstice generate ba ba-1000.graphml --nodes 1000 --attachments 3 --seed 42
          interstice generate gnp gnp.edges --nodes 500 --probability 0.01
          interstice generate ws ws/ --nodes 200 --neighbours 6 --rewiring 0.1
        """,
        subcommands: [Territory.self, BA.self, GNP.self, GNM.self, WS.self]
    )

    /// Where a generated network goes.
    struct Output: ParsableArguments {
        @Argument(help: ArgumentHelp("Output folder (native format) or file, or - for standard output (with --to).", valueName: "out"))
        var out: String

        @Option(name: .customLong("to"), help: "Output format, when the name does not tell: \(GraphFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
        var to: GraphFormat?

        @Option(help: "Random seed: the same parameters and seed give the same network.")
        var seed: UInt64 = 1

        func validate() throws {
            if out == "-" && to == nil { throw ValidationError("writing standard output needs --to FORMAT") }
            if out == "-" && to == .native { throw ValidationError("the native format is a folder; it cannot go to standard output") }
        }

        /// The dataset name: the output's last path component, without its extension when it
        /// names a format (`bridging-0.2-1` stays whole; `g.gml.gz` is `g`).
        var name: String {
            let last = out.split(separator: "/").last.map(String.init) ?? out
            if last == "-" { return "generated" }
            guard format != .native, GraphFormat.infer(fromPath: last) != nil else { return last }
            var n = last
            if n.lowercased().hasSuffix(".gz") { n.removeLast(3) }
            if let dot = n.lastIndex(of: "."), dot != n.startIndex { n = String(n[..<dot]) }
            return n
        }

        /// The format: --to, else from the name, else a native folder (a name without extension).
        var format: GraphFormat? {
            to ?? (GraphFormat.infer(fromPath: out, isFolder: DatasetFolder.isFolder(out)) == nil ? .native : nil)
        }

        /// Writes the network; missing parent folders are created (`territories/t1` on a fresh clone).
        func write(_ net: Network) throws {
            try reportingFailures {
                if out != "-" {
                    let parent = URL(fileURLWithPath: out).deletingLastPathComponent()
                    do { try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true) } catch {
                        throw GraphIOError(.io, file: out, "cannot create the folder \(parent.path): \(error.localizedDescription)")
                    }
                }
                try GraphFile.write(net, to: out, format: format)
            }
        }
    }

    /// Options of the plain random graphs.
    struct Plain: ParsableArguments {
        @Option(help: "Relation of the generated edges.")
        var relation = "edge"

        @Option(help: "Prefix of the node ids (ids are prefix0 … prefix(n−1)).")
        var idPrefix = ""
    }

    static func finish(_ g: GeneratedGraph, model: String, parameters: String, output: Output, plain: Plain) throws {
        var net = g.network(relation: Relation(plain.relation), idPrefix: plain.idPrefix)
        net.metadata = DatasetMetadata(name: output.name, title: "\(model) random graph (\(parameters))",
                                       source: "interstice generate, seed \(output.seed): \(model), \(parameters)",
                                       licence: "generated data, no restriction",
                                       relations: [plain.relation: "\(model) edge"])
        try output.write(net)
    }

    /// The most nodes a generated network may have (node ids are 32-bit).
    static let maxNodes = 100_000_000
    /// The most edges (expected edges for G(n, p)) a generated network may have: about 8 GB of
    /// adjacency, beyond what this tool's other commands handle on one machine.
    static let maxEdges = 500_000_000

    /// Refuses a network whose (expected) edge count passes ``maxEdges`` before generating it.
    static func checkEdges(_ edges: Double) throws {
        guard edges <= Double(maxEdges) else {
            throw ValidationError("that network would have about \(edges) edges; at most \(maxEdges) can be generated")
        }
    }

    static func generating<T>(_ body: () throws(AlgorithmError) -> T) throws -> T {
        do { return try body() } catch { throw ValidationError(error.message) }
    }

    struct Territory: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "sbm", abstract: "A partnership territory: organizations as blocks, heads, a cross-organization collective with a lifespan.",
            discussion: """
            Actors o<g>-<i> belong (member) to organizations o<g>; the first member of each is its \
            head (reports_to ties, unless --no-hierarchy). Acquaintance ties fall with probability \
            --within inside an organization and --between across; each carries an exchange arc per \
            direction with probability --exchange. The collective's participants come from \
            --collective-organizations organizations, and two of them from different organizations \
            know each other with probability --bridging.
            """,
            aliases: ["territory"])

        @OptionGroup var output: Output
        @Option(help: "Number of organizations (with --size).")
        var organizations = 5
        @Option(help: "Members of each organization.")
        var size = 12
        @Option(help: ArgumentHelp("Members of each organization, one number per organization (overrides --organizations and --size).", valueName: "n,n"))
        var sizes: String?
        @Option(help: "Acquaintance probability inside an organization.")
        var within = 0.3
        @Option(help: "Acquaintance probability across organizations.")
        var between = 0.02
        @Option(help: "Probability that an acquaintance tie carries an exchange arc, per direction.")
        var exchange = 0.3
        @Option(help: "Participants of the collective (0: none).")
        var collectiveSize = 6
        @Option(help: "Organizations delegating participants (default: as many as possible, at most all).")
        var collectiveOrganizations: Int?
        @Option(help: "Acquaintance probability between participants of different organizations.")
        var bridging = 0.5
        @Flag(help: "No heads and no reports_to ties.")
        var noHierarchy = false
        @Option(help: "The collective's first day (YYYY-MM-DD).")
        var start = "2024-01-01"
        @Option(help: "The collective's lifespan in days.")
        var lifespanDays = 365

        func model() throws -> PartnershipTerritory {
            let list: [Int]
            if let sizes {
                let parts = sizes.split(separator: ",").map { Int($0.trimmingCharacters(in: .whitespaces)) }
                guard !parts.isEmpty, parts.allSatisfy({ $0 != nil }) else {
                    throw ValidationError("--sizes: expected comma-separated member counts, found \"\(sizes)\"")
                }
                list = parts.map { $0! }
                guard list.count <= 1_000_000, list.allSatisfy({ $0 >= 1 && $0 <= GenerateCommand.maxNodes }) else {
                    throw ValidationError("--sizes: expected at most 1000000 member counts, each in 1…\(GenerateCommand.maxNodes)")
                }
            } else {
                try OptionRange.check(organizations, 1...1_000_000, "--organizations")
                try OptionRange.check(size, 1...GenerateCommand.maxNodes, "--size")
                guard organizations * size <= GenerateCommand.maxNodes else {
                    throw ValidationError("--organizations × --size must be at most \(GenerateCommand.maxNodes) actors, found \(organizations) × \(size)")
                }
                list = Array(repeating: size, count: organizations)
            }
            try OptionRange.check(lifespanDays, 0...100_000, "--lifespan-days")
            let actors = list.reduce(0, +)
            guard actors <= GenerateCommand.maxNodes else {
                throw ValidationError("the organizations have \(actors) members in all; at most \(GenerateCommand.maxNodes) can be generated")
            }
            let inside = list.reduce(0.0) { $0 + Double($1) * Double($1 - 1) / 2 }
            let across = Double(actors) * Double(actors - 1) / 2 - inside
            if within.isFinite && between.isFinite { try GenerateCommand.checkEdges(within * inside + between * across) }
            guard let day = CalendarDate(parsing: start) else { throw ValidationError("--start: expected a date YYYY-MM-DD, found \"\(start)\"") }
            var t = PartnershipTerritory(organizationSizes: list)
            t.within = within; t.between = between; t.exchange = exchange
            t.collectiveSize = collectiveSize; t.collectiveOrganizations = collectiveOrganizations
            t.bridging = bridging; t.hierarchy = !noHierarchy; t.start = day; t.lifespanDays = lifespanDays
            do { try t.validate() } catch { throw ValidationError(error.message) }
            return t
        }

        func validate() throws { _ = try model() }

        func run() throws {
            let t = try model()
            let net = try generating { () throws(AlgorithmError) in try t.generate(seed: output.seed, name: output.name) }
            try output.write(net)
        }
    }

    struct BA: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "ba", abstract: "Barabási–Albert preferential attachment (as networkx): m(n − m) edges.",
            aliases: ["barabasi-albert"])
        @OptionGroup var output: Output
        @OptionGroup var plain: Plain
        @Option(help: "Number of nodes n.")
        var nodes = 1000
        @Option(help: "Edges m from each new node (1 ≤ m < n).")
        var attachments = 2

        func validate() throws {
            try OptionRange.check(nodes, 0...GenerateCommand.maxNodes, "--nodes")
            guard attachments >= 1 && attachments < nodes else { throw ValidationError("--attachments must satisfy 1 ≤ m < n") }
            try GenerateCommand.checkEdges(Double(attachments) * Double(nodes - attachments))
        }

        func run() throws {
            let g = try generating { () throws(AlgorithmError) in
                try BarabasiAlbert(nodes: nodes, attachments: attachments).generate(seed: output.seed)
            }
            try GenerateCommand.finish(g, model: "Barabási–Albert", parameters: "n = \(nodes), m = \(attachments)", output: output, plain: plain)
        }
    }

    struct GNP: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "gnp", abstract: "Erdős–Rényi G(n, p): each pair is an edge with probability p.",
            aliases: ["erdos-renyi"])
        @OptionGroup var output: Output
        @OptionGroup var plain: Plain
        @Option(help: "Number of nodes n.")
        var nodes = 1000
        @Option(help: "Edge probability p.")
        var probability = 0.01

        func validate() throws {
            try OptionRange.check(nodes, 0...GenerateCommand.maxNodes, "--nodes")
            guard probability >= 0 && probability <= 1 else { throw ValidationError("--probability must be in [0, 1]") }
            try GenerateCommand.checkEdges(probability * Double(nodes) * Double(max(nodes - 1, 0)) / 2)
        }

        func run() throws {
            let g = try generating { () throws(AlgorithmError) in
                try ErdosRenyiGNP(nodes: nodes, probability: probability).generate(seed: output.seed)
            }
            try GenerateCommand.finish(g, model: "Erdős–Rényi G(n, p)", parameters: "n = \(nodes), p = \(probability)", output: output, plain: plain)
        }
    }

    struct GNM: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "gnm", abstract: "Erdős–Rényi G(n, m): m edges drawn uniformly among the pairs.")
        @OptionGroup var output: Output
        @OptionGroup var plain: Plain
        @Option(help: "Number of nodes n.")
        var nodes = 1000
        @Option(help: "Number of edges m (at most n(n − 1)/2).")
        var edges = 5000

        func validate() throws {
            try OptionRange.check(nodes, 0...GenerateCommand.maxNodes, "--nodes")
            guard edges >= 0 else { throw ValidationError("--edges must be ≥ 0") }
            let pairs = Double(nodes) * Double(max(nodes - 1, 0)) / 2
            guard Double(edges) <= pairs else {
                throw ValidationError("--edges must be at most n(n − 1)/2 = \(Int(pairs))")
            }
            try GenerateCommand.checkEdges(Double(edges))
        }

        func run() throws {
            let g = try generating { () throws(AlgorithmError) in
                try ErdosRenyiGNM(nodes: nodes, edges: edges).generate(seed: output.seed)
            }
            try GenerateCommand.finish(g, model: "Erdős–Rényi G(n, m)", parameters: "n = \(nodes), m = \(edges)", output: output, plain: plain)
        }
    }

    struct WS: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "ws", abstract: "Watts–Strogatz small world (as networkx): a ring of n·⌊k/2⌋ edges, each rewired with probability p.",
            aliases: ["watts-strogatz"])
        @OptionGroup var output: Output
        @OptionGroup var plain: Plain
        @Option(help: "Number of nodes n.")
        var nodes = 1000
        @Option(help: "Ring neighbours k (0 ≤ k < n; ⌊k/2⌋ on each side).")
        var neighbours = 4
        @Option(help: "Rewiring probability p.")
        var rewiring = 0.1

        func validate() throws {
            try OptionRange.check(nodes, 0...GenerateCommand.maxNodes, "--nodes")
            guard neighbours >= 0 && neighbours < nodes else { throw ValidationError("--neighbours must satisfy 0 ≤ k < n") }
            try GenerateCommand.checkEdges(Double(nodes) * Double(neighbours / 2))
            guard rewiring >= 0 && rewiring <= 1 else { throw ValidationError("--rewiring must be in [0, 1]") }
        }

        func run() throws {
            let g = try generating { () throws(AlgorithmError) in
                try WattsStrogatz(nodes: nodes, neighbours: neighbours, rewiring: rewiring).generate(seed: output.seed)
            }
            try GenerateCommand.finish(g, model: "Watts–Strogatz", parameters: "n = \(nodes), k = \(neighbours), p = \(rewiring)", output: output, plain: plain)
        }
    }
}
