/// Nodes assigned to named groups (organizations, departments, villages, communities), where a
/// node may belong to several groups or to none.
///
/// ```swift
/// let p = Partition(labels: [0, 0, 1, -1], groupNames: ["A", "B"])
/// p.groups(of: 2)     // [1]
/// p.members(of: 0)    // [0, 1]
/// p.primary[3]        // -1: in no group
/// ```
///
/// Storage is two CSR maps (node → groups, group → members), both sorted.
public struct Partition: Sendable, Hashable {
    public let nodeCount: Int
    /// Group names (organization ids), by group index.
    public let groupNames: [String]
    /// For each group, the network node that stands for it (an organization node), or -1.
    public let groupNodes: [Int32]
    let nodeOffsets: [Int]
    let nodeGroups: [Int32]
    let groupOffsets: [Int]
    let groupMembers: [Int32]

    /// Single-membership partition from one label per node (-1: no group).
    /// - Complexity: O(n + groups).
    public init(labels: [Int32], groupNames: [String], groupNodes: [Int32]? = nil) {
        var pairs: [(Int32, Int32)] = []
        pairs.reserveCapacity(labels.count)
        for (v, g) in labels.enumerated() where g >= 0 { pairs.append((Int32(v), g)) }
        self.init(nodeCount: labels.count, memberships: pairs, groupNames: groupNames, groupNodes: groupNodes)
    }

    /// Partition from (node, group) pairs; repeated pairs count once.
    /// - Complexity: O(n + groups + pairs).
    public init(nodeCount: Int, memberships: [(node: Int32, group: Int32)], groupNames: [String],
                groupNodes: [Int32]? = nil) {
        self.nodeCount = nodeCount
        self.groupNames = groupNames
        self.groupNodes = groupNodes ?? Array(repeating: -1, count: groupNames.count)
        let g = groupNames.count
        var b = GraphBuilder(nodeCount: nodeCount + g, direction: .directed)
        for (v, k) in memberships {
            precondition(Int(v) < nodeCount && Int(k) < g && v >= 0 && k >= 0, "Partition: membership out of range")
            b.addEdge(v, Int32(nodeCount) + k)
        }
        let bip = b.build(parallelEdges: .first)
        nodeOffsets = Array(bip.offsets[0...nodeCount])
        nodeGroups = bip.targets.map { $0 - Int32(nodeCount) }
        let base = bip.inOffsets[nodeCount]
        groupOffsets = bip.inOffsets[nodeCount...].map { $0 - base }
        groupMembers = Array(bip.inSources[base...])
    }

    /// Number of groups.
    public var groupCount: Int { groupNames.count }

    /// The groups of a node, ascending.
    /// - Complexity: O(1).
    public func groups(of v: Int32) -> ArraySlice<Int32> { nodeGroups[nodeOffsets[Int(v)]..<nodeOffsets[Int(v) + 1]] }

    /// The members of a group, ascending.
    /// - Complexity: O(1).
    public func members(of g: Int32) -> ArraySlice<Int32> {
        groupMembers[groupOffsets[Int(g)]..<groupOffsets[Int(g) + 1]]
    }

    /// Size of each group.
    public var sizes: [Int] { (0..<groupCount).map { groupOffsets[$0 + 1] - groupOffsets[$0] } }

    /// Whether every node is in at most one group.
    public var isSingleMembership: Bool {
        (0..<nodeCount).allSatisfy { nodeOffsets[$0 + 1] - nodeOffsets[$0] <= 1 }
    }

    /// One label per node: its first (smallest) group, or -1. Algorithms that need a single group
    /// per node (E-I index, brokerage roles) use this; their docs say so.
    public var primary: [Int32] {
        (0..<nodeCount).map { nodeOffsets[$0 + 1] > nodeOffsets[$0] ? nodeGroups[nodeOffsets[$0]] : -1 }
    }

    /// The group index of a name.
    public func group(named name: String) -> Int32? { groupNames.firstIndex(of: name).map { Int32($0) } }
}

/// A named set of nodes (a collective's participants, the nodes with an attribute value).
public struct NodeSet: Sendable, Hashable {
    public let name: String
    /// Members, ascending, without repeats.
    public let members: [Int32]

    public init(name: String, members: [Int32]) {
        self.name = name
        self.members = Array(Set(members)).sorted()
    }

    public var count: Int { members.count }

    /// A membership mask over `nodeCount` nodes.
    /// - Complexity: O(n).
    public func mask(nodeCount: Int) -> [Bool] {
        var m = [Bool](repeating: false, count: nodeCount)
        for v in members { m[Int(v)] = true }
        return m
    }
}

/// A partnership collective: its node, participants and lifespan.
public struct Collective: Sendable, Hashable {
    public let node: Int32
    public let id: String
    public let participants: NodeSet
    public let start: CalendarDate?
    public let end: CalendarDate?
}

