import GraphCore

/// Pajek `.net` networks and `.paj` projects (V. Batagelj and A. Mrvar, *Pajek: Program for
/// Analysis and Visualization of Large Networks*, reference manual, sections "Networks" and
/// "Multirelational networks").
///
/// ```
/// *Network advice
/// *Vertices 3
/// 1 "Ann" 0.1 0.2 ellipse
/// 2 "Bob"
/// 3 "Cy"
/// *Arcs :1 "advice"
/// 1 2 3
/// *Edges :2 "friendship"
/// 2 3
/// *Partition office.clu
/// *Vertices 3
/// 1
/// 1
/// 2
/// ```
///
/// ```swift
/// let net = try PajekFormat.read(SourceText.read(path: "Lazega-Law-Firm.paj"))
/// net.layer("advice")?.edgeCount      // 892
/// ```
///
/// **Reading.**
/// - Keywords are case-insensitive; `%` lines are comments; blank lines are skipped;
///   `*Network name` names the network.
/// - `*Vertices n` declares vertices 1…n, whose ids are their numbers (`"1"` … `"n"`); vertex
///   lines (`k "label" [x y [z]] [shape] [param value …]`) may list some of them in any order
///   and give their labels. Coordinates become double attributes `x`, `y`, `z`, the shape a
///   string `shape`, and `param value` pairs (`ic Red`, networkx's extra string attributes)
///   attributes named by the parameter. `"` written as `&#34;` (igraph) and other character
///   references are decoded.
/// - Two-mode `*Vertices n m`: the first m vertices are the first mode, of kind `actor`; the
///   other n − m are of kind `event` (Davis's women and events). One-mode vertices are actors.
/// - `*Arcs` (directed) and `*Edges` (undirected) lines `u v [weight] [param value …]` (a third
///   word that is neither a number nor a Pajek edge parameter such as `c` or `l` is a bad
///   weight);
///   `*Arcslist` / `*Edgeslist` lines `u v1 v2 …`; `*Matrix` rows (n × n arcs, or m × (n − m)
///   edges between the modes of a two-mode network) whose non-zero entries are weights.
/// - Relations: a header `*Arcs :k "name"` names relation k and puts the section's lines in
///   it; a line prefix `k:` (Lazega-Law-Firm.paj) puts that line in relation k. Each relation
///   is a layer named by its declared name (else by its number); lines without either are in
///   the relation `edge`. A relation given as both arcs and edges is an error.
/// - `*Partition name` / `*Vector name` followed by `*Vertices n` and n values become integer /
///   numeric node attributes named without the `.clu` / `.vec` extension (a vector whose
///   values are all integers is an integer column; 9999998, Pajek's missing value, is
///   missing). Their count must match the network's.
/// - A project with several networks: the first one is read, with the partitions and vectors
///   that come after it and before the next network; the rest is skipped. `*Permutation`,
///   `*Cluster` and `*Hierarchy` sections are skipped.
/// - Errors carry line and column: an arc to vertex 99 of 5, an unknown `*Keyword`, a quote
///   not closed on its line, a partition shorter than its `*Vertices`, a truncated matrix.
///
/// **Writing.** When the node ids are the numbers 1…n they are the vertex numbers and the
/// labels are written as labels, so everything reads back unchanged; otherwise vertices are
/// numbered by position and the ids are written as labels (display labels are then lost, and
/// read back as labels while the ids become numbers). A network with exactly two node kinds is
/// written two-mode (`*Vertices n m`), actors (or else the first node's kind) numbered first,
/// and reads back with the kinds `actor` and `event`; other kinds are not kept (nor two kinds
/// whose numbered ids interleave). `x`/`y`/`z` attributes become coordinates, `shape` the
/// vertex shape. A network whose only relation is `edge` gets one plain `*Arcs`/`*Edges`
/// section, others one `*Arcs :k "relation"` / `*Edges :k "relation"` section per relation.
/// Integer and boolean node attributes become `*Partition`s (booleans as 1/0), doubles
/// `*Vector`s (missing → 9999998); string and date attributes and all edge attributes other than
/// the weight are not written. Labels keep UTF-8; `"` and `&` become `&#34;` and `&#38;`.
///
/// networkx's `read_pajek` reads only `*Vertices n`, one `*Arcs`/`*Edges` section and nothing
/// after it, and igraph rejects `:k` relation headers: files with several relations,
/// partitions or two modes are for Pajek and for this reader (igraph reads two-mode files).
public enum PajekFormat {
    /// Reads a Pajek network or the first network of a project.
    /// - Complexity: O(length of the file + vertices).
    public static func read(_ text: SourceText) throws(GraphIOError) -> Network {
        var reader = PajekReader(text)
        return try reader.read()
    }

    /// The parameters Pajek's drawing reads on arc and edge lines (after the optional weight).
    static let edgeParameters: Set<String> = ["w", "c", "p", "s", "a", "ap", "l", "lp", "lr", "lphi", "lc", "la",
                                              "fos", "font", "h1", "h2", "a1", "a2", "k1", "k2"]

    /// The vertex shapes Pajek draws.
    static let shapes: Set<String> = ["ellipse", "box", "diamond", "triangle", "cross", "empty", "man", "woman", "house"]
}
