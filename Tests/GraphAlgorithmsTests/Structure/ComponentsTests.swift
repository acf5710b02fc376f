import Testing
import GraphCore
@testable import GraphAlgorithms

/// Weak components: canonical labels (in order of each component's smallest node) whether a
/// component is labelled by the pass in node order (large) or through its queue (small).
@Suite struct ComponentsTests {
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
