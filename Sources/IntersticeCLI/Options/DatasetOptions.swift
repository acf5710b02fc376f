import ArgumentParser
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

    @Option(name: .customLong("max-input-bytes"), help: ArgumentHelp("The most bytes an input may have once decompressed: bytes or 512M, 4G (default 1G).", valueName: "size"))
    var maxInputBytes: String?

    /// `--max-input-bytes` in bytes.
    var maxBytes: Int {
        maxInputBytes.flatMap(BatchRunCommand.bytes).map { Int($0) } ?? SourceText.defaultMaxBytes
    }

    func validate() throws {
        if directed && undirected { throw ValidationError("--directed and --undirected exclude each other") }
        if dataset == "-" && from == nil { throw ValidationError("reading standard input needs --from FORMAT") }
        if dataset == "-" && from == .native { throw ValidationError("the native format is a folder; it cannot come from standard input") }
        if let m = maxInputBytes, BatchRunCommand.bytes(m) == nil {
            throw ValidationError("--max-input-bytes takes bytes or a size such as 512M or 4G, found \"\(m)\"")
        }
    }

    var readOptions: ReadOptions {
        ReadOptions(directed: directed ? true : (undirected ? false : nil), relation: Relation(edgeRelation),
                    allowFileReferences: allowFileReferences, maxInputBytes: maxBytes)
    }

    /// Reads the dataset.
    func load() throws(GraphIOError) -> Network {
        try GraphFile.read(dataset, format: from, options: readOptions)
    }
}

/// Where and how a command prints its results.
struct OutputOptions: ParsableArguments {
    @Option(name: .customLong("format"), help: "Output form: table, json or csv.")
    var format: ResultTable.Format = .table

    @Option(name: [.customShort("o"), .customLong("output")], help: "Write to this file (atomically) instead of standard output.")
    var output: String = "-"

    /// Writes bytes to the output.
    func emit(_ bytes: [UInt8]) throws(GraphIOError) {
        try OutputFile.write(bytes, to: output)
    }
}
