import Foundation
import Testing
@testable import GraphAlgorithms
import GraphCore

/// The practice model against exact answers: equality with SI and SIS when its mechanisms are
/// off, exact Markov chains with forgetting, routinization and formalization worked by hand,
/// monotonicity in the collective's lifespan, forgetting and turnover.
@Suite("Diffusion: the practice model")
struct PracticeModelTests {
    // MARK: Helpers

    static func frame(labels: [Int32], groups: [String], participants: [Int32], end: Int?, theta: Double = 0.5,
                      heads: [Int32]? = nil) -> OrganizationFrame {
        OrganizationFrame(organizations: Partition(labels: labels, groupNames: groups),
                          participants: NodeSet(name: "c", members: participants), collectiveEnd: end, heads: heads,
                          rule: InstitutionalizationRule(threshold: theta))
    }

    static func undirected(_ n: Int, _ edges: [(Int, Int)]) -> CSRGraph {
        var b = GraphBuilder(nodeCount: n, direction: .undirected)
        for (u, v) in edges { b.addEdge(Int32(u), Int32(v)) }
        return b.build()
    }

    /// The exact distribution of the holders of the practice model without organizations (so
    /// no institutionalization, endorsement or turnover): at each step, a non-holder adopts with
    /// probability 1 − Π(1 − p) over its holding in-neighbours, and a holder drops it with
    /// probability δ unless it is a participant while the collective lives (t ≤ end); nodes
    /// change independently given the state. Returns, per step 0…horizon, the mean and the
    /// variance of the number of holders, and per node P(holds at the horizon).
    static func exactChain(n: Int, arcs: [(Int, Int)], p: Double, delta: Double, seeds: [Int], participants: Set<Int>,
                           end: Int?, horizon: Int) -> (mean: [Double], variance: [Double], holds: [Double]) {
        var dist = [Double](repeating: 0, count: 1 << n)
        dist[seeds.reduce(0) { $0 | (1 << $1) }] = 1
        func moments(_ d: [Double]) -> (Double, Double) {
            var m = 0.0, s = 0.0
            for (mask, w) in d.enumerated() where w > 0 {
                let k = Double(mask.nonzeroBitCount)
                m += w * k; s += w * k * k
            }
            return (m, s - m * m)
        }
        var means = [moments(dist).0], variances = [moments(dist).1]
        for t in 1...max(1, horizon) where horizon > 0 {
            let alive = end.map { t <= $0 } ?? true
            var next = [Double](repeating: 0, count: 1 << n)
            for (mask, w) in dist.enumerated() where w > 0 {
                // Per node: probability of holding at the end of the step.
                var hold = [Double](repeating: 0, count: n)
                for v in 0..<n {
                    if mask & (1 << v) != 0 {
                        hold[v] = alive && participants.contains(v) ? 1 : 1 - delta
                    } else {
                        var miss = 1.0
                        for (u, x) in arcs where x == v && mask & (1 << u) != 0 { miss *= 1 - p }
                        hold[v] = 1 - miss
                    }
                }
                for target in 0..<(1 << n) {
                    var q = w
                    for v in 0..<n { q *= target & (1 << v) != 0 ? hold[v] : 1 - hold[v] }
                    next[target] += q
                }
            }
            dist = next
            let (m, s) = moments(dist)
            means.append(m); variances.append(s)
        }
        let holds = (0..<n).map { v in dist.enumerated().reduce(0.0) { $0 + ($1.offset & (1 << v) != 0 ? $1.element : 0) } }
        return (means, variances, holds)
    }

    static func within99(_ estimate: Double, _ exact: Double, sd: Double, runs: Int) -> Bool {
        abs(estimate - exact) <= 2.576 * sd / Double(runs).squareRoot() + 1e-9
    }

    static func forgettingOnly(_ delta: Double) -> DiffusionModel {
        .practice(PracticeParameters(forgetting: delta, routinization: 0, turnover: 0, endorsement: 0, formalization: 0,
                                     compliance: 0))
    }

    // MARK: Reductions to SI and SIS

