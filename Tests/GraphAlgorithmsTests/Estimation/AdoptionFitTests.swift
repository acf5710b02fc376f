import Foundation
import Testing
@testable import GraphAlgorithms
import GraphCore
import Interstice
import TestSupport

/// Hand-computable cases of the hazard and contagion models, and their errors.
@Suite("AdoptionFit: hand cases")
struct AdoptionFitHandTests {
    /// One period at risk (window 1…1). Nodes 0, 1 adopted at period 0 (before the window: left
    /// out, but they count as alters). Nodes 2–5 each name node 0 (exposure 1): 2, 3, 4 adopt in
    /// period 1, 5 never. Nodes 6–10 name no one who adopted (exposure 0): 6 adopts, 7–10 never.
    /// The models are saturated: hazard β0 = logit(1/5), β1 = logit(3/4) − logit(1/5) = log 12;
    /// contagion 1 − b = 4/5, (1 − b)(1 − p) = 1/4, so b = 1/5 and p = 11/16.
    static func data() -> AdoptionFitData {
        let n = 11
        var b = GraphBuilder(nodeCount: n, direction: .directed)
        for v: Int32 in 2...5 { b.addEdge(v, 0) }
        b.addEdge(6, 7); b.addEdge(7, 8); b.addEdge(9, 10)
        let g = b.build()
        let times = [0, 0, 1, 1, 1, AdoptionTimes.never, 1, AdoptionTimes.never, AdoptionTimes.never, AdoptionTimes.never, AdoptionTimes.never]
        let c = AdoptionChannels(graphs: [g], relations: ["advice"], inPopulation: Array(repeating: true, count: n))
        return AdoptionFitData(channels: c, times: times, window: 1...1)
    }

    @Test func personPeriodRows() {
        let d = Self.data()
        let rows = d.channels.personPeriods(times: d.times, window: 1...1)
        #expect(rows.rowCount == 9 && rows.events == 4 && rows.leftCensored == 2)
        #expect(rows.node == [2, 3, 4, 5, 6, 7, 8, 9, 10])
        #expect(rows.shares == [1, 1, 1, 1, 0, 0, 0, 0, 0])
        #expect(rows.counts == [1, 1, 1, 1, 0, 0, 0, 0, 0])
    }

    @Test func hazardIsTheSaturatedLogit() throws {
        let r = try AdoptionFit.fit(Self.data(), AdoptionFitParameters(relations: ["advice"]))
        #expect(r.terms.map(\.term) == ["intercept", "exposure:advice"])
        #expect(abs(r.terms[0].estimate - log(1.0 / 4)) < 1e-10)
        #expect(abs(r.terms[1].estimate - log(12.0)) < 1e-10)
        #expect(abs(r.terms[0].standardError! - (1.0 + 1.0 / 4).squareRoot()) < 1e-9)
        #expect(abs(r.terms[1].standardError! - (1.0 / 3 + 1 + 1 + 1.0 / 4).squareRoot()) < 1e-9)
        let ll = 3 * log(0.75) + log(0.25) + log(0.2) + 4 * log(0.8)
        #expect(abs(r.logLikelihood - ll) < 1e-10)
        #expect(abs(r.aic - (4 - 2 * ll)) < 1e-9)
        #expect(r.rows == 9 && r.events == 4 && r.nodes == 9)
    }

