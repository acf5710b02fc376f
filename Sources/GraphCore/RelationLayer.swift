/// One relation of a ``Network``: its edges in coordinate form (input order), one direction,
/// weights, and edge attribute columns indexed by edge.
public struct RelationLayer: Sendable, Hashable {
    public let relation: Relation
    public let direction: EdgeDirection
    public private(set) var sources: [Int32] = []
    public private(set) var targets: [Int32] = []
    /// Edge weights; 1 where the data gave none.
    public private(set) var weights: [Double] = []
    /// Whether any edge had an explicit weight other than 1.
    public private(set) var hasWeights = false
    /// Edge attributes, one row per edge.
    public var attributes = AttributeTable()

    public init(relation: Relation, direction: EdgeDirection) {
        self.relation = relation
        self.direction = direction
    }

    public var edgeCount: Int { sources.count }

    /// Appends an edge and returns its index in the layer.
    /// - Complexity: amortized O(1 + number of attribute columns).
    @discardableResult
    public mutating func addEdge(_ u: Int32, _ v: Int32, weight: Double = 1) -> Int {
        sources.append(u)
        targets.append(v)
        weights.append(weight)
        if weight != 1 { hasWeights = true }
        attributes.appendRow()
        return sources.count - 1
    }

    /// Replaces every edge's endpoints (same count; weights and attributes stay with the edge
    /// index). Null models use it to rewire.
    public mutating func replaceEndpoints(sources: [Int32], targets: [Int32]) {
        precondition(sources.count == self.sources.count && targets.count == self.targets.count,
                     "RelationLayer.replaceEndpoints: the edge count must not change")
        self.sources = sources
        self.targets = targets
    }

    /// Reserves room for `count` more edges.
    public mutating func reserve(_ count: Int) {
        sources.reserveCapacity(sources.count + count)
        targets.reserveCapacity(targets.count + count)
        weights.reserveCapacity(weights.count + count)
    }

    /// The same layer under another relation name.
    func renamed(_ relation: Relation) -> RelationLayer {
        var l = RelationLayer(relation: relation, direction: direction)
        l.sources = sources; l.targets = targets; l.weights = weights; l.hasWeights = hasWeights
        l.attributes = attributes
        return l
    }
}
