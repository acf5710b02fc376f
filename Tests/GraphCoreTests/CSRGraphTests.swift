import Testing
@testable import GraphCore

@Suite("CSRGraph and GraphBuilder")
struct CSRGraphTests {
    /// The path 0–1–2 plus the chord 0–2 and an isolate 3.
    func triangle() -> CSRGraph {
        var b = GraphBuilder(nodeCount: 4, direction: .undirected)
        b.addEdge(2, 1); b.addEdge(0, 1); b.addEdge(2, 0)
        return b.build()
    }

    @Test func undirectedStoresBothArcsSorted() {
        let g = triangle()
        #expect(g.nodeCount == 4)
        #expect(g.edgeCount == 3)
        #expect(g.arcCount == 6)
        #expect(g.offsets == [0, 2, 4, 6, 6])
        #expect(Array(g.neighbors(of: 0)) == [1, 2])
        #expect(Array(g.neighbors(of: 1)) == [0, 2])
        #expect(Array(g.neighbors(of: 2)) == [0, 1])
        #expect(g.degree(3) == 0)
        #expect(g.hasEdge(1, 2) && g.hasEdge(2, 1) && !g.hasEdge(0, 3))
        #expect(g.inOffsets == g.offsets)
    }

    @Test func directedKeepsReverseCSR() {
        var b = GraphBuilder(nodeCount: 3, direction: .directed, weighted: true)
        b.addEdge(0, 2, weight: 2); b.addEdge(1, 2, weight: 3); b.addEdge(2, 0, weight: 5)
        let g = b.build()
        #expect(g.edgeCount == 3)
        #expect(Array(g.neighbors(of: 0)) == [2])
        #expect(Array(g.inNeighbors(of: 2)) == [0, 1])
        #expect(g.inWeights == [5, 2, 3])
        #expect(g.outDegree(2) == 1 && g.inDegree(2) == 2 && g.degree(2) == 3)
        #expect(g.weight(1, 2) == 3 && g.weight(2, 1) == nil)
        let r = g.reversed()
        #expect(Array(r.neighbors(of: 2)) == [0, 1])
        #expect(r.weights == [5, 2, 3])
    }

    @Test func selfLoopCountsTwiceInUndirectedDegree() {
        var b = GraphBuilder(nodeCount: 2, direction: .undirected)
        b.addEdge(0, 0); b.addEdge(0, 1)
        let g = b.build()
        #expect(g.degree(0) == 3)  // as networkx: a loop adds 2
        #expect(g.edgeCount == 2)
        #expect(g.selfLoopCount == 1)
        let d = b.build(selfLoops: .drop)
        #expect(d.edgeCount == 1 && d.selfLoopCount == 0)
    }

    @Test(arguments: [
        (ParallelEdgePolicy.keep, [1.0, 4.0, 2.0], 3),
        (.sum, [7.0], 1),
        (.max, [4.0], 1),
        (.min, [1.0], 1),
        (.first, [1.0], 1),
    ])
    func parallelEdgePolicies(policy: ParallelEdgePolicy, weights: [Double], arcs: Int) {
        var b = GraphBuilder(nodeCount: 2, direction: .directed, weighted: true)
        b.addEdge(0, 1, weight: 1); b.addEdge(0, 1, weight: 4); b.addEdge(0, 1, weight: 2)
        let g = b.build(parallelEdges: policy)
        #expect(g.arcCount == arcs)
        #expect(g.weights! == weights)
    }

    @Test func undirectedParallelEdgesMergeAcrossOrientation() {
        var b = GraphBuilder(nodeCount: 3, direction: .undirected, weighted: true)
        b.addEdge(0, 1, weight: 1); b.addEdge(1, 0, weight: 2); b.addEdge(1, 2, weight: 5)
        let g = b.build(parallelEdges: .sum)
        #expect(g.edgeCount == 2)
        #expect(g.weight(0, 1) == 3 && g.weight(1, 0) == 3 && g.weight(2, 1) == 5)
    }

    @Test func symmetrizedSumsMutualArcs() {
        var b = GraphBuilder(nodeCount: 3, direction: .directed, weighted: true)
        b.addEdge(0, 1, weight: 1); b.addEdge(1, 0, weight: 2); b.addEdge(1, 2, weight: 5)
        let s = b.build().symmetrized()
        #expect(!s.isDirected && s.edgeCount == 2)
        #expect(s.weight(0, 1) == 3 && s.weight(2, 1) == 5)
    }

    @Test func inducedSubgraphRenumbersInGivenOrder() {
        var b = GraphBuilder(nodeCount: 5, direction: .undirected)
        b.addEdge(0, 1); b.addEdge(1, 2); b.addEdge(2, 3); b.addEdge(3, 3); b.addEdge(3, 4)
        let s = b.build().induced(on: [3, 2, 4])
        #expect(s.nodeCount == 3)
        #expect(s.edgeCount == 3)  // 3–2, 3–3 (loop), 3–4
        #expect(Array(s.neighbors(of: 0)) == [0, 0, 1, 2])
        #expect(s.selfLoopCount == 1)
    }

    @Test func emptyGraph() {
        let g = GraphBuilder(nodeCount: 0, direction: .directed).build()
        #expect(g.nodeCount == 0 && g.edgeCount == 0 && g.offsets == [0])
    }

    @Test func storageBytesCountsBothDirections() {
        var b = GraphBuilder(nodeCount: 2, direction: .directed)
        b.addEdge(0, 1)
        #expect(b.build().storageBytes == 2 * (3 * 8 + 4))
    }
}
