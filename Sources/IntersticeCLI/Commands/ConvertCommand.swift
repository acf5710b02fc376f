import ArgumentParser
import Interstice

/// `interstice convert IN OUT`: from any supported format to any other.
struct ConvertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Convert a dataset between formats (inferred from the names, or --from / --to).",
        discussion: """
        A folder as OUT writes the native format (nodes.csv, edges.csv, dataset.json). The \
        output is written to a temporary file and renamed: a failed run leaves nothing.

        Example:
          interstice convert Datasets/cucm-plie cucm.graphml
          interstice convert soc-Slashdot0902.txt.gz slashdot.gexf --directed
          cat g.gml | interstice convert - out/ --from gml --to native
        """
    )

    @OptionGroup var input: DatasetOptions

    @Argument(help: ArgumentHelp("Output file or folder, or - for standard output (with --to).", valueName: "out"))
    var out: String

    @Option(name: .customLong("to"), help: "Output format: \(GraphFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
    var to: GraphFormat?

    func validate() throws {
        if out == "-" && to == nil { throw ValidationError("writing standard output needs --to FORMAT") }
        if out == "-" && to == .native { throw ValidationError("the native format is a folder; it cannot go to standard output") }
    }

    func run() throws {
        try reportingFailures {
            let net = try input.load()
            try GraphFile.write(net, to: out, format: to)
        }
    }
}
