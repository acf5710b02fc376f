/// Errors raised when a ``Network`` is changed in a way its model forbids.
public enum NetworkError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A relation was given edges of both directions.
    case directionConflict(relation: Relation, existing: EdgeDirection, requested: EdgeDirection)
    /// An attribute column was given a value of another type.
    case attributeTypeConflict(name: String, existing: AttributeType, requested: AttributeType)
    /// A node id was added twice.
    case duplicateNode(id: String)
    /// An edge names a node that does not exist.
    case unknownNode(id: String)
    /// A relation was renamed to one that exists.
    case duplicateRelation(String)

    public var description: String {
        switch self {
        case let .directionConflict(r, e, q):
            "relation \"\(r)\" is \(e) but an edge says \(q)"
        case let .attributeTypeConflict(n, e, q):
            "attribute \"\(n)\" holds \(e.shortName) values, not \(q.shortName)"
        case let .duplicateNode(id): "node \"\(id)\" is defined twice"
        case let .unknownNode(id): "no node has the id \"\(id)\""
        case let .duplicateRelation(r): "relation \"\(r)\" exists already"
        }
    }
}

/// Descriptive metadata of a dataset (the native format's `dataset.json`).
public struct DatasetMetadata: Sendable, Hashable, Codable {
    public var name: String?
    public var title: String?
    public var source: String?
    public var licence: String?
    /// What each relation means, by relation name.
    public var relations: [String: String]
    /// The node kind whose nodes are the organizations (default `organization`).
    public var organizationKind: String?
    /// Which way influence flows along each directed relation, by relation name: `along` (from
    /// source to target, as an exchange from giver to receiver), `reverse` (from target to
    /// source, as a nomination "ego names alter": ego is influenced by alter) or `both`.
    /// Relations not listed: along for directed ones, both for undirected ones.
    public var influence: [String: String]

    public init(name: String? = nil, title: String? = nil, source: String? = nil, licence: String? = nil,
                relations: [String: String] = [:], organizationKind: String? = nil, influence: [String: String] = [:]) {
        self.name = name; self.title = title; self.source = source; self.licence = licence
        self.relations = relations; self.organizationKind = organizationKind; self.influence = influence
    }

    enum CodingKeys: String, CodingKey {
        case name, title, source, licence, relations
        case organizationKind = "organization_kind"
        case influence
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeIfPresent(name, forKey: .name)
        try c.encodeIfPresent(title, forKey: .title)
        try c.encodeIfPresent(source, forKey: .source)
        try c.encodeIfPresent(licence, forKey: .licence)
        try c.encode(relations, forKey: .relations)
        try c.encodeIfPresent(organizationKind, forKey: .organizationKind)
        if !influence.isEmpty { try c.encode(influence, forKey: .influence) }
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decodeIfPresent(String.self, forKey: .name)
        title = try c.decodeIfPresent(String.self, forKey: .title)
        source = try c.decodeIfPresent(String.self, forKey: .source)
        licence = try c.decodeIfPresent(String.self, forKey: .licence)
        relations = try c.decodeIfPresent([String: String].self, forKey: .relations) ?? [:]
        organizationKind = try c.decodeIfPresent(String.self, forKey: .organizationKind)
        influence = try c.decodeIfPresent([String: String].self, forKey: .influence) ?? [:]
    }
}

/// Which way influence flows along the ties of a relation.
public enum InfluenceFlow: String, Sendable, Hashable, CaseIterable, Codable {
    /// From source to target (an exchange: the giver passes it to the receiver).
    case along
    /// From target to source (a nomination "ego names alter": ego is influenced by alter).
    case reverse
    /// Both ways.
    case both
}

/// The typed, multiplex, partly two-mode network of the domain: nodes with a kind, a label and
/// attribute columns; one ``RelationLayer`` per relation, each with its own direction.
///
/// ```swift
/// var net = Network()
/// let a = try net.addNode("as1", kind: .actor, label: "AS 1")
/// let o = try net.addNode("cg71", kind: .organization)
/// try net.addEdge(a, o, relation: .member)
/// let orgs = net.organizations()          // Partition: as1 ∈ cg71
/// let g = net.graph(relations: [.acquaintance])
/// ```
///
/// External string ids map to dense `Int32` indices in `0..<nodeCount`, O(1) both ways.
public struct Network: Sendable {
    public var metadata = DatasetMetadata()
    /// External ids, by index.
    public private(set) var ids: [String] = []
    private var idIndex: [String: Int32] = [:]
    /// Node kinds, by index.
    public private(set) var kinds: [NodeKind] = []
    /// Display labels, by index (nil: use the id).
    public private(set) var labels: [String?] = []
    /// Node attributes, one row per node.
    public private(set) var nodeAttributes = AttributeTable()
    /// Relation layers in the order they were first seen.
    public private(set) var layers: [RelationLayer] = []
    private var layerIndex: [Relation: Int] = [:]

