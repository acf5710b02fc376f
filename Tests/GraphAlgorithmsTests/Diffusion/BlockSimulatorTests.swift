import Testing
@testable import GraphAlgorithms
import GraphCore

/// The bit-parallel engine (64 runs at once, IC and LT without organizations) against exact
/// enumeration, against the scalar engine where the model is deterministic, and for thread
/// independence with a partial last block.
@Suite struct BlockSimulatorTests {
    typealias Exact = DiffusionExactTests

    /// Exact E[number of nodes reached by step t] for t = 0…horizon, by enumerating the 2^m
    /// live-edge worlds of IC.
    static func exactCurve(_ g: CSRGraph, p: [Double], seeds: [Int32], horizon: Int) -> [Double] {
        var curve = [Double](repeating: 0, count: horizon + 1)
        for world in 0..<(1 << g.arcCount) {
            var w = 1.0
            for a in 0..<g.arcCount { w *= (world >> a) & 1 == 1 ? p[a] : 1 - p[a] }
            let d = Exact.distances(g, seeds: seeds) { (world >> $0) & 1 == 1 }
            for t in 0...horizon { curve[t] += w * Double(d.filter { $0 >= 0 && $0 <= t }.count) }
        }
        return curve
    }

    @Test func engineChoice() {
        let part = Partition(labels: [0, -1], groupNames: ["A"])
        #expect(BlockSimulator.supports(.independentCascade, frame: nil))
        #expect(BlockSimulator.supports(.linearThreshold(.uniformRandom), frame: nil))
        #expect(!BlockSimulator.supports(.sir(recovery: 0.1), frame: nil))
        #expect(!BlockSimulator.supports(.independentCascade,
                                         frame: OrganizationFrame(organizations: part, participants: NodeSet(name: "c", members: []))))
    }

    /// Unequal probabilities take the per-arc path over the lanes: node probabilities, mean
    /// adoption steps and the expected curve by step, each within its 99% interval.
    @Test func independentCascadeWithUnequalProbabilitiesMatchesEnumeration() {
        let (g, p) = Exact.smallGraph()
        let seeds: [Int32] = [0]
        let exact = Exact.exactIC(g, p: p, seeds: seeds, groups: [])
        let curve = Self.exactCurve(g, p: p, seeds: seeds, horizon: 6)
        let runs = 40_000
        let r = Diffusion.simulate(DiffusionGraph(g, probability: .fromWeights),
                                   DiffusionParameters(model: .independentCascade, seeds: seeds, runs: runs, horizon: 6,
                                                       seed: 5, threads: 2))
        #expect(r.runs == runs)
        for v in 0..<7 {
            #expect(Exact.within99(r.adoptionProbability[v], exact.prob[v], runs: runs),
                    "node \(v): \(r.adoptionProbability[v]) vs exact \(exact.prob[v])")
        }
        for v in 1..<7 where exact.prob[v] > 0.05 {
            #expect(abs(r.meanAdoptionTime[v] - exact.time[v]) < 0.05, "node \(v) time \(r.meanAdoptionTime[v]) vs \(exact.time[v])")
        }
        // The count is in 0…7, so its standard deviation is at most 3.5.
        for t in 0...6 {
            #expect(abs(r.curve[t] - curve[t]) <= 2.576 * 3.5 / Double(runs).squareRoot(), "step \(t): \(r.curve[t]) vs \(curve[t])")
        }
        #expect(abs(r.spread.value - curve[6]) <= 2.576 * 3.5 / Double(runs).squareRoot())
        #expect(r.curve[0] == 1)
    }

    /// Fixed thresholds make LT deterministic: the block engine and the scalar engine (forced
    /// by an organization) give the same adoptions, steps and curve.
    @Test func deterministicLinearThresholdAgreesWithTheScalarEngine() {
        let (g, _) = Exact.smallGraph()
        let d = DiffusionGraph(g, probability: .fromWeights, influenceFromWeights: true)
        let model = DiffusionModel.linearThreshold(.fixed(0.9))
        let block = Diffusion.simulate(d, DiffusionParameters(model: model, seeds: [0], runs: 100, horizon: 10, seed: 1))
        let frame = OrganizationFrame(organizations: Partition(labels: [-1, 0, 0, 0, 0, 0, 0], groupNames: ["A"]),
                                      participants: NodeSet(name: "c", members: []))
        let scalar = Diffusion.simulate(d, DiffusionParameters(model: model, seeds: [0], runs: 100, horizon: 10, seed: 1,
                                                               frame: frame))
        #expect(block.adoptionProbability == scalar.adoptionProbability)
        #expect(block.meanAdoptionTime.map(\.bitPattern) == scalar.meanAdoptionTime.map(\.bitPattern))
        #expect(block.curve == scalar.curve)
        #expect(block.edgesExamined == scalar.edgesExamined)
        #expect(block.adoptionProbability.contains(1) && block.adoptionProbability.contains(0), "\(block.adoptionProbability)")
    }

    /// 777 runs = 12 full blocks and one of 9 lanes; any thread count gives the same bits.
    @Test func sameBitsForAnyThreadCountWithAPartialBlock() {
        let (g, _) = Exact.smallGraph()
        let graphs = [DiffusionGraph(g, probability: .fromWeights, influenceFromWeights: true),
                      DiffusionGraph(g, probability: .uniform(0.3))]
        for d in graphs {
            for model in [DiffusionModel.independentCascade, .linearThreshold(.uniformRandom)] {
                let results = [1, 2, 3, 5].map { threads in
                    var p = DiffusionParameters(model: model, seeds: [0], runs: 777, horizon: 8, seed: 42, threads: threads)
                    p.recordNodeSteps = true
                    return Diffusion.simulate(d, p)
                }
                #expect(results[0].runs == 777)
                for r in results.dropFirst() {
                    #expect(r.adoptionProbability == results[0].adoptionProbability, "\(model)")
                    #expect(r.meanAdoptionTime.map(\.bitPattern) == results[0].meanAdoptionTime.map(\.bitPattern))
                    #expect(r.curve == results[0].curve)
                    #expect(r.spread == results[0].spread)
                    #expect(r.nodeAdoptionByStep! == results[0].nodeAdoptionByStep!)
                    #expect(r.edgesExamined == results[0].edgesExamined)
                }
            }
        }
    }

    /// Per-step node counts add up to the adoption probability.
    @Test func nodeStepsAddUpToAdoption() {
        let (g, _) = Exact.smallGraph()
        var p = DiffusionParameters(model: .independentCascade, seeds: [0], runs: 640, horizon: 8, seed: 3)
        p.recordNodeSteps = true
        let r = Diffusion.simulate(DiffusionGraph(g, probability: .uniform(0.4)), p)
        for v in 0..<7 { #expect(abs(r.nodeAdoptionByStep![v][8] - r.adoptionProbability[v]) < 1e-12) }
    }
}
