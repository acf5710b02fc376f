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

    /// Canonical labels (in order of each component's smallest node) whether a component is
    /// labelled by the pass in node order (large) or through its queue (small).
    @Test(arguments: [false, true])
    func largeAndSmallComponentsGetCanonicalLabels(_ directed: Bool) {
        // Nodes 0…59 on a path (listed backwards when directed, so in-arcs are needed); then
        // pairs (60, 61), (62, 63), …, (98, 99); node 100 isolated.
        var b = GraphBuilder(nodeCount: 101, direction: directed ? .directed : .undirected)
        for v in 0..<59 { directed ? b.addEdge(Int32(v + 1), Int32(v)) : b.addEdge(Int32(v), Int32(v + 1)) }
        for v in stride(from: 60, to: 100, by: 2) { b.addEdge(Int32(v + 1), Int32(v)) }
        let c = Components.weak(b.build())
        #expect(c.count == 1 + 20 + 1)
        #expect(c.sizes == [60] + Array(repeating: 2, count: 20) + [1])
        var want = [Int32](repeating: 0, count: 101)
        for v in 60..<100 { want[v] = Int32(1 + (v - 60) / 2) }
        want[100] = 21
        #expect(c.labels == want)
        #expect(c.largestSize == 60)
    }
}