    @Test func contagionIsTheSaturatedProcess() throws {
        let r = try AdoptionFit.fit(Self.data(), AdoptionFitParameters(model: .contagion, relations: ["advice"]))
        #expect(r.terms.map(\.term) == ["outside", "advice"])
        #expect(abs(r.terms[0].estimate - 0.2) < 1e-8)
        #expect(abs(r.terms[1].estimate - 11.0 / 16) < 1e-8)
        #expect(r.terms[0].ciLow < 0.2 && r.terms[0].ciHigh > 0.2 && r.terms[1].ciLow < 11.0 / 16 && r.terms[1].ciHigh <= 1)
        let ll = 3 * log(0.75) + log(0.25) + log(0.2) + 4 * log(0.8)
        #expect(abs(r.logLikelihood - ll) < 1e-9)
        // The profile interval's ends are where the likelihood ratio is χ²₁(0.95).
        let like = ContagionLikelihood(x: [1, 1, 1, 1, 1, 1, 1, 1, 1].enumerated().flatMap { [1.0, $0.offset < 4 ? 1 : 0] },
                                       k: 2, y: [1, 1, 1, 0, 1, 0, 0, 0, 0])
        // p = 0 is inside the interval (the likelihood ratio there is 2.86 < 3.84): its lower end is 0.
        #expect(r.terms[1].ciLow == 0)
        #expect(abs(r.terms[1].ciHigh - 0.9801325627347234) < 1e-6)   // scipy brentq on the profile
        for end in [r.terms[0].ciLow, r.terms[1].ciHigh] where end > 0 && end < 1 {
            let j = end == r.terms[0].ciLow ? 0 : 1
            var theta = [0.1, 0.1]
            let lp = like.profile(j, at: -log1p(-end), from: &theta)
            #expect(abs(2 * (ll - lp) - 3.841458820694124) < 1e-6)
        }
    }

    @Test func errorsAreNamed() throws {
        let d = Self.data()
        #expect(throws: EstimationError.invalidParameter("give at least one relation")) {
            try AdoptionFit.fit(d, AdoptionFitParameters(relations: []))
        }
        #expect(throws: EstimationError.self) {
            try AdoptionFit.fit(d, AdoptionFitParameters(model: .contagion, relations: ["advice"], covariates: ["x"]))
        }
        // A covariate equal to the exposure is aliased.
        let x = d.channels.personPeriods(times: d.times, window: 1...1)
        #expect(x.rowCount == 9)
        let twin = AdoptionFitData(channels: d.channels, times: d.times, window: 1...1,
                                   covariates: [("same", [0, 0, 1, 1, 1, 1, 0, 0, 0, 0, 0])])
        #expect(throws: EstimationError.singularDesign(term: "same")) {
            try AdoptionFit.fit(twin, AdoptionFitParameters(relations: ["advice"], covariates: ["same"]))
        }
        // Perfect prediction: a covariate that is 1 exactly for the adopters.
        let perfect = AdoptionFitData(channels: d.channels, times: d.times, window: 1...1,
                                      covariates: [("adopter", [0, 0, 1, 1, 1, 0, 1, 0, 0, 0, 0])])
        #expect(throws: EstimationError.self) {
            try AdoptionFit.fit(perfect, AdoptionFitParameters(relations: ["advice"], covariates: ["adopter"]))
        }
        // A relation that never exposes anyone.
        let none = AdoptionChannels(graphs: [GraphBuilder(nodeCount: 11, direction: .directed).build()], relations: ["none"],
                                    inPopulation: Array(repeating: true, count: 11))
        #expect(throws: EstimationError.noExposure(relation: "none")) {
            try AdoptionFit.fit(AdoptionFitData(channels: none, times: d.times, window: 1...1),
                                AdoptionFitParameters(model: .contagion, relations: ["none"]))
        }
    }

    @Test func emptyAndOneNodeNetworks() {
        let empty = AdoptionChannels(graphs: [GraphBuilder(nodeCount: 0, direction: .directed).build()], relations: ["r"], inPopulation: [])
        #expect(throws: EstimationError.noRows) {
            try AdoptionFit.fit(AdoptionFitData(channels: empty, times: [], window: 1...2), AdoptionFitParameters(relations: ["r"]))
        }
        let one = AdoptionChannels(graphs: [GraphBuilder(nodeCount: 1, direction: .directed).build()], relations: ["r"], inPopulation: [true])
        #expect(throws: EstimationError.self) {
            try AdoptionFit.fit(AdoptionFitData(channels: one, times: [1], window: 1...2), AdoptionFitParameters(relations: ["r"]))
        }
    }
}

