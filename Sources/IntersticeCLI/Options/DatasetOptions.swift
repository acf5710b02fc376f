import ArgumentParser
import Foundation
import Batch
import GraphRender
import Interstice

extension GraphFormat: ExpressibleByArgument {}
extension ResultTable.Format: ExpressibleByArgument {}

/// The input every command takes: a dataset and how to read it.
struct DatasetOptions: ParsableArguments {
    @Argument(help: ArgumentHelp("A native dataset folder, a graph file, or - for standard input (with --from).",
                                 valueName: "dataset"))
    var dataset: String

    @Option(name: .customLong("from"), help: "Input format, when the name does not tell: \(GraphFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
    var from: GraphFormat?

    @Flag(name: .customLong("directed"), help: "Edge and adjacency lists: read edges as directed.")
    var directed = false

    @Flag(name: .customLong("undirected"), help: "Edge and adjacency lists: read edges as undirected.")
    var undirected = false

    @Option(name: .customLong("edge-relation"), help: "Edge and adjacency lists: the relation their edges belong to.")
    var edgeRelation = "edge"

    @Flag(name: .customLong("allow-file-references"), help: "DOT: allow attributes that make Graphviz read local files.")
    var allowFileReferences = false

    @Option(name: .customLong("organizations-from"), help: ArgumentHelp("Make organizations from this node attribute (org, department): one organization per value, a member edge from each node that has it. The other convention: organization nodes with member edges.", valueName: "attr"))
    var organizationsFrom: String?

    func validate() throws {
        if directed && undirected { throw ValidationError("--directed and --undirected exclude each other") }
        if dataset == "-" && from == nil { throw ValidationError("reading standard input needs --from FORMAT") }
        if dataset == "-" && from == .native { throw ValidationError("the native format is a folder; it cannot come from standard input") }
    }

    var readOptions: ReadOptions {
        ReadOptions(directed: directed ? true : (undirected ? false : nil), relation: Relation(edgeRelation),
                    allowFileReferences: allowFileReferences)
    }

    /// The catalogue's dataset request.
    var request: DatasetRequest {
        DatasetRequest(path: dataset, format: from, options: readOptions, organizationsFrom: organizationsFrom)
    }

    /// Reads the dataset (DOT through Graphviz's cgraph), printing on stderr each spelling mapped
    /// and each assumption made.
    func load() throws -> Network {
        let loaded = try request.load(readers: .withDOT(warnings: { printError("interstice: warning: \($0)") }))
        for note in loaded.notes { printError("interstice: note: \(dataset): \(note)") }
        return loaded.network
    }

    /// The input's path, SHA-256 and the version, for provenance.
    var identity: InputIdentity {
        let sha = dataset == "-" ? nil : try? Digest.dataset(path: dataset).digest
        return InputIdentity(path: dataset, sha256: sha, version: IntersticeVersion.string, organizationsFrom: organizationsFrom)
    }
}

/// Where and how a command prints its results.
struct OutputOptions: ParsableArguments {
    @Option(name: .customLong("format"), help: "Output form: table, json or csv.")
    var format: ResultTable.Format = .table

    @Option(name: [.customShort("o"), .customLong("output")], help: "Write to this file (atomically) instead of standard output.")
    var output: String = "-"

    @Flag(help: "CSV: start with the request as `# key: value` comment lines instead of writing FILE.meta.json beside the file.")
    var commentHeader = false

    /// Writes bytes to the output.
    func emit(_ bytes: [UInt8]) throws(GraphIOError) {
        try OutputFile.write(bytes, to: output)
    }

    /// Writes a result and what produced it. JSON carries the request inside; CSV gets it as a
    /// sidecar `FILE.meta.json` (written first, so a CSV never exists without it), or as comment
    /// lines with --comment-header (the only way when writing to standard output).
    func emit(_ bytes: [UInt8], provenance: [(String, JSONValue)]) throws(GraphIOError) {
        guard format == .csv, !provenance.isEmpty else { return try emit(bytes) }
        let meta = JSONValue.object(provenance)
        if commentHeader {
            var head = ""
            for (k, v) in provenance { head += "# \(k): \(v.text().split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " "))\n" }
            return try OutputFile.write(Array(head.utf8) + bytes, to: output)
        }
        if output != "-" { try OutputFile.write(Array((meta.text() + "\n").utf8), to: output + ".meta.json") }
        try OutputFile.write(bytes, to: output)
    }
}
