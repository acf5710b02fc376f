import GraphCore

/// What each format can hold, checked before a network is written: a writer never changes an id
/// silently (two ids made equal would merge nodes) nor writes text its own reader refuses.
///
/// - Every format: no NUL character anywhere (ids, labels, relation names, attribute names and
///   text values): every reader refuses NUL, and C strings (Graphviz) cannot hold it.
/// - GraphML and GEXF: no control character XML 1.0 forbids (below U+0020 but tab, line feed
///   and carriage return; U+FFFE, U+FFFF), not even as a character reference.
/// - Edge and adjacency lists: ids are tokens: no space, tab, comma, semicolon or line break,
///   not empty, not starting with `#` or `%` (comment markers).
/// - DOT: no id (and no dataset name) starting with `%`: cgraph treats such names as its own
///   anonymous ones and reads them back renamed (`%5`), quoted or not.
public enum WritableText {
    /// The first text of `network` that `format` cannot hold, with what it is (`node id`, …).
    /// - Complexity: O(total text).
    public static func firstUnwritable(_ network: Network, format: GraphFormat) -> (what: String, text: String, reason: String)? {
        if format == .edgelist || format == .adjlist {
            for id in network.ids where EdgeListFormat.token(id) != id {
                return ("node id", id, "an edge or adjacency list id cannot be empty, hold spaces, tabs, commas, semicolons or line breaks, or start with # or %")
            }
        }
        if format == .dot {
            for id in network.ids where id.hasPrefix("%") {
                return ("node id", id, "Graphviz reads names that start with % as anonymous and renames them")
            }
            if let name = network.metadata.name, name.hasPrefix("%") {
                return ("dataset name", name, "Graphviz reads names that start with % as anonymous and renames them")
            }
        }
        let xml = format == .graphml || format == .gexf
        func bad(_ s: String) -> String? {
            for u in s.unicodeScalars {
                if u.value == 0 { return "it holds a NUL character, which no format can hold" }
                if xml && ((u.value < 0x20 && u.value != 9 && u.value != 10 && u.value != 13) || u.value == 0xFFFE || u.value == 0xFFFF) {
                    return "it holds the control character U+\(String(u.value, radix: 16, uppercase: true)), which XML cannot hold"
                }
            }
            return nil
        }
        for id in network.ids { if let r = bad(id) { return ("node id", id, r) } }
        for case let l? in network.labels { if let r = bad(l) { return ("label", l, r) } }
        for name in [network.metadata.name, network.metadata.title].compactMap({ $0 }) {
            if let r = bad(name) { return ("dataset name", name, r) }
        }
        func table(_ t: AttributeTable, _ what: String) -> (String, String, String)? {
            for c in t.columns {
                if let r = bad(c.name) { return ("\(what) attribute name", c.name, r) }
                guard c.type == .string else { continue }
                for case let .string(s)? in c.values { if let r = bad(s) { return ("\(what) attribute \(c.name)", s, r) } }
            }
            return nil
        }
        if let t = table(network.nodeAttributes, "node") { return t }
        for l in network.layers {
            if let r = bad(l.relation.rawValue) { return ("relation", l.relation.rawValue, r) }
            if let t = table(l.attributes, "edge") { return t }
        }
        return nil
    }

    /// Throws when `format` cannot hold the network's text (see ``firstUnwritable(_:format:)``).
    /// - Throws: ``GraphIOError`` `.badData` (exit 65) naming the output and the text.
    public static func check(_ network: Network, format: GraphFormat, output: String) throws(GraphIOError) {
        if let (what, text, reason) = firstUnwritable(network, format: format) {
            throw GraphIOError(.badData, file: output, "cannot write the \(what) \(GraphIOError.quote(text)) as \(format.rawValue): \(reason)")
        }
    }
}
