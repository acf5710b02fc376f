import GraphCore

/// Builds a ``Network`` from the node and edge records of a text format, the same way for GML,
/// Pajek and JSON node-link, so that the three agree on what the reserved keys mean:
///
/// | key | on | becomes |
/// | --- | --- | --- |
/// | `kind` | node | the node's ``NodeKind`` (default `actor`) |
/// | `label` | node | the node's label |
/// | `relation` | edge | the edge's ``Relation`` layer (default `edge`) |
/// | `weight` | edge | the edge weight (default 1) |
/// | `directed` | edge | the edge's direction when it differs from the graph's |
///
/// Every other key becomes a typed attribute column (see ``RawColumn`` for the typing rules).
/// Errors carry the byte offset of the record or value they are about.
struct NetworkAssembly {
    let source: SourceText
    private(set) var network = Network()
    var nodeColumns = RawColumns()
    var edgeColumns = RawColumns()
    /// Per edge row: the layer position and the edge's index in that layer.
    private var edgeLayer: [Int32] = []
    private var edgeIndex: [Int] = []

    init(source: SourceText) { self.source = source }

    /// The relation used when a record names none.
    static let defaultRelation: Relation = "edge"

    /// Adds a node; a duplicate id is an error at `offset`.
    /// - Complexity: O(1) amortized.
    @discardableResult
    mutating func addNode(_ id: String, kind: NodeKind, label: String?, at offset: Int) throws(GraphIOError) -> Int32 {
        do {
            return try network.addNode(id, kind: kind, label: label)
        } catch {
            throw source.error(at: offset, "node id \(GraphIOError.quote(id)) is used by two nodes; expected unique ids")
        }
    }

    mutating func reserveNodes(_ n: Int) { network.reserveNodes(n) }

    /// Adds an edge and returns its row (for ``edgeColumns``); a relation given both directions
    /// is an error at `offset`.
    /// - Complexity: O(1) amortized.
    @discardableResult
    mutating func addEdge(_ u: Int32, _ v: Int32, relation: Relation, weight: Double, directed: Bool,
                          at offset: Int) throws(GraphIOError) -> Int {
        let direction: EdgeDirection = directed ? .directed : .undirected
        do {
            let l = try network.addLayer(relation, direction: direction)
            let i = try network.addEdge(u, v, relation: relation, weight: weight, direction: direction)
            edgeLayer.append(Int32(l))
            edgeIndex.append(i)
        } catch {
            throw source.error(at: offset, "\(error.description); expected one direction per relation")
        }
        return edgeIndex.count - 1
    }

    mutating func setMetadata(_ m: DatasetMetadata) { network.metadata = m }

    /// Applies the collected attribute columns and returns the network.
    /// - Complexity: O(n + m + number of attribute values).
    mutating func finish() -> Network {
        for col in nodeColumns.columns {
            let type = col.type
            // Cannot conflict: the column is new and every value is converted to its type.
            try? network.addNodeAttribute(col.name, type: type)
            for (k, row) in col.rows.enumerated() {
                try? network.setNodeAttribute(col.name, of: Int32(row), RawColumn.convert(col.values[k], to: type))
            }
        }
        for col in edgeColumns.columns {
            let type = col.type
            for (k, row) in col.rows.enumerated() {
                let relation = network.layers[Int(edgeLayer[row])].relation
                try? network.setEdgeAttribute(col.name, relation: relation, edge: edgeIndex[row],
                                              RawColumn.convert(col.values[k], to: type))
            }
        }
        return network
    }

    /// The weight a value gives, or an error at `offset` naming what was found.
    func weight(_ value: RawValue, at offset: Int) throws(GraphIOError) -> Double {
        guard let w = value.number, w.isFinite else {
            throw source.error(at: offset, "expected \(ValueText.weightExpected) for weight, found \(GraphIOError.quote(value.text))")
        }
        return w
    }

    /// The direction a `directed` value gives: a boolean, or the integers 0 and 1.
    func direction(_ value: RawValue, at offset: Int) throws(GraphIOError) -> Bool {
        switch value {
        case .boolean(let b): return b
        case .integer(0): return false
        case .integer(1): return true
        default:
            throw source.error(at: offset, "expected true/false or 1/0 for directed, found \(GraphIOError.quote(value.text))")
        }
    }
}
