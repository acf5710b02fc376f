import Foundation
import Testing
import GraphCore
@testable import GraphAlgorithms

/// Every centrality against networkx on the fixture graphs (values from make_oracles.py).
@Suite struct CentralityOracleTests {
    static let exact = 1e-9
    static let iterative = 1e-6

    typealias Measure = (key: String, tolerance: Double, compute: @Sendable (CSRGraph) throws -> [Double])

    /// The measures compared on every graph where networkx computed them.
    static let measures: [Measure] = [
        ("degree", exact, { DegreeCentrality().scores($0).scores }),
        ("in-degree", exact, { DegreeCentrality(mode: .in).scores($0).scores }),
        ("out-degree", exact, { DegreeCentrality(mode: .out).scores($0).scores }),
        ("strength", exact, { Strength().scores($0).scores }),
        ("in-strength", exact, { Strength(mode: .in).scores($0).scores }),
        ("out-strength", exact, { Strength(mode: .out).scores($0).scores }),
        ("closeness", exact, { Closeness(threads: 2).scores($0).scores }),
        ("closeness-nowf", exact, { Closeness(wfImproved: false, threads: 2).scores($0).scores }),
        ("closeness-weighted", exact, { Closeness(weighted: true, threads: 2).scores($0).scores }),
        ("harmonic", exact, { HarmonicCloseness(threads: 2).scores($0).scores }),
        ("harmonic-weighted", exact, { HarmonicCloseness(weighted: true, threads: 2).scores($0).scores }),
        ("betweenness", exact, { Betweenness(threads: 2).scores($0).scores }),
        ("betweenness-raw", exact, { Betweenness(normalized: false, threads: 2).scores($0).scores }),
        ("betweenness-endpoints", exact, { Betweenness(endpoints: true, threads: 2).scores($0).scores }),
        ("betweenness-endpoints-raw", exact, { Betweenness(normalized: false, endpoints: true, threads: 2).scores($0).scores }),
        ("betweenness-weighted", exact, { Betweenness(weighted: true, threads: 2).scores($0).scores }),
        ("betweenness-weighted-raw", exact, { Betweenness(normalized: false, weighted: true, threads: 2).scores($0).scores }),
        ("eigenvector", iterative, { EigenvectorCentrality(threads: 2).scores($0).scores }),
        ("eigenvector-weighted", iterative, { EigenvectorCentrality(weighted: true, threads: 2).scores($0).scores }),
        ("katz", iterative, { try KatzCentrality(alpha: 0.05, threads: 2).scores($0).scores }),
        ("katz-raw", iterative, { try KatzCentrality(alpha: 0.02, beta: 0.5, normalized: false, threads: 2).scores($0).scores }),
        ("pagerank", iterative, { try PageRank(threads: 2).scores($0).scores }),
        ("pagerank-0.7", iterative, { try PageRank(damping: 0.7, threads: 2).scores($0).scores }),
        ("pagerank-personalized", iterative, { g in
            try PageRank(personalization: (0..<g.nodeCount).map { Double(1 + $0 % 3) }, threads: 2).scores(g).scores }),
        ("pagerank-dangling", iterative, { g in
            try PageRank(personalization: (0..<g.nodeCount).map { Double(1 + $0 % 3) },
                         dangling: (0..<g.nodeCount).map { Double(1 + $0 % 2) }, threads: 2).scores(g).scores }),
        ("hubs", iterative, { HITS(threads: 2).scores($0).hubs.scores }),
        ("authorities", iterative, { HITS(threads: 2).scores($0).authorities.scores }),
    ]

    /// Measures networkx could not compute on a graph (it raised PowerIterationFailedConvergence):
    /// the only allowed absences.
    static let allowedMissing: Set<String> = ["email-eu-core/katz", "email-eu-core/katz-raw"]

    @Test(arguments: OracleFixture.all)
    func matchesNetworkx(_ name: String) throws {
        let f = try OracleFixture.load(name)
        let g = f.graph
        var compared = 0
        for m in Self.measures {
            let applicable: Bool
            switch m.key {
            case "in-degree", "out-degree", "in-strength", "out-strength": applicable = g.isDirected
            case "closeness-weighted", "harmonic-weighted", "betweenness-weighted", "betweenness-weighted-raw",
                 "eigenvector-weighted": applicable = g.isWeighted
            default: applicable = true
            }
            guard let want = f.measure(m.key) else {
                #expect(!applicable || Self.allowedMissing.contains("\(name)/\(m.key)"), "oracle lacks \(m.key)")
                continue
            }
            let got = try m.compute(g)
            let miss = firstMismatch(got, want, m.tolerance)
            #expect(miss == nil, "\(name) \(m.key): \(miss ?? "")")
            compared += 1
        }
        #expect(compared >= 17)
    }

    @Test(arguments: OracleFixture.all)
    func edgeBetweenness(_ name: String) throws {
        let f = try OracleFixture.load(name)
        for (key, weighted) in [("edge_betweenness", false), ("edge_betweenness_weighted", true)] {
            guard let rows = f.json[key] as? [[NSNumber]] else {
                #expect(weighted && !f.graph.isWeighted)
                continue
            }
            let eb = EdgeBetweenness(weighted: weighted, threads: 2).scores(f.graph)
            #expect(eb.count == rows.count)
            var got: [[Double]] = []
            for i in 0..<eb.count { got.append([Double(eb.sources[i]), Double(eb.targets[i]), eb.scores[i]]) }
            got.sort { ($0[0], $0[1]) < ($1[0], $1[1]) }
            for (g, r) in zip(got, rows) {
                #expect(g[0] == r[0].doubleValue && g[1] == r[1].doubleValue)
                #expect(close(g[2], r[2].doubleValue, Self.exact), "\(name) \(key) \(g) vs \(r)")
            }
        }
    }

    @Test(arguments: ["krack-advice", "random-weighted", "lazega-friendship"])
    func sameResultForAnyThreadCount(_ name: String) throws {
        let g = try OracleFixture.load(name).graph
        let b1 = Betweenness(threads: 1).scores(g).scores, b3 = Betweenness(threads: 3).scores(g).scores
        #expect(firstMismatch(b3, b1, 1e-12) == nil)
        let p1 = try PageRank(threads: 1).scores(g), p3 = try PageRank(threads: 3).scores(g)
        #expect(p1.scores == p3.scores)
        #expect(p1.metadata.iterations == p3.metadata.iterations)
        #expect(Closeness(threads: 1).scores(g).scores == Closeness(threads: 3).scores(g).scores)
    }
}
