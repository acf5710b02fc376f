import Testing
import GraphCore
@testable import GraphAlgorithms

/// Undirected self-loops (stored as two arcs) count once as ties and edges.
@Suite struct SelfLoopTests {
    static func graph() -> CSRGraph {
        // Edges 0–1, 1–1 (loop), 1–2, 2–2 (loop); groups A = {0, 1}, B = {2}.
        var b = GraphBuilder(nodeCount: 3, direction: .undirected)
        for (u, v) in [(0, 1), (1, 1), (1, 2), (2, 2)] { b.addEdge(Int32(u), Int32(v)) }
        return b.build()
    }

    @Test func mixingCountsALoopOnce() throws {
        let mix = try GroupMixing.compute(Self.graph(), partition: Partition(labels: [0, 0, 1], groupNames: ["A", "B"]))
        // Inside A: 0–1 and the loop at 1; inside B: the loop at 2; between: 1–2.
        #expect(mix.ties == [[2, 1], [1, 1]])
        #expect(mix.internalTies == 3 && mix.externalTies == 1)
        #expect(mix.eiIndex == (1.0 - 3) / 4)
    }

    @Test func egoNetworkKeepsALoopOnce() throws {
        let ego = try EgoNetwork(radius: 1).compute(Self.graph(), center: 1)
        #expect(ego.nodes == [0, 1, 2])
        #expect(ego.graph.edgeCount == 4)
        #expect(ego.graph.selfLoopCount == 2)
    }

    @Test func modularityCountsALoopOnceAsNetworkx() throws {
        // networkx: m = 4; L_A = 2 (0–1 and the loop), d_A = 1 + 4 = 5; L_B = 1, d_B = 1 + 2 = 3.
        let q = try Modularity.of(Self.graph(), labels: [0, 0, 1])
        #expect(abs(q - ((2.0 / 4 - (5.0 / 8) * (5.0 / 8)) + (1.0 / 4 - (3.0 / 8) * (3.0 / 8)))) < 1e-15)
    }
}
