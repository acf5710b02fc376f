import GraphCore

/// The graph file formats Interstice reads and writes.
public enum GraphFormat: String, Sendable, Hashable, CaseIterable {
    /// The native dataset folder: `nodes.csv`, `edges.csv`, optional `dataset.json`.
    case native
    /// Plain edge list (SNAP, Konect): `source target [weight …]` per line.
    case edgelist
    /// Adjacency list: `node neighbour neighbour …` per line (networkx's, SNAP's `u: v …`).
    case adjlist
    /// GraphML (typed keys), as Gephi, yEd, networkx and igraph write it.
    case graphml
    /// GEXF 1.2 / 1.3 (Gephi).
    case gexf
    /// GML.
    case gml
    /// Pajek `.net` / `.paj`.
    case pajek
    /// JSON node-link (networkx's `node_link_data`).
    case json
    /// Graphviz DOT (writing here; reading through GraphRender's cgraph reader).
    case dot

    /// The format a path's name implies (a trailing `.gz` is looked through); a folder is native.
    public static func infer(fromPath path: String, isFolder: Bool = false) -> GraphFormat? {
        if isFolder { return .native }
        var name = path.lowercased()
        if name.hasSuffix(".gz") { name.removeLast(3) }
        if name.hasSuffix("nodes.csv") || name.hasSuffix("edges.csv") { return .native }
        guard let dot = name.lastIndex(of: ".") else {
            // Konect's `out.name` files.
            if name.split(separator: "/").last?.hasPrefix("out.") == true { return .edgelist }
            return nil
        }
        switch name[name.index(after: dot)...] {
        case "graphml", "xml": return .graphml
        case "gexf": return .gexf
        case "gml": return .gml
        case "net", "paj", "pajek": return .pajek
        case "json": return .json
        case "gv", "dot": return .dot
        case "txt", "edges", "edgelist", "el", "tsv", "csv", "ssv": return .edgelist
        case "adj", "adjlist": return .adjlist
        default:
            if name.split(separator: "/").last?.hasPrefix("out.") == true { return .edgelist }
            return nil
        }
    }

    /// The usual file extension.
    public var fileExtension: String {
        switch self {
        case .native: ""
        case .edgelist: "edges"
        case .adjlist: "adjlist"
        case .graphml: "graphml"
        case .gexf: "gexf"
        case .gml: "gml"
        case .pajek: "net"
        case .json: "json"
        case .dot: "gv"
        }
    }
}

/// Options that some readers use.
public struct ReadOptions: Sendable, Hashable {
    /// Edge lists and adjacency lists: directed or not (nil: from the file's header comments,
    /// undirected otherwise).
    public var directed: Bool?
    /// Edge lists and adjacency lists: the relation their edges belong to.
    public var relation: Relation
    /// DOT: allow attributes that make Graphviz read local files.
    public var allowFileReferences: Bool
    /// Edge lists: the one character between fields (`;`, tab…); nil: any run of spaces, tabs,
    /// commas and semicolons. Must be ASCII.
    public var delimiter: Character?
    /// The most bytes an input file may have, after gzip decompression (default
    /// ``SourceText/defaultMaxBytes``, 1 GiB; enforced while inflating).
    public var maxInputBytes: Int

    public init(directed: Bool? = nil, relation: Relation = "edge", allowFileReferences: Bool = false,
                delimiter: Character? = nil, maxInputBytes: Int = SourceText.defaultMaxBytes) {
        self.directed = directed
        self.relation = relation
        self.allowFileReferences = allowFileReferences
        self.delimiter = delimiter
        self.maxInputBytes = maxInputBytes
    }
}

/// Readers that GraphIO cannot hold itself, composed by the caller (no global state): DOT is
/// parsed by Graphviz's cgraph, which only GraphRender touches
/// (`ExternalReaders(dot: DOTReader.reader(warnings:))`).
public struct ExternalReaders: Sendable {
    /// Parses DOT text into a network.
    public var dot: (@Sendable (SourceText, ReadOptions) throws(GraphIOError) -> Network)?

