import Testing
import GraphCore
@testable import GraphAlgorithms

/// Same input, same scores bit for bit, whatever the thread count: every parallel measure on
/// email-Eu-core (1,005 nodes; enough sources for every lane and worker) and on a weighted graph.
@Suite struct ThreadIndependenceTests {
    typealias Compute = @Sendable (CSRGraph, Int) throws -> [Double]

    static let measures: [(String, Compute)] = [
        ("betweenness", { g, t in Betweenness(threads: t).scores(g).scores }),
        ("betweenness-weighted", { g, t in Betweenness(weighted: true, threads: t).scores(g).scores }),
        ("edge-betweenness", { g, t in EdgeBetweenness(threads: t).scores(g).scores }),
        ("sampled-betweenness", { g, t in try SampledBetweenness(sampleSize: 100, seed: 3, threads: t).scores(g).scores }),
        ("approx-betweenness", { g, t in try ApproximateBetweenness(epsilon: 0.05, delta: 0.1, seed: 3, threads: t).scores(g).scores }),
        ("closeness", { g, t in Closeness(threads: t).scores(g).scores }),
        ("harmonic", { g, t in HarmonicCloseness(threads: t).scores(g).scores }),
        ("pagerank", { g, t in try PageRank(threads: t).scores(g).scores }),
        ("eigenvector", { g, t in EigenvectorCentrality(threads: t).scores(g).scores }),
        ("katz", { g, t in try KatzCentrality(alpha: 0.005, threads: t).scores(g).scores }),
        ("hubs", { g, t in HITS(threads: t).scores(g).hubs.scores }),
    ]

    @Test(arguments: ["email-eu-core", "random-weighted"])
    func sameBitsForOneTwoThreeAndFiveThreads(_ name: String) throws {
        let g = try OracleFixture.load(name).graph
        for (key, compute) in Self.measures {
            let reference = try compute(g, 1)
            #expect(reference.contains { $0 != 0 }, "\(name) \(key): all zero")
            for threads in [2, 3, 5] {
                let got = try compute(g, threads)
                let same = got.count == reference.count && zip(got, reference).allSatisfy { $0.bitPattern == $1.bitPattern }
                #expect(same, "\(name) \(key): \(threads) threads differ from 1")
            }
        }
    }

    /// The lanes depend on the result's width only, and shrink for very wide results.
    @Test func lanesDependOnWidthOnly() {
        #expect(Brandes.lanes(width: 1_000) == 8)
        #expect(Brandes.lanes(width: 4_194_304) == 8)
        #expect(Brandes.lanes(width: 8_388_608) == 4)
        #expect(Brandes.lanes(width: 1 << 30) == 1)
    }
}
