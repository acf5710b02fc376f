import Testing
@testable import GraphAlgorithms
import GraphCore

/// The organizational frame on a hand-drawn cascade with sure transmissions (p = 1), where every
/// step is known: reach, institutionalization by share, and the collective's lapse.
@Suite("Diffusion: reach, institutionalization and evaporation")
struct InstitutionalizationTests {
    /// Org A = {0, 1, 2}, org B = {3, 4, 5, 6}; participants 0 and 3 (the collective).
    /// Arcs: 0→1, 1→2 (A); 3→4, 4→5, 5→6 (B).
    func setup(end: Int?, rule: InstitutionalizationRule, heads: [Int32]? = nil) -> DiffusionResult {
        var b = GraphBuilder(nodeCount: 7, direction: .directed)
        for (u, v) in [(0, 1), (1, 2), (3, 4), (4, 5), (5, 6)] { b.addEdge(Int32(u), Int32(v)) }
        let part = Partition(labels: [0, 0, 0, 1, 1, 1, 1], groupNames: ["A", "B"])
        let frame = OrganizationFrame(organizations: part, participants: NodeSet(name: "c", members: [0, 3]),
                                      collectiveEnd: end, heads: heads, rule: rule)
        return Diffusion.simulate(DiffusionGraph(b.build(), probability: .uniform(1)),
                                  DiffusionParameters(model: .independentCascade, seeds: [0, 3], runs: 5, horizon: 6, frame: frame))
    }

    @Test func shareRuleAndLapseAtTheCollectivesEnd() {
        // θ = 0.5: A needs 1 of {1, 2} → step 1; B needs 2 of {4, 5, 6} → step 2.
        // The collective ends after step 1: A has institutionalized (0 keeps it), B has not (3 drops it).
        let r = setup(end: 1, rule: InstitutionalizationRule(threshold: 0.5, mode: .share))
        #expect(r.adoptionProbability == [1, 1, 1, 1, 1, 1, 1])
        #expect(r.holdingProbability == [1, 1, 1, 0, 1, 1, 1])
        #expect(r.curve == [2, 3, 5, 6, 6, 6, 6])  // step 1: +1, +4, −3 (lapse)
        let a = r.organizations[0], b = r.organizations[1]
        #expect(a.nonParticipantMembers == 2 && b.nonParticipantMembers == 3)
        #expect(a.reached.value == 1 && b.reached.value == 1)
        #expect(a.timeToReach?.mean.value == 1 && b.timeToReach?.median.value == 1)
        #expect(a.institutionalizedBeforeEnd.value == 1 && a.timeToInstitutionalization?.mean.value == 1)
        #expect(b.institutionalizedBeforeEnd.value == 0 && b.institutionalizedAtHorizon.value == 1)
        #expect(b.timeToInstitutionalization?.median.value == 2)
        #expect(a.meanShare.value == 1 && b.meanShare.value == 1)
        #expect(a.curve == [0, 0.5, 1, 1, 1, 1, 1])
        #expect(b.curve.map { ($0 * 3).rounded() } == [0, 1, 2, 3, 3, 3, 3])
        #expect(r.spread.value == 7 && r.holdersAtHorizon.value == 6)
    }

    @Test func withoutAnEndNothingLapses() {
        let r = setup(end: nil, rule: InstitutionalizationRule(threshold: 0.5, mode: .share))
        #expect(r.holdingProbability == [1, 1, 1, 1, 1, 1, 1])
        #expect(r.organizations[1].institutionalizedBeforeEnd.value == 1)  // no end: same as the horizon
    }

    @Test func lapsedParticipantsStopTransmitting() {
        // With θ = 1 neither organization institutionalizes by step 1; the collective ends at
        // step 0 (before anyone transmits): both participants drop out at once and nothing spreads.
        let r = setup(end: 0, rule: InstitutionalizationRule(threshold: 1, mode: .share))
        #expect(r.adoptionProbability == [1, 0, 0, 1, 0, 0, 0])
        #expect(r.holdingProbability == [0, 0, 0, 0, 0, 0, 0])
        #expect(r.organizations.allSatisfy { $0.reached.value == 0 && $0.timeToReach == nil })
    }

    @Test func precisionTargetStopsEarlyAndReportsIt() {
        var b = GraphBuilder(nodeCount: 30, direction: .undirected)
        for i in 0..<29 { b.addEdge(Int32(i), Int32(i + 1)) }
        let part = Partition(labels: (0..<30).map { Int32($0 / 10) }, groupNames: ["x", "y", "z"])
        let frame = OrganizationFrame(organizations: part, participants: NodeSet(name: "c", members: [0]))
        let p = DiffusionParameters(model: .independentCascade, seeds: [0], runs: 100_000, horizon: 40, seed: 1,
                                    frame: frame, targetHalfWidth: 0.02, batchSize: 500)
        let r = Diffusion.simulate(DiffusionGraph(b.build(), probability: .uniform(0.8)), p)
        #expect(r.stoppedEarly && r.runs < 100_000 && r.runs % 500 == 0)
        #expect(r.maxHalfWidth <= 0.02)
        // Org y is reached when node 10 is: probability 0.8^10.
        #expect(abs(r.organizations[1].reached.value - pow(0.8, 10)) < 3 * r.organizations[1].reached.halfWidth)
    }
}

private func pow(_ x: Double, _ k: Int) -> Double { (0..<k).reduce(1.0) { r, _ in r * x } }
