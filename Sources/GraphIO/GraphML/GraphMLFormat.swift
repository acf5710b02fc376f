import GraphCore

/// GraphML (graphml.graphdrawing.org), as networkx, igraph, Gephi and yEd write it: reader and
/// writer.
///
/// ```swift
/// let net = try GraphMLFormat.read(SourceText.read(path: "cucm.graphml"))
/// let bytes = GraphMLFormat.write(net)     // networkx's read_graphml reads it back
/// ```
///
/// Reading (streaming, through ``XMLReader``; no DOM):
/// - `<key>`s are typed by `attr.type`: `boolean`; `int`, `long` (and Gephi's `integer`) →
///   integer; `float`, `double` → double; `string` (also when absent). yEd's `yfiles.type`
///   keys hold graphics and are skipped, except that the first `y:NodeLabel` text becomes the
///   node's label (when it has none) and a `y:EdgeLabel` text the edge's `label` attribute.
///   A key's `<default>` applies to every node or edge without data for it.
/// - Node data named `kind` sets the node kind (default `actor`), `label` its label; edge data
///   named `relation` picks the edge's relation layer (default `edge`), `weight` its weight
///   (must be a number). Every other key becomes a typed attribute column; node columns are
///   declared for every node key, edge columns on a relation when one of its edges has a value.
///   An edge's `id` becomes its string attribute `id` (as networkx reads it). Graph data named
///   `name`, `title`, `source`, `licence`, `organization_kind` fills the metadata.
/// - `edgedefault` (default `undirected`) gives each edge's direction, which `directed="true"`
///   or `"false"` on an edge overrides; one relation must have one direction. Parallel edges
///   and self-loops are kept.
/// - Edges may come before the nodes they name, but must name declared nodes (networkx would
///   add missing nodes silently; the GraphML specification requires them declared).
/// - Only the first top-level `<graph>` is read (as networkx does). The nodes and edges of
///   graphs nested in nodes join the network (the hierarchy is dropped), as networkx does for
///   yEd group nodes; graphs nested in edges are skipped.
/// - Hyperedges and ports are rejected with an error. Elements with a namespace prefix and
///   `<desc>` are skipped.
/// - Errors have file, line and column: malformed or truncated XML, invalid UTF-8 or binary
///   data, undeclared keys, values that do not fit their key's type, unknown nodes, duplicate
///   node ids. A `<!DOCTYPE>` declaring entities is rejected; no entity is ever expanded and no
///   other file is ever read.
///
/// Writing: keys `kind` and `relation` on every node and edge, `label` when some node has one,
/// `weight` when some relation has weights other than 1, one key per attribute column (integer
/// → `long`, double → `double`, boolean, string; dates as strings marked
/// `interstice:type="date"`, which Interstice reads back as dates and other readers ignore),
/// metadata as graph data; no `<default>`s, missing values omitted. `edgedefault` is
/// `undirected` when every relation is undirected, else `directed`, with `directed="false"` on
/// the edges of undirected relations when the network mixes both (networkx cannot read such a
/// mixed file: it rejects `directed="false"` in a directed graph). Relations without edges and
/// edge columns without values are not written.
public enum GraphMLFormat {
    /// Reads a GraphML document.
    /// - Throws: ``GraphIOError`` with the line and column of the first problem.
    /// - Complexity: O(bytes + nodes + edges).
    public static func read(_ text: SourceText) throws(GraphIOError) -> Network {
        try text.bytes.withUnsafeBufferPointer { (b) throws(GraphIOError) -> Network in
            var reader = GraphMLReader(try XMLReader(text: text, bytes: b))
            return try reader.read()
        }
    }

    /// Writes a network as GraphML (UTF-8).
    /// - Complexity: O(nodes + edges + attribute values).
    public static func write(_ network: Network) -> [UInt8] {
        GraphMLWriter.write(network)
    }
}
