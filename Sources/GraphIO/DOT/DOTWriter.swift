import GraphCore

/// Writes a ``Network`` as plain Graphviz DOT: every node with its kind, label and attributes,
/// every edge with its relation, weight and attributes; no styling (GraphRender draws styled
/// diagrams). GraphRender's cgraph reader reads it back to the same network.
///
/// ```
/// // Interstice network: 3 nodes, 2 edges
/// digraph "cucm" {
///   "as1" [kind="actor", label="AS 1", "age"="34"];
///   "cg71" [kind="organization"];
///   "as1" -> "cg71" [relation="member"];
///   "as1" -> "as2" [relation="acquaintance", dir="none", weight="2.5"];
/// }
/// ```
///
/// - A network with any directed layer is a `digraph`; edges of its undirected layers carry
///   `dir="none"` (the reader turns a relation whose edges all have it back into an undirected
///   layer). A network with only undirected layers is a `graph`.
/// - Every id, name and value is a double-quoted string, so nothing is read as a keyword, a
///   number or an HTML-like label (`<…>`). Labels are `escString`s: `\` is written `\\` and a
///   line break `\n`, so Graphviz shows them as they are.
/// - A column named like one of the attributes used here (`kind`, `label` on nodes;
///   `relation`, `weight`, `dir` on edges) is written `data_<name>`.
///
/// Quoting is written by hand because DOT's quoted strings (cgraph's `scan.l`) have two
/// escapes only, `\"` and backslash-newline (a line continuation), and keep `\\` as two
/// characters: a run of an odd number of backslashes just before a quote, a line break or the
/// end cannot be written in a quoted string; such a string is written as an HTML string `<…>`
/// (verbatim) when it has no `<` or `>`, and otherwise gains one backslash. NUL characters
/// are dropped (C strings cannot hold them).
public enum DOTWriter {
    /// The DOT text of a network.
    /// - Complexity: O(n + m) times the number of attribute columns.
    public static func write(_ network: Network) -> [UInt8] {
        var w = ByteWriter(capacity: 64 * (network.nodeCount + network.edgeCount) + 256)
        let directed = network.layers.contains { $0.direction == .directed }
        w.write("// Interstice network: \(network.nodeCount) nodes, \(network.edgeCount) edges\n")
        w.write(directed ? "digraph" : "graph")
        if let name = network.metadata.name { w.write(" "); w.write(quote(name)) }
        w.write(" {\n")
        if let title = network.metadata.title { w.write("  label="); w.write(quoteLabel(title)); w.write(";\n") }

        let nodeColumns = network.nodeAttributes.columns
        let nodeNames = nodeColumns.map { quote(["kind", "label"].contains($0.name) ? "data_" + $0.name : $0.name) }
        for v in 0..<network.nodeCount {
            w.write("  "); w.write(quote(network.ids[v]))
            w.write(" [kind="); w.write(quote(network.kinds[v].rawValue))
            if let label = network.labels[v] { w.write(", label="); w.write(quoteLabel(label)) }
            for (c, column) in nodeColumns.enumerated() {
                guard let value = column[v] else { continue }
                w.write(", "); w.write(nodeNames[c]); w.write("="); w.write(quote(value.description))
            }
            w.write("];\n")
        }

        let arrow = directed ? " -> " : " -- "
        for layer in network.layers {
            let relation = quote(layer.relation.rawValue)
            let columns = layer.attributes.columns
            let names = columns.map { quote(["relation", "weight", "dir"].contains($0.name) ? "data_" + $0.name : $0.name) }
            let undirectedInDigraph = directed && layer.direction == .undirected
            for e in 0..<layer.edgeCount {
                w.write("  "); w.write(quote(network.ids[Int(layer.sources[e])]))
                w.write(arrow); w.write(quote(network.ids[Int(layer.targets[e])]))
                w.write(" [relation="); w.write(relation)
                if undirectedInDigraph { w.write(", dir=\"none\"") }
                if layer.weights[e] != 1 { w.write(", weight="); w.write(quote(AttributeValue.format(layer.weights[e]))) }
                for (c, column) in columns.enumerated() {
                    guard let value = column[e] else { continue }
                    w.write(", "); w.write(names[c]); w.write("="); w.write(quote(value.description))
                }
                w.write("];\n")
            }
        }
        w.write("}\n")
        return w.bytes
    }

    /// A DOT id for any text (see the type's notes on backslashes).
    ///
    /// ```swift
    /// DOTWriter.quote(#"say "hi""#)   // "\"say \\\"hi\\\"\""
    /// DOTWriter.quote("<b>")          // "\"<b>\"" (a string, not an HTML label)
    /// ```
    /// - Complexity: O(length).
    package static func quote(_ s: String) -> String {
        let scalars = s.unicodeScalars.filter { $0 != "\0" }
        // Is there an odd run of backslashes before a quote, a line break or the end?
        var run = 0, awkward = false
        for c in scalars {
            if c == "\\" { run += 1; continue }
            if run % 2 == 1 && (c == "\"" || c == "\n") { awkward = true }
            run = 0
        }
        if run % 2 == 1 { awkward = true }
        if awkward && !scalars.contains("<") && !scalars.contains(">") {
            var out = "<"
            out.unicodeScalars.append(contentsOf: scalars)
            return out + ">"
        }
        var out = "\""
        run = 0
        for c in scalars {
            if c == "\\" { run += 1; out.unicodeScalars.append(c); continue }
            if run % 2 == 1 && (c == "\"" || c == "\n") { out += "\\" }
            run = 0
            if c == "\"" { out += "\\\"" } else { out.unicodeScalars.append(c) }
        }
        if run % 2 == 1 { out += "\\" }
        return out + "\""
    }

    /// A DOT label (an `escString`) that Graphviz shows as the text itself: backslashes
    /// doubled, line breaks as `\n`, quotes escaped.
    ///
    /// ```swift
    /// DOTWriter.quoteLabel("a\\b\nc")   // "\"a\\\\b\\nc\""
    /// ```
    /// - Complexity: O(length).
    package static func quoteLabel(_ s: String) -> String {
        var out = "\""
        for c in s.unicodeScalars {
            switch c {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\r", "\0": break
            default: out.unicodeScalars.append(c)
            }
        }
        return out + "\""
    }
}
