import GraphCore

/// Adjacency lists: `node neighbour neighbour …` per line (networkx's `write_adjlist`), or
/// SNAP's `node: neighbour neighbour …`, with `#`/`%` comments. A first line holding a single
/// number before `u:` lines is SNAP's node count and is checked, not read as a node.
///
/// networkx lists each undirected edge once (a repeated neighbour is a parallel edge: every
/// listing is kept); SNAP's `u:` layout lists each edge from both ends, so there repeated
/// `{u, v}` pairs of an undirected read are merged.
public enum AdjacencyListFormat {
    /// - Complexity: O(file size).
    public static func read(_ text: SourceText, options: ReadOptions = ReadOptions()) throws(GraphIOError) -> Network {
        try text.validateUTF8()
        var tok = LineTokenizer(text)
        var tokens: [LineTokenizer.Token] = []
        var net = Network()
        let directed = options.directed ?? false
        do { try net.addLayer(options.relation, direction: directed ? .directed : .undirected) }
        catch { throw GraphIOError(error, file: text.name) }
        var lines: [[LineTokenizer.Token]] = []
        while try tok.nextLine(tokens: &tokens) { lines.append(tokens) }
        let b = text.bytes
        let colonStyle = lines.contains { $0.first.map { b[$0.end - 1] == 58 } ?? false }
        var declaredCount: (Int, Int)? = nil
        var start = 0
        if colonStyle, let f = lines.first, f.count == 1, b[f[0].end - 1] != 58, let c = Int(tok.string(f[0])) {
            declaredCount = (c, f[0].start); start = 1
        }
        var seen = Set<UInt64>()
        for line in lines[start...] {
            var head = line[0]
            if b[head.end - 1] == 58 { head.end -= 1 }
            guard head.end > head.start else { throw text.error(at: head.start, "empty node id before ':'") }
            let u = net.node(tok.string(head))
            for t in line.dropFirst() {
                let v = net.node(tok.string(t))
                if !directed && colonStyle {
                    let key = UInt64(UInt32(min(u, v))) << 32 | UInt64(UInt32(max(u, v)))
                    guard seen.insert(key).inserted else { continue }
                }
                do { try net.addEdge(u, v, relation: options.relation) } catch { throw GraphIOError(error, file: text.name) }
            }
        }
        if let (c, offset) = declaredCount, c != net.nodeCount {
            throw text.error(at: offset, "the first line says \(c) nodes but the lists name \(net.nodeCount)")
        }
        return net
    }

    /// Writes networkx's adjacency-list layout: each node, then its neighbours of higher index
    /// (every neighbour for directed layers), all layers merged.
    public static func write(_ network: Network) -> [UInt8] {
        let g = network.graph(relations: network.relations, weights: .unweighted, parallelEdges: .first)
        var w = ByteWriter()
        w.write(g.isDirected ? "# Directed graph\n" : "# Undirected graph\n")
        let safe = network.ids.map(EdgeListFormat.token)
        for u in 0..<g.nodeCount {
            w.write(safe[u])
            for v in g.neighbors(of: Int32(u)) where g.isDirected || Int(v) >= u {
                w.write(byte: 32); w.write(safe[Int(v)])
            }
            w.newline()
        }
        return w.bytes
    }
}
