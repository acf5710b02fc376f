import ArgumentParser
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
        subcommands: [InfoCommand.self, ConvertCommand.self, CentralityCommand.self, BrokerageCommand.self, StructureCommand.self,
                      CommunitiesCommand.self, RenderCommand.self, DiffuseCommand.self, ReachCommand.self, RelaysCommand.self, ExposureCommand.self, FitCommand.self, ReportCommand.self,
                      GenerateCommand.self, BatchCommand.self]
    )

}

/// The version printed by `--version` and recorded in results.
enum IntersticeVersion {
    static let string = "0.1.0"
}
