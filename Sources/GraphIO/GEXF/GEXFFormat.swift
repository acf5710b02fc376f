import GraphCore

/// GEXF 1.2draft and 1.3 (gexf.net), Gephi's format: reader and writer.
///
/// ```swift
/// let net = try GEXFFormat.read(SourceText.read(path: "chalon.gexf"))
/// let bytes = GEXFFormat.write(net)        // GEXF 1.3; networkx's read_gexf reads it back
/// ```
///
/// Reading (streaming, through ``XMLReader``; no DOM; any GEXF version, namespaces unchecked):
/// - `<attributes class="node|edge">` declare typed `<attribute>`s: `integer`, `long`, `short`,
///   `byte`, `biginteger` → integer; `double`, `float`, `bigdecimal` → double; `boolean`;
///   `date` → date (`YYYY-MM-DD`); `string`, `liststring` (kept as its text, e.g. `a|b`),
///   `anyURI`, `char`, `dateTime` and the other list types → string. A `<default>` applies to
///   every node or edge without a value. `<attvalue for="…" value="…">` gives values; when an
///   attribute has several values on one node or edge (a dynamic attribute's intervals) the
///   first is kept and the others are dropped.
/// - Nodes: `id`, `label` → label; the node attribute titled `kind` → node kind (default
///   `actor`); nested `<nodes>` (hierarchy) join the network with their parent's id in a `pid`
///   string attribute (as networkx reads them), as does an explicit `pid`.
/// - Edges: `defaultedgetype` (default `undirected`; `mutual` reads as undirected, as in
///   networkx) and per-edge `type` give the direction; one relation must have one direction.
///   A `mutual` edge in a directed graph becomes two arcs. The edge attribute titled
///   `relation` (else the GEXF 1.3 `kind` attribute) picks the relation layer (default `edge`);
///   `weight` (the XML attribute or an attribute titled `weight`) must be a number; `id` and
///   `label` become string attributes `id` and `label`. Edges may precede the nodes but must
///   name declared nodes (networkx would add missing nodes silently).
/// - Dynamics: `start` and `end` on nodes and edges are kept as attributes `start`/`end`,
///   typed by the graph's `timeformat` (`integer`, `double`, `date`; `dateTime` as text; with
///   no timeformat, numbers, else dates, else text). `<spells>` and attvalue intervals are
///   ignored.
/// - Gephi's `viz:` elements (colour, position, size, shape) and every other element with a
///   namespace prefix are skipped. Only the first `<graph>` is read. `<meta><title>` (else
///   `<description>`) becomes the metadata title.
/// - Errors have file, line and column, as for ``GraphMLFormat``.
///
/// Writing: GEXF 1.3, `mode="static"`; node attributes `kind` then one per column, edge
/// attributes `relation` then one per (name, type) of the layers' columns (integer → `long`,
/// double, boolean, string; dates as `string` marked `interstice:type="date"`, because
/// networkx's reader fails on GEXF's `date` type). Labels, weights (for relations with weights
/// other than 1) and string `id` columns are the XML `label`, `weight` and `id`. An edge
/// without an id column has no `id` (GEXF 1.3 makes it optional). `defaultedgetype` is
/// `undirected` when every relation is, else `directed` with `type="undirected"` on the edges
/// of undirected relations (networkx rejects such mixed files). Relations without edges and
/// edge columns without values are not written.
public enum GEXFFormat {
    /// Reads a GEXF document.
    /// - Throws: ``GraphIOError`` with the line and column of the first problem.
    /// - Complexity: O(bytes + nodes + edges).
    public static func read(_ text: SourceText) throws(GraphIOError) -> Network {
        try text.bytes.withUnsafeBufferPointer { (b) throws(GraphIOError) -> Network in
            var reader = GEXFReader(try XMLReader(text: text, bytes: b))
            return try reader.read()
        }
    }

    /// Writes a network as GEXF 1.3 (UTF-8).
    /// - Complexity: O(nodes + edges + attribute values).
    public static func write(_ network: Network) -> [UInt8] {
        GEXFWriter.write(network)
    }
}
