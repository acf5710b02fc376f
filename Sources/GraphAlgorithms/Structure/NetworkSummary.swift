import GraphCore

/// What `interstice info` reports: counts by node kind and relation, density and components of
/// the tie graph, organizations with sizes, collectives with participants, attribute columns.
///
/// The *tie graph* is every relation except the affiliations `member` and `participant`,
/// merged (parallel edges and self-loops dropped), over the one-mode nodes: every node whose
/// kind is not the organization kind, `collective`, `unit` or `meeting`. Its density is
/// `m / (n(n−1))` when any tie relation is directed, `2m / (n(n−1))` otherwise. Relations whose
/// edges never join two one-mode nodes (`part_of`, `agreement`: organization level) have no
/// density. A reconstructed network's rows are also counted by their `basis`.
public struct NetworkSummary: Sendable {
    public struct RelationInfo: Sendable, Hashable {
        public let relation: Relation
        public let edges: Int
        public let direction: EdgeDirection
        public let weighted: Bool
        public let selfLoops: Int
        /// Density of this relation alone over the one-mode nodes (nil for affiliations and for
        /// relations that join no two one-mode nodes).
        public let density: Double?
    }
    public struct Group: Sendable, Hashable {
        public let id: String
        public let label: String
        public let size: Int
        /// False for a territorial scheme (`employer` = `false`), which is not among the
        /// organizations that institutionalize.
        public let employer: Bool
    }
    public struct CollectiveInfo: Sendable, Hashable {
        public let id: String
        public let label: String
        public let participants: Int
        public let start: CalendarDate?
        public let end: CalendarDate?
    }

    public let name: String?
    public let nodeCount: Int
    public let edgeCount: Int
    public let kinds: [(kind: NodeKind, count: Int)]
    public let relations: [RelationInfo]
    /// One-mode nodes (see the type's doc).
    public let oneModeNodes: Int
    public let tieEdges: Int
    public let tieDirected: Bool
    public let density: Double
    public let weakComponents: Int
    public let largestWeakComponent: Int
    /// Strong components of the tie graph (nil when it is undirected).
    public let strongComponents: Int?
    public let largestStrongComponent: Int?
    public let organizations: [Group]
    public let collectives: [CollectiveInfo]
    public let nodeAttributes: [(name: String, type: AttributeType, missing: Int)]
    public let edgeAttributes: [(relation: Relation, name: String, type: AttributeType, missing: Int)]
    /// Nodes and edges by `basis` (``GraphCore/Network/basisCounts``); empty without a basis column.
    public let basis: [BasisCount]

    /// Summarizes a network.
    /// - Complexity: O(n + m).
    public init(_ net: Network) {
        name = net.metadata.name
        nodeCount = net.nodeCount
        edgeCount = net.edgeCount
        kinds = net.kindCounts
        let oneMode = net.oneModeNodes
        oneModeNodes = oneMode.count
        let n = Double(oneMode.count)
        func densityOf(_ g: CSRGraph) -> Double {
            guard n > 1 else { return 0 }
            let m = Double(g.edgeCount - g.selfLoopCount)
            return g.isDirected ? m / (n * (n - 1)) : 2 * m / (n * (n - 1))
        }
        relations = net.layers.map { l in
            let affiliation = l.relation == .member || l.relation == .participant
            var loops = 0
            var joinsOneMode = false
            for e in 0..<l.edgeCount {
                if l.sources[e] == l.targets[e] { loops += 1 }
                if net.isOneModeNode(Int(l.sources[e])) && net.isOneModeNode(Int(l.targets[e])) { joinsOneMode = true }
            }
            let d: Double? = affiliation || (!joinsOneMode && l.edgeCount > 0) ? nil :
                densityOf(net.graph(relations: [l.relation], selfLoops: .drop).induced(on: oneMode))
            return RelationInfo(relation: l.relation, edges: l.edgeCount, direction: l.direction,
                                weighted: l.hasWeights, selfLoops: loops, density: d)
        }
        let ties = net.graph(selfLoops: .drop).induced(on: oneMode)
        tieEdges = ties.edgeCount
        tieDirected = ties.isDirected
        density = densityOf(ties)
        let weak = Components.weak(ties)
        weakComponents = weak.count
        largestWeakComponent = weak.largestSize
        if ties.isDirected {
            let strong = Components.strong(ties)
            strongComponents = strong.count
            largestStrongComponent = strong.largestSize
        } else {
            strongComponents = nil
            largestStrongComponent = nil
        }
        let orgs = net.organizations()
        let sizes = orgs.sizes
        organizations = (0..<orgs.groupCount).map { g in
            let node = orgs.groupNodes[g]
            return Group(id: orgs.groupNames[g], label: net.displayLabel(node), size: sizes[g],
                         employer: node < 0 || net.isEmployer(node))
        }
        collectives = net.collectives.map {
            CollectiveInfo(id: $0.id, label: net.displayLabel($0.node), participants: $0.participants.count,
                           start: $0.start, end: $0.end)
        }
        nodeAttributes = net.nodeAttributes.columns.map { c in (c.name, c.type, c.values.reduce(0) { $0 + ($1 == nil ? 1 : 0) }) }
        var ea: [(Relation, String, AttributeType, Int)] = []
        for l in net.layers {
            for c in l.attributes.columns { ea.append((l.relation, c.name, c.type, c.values.reduce(0) { $0 + ($1 == nil ? 1 : 0) })) }
        }
        edgeAttributes = ea
        basis = net.basisCounts
    }
}
