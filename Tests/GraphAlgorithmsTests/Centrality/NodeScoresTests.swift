import Testing
import GraphCore
@testable import GraphAlgorithms

/// The common result shape, and exact values on a star by hand.
@Suite struct NodeScoresTests {
    @Test func rankingBreaksTiesByNodeAndPutsNaNLast() {
        let s = NodeScores(scores: [0.5, .nan, 2, 0.5, 2], metadata: ScoreMetadata(measure: "x"))
        #expect(s.ranking().map(\.node) == [2, 4, 0, 3, 1])
        #expect(s.score(2) == 2)
        #expect(s.count == 5)
    }

    /// Star with centre 0 and leaves 1…4: every leaf–leaf shortest path passes through 0.
    @Test func starByHand() throws {
        var b = GraphBuilder(nodeCount: 5, direction: .undirected)
        for v in 1...4 { b.addEdge(0, Int32(v)) }
        let g = b.build()
        // 6 unordered leaf pairs; normalized: 12 ordered pairs / ((n−1)(n−2)) = 12/12.
        #expect(Betweenness(normalized: false).scores(g).scores == [6, 0, 0, 0, 0])
        #expect(Betweenness().scores(g).scores == [1, 0, 0, 0, 0])
        // With endpoints (normalized by n(n−1) = 20): centre (12 + 8)/20, a leaf 8/20.
        #expect(Betweenness(endpoints: true).scores(g).scores == [1, 0.4, 0.4, 0.4, 0.4])
        // Closeness: centre 4/4; a leaf 4/(1 + 3·2) = 4/7.
        let c = Closeness().scores(g).scores
        #expect(c[0] == 1 && abs(c[1] - 4.0 / 7) < 1e-15)
        #expect(HarmonicCloseness().scores(g).scores == [4, 2.5, 2.5, 2.5, 2.5])
        #expect(DegreeCentrality().scores(g).scores == [1, 0.25, 0.25, 0.25, 0.25])
        #expect(try GroupCentrality.betweenness(g, group: [0], normalized: false) == 6)
        let eb = EdgeBetweenness(normalized: false).scores(g)
        // Each spoke carries its leaf's 4 paths (to the centre and to the 3 other leaves).
        #expect(eb.scores == [4, 4, 4, 4])
    }

    @Test func pageRankRejectsBadVectors() {
        var b = GraphBuilder(nodeCount: 3, direction: .directed)
        b.addEdge(0, 1)
        let g = b.build()
        #expect(throws: AlgorithmError.self) { try PageRank(personalization: [1, 1]).scores(g) }
        #expect(throws: AlgorithmError.self) { try PageRank(personalization: [0, 0, 0]).scores(g) }
        #expect(throws: AlgorithmError.self) { try PageRank(dangling: [1, -1, 1]).scores(g) }
        #expect(throws: AlgorithmError.self) { try KatzCentrality(betas: [1]).scores(g) }
    }

    @Test func pageRankReportsNonConvergence() throws {
        var b = GraphBuilder(nodeCount: 3, direction: .directed)
        b.addEdge(0, 1); b.addEdge(1, 2)
        let p = try PageRank(damping: 0.99, tolerance: 1e-300, maxIterations: 3).scores(b.build())
        #expect(p.metadata.converged == false && p.metadata.iterations == 3)
    }
}