    /// δ = R = μ = 0 with formalization off is SI: the same draws, so the same numbers bit for
    /// bit, organizations included (the collective outlives the horizon: SI's lapse at the end
    /// is the old evaporation, which the practice model replaces by forgetting). Endorsement
    /// alone draws from the second generator and changes nothing either.
    @Test func inertPracticeIsSIExactly() {
        let (g, _) = DiffusionExactTests.smallGraph()
        let d = DiffusionGraph(g, probability: .uniform(0.3))
        let f = Self.frame(labels: [0, 0, 0, 1, 1, 1, 1], groups: ["A", "B"], participants: [0, 3], end: nil)
        func run(_ m: DiffusionModel) -> DiffusionResult {
            Diffusion.simulate(d, DiffusionParameters(model: m, seeds: [0, 3], runs: 3000, horizon: 12, seed: 11, frame: f))
        }
        let si = run(.si)
        var endorsing = PracticeParameters.inert
        endorsing.endorsement = 0.5
        for practice in [run(.practice(.inert)), run(.practice(endorsing))] {
            #expect(practice.adoptionProbability == si.adoptionProbability)
            #expect(practice.holdingProbability == si.holdingProbability)
            #expect(practice.curve == si.curve)
            #expect(practice.organizations.map(\.institutionalizedAtHorizon) == si.organizations.map(\.institutionalizedAtHorizon))
            #expect(practice.organizations.map(\.timeToInstitutionalization) == si.organizations.map(\.timeToInstitutionalization))
            #expect(practice.organizations.map(\.curve) == si.organizations.map(\.curve))
            #expect(practice.organizations.allSatisfy { $0.formalized?.value == 0 })
        }
        #expect(si.organizations.contains { $0.institutionalizedAtHorizon.value > 0.3 })  // the comparison is not vacuous
        #expect(run(.practice(endorsing)).organizations.allSatisfy { ($0.endorsed?.value ?? 0) > 0.9 })
    }

    /// With forgetting only and no organizations, the practice model is SIS with recovery δ.
    @Test func forgettingWithoutOrganizationsIsSIS() {
        let g = Self.undirected(6, [(0, 1), (1, 2), (2, 3), (3, 4), (4, 5), (5, 0), (0, 3)])
        let d = DiffusionGraph(g, probability: .uniform(0.35))
        let sis = Diffusion.simulate(d, DiffusionParameters(model: .sis(recovery: 0.2), seeds: [0], runs: 2000, horizon: 15, seed: 4))
        let practice = Diffusion.simulate(d, DiffusionParameters(model: Self.forgettingOnly(0.2), seeds: [0], runs: 2000,
                                                                 horizon: 15, seed: 4))
        #expect(practice.curve == sis.curve)
        #expect(practice.holdingProbability == sis.holdingProbability)
        #expect(practice.adoptionProbability == sis.adoptionProbability)
    }

    // MARK: Exact Markov chains with forgetting

