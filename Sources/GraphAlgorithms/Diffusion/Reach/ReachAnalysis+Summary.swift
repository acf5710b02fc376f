import GraphCore

extension ReachAnalysis.Result {
    /// A plain-language summary of a reach: per model its headline (expected organizations
    /// institutionalized, within the horizon and by the collective's end), its Monte Carlo
    /// uncertainty, and its comparison with chance at level `alpha`; then whether the models
    /// agree, and what the robustness of the answer rests on. With `sensitivity` (the settings of
    /// a ``ReachSensitivity`` sweep) the robustness is the sweep's counts; without, it says that
    /// one setting was run. It states no more than the numbers: a p-value above `alpha` is "no
    /// clear difference", never "the same as chance".
    /// - Complexity: O(models × organizations + settings).
    public func summary(alpha: Double = 0.05, sensitivity: [ReachSensitivity.Setting]? = nil,
                        assumed: [RedrawDistribution]? = nil) -> [String] {
        var lines: [String] = []
        var verdicts: [String] = []
        for m in models {
            let orgs = m.observed.organizations.filter { $0.nonParticipantMembers > 0 }
            guard !orgs.isEmpty else {
                lines.append("\(m.model.name): no organization has members beyond the collective, so nothing can be institutionalized.")
                continue
            }
            let total = orgs.reduce(0) { $0 + $1.institutionalizedAtHorizon.value }
            let byEnd = orgs.reduce(0) { $0 + $1.institutionalizedBeforeEnd.value }
            var line = "\(m.model.name): an expected \(ReachSensitivity.format(total)) of \(orgs.count) organizations institutionalized within \(analysis.horizon) steps"
            if let end = m.observed.parameters.frame?.collectiveEnd, end < analysis.horizon {
                line += " (\(ReachSensitivity.format(byEnd)) by the collective's end at step \(end))"
            }
            if let best = orgs.max(by: { $0.institutionalizedAtHorizon.value < $1.institutionalizedAtHorizon.value }),
               best.institutionalizedAtHorizon.value > 0 {
                let e = best.institutionalizedAtHorizon
                line += "; the most likely is \(best.name), with probability \(ReachSensitivity.format(e.value)) [\(ReachSensitivity.format(e.low)), \(ReachSensitivity.format(e.high))]"
            } else {
                line += "; no organization was institutionalized in any run"
            }
            let half = orgs.map(\.institutionalizedAtHorizon.halfWidth).max() ?? 0
            line += ". Monte Carlo uncertainty: \(m.observed.runs) runs, each organization's probability within ±\(ReachSensitivity.format(half)) (95%)."
            lines.append(line)
            if let c = m.overall.first, c.samples > 0, let null = analysis.nullModel {
                let verdict: String
                if c.pLess <= alpha {
                    verdict = "fewer organizations institutionalized than chance"
                } else if c.pGreater <= alpha {
                    verdict = "more organizations institutionalized than chance"
                } else {
                    verdict = "no clear difference from chance"
                }
                verdicts.append(verdict)
                lines.append("  Against \(c.samples) \(null.rawValue) networks (null mean \(ReachSensitivity.format(c.nullMean))): p_less = \(ReachSensitivity.format(c.pLess)), p_greater = \(ReachSensitivity.format(c.pGreater)): \(verdict) at the \(ReachSensitivity.format(alpha)) level; with \(c.samples) networks the smallest attainable p is \(ReachSensitivity.format(1 / Double(c.samples + 1))).")
                let n = Double(orgs.count), tiny = 0.005 * n
                if c.nullSD <= tiny && abs(c.observed - c.nullMean) <= tiny && (c.observed >= n - tiny || c.observed <= tiny) {
                    lines.append("  Caution: \(c.observed <= tiny ? "no organization institutionalizes" : "every organization institutionalizes") in the observed network and in every null network, so at these parameters the comparison cannot tell the structures apart: the answer comes from the parameters, not from the network. Try a \(c.observed <= tiny ? "higher" : "lower") --probability or \(c.observed <= tiny ? "lower" : "higher") --forgetting, or --sensitivity.")
                }
            }
        }
        // What θ means here: a share of the members the data hold, which in a reconstruction may
        // be a handful of people standing for a whole institution.
        if let m = models.first, let theta = m.observed.parameters.frame?.rule.threshold {
            let sizes = m.observed.organizations.map(\.nonParticipantMembers).filter { $0 > 0 }
            if let lo = sizes.min(), let hi = sizes.max() {
                func need(_ k: Int) -> Int { max(1, Int((theta * Double(k) - 1e-9).rounded(.up))) }
                let people = lo == hi ? "\(need(lo))" : "\(need(lo))–\(need(hi))"
                let members = lo == hi ? "\(lo) members" : "\(lo)–\(hi) members"
                lines.append("Scale: the organizations counted have \(members) beyond the collective in these data, so θ = \(ReachSensitivity.format(theta)) means \(people) of them holding the practice; read \"institutionalized\" as a share of the members the data name, not of an institution's whole staff.")
            }
        }
        if verdicts.count > 1 {
            lines.append(Set(verdicts).count == 1 ? "The \(verdicts.count) models agree." : "The models disagree: the comparison with chance depends on the model.")
        }
        if let assumed {
            for d in assumed where d.statistic == "organizations institutionalized" {
                lines.append("Assumed ties redrawn \(d.redraws) times (\(d.model)): organizations institutionalized median \(ReachSensitivity.format(d.median)), 5–95% \(ReachSensitivity.format(d.q05))–\(ReachSensitivity.format(d.q95)), against \(ReachSensitivity.format(d.asReconstructed)) as reconstructed.")
            }
        }
        if let sensitivity {
            lines.append("Robustness (\(sensitivity.count) settings of the grid):")
            lines += ReachSensitivity.summary(sensitivity, alpha: alpha).map { "  " + $0 }
        } else {
            lines.append("Robustness: one setting of p, θ and the model's parameters was run; --sensitivity sweeps them and says in how much of the grid the conclusion holds.")
        }
        return lines
    }
}
