import GraphCore

/// JSON node-link graphs, as networkx's `node_link_data` writes them (and d3 force layouts read
/// them).
///
/// ```json
/// {"directed": true, "multigraph": false, "graph": {"name": "cucm"},
///  "nodes": [{"id": "as1", "kind": "actor", "age": 41}, {"id": "cg71", "kind": "organization"}],
///  "edges": [{"source": "as1", "target": "cg71", "relation": "member", "weight": 2.0}]}
/// ```
///
/// ```swift
/// let net = try NodeLinkJSONFormat.read(SourceText.read(path: "graph.json"))
/// ```
///
/// **Reading.**
/// - Node `id`s may be strings or numbers (a number's id is its JSON text, `12`, `1.5`; an array
///   id, networkx's tuple, its compact JSON); a node without `id` gets its position, as in
///   networkx. Edge `source` / `target` name node ids the same way (d3 files whose links use
///   positions and whose nodes have no ids therefore work too).
/// - Edges come from `"edges"` (networkx ≥ 3.4) or else `"links"` (earlier versions, d3).
/// - `kind` → ``NodeKind`` (default `actor`), `label` → label; edge `relation` → relation layer
///   (default `edge`), `weight` → weight; edge `directed` (a boolean) overrides the top-level
///   `directed` for its layer. An integer `key` (networkx's multigraph numbering) is dropped,
///   any other kept. `multigraph` is ignored: layers always allow parallel edges.
/// - Other members are typed attribute columns from their JSON types: integers (numbers without
///   fraction or exponent), doubles (a member that is `3` on one node and `3.5` on another is a
///   double column), booleans, strings; a member mixing types is a string column. `null` is a
///   missing value. Arrays and objects are kept as their compact JSON text (`[1,2]`).
/// - `graph`: `name`, `title`, `source`, `licence`, `organization_kind` and `relations` fill
///   the network's metadata; other members are ignored.
/// - Syntax errors (trailing commas, unterminated strings, bad escapes, truncated files) and
///   wrong types (`"nodes": {}`, a node that is a number, an edge to an unknown id, a string
///   weight) carry line and column. See ``JSONParser`` for why it is written by hand.
///
/// **Writing.** The layout of `node_link_data(G, edges="edges")`: `directed`, `multigraph`,
/// `graph` (the metadata), `nodes`, `edges`, one node or edge per line. Ids written
/// canonically as integers (`12`) become JSON numbers, others strings. Labels are written as
/// `label`; kinds, relations, weights, mixed directions and multigraphs follow ``WriterPlan``.
/// Dates are written as `"YYYY-MM-DD"` strings and read back as strings; non-finite doubles as
/// `NaN` / `Infinity` (Python reads them; strict JSON parsers do not).
public enum NodeLinkJSONFormat {}
