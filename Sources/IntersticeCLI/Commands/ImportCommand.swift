import ArgumentParser
import Foundation
import Interstice

/// `interstice import PEOPLE TIES -o FOLDER`: an analyst's two spreadsheets → a native dataset.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Make a dataset from two spreadsheets: people (name, organization, committee…) and ties (person 1, person 2, type, frequency).",
        discussion: """
        PEOPLE and TIES are CSV files as Excel or LibreOffice save them (separator ; , or tab, \
        found from the header line; UTF-8 with or without BOM, or --encoding cp1252 for Excel's \
        plain "CSV") or .xlsx workbooks (their first sheet). Columns are found by their headers, \
        in French or English: Nom/Name/Personne, Structure/Organisation/Service, Fonction/Rôle, \
        Comité…/Collectif/Committee (yes/no: oui/non, x), Personne 1/Source, Personne 2/Target, \
        Type de lien/Relation (connaissance, échange, hiérarchie), Fréquence/Poids/Weight; or \
        named with the --*-column options (a header, a number or a letter). Other columns become \
        attributes. FOLDER gets nodes.csv, edges.csv and dataset.json, written atomically.

        Example:
          interstice import personnes.csv liens.csv -o chalon
          interstice info chalon
          interstice import equipe.xlsx liens.xlsx -o equipe --relation-map orientation=exchange
          interstice import people.csv ties.csv -o d --encoding cp1252 --collective-column "Comité de suivi"
        """
    )

    @Argument(help: ArgumentHelp("The people sheet (.csv, .tsv, .txt or .xlsx).", valueName: "people"))
    var people: String

    @Argument(help: ArgumentHelp("The ties sheet (.csv, .tsv, .txt or .xlsx).", valueName: "ties"))
    var ties: String

    @Option(name: [.customShort("o"), .customLong("output")], help: "The dataset folder to write.")
    var output: String

    @Option(name: .customLong("encoding"), help: "Encoding of CSV sheets: utf-8 (default; a BOM is accepted) or cp1252 (Windows-1252).")
    var encoding = "utf-8"

    @Option(name: .customLong("delimiter"), help: "Separator of CSV sheets: ';', ',', tab… (default: found from the header line).")
    var delimiter: String?

    @Option(name: .customLong("name-column"), help: "People: the column of names.")
    var nameColumn: String?
    @Option(name: .customLong("organization-column"), help: "People: the column of organizations.")
    var organizationColumn: String?
    @Option(name: .customLong("role-column"), help: "People: the column of functions (attribute role).")
    var roleColumn: String?
    @Option(name: .customLong("collective-column"), help: "People: a yes/no column naming a collective (repeatable).")
    var collectiveColumns: [String] = []
    @Option(name: .customLong("source-column"), help: "Ties: the first person's column.")
    var sourceColumn: String?
    @Option(name: .customLong("target-column"), help: "Ties: the second person's column.")
    var targetColumn: String?
    @Option(name: .customLong("relation-column"), help: "Ties: the type of tie.")
    var relationColumn: String?
    @Option(name: .customLong("weight-column"), help: "Ties: the weight (frequency).")
    var weightColumn: String?
    @Option(name: .customLong("relation-map"), help: "More words for the type of tie: WORD=RELATION,… (orientation=exchange).")
    var relationMap: String?
    @Option(name: .customLong("default-relation"), help: "The relation of every tie when the ties sheet has no type column.")
    var defaultRelation = "acquaintance"

    func validate() throws {
        if SheetOptions.encoding(named: encoding) == nil {
            throw ValidationError("--encoding: expected utf-8 or cp1252, found \"\(encoding)\"")
        }
        if let delimiter, SheetOptions.delimiter(named: delimiter) == nil {
            throw ValidationError("--delimiter: expected one character (; , | or tab), found \"\(delimiter)\"")
        }
        if output == "-" { throw ValidationError("the output is a folder; it cannot be standard output") }
    }

    func run() throws {
        try reportingFailures {
            let sheetOptions = SheetOptions(encoding: SheetOptions.encoding(named: encoding)!,
                                            delimiter: delimiter.flatMap(SheetOptions.delimiter(named:)))
            let parameters = SpreadsheetImport.Parameters(
                nameColumn: nameColumn, organizationColumn: organizationColumn, roleColumn: roleColumn,
                collectiveColumns: collectiveColumns, sourceColumn: sourceColumn, targetColumn: targetColumn,
                relationColumn: relationColumn, weightColumn: weightColumn,
                relationMap: try relationMap.map(SpreadsheetImport.Parameters.relationMap(parsing:)) ?? [:],
                defaultRelation: defaultRelation)
            try parameters.validate()
            let peopleSheet = try Sheet.read(people, options: sheetOptions)
            let tiesSheet = try Sheet.read(ties, options: sheetOptions)
            var result = try SpreadsheetImport.run(people: peopleSheet, ties: tiesSheet, parameters: parameters)
            var name = URL(fileURLWithPath: output).lastPathComponent
            if name.isEmpty || name == "." { name = "imported" }
            result.network.metadata.name = name
            try DatasetFolder.write(result.network, to: output)
            var lines = result.summary(peopleName: people, tiesName: ties)
            lines.append("wrote \(output): \(result.network.nodeCount) nodes, \(result.network.edgeCount) edges (nodes.csv, edges.csv, dataset.json); next: interstice info \(output)")
            try OutputFile.write(Array((lines.joined(separator: "\n") + "\n").utf8), to: "-")
        }
    }
}
