import Testing
@testable import GraphIO

/// Tables for terminals and spreadsheets: ids once, 100 columns, Excel CSV, decimal commas, chosen columns.
@Suite("Result tables: terminal width, Excel CSV, columns")
struct ResultTableStyleTests {
    func sample() -> ResultTable {
        var t = ResultTable(columns: ["id", "label", "organization", "betweenness"])
        t.tableDigits = 3
        t.append(["Loïc Müller", "Loïc Müller", "CCAS Maison de quartier", .double(0.25)])
        t.append(["Zoé Garçon", "Zoé Garçon", .null, .double(1.5)])
        return t
    }

    @Test func idsOnceWhenLabelsRepeatThem() {
        let text = String(decoding: sample().render(.table), as: UTF8.self)
        #expect(text == """
            id           organization             betweenness
            -----------  -----------------------  -----------
            Loïc Müller  CCAS Maison de quartier        0.250
            Zoé Garçon   -                              1.500

            """)
        var orgs = ResultTable(columns: ["organization", "label", "members"])
        orgs.append(["AFPA", "AFPA", .int(1)])
        orgs.append(["cg71", "CG71 Service social", .int(3)])
        #expect(String(decoding: orgs.render(.table), as: UTF8.self).contains("CG71 Service social"))
        orgs = ResultTable(columns: ["organization", "label", "members"])
        orgs.append(["AFPA", "AFPA", .int(1)])
        #expect(String(decoding: orgs.render(.table), as: UTF8.self) == "organization  members\n------------  -------\nAFPA                1\n")
        // CSV keeps every column (its readers rely on them).
        #expect(String(decoding: sample().render(.csv), as: UTF8.self).hasPrefix("id,label,organization,betweenness\n"))
    }

    @Test func wideTablesWrapTextAndFit100Columns() {
        var t = ResultTable(columns: ["id", "note", "score"])
        let long = "comité de pilotage du chantier d'insertion de la maison de quartier, avec les partenaires du territoire et leurs délégués"
        t.append(["a", .string(long), .double(1)])
        t.append(["b", "court", .double(2)])
        let lines = String(decoding: t.render(.table), as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.allSatisfy { $0.count <= 100 })
        #expect(lines.count == 6)
        #expect(lines[2].hasPrefix("a   comité de pilotage") && lines[2].hasSuffix("1.000000"))
        #expect(lines[3].hasPrefix("    ") && lines[3].hasSuffix("délégués"))
        // Many numeric columns: groups of columns, each repeating the first.
        var w = ResultTable(columns: ["id"] + (1...12).map { "measure_\($0)" })
        w.append(["Loïc Müller"] + (1...12).map { .double(Double($0)) })
        let text = String(decoding: w.render(.table), as: UTF8.self)
        #expect(text.split(separator: "\n").allSatisfy { $0.count <= 100 })
        #expect(text.components(separatedBy: "Loïc Müller").count - 1 == 2)
        #expect(text.contains("measure_12") && text.contains("12.000000"))
        #expect(ResultTable.wrap("../../Datasets/chalon-sur-saone", 20) == ["../../Datasets/", "chalon-sur-saone"])
    }

    @Test func excelCSVAndDecimalCommas() {
        let csv = sample().render(.csv, style: TableStyle(excel: true, decimalComma: true))
        #expect(Array(csv.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(String(decoding: csv.dropFirst(3), as: UTF8.self) == """
            id;label;organization;betweenness
            Loïc Müller;Loïc Müller;CCAS Maison de quartier;0,25
            Zoé Garçon;Zoé Garçon;;1,5

            """)
        var fr = sample()
        fr.tableDigits = 2
        #expect(String(decoding: fr.render(.table, style: TableStyle(decimalComma: true)), as: UTF8.self).contains("0,25"))
    }

    @Test func restyleAnyCSVWithChosenColumns() throws {
        let two = Array("id,label,p\na,\"x, y\",0.5\nb,z,12\n\ngroup,n\nCCAS,3\n".utf8)
        let out = try CSVRestyle.restyle(two, style: TableStyle(excel: true, decimalComma: true), columns: nil)
        #expect(String(decoding: out.dropFirst(3), as: UTF8.self) == "id;label;p\na;x, y;0,5\nb;z;12\n\ngroup;n\nCCAS;3\n")
        let picked = try CSVRestyle.restyle(Array("id,label,p\na,x,0.5\n".utf8), style: TableStyle(), columns: ["p", "id"])
        #expect(String(decoding: picked, as: UTF8.self) == "p,id\n0.5,a\n")
        #expect(throws: GraphIOError(.unsupported, file: "--columns", "no column \"lable\"; the columns are id, label, p; did you mean \"label\"?")) {
            try CSVRestyle.restyle(Array("id,label,p\na,x,0.5\n".utf8), style: TableStyle(), columns: ["lable"])
        }
        #expect(throws: GraphIOError(.unsupported, file: "--columns", "no column \"orgnization\"; the columns are id, label, organization, betweenness; did you mean \"organization\"?")) {
            try sample().selecting(["orgnization"])
        }
        #expect(try sample().selecting(["betweenness", "id"]).columns == ["betweenness", "id"])
        #expect(CSVRestyle.isDecimal("0.25") && CSVRestyle.isDecimal("-1.5e-07") && !CSVRestyle.isDecimal("12")
                && !CSVRestyle.isDecimal("1.2.3") && !CSVRestyle.isDecimal("v1.2") && !CSVRestyle.isDecimal("2024-01-02"))
    }
}
