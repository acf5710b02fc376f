import Testing
import GraphCore
@testable import GraphAlgorithms

/// Weak and strong components: a hand-drawn graph, and email-Eu-core's published sizes (SNAP:
/// largest weak component 986 nodes, largest strong component 803).
@Suite struct ComponentsTests {
    @Test func handDrawn() {
        // 0→1→2→0 (a cycle), 2→3, 3→4→3 (a cycle), 5 alone, 6→5.
        var b = GraphBuilder(nodeCount: 7, direction: .directed)
        for (u, v) in [(0, 1), (1, 2), (2, 0), (2, 3), (3, 4), (4, 3), (6, 5)] { b.addEdge(Int32(u), Int32(v)) }
        let g = b.build()
        let weak = Components.weak(g)
        #expect(weak.labels == [0, 0, 0, 0, 0, 1, 1])
        #expect(weak.sizes == [5, 2])
        let strong = Components.strong(g)
        #expect(strong.labels == [0, 0, 0, 1, 1, 2, 3])
        #expect(strong.sizes == [3, 2, 1, 1])
        #expect(strong.largestSize == 3)
    }

    @Test func emailEuCoreMatchesSNAP() throws {
        let g = try OracleFixture.load("email-eu-core").graph
        #expect(Components.weak(g).largestSize == 986)
        #expect(Components.strong(g).largestSize == 803)
        // Undirected view: its components are the weak ones.
        #expect(Components.weak(g.symmetrized()).sizes == Components.weak(g).sizes)
    }
}
