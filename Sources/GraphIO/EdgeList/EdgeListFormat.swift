import GraphCore

/// Plain edge lists as SNAP and Konect publish them: one edge per line, `source target
/// [weight [timestamp …]]`, separated by spaces, tabs, commas or semicolons (or only by
/// ``ReadOptions/delimiter``, when given: then `Loïc Müller;Zoé Garçon` is one edge); `#` and
/// `%` comment lines; a line with one token is an isolated node. Node ids are tokens without
/// separators, or quoted (`"Loïc Müller" "Zoé Garçon"`, a quote inside doubled). A first line `source,target[,weight…]` (or `from to`) is read as a header naming
/// the columns.
///
/// Direction: ``ReadOptions/directed`` when given; else from the header comments (SNAP's
/// `# Directed graph` / `# Undirected graph`, Konect's `% asym` / `% sym`); else undirected.
/// Columns after the weight become edge attributes (`time` for Konect's fourth column).
public enum EdgeListFormat {
    /// Reads an edge list into a network (nodes in order of first appearance, kind `actor`).
    /// - Complexity: O(file size).
    public static func read(_ text: SourceText, options: ReadOptions = ReadOptions()) throws(GraphIOError) -> Network {
        try text.validateUTF8()
        var tok = LineTokenizer(text, delimiter: options.delimiter?.asciiValue, quotes: true)
        var tokens: [LineTokenizer.Token] = []
        var headerDirection: Bool?
        var net = Network()
        var names: [String]? = nil
        var extra: [(name: String, cells: [(edge: Int, text: String, offset: Int)])] = []
        var first = true
        var layerMade = false
        func sniff(_ c: String) {
            let l = c.lowercased()
            if l.contains("undirected") { headerDirection = false } else if l.contains("directed") { headerDirection = true }
            let words = l.split(separator: " ")
            if words.first == "asym" || words.first == "bip" { headerDirection = true }
            if words.first == "sym" { headerDirection = false }
        }
        while try tok.nextLine(tokens: &tokens, comment: sniff) {
            if first {
                first = false
                let t0 = tok.string(tokens[0]).lowercased()
                if tokens.count >= 2 && ["source", "from", "src", "node1", "u"].contains(t0) && Double(t0) == nil {
                    names = tokens.map { tok.string($0) }
                    continue
                }
            }
            if !layerMade {
                let directed = options.directed ?? headerDirection ?? false
                do { try net.addLayer(options.relation, direction: directed ? .directed : .undirected) }
                catch { throw GraphIOError(error, file: text.name) }
                layerMade = true
            }
            if tokens.count == 1 && tok.pos >= text.bytes.count && text.bytes.last != 10 && net.edgeCount > 0 {
                // A last line cut after its first token, in a file of edges: truncated.
                throw text.error(at: text.bytes.count, "unexpected end of file: the last line has a source and no target")
            }
            for k in 0..<min(2, tokens.count) where tokens[k].start == tokens[k].end && !tokens[k].quoted {
                throw text.error(at: tokens[k].start, "empty \(k == 0 ? "source" : "target") id")
            }
            let u = net.node(tok.string(tokens[0]))
            guard tokens.count >= 2 else { continue }
            let v = net.node(tok.string(tokens[1]))
            var weight = 1.0
            if tokens.count >= 3 && tokens[2].end > tokens[2].start {
                let t = tok.string(tokens[2])
                guard let w = ValueText.weight(t) else {
                    throw text.error(at: tokens[2].start, "expected \(ValueText.weightExpected) for weight (third column), found \(GraphIOError.quote(t))")
                }
                weight = w
            }
            let e: Int
            do { e = try net.addEdge(u, v, relation: options.relation, weight: weight) }
            catch { throw GraphIOError(error, file: text.name) }
            if tokens.count > 3 {
                for k in 3..<tokens.count {
                    let name = names.flatMap { k < $0.count ? $0[k] : nil } ?? (k == 3 ? "time" : "column\(k + 1)")
                    if extra.count <= k - 3 { extra.append((name, [])) }
                    extra[k - 3].cells.append((e, tok.string(tokens[k]), tokens[k].start))
                }
            }
        }
        for col in extra {
            let type = ValueText.inferType(col.cells.map(\.text))
            do {
                try net.addEdgeAttribute(col.name, type: type, relation: options.relation)
                for c in col.cells {
                    try net.setEdgeAttribute(col.name, relation: options.relation, edge: c.edge,
                                             ValueText.parse(c.text, as: type))
                }
            } catch { throw GraphIOError(error, file: text.name) }
        }
        return net
    }

    /// Writes every layer's edges as `source target [weight]` lines (a weight column when any
    /// weight differs from 1), ids with separators replaced by `_`, isolated nodes as one-token
    /// lines, with a `# Directed graph` / `# Undirected graph` comment first.
    public static func write(_ network: Network) -> [UInt8] {
        var w = ByteWriter()
        let directed = network.layers.contains { $0.direction == .directed }
        w.write(directed ? "# Directed graph" : "# Undirected graph")
        w.write(" written by Interstice: \(network.nodeCount) nodes, \(network.edgeCount) edges\n")
        let weighted = network.layers.contains { $0.hasWeights }
        var touched = [Bool](repeating: false, count: network.nodeCount)
        let safe = network.ids.map(token)
        for l in network.layers {
            for e in 0..<l.edgeCount {
                let u = Int(l.sources[e]), v = Int(l.targets[e])
                touched[u] = true; touched[v] = true
                w.write(safe[u]); w.write(byte: 32); w.write(safe[v])
                if weighted { w.write(byte: 32); w.write(DatasetFolder.formatWeight(l.weights[e])) }
                w.newline()
            }
        }
        for v in 0..<network.nodeCount where !touched[v] { w.write(safe[v]); w.newline() }
        return w.bytes
    }

    static func token(_ id: String) -> String {
        var s = String(id.map { $0 == " " || $0 == "\t" || $0 == "," || $0 == ";" || $0 == "\n" || $0 == "\r" ? "_" : $0 })
        if s.hasPrefix("#") || s.hasPrefix("%") { s = "_" + s.dropFirst() }
        return s.isEmpty ? "_" : s
    }
}