    public init() {}

    /// Number of nodes.
    public var nodeCount: Int { ids.count }
    /// Total number of edges over all layers.
    public var edgeCount: Int { layers.reduce(0) { $0 + $1.edgeCount } }
    /// The relations present, in first-seen order.
    public var relations: [Relation] { layers.map(\.relation) }

    /// The index of an external id.
    /// - Complexity: O(1) expected.
    public func index(of id: String) -> Int32? { idIndex[id] }

    /// The label to display: the label, or the id when there is none.
    public func displayLabel(_ v: Int32) -> String { labels[Int(v)] ?? ids[Int(v)] }

    /// Adds a node; throws when the id exists.
    /// - Complexity: amortized O(1 + attribute columns).
    @discardableResult
    public mutating func addNode(_ id: String, kind: NodeKind = .actor, label: String? = nil) throws(NetworkError) -> Int32 {
        guard idIndex[id] == nil else { throw .duplicateNode(id: id) }
        return appendNode(id, kind: kind, label: label)
    }

    /// The index of `id`, adding a node of `kind` when it is new (edge-list readers).
    /// - Complexity: amortized O(1).
    public mutating func node(_ id: String, kind: NodeKind = .actor) -> Int32 {
        if let i = idIndex[id] { return i }
        return appendNode(id, kind: kind, label: nil)
    }

    private mutating func appendNode(_ id: String, kind: NodeKind, label: String?) -> Int32 {
        precondition(ids.count < Int(Int32.max), "Network: too many nodes for Int32 ids")
        let i = Int32(ids.count)
        ids.append(id)
        idIndex[id] = i
        kinds.append(kind)
        labels.append(label)
        nodeAttributes.resize(to: ids.count)
        return i
    }

    /// Reserves room for `count` more nodes.
    public mutating func reserveNodes(_ count: Int) {
        ids.reserveCapacity(ids.count + count)
        idIndex.reserveCapacity(ids.count + count)
        kinds.reserveCapacity(ids.count + count)
        labels.reserveCapacity(ids.count + count)
    }

    public mutating func setKind(_ kind: NodeKind, of v: Int32) { kinds[Int(v)] = kind }
    public mutating func setLabel(_ label: String?, of v: Int32) { labels[Int(v)] = label }

    /// Declares a node attribute column (idempotent when the type matches).
    public mutating func addNodeAttribute(_ name: String, type: AttributeType) throws(NetworkError) {
        if nodeAttributes.addColumn(name, type: type) == nil {
            throw .attributeTypeConflict(name: name, existing: nodeAttributes[name]!.type, requested: type)
        }
    }

    /// Sets a node attribute, declaring the column from the value's type when needed.
    public mutating func setNodeAttribute(_ name: String, of v: Int32, _ value: AttributeValue?) throws(NetworkError) {
        if let value { try addNodeAttribute(name, type: value.type) }
        // Only the type is read here: holding the column itself would copy it on the write below.
        guard let type = nodeAttributes[name]?.type else { return }
        if let value, value.type != type {
            throw .attributeTypeConflict(name: name, existing: type, requested: value.type)
        }
        nodeAttributes.set(name, row: Int(v), value)
    }

    /// A node attribute value.
    public func nodeAttribute(_ name: String, of v: Int32) -> AttributeValue? {
        nodeAttributes.value(name, row: Int(v))
    }

    /// Declares (or finds) a relation layer.
    /// - Returns: the layer's position.
    @discardableResult
    public mutating func addLayer(_ relation: Relation, direction: EdgeDirection? = nil) throws(NetworkError) -> Int {
        if let i = layerIndex[relation] {
            if let direction, direction != layers[i].direction {
                throw .directionConflict(relation: relation, existing: layers[i].direction, requested: direction)
            }
            return i
        }
        layerIndex[relation] = layers.count
        layers.append(RelationLayer(relation: relation, direction: direction ?? relation.defaultDirection))
        return layers.count - 1
    }

