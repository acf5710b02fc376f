import Interstice

/// Adoption curves per organization (share of members beyond the collective holding the
/// invention, by step, with 95% bands), one panel per model.
enum DiffusionPlot {
    static func figure(_ results: [(title: String, result: DiffusionResult)], network net: Network,
                       dataset: String, stepDays: Double) -> LineFigure {
        let first = results.first?.result
        let byOrganization = !(first?.organizations.isEmpty ?? true)
        let days = ResultTable(columns: []).fixed(stepDays, digits: 0)
        var caption = "\(dataset): \(first?.runs ?? 0) runs, seed \(first?.parameters.seed ?? 0)"
        if let end = first?.parameters.frame?.collectiveEnd { caption += "; the collective ends at step \(end)" }
        caption += "; bands: 95% confidence intervals of the mean."
        var f = LineFigure(
            title: byOrganization ? "Uptake beyond the collective, by organization" : "Adopters over time",
            caption: caption, xLabel: "step (\(days) days)",
            yLabel: byOrganization ? "share of members beyond the collective holding it" : "nodes holding it",
            yRange: byOrganization ? 0...1 : nil)
        f.panels = results.map { title, r in
            if byOrganization {
                return LineFigure.Panel(title: title, series: r.organizations.filter { $0.nonParticipantMembers > 0 }.map { o in
                    LineFigure.Series(name: o.node >= 0 ? net.displayLabel(o.node) : o.name,
                                      points: o.curveEstimates.enumerated().map { t, e in
                                          LineFigure.Point(Double(t), e.value, max(0, e.low), min(1, e.high)) })
                })
            }
            return LineFigure.Panel(title: title, series: [LineFigure.Series(
                name: "holders", points: r.curveEstimates.enumerated().map { t, e in LineFigure.Point(Double(t), e.value, e.low, e.high) })])
        }
        return f
    }
}
