import GraphCore

/// Edges of an XML graph file (GraphML, GEXF), kept in file order until the whole graph is
/// read, then added to the ``Network``.
///
/// Both formats let an edge come before the nodes it names (nested GraphML graphs, GEXF files
/// that put `<edges>` first), so an edge can only be checked once every node is known. Storage
/// is columnar (one array per field, attribute values in one flat array), so buffering costs a
/// few words per edge and no allocation per edge.
///
/// - Complexity: `begin`/`end`/`addAttribute` amortized O(1); `finish` O(edges + values).
struct XMLEdgeBuffer {
    /// Node index when known at the time, else `-(k + 1)` for `pendingIDs[k]`.
    private var sources: [Int32] = []
    private var targets: [Int32] = []
    private var pendingIDs: [String] = []
    private var offsets: [Int] = []
    private var relationOf: [Int32] = []
    private var directed: [Bool] = []
    /// 0: an ordinary edge; 1: one arc of an undirected tie written as two arcs marked
    /// `mutual` (GraphML's `mutual` data, GEXF's `type="mutual"`); 2: the reverse arc the reader
    /// added for a GEXF mutual edge.
    private var mutual: [UInt8] = []
    private var weights: [Double] = []
    /// End of each edge's values in `valueColumn`/`values`.
    private var valueEnd: [Int] = []
    private var valueColumn: [Int32] = []
    private var values: [AttributeValue] = []

    /// Attribute names by column number.
    private var columnNames: [String] = []
    private var columnIndex: [String: Int32] = [:]
    private var relations: [Relation] = []
    private var relationIndex: [Relation: Int32] = [:]

    var count: Int { sources.count }

    /// The column number of an edge attribute name.
    mutating func column(_ name: String) -> Int32 {
        if let c = columnIndex[name] { return c }
        let c = Int32(columnNames.count)
        columnNames.append(name)
        columnIndex[name] = c
        return c
    }

    /// The number of a relation.
    mutating func relation(_ r: Relation) -> Int32 {
        if let i = relationIndex[r] { return i }
        let i = Int32(relations.count)
        relations.append(r)
        relationIndex[r] = i
        return i
    }

    private mutating func reference(_ id: String, in network: Network) -> Int32 {
        if let v = network.index(of: id) { return v }
        pendingIDs.append(id)
        return -Int32(pendingIDs.count)
    }

    /// Starts an edge (relation `edge`, weight 1 until set).
    mutating func begin(source: String, target: String, offset: Int, directed isDirected: Bool, in network: Network) {
        sources.append(reference(source, in: network))
        targets.append(reference(target, in: network))
        offsets.append(offset)
        directed.append(isDirected)
        relationOf.append(relation("edge"))
        weights.append(1)
        mutual.append(0)
    }

    /// Marks the open edge as one arc of an undirected tie (Interstice's `mutual` data in GraphML).
    mutating func setMutual(_ m: Bool) { mutual[mutual.count - 1] = m ? 1 : 0 }

    /// Sets the open edge's relation.
    mutating func setRelation(_ r: Relation) { relationOf[relationOf.count - 1] = relation(r) }

    /// Sets the open edge's weight.
    mutating func setWeight(_ w: Double) { weights[weights.count - 1] = w }

    /// Adds a value to the open edge (a later value of the same column wins).
    mutating func addAttribute(column: Int32, _ value: AttributeValue) {
        valueColumn.append(column)
        values.append(value)
    }

    /// Closes the open edge.
    mutating func end() { valueEnd.append(values.count) }

    /// Appends a copy of the last edge with its ends swapped (GEXF's mutual edges); with `fold`
    /// the pair is marked as one undirected tie.
    mutating func appendReverseOfLast(fold: Bool) {
        let e = count - 1
        mutual[e] = fold ? 1 : 0
        mutual.append(fold ? 2 : 0)
        sources.append(targets[e]); targets.append(sources[e])
        offsets.append(offsets[e]); directed.append(directed[e])
        relationOf.append(relationOf[e]); weights.append(weights[e])
        let start = e == 0 ? 0 : valueEnd[e - 1]
        for k in start..<valueEnd[e] {
            valueColumn.append(valueColumn[k])
            values.append(values[k])
        }
        valueEnd.append(values.count)
    }

