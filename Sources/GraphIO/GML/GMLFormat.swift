import GraphCore

/// GML (Graph Modelling Language; M. Himsolt, "GML: A portable Graph File Format", Universität
/// Passau, 1996), as networkx and igraph write it.
///
/// ```
/// graph [
///   directed 1
///   node [ id 0 label "as1" kind "actor" age 41 ]
///   node [ id 1 label "cg71" kind "organization" ]
///   edge [ source 0 target 1 relation "member" weight 2.0 ]
/// ]
/// ```
///
/// ```swift
/// let net = try GMLFormat.read(SourceText.read(path: "karate.gml"))
/// let bytes = GMLFormat.write(net)
/// ```
///
/// **Reading.** The first top-level `graph [ … ]` is read (other top-level keys such as
/// igraph's `Creator` and any later graph are skipped).
/// - Node ids are the GML `id`s as text (`id 0` → `"0"`, `id "as1"` → `"as1"`; edges name nodes
///   by them), labels the `label`s. networkx writes `id` as a renumbering 0…n−1 and the node's
///   own name as `label`, so a networkx file reads back with ids `"0"`… and the names as
///   labels; igraph writes the name as the attribute `name`. Our writer's `display_label` sets
///   the label, and a label equal to the id is no label.
/// - `kind` → ``NodeKind`` (default `actor`); edge `relation` → the relation layer (default
///   `edge`); `weight` → the edge weight; edge `directed 0/1` overrides the graph's `directed`
///   for that edge's layer. An integer `key` (networkx's multigraph numbering) is dropped, any
///   other `key` is kept as an attribute. `multigraph` is ignored: layers always allow
///   parallel edges.
/// - Other keys become typed attribute columns: integers, reals (a key that is an integer on
///   some records and a real on others is a double column) and strings, with character
///   references (`&quot;`, `&#1234;`, `&eacute;`) decoded; a key with strings and numbers is a
///   string column. A nested list (`graphics [ x 1.0 y 2.0 ]`) is kept as a string holding its
///   GML text, `"[x 1.0 y 2.0]"`. A key repeated inside one record keeps its last value.
/// - Graph-level `name`, `title`, `source`, `licence`, `organization_kind` strings fill the
///   network's metadata; other graph-level keys are ignored.
/// - Errors (unbalanced brackets, an unterminated string, a key without value, an edge to an
///   unknown id, binary data, invalid UTF-8) carry line and column; nothing is recursive, so no
///   input can exhaust the stack.
///
/// **Writing.** `id` is the node id (an integer when the id is one written canonically, `12`,
/// else a quoted string, which networkx and our reader accept but Himsolt's spec and igraph do
/// not) and `label` repeats the id, so networkx's `read_gml(path, label="id")` names nodes by our
/// ids (integers where they are) and its default `label="label"` by our ids as strings; a label
/// other than the id is written as `display_label`. Non-ASCII characters, `"` and `&` become
/// `&#N;`. Booleans are written as 1/0 and dates as `"YYYY-MM-DD"` strings (GML has only
/// integers, reals and strings), so they read back as integer and string columns. Attribute
/// names are made valid GML keys (see ``keys(for:reserved:)``). Mixed directions, multigraphs,
/// kinds, relations and weights follow ``WriterPlan``. Integers are written as they are, even
/// beyond GML's 32 bits.
public enum GMLFormat {}