    public init(dot: (@Sendable (SourceText, ReadOptions) throws(GraphIOError) -> Network)? = nil) {
        self.dot = dot
    }
}

/// Reads and writes any supported format, choosing the reader from the path or a given format.
///
/// ```swift
/// let net = try GraphFile.read("Datasets/cucm-plie")
/// try GraphFile.write(net, to: "cucm.graphml")
/// ```
public enum GraphFile {

    /// Reads a network.
    /// - Parameters:
    ///   - path: a native folder, a file, or `-` for standard input (with `format`).
    ///   - format: overrides the inference from the name.
    ///   - readers: readers that live in other modules (DOT, through GraphRender's cgraph).
    public static func read(_ path: String, format: GraphFormat? = nil,
                            options: ReadOptions = ReadOptions(), readers: ExternalReaders = ExternalReaders()) throws(GraphIOError) -> Network {
        let isFolder = DatasetFolder.isFolder(path)
        guard let f = format ?? GraphFormat.infer(fromPath: path, isFolder: isFolder) else {
            throw GraphIOError(.unsupported, file: path,
                               "cannot tell the format from the name; pass --from with one of \(GraphFormat.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        if f == .native { return try DatasetFolder.read(path, maxInputBytes: options.maxInputBytes) }
        if path != "-" && isFolder {
            throw GraphIOError(.unsupported, file: path, "is a folder; only the native format is a folder")
        }
        let text = try SourceText.read(path: path, maxBytes: options.maxInputBytes)
        return try decode(text, format: f, options: options, readers: readers)
    }

    /// Parses bytes already read.
    public static func decode(_ text: SourceText, format: GraphFormat,
                              options: ReadOptions = ReadOptions(), readers: ExternalReaders = ExternalReaders()) throws(GraphIOError) -> Network {
        switch format {
        case .native:
            throw GraphIOError(.unsupported, file: text.name, "the native format is a folder with nodes.csv and edges.csv")
        case .edgelist: return try EdgeListFormat.read(text, options: options)
        case .adjlist: return try AdjacencyListFormat.read(text, options: options)
        case .graphml: return try GraphMLFormat.read(text)
        case .gexf: return try GEXFFormat.read(text)
        case .gml: return try GMLFormat.read(text)
        case .pajek: return try PajekFormat.read(text)
        case .json: return try NodeLinkJSONFormat.read(text)
        case .dot:
            guard let reader = readers.dot else {
                throw GraphIOError(.unsupported, file: text.name, "reading DOT needs the GraphRender module")
            }
            return try reader(text, options)
        }
    }

    /// Serializes a network (every format but native, which is a folder).
    public static func encode(_ network: Network, format: GraphFormat) throws(GraphIOError) -> [UInt8] {
        switch format {
        case .native: throw GraphIOError(.unsupported, file: "-", "the native format is a folder; give a folder path")
        case .edgelist: return EdgeListFormat.write(network)
        case .adjlist: return AdjacencyListFormat.write(network)
        case .graphml: return GraphMLFormat.write(network)
        case .gexf: return GEXFFormat.write(network)
        case .gml: return GMLFormat.write(network)
        case .pajek: return PajekFormat.write(network)
        case .json: return NodeLinkJSONFormat.write(network)
        case .dot: return DOTWriter.write(network)
        }
    }

    /// Writes a network atomically; the format comes from the path unless given.
    public static func write(_ network: Network, to path: String, format: GraphFormat? = nil) throws(GraphIOError) {
        let isFolder = DatasetFolder.isFolder(path) || path.hasSuffix("/")
        guard let f = format ?? GraphFormat.infer(fromPath: path, isFolder: isFolder) else {
            throw GraphIOError(.unsupported, file: path, "cannot tell the output format from the name; pass --to")
        }
        try WritableText.check(network, format: f, output: path)
        if f == .native { return try DatasetFolder.write(network, to: path) }
        try OutputFile.write(try encode(network, format: f), to: path)
    }
}
