import ArgumentParser
import Interstice

/// `interstice brokerage DATASET`: Gould–Fernandez roles with organizations as the groups.
struct BrokerageCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "brokerage",
        abstract: "Gould–Fernandez brokerage roles per node (coordinator, itinerant, representative, gatekeeper, liaison), with z-scores as R's sna::brokerage.",
        discussion: """
        Groups are the organizations (an actor's first one; actors without one form one more \
        class) or the values of a node attribute (--groups ATTRIBUTE).

        Example:
          interstice brokerage Datasets/cucm-plie --relations exchange
          interstice brokerage Datasets/krackhardt-hightech --relations advice --format csv
        """
    )

    @OptionGroup var input: DatasetOptions
    @Option(help: "Groups: organization, or a node attribute.")
    var groups = "organization"
    @OptionGroup var selection: GraphSelectionOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        try reportingFailures {
            let net = try input.load()
            let (g, nodes) = try selection.graph(net)
            let full: Partition
            if groups == "organization" { full = net.organizations() } else {
                guard let p = net.partition(byAttribute: groups) else { throw ValidationError("no node attribute \"\(groups)\"") }
                full = p
            }
            let primary = full.primary
            let local = Partition(labels: nodes.map { primary[Int($0)] }, groupNames: full.groupNames)
            let r: Brokerage.Result
            do { r = try Brokerage().compute(g, partition: local) } catch { throw ValidationError("brokerage: \(error)") }
            let roles = ["coordinator", "itinerant", "representative", "gatekeeper", "liaison", "total"]
            var t = ResultTable(columns: ["id", "label", "group"] + roles + roles.map { "z_" + $0 })
            t.tableDigits = 2
            for (i, v) in nodes.enumerated() {
                let c = r.classes[i]
                let group: JSONValue = c >= 0 && Int(c) < full.groupCount ? .string(full.groupNames[Int(c)]) : .null
                t.append([.string(net.ids[Int(v)]), .string(net.displayLabel(v)), group]
                         + r.counts[i].map { .double($0) } + r.zScores[i].map(DiffusionReport.num))
            }
            if output.format == .json {
                let rows = JSONValue.array(t.rows.map { .object(Array(zip(t.columns, $0))) })
                try output.emit(Array((JSONValue.object([
                    ("analysis", .string("brokerage")), ("input", input.identity.json),
                    ("definition", .string("Gould–Fernandez brokerage roles with sna::brokerage's expectations and z-scores")),
                    ("groups", .string(groups)), ("relations", .string(selection.relations ?? "every tie relation")),
                    ("direction", .string(selection.direction.rawValue)), ("version", .string(IntersticeVersion.string)),
                    ("rows", rows),
                ]).text() + "\n").utf8))
            } else {
                try output.emit(t)
            }
        }
    }
}
