import Foundation
import Testing
@testable import GraphAlgorithms
import GraphCore

/// Redraws of the assumed ties: documented ties stay, assumed ones move within their pair of
/// organizations, the hierarchy keeps its shape, and reach becomes a distribution.
@Suite("Diffusion: redraws of the assumed ties")
struct AssumedTieRedrawTests {
    /// Three organizations of eight actors (participants 0, 8, 16); acquaintance ties as in
    /// ``NullCalibrationTests``, documented when they touch a participant, assumed otherwise;
    /// in each organization an assumed hierarchy: 1, 2 → 0; 3, 4, 5 → 1; 6, 7 → 2.
    static func network(tagged: Bool = true) -> Network {
        var net = NullCalibrationTests.network(participantTies: true)
        let l = net.layer(.acquaintance)!
        for e in 0..<l.edgeCount {
            let touches = [l.sources[e], l.targets[e]].contains { NullCalibrationTests.participants.contains($0) }
            try! net.setEdgeAttribute("basis", relation: .acquaintance, edge: e,
                                      .string(tagged && !touches ? "assumed" : "documented"))
        }
        for base in [0, 8, 16] {
            for (u, v) in [(1, 0), (2, 0), (3, 1), (4, 1), (5, 1), (6, 2), (7, 2)] {
                let e = try! net.addEdge(Int32(base + u), Int32(base + v), relation: .reportsTo, direction: .directed)
                try! net.setEdgeAttribute("basis", relation: .reportsTo, edge: e, .string(tagged ? "assumed" : "documented"))
            }
        }
        return net
    }

    static func pairs(_ net: Network, _ r: Relation) -> [(Int32, Int32)] {
        let l = net.layer(r)!
        return (0..<l.edgeCount).map { (l.sources[$0], l.targets[$0]) }
    }

    @Test func documentedTiesStayAndAssumedOnesKeepTheirBlocks() throws {
        let net = Self.network()
        let redraw = AssumedTieRedraw()
        let counts = try redraw.assumedCounts(in: net)
        #expect(counts.map(\.0) == [.acquaintance, .reportsTo] && counts[1].1 == 21)
        var rng = SplitMix64(seed: 3)
        let sample = redraw.sample(net, rng: &rng)
        let before = Self.pairs(net, .acquaintance), after = Self.pairs(sample, .acquaintance)
        let basis = net.layer(.acquaintance)!.attributes["basis"]!
        var moved = 0
        var blocks: [[Int32]: Int] = [:], blocksAfter: [[Int32]: Int] = [:]
        for e in before.indices {
            if basis[e] == .string("documented") {
                #expect(after[e] == before[e])
            } else {
                if after[e] != before[e] { moved += 1 }
                let b = [before[e].0 / 8, before[e].1 / 8].sorted(), a = [after[e].0 / 8, after[e].1 / 8].sorted()
                blocks[b, default: 0] += 1
                blocksAfter[a, default: 0] += 1
            }
        }
        #expect(moved > 10)
        #expect(blocks == blocksAfter)
        let keys = after.map { [min($0.0, $0.1), max($0.0, $0.1)] }
        #expect(Set(keys).count == keys.count && after.allSatisfy { $0.0 != $0.1 })
        // The hierarchy: the same shape (subordinate counts 2, 3, 2 per organization), inside each organization.
        let h = Self.pairs(sample, .reportsTo)
        #expect(h.map { [$0.0, $0.1] } != Self.pairs(net, .reportsTo).map { [$0.0, $0.1] })
        for base in [Int32(0), 8, 16] {
            let inside = h.filter { $0.0 / 8 == base / 8 }
            #expect(inside.count == 7 && inside.allSatisfy { $0.1 / 8 == base / 8 })
            var subordinates: [Int32: Int] = [:]
            for (_, v) in inside { subordinates[v, default: 0] += 1 }
            #expect(subordinates.values.sorted() == [2, 2, 3])
        }
    }

    @Test func withoutAssumedTiesItIsAnError() {
        #expect(throws: DiffusionParameterError.self) { try AssumedTieRedraw().assumedCounts(in: Self.network(tagged: false)) }
    }

    @Test func quantilesInterpolate() {
        let x: [Double] = [1, 2, 3, 4, 5]
        #expect(RedrawDistribution.quantile(x, 0.5) == 3)
        #expect(abs(RedrawDistribution.quantile(x, 0.05) - 1.2) < 1e-12)
        #expect(abs(RedrawDistribution.quantile(x, 0.95) - 4.8) < 1e-12)
    }

    @Test func reachBecomesADistributionOverRedraws() {
        let net = Self.network()
        let analysis = ReachAnalysis(models: [.independentCascade], channels: .standard(0.2), runs: 200, horizon: 10, seed: 6,
                                     threads: 1, nullModel: nil)
        let observed = analysis.run(net, seeds: NullCalibrationTests.participants, frame: NullCalibrationTests.frame)
        let d = analysis.varyAssumed(net, seeds: NullCalibrationTests.participants, frame: NullCalibrationTests.frame,
                                     redraw: AssumedTieRedraw(), count: 9, observed: observed)
        #expect(d.count == 4)
        for (x, s) in zip(d, ReachAnalysis.overallStatistics(observed.models[0].observed)) {
            #expect(x.statistic == s.0 && x.asReconstructed == s.1 && x.redraws == 9)
            #expect(x.q05 <= x.median && x.median <= x.q95)
        }
        #expect(d.contains { $0.q95 > $0.q05 })  // the redraws do move the answer
        let again = analysis.varyAssumed(net, seeds: NullCalibrationTests.participants, frame: NullCalibrationTests.frame,
                                         redraw: AssumedTieRedraw(), count: 9, observed: observed)
        #expect(again == d)
    }
}