    /// Adds every edge to `network` in file order.
    /// - Throws: at an edge that names an unknown node, or whose direction or attribute types
    ///   conflict with earlier edges of its relation.
    ///
    /// A relation whose edges are all marked mutual is an undirected relation written as pairs
    /// of arcs (how Interstice writes a mixed network so that networkx, igraph and Gephi read
    /// it): its pairs fold back into one undirected edge each. Mutual edges of a relation that
    /// also has plain arcs stay arcs, both ways.
    func finish(into network: inout Network, text: SourceText) throws(GraphIOError) {
        var allMutual = [Bool](repeating: true, count: relations.count)
        for e in 0..<count where mutual[e] == 0 { allMutual[Int(relationOf[e])] = false }
        // Which edges to keep: in an all-mutual relation, drop added reverses and, of two arcs
        // written for one tie, the second.
        var keep = [Bool](repeating: true, count: count)
        var pending: [PairKey: Int] = [:]
        for e in 0..<count where allMutual[Int(relationOf[e])] {
            if mutual[e] == 2 { keep[e] = false; continue }
            let u = try resolve(sources[e], network, text, offsets[e], "source")
            let v = try resolve(targets[e], network, text, offsets[e], "target")
            guard u != v else { continue }
            let k = PairKey(relation: relationOf[e], u: u, v: v)
            if let c = pending[k], c > 0 {
                pending[k] = c - 1
                keep[e] = false
            } else {
                pending[PairKey(relation: relationOf[e], u: v, v: u), default: 0] += 1
            }
        }
        // Declare the layers in first-seen order, each with its first edge's direction, and
        // reserve room.
        var counts = [Int](repeating: 0, count: relations.count)
        var firstDirected = [Bool?](repeating: nil, count: relations.count)
        for e in 0..<count where keep[e] {
            let r = Int(relationOf[e])
            counts[r] += 1
            if firstDirected[r] == nil { firstDirected[r] = allMutual[r] ? false : directed[e] }
        }
        var order: [Int] = []
        var seen = [Bool](repeating: false, count: relations.count)
        for e in 0..<count where keep[e] && !seen[Int(relationOf[e])] {
            seen[Int(relationOf[e])] = true
            order.append(Int(relationOf[e]))
        }
        for r in order {
            let d: EdgeDirection = firstDirected[r]! ? .directed : .undirected
            do { try network.addLayer(relations[r], direction: d) } catch {
                throw text.error(at: offsets[0], error.description)
            }
            network.reserveEdges(counts[r], relation: relations[r])
        }
        var start = 0
        for e in 0..<count {
            defer { start = valueEnd[e] }
            guard keep[e] else { continue }
            let u = try resolve(sources[e], network, text, offsets[e], "source")
            let v = try resolve(targets[e], network, text, offsets[e], "target")
            let rel = relations[Int(relationOf[e])]
            let d: EdgeDirection = directed[e] && !allMutual[Int(relationOf[e])] ? .directed : .undirected
            let index: Int
            do {
                index = try network.addEdge(u, v, relation: rel, weight: weights[e], direction: d)
            } catch {
                throw text.error(at: offsets[e], "this \(d) edge joins relation \"\(rel)\", whose earlier edges are \(d == .directed ? "undirected" : "directed"): one relation has one direction; give these edges another relation")
            }
            for k in start..<valueEnd[e] {
                do {
                    try network.setEdgeAttribute(columnNames[Int(valueColumn[k])], relation: rel, edge: index, values[k])
                } catch {
                    throw text.error(at: offsets[e], "in relation \"\(rel)\": \(error.description)")
                }
            }
        }
    }

    /// A relation and an ordered pair of node references.
    private struct PairKey: Hashable {
        let relation: Int32
        let u: Int32
        let v: Int32
    }

    private func resolve(_ ref: Int32, _ network: Network, _ text: SourceText, _ offset: Int,
                         _ end: String) throws(GraphIOError) -> Int32 {
        if ref >= 0 { return ref }
        let id = pendingIDs[Int(-ref) - 1]
        if let v = network.index(of: id) { return v }
        throw text.error(at: offset, "unknown node \(GraphIOError.quote(id)): the edge's \(end) is not a node of the graph; declare it with <node id=\(GraphIOError.quote(id))>")
    }
}
