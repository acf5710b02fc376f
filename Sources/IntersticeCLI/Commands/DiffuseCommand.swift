import ArgumentParser
import Foundation
import Interstice

/// `interstice diffuse DATASET --model …`: any model, any seeds, per node or per organization.
struct DiffuseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diffuse",
        abstract: "Simulate the spread of an invention (Monte Carlo) and report per node or per organization.",
        discussion: """
        Seeds: collective:NAME (its participants; the default is the first collective), \
        comma-separated ids, random:K, or top:K:MEASURE (degree, pagerank, betweenness, \
        closeness, harmonic, eigenvector). A step stands for --step-days days; at the \
        collective's end, participants whose organization has not institutionalized the \
        invention drop it.

        Example:
          interstice diffuse Datasets/cucm-plie --model ic --probability acquaintance=0.2,exchange=0.4 --runs 5000
          interstice diffuse Datasets/cucm-plie --model lt --per organization --format csv
          interstice diffuse Datasets/email-Eu-core --model sir --seeds top:5:pagerank --recovery 0.3 --format json
        """
    )

    @OptionGroup var input: DatasetOptions
    @Option(help: "Model: ic, lt, complex, si, sis, sir, sir-continuous, bass, practice.")
    var model: DiffusionModelName = .ic
    @Option(help: "Seeds: collective:NAME, ids, random:K or top:K:MEASURE (default: the collective's participants).")
    var seeds: String?
    @OptionGroup var monteCarlo: MonteCarloOptions
    @OptionGroup var channels: ChannelOptions
    @OptionGroup var parameters: ModelOptions
    @Option(help: "Rows: node or organization.")
    var per: ReportUnit = .node
    @OptionGroup var output: OutputOptions
    @Option(help: ArgumentHelp("Also write the adoption curves per organization, with 95% bands, as SVG.", valueName: "file.svg"))
    var plot: String?

    func validate() throws {
        try parameters.checkIgnored(by: [model])
    }

    func run() throws {
        try reportingFailures {
            let net = try input.load()
            if [.sis, .sir].contains(model) && parameters.recovery > 1 {
                throw ValidationError("--recovery is a probability per step for \(model.rawValue): at most 1")
            }
            let run = try DiffusionSetup(network: net, model: model, seeds: seeds, monteCarlo: monteCarlo,
                                         channels: channels, parameters: parameters)
            let result = run.simulate(progress: ProgressBar(label: "diffuse \(model.rawValue)"))
            let table = per == .node ? DiffusionReport.nodeTable(result, network: net)
                : output.format == .table ? DiffusionReport.compactOrganizationTable(result, network: net)
                : DiffusionReport.organizationTable(result, network: net)
            try output.emit(DiffusionReport.render(table, result: result, format: output.format, dataset: input.dataset))
            if let plot {
                let fig = DiffusionPlot.figure([(result.parameters.model.description, result)], network: net,
                                               dataset: net.metadata.name ?? input.dataset, stepDays: channels.stepDays)
                try OutputFile.write(fig.svg(), to: plot)
            }
        }
    }
}

enum ReportUnit: String, CaseIterable, ExpressibleByArgument {
    case node, organization
}

/// A dataset, model, seeds and frame ready to simulate.
struct DiffusionSetup {
    let network: Network
    let graph: DiffusionGraph
    let parameters: DiffusionParameters
    let collective: Collective?

    init(network net: Network, model name: DiffusionModelName, seeds: String?, monteCarlo: MonteCarloOptions,
         channels: ChannelOptions, parameters model: ModelOptions) throws {
        network = net
        let collective = try channels.chosenCollective(net)
        self.collective = collective
        let seedNodes: [Int32]
        if let seeds {
            do {
                seedNodes = try SeedSelection(parsing: seeds).resolve(in: net, seed: monteCarlo.seed)
            } catch { throw ValidationError("--seeds: \(error)") }
        } else {
            guard let collective else {
                throw ValidationError("the dataset has no collective: give --seeds (ids, random:K or top:K:MEASURE)")
            }
            seedNodes = collective.participants.members
        }
        graph = net.diffusionGraph(try channels.channels(net))
        let frame = channels.frame(net, collective: collective, include: try channels.organizationFilter(net))
        parameters = DiffusionParameters(model: try model.model(name, network: net), seeds: seedNodes, runs: monteCarlo.runs,
                                         horizon: monteCarlo.horizon, seed: monteCarlo.seed, threads: monteCarlo.threads,
                                         frame: frame, targetHalfWidth: monteCarlo.targetHalfWidth)
    }

    func simulate(_ p: DiffusionParameters? = nil, progress: ProgressBar? = nil) -> DiffusionResult {
        let result = Diffusion.simulate(graph, p ?? parameters) { done, total in progress?.update(done, total) }
        progress?.finish()
        return result
    }
}
