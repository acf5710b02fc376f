import Interstice

/// The figure of `interstice exposure --plot`: observed cumulative adoption per group (share of
/// the group's population that had adopted by each period), and the mean network exposure of
/// the population by period, one line per relation set. Observed data: no bands.
enum ExposurePlot {
    static func figure(_ results: [ExposureResult], curves: [AdoptionCurve], adoption: AdoptionTimes,
                       network net: Network, dataset: String, column: String, groupedBy: String?) -> LineFigure {
        let adopters = adoption.inPopulation.indices.filter { adoption.inPopulation[$0] && adoption.time(of: Int32($0)) != nil }.count
        let population = adoption.inPopulation.filter { $0 }.count
        var f = LineFigure(
            title: "Observed adoption and network exposure",
            caption: "\(dataset): \(adopters) of \(population) adopted (\(column)); exposure = share of alters who had adopted.",
            xLabel: "period (\(column))", yLabel: "share", yRange: 0...1)
        let adoptionSeries = curves.filter { $0.members > 0 }.map { c in
            LineFigure.Series(name: c.node >= 0 ? net.displayLabel(c.node)
                                : c.name == "all" ? "everyone" : groupedBy.map { "\($0) \(c.name)" } ?? c.name,
                              points: zip(c.periods, c.share).map { LineFigure.Point(Double($0), $1) })
        }
        let by = groupedBy.map { "by \($0)" } ?? "by organization"
        var panels = [LineFigure.Panel(title: "Cumulative adoption \(by)", series: adoptionSeries)]
        let exposureSeries: [LineFigure.Series] = results.map { r in
            let points = r.periods.map { t -> LineFigure.Point in
                var sum = 0.0, k = 0
                for v in 0..<net.nodeCount where adoption.inPopulation[v] {
                    if let e = r.exposure(of: Int32(v), at: t) { sum += e; k += 1 }
                }
                return LineFigure.Point(Double(t), k > 0 ? sum / Double(k) : 0)
            }
            return LineFigure.Series(name: r.relationName, points: points)
        }
        if !exposureSeries.isEmpty { panels.append(LineFigure.Panel(title: "Mean exposure by relation", series: exposureSeries)) }
        f.panels = panels
        return f
    }
}
