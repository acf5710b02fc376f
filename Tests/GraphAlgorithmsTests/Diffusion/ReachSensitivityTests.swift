import Foundation
import Testing
@testable import GraphAlgorithms
import GraphCore

/// The sensitivity sweep and the plain-language summaries: counts over the grid stated as they
/// are, never stronger.
@Suite("Diffusion: reach sensitivity and summaries")
struct ReachSensitivityTests {
    static func setting(p: Double, model: ReachSensitivity.GridModel = .practice, null: NullModel = .collectivePreserving,
                        observed: Double, nulls: [Double]) -> ReachSensitivity.Setting {
        let c = ReachAnalysis.Comparison("organizations institutionalized", observed: observed, null: nulls)
        let verdict: ReachSensitivity.Verdict = c.pLess <= 0.05 ? .fewer : c.pGreater <= 0.05 ? .more : .unclear
        return ReachSensitivity.Setting(probability: p, theta: 0.5, model: model, forgetting: model == .practice ? 0.1 : nil,
                                        routinization: model == .practice ? 2 : nil, formalization: model == .practice ? 0 : nil, null: null,
                                        comparison: c, verdict: verdict)
    }

    /// 19 null values of 2: an observed 0 gives p_less = 1/20 = 0.05 ("fewer"); 2 gives 1.
    static let high = [Double](repeating: 2, count: 19)

