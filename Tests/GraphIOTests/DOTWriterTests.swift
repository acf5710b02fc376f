import GraphCore
import GraphIO
import Testing

@Suite("DOT writer")
struct DOTWriterTests {
    static func text(_ net: Network) -> String { String(decoding: DOTWriter.write(net), as: UTF8.self) }

    @Test("a small multiplex network, exactly")
    func smallNetwork() throws {
        var net = Network()
        net.metadata.name = "cucm"
        net.metadata.title = "CUCM \"PLIE\""
        let a = try net.addNode("as1", kind: .actor, label: "AS 1")
        let b = try net.addNode("as2")
        let o = try net.addNode("cg71", kind: .organization, label: "CG71\nNord")
        try net.setNodeAttribute("age", of: a, .integer(34))
        try net.setNodeAttribute("label", of: b, .string("clash"))
        try net.addEdge(a, o, relation: .member)
        let e = try net.addEdge(a, b, relation: .acquaintance, weight: 2.5)
        try net.setEdgeAttribute("since", relation: .acquaintance, edge: e, .date(CalendarDate(parsing: "2004-09-01")!))
        #expect(Self.text(net) == """
            // Interstice network: 3 nodes, 2 edges
            digraph "cucm" {
              label="CUCM \\"PLIE\\"";
              "as1" [kind="actor", label="AS 1", "age"="34"];
              "as2" [kind="actor", "data_label"="clash"];
              "cg71" [kind="organization", label="CG71\\nNord"];
              "as1" -> "cg71" [relation="member"];
              "as1" -> "as2" [relation="acquaintance", dir="none", weight="2.5", "since"="2004-09-01"];
            }

            """)
    }

    @Test("only undirected layers give an undirected graph")
    func undirected() throws {
        var net = Network()
        let a = net.node("a"), b = net.node("b")
        try net.addEdge(a, b, relation: .acquaintance)
        #expect(Self.text(net) == """
            // Interstice network: 2 nodes, 1 edges
            graph {
              "a" [kind="actor"];
              "b" [kind="actor"];
              "a" -- "b" [relation="acquaintance"];
            }

            """)
    }

    @Test("ids are always quoted strings, never keywords, numbers or HTML",
          arguments: [
              ("node", #""node""#), ("-1.5", #""-1.5""#), ("<b>x</b>", #""<b>x</b>""#),
              (#"say "hi""#, #""say \"hi\"""#), ("a\nb", "\"a\nb\""), ("été", #""été""#),
              // Backslashes stay as they are; an odd run before a quote or the end cannot be
              // quoted and becomes an HTML string.
              (#"a\b"#, #""a\b""#), (#"a\\"#, #""a\\""#), (#"a\"#, #"<a\>"#), (#"x\"y"#, #"<x\"y>"#),
              // With < or > an HTML string is impossible: one backslash is added.
              (#"<a\"#, #""<a\\""#), ("a\0b", #""ab""#),
          ])
    func quoting(id: String, expected: String) {
        #expect(DOTWriter.quote(id) == expected)
    }

    @Test("labels are escStrings that show the text itself")
    func labels() {
        #expect(DOTWriter.quoteLabel(#"a\b"#) == #""a\\b""#)
        #expect(DOTWriter.quoteLabel("l1\nl2") == #""l1\nl2""#)
        #expect(DOTWriter.quoteLabel(#"\N "q""#) == #""\\N \"q\"""#)
        #expect(DOTWriter.quoteLabel("<b>") == #""<b>""#)
    }
}