/// medInnovations, kfamily, brfarmers and a hand case against statsmodels and scipy:
/// `Tests/Fixtures/estimation/make_fit_oracle.py` → `fit_oracle.json`.
@Suite("AdoptionFit: the statsmodels / scipy oracle")
struct AdoptionFitOracleTests {
    nonisolated(unsafe) static let oracle: [String: Any] = (try? Fixtures.json("estimation/fit_oracle.json")) as? [String: Any] ?? [:]

    static func config(_ name: String) throws -> [String: Any] {
        try #require((oracle["configs"] as? [[String: Any]])?.first { $0["name"] as? String == name })
    }

    static func doubles(_ x: Any?) -> [Double] { (x as? [NSNumber])?.map(\.doubleValue) ?? [] }

    func check(_ name: String, threads: Int? = nil) throws {
        let c = try Self.config(name)
        let net = try DatasetFolder.read(Fixtures.dataset(c["dataset"] as! String))
        let adoption = try net.adoptionTimes(attribute: "toa", neverAdopted: c["never"] as? Int, missing: .exclude)
        let model = AdoptionModel(rawValue: c["model"] as! String)!
        let p = AdoptionFitParameters(model: model, relations: (c["relations"] as! [String]).map { Relation($0) },
                                      covariates: (c["covariates"] as? [String]) ?? [], groupBy: c["by"] as? String,
                                      threads: threads)
        let r = try AdoptionFit.fit(net, adoption: adoption, p)
        #expect(r.terms.map(\.term) == c["names"] as! [String], "\(name)")
        #expect(r.rows == c["rows"] as! Int && r.events == c["events"] as! Int, "\(name)")
        #expect(abs(r.logLikelihood - (c["log_likelihood"] as! Double)) < 1e-6, "\(name)")
        let est = Self.doubles(c["estimate"])
        for (t, e) in zip(r.terms, est) { #expect(abs(t.estimate - e) < 1e-6, "\(name) \(t.term)") }
        if model == .hazard {
            #expect(r.nodes == c["nodes"] as! Int)
            #expect(abs(r.aic - (c["aic"] as! Double)) < 1e-6)
            for (j, t) in r.terms.enumerated() {
                #expect(abs(t.standardError! - Self.doubles(c["se"])[j]) < 1e-6, "\(name) se \(t.term)")
                #expect(abs(t.robustStandardError! - Self.doubles(c["robust_se"])[j]) < 1e-6, "\(name) robust se \(t.term)")
                #expect(abs(t.pValue - Self.doubles(c["p_value"])[j]) < 1e-6, "\(name) p \(t.term)")
                #expect(abs(t.ciLow - Self.doubles(c["ci_low"])[j]) < 1e-6 && abs(t.ciHigh - Self.doubles(c["ci_high"])[j]) < 1e-6)
            }
            let dropped = (c["dropped"] as! [[String]]).count
            #expect(r.notes.count == dropped, "\(r.notes)")
            // The score equations of the period dummies make the expected adoptions of each period
            // equal the observed ones; those of the group fixed effects, each group's total.
            let all = try #require(r.curves.first)
            for (o, e) in zip(all.observed, all.expected) { #expect(abs(Double(o) - e) < 1e-6, "\(name)") }
            for curve in r.curves.dropFirst() {
                #expect(abs(Double(curve.observed.reduce(0, +)) - curve.expected.reduce(0, +)) < 1e-6, "\(name) \(curve.group)")
            }
            #expect(r.curves.first?.nodes == r.nodes)
            #expect(r.curves.count == 1 + (p.groupBy == nil ? 0 : Set(r.curves.dropFirst().map(\.group)).count))
        } else {
            for (j, t) in r.terms.enumerated() {
                #expect(abs(t.ciLow - Self.doubles(c["ci_low"])[j]) < 1e-6, "\(name) low \(t.term)")
                #expect(abs(t.ciHigh - Self.doubles(c["ci_high"])[j]) < 1e-6, "\(name) high \(t.term)")
            }
        }
    }

    @Test func medInnovationsHazard() throws { try check("med-hazard") }
    @Test func medInnovationsHazardWithCovariatesAndTowns() throws { try check("med-hazard-covariates-city") }
    @Test func medInnovationsContagion() throws { try check("med-contagion") }
    @Test func kfamilyHazardWithVillages() throws { try check("kfamily-hazard-village") }
    @Test func brfarmersHazard() throws { try check("brfarmers-hazard") }

    @Test func handContagion() throws {
        let c = try Self.config("hand-contagion")
        let hand = Self.oracle["hand"] as! [String: Any]
        let times = (hand["times"] as! [Any]).map { ($0 as? Int) ?? AdoptionTimes.never }
        let arcs = hand["arcs"] as! [String: [[Int]]]
        let graphs = ["a", "b"].map { r in
            var b = GraphBuilder(nodeCount: 8, direction: .directed)
            for e in arcs[r]! { b.addEdge(Int32(e[0]), Int32(e[1])) }
            return b.build()
        }
        let ch = AdoptionChannels(graphs: graphs, relations: ["a", "b"], inPopulation: Array(repeating: true, count: 8))
        let r = try AdoptionFit.fit(AdoptionFitData(channels: ch, times: times, window: 1...4),
                                    AdoptionFitParameters(model: .contagion, relations: ["a", "b"]))
        #expect(r.rows == c["rows"] as! Int && r.events == c["events"] as! Int)
        #expect(abs(r.logLikelihood - (c["log_likelihood"] as! Double)) < 1e-7)
        for (j, t) in r.terms.enumerated() {
            #expect(abs(t.estimate - Self.doubles(c["estimate"])[j]) < 1e-6, "\(t.term)")
            #expect(abs(t.ciLow - Self.doubles(c["ci_low"])[j]) < 1e-6, "\(t.term)")
            #expect(abs(t.ciHigh - Self.doubles(c["ci_high"])[j]) < 1e-6, "\(t.term)")
        }
        #expect(r.terms[2].note == "at the boundary 0")
        // Expected adoptions: Σ over the rows at risk of 1 − e^{−η}, checked by hand for period 1
        // (everyone at risk, nobody exposed yet: 8 · b).
        let curve = try #require(r.curves.first)
        #expect(curve.group == "all" && curve.nodes == 8 && curve.observed == [1, 2, 2, 2])
        #expect(abs(curve.expected[0] - 8 * r.terms[0].estimate) < 1e-12)
        // The hand hazard separates (statsmodels does not converge either): a named error.
        let x = (hand["x"] as! [NSNumber]).map(\.doubleValue)
        #expect(throws: EstimationError.self) {
            try AdoptionFit.fit(AdoptionFitData(channels: ch, times: times, window: 1...4, covariates: [("x", x)]),
                                AdoptionFitParameters(relations: ["a", "b"], covariates: ["x"]))
        }
    }
}

/// Permutations: p-values the same for any thread count, and the null centred near 0.
@Suite("AdoptionFit: permutation test")
struct AdoptionFitPermutationTests {
    @Test func sameForAnyThreadCount() throws {
        let net = try DatasetFolder.read(Fixtures.dataset("medInnovations"))
        let a = try net.adoptionTimes(attribute: "toa", neverAdopted: 18, missing: .never)
        var p = AdoptionFitParameters(relations: ["advice", "discussion"], groupBy: "city", permutations: 64, seed: 3, threads: 1)
        let one = try AdoptionFit.fit(net, adoption: a, p)
        p.threads = 2
        let two = try AdoptionFit.fit(net, adoption: a, p)
        p.threads = 5
        let five = try AdoptionFit.fit(net, adoption: a, p)
        #expect(one.terms == two.terms && two.terms == five.terms)
        #expect(one.permutationsFitted == 64 && one.permutationFailures == 0)
        for t in one.terms where t.term.hasPrefix("exposure:") {
            let pv = try #require(t.permutationPValue)
            #expect(pv > 0 && pv <= 1)
            #expect(abs(t.permutationMean!) < 1.5, "\(t.term) \(t.permutationMean!)")
        }
        // Period dummies keep their estimates' sign under permutation (the curve is kept).
        p.seed = 4
        let other = try AdoptionFit.fit(net, adoption: a, p)
        #expect(other.terms.map(\.permutationPValue) != five.terms.map(\.permutationPValue))
    }

