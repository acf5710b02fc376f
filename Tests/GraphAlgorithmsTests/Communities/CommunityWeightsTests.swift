import Testing
import GraphCore
@testable import GraphAlgorithms

/// Issue 14: weights that make modularity meaningless are refused before community detection,
/// and label propagation survives NaN weights it is given anyway.
@Suite("Hardening: community weights")
struct CommunityWeightsTests {
    /// A triangle 0-1-2 and an edge 2-3, with the given weight on 2-3.
    static func graph(_ w: Double, weighted: Bool = true) -> CSRGraph {
        var b = GraphBuilder(nodeCount: 4, direction: .undirected, weighted: weighted)
        b.addEdge(0, 1, weight: 1)
        b.addEdge(1, 2, weight: 1)
        b.addEdge(0, 2, weight: 1)
        b.addEdge(2, 3, weight: w)
        return b.build()
    }

    @Test("finite, non-negative weights whose total is finite pass; unweighted graphs pass")
    func good() throws {
        try CommunityWeights.check(Self.graph(2))
        try CommunityWeights.check(Self.graph(0))
        try CommunityWeights.check(Self.graph(.nan, weighted: false))
        try CommunityWeights.check(Self.graph(1e300))
    }

    @Test("NaN, infinite and negative weights are refused", arguments: [Double.nan, .infinity, -.infinity, -1])
    func bad(w: Double) {
        #expect(throws: AlgorithmError.self) { try CommunityWeights.check(Self.graph(w)) }
    }

    @Test("two weights of 1e308 overflow the total: refused with a message saying so")
    func overflow() {
        var b = GraphBuilder(nodeCount: 3, direction: .undirected, weighted: true)
        b.addEdge(0, 1, weight: 1e308)
        b.addEdge(1, 2, weight: 1e308)
        do {
            try CommunityWeights.check(b.build())
            Issue.record("accepted")
        } catch {
            #expect(error.message.hasPrefix("the edge weights add up to more than the largest double"))
        }
    }

    @Test("label propagation with a NaN weight ends with a partition (no crash)")
    func lpaNaN() {
        let r = LabelPropagation(seed: 1, weighted: true).communities(Self.graph(.nan))
        #expect(r.labels.count == 4)
        // 0, 1, 2 form a triangle of weight-1 edges: one community whatever the NaN does.
        #expect(r.labels[0] == r.labels[1] && r.labels[1] == r.labels[2])
    }
}