extension Network {
    /// Organizations as a ``Partition``: groups are the nodes of `kind` (default the metadata's
    /// organization kind), in index order; a node belongs to each group it has a `relation`
    /// edge to (default `member`; either endpoint may be the organization).
    ///
    /// - Parameter include: keep only the organizations for which it returns true (for example
    ///   `level == hospital`).
    /// - Complexity: O(n + m_member).
    public func organizations(kind: NodeKind? = nil, relation: Relation = .member,
                              include: ((Int32) -> Bool)? = nil) -> Partition {
        let k = kind ?? organizationKind
        var groupOf = [Int32](repeating: -1, count: nodeCount)
        var names: [String] = [], nodes: [Int32] = []
        for v in 0..<nodeCount where kinds[v] == k && (include?(Int32(v)) ?? true) {
            groupOf[v] = Int32(names.count)
            names.append(ids[v]); nodes.append(Int32(v))
        }
        var pairs: [(node: Int32, group: Int32)] = []
        if let l = layer(relation) {
            for e in 0..<l.edgeCount {
                let u = l.sources[e], v = l.targets[e]
                if groupOf[Int(v)] >= 0 && groupOf[Int(u)] < 0 { pairs.append((u, groupOf[Int(v)])) }
                else if groupOf[Int(u)] >= 0 && groupOf[Int(v)] < 0 { pairs.append((v, groupOf[Int(u)])) }
            }
        }
        return Partition(nodeCount: nodeCount, memberships: pairs, groupNames: names, groupNodes: nodes)
    }

    /// A partition by the values of a node attribute (missing values: no group); groups are
    /// the distinct values in sorted text order.
    /// - Complexity: O(n log n).
    public func partition(byAttribute name: String) -> Partition? {
        guard let col = nodeAttributes[name] else { return nil }
        let texts = col.values.map { $0?.description }
        let distinct = Array(Set(texts.compactMap { $0 }))
        let sorted = col.type == .string ? distinct.sorted() : distinct.sorted {
            (Double($0) ?? 0, $0) < (Double($1) ?? 0, $1)
        }
        var index: [String: Int32] = [:]
        for (i, s) in sorted.enumerated() { index[s] = Int32(i) }
        let labels = texts.map { $0.map { index[$0]! } ?? -1 }
        return Partition(labels: labels, groupNames: sorted)
    }

    /// The nodes of a kind as a set.
    public func nodeSet(kind: NodeKind) -> NodeSet { NodeSet(name: kind.rawValue, members: nodes(ofKind: kind)) }

    /// The nodes whose attribute equals a value (compared as text, so `1` matches an integer 1).
    public func nodeSet(attribute name: String, equals text: String) -> NodeSet {
        var out: [Int32] = []
        if let col = nodeAttributes[name] {
            for v in 0..<nodeCount where col[v]?.description == text { out.append(Int32(v)) }
        }
        return NodeSet(name: "\(name)=\(text)", members: out)
    }

    /// The collectives: nodes of kind `collective`, their participants (nodes with a
    /// `participant` edge to them) and their lifespan (`start` and `end` date attributes).
    /// - Complexity: O(n + m_participant).
    public var collectives: [Collective] {
        let nodes = nodes(ofKind: .collective)
        guard !nodes.isEmpty else { return [] }
        var members: [Int32: [Int32]] = [:]
        if let l = layer(.participant) {
            for e in 0..<l.edgeCount {
                let u = l.sources[e], v = l.targets[e]
                if kinds[Int(v)] == .collective { members[v, default: []].append(u) }
                else if kinds[Int(u)] == .collective { members[u, default: []].append(v) }
            }
        }
        return nodes.map { c in
            func date(_ n: String) -> CalendarDate? {
                if case .date(let d)? = nodeAttribute(n, of: c) { return d }
                return nil
            }
            return Collective(node: c, id: ids[Int(c)], participants: NodeSet(name: ids[Int(c)], members: members[c] ?? []),
                              start: date("start"), end: date("end"))
        }
    }
}

extension Network {
    /// The one-mode nodes: every node but organizations (of the organization kind) and
    /// collectives. They are the nodes that tie graphs rank and that may adopt an invention.
    /// - Complexity: O(n).
    public var oneModeNodes: [Int32] {
        let org = organizationKind
        return (0..<Int32(nodeCount)).filter { kinds[Int($0)] != org && kinds[Int($0)] != .collective }
    }

    /// One flag per node: whether it is a one-mode node (and so may adopt an invention).
    /// - Complexity: O(n).
    public var adoptionEligibility: [Bool] {
        let org = organizationKind
        return kinds.map { $0 != org && $0 != .collective }
    }
}