    @Test func contagionPermutationsToo() throws {
        let d = AdoptionFitHandTests.data()
        let r = try AdoptionFit.fit(d, AdoptionFitParameters(model: .contagion, relations: ["advice"], permutations: 40, seed: 9, threads: 2))
        let s = try AdoptionFit.fit(d, AdoptionFitParameters(model: .contagion, relations: ["advice"], permutations: 40, seed: 9, threads: 1))
        #expect(r.terms == s.terms)
        #expect(r.permutationsFitted + r.permutationFailures == 40)
        #expect(r.terms[1].permutationPValue != nil)
    }
}

/// Recovery and coverage of the contagion model on simulated data (fast version; the
/// 1,000-replicate study is `IntersticeBench fit-coverage`).
@Suite("AdoptionFit: contagion recovery and coverage")
struct ContagionCoverageTests {
    /// A random directed graph per relation (each node names `d` others), fixed by the seed.
    static func channels(nodes: Int, degrees: [Int], seed: UInt64) -> AdoptionChannels {
        var rng = SplitMix64(seed: seed, stream: 999)
        let graphs = degrees.map { d in
            var b = GraphBuilder(nodeCount: nodes, direction: .directed)
            for v in 0..<nodes {
                for _ in 0..<d {
                    var u = rng.next(below: nodes)
                    if u == v { u = (u + 1) % nodes }
                    b.addEdge(Int32(v), Int32(u))
                }
            }
            return b.build()
        }
        return AdoptionChannels(graphs: graphs, relations: degrees.indices.map { Relation("r\($0)") },
                                inPopulation: Array(repeating: true, count: nodes))
    }