    @Test func summaryCountsTheGridAndNamesWhatItDependsOn() {
        let settings = [
            Self.setting(p: 0.1, observed: 0, nulls: Self.high),
            Self.setting(p: 0.1, model: .ic, observed: 0, nulls: Self.high),
            Self.setting(p: 0.3, observed: 0, nulls: Self.high),
            Self.setting(p: 0.3, model: .ic, observed: 2, nulls: Self.high),
        ]
        #expect(settings.map(\.verdict) == [.fewer, .fewer, .fewer, .unclear])
        let lines = ReachSensitivity.summary(settings, alpha: 0.05)
        #expect(lines == [
            "Across the 4 settings, the expected number of organizations institutionalized ranges from 0 to 2.",
            "Against the collective-preserving null (level 0.05): fewer organizations institutionalized than chance in 3 of 4 settings, more in 0, no clear difference in 1; \"fewer than chance\" depends on the assumptions (p = 0.1: 2/2, p = 0.3: 1/2; model = practice: 2/2, model = ic: 1/2).",
        ])
        let all = ReachSensitivity.summary(Array(settings.prefix(3)), alpha: 0.05)
        #expect(all[1].hasSuffix("\"fewer than chance\" holds across the whole grid."))
        let none = ReachSensitivity.summary([settings[3]], alpha: 0.05)
        #expect(none[1].hasSuffix("no setting departs from chance."))
    }

    @Test func sweepRunsEverySettingWithVerdictsFromItsPValues() {
        let net = NullCalibrationTests.network(participantTies: true)
        let grid = ReachSensitivity.Grid(probabilities: [0.05, 0.3], thetas: [0.5], forgetting: [0.1, 0.4], routinization: [1],
                                         formalization: [0], models: [.practice, .ic], nulls: [.collectivePreserving])
        #expect(grid.count == 6)
        var x = PracticeParameters()
        x.formalization = 0
        let sweep = ReachSensitivity(grid: grid, practice: x, channels: TransmissionChannels(strength: [.acquaintance: 0.2], bothWays: []),
                                     runs: 100, horizon: 20, seed: 2,
                                     threads: 1, nullSamples: 9, nullRuns: 40)
        var calls = 0
        let settings = sweep.run(net, seeds: NullCalibrationTests.participants,
                                 frame: { n, theta in n.diffusionFrame(collective: n.collectives.first,
                                                                       rule: InstitutionalizationRule(threshold: theta)) },
                                 progress: { done, total in calls += 1; #expect(total == 6 && done == calls) })
        #expect(settings.count == 6 && calls == 6)
        #expect(settings.filter { $0.model == .practice }.map(\.forgetting) == [0.1, 0.4, 0.1, 0.4])
        #expect(settings.filter { $0.model == .ic }.allSatisfy { $0.forgetting == nil && $0.routinization == nil })
        for s in settings {
            #expect(s.comparison.samples == 9)
            let expected: ReachSensitivity.Verdict = s.comparison.pLess <= 0.05 ? .fewer : s.comparison.pGreater <= 0.05 ? .more : .unclear
            #expect(s.verdict == expected)
        }
        // More transmission, more organizations institutionalized (practice, δ = 0.1).
        let practice = settings.filter { $0.model == .practice && $0.forgetting == 0.1 }
        #expect(practice[0].comparison.observed < practice[1].comparison.observed)
    }

    @Test func gridValidationNamesTheAxis() {
        #expect(throws: DiffusionParameterError(parameter: "grid-probability", "needs probabilities in (0, 1]")) {
            try ReachSensitivity.Grid(probabilities: [0, 0.1]).validate()
        }
        #expect(throws: DiffusionParameterError.self) {
            try ReachSensitivity.Grid(models: [.ic]).validate()  // δ and R axes with no practice model
        }
        #expect(throws: Never.self) {
            try ReachSensitivity.Grid(forgetting: [0.1], routinization: [0], formalization: [0], models: [.ic]).validate()
        }
        #expect(throws: DiffusionParameterError.self) {
            try ReachSensitivity.Grid(forgetting: [0.1], routinization: [0], formalization: [0, 0.02], models: [.ic]).validate()
        }
        #expect(ReachSensitivity.Grid().count == 180)  // 5 p × 2 θ × 2 nulls × (2 δ × 2 R × 2 F practice + ic)
    }

    /// The sweep keeps the request's channels (here influence flowing against the arcs) and only
    /// sets their probability: "ego names alter" arcs carry nothing along their direction.
    @Test func sweepKeepsTheDirectionOfInfluence() {
        var net = Network()
        let p0 = net.node("p0", kind: .actor), o0 = net.node("o0", kind: .organization), o1 = net.node("o1", kind: .organization)
        let c = net.node("c", kind: .collective)
        try! net.addEdge(p0, o0, relation: .member, direction: .directed)
        try! net.addEdge(p0, c, relation: .participant, direction: .directed)
        let advice = Relation("advice")
        for i in 1...4 {
            let m = net.node("m\(i)", kind: .actor)
            try! net.addEdge(m, o1, relation: .member, direction: .directed)
            try! net.addEdge(m, p0, relation: advice, direction: .directed)  // m names p0
        }
        let grid = ReachSensitivity.Grid(probabilities: [1], thetas: [0.5], forgetting: [0.05], routinization: [0],
                                         formalization: [0], models: [.ic], nulls: [.collectivePreserving])
        func observed(reversed: Set<Relation>) -> Double {
            var tc = TransmissionChannels(strength: [advice: 0.5], bothWays: [])
            tc.reversed = reversed
            let sweep = ReachSensitivity(grid: grid, channels: tc, runs: 20, horizon: 5, seed: 1, threads: 1,
                                         nullSamples: 1, nullRuns: 5)
            let s = sweep.run(net, seeds: [p0], frame: { n, theta in
                n.diffusionFrame(collective: n.collectives.first, rule: InstitutionalizationRule(threshold: theta))
            })
            #expect(s.count == 1 && s[0].probability == 1)
            return s[0].comparison.observed
        }
        #expect(observed(reversed: [advice]) == 1)  // p = 1: o1's four members all adopt from p0
        #expect(observed(reversed: []) == 0)        // along the arcs p0 reaches nobody
    }

    @Test func reachSummarySaysNoClearDifferenceWhenThePValueIsAboveTheLevel() {
        let net = NullCalibrationTests.network(participantTies: true)
        let r = ReachAnalysis(models: [.independentCascade, .si], channels: .standard(0.2), runs: 200, horizon: 10, seed: 4,
                              threads: 1, nullModel: .collectivePreserving, nullSamples: 9, nullRuns: 50)
            .run(net, seeds: NullCalibrationTests.participants, frame: NullCalibrationTests.frame)
        let lines = r.summary()
        #expect(lines.first?.hasPrefix("ic: an expected ") == true)
        for m in r.models {
            let c = m.overall[0]
            let verdictLine = lines.first { $0.contains("p_less = \(ReachSensitivity.format(c.pLess)), p_greater = \(ReachSensitivity.format(c.pGreater))") }
            #expect(verdictLine != nil)
            if c.pLess > 0.05 && c.pGreater > 0.05 { #expect(verdictLine?.contains("no clear difference from chance") == true) }
            #expect(verdictLine?.contains("smallest attainable p is 0.1") == true)
        }
        #expect(lines.last?.hasPrefix("Robustness: one setting") == true)
    }
}
