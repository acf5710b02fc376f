import Testing
import TestSupport
@testable import GraphIO
import GraphCore

/// The edge-list reader's quoted ids and `--delimiter` (names with spaces, as in a sheet saved as text).
@Suite("Edge lists: quoted ids and a given delimiter")
struct EdgeListQuotingTests {
    func read(_ s: String, _ o: ReadOptions = ReadOptions()) throws(GraphIOError) -> Network {
        try EdgeListFormat.read(SourceText(name: "e.txt", bytes: Array(s.utf8)), options: o)
    }

    @Test func quotedIdsHoldSpacesAndSeparators() throws {
        let net = try read("\"Loïc Müller\" \"Zoé Garçon\" 2\n\"Zoé Garçon\",\"a \"\"b\"\"; c\"\nx y\n")
        #expect(net.ids == ["Loïc Müller", "Zoé Garçon", "a \"b\"; c", "x", "y"])
        #expect(net.edgeCount == 3)
        #expect(net.layers[0].weights == [2, 1, 1])
    }

    @Test func delimiterSplitsOnlyThere() throws {
        let net = try read("source;target;weight\nLoïc Müller ; Zoé Garçon ; 2\nZoé Garçon;Benoît Lê;\n\"A;B\";C\n", ReadOptions(delimiter: ";"))
        #expect(net.ids == ["Loïc Müller", "Zoé Garçon", "Benoît Lê", "A;B", "C"])
        #expect(net.layers[0].weights == [2, 1, 1])
        let tab = try read("a b\tc d\n", ReadOptions(delimiter: "\t"))
        #expect(tab.ids == ["a b", "c d"])
    }

    @Test func errorsAreLocated() {
        #expect(throws: GraphIOError(.badData, file: "e.txt", line: 2, column: 1, "unclosed quote: a quoted id must close on its line")) {
            try read("a b\n\"Loïc Müller b\n")
        }
        #expect(throws: GraphIOError(.badData, file: "e.txt", line: 1, column: 4, "expected a separator or the end of the line after a closing quote, found \"x b\"")) {
            try read("\"a\"x b\n")
        }
        #expect(throws: GraphIOError(.badData, file: "e.txt", line: 1, column: 1, "empty source id")) {
            try read(";b\n", ReadOptions(delimiter: ";"))
        }
        #expect(throws: GraphIOError(.badData, file: "e.txt", line: 1, column: 5, "expected a number for weight (third column), found \"2,5x\"")) {
            try read("a;b;2,5x\n", ReadOptions(delimiter: ";"))
        }
    }
}
