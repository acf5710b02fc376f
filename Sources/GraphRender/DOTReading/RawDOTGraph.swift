internal import CGraphviz

/// A DOT graph as cgraph parsed it, copied out into Swift values while the Graphviz gate is
/// held, so that building the ``Network`` (text decoding, typing, errors) runs outside it.
/// Names and values are raw bytes: their encoding depends on the graph's `charset`.
struct RawDOTGraph: Sendable {
    /// One attribute value of an object: the attribute's index in the kind's name list.
    struct Value: Sendable {
        var attribute: Int
        var bytes: [UInt8]
        /// Whether cgraph read it as an HTML string (`<…>`).
        var isHTML: Bool
    }

    struct Node: Sendable {
        var name: [UInt8]
        var values: [Value]
    }

    struct Edge: Sendable {
        var tail: Int32
        var head: Int32
        var values: [Value]
    }

    /// A subgraph whose name starts with `cluster`.
    struct Cluster: Sendable {
        var name: [UInt8]
        /// Graph attributes whose value differs from the root graph's.
        var values: [Value]
        /// The enclosing cluster (through any plain subgraphs), or -1.
        var parent: Int
        /// Nodes in this cluster and in no cluster nested in it, ascending.
        var directMembers: [Int32]
    }

    var name: [UInt8] = []
    var directed = false
    var strict = false
    var graphAttributeNames: [[UInt8]] = []
    var nodeAttributeNames: [[UInt8]] = []
    var edgeAttributeNames: [[UInt8]] = []
    /// Root graph attributes with a non-empty value.
    var graphValues: [Value] = []
    var nodes: [Node] = []
    /// Edges in the order cgraph created them (the file's order).
    var edges: [Edge] = []
    var clusters: [Cluster] = []

    /// The root's value of a graph attribute.
    func graphValue(_ name: String) -> Value? {
        let key = Array(name.utf8)
        guard let i = graphAttributeNames.firstIndex(of: key) else { return nil }
        return graphValues.first { $0.attribute == i }
    }
}

/// Copies of C strings as bytes.
enum CText {
    static func bytes(_ p: UnsafePointer<CChar>?) -> [UInt8] {
        guard let p else { return [] }
        var n = 0
        while p[n] != 0 { n += 1 }
        return p.withMemoryRebound(to: UInt8.self, capacity: n) { Array(UnsafeBufferPointer(start: $0, count: n)) }
    }

    static func bytes(_ p: UnsafeMutablePointer<CChar>?) -> [UInt8] { bytes(UnsafePointer(p)) }
}

