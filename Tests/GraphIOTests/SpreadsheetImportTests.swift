import Foundation
import Testing
import TestSupport
@testable import GraphIO
import GraphCore

/// `interstice import`'s library part: the hand-written French sheets of Tests/Fixtures/import
/// (names with spaces and accents, `;`, a BOM, CRLF; the same in Windows-1252 and as .xlsx made
/// by make_sheets.py) and one bad row per error, each with its line and column.
@Suite("Spreadsheet import")
struct SpreadsheetImportTests {
    static let people = ["Loïc Müller", "Hélène Dupré-Lefèvre", "Amélie Roux", "Benoît Lê", "Françoise N'Diaye",
                         "Zoé Garçon", "Jean-Éric Ollivier", "Marie Dubois", "Noël Château"]
    static let organizations = ["CCAS Maison de quartier", "CG71 Service social", "Conseil départemental Insertion",
                                "Pôle emploi", "AFPA"]

    func importFixtures(_ people: String, _ ties: String, _ options: SheetOptions = SheetOptions()) throws -> SpreadsheetImport.Result {
        let p = try Sheet.read(Fixtures.path("import/\(people)"), options: options)
        let t = try Sheet.read(Fixtures.path("import/\(ties)"), options: options)
        return try SpreadsheetImport.run(people: p, ties: t)
    }

    func edges(_ net: Network, _ relation: Relation) -> [String] {
        guard let l = net.layer(relation) else { return [] }
        return (0..<l.edgeCount).map { e in
            let w = l.weights[e]
            return "\(net.ids[Int(l.sources[e])])>\(net.ids[Int(l.targets[e])])" + (w == 1 ? "" : " \(w)")
        }
    }

