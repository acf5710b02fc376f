import ArgumentParser
import Foundation
import GraphRender
import Interstice

/// The `interstice` command: one subcommand per file under `Commands/`.
@main
struct IntersticeTool: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "interstice",
        abstract: "Network analytics for partnership cooperation: who bridges organizations, and does an invention reach them?",
        discussion: """
        DATASET is a native dataset folder (nodes.csv + edges.csv), or a graph file whose format \
        comes from its name (.graphml .gexf .gml .net/.paj .json .gv/.dot, edge lists \
        .txt/.edges/.edgelist/.tsv/.csv, adjacency lists .adjlist, optionally .gz), or - with --from.

        Example:
          interstice info Datasets/cucm-plie
          interstice convert Datasets/chalon-sur-saone chalon.graphml
        """,
        version: IntersticeVersion.string,
        subcommands: [InfoCommand.self, ConvertCommand.self, ImportCommand.self, CentralityCommand.self, BrokerageCommand.self, StructureCommand.self,
                      CommunitiesCommand.self, RenderCommand.self, DiffuseCommand.self, ReachCommand.self, RelaysCommand.self, ExposureCommand.self, FitCommand.self, ReportCommand.self,
                      GenerateCommand.self, BatchCommand.self, RenderWorkerCommand.self]
    )

    /// Sets up signals and the Graphviz worker, then parses and runs.
    static func main() {
        if CommandLine.arguments.dropFirst().first == RenderWorkerCommand.name {
            // A worker inherits its parent's ignored SIGINT/SIGTERM (the parent receives them
            // through dispatch sources): a worker ends on them, as any Graphviz run would.
            signal(SIGINT, SIG_DFL)
            signal(SIGTERM, SIG_DFL)
            // Straight to the worker's loop: no command-line parsing on a worker's start-up.
            if let bytes = RenderWorkerCommand.memoryBytes(in: CommandLine.arguments) {
                Foundation.exit(RenderWorker.serve(memoryBytes: bytes))
            }
        } else {
            Signals.install()
            signal(SIGPIPE, SIG_IGN)   // a worker that dies mid-request is an error, not the end of this process
            RenderWorker.install(executable: RenderWorkerCommand.executable, arguments: [RenderWorkerCommand.name])
        }
        main(nil)
    }
}

/// The version printed by `--version` and recorded in results.
enum IntersticeVersion {
    static let string = "0.1.0"
}
