import Testing
import GraphCore
@testable import GraphAlgorithms

/// Core numbers by peeling and by the bucket algorithm it falls back to (the oracle tests
/// compare both paths' caller with networkx on the fixture graphs).
@Suite struct KCoreTests {
    /// Disjoint cliques K_2…K_k (a node of K_j has core j − 1), plus `isolated` nodes (core 0).
    static func cliques(upTo k: Int, isolated: Int, directed: Bool = false) -> (CSRGraph, [Double]) {
        var want: [Double] = Array(repeating: 0, count: isolated)
        var edges: [(Int32, Int32)] = []
        var next = Int32(isolated)
        for j in 2...k {
            for a in 0..<j { for b in (a + 1)..<j { edges.append((next + Int32(a), next + Int32(b))) } }
            want += Array(repeating: Double(j - 1), count: j)
            next += Int32(j)
        }
        var b = GraphBuilder(nodeCount: Int(next), direction: directed ? .directed : .undirected)
        for (u, v) in edges { b.addEdge(u, v) }
        b.addEdge(Int32(isolated), Int32(isolated))  // a self-loop on a node of K_2: ignored
        return (b.build(), want)
    }

    /// 30 distinct core values over few arcs: the scans stay within budget, peeling answers.
    @Test func peelingAnswersCliques() {
        let (g, want) = Self.cliques(upTo: 30, isolated: 0)
        #expect(KCore.coreNumbers(g).scores == want)
    }

    /// 10,000 isolated nodes make 30 scans cost more than 4(n + m): the bucket algorithm answers,
    /// with the same numbers.
    @Test func bucketAlgorithmAnswersWhenScansWouldCostTooMuch() {
        let (g, want) = Self.cliques(upTo: 30, isolated: 10_000)
        let n = g.nodeCount, arcs = g.arcCount
        #expect(30 * n > 4 * (n + arcs))  // the budget is exceeded: this is the fallback path
        #expect(KCore.coreNumbers(g).scores == want)
    }

    /// Directed: degree is in + out, so a one-way clique K_j gives core j − 1 as well.
    @Test func directedCountsBothDirections() {
        let (g, want) = Self.cliques(upTo: 12, isolated: 3, directed: true)
        #expect(KCore.coreNumbers(g).scores == want)
    }
}
