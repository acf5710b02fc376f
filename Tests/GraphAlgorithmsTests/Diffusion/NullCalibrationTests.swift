import Foundation
import Testing
@testable import GraphAlgorithms
import GraphCore

/// The null models of ``ReachAnalysis``: the collective-preserving null ignores the ties among
/// participants, and every null gives uniform p-values when the "observed" network is itself
/// drawn from the null (Kolmogorov–Smirnov at the 1% level).
@Suite("Diffusion: null models, collective-preserving and calibration")
struct NullCalibrationTests {
    /// Three organizations of eight actors, one participant in each (actors 0, 8, 16) of one
    /// collective; acquaintance ties drawn once (seeded) with probability 0.35 within an
    /// organization and 0.08 between; with `participantTies`, every pair of participants tied.
    static func network(participantTies: Bool) -> Network {
        var net = Network()
        let actors = (0..<24).map { net.node("a\($0)", kind: .actor) }
        let orgs = (0..<3).map { net.node("o\($0)", kind: .organization) }
        let collective = net.node("c", kind: .collective)
        for (i, a) in actors.enumerated() { try! net.addEdge(a, orgs[i / 8], relation: .member, direction: .directed) }
        let participants = [0, 8, 16]
        for i in participants { try! net.addEdge(actors[i], collective, relation: .participant, direction: .directed) }
        var rng = SplitMix64(seed: 2024)
        for i in 0..<24 {
            for j in (i + 1)..<24 {
                let bothParticipants = participants.contains(i) && participants.contains(j)
                let p = i / 8 == j / 8 ? 0.35 : 0.08
                let drawn = rng.nextUnit() < p
                if bothParticipants ? participantTies : drawn {
                    try! net.addEdge(actors[i], actors[j], relation: .acquaintance, direction: .undirected)
                }
            }
        }
        return net
    }

    static let participants: [Int32] = [0, 8, 16]

    static func frame(_ net: Network) -> OrganizationFrame { net.diffusionFrame(collective: net.collectives.first) }

    static func ties(_ net: Network) -> [[Int32]] {
        let l = net.layer(.acquaintance)!
        return (0..<l.edgeCount).map { [min(l.sources[$0], l.targets[$0]), max(l.sources[$0], l.targets[$0])] }
    }

    @Test func collectivePreservingKeepsParticipantTiesAndRewiresTheRest() {
        let base = Self.network(participantTies: false)
        let isParticipant = { (v: Int32) in Self.participants.contains(v) }
        let before = Self.ties(base)
        var rng = SplitMix64(seed: 5)
        let sample = NullModel.collectivePreserving.sample(base, rng: &rng, relations: [.acquaintance],
                                                          participants: Self.participants)
        let after = Self.ties(sample)
        // Ties touching a participant: the same edges at the same places.
        for (b, a) in zip(before, after) where b.contains(where: isParticipant) || a.contains(where: isParticipant) {
            #expect(a == b)
        }
        // The rest moved, keeping each node's degree and the count of cross-organization ties.
        #expect(before != after)
        func degrees(_ t: [[Int32]]) -> [Int] {
            var d = [Int](repeating: 0, count: 24)
            for e in t { d[Int(e[0])] += 1; d[Int(e[1])] += 1 }
            return d
        }
        #expect(degrees(before) == degrees(after))
        let cross = { (t: [[Int32]]) in t.filter { $0[0] / 8 != $0[1] / 8 }.count }
        #expect(cross(before) == cross(after))
    }

    /// Tying every pair of participants changes neither the null networks (apart from those
    /// ties) nor, under SI, where participants hold the invention from step 0, the null
    /// distribution of any statistic: bit for bit. The organization-preserving null, which
    /// re-points those ties, does change.
    @Test func participantTiesLeaveTheCollectivePreservingNullUnchanged() {
        let loose = Self.network(participantTies: false), tied = Self.network(participantTies: true)
        for k in 0..<10 {
            var r1 = SplitMix64(seed: 9, stream: UInt64(k)), r2 = r1
            let a = Self.ties(NullModel.collectivePreserving.sample(loose, rng: &r1, relations: [.acquaintance],
                                                                    participants: Self.participants))
            let b = Self.ties(NullModel.collectivePreserving.sample(tied, rng: &r2, relations: [.acquaintance],
                                                                    participants: Self.participants))
            let participantPair = { (e: [Int32]) in Self.participants.contains(e[0]) && Self.participants.contains(e[1]) }
            #expect(b.filter { !participantPair($0) } == a)
            #expect(b.filter(participantPair).count == 3)
        }
        func reach(_ net: Network, _ null: NullModel) -> ReachAnalysis.ModelReach {
            ReachAnalysis(models: [.si], channels: .standard(0.15), runs: 300, horizon: 8, seed: 3, threads: 1, nullModel: null,
                          nullSamples: 19, nullRuns: 200)
                .run(net, seeds: Self.participants, frame: Self.frame).models[0]
        }
        let x = reach(loose, .collectivePreserving), y = reach(tied, .collectivePreserving)
        #expect(x.overall == y.overall)
        #expect(x.perOrganization == y.perOrganization)
        #expect(x.overall.allSatisfy { $0.nullSD > 0 })  // not a degenerate comparison
        let u = reach(loose, .organizationPreserving), v = reach(tied, .organizationPreserving)
        #expect(u.overall.map(\.nullMean) != v.overall.map(\.nullMean))
    }

    /// For each null: 60 "observed" networks drawn from the null around one network; for each,
    /// reach's p-value of the mean share beyond the collective against 19 null networks
    /// (randomized between ties, so that it is exactly uniform under exchangeability); the 60
    /// p-values must pass Kolmogorov–Smirnov against U(0, 1) at the 1% level (D < 1.628/√60).
    @Test(arguments: NullModel.allCases)
    func pValuesAreUniformUnderTheNull(_ null: NullModel) {
        let base = Self.network(participantTies: true)
        let replicates = 60, k = 19
        var jitter = SplitMix64(seed: 31)
        var pValues: [Double] = []
        var informative = 0
        for i in 0..<replicates {
            var rng = SplitMix64(seed: 77, stream: UInt64(i))
            let observed = null.sample(base, rng: &rng, relations: [.acquaintance], participants: Self.participants)
            let m = ReachAnalysis(models: [.independentCascade], channels: .standard(0.3), runs: 100, horizon: 10,
                                  seed: 1000 + UInt64(i), threads: 1, nullModel: null, nullSamples: k, nullRuns: 100)
                .run(observed, seeds: Self.participants, frame: Self.frame).models[0]
            let c = m.overall.first { $0.statistic == "mean share beyond the collective" }!
            let atMost = (c.pLess * Double(k + 1)).rounded() - 1, atLeast = (c.pGreater * Double(k + 1)).rounded() - 1
            let below = Double(k) - atLeast, equal = atMost - below
            pValues.append((below + jitter.nextUnit() * (1 + equal)) / Double(k + 1))
            if c.nullSD > 0 { informative += 1 }
        }
        #expect(informative >= replicates * 9 / 10, "the statistic varies under the null")
        pValues.sort()
        let n = Double(replicates)
        var d = 0.0
        for (i, p) in pValues.enumerated() { d = max(d, Double(i + 1) / n - p, p - Double(i) / n) }
        #expect(d < 1.628 / n.squareRoot(), "\(null.rawValue): KS D = \(d)")
    }
}