    @Test func recoversKnownParameters() throws {
        let ch = Self.channels(nodes: 4000, degrees: [3, 2], seed: 1)
        var rng = SplitMix64(seed: 11, stream: 0)
        let truth = [0.02, 0.08, 0.04]
        let times = ContagionSimulation.simulate(ch, outside: truth[0], transmission: [truth[1], truth[2]], window: 1...12, rng: &rng)
        let r = try AdoptionFit.fit(AdoptionFitData(channels: ch, times: times, window: 1...12),
                                    AdoptionFitParameters(model: .contagion, relations: ["r0", "r1"]))
        for (t, v) in zip(r.terms, truth) {
            #expect(abs(t.estimate - v) < 4 * t.standardError!, "\(t.term) \(t.estimate) vs \(v)")
            #expect(t.ciLow < t.estimate && t.estimate < t.ciHigh)
        }
    }

    @Test func coverageOf100Replicates() throws {
        let truth = [0.03, 0.1, 0.05]
        var inside = [0, 0, 0]
        let replicates = 100
        for s in 0..<replicates {
            let ch = Self.channels(nodes: 300, degrees: [3, 2], seed: UInt64(s))
            var rng = SplitMix64(seed: 2024, stream: UInt64(s))
            let times = ContagionSimulation.simulate(ch, outside: truth[0], transmission: [truth[1], truth[2]], window: 1...8, rng: &rng)
            let r = try AdoptionFit.fit(AdoptionFitData(channels: ch, times: times, window: 1...8),
                                        AdoptionFitParameters(model: .contagion, relations: ["r0", "r1"]))
            for j in 0..<3 where r.terms[j].ciLow <= truth[j] && truth[j] <= r.terms[j].ciHigh { inside[j] += 1 }
        }
        // 95% nominal; with 100 replicates, 88–100 covers a correct interval with probability > 0.99.
        for j in 0..<3 { #expect(inside[j] >= 88, "parameter \(j): \(inside[j]) of \(replicates)") }
    }
}
