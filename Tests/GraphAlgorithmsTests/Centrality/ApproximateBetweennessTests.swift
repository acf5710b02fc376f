import Testing
import GraphCore
@testable import GraphAlgorithms

/// Riondato–Kornaropoulos sampling stays within its ε of the exact betweenness (networkx's, on the
/// ordered-pair scale) for 20 seeds.
@Suite struct ApproximateBetweennessTests {
    @Test(arguments: ["kite", "hand-weighted", "krack-advice", "lazega-advice", "davis-women", "random-directed",
                      "random-weighted", "email-eu-core"])
    func withinEpsilonFor20Seeds(_ name: String) throws {
        let f = try OracleFixture.load(name)
        let g = f.graph
        let n = Double(g.nodeCount)
        for weighted in g.isWeighted ? [false, true] : [false] {
            let raw = try #require(f.measure(weighted ? "betweenness-weighted-raw" : "betweenness-raw"))
            // networkx's unnormalized values count unordered pairs for undirected graphs.
            let exact = raw.map { $0 * (g.isDirected ? 1 : 2) / (n * (n - 1)) }
            let eps = name == "email-eu-core" ? 0.05 : 0.03
            for seed in UInt64(1)...20 {
                let a = try ApproximateBetweenness(epsilon: eps, delta: 0.1, seed: seed, weighted: weighted, threads: 2).scores(g)
                #expect(a.metadata.errorBound == eps)
                #expect(a.metadata.seed == seed)
                let worst = zip(a.scores, exact).map { abs($0 - $1) }.max() ?? 0
                #expect(worst <= eps, "\(name) seed \(seed) weighted \(weighted): max error \(worst)")
            }
        }
    }

    @Test func sampleSizeFollowsTheBound() throws {
        let a = ApproximateBetweenness(epsilon: 0.1, delta: 0.1)
        // ⌈0.5/0.01 · (⌊log₂ 8⌋ + 1 + ln 10)⌉ = ⌈50 · 6.302585…⌉ = 316
        #expect(a.sampleCount(vertexDiameter: 10) == 316)
        #expect(a.sampleCount(vertexDiameter: 2) == Int((50 * (1 + 2.302585092994046)).rounded(.up)))
    }

    @Test func vertexDiameterBoundOfAPath() throws {
        // Path 0-1-2-3-4-5: highest-degree node 1 has eccentricity 4 → min(9, 6) = 6.
        var b = GraphBuilder(nodeCount: 6, direction: .undirected)
        for i in 0..<5 { b.addEdge(Int32(i), Int32(i + 1)) }
        #expect(ApproximateBetweenness.vertexDiameterBound(b.build(), weighted: false) == 6)
    }

    @Test func identicalForAnyThreadCount() throws {
        let g = try OracleFixture.load("lazega-advice").graph
        let a1 = try ApproximateBetweenness(epsilon: 0.05, seed: 3, threads: 1).scores(g)
        let a3 = try ApproximateBetweenness(epsilon: 0.05, seed: 3, threads: 3).scores(g)
        #expect(a1.scores == a3.scores)
        let a4 = try ApproximateBetweenness(epsilon: 0.05, seed: 4, threads: 1).scores(g)
        #expect(a1.scores != a4.scores)
    }

    @Test func rejectsBadParameters() {
        var b = GraphBuilder(nodeCount: 3, direction: .undirected)
        b.addEdge(0, 1)
        let g = b.build()
        #expect(throws: AlgorithmError.self) { try ApproximateBetweenness(epsilon: 0).scores(g) }
        #expect(throws: AlgorithmError.self) { try ApproximateBetweenness(delta: 1).scores(g) }
    }
}
