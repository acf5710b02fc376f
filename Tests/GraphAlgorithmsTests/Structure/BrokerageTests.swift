import Testing
import GraphCore
@testable import GraphAlgorithms

/// Gould–Fernandez roles on hand-drawn graphs, counted by hand.
@Suite struct BrokerageTests {
    /// Groups A = {0, 1, 5}, B = {2, 3, 6}, C = {4}; arcs: the cycle 0→1→2→3→4→0, plus
    /// 1→5→0 and 1→6→0. Two-paths a→v→b without a→b, by broker:
    /// - 0: 4→0→1 gatekeeper (C→A→A), 5→0→1 coordinator, 6→0→1 gatekeeper (B→A→A)
    /// - 1: 0→1→2 representative (A→A→B), 0→1→5 coordinator, 0→1→6 representative
    /// - 2: 1→2→3 gatekeeper (A→B→B);  3: 2→3→4 representative (B→B→C)
    /// - 4: 3→4→0 liaison (B→C→A);  5: 1→5→0 coordinator;  6: 1→6→0 itinerant (A→B→A)
    static func handGraph() -> (CSRGraph, Partition) {
        var b = GraphBuilder(nodeCount: 7, direction: .directed)
        for (u, v) in [(0, 1), (1, 2), (2, 3), (3, 4), (4, 0), (1, 5), (5, 0), (1, 6), (6, 0)] {
            b.addEdge(Int32(u), Int32(v))
        }
        return (b.build(), Partition(labels: [0, 0, 1, 1, 2, 0, 1], groupNames: ["A", "B", "C"]))
    }

    @Test func countsByHand() throws {
        let (g, p) = Self.handGraph()
        let r = try Brokerage().compute(g, partition: p)
        // Columns: coordinator, itinerant, representative, gatekeeper, liaison, total.
        #expect(r.counts == [
            [1, 0, 0, 2, 0, 3],
            [1, 0, 2, 0, 0, 3],
            [0, 0, 0, 1, 0, 1],
            [0, 0, 1, 0, 0, 1],
            [0, 0, 0, 0, 1, 1],
            [1, 0, 0, 0, 0, 1],
            [0, 1, 0, 0, 0, 1],
        ])
        #expect(r.totals == [3, 1, 3, 3, 1, 11])
        // Null model: d = 9/42; a broker of group A (size 3) expects d²(1−d)·2·1 coordinations and
        // d²(1−d)·(7−3)·(3−1) representations.
        let d = 9.0 / 42
        #expect(abs(r.density - d) < 1e-15)
        #expect(abs(r.expected[0][0] - d * d * (1 - d) * 2) < 1e-15)
        #expect(abs(r.expected[0][2] - d * d * (1 - d) * 8) < 1e-15)
        // Group C has one member: no coordination or representation is possible.
        #expect(r.expected[4][0] == 0 && r.expected[4][2] == 0)
        #expect(r.zScores[4][0].isNaN)
    }

    @Test func undirectedPathCountsBothDirections() throws {
        var b = GraphBuilder(nodeCount: 3, direction: .undirected)
        b.addEdge(0, 1); b.addEdge(1, 2)
        let r = try Brokerage().compute(b.build(), partition: Partition(labels: [0, 0, 1], groupNames: ["A", "B"]))
        // 0→1→2 is representative (A→A→B), 2→1→0 gatekeeper (B→A→A).
        #expect(r.counts[1] == [0, 0, 1, 1, 0, 2])
        #expect(r.counts[0] == [0, 0, 0, 0, 0, 0])
    }

    @Test func nodesWithoutGroupFormOneClass() throws {
        var b = GraphBuilder(nodeCount: 3, direction: .directed)
        b.addEdge(0, 1); b.addEdge(1, 2)
        // Nodes 0 and 2 in no group: together one class, so 0→1→2 is itinerant for 1.
        let r = try Brokerage().compute(b.build(), partition: Partition(labels: [-1, 0, -1], groupNames: ["A"]))
        #expect(r.counts[1] == [0, 1, 0, 0, 0, 1])
        #expect(r.classes == [1, 0, 1])
    }

    @Test func rejectsAPartitionOfAnotherSize() {
        let (g, _) = Self.handGraph()
        #expect(throws: AlgorithmError.self) {
            try Brokerage().compute(g, partition: Partition(labels: [0, 0], groupNames: ["A"]))
        }
    }
}