    @Test func frenchSheetsGiveTheExactNetwork() throws {
        let r = try importFixtures("personnes.csv", "liens.csv")
        let net = r.network
        #expect(net.ids == Self.people + Self.organizations + ["Comité de pilotage"])
        #expect(net.kinds == Array(repeating: .actor, count: 9) + Array(repeating: .organization, count: 5) + [.collective])
        #expect(net.relations == ["member", "participant", "acquaintance", "exchange", "reports_to"])
        #expect(net.nodeCount == 15 && net.edgeCount == 25)
        #expect(edges(net, "member") == [
            "Loïc Müller>CCAS Maison de quartier", "Hélène Dupré-Lefèvre>CG71 Service social", "Amélie Roux>CG71 Service social",
            "Benoît Lê>CG71 Service social", "Françoise N'Diaye>Conseil départemental Insertion",
            "Zoé Garçon>Conseil départemental Insertion", "Jean-Éric Ollivier>Pôle emploi", "Marie Dubois>AFPA",
            "Noël Château>CCAS Maison de quartier",
        ])
        #expect(edges(net, "participant") == ["Loïc Müller>Comité de pilotage", "Hélène Dupré-Lefèvre>Comité de pilotage",
                                              "Françoise N'Diaye>Comité de pilotage", "Jean-Éric Ollivier>Comité de pilotage",
                                              "Marie Dubois>Comité de pilotage"])
        #expect(edges(net, "acquaintance") == ["Hélène Dupré-Lefèvre>Loïc Müller", "Hélène Dupré-Lefèvre>Amélie Roux",
                                               "Hélène Dupré-Lefèvre>Benoît Lê", "Françoise N'Diaye>Zoé Garçon",
                                               "Amélie Roux>Loïc Müller"])
        #expect(edges(net, "exchange") == ["Françoise N'Diaye>Hélène Dupré-Lefèvre 12.0", "Hélène Dupré-Lefèvre>Françoise N'Diaye 8.0",
                                           "Jean-Éric Ollivier>Françoise N'Diaye 2.5", "Marie Dubois>Jean-Éric Ollivier 3.0"])
        #expect(edges(net, "reports_to") == ["Noël Château>Loïc Müller", "Zoé Garçon>Françoise N'Diaye"])
        #expect(net.layer("acquaintance")?.direction == .undirected)
        #expect(net.layer("exchange")?.direction == .directed)
        #expect(net.nodeAttribute("role", of: 4) == .string("Déléguée insertion"))
        #expect(net.nodeAttribute("Remarque", of: 1) == .string("connaît Loïc depuis 2005; confiance"))
        #expect(net.nodeAttribute("Remarque", of: 6) == .string("dit \"JE\""))
        #expect(net.nodeAttribute("Remarque", of: 0) == nil)
        #expect(r.repeatedTieLines == [7])
        #expect(r.organizations.map(\.members) == [2, 3, 2, 1, 1])
        #expect(r.collectives.map(\.participants) == [5])
        #expect(r.summary(peopleName: "personnes.csv", tiesName: "liens.csv") == [
            "personnes.csv: 9 people, 5 organizations, 1 collective",
            "  organizations (members): CCAS Maison de quartier (2), CG71 Service social (3), Conseil",
            "  départemental Insertion (2), Pôle emploi (1), AFPA (1)",
            "  collective \"Comité de pilotage\": 5 participants",
            "liens.csv: 11 ties: 5 acquaintance, 4 exchange, 2 reports_to; 1 repeated tie kept once (line 7)",
            "  columns: Nom → name; Structure → organization; Fonction → role; Comité de pilotage → collective;",
            "  Remarque → attribute; Personne 1 → person 1; Personne 2 → person 2; Type de lien → relation;",
            "  Fréquence → weight",
        ])
    }

    @Test func longOrganizationListsAreCutAndNoRelationColumnIsSaid() throws {
        var people = "Nom;Structure\n"
        for i in 1...14 { people += "P\(i);S\(i)\n" }
        let ps = try Sheet.decode(SourceText(name: "p.csv", bytes: Array(people.utf8)))
        let ts = try Sheet.decode(SourceText(name: "t.csv", bytes: Array("Personne 1;Personne 2\nP1;P2\n".utf8)))
        let r = try SpreadsheetImport.run(people: ps, ties: ts)
        let lines = r.summary(peopleName: "p.csv", tiesName: "t.csv")
        #expect(lines[0] == "p.csv: 14 people, 14 organizations, 0 collectives")
        #expect(lines[1...2].map { $0.dropFirst(2) }.joined(separator: " ") == "organizations (members): "
                + (1...12).map { "S\($0) (1)" }.joined(separator: ", ") + ", … (2 more; interstice info lists them)")
        #expect(lines[3] == "t.csv: 1 tie: 1 acquaintance")
        #expect(lines[4] == "  columns: Nom → name; Structure → organization; Personne 1 → person 1; Personne 2 → person 2; no")
        #expect(lines[5] == "  relation column: every tie is acquaintance")
        #expect(r.network.layer("acquaintance")?.edgeCount == 1)
    }

    @Test func cp1252AndXLSXGiveTheSameFiles() throws {
        let reference = DatasetFolder.encode(try importFixtures("personnes.csv", "liens.csv").network).prefix(2)
        let cp = DatasetFolder.encode(try importFixtures("personnes-cp1252.csv", "liens-cp1252.csv", SheetOptions(encoding: .cp1252)).network).prefix(2)
        let xlsx = DatasetFolder.encode(try importFixtures("personnes.xlsx", "liens.xlsx").network).prefix(2)
        for (a, b) in zip(reference, cp) { #expect(a.name == b.name && a.bytes == b.bytes, "\(a.name)") }
        for (a, b) in zip(reference, xlsx) {
            #expect(a.name == b.name && a.bytes == b.bytes,
                    "\(a.name):\n\(String(decoding: a.bytes, as: UTF8.self))\n---\n\(String(decoding: b.bytes, as: UTF8.self))")
        }
    }

    @Test func importedFolderReadsBack() throws {
        let net = try importFixtures("personnes.csv", "liens.csv").network
        let dir = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("chalon").path
        try DatasetFolder.write(net, to: out)
        let back = try DatasetFolder.read(out)
        #expect(back.ids == net.ids && back.kinds == net.kinds && back.edgeCount == 25)
        #expect(edges(back, "exchange") == edges(net, "exchange"))
    }

    @Test func xlsxCellsAndSheetChoice() throws {
        let s = try Sheet.read(Fixtures.path("import/personnes.xlsx"))
        #expect(s.isGrid && s.rows.count == 10)
        #expect(s.rows[1].map(\.text) == ["Loïc Müller", "CCAS Maison de quartier", "Directeur", "TRUE"])
        #expect(s.rows[7][4].text == "dit \"JE\"" && s.rows[7][4].line == 8 && s.rows[7][4].column == 5)
        let t = try Sheet.read(Fixtures.path("import/liens.xlsx"))
        #expect(t.rows.count == 13 && t.rows[9].map(\.text) == ["Jean-Éric Ollivier", "Françoise N'Diaye", "échange", "2.5"])
        #expect(Sheet.reference(row: 5, column: 3) == "C5" && Sheet.reference(row: 1, column: 28) == "AB1")
        #expect(XLSXSheet.columnNumber("AB12") == 28)
    }

    @Test func delimiterSniffingAndQuotes() throws {
        func sheet(_ s: String, _ o: SheetOptions = SheetOptions()) throws -> [[String]] {
            try Sheet.decode(SourceText(name: "s.csv", bytes: Array(s.utf8)), options: o).rows.map { $0.map(\.text) }
        }
        #expect(try sheet("a;b,c;d\n1;2,5;3\n") == [["a", "b,c", "d"], ["1", "2,5", "3"]])
        #expect(try sheet("a,b,c;d\n\"x, y\",z;w,v\n") == [["a", "b", "c;d"], ["x, y", "z;w", "v"]])
        #expect(try sheet("a\tb\n1\t\"2\n3\"\n\t\n") == [["a", "b"], ["1", "2\n3"]])
        #expect(try sheet("a,b;c\n1,2;3\n", SheetOptions(delimiter: ";")) == [["a,b", "c"], ["1,2", "3"]])
    }

    // MARK: Bad rows: each error names its file, line and column.

    let peopleText = "Nom;Structure;Fonction;Comité de pilotage\r\nLoïc Müller;CCAS;Directeur;oui\r\nZoé Garçon;AFPA;;non\r\n"
    let tiesText = "Personne 1;Personne 2;Type de lien;Fréquence\r\nLoïc Müller;Zoé Garçon;connaissance;1\r\n"

    func failure(people: String? = nil, ties: String? = nil, _ p: SpreadsheetImport.Parameters = .init()) -> String {
        do {
            let ps = try Sheet.decode(SourceText(name: "personnes.csv", bytes: Array((people ?? peopleText).utf8)))
            let ts = try Sheet.decode(SourceText(name: "liens.csv", bytes: Array((ties ?? tiesText).utf8)))
            _ = try SpreadsheetImport.run(people: ps, ties: ts, parameters: p)
            return "no error"
        } catch {
            return "\(error)"
        }
    }

    @Test func goodSmallSheets() {
        #expect(failure() == "no error")
    }

    @Test func unknownNameSuggestsTheClosest() {
        #expect(failure(ties: tiesText + "Loic Muller;Zoé Garçon;échange;\r\n")
                == "liens.csv:3:1: unknown person \"Loic Muller\": not in personnes.csv; did you mean \"Loïc Müller\"?")
        #expect(failure(ties: tiesText + "Zoé Garçon;Loïc Mühler;échange;\r\n")
                == "liens.csv:3:12: unknown person \"Loïc Mühler\": not in personnes.csv; did you mean \"Loïc Müller\"?")
        #expect(failure(ties: tiesText + "Zoé Garçon;Martine Aubry;échange;\r\n")
                == "liens.csv:3:12: unknown person \"Martine Aubry\": not in personnes.csv")
        #expect(failure(ties: tiesText + "Zoé Garçon;AFPA;échange;\r\n")
                == "liens.csv:3:12: \"AFPA\" is an organization in personnes.csv; ties join persons")
    }

    @Test func badCellsAreLocated() {
        #expect(failure(people: peopleText + "Noël Château;CCAS;Animateur;peut-être\r\n")
                == "personnes.csv:4:29: expected oui/non (yes/no) for \"Comité de pilotage\", found \"peut-être\"")
        #expect(failure(ties: tiesText + "Zoé Garçon;Loïc Müller;échnage;\r\n")
                == "liens.csv:3:24: unknown type of tie \"échnage\"; did you mean \"échange\"?; known: connaissance (acquaintance), échange (exchange), hiérarchie (reports_to); map others with --relation-map WORD=RELATION")
        #expect(failure(ties: tiesText + "Zoé Garçon;Loïc Müller;échange;souvent\r\n")
                == "liens.csv:3:32: expected a positive number for \"Fréquence\", found \"souvent\"")
        #expect(failure(ties: tiesText + "Zoé Garçon;Zoé Garçon;échange;\r\n")
                == "liens.csv:3:12: a tie from \"Zoé Garçon\" to the same person")
        #expect(failure(ties: tiesText + "Zoé Garçon;;échange;\r\n")
                == "liens.csv:3:12: empty person 2 (column \"Personne 2\"): every tie needs two persons")
        #expect(failure(people: peopleText + ";CCAS;Animateur;non\r\n")
                == "personnes.csv:4:1: empty name (column \"Nom\"): every row needs the person's name")
        #expect(failure(people: peopleText + "Zoé  Garçon;AFPA;;non\r\n")
                == "personnes.csv:4:1: \"Zoé Garçon\" is listed twice (line 3); a second row is only for a second organization")
        #expect(failure(people: peopleText + "Noël;CCAS;;non;en trop\r\n")
                == "personnes.csv:4:16: a value \"en trop\" in a column without a header (the header has 4 columns)")
        #expect(failure(people: peopleText + "CCAS;AFPA;;non\r\n")
                == "personnes.csv:2:13: the organization \"CCAS\" has the name of a person (line 4); rename one of them")
    }

    @Test func headersAndColumnOptions() {
        #expect(failure(people: "Qui;Structure\nLoïc;CCAS\n")
                == "personnes.csv:1:1: no column for the person's name (Nom, Name, Personne); the header has \"Qui\", \"Structure\"; name one with --name-column")
        #expect(failure(people: "Nom;Structure;Service\nLoïc;CCAS;RSA\n")
                == "personnes.csv:1:15: two columns could be the organization (Structure, Organisation, Service): \"Structure\" and \"Service\"; choose one with --organization-column")
        #expect(failure(SpreadsheetImport.Parameters(nameColumn: "Nome"))
                == "personnes.csv:1:1: no column \"Nome\" (--name-column); the header has \"Nom\", \"Structure\", \"Fonction\", \"Comité de pilotage\"; did you mean \"Nom\"?")
        // A column by number or letter; a relation word mapped; no relation column.
        let people = "Qui;Où\nLoïc;CCAS\nZoé;AFPA\n"
        #expect(failure(people: people, ties: "A;B;Type\nLoïc;Zoé;orientation\n",
                        SpreadsheetImport.Parameters(nameColumn: "1", organizationColumn: "B", sourceColumn: "A", targetColumn: "b",
                                                     relationMap: ["Orientation": "exchange"])) == "no error")
        #expect(failure(people: people, ties: "A;B;Type\nLoïc;Zoé;orientation\n",
                        SpreadsheetImport.Parameters(nameColumn: "1", organizationColumn: "B", sourceColumn: "A", targetColumn: "b"))
                == "liens.csv:2:10: unknown type of tie \"orientation\"; known: connaissance (acquaintance), échange (exchange), hiérarchie (reports_to); map others with --relation-map WORD=RELATION")
    }

    @Test func encodingErrorsSayWhatToDo() throws {
        let bytes = try Fixtures.bytes("import/personnes-cp1252.csv")
        #expect(throws: GraphIOError.self) { try Sheet.decode(SourceText(name: "p.csv", bytes: bytes)) }
        do {
            _ = try Sheet.decode(SourceText(name: "p.csv", bytes: bytes))
        } catch {
            #expect("\(error)" == "p.csv:1:29: invalid UTF-8 (byte 0xE9): if Excel saved it as plain \"CSV\", it is Windows-1252: pass --encoding cp1252")
        }
        do {
            _ = try Sheet.decode(SourceText(name: "p.csv", bytes: try Fixtures.bytes("import/personnes.csv")), options: SheetOptions(encoding: .cp1252))
            Issue.record("a UTF-8 file with a BOM read as cp1252")
        } catch {
            #expect("\(error)" == "p.csv:1:1: the file starts with a UTF-8 byte-order mark: it is UTF-8, not Windows-1252; drop --encoding cp1252")
        }
    }

    @Test func yesNoAndRelationWords() throws {
        for y in ["oui", "Oui", "OUI", "x", "X", "yes", "vrai", "TRUE", "1", " o "] { #expect(TextMatching.yesNo(y) == true, "\(y)") }
        for n in ["non", "Non", "", "no", "faux", "FALSE", "0", "-"] { #expect(TextMatching.yesNo(n) == false, "\(n)") }
        #expect(TextMatching.yesNo("peut-être") == nil)
        #expect(TextMatching.folded("  Comité  de Pilotage ?") == "comite de pilotage")
        #expect(TextMatching.tidyName(" Loïc\u{00A0} Müller ") == "Loïc Müller")
        #expect(TextMatching.distance("kitten", "sitting") == 3)
        #expect(try SpreadsheetImport.Parameters.relationMap(parsing: "orientation=exchange, formation=training")
                == ["orientation": "exchange", "formation": "training"])
        #expect(throws: GraphIOError.self) { try SpreadsheetImport.Parameters.relationMap(parsing: "orientation") }
    }
}
