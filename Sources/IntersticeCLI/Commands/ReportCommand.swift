import ArgumentParser
import Foundation
import GraphRender
import Interstice

extension ReportPage.Language: ExpressibleByArgument {}

/// `interstice report DATASET -o report.html [--lang fr|en]`: one self-contained HTML page an
/// analyst can hand over: the diagram, who bridges organizations, how cross-organizational the
/// ties are, whether an invention from the collective reaches the organizations, and every
/// parameter that produced it.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "One self-contained HTML report (diagram, brokers, E-I index, reach against chance, parameters), in English or French.",
        discussion: """
        The page needs no network access (inline SVG, CSS and scripts): it opens from an e-mail \
        attachment. The diagram zooms with the wheel and pans by dragging; hovering a node shows \
        its id, label, organization and scores; tables sort by a click on their header. Reach \
        runs the models of `interstice reach` with modest defaults (--runs \(MonteCarloSettings().runs), \
        --null-samples \(ReportCommand.defaultNullSamples) networks of reach's default null model, \
        \(ReachRequest().null?.rawValue ?? "none")); every option of the reach section means what it means for `reach`. \
        Its robustness paragraph sweeps a reduced grid (that of `reach --sensitivity` against the \
        report's null model alone, \(ReachRequest.Sensitivity.report(null: .collectivePreserving).runs) runs and \
        \(ReachRequest.Sensitivity.report(null: .collectivePreserving).nullRuns) runs per chance network per setting; \
        --grid-* change it, --no-sensitivity leaves it out) and says in how many settings each conclusion holds.

        Example:
          interstice report Datasets/cucm-plie -o cucm.html
          interstice report Datasets/chalon-sur-saone -o chalon.html --lang fr --seed 7
        """
    )

    /// Randomized networks for the comparison with chance: fewer than `reach`'s default, so the
    /// page is written in seconds; the smallest p-value it can show is 1/20.
    static let defaultNullSamples = 19

    @OptionGroup var input: DatasetOptions
    @Option(name: [.customShort("o"), .customLong("output")], help: ArgumentHelp("The HTML file to write (atomically), or - for standard output.", valueName: "report.html"))
    var output: String
    @Option(help: "Language of the page: en or fr (default en).")
    var lang: ReportPage.Language = .en
    @OptionGroup var monteCarlo: MonteCarloOptions
    @OptionGroup var channels: ChannelOptions
    @OptionGroup var parameters: ModelOptions
    @Option(help: "Randomized networks of reach's null model (\(ReachRequest().null?.rawValue ?? "none")) for the comparison with chance (default \(ReportCommand.defaultNullSamples); 0: none).")
    var nullSamples: Int?
    @Option(help: "Monte Carlo runs on each randomized network (default \(ReachRequest().nullRuns)).")
    var nullRuns: Int?
    @Flag(inversion: .prefixedNo, help: "Sweep reach over a grid of assumptions for the robustness paragraph (default on; the reduced grid of ReachRequest.Sensitivity.report, 50 settings; --grid-* as for reach --sensitivity).")
    var sensitivity = true
    @OptionGroup var grid: SensitivityOptions

    /// The reach request of the report: `reach`'s request with the report's modest number of
    /// null samples. Kept in one function so that a change of ``ReachRequest`` lands here only.
    func reachRequest() throws(RequestError) -> ReachRequest {
        var r = ReachRequest()
        r.nullSamples = nullSamples ?? ReportCommand.defaultNullSamples
        if r.nullSamples == 0 { r.null = nil; r.nullSamples = 0 }
        if let nullRuns { r.nullRuns = nullRuns }
        r.settings = try diffusionSettings(seeds: nil, monteCarlo: monteCarlo, channels: channels, parameters: parameters)
        if sensitivity {
            r.sensitivity = try grid.sensitivity(over: .report(null: r.null ?? ReachRequest().null ?? .collectivePreserving))
        }
        return r
    }

    func validate() throws {
        if output != "-" {
            let ext = URL(fileURLWithPath: output).pathExtension.lowercased()
            guard ext == "html" || ext == "htm" else { throw ValidationError("-o \(output): the report is HTML; name the file .html") }
        }
        if !sensitivity && !grid.given.isEmpty {
            throw ValidationError("\(grid.given.joined(separator: ", ")) only apply without --no-sensitivity")
        }
    }

    func run() throws {
        try reportingFailures {
            let reach = try reachRequest()
            try reach.validate()
            var centrality = CentralityRequest(measures: [.betweenness, .degree])
            centrality.threads = monteCarlo.threads
            try centrality.validate()
            let net = try input.load()
            let identity = input.identity
            let scores = try centrality.run(net)

            // Reach needs a collective; without one the section says so instead of failing the page.
            var outcome: ReachRequest.Outcome?
            var provenance: [(String, JSONValue)] = []
            var curves: String?
            var settings: [ReachSensitivity.Setting]?
            if try reach.settings.frame.chosenCollective(net) != nil {
                if let note = reach.settings.frame.schemeNote(net) { printError("interstice: note: \(note)") }
                let bar = ProgressBar(label: "report")
                let o = try reach.run(net, progress: { bar.update($0, $1) })
                bar.finish()
                outcome = o
                let sweepBar = ProgressBar(label: "sensitivity")
                settings = try reach.sweep(net, outcome: o, progress: { sweepBar.update($0, $1) })
                sweepBar.finish()
                var fig = DiffusionPlot.figure(o.result.models.map { ($0.model.description, $0.observed) }, network: net,
                                               dataset: net.metadata.name ?? input.dataset, stepDays: reach.settings.frame.stepDays)
                if lang == .fr {
                    // The figure's words in French (its caption lists parameters by their option names).
                    fig.title = "Adoption hors du collectif, par organisation"
                    fig.xLabel = "pas (\(String(format: "%.0f", reach.settings.frame.stepDays)) jours)"
                    fig.yLabel = "part des membres hors du collectif qui la portent"
                    for i in fig.panels.indices {
                        for j in fig.panels[i].markers.indices { fig.panels[i].markers[j].label = "fin du collectif" }
                    }
                }
                curves = String(decoding: fig.svg(), as: UTF8.self)
                provenance = reach.settings.provenance(net, start: o.start, channels: o.channels, models: reach.models, input: identity)
            }

            var style = DiagramStyle()
            style.title = net.metadata.title ?? net.metadata.name
            var sizes = [Double?](repeating: nil, count: net.nodeCount)
            for (i, v) in scores.nodes.enumerated() { sizes[Int(v)] = scores.columns[0].scores.scores[i] }
            style.size = DiagramStyle.Size(scores: sizes, name: "betweenness")
            style.caption = (net.metadata.name ?? input.dataset) + "; size: betweenness"
            let diagram: Diagram
            do throws(RenderError) {
                diagram = try Diagram.render(network: net, style: style, engine: .auto, format: .svg)
            } catch { throw RenderCommand.ioError(error, input.dataset) }
            for w in diagram.warnings { printError("interstice: warning: \(w)") }

            let page = try ReportPage(network: net, dataset: input.dataset, identity: identity, language: lang,
                                      diagramSVG: String(decoding: diagram.bytes, as: UTF8.self), centrality: scores,
                                      reach: outcome.map { ($0, reach, provenance) }, sensitivity: settings, curvesSVG: curves)
            try OutputFile.write(Array(page.html().utf8), to: output)
        }
    }
}