    /// The layer of a relation.
    public func layer(_ relation: Relation) -> RelationLayer? { layerIndex[relation].map { layers[$0] } }

    /// Adds an edge to a relation's layer (creating the layer with its default direction).
    /// - Returns: the edge's index within its layer.
    /// - Complexity: amortized O(1 + edge attribute columns).
    @discardableResult
    public mutating func addEdge(_ u: Int32, _ v: Int32, relation: Relation, weight: Double = 1,
                                 direction: EdgeDirection? = nil) throws(NetworkError) -> Int {
        precondition(Int(u) < nodeCount && Int(v) < nodeCount && u >= 0 && v >= 0, "Network.addEdge: bad node index")
        let l = try addLayer(relation, direction: direction)
        return layers[l].addEdge(u, v, weight: weight)
    }

    /// Replaces the endpoints of every edge of a relation (the edge count must not change;
    /// weights and attributes stay with the edge index). Endpoints must be node indices.
    public mutating func replaceEndpoints(relation: Relation, sources: [Int32], targets: [Int32]) {
        guard let l = layerIndex[relation] else { return }
        precondition(sources.allSatisfy { $0 >= 0 && Int($0) < nodeCount } && targets.allSatisfy { $0 >= 0 && Int($0) < nodeCount },
                     "Network.replaceEndpoints: endpoints must be node indices")
        layers[l].replaceEndpoints(sources: sources, targets: targets)
    }

    /// Reserves room for `count` more edges in a relation's layer.
    public mutating func reserveEdges(_ count: Int, relation: Relation) {
        if let l = layerIndex[relation] { layers[l].reserve(count) }
    }

    /// Sets an edge attribute, declaring the column from the value's type when needed.
    public mutating func setEdgeAttribute(_ name: String, relation: Relation, edge: Int,
                                          _ value: AttributeValue?) throws(NetworkError) {
        guard let l = layerIndex[relation] else { return }
        if let value {
            if layers[l].attributes.addColumn(name, type: value.type) == nil {
                throw .attributeTypeConflict(name: name, existing: layers[l].attributes[name]!.type,
                                             requested: value.type)
            }
        }
        guard layers[l].attributes[name] != nil else { return }
        layers[l].attributes.set(name, row: edge, value)
    }

    /// Declares an edge attribute column on a relation's layer.
    public mutating func addEdgeAttribute(_ name: String, type: AttributeType, relation: Relation) throws(NetworkError) {
        guard let l = layerIndex[relation] else { return }
        if layers[l].attributes.addColumn(name, type: type) == nil {
            throw .attributeTypeConflict(name: name, existing: layers[l].attributes[name]!.type, requested: type)
        }
    }

    /// Indices of the nodes of one kind, ascending.
    /// - Complexity: O(n).
    public func nodes(ofKind kind: NodeKind) -> [Int32] {
        var out: [Int32] = []
        for i in 0..<kinds.count where kinds[i] == kind { out.append(Int32(i)) }
        return out
    }

    /// Node counts per kind, sorted by kind name.
    public var kindCounts: [(kind: NodeKind, count: Int)] {
        var c: [NodeKind: Int] = [:]
        for k in kinds { c[k, default: 0] += 1 }
        return c.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    /// The node kind whose nodes are organizations (from the metadata, default `organization`).
    public var organizationKind: NodeKind { NodeKind(metadata.organizationKind ?? NodeKind.organization.rawValue) }
}

extension Network {
    /// Renames a relation layer (its edges, direction, weights and attributes kept), and its
    /// description in the metadata.
    /// - Throws: ``NetworkError/duplicateRelation(_:)`` when `new` already has a layer.
    /// - Complexity: O(relations).
    public mutating func renameRelation(_ old: Relation, to new: Relation) throws(NetworkError) {
        guard old != new, let i = layerIndex[old] else { return }
        guard layerIndex[new] == nil else { throw .duplicateRelation(new.rawValue) }
        layers[i] = layers[i].renamed(new)
        layerIndex[old] = nil
        layerIndex[new] = i
        if let text = metadata.relations.removeValue(forKey: old.rawValue), metadata.relations[new.rawValue] == nil {
            metadata.relations[new.rawValue] = text
        }
    }
}
