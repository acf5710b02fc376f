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
                                        routinization: model == .practice ? 2 : nil, null: null, comparison: c, verdict: verdict)
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
                                         models: [.practice, .ic], nulls: [.collectivePreserving])
        #expect(grid.count == 6)
        var x = PracticeParameters()
        x.formalization = 0
        let sweep = ReachSensitivity(grid: grid, practice: x, relations: [.acquaintance], runs: 100, horizon: 20, seed: 2,
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
        #expect(throws: Never.self) { try ReachSensitivity.Grid(forgetting: [0.1], routinization: [0], models: [.ic]).validate() }
        #expect(ReachSensitivity.Grid().count == 100)
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
