import ArgumentParser
import Batch
import Foundation
import Interstice

extension ResultStore.ExportFormat: ExpressibleByArgument {}

/// `interstice batch export STORE`: every table as CSV or JSON Lines.
struct BatchExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write a results store's tables as CSV or JSON Lines (one file per table).",
        discussion: """
        Tables: jobs, statistics, node_scores, organization_reach, curves, runs; rows in key order.

        Example:
          interstice batch export sweep-results --format csv
          interstice batch export sweep-results/results.sqlite --format jsonl --table organization_reach -o -
        """
    )

    @Argument(help: ArgumentHelp("The results folder or its results.sqlite.", valueName: "store"))
    var store: String

    @Option(help: "csv or jsonl.")
    var format: ResultStore.ExportFormat = .csv

    @Option(name: [.customShort("o"), .customLong("output")], help: "Folder for the files (default: the store's folder); - writes the one --table to standard output.")
    var output: String?

    @Option(name: .customLong("table"), help: "Only these tables (repeatable).")
    var tables: [String] = []

    func validate() throws {
        for t in tables where !ResultStore.tables.contains(where: { $0.name == t }) {
            throw ValidationError("no table \"\(t)\"; tables are \(ResultStore.tables.map(\.name).joined(separator: ", "))")
        }
        if output == "-" && tables.count != 1 { throw ValidationError("-o - writes one table: give exactly one --table") }
    }

    func run() throws {
        try reportingFailures {
            let path = BatchCommand.storePath(store)
            guard FileManager.default.fileExists(atPath: path) else {
                throw GraphIOError(.missingInput, file: path, "no results store here")
            }
            let s = try ResultStore(path: path)
            defer { try? s.close() }
            if output == "-" {
                let (columns, rows) = try s.rows(tables[0])
                try OutputFile.write(ResultStore.render(columns: columns, rows: rows, format: format), to: "-")
                return
            }
            let folder = output ?? URL(fileURLWithPath: path).deletingLastPathComponent().path
            let files = try s.export(to: folder, format: format, tables: tables.isEmpty ? nil : tables)
            try OutputFile.write(Array((files.joined(separator: "\n") + "\n").utf8), to: "-")
        }
    }
}
