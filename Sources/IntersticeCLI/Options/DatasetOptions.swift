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

    @Option(name: .customLong("delimiter"), help: "Edge lists: the one separator between fields (';', ',', tab); ids may then hold spaces. Default: any run of spaces, tabs, commas, semicolons.")
    var delimiter: String?

    @Option(name: .customLong("organizations-from"), help: ArgumentHelp("Make organizations from this node attribute (org, department): one organization per value, a member edge from each node that has it. The other convention: organization nodes with member edges.", valueName: "attr"))
    var organizationsFrom: String?

    @Option(name: .customLong("max-input-bytes"), help: ArgumentHelp("The most bytes an input may have once decompressed: bytes or 512M, 4G (default 1G).", valueName: "size"))
    var maxInputBytes: String?

    /// `--max-input-bytes` in bytes.
    var maxBytes: Int {
        (try? BatchRunCommand.maxInputBytes(maxInputBytes)) ?? SourceText.defaultMaxBytes
    }

    func validate() throws {
        if directed && undirected { throw ValidationError("--directed and --undirected exclude each other") }
        if dataset == "-" && from == nil { throw ValidationError("reading standard input needs --from FORMAT") }
        if dataset == "-" && from == .native { throw ValidationError("the native format is a folder; it cannot come from standard input") }
        if let delimiter, SheetOptions.delimiter(named: delimiter) == nil {
            throw ValidationError("--delimiter: expected one character (; , | or tab), found \"\(delimiter)\"")
        }
        _ = try BatchRunCommand.maxInputBytes(maxInputBytes)
    }

    var readOptions: ReadOptions {
        ReadOptions(directed: directed ? true : (undirected ? false : nil), relation: Relation(edgeRelation),
                    allowFileReferences: allowFileReferences, delimiter: delimiter.flatMap(SheetOptions.delimiter(named:)),
                    maxInputBytes: maxBytes)
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

/// Languages of numbers in output.
enum OutputLanguage: String, ExpressibleByArgument, CaseIterable {
    case en, fr
}

/// Where and how a command prints its results.
struct OutputOptions: ParsableArguments {
    @Option(name: .customLong("format"), help: "Output form: table, json or csv.")
    var formatOption: ResultTable.Format = .table

    @Option(name: [.customShort("o"), .customLong("output")], help: "Write to this file (atomically) instead of standard output.")
    var output: String = "-"

    @Flag(help: "CSV: start with the request as `# key: value` comment lines instead of writing FILE.meta.json beside the file.")
    var commentHeader = false

    @Flag(name: .customLong("excel"), help: "CSV for Excel: a UTF-8 byte-order mark and ';' between fields (implies --format csv).")
    var excel = false

    @Option(name: .customLong("lang"), help: "Numbers in tables and Excel CSV: en (0.25) or fr (0,25).")
    var lang: OutputLanguage = .en

    @Option(name: .customLong("columns"), help: ArgumentHelp("Only these columns, in this order (table and CSV).", valueName: "c,c"))
    var columns: String?

    /// The output form: `--excel` makes a table CSV.
    var format: ResultTable.Format { excel && formatOption == .table ? .csv : formatOption }

    /// The style of tables and CSV.
    var style: TableStyle { TableStyle(excel: excel, decimalComma: lang == .fr) }

    var chosenColumns: [String]? {
        columns.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty } }
    }

    func validate() throws {
        if formatOption == .json && (excel || lang == .fr || columns != nil) {
            throw ValidationError("--excel, --lang and --columns shape tables and CSV, not JSON")
        }
        if format == .csv && lang == .fr && !excel {
            throw ValidationError("--lang fr writes decimal commas; in CSV they need --excel (fields separated by ';')")
        }
        if let c = chosenColumns, c.isEmpty { throw ValidationError("--columns needs at least one column name") }
    }

    /// Writes bytes a command made to the output; CSV goes through ``CSVRestyle`` for
    /// `--excel`, `--lang` and `--columns`.
    func emit(_ bytes: [UInt8]) throws(GraphIOError) {
        var b = bytes
        switch format {
        case .csv where excel || columns != nil:
            b = try CSVRestyle.restyle(bytes, style: style, columns: chosenColumns)
        case .table where columns != nil || lang == .fr:
            throw GraphIOError(.unsupported, file: columns != nil ? "--columns" : "--lang",
                               "this command's text report cannot choose columns or write decimal commas; use --format csv --excel")
        default:
            break
        }
        try OutputFile.write(b, to: output)
    }

    /// Writes a result table in the output's format and style, with the chosen columns.
    func emit(_ table: ResultTable) throws(GraphIOError) {
        try emit(table, provenance: [])
    }

    /// Writes a result and what produced it. JSON carries the request inside; CSV gets it as a
    /// sidecar `FILE.meta.json` (written first, so a CSV never exists without it), or as comment
    /// lines with --comment-header (the only way when writing to standard output).
    func emit(_ bytes: [UInt8], provenance: [(String, JSONValue)]) throws(GraphIOError) {
        guard format == .csv, !provenance.isEmpty else { return try emit(bytes) }
        let b = excel || columns != nil ? try CSVRestyle.restyle(bytes, style: style, columns: chosenColumns) : bytes
        try write(b, provenance: provenance)
    }

    /// Writes a result table in the output's format and style, and what produced it (see
    /// ``emit(_:provenance:)``).
    func emit(_ table: ResultTable, provenance: [(String, JSONValue)]) throws(GraphIOError) {
        let t = try chosenColumns.map { c throws(GraphIOError) in try table.selecting(c) } ?? table
        let b = t.render(format, style: style)
        guard format == .csv, !provenance.isEmpty else { return try OutputFile.write(b, to: output) }
        try write(b, provenance: provenance)
    }

    private func write(_ csv: [UInt8], provenance: [(String, JSONValue)]) throws(GraphIOError) {
        if commentHeader {
            var head = ""
            for (k, v) in provenance {
                head += "# \(k): \(v.text().split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " "))\n"
            }
            let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
            let body = csv.starts(with: bom) ? Array(csv.dropFirst(3)) : csv
            return try OutputFile.write((csv.starts(with: bom) ? bom : []) + Array(head.utf8) + body, to: output)
        }
        if output != "-" { try OutputFile.write(Array((JSONValue.object(provenance).text() + "\n").utf8), to: output + ".meta.json") }
        try OutputFile.write(csv, to: output)
    }
}
