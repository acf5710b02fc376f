import Foundation
import GraphAlgorithms
import GraphCore
import Testing
import TestSupport

/// The relative stopping rule (``RelativeConvergence``) against exact values from numpy's dense
/// solvers (`Tests/Fixtures/algorithms/make_exact_spectral.py`): every score within 1e-10 of the
/// exact one, relative to itself (scores below 1e-10 of the largest: relative to the largest),
/// where networkx's default rule leaves low scores visibly off.
@Suite("PageRank, eigenvector, Katz and HITS converge to the exact vector (relative 1e-10)")
struct ExactSpectralTests {
    /// The oracle file, parsed once per test.
    let exact: [String: [String: Any]]

    init() throws {
        exact = try #require(try Fixtures.json("algorithms/exact-spectral.json") as? [String: [String: Any]])
    }

    func vector(_ graph: String, _ key: String) -> [Double]? {
        (exact[graph]?[key] as? [Any])?.map { ($0 as! NSNumber).doubleValue }
    }

    /// The largest error, each score relative to max(|exact|, 1e-10 · max |exact|).
    func worst(_ got: [Double], _ want: [Double]) -> Double {
        let top = want.map(abs).max() ?? 0
        var w = 0.0
        for (a, b) in zip(got, want) { w = max(w, abs(a - b) / max(abs(b), 1e-10 * top, .leastNormalMagnitude)) }
        return got.count == want.count ? w : .infinity
    }

    @Test("every measure on every oracle graph", arguments: OracleFixture.all)
    func exactValues(graph: String) throws {
        #expect(!exact.isEmpty, "exact-spectral.json is missing")
        let f = try OracleFixture.load(graph)
        let g = f.graph
        let tol = 1e-10
        // The rule estimates the distance to the fixed point; allow twice the requested tolerance.
        let bound = 2 * tol
        var p = PageRank(maxIterations: 100_000)
        p.relativeTolerance = tol
        let pr = try p.scores(g)
        #expect(pr.metadata.converged == true)
        #expect(worst(pr.scores, try #require(vector(graph, "pagerank"))) <= bound, "pagerank \(graph): \(worst(pr.scores, vector(graph, "pagerank")!))")
        if let want = vector(graph, "eigenvector") {
            var e = EigenvectorCentrality(maxIterations: 100_000)
            e.relativeTolerance = tol
            let s = e.scores(g)
            #expect(s.metadata.converged == true)
            #expect(worst(s.scores, want) <= bound, "eigenvector \(graph): \(worst(s.scores, want))")
        }
        if let want = vector(graph, "katz"), let alpha = (exact[graph]?["katz_alpha"] as? NSNumber)?.doubleValue {
            var k = KatzCentrality(alpha: alpha, maxIterations: 100_000)
            k.relativeTolerance = tol
            let s = try k.scores(g)
            #expect(s.metadata.converged == true)
            #expect(worst(s.scores, want) <= bound, "katz \(graph): \(worst(s.scores, want))")
        }
        if let hubs = vector(graph, "hub"), let auths = vector(graph, "authority") {
            var h = HITS(maxIterations: 100_000)
            h.relativeTolerance = tol
            let s = h.scores(g)
            #expect(s.hubs.metadata.converged == true)
            #expect(worst(s.hubs.scores, hubs) <= bound, "hubs \(graph): \(worst(s.hubs.scores, hubs))")
            #expect(worst(s.authorities.scores, auths) <= bound, "authorities \(graph): \(worst(s.authorities.scores, auths))")
        }
    }

    @Test("networkx's default rule (tol 1e-6 · n, L1) is looser: the reason for the new default")
    func defaultRuleIsLoose() throws {
        let f = try OracleFixture.load("email-eu-core")
        let want = try #require(vector("email-eu-core", "eigenvector"))
        let loose = EigenvectorCentrality().scores(f.graph)
        #expect(worst(loose.scores, want) > 1e-6)
    }
}