extension GraphvizSession {
    /// Walks a parsed graph and copies out its nodes, edges, clusters and attributes.
    /// - Complexity: O((n + m) · attributes + clusters · n).
    func extract(_ g: UnsafeMutablePointer<Agraph_t>) -> RawDOTGraph {
        var raw = RawDOTGraph()
        raw.name = CText.bytes(agnameof(UnsafeMutableRawPointer(g)))
        raw.directed = agisdirected(g) != 0
        raw.strict = agisstrict(g) != 0

        func symbols(_ kind: Int32) -> [UnsafeMutablePointer<Agsym_t>] {
            var out: [UnsafeMutablePointer<Agsym_t>] = []
            var s = agnxtattr(g, kind, nil)
            while let sym = s { out.append(sym); s = agnxtattr(g, kind, sym) }
            return out
        }
        let graphSyms = symbols(Int32(AGRAPH))
        let nodeSyms = symbols(Int32(AGNODE))
        let edgeSyms = symbols(Int32(AGOUTEDGE))
        raw.graphAttributeNames = graphSyms.map { CText.bytes($0.pointee.name) }
        raw.nodeAttributeNames = nodeSyms.map { CText.bytes($0.pointee.name) }
        raw.edgeAttributeNames = edgeSyms.map { CText.bytes($0.pointee.name) }

        func values(_ obj: UnsafeMutableRawPointer, _ syms: [UnsafeMutablePointer<Agsym_t>]) -> [RawDOTGraph.Value] {
            var out: [RawDOTGraph.Value] = []
            for (i, sym) in syms.enumerated() {
                guard let v = agxget(obj, sym), v[0] != 0 else { continue }
                out.append(.init(attribute: i, bytes: CText.bytes(v), isHTML: interstice_aghtmlstr(v) != 0))
            }
            return out
        }
        raw.graphValues = values(UnsafeMutableRawPointer(g), graphSyms)

        // Nodes, in creation order; cgraph's sequence numbers map back to our indices.
        var indexOfSeq: [UInt: Int32] = [:]
        var n = agfstnode(g)
        while let node = n {
            indexOfSeq[interstice_agseq(UnsafeMutableRawPointer(node))] = Int32(raw.nodes.count)
            raw.nodes.append(.init(name: CText.bytes(agnameof(UnsafeMutableRawPointer(node))),
                                   values: values(UnsafeMutableRawPointer(node), nodeSyms)))
            n = agnxtnode(g, node)
        }

        // Edges, sorted by sequence number (the order of the file).
        var edges: [(seq: UInt, edge: RawDOTGraph.Edge)] = []
        n = agfstnode(g)
        while let node = n {
            var e = agfstout(g, node)
            while let edge = e {
                let t = indexOfSeq[interstice_agseq(UnsafeMutableRawPointer(interstice_agtail(edge)))] ?? -1
                let h = indexOfSeq[interstice_agseq(UnsafeMutableRawPointer(interstice_aghead(edge)))] ?? -1
                if t >= 0 && h >= 0 {
                    edges.append((interstice_agseq(UnsafeMutableRawPointer(edge)),
                                  .init(tail: t, head: h, values: values(UnsafeMutableRawPointer(edge), edgeSyms))))
                }
                e = agnxtout(g, edge)
            }
            n = agnxtnode(g, node)
        }
        edges.sort { $0.seq < $1.seq }
        raw.edges = edges.map(\.edge)

        // Clusters: pre-order through every subgraph; plain subgraphs are looked through.
        let rootValues = raw.graphValues
        var full: [Set<Int32>] = []
        var children: [[Int]] = []
        func members(_ s: UnsafeMutablePointer<Agraph_t>) -> Set<Int32> {
            var out = Set<Int32>()
            var m = agfstnode(s)
            while let node = m {
                if let i = indexOfSeq[interstice_agseq(UnsafeMutableRawPointer(node))] { out.insert(i) }
                m = agnxtnode(s, node)
            }
            return out
        }
        func visit(_ parent: UnsafeMutablePointer<Agraph_t>, enclosing: Int) {
            // cgraph lists subgraphs by name; the file's order is their sequence numbers.
            var subgraphs: [UnsafeMutablePointer<Agraph_t>] = []
            var s = agfstsubg(parent)
            while let sub = s { subgraphs.append(sub); s = agnxtsubg(sub) }
            subgraphs.sort { interstice_agseq(UnsafeMutableRawPointer($0)) < interstice_agseq(UnsafeMutableRawPointer($1)) }
            for sub in subgraphs {
                let name = CText.bytes(agnameof(UnsafeMutableRawPointer(sub)))
                if name.starts(with: Array("cluster".utf8)) {
                    let own = values(UnsafeMutableRawPointer(sub), graphSyms).filter { v in
                        !rootValues.contains { $0.attribute == v.attribute && $0.bytes == v.bytes }
                    }
                    let index = raw.clusters.count
                    raw.clusters.append(.init(name: name, values: own, parent: enclosing, directMembers: []))
                    full.append(members(sub))
                    children.append([])
                    if enclosing >= 0 { children[enclosing].append(index) }
                    visit(sub, enclosing: index)
                } else {
                    visit(sub, enclosing: enclosing)
                }
            }
        }
        visit(g, enclosing: -1)
        for c in raw.clusters.indices {
            var direct = full[c]
            for child in children[c] { direct.subtract(full[child]) }
            raw.clusters[c].directMembers = direct.sorted()
        }
        return raw
    }
}
