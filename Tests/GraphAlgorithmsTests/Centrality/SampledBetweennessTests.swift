import Foundation
import Testing
import GraphCore
import TestSupport
@testable import GraphAlgorithms

/// Source-sampled betweenness against networkx's `betweenness_centrality(k=5, seed=42)`, given
/// the same sources (make_oracles.py records them).
@Suite struct SampledBetweennessTests {
    @Test(arguments: OracleFixture.small)
    func matchesNetworkx(_ name: String) throws {
        let all = try #require(try Fixtures.json("algorithms/sampled-betweenness.json") as? [String: Any])
        let rec = try #require(all[name] as? [String: Any])
        let sources = try #require(rec["sources"] as? [NSNumber]).map { Int32($0.intValue) }
        let g = try OracleFixture.load(name).graph
        func want(_ k: String) throws -> [Double] {
            try #require(rec[k] as? [Any]).map { ($0 as? NSNumber)?.doubleValue ?? .nan }
        }
        for (key, normalized, endpoints, weighted) in [("normalized", true, false, false), ("raw", false, false, false),
                                                        ("endpoints", true, true, false), ("endpoints-raw", false, true, false),
                                                        ("weighted", true, false, true)] {
            if weighted && !g.isWeighted { continue }
            let got = try SampledBetweenness(sources: sources, normalized: normalized, endpoints: endpoints,
                                             weighted: weighted, threads: 2).scores(g).scores
            let miss = firstMismatch(got, try want(key), 1e-9)
            #expect(miss == nil, "\(name) \(key): \(miss ?? "")")
        }
    }

    @Test func seededSampleIsReproducibleAndValidated() throws {
        let g = try OracleFixture.load("lazega-advice").graph
        let a = try SampledBetweenness(sampleSize: 10, seed: 5, threads: 1).scores(g)
        let b = try SampledBetweenness(sampleSize: 10, seed: 5, threads: 3).scores(g)
        #expect(firstMismatch(a.scores, b.scores, 1e-12) == nil)
        #expect(a.metadata.parameters["k"] == "10")
        #expect(throws: AlgorithmError.self) { try SampledBetweenness(sources: [1, 1]).scores(g) }
        #expect(throws: AlgorithmError.self) { try SampledBetweenness(sources: [500]).scores(g) }
        #expect(throws: AlgorithmError.self) { try SampledBetweenness(sources: []).scores(g) }
    }
}
