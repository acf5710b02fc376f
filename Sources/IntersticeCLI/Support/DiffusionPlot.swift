import Interstice

/// Adoption curves per organization (share of members beyond the collective holding the
/// invention, by step, with 95% bands), one panel per model. The collective's end is marked by
/// a dashed line, the practice model's turnover is stated in the caption, and each panel's
/// curves stop at their plateau: the first step after which every curve stays within
/// ``plateauTolerance`` of its final value (never before the collective's end).
enum DiffusionPlot {
    static let plateauTolerance = 0.005

    /// The last step to draw: the plateau of the curves, or the marker, whichever is later.
    static func plateau(_ curves: [[Double]], notBefore floor: Int) -> Int {
        let h = curves.map(\.count).max() ?? 1
        var last = 0
        for c in curves where !c.isEmpty {
            let final = c[c.count - 1]
            var t = c.count - 1
            while t > 0 && abs(c[t - 1] - final) <= plateauTolerance { t -= 1 }
            last = max(last, t)
        }
        return min(h - 1, max(last, floor))
    }

    static func figure(_ results: [(title: String, result: DiffusionResult)], network net: Network,
                       dataset: String, stepDays: Double) -> LineFigure {
        let first = results.first?.result
        let byOrganization = !(first?.organizations.isEmpty ?? true)
        let days = ResultTable(columns: []).fixed(stepDays, digits: 0)
        var caption = "\(dataset): \(first?.runs ?? 0) runs, seed \(first?.parameters.seed ?? 0)"
        if let end = first?.parameters.frame?.collectiveEnd { caption += "; the collective ends at step \(end)" }
        for (title, r) in results {
            guard case .practice(let x) = r.parameters.model, x.turnover > 0, let d = r.departures else { continue }
            caption += "; \(title): turnover μ = \(x.turnover) per step, \(ResultTable(columns: []).fixed(d.value, digits: 1)) participants left per run (\(x.replacement == .none ? "not replaced" : "replaced"))"
        }
        caption += "; curves stop at their plateau (within \(plateauTolerance) of their final value)"
        caption += "; bands: 95% confidence intervals of the mean."
        var f = LineFigure(
            title: byOrganization ? "Uptake beyond the collective, by organization" : "Adopters over time",
            caption: caption, xLabel: "step (\(days) days)",
            yLabel: byOrganization ? "share of members beyond the collective holding it" : "nodes holding it",
            yRange: byOrganization ? 0...1 : nil)
        f.panels = results.map { title, r in
            let end = r.parameters.frame?.collectiveEnd
            let markers = end.map { [LineFigure.Marker(x: Double($0), label: "collective ends")] } ?? []
            if byOrganization {
                let orgs = r.organizations.filter { $0.nonParticipantMembers > 0 }
                let stop = plateau(orgs.map(\.curve), notBefore: end ?? 0)
                return LineFigure.Panel(title: title, series: orgs.map { o in
                    LineFigure.Series(name: o.node >= 0 ? net.displayLabel(o.node) : o.name,
                                      points: o.curveEstimates.prefix(stop + 1).enumerated().map { t, e in
                                          LineFigure.Point(Double(t), e.value, max(0, e.low), min(1, e.high)) })
                }, markers: markers)
            }
            let top = max(1, r.curve.max() ?? 1)
            let stop = plateau([r.curve.map { $0 / top }], notBefore: end ?? 0)
            return LineFigure.Panel(title: title, series: [LineFigure.Series(
                name: "holders", points: r.curveEstimates.prefix(stop + 1).enumerated().map { t, e in
                    LineFigure.Point(Double(t), e.value, e.low, e.high) })], markers: markers)
        }
        return f
    }
}
