import ArgumentParser
import Foundation
import Interstice

/// `interstice diffuse DATASET --model …`: any model, any seeds, per node or per organization.
/// The flags only build a ``DiffusionRequest``.
struct DiffuseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diffuse",
        abstract: "Simulate the spread of an invention (Monte Carlo) and report per node or per organization.",
        discussion: """
        Seeds: collective:NAME (its participants; the default is the first collective), \
        comma-separated ids, random:K, top:K:MEASURE (degree, pagerank, betweenness, \
        closeness, harmonic, eigenvector) or ATTR<=VALUE. A step stands for --step-days days; at the \
        collective's end, participants whose organization has not institutionalized the \
        invention drop it. Only actors adopt: organizations and collectives never do. Per \
        organization, the starting group (the collective or the seeds) is not counted beyond it, \
        as in `reach`.

        Example:
          interstice diffuse Datasets/cucm-plie --model ic --probability acquaintance=0.2,exchange=0.4,other=0.2 --runs 5000
          interstice diffuse Datasets/cucm-plie --model lt --per organization --format csv
          interstice diffuse Datasets/email-Eu-core --model sir --seeds top:5:pagerank --recovery 0.3 --format json
        """
    )

    @OptionGroup var input: DatasetOptions
    @Option(help: "Model: \(ModelKind.list) (default \(DiffusionRequest().model.rawValue)).")
    var model: ModelKind = DiffusionRequest().model
    @Option(help: "Seeds: collective:NAME, ids, random:K, top:K:MEASURE or ATTR<=VALUE (default: the collective's participants).")
    var seeds: String?
    @OptionGroup var monteCarlo: MonteCarloOptions
    @OptionGroup var channels: ChannelOptions
    @OptionGroup var parameters: ModelOptions
    @OptionGroup var fitted: FittedParametersOption
    @Option(help: "Rows: node or organization.")
    var per: ReportUnit = .node
    @OptionGroup var output: OutputOptions
    @Option(help: ArgumentHelp("Also write the adoption curves per organization, with 95% bands, as SVG.", valueName: "file.svg"))
    var plot: String?

    func request() throws(RequestError) -> DiffusionRequest {
        DiffusionRequest(model: model, settings: try diffusionSettings(seeds: seeds, monteCarlo: monteCarlo,
                                                                        channels: channels, parameters: parameters))
    }

    func run() throws {
        try reportingFailures {
            var req = try request()
            try req.settings.validate(models: [req.model])
            let net = try input.load()
            try fitted.apply(to: &req.settings, explicitProbability: channels.probability, models: [req.model], net: net)
            if let note = req.settings.frame.schemeNote(net) { printError("interstice: note: \(note)") }
            let prepared = try req.prepare(net)
            let bar = ProgressBar(label: "diffuse \(model.rawValue)")
            let result = prepared.run { bar.update($0, $1) }
            bar.finish()
            let table = per == .node ? DiffusionReport.nodeTable(result, network: net)
                : output.format == .table ? DiffusionReport.compactOrganizationTable(result, network: net)
                : DiffusionReport.organizationTable(result, network: net)
            let provenance = req.settings.provenance(net, start: prepared.start, channels: prepared.channels,
                                                     models: [req.model], input: input.identity)
            try output.emit(DiffusionReport.render(table, result: result, format: output.format, dataset: input.dataset,
                                                   provenance: provenance),
                            provenance: DiffusionReport.metadata(result, dataset: input.dataset, provenance: provenance))
            if let plot {
                let fig = DiffusionPlot.figure([(result.parameters.model.description, result)], network: net,
                                               dataset: net.metadata.name ?? input.dataset, stepDays: req.settings.frame.stepDays)
                try OutputFile.write(fig.svg(), to: plot)
            }
        }
    }
}

enum ReportUnit: String, CaseIterable, ExpressibleByArgument {
    case node, organization
}