    /// Two nodes and one tie: the seed teaches its neighbour with p per step, each forgets
    /// with δ; the chain on the four states gives E[holders] and P(each holds) exactly.
    @Test func twoNodeChainWithForgetting() {
        let p = 0.3, delta = 0.2, horizon = 10, runs = 40_000
        let d = DiffusionGraph(Self.undirected(2, [(0, 1)]), probability: .uniform(p))
        let r = Diffusion.simulate(d, DiffusionParameters(model: Self.forgettingOnly(delta), seeds: [0], runs: runs,
                                                          horizon: horizon, seed: 21))
        let exact = Self.exactChain(n: 2, arcs: [(0, 1), (1, 0)], p: p, delta: delta, seeds: [0], participants: [],
                                    end: nil, horizon: horizon)
        // By hand at step 1: node 1 adopts w.p. p and node 0 keeps it w.p. 1 − δ.
        #expect(abs(exact.mean[1] - (p + 1 - delta)) < 1e-12)
        for t in 0...horizon {
            #expect(Self.within99(r.curve[t], exact.mean[t], sd: exact.variance[t].squareRoot(), runs: runs),
                    "step \(t): \(r.curve[t]) vs \(exact.mean[t])")
        }
        for v in 0..<2 {
            let q = exact.holds[v]
            #expect(Self.within99(r.holdingProbability[v], q, sd: (q * (1 - q)).squareRoot(), runs: runs))
        }
    }

    /// A star whose centre is the collective's only participant: the centre never forgets while
    /// the collective lives (to step 3), then forgets at δ like the leaves.
    @Test func starChainWithASustainingParticipant() {
        let p = 0.4, delta = 0.25, horizon = 10, runs = 40_000, end = 3
        let edges = [(0, 1), (0, 2), (0, 3), (0, 4)]
        let d = DiffusionGraph(Self.undirected(5, edges), probability: .uniform(p))
        let f = Self.frame(labels: [-1, -1, -1, -1, -1], groups: [], participants: [0], end: end)
        let r = Diffusion.simulate(d, DiffusionParameters(model: Self.forgettingOnly(delta), seeds: [0], runs: runs,
                                                          horizon: horizon, seed: 8, frame: f))
        let arcs = edges.flatMap { [($0.0, $0.1), ($0.1, $0.0)] }
        let exact = Self.exactChain(n: 5, arcs: arcs, p: p, delta: delta, seeds: [0], participants: [0], end: end,
                                    horizon: horizon)
        for t in 0...horizon {
            #expect(Self.within99(r.curve[t], exact.mean[t], sd: exact.variance[t].squareRoot(), runs: runs),
                    "step \(t): \(r.curve[t]) vs \(exact.mean[t])")
        }
        for v in 0..<5 {
            let q = exact.holds[v]
            #expect(Self.within99(r.holdingProbability[v], q, sd: (q * (1 - q)).squareRoot(), runs: runs))
        }
        // The centre holds surely through step 3, and not after (the chain says so too).
        #expect(r.curve[0] == 1)
        let sustained = Self.exactChain(n: 5, arcs: arcs, p: p, delta: delta, seeds: [0], participants: [0], end: nil,
                                        horizon: horizon)
        #expect(abs(sustained.holds[0] - 1) < 1e-12 && exact.holds[0] < 0.9)
    }

    // MARK: Routinization and formalization by hand

    /// Org A = {0, 1}, participant 0, one sure arc 0 → 1, θ = 1 (node 1 must hold).
    func routinizationCase(delta: Double, r: Int, horizon: Int = 7) -> DiffusionResult {
        var b = GraphBuilder(nodeCount: 2, direction: .directed)
        b.addEdge(0, 1)
        let f = Self.frame(labels: [0, 0], groups: ["A"], participants: [0], end: nil, theta: 1)
        let m = DiffusionModel.practice(PracticeParameters(forgetting: delta, routinization: r, turnover: 0, endorsement: 0,
                                                           formalization: 0, compliance: 0))
        return Diffusion.simulate(DiffusionGraph(b.build(), probability: .uniform(1)),
                                  DiffusionParameters(model: m, seeds: [0], runs: 3, horizon: horizon, frame: f))
    }

    @Test func routinizationWorkedByHand() {
        // δ = 0, R = 2: node 1 holds at the ends of steps 1, 2, 3 → institutionalized at step 3.
        let slow = routinizationCase(delta: 0, r: 2)
        #expect(slow.organizations[0].timeToInstitutionalization?.mean.value == 3)
        #expect(slow.organizations[0].institutionalizedAtHorizon.value == 1)
        // δ = 1, R = 1: node 1 learns at odd steps and forgets at even ones (it is not sustained,
        // and the share never holds two step ends in a row): never institutionalized.
        let flicker = routinizationCase(delta: 1, r: 1)
        #expect(flicker.organizations[0].curve == [0, 1, 0, 1, 0, 1, 0, 1])
        #expect(flicker.organizations[0].institutionalizedAtHorizon.value == 0)
        #expect(flicker.holdingProbability == [1, 1])  // horizon 7 is odd
        // δ = 1, R = 0: institutionalized at step 1, after which node 1 no longer forgets.
        let quick = routinizationCase(delta: 1, r: 0)
        #expect(quick.organizations[0].timeToInstitutionalization?.mean.value == 1)
        #expect(quick.organizations[0].curve == [0, 1, 1, 1, 1, 1, 1, 1])
    }

    /// Two organizations of four whose heads (0 and 4) hold the practice from the start, with
    /// one participant each (1 and 5) and no ties: θ = 1 of the three members beyond the
    /// collective.
    func headsCase(formalization: Double, compliance: Double) -> DiffusionResult {
        let g = GraphBuilder(nodeCount: 8, direction: .undirected).build()
        let f = Self.frame(labels: [0, 0, 0, 0, 1, 1, 1, 1], groups: ["A", "B"], participants: [1, 5], end: nil, theta: 1,
                           heads: [0, 4])
        let m = DiffusionModel.practice(PracticeParameters(forgetting: 0, routinization: 0, turnover: 0, endorsement: 1,
                                                           formalization: formalization, compliance: compliance))
        return Diffusion.simulate(DiffusionGraph(g, probability: .uniform(1)),
                                  DiffusionParameters(model: m, seeds: [0, 1, 4, 5], runs: 50, horizon: 5, frame: f))
    }

    @Test func formalizationOffMeansNoInstitutionalizationEvenWithEveryHeadHolding() {
        let off = headsCase(formalization: 0, compliance: 1)
        #expect(off.organizations.allSatisfy { $0.endorsed?.value == 1 && $0.institutionalizedAtHorizon.value == 0 })
        #expect(off.holdingProbability == [1, 1, 0, 0, 1, 1, 0, 0])
        // Sure formalization: endorsed at step 1, formalized at step 2, every member complies.
        let on = headsCase(formalization: 1, compliance: 1)
        #expect(on.organizations.map { $0.timeToInstitutionalization?.mean.value } == [2, 2])
        #expect(on.organizations.allSatisfy { $0.formalized?.value == 1 })
        #expect(on.holdingProbability == Array(repeating: 1, count: 8))
        #expect(on.organizations[0].curve.map { ($0 * 3).rounded() } == [1, 1, 3, 3, 3, 3])
    }

    // MARK: Monotonicity (seeded, 95% intervals that do not overlap)

    /// Two organizations of ten, one participant each tied to every colleague, colleagues in a
    /// ring; θ = 0.3, R = 2.
    static func twoOrganizations(_ x: PracticeParameters, end: Int?, runs: Int = 4000) -> DiffusionResult {
        var edges: [(Int, Int)] = []
        for base in [0, 10] {
            for k in 1..<10 { edges.append((base, base + k)) }
            for k in 1..<10 { edges.append((base + k, base + k % 9 + 1)) }
        }
        let g = undirected(20, edges)
        let f = frame(labels: (0..<20).map { Int32($0 / 10) }, groups: ["A", "B"], participants: [0, 10], end: end, theta: 0.3)
        return Diffusion.simulate(DiffusionGraph(g, probability: .uniform(0.1)),
                                  DiffusionParameters(model: .practice(x), seeds: [0, 10], runs: runs, horizon: 60, seed: 5,
                                                      frame: f))
    }

    static let base = PracticeParameters(forgetting: 0.15, routinization: 2, turnover: 0, endorsement: 0, formalization: 0,
                                         compliance: 0)

    static func institutionalized(_ r: DiffusionResult) -> Estimate { r.organizations[0].institutionalizedAtHorizon }

    @Test func longerCollectivesInstitutionalizeMore() {
        let values = [1, 4, 12, 48].map { Self.institutionalized(Self.twoOrganizations(Self.base, end: $0)) }
        for (a, b) in zip(values, values.dropFirst()) { #expect(a.high < b.low, "\(a) then \(b)") }
    }

    @Test func moreForgettingInstitutionalizesLess() {
        let values = [0.02, 0.1, 0.4].map { d in
            var x = Self.base
            x.forgetting = d
            return Self.institutionalized(Self.twoOrganizations(x, end: 6))
        }
        for (a, b) in zip(values, values.dropFirst()) { #expect(a.low > b.high, "\(a) then \(b)") }
    }

    @Test func moreTurnoverInstitutionalizesLess() {
        for replacement in PracticeParameters.Replacement.allCases {
            let values = [0.0, 0.1, 0.5].map { mu in
                var x = Self.base
                x.turnover = mu
                x.replacement = replacement
                return Self.institutionalized(Self.twoOrganizations(x, end: 24))
            }
            for (a, b) in zip(values, values.dropFirst()) { #expect(a.low > b.high, "\(replacement): \(a) then \(b)") }
        }
        var x = Self.base
        x.turnover = 0.2
        #expect(Self.twoOrganizations(x, end: 24).departures!.value > 1)
    }

    // MARK: Determinism and validation

    @Test func sameResultForAnyThreadCount() {
        let x = PracticeParameters(forgetting: 0.1, routinization: 2, turnover: 0.1, endorsement: 0.3, formalization: 0.1,
                                   compliance: 0.5)
        var results: [DiffusionResult] = []
        for threads in [1, 3] {
            var edges: [(Int, Int)] = []
            for i in 0..<19 { edges.append((i, i + 1)) }
            let g = Self.undirected(20, edges + [(0, 10), (5, 15)])
            let f = Self.frame(labels: (0..<20).map { Int32($0 / 5) }, groups: ["a", "b", "c", "d"], participants: [0, 5, 10],
                               end: 8, theta: 0.5)
            var p = DiffusionParameters(model: .practice(x), seeds: [0, 5, 10], runs: 700, horizon: 30, seed: 3, frame: f)
            p.threads = threads
            p.batchSize = 100
            results.append(Diffusion.simulate(DiffusionGraph(g, probability: .uniform(0.3)), p))
        }
        #expect(results[0].curve == results[1].curve)
        #expect(results[0].holdingProbability == results[1].holdingProbability)
        #expect(results[0].organizations == results[1].organizations)
        #expect(results[0].departures == results[1].departures)
    }

    @Test func outOfRangeParametersAreNamed() {
        #expect(throws: DiffusionParameterError.self) { try PracticeParameters(forgetting: 1.5).validate() }
        do {
            try PracticeParameters(routinization: -1).validate()
            Issue.record("no error")
        } catch {
            #expect(error.parameter == "routinization")
        }
        do {
            try PracticeParameters(compliance: .nan).validate()
            Issue.record("no error")
        } catch {
            #expect(error.description.hasPrefix("--compliance:"))
        }
        #expect(throws: Never.self) { try PracticeParameters().validate() }
    }
}
