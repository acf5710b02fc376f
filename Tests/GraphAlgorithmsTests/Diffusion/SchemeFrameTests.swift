import Testing
@testable import GraphAlgorithms
import GraphCore

/// Territorial schemes (`employer` = `false`) are not among the organizations that must
/// institutionalize; units and meetings stay out of the one-mode tie graph; rows count by basis.
@Suite("Schemes, units and basis in the organizational frame")
struct SchemeFrameTests {
    /// Employer A = {a1, a2} with its unit A-east = {a2}; scheme S = {s1}; organization B with
    /// `employer` = true = {b1}; collective c = {a1, s1}; a meeting of c. Basis: a1 documented,
    /// a2 inferred, s1 and b1 assumed, the rest without; one edge `other`.
    func network() throws -> Network {
        var net = Network()
        let a1 = try net.addNode("a1"), a2 = try net.addNode("a2"), s1 = try net.addNode("s1"), b1 = try net.addNode("b1")
        let a = try net.addNode("A", kind: .organization), s = try net.addNode("S", kind: .organization)
        let b = try net.addNode("B", kind: .organization)
        let east = try net.addNode("A-east", kind: .unit)
        let c = try net.addNode("c", kind: .collective), m = try net.addNode("c-meeting", kind: .meeting)
        try net.setNodeAttribute("employer", of: s, .boolean(false))
        try net.setNodeAttribute("employer", of: b, .boolean(true))
        for (u, o) in [(a1, a), (a2, a), (a2, east), (s1, s), (b1, b)] { try net.addEdge(u, o, relation: .member) }
        try net.addEdge(east, a, relation: "part_of", direction: .directed)
        try net.addEdge(m, c, relation: "meeting_of", direction: .directed)
        try net.addEdge(a, s, relation: "agreement")
        try net.addEdge(a1, c, relation: .participant)
        try net.addEdge(s1, c, relation: .participant)
        let e0 = try net.addEdge(a1, a2, relation: .acquaintance)
        let e1 = try net.addEdge(a1, s1, relation: .acquaintance)
        try net.addEdge(s1, b1, relation: .acquaintance)
        try net.setNodeAttribute("basis", of: a1, .string("documented"))
        try net.setNodeAttribute("basis", of: a2, .string("inferred"))
        try net.setNodeAttribute("basis", of: s1, .string("assumed"))
        try net.setNodeAttribute("basis", of: b1, .string("assumed"))
        try net.setEdgeAttribute("basis", relation: .acquaintance, edge: e0, .string("documented"))
        try net.setEdgeAttribute("basis", relation: .acquaintance, edge: e1, .string("other"))
        return net
    }

    @Test func schemesAreLeftOutOfTheFrameByDefault() throws {
        let net = try network()
        #expect(net.isEmployer(net.index(of: "A")!) && net.isEmployer(net.index(of: "B")!))
        #expect(!net.isEmployer(net.index(of: "S")!))
        #expect(net.nonEmployerOrganizations == [net.index(of: "S")!])
        let c = net.collectives.first
        let frame = net.diffusionFrame(collective: c)
        #expect(frame.organizations.groupNames == ["A", "B"])
        #expect(frame.organizations.groups(of: net.index(of: "s1")!).isEmpty)
        // The unit is not an organization: a2 is in A only.
        #expect(frame.organizations.groups(of: net.index(of: "a2")!) == [0])
        let all = net.diffusionFrame(collective: c, includeNonEmployers: true)
        #expect(all.organizations.groupNames == ["A", "S", "B"])
        // The include filter still applies, on top of the rule.
        let onlyS = net.diffusionFrame(collective: c, include: { net.ids[Int($0)] == "S" })
        #expect(onlyS.organizations.groupCount == 0)
        // Network.organizations itself keeps every organization node (brokerage groups, colours).
        #expect(net.organizations().groupNames == ["A", "S", "B"])
    }

    @Test func unitsAndMeetingsAreNotOneModeNodes() throws {
        let net = try network()
        #expect(net.oneModeNodes.map { net.ids[Int($0)] } == ["a1", "a2", "s1", "b1"])
        let s = NetworkSummary(net)
        #expect(s.oneModeNodes == 4)
        #expect(s.weakComponents == 1 && s.largestWeakComponent == 4)
        // Organization-level relations have no density over the actors.
        let density = Dictionary(uniqueKeysWithValues: s.relations.map { ($0.relation.rawValue, $0.density) })
        #expect(density["part_of"]! == nil && density["agreement"]! == nil && density["meeting_of"]! == nil)
        #expect(density["acquaintance"]! == 0.5)  // 3 of 6 pairs
        #expect(s.organizations.map(\.employer) == [true, false, true])
    }

    @Test func countsByBasis() throws {
        let net = try network()
        #expect(net.hasBasis)
        let counts = net.basisCounts
        #expect(counts == [
            BasisCount(value: "documented", nodes: 1, edges: 1),
            BasisCount(value: "inferred", nodes: 1, edges: 0),
            BasisCount(value: "assumed", nodes: 2, edges: 0),
            BasisCount(value: "other", nodes: 0, edges: 1),
            BasisCount(value: nil, nodes: 6, edges: 11),
        ])
        #expect(counts.reduce(0) { $0 + $1.nodes } == net.nodeCount && counts.reduce(0) { $0 + $1.edges } == net.edgeCount)
        #expect(net.isAssumed(node: net.index(of: "s1")!) && !net.isAssumed(node: net.index(of: "a1")!))
        #expect(NetworkSummary(net).basis == counts)
        // Without a basis column: nothing to count.
        var plain = Network()
        _ = try plain.addNode("x")
        #expect(!plain.hasBasis && plain.basisCounts.isEmpty)
    }
}
