import Testing
@testable import GraphCore

@Suite("Network model")
struct NetworkTests {
    /// Two organizations, three actors (a2 in both), a collective with a lifespan.
    func small() throws -> Network {
        var net = Network()
        for id in ["a1", "a2", "a3"] { try net.addNode(id, kind: .actor) }
        try net.addNode("o1", kind: .organization, label: "Org one")
        try net.addNode("o2", kind: .organization)
        try net.addNode("c", kind: .collective)
        try net.setNodeAttribute("start", of: 5, .date(CalendarDate(parsing: "2005-01-10")!))
        try net.addEdge(0, 3, relation: .member)
        try net.addEdge(1, 3, relation: .member)
        try net.addEdge(1, 4, relation: .member)
        try net.addEdge(2, 4, relation: .member)
        try net.addEdge(0, 5, relation: .participant)
        try net.addEdge(1, 5, relation: .participant)
        try net.addEdge(0, 1, relation: .acquaintance, weight: 2)
        try net.addEdge(1, 2, relation: .exchange, weight: 3)
        try net.addEdge(2, 1, relation: .exchange, weight: 1)
        return net
    }

    @Test func idsMapBothWays() throws {
        let net = try small()
        #expect(net.nodeCount == 6 && net.edgeCount == 9)
        #expect(net.index(of: "a3") == 2 && net.ids[2] == "a3")
        #expect(net.index(of: "zz") == nil)
        #expect(net.displayLabel(3) == "Org one" && net.displayLabel(4) == "o2")
        #expect(net.kindCounts.map(\.count) == [3, 1, 2])
    }

    @Test func duplicateIdAndDirectionConflictAreErrors() throws {
        var net = try small()
        #expect(throws: NetworkError.duplicateNode(id: "a1")) { try net.addNode("a1") }
        #expect(throws: NetworkError.directionConflict(relation: .exchange, existing: .directed, requested: .undirected)) {
            try net.addEdge(0, 1, relation: .exchange, direction: .undirected)
        }
        #expect(throws: NetworkError.attributeTypeConflict(name: "start", existing: .date, requested: .integer)) {
            try net.setNodeAttribute("start", of: 0, .integer(3))
        }
    }

    @Test func defaultViewSkipsAffiliationsAndMixesDirections() throws {
        let net = try small()
        let g = net.graph()  // acquaintance (undirected) + exchange (directed) → directed
        #expect(g.isDirected)
        #expect(g.nodeCount == 6)
        #expect(Array(g.neighbors(of: 0)) == [1])
        #expect(Array(g.neighbors(of: 1)) == [0, 2])
        #expect(Array(g.neighbors(of: 2)) == [1])
        let u = net.graph(direction: .undirected, weights: .weight)
        #expect(u.edgeCount == 2)
        #expect(u.weight(1, 2) == 4)  // 3 + 1 summed
        #expect(u.weight(0, 1) == 2)
        let ex = net.graph(relations: [.exchange], weights: .perRelation([.exchange: 10], timesEdgeWeight: true))
        #expect(ex.weight(1, 2) == 30 && ex.weight(2, 1) == 10)
    }

    @Test func organizationsAllowSeveralMemberships() throws {
        let net = try small()
        let p = net.organizations()
        #expect(p.groupNames == ["o1", "o2"])
        #expect(p.groupNodes == [3, 4])
        #expect(Array(p.groups(of: 1)) == [0, 1])
        #expect(Array(p.members(of: 1)) == [1, 2])
        #expect(p.sizes == [2, 2])
        #expect(!p.isSingleMembership)
        #expect(p.primary == [0, 0, 1, -1, -1, -1])
    }

    @Test func collectivesCarryParticipantsAndLifespan() throws {
        let net = try small()
        let c = net.collectives
        #expect(c.count == 1)
        #expect(c[0].participants.members == [0, 1])
        #expect(c[0].start == CalendarDate(year: 2005, month: 1, day: 10))
        #expect(c[0].end == nil)
    }

    @Test func partitionByAttributeAndNodeSets() throws {
        var net = try small()
        try net.setNodeAttribute("unit", of: 0, .string("north"))
        try net.setNodeAttribute("unit", of: 2, .string("south"))
        try net.setNodeAttribute("unit", of: 1, .string("north"))
        let p = net.partition(byAttribute: "unit")!
        #expect(p.groupNames == ["north", "south"])
        #expect(p.primary == [0, 0, 1, -1, -1, -1])
        #expect(net.nodeSet(attribute: "unit", equals: "north").members == [0, 1])
        #expect(net.nodeSet(kind: .organization).members == [3, 4])
    }

    @Test func organizationProjectionThroughSharedMembers() throws {
        let net = try small()
        let p = net.projection(of: .organization, through: .member)
        #expect(p.nodes == [3, 4])
        #expect(p.graph.edgeCount == 1)
        #expect(p.graph.weight(0, 1) == 1)  // a2 is in both
        let a = net.projection(of: .actor, through: .member)
        #expect(a.graph.weight(0, 1) == 1 && a.graph.weight(1, 2) == 1 && a.graph.weight(0, 2) == nil)
    }
}
