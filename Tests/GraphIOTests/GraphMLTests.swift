import Foundation
import Testing
import GraphCore
@testable import GraphIO
import TestSupport

@Suite("GraphML")
struct GraphMLTests {
    // MARK: - Reading

    static let typed = """
        <?xml version="1.0" encoding="UTF-8"?>
        <graphml xmlns="http://graphml.graphdrawing.org/xmlns">
          <key id="k" for="node" attr.name="kind" attr.type="string"><default>actor</default></key>
          <key id="age" for="node" attr.name="age" attr.type="int"/>
          <key id="score" for="node" attr.name="score" attr.type="float"><default>0.5</default></key>
          <key id="ok" for="node" attr.name="ok" attr.type="boolean"/>
          <key id="big" for="node" attr.name="big" attr.type="long"/>
          <key id="name" for="node" attr.name="name" attr.type="string"/>
          <key id="r" for="edge" attr.name="relation" attr.type="string"><default>exchange</default></key>
          <key id="w" for="edge" attr.name="weight" attr.type="double"/>
          <key id="n" for="edge" attr.name="note" attr.type="string"/>
          <key id="c" for="all" attr.name="color" attr.type="string"><default>grey</default></key>
          <graph id="G" edgedefault="directed">
            <desc>two parallel arcs, an undirected edge, a self-loop</desc>
            <node id="a"><data key="k">organization</data><data key="age"> 42 </data><data key="ok">True</data><data key="big">9007199254740993</data></node>
            <node id="b"><data key="score">1e-3</data><data key="name">x &amp; y &#233;<![CDATA[<raw>]]></data><data key="c">red</data></node>
            <node id="c"/>
            <edge id="e1" source="a" target="b"><data key="w">2.5</data></edge>
            <edge source="a" target="b"><data key="w">1</data><data key="n">again</data></edge>
            <edge source="b" target="c" directed="false"><data key="r">acquaintance</data></edge>
            <edge source="c" target="c"/>
          </graph>
        </graphml>
        """

    @Test("typed keys, defaults, kinds, relations, weights, ids, parallel edges, per-edge direction")
    func typedKeys() throws {
        let net = try readGraphML(Self.typed)
        #expect(net.ids == ["a", "b", "c"])
        #expect(net.kinds == ["organization", "actor", "actor"])
        #expect(net.labels == [nil, nil, nil])
        #expect(net.nodeAttribute("age", of: 0) == .integer(42))
        #expect(net.nodeAttribute("age", of: 1) == nil)
        #expect(net.nodeAttribute("ok", of: 0) == .boolean(true))
        #expect(net.nodeAttribute("big", of: 0) == .integer(9_007_199_254_740_993))
        #expect((0..<3).map { net.nodeAttribute("score", of: $0) } == [.double(0.5), .double(0.001), .double(0.5)])
        #expect(net.nodeAttribute("name", of: 1) == .string("x & y é<raw>"))
        #expect((0..<3).map { net.nodeAttribute("color", of: $0) } == [.string("grey"), .string("red"), .string("grey")])
        #expect(net.nodeAttributes.names == ["age", "score", "ok", "big", "name", "color"])
        #expect(net.nodeAttributes["big"]?.type == .integer)

        #expect(net.relations == ["exchange", "acquaintance"])
        let ex = try #require(net.layer("exchange"))
        #expect(ex.direction == .directed)
        #expect(ex.sources == [0, 0, 2])
        #expect(ex.targets == [1, 1, 2])
        #expect(ex.weights == [2.5, 1, 1])
        #expect(ex.attributes["id"]?.values == [.string("e1"), nil, nil])
        #expect(ex.attributes["note"]?.values == [nil, .string("again"), nil])
        #expect(ex.attributes["color"]?.values == [.string("grey"), .string("grey"), .string("grey")])
        let acq = try #require(net.layer("acquaintance"))
        #expect(acq.direction == .undirected)
        #expect(acq.sources == [1])
        #expect(acq.targets == [2])
    }

    @Test("edgedefault: absent is undirected; directed=\"true\" overrides it for another relation")
    func edgeDefault() throws {
        let net = try readGraphML("""
            <graphml><key id="r" for="edge" attr.name="relation"/>
            <graph><node id="1"/><node id="2"/>
            <edge source="1" target="2"/>
            <edge source="2" target="1" directed="true"><data key="r">exchange</data></edge>
            </graph></graphml>
            """)
        #expect(net.layer("edge")?.direction == .undirected)
        #expect(net.layer("exchange")?.direction == .directed)
        #expect(net.layer("exchange")?.sources == [1])
        #expect(net.edgeCount == 2)
    }

    @Test("edges may come before the nodes they name; only the first top-level graph is read")
    func edgesFirst() throws {
        let net = try readGraphML("""
            <graphml><graph edgedefault="directed"><edge source="y" target="x"/><node id="x"/><node id="y"/></graph>
            <graph edgedefault="directed"><node id="z"/></graph></graphml>
            """)
        #expect(net.ids == ["x", "y"])
        #expect(net.layer("edge")?.sources == [1])
        #expect(net.layer("edge")?.targets == [0])
    }

    @Test("yEd: yfiles keys skipped, labels from y:NodeLabel/y:EdgeLabel, group nodes flattened")
    func yEd() throws {
        let net = try GraphMLFormat.read(SourceText.read(path: Fixtures.path("graphml/yed.graphml")))
        #expect(net.ids == ["n0", "n1", "n1::n0", "n1::n1"])
        #expect(net.labels == ["AS 1", "Maison de quartier", "Directeur", nil])
        #expect(net.nodeAttribute("description", of: 0) == .string("Assistante sociale, CG71"))
        #expect(net.nodeAttribute("url", of: 3) == .string("https://example.invalid/animatrice"))
        #expect(net.nodeAttributes.names == ["url", "description"])
        let layer = try #require(net.layer("edge"))
        #expect(layer.direction == .directed)
        #expect(layer.sources == [2, 0])
        #expect(layer.targets == [3, 2])
        #expect(layer.attributes["id"]?.values == [.string("n1::e0"), .string("e0")])
        #expect(layer.attributes["description"]?.values == [nil, .string("orientation")])
        #expect(layer.attributes["label"]?.values == [nil, .string("file transmise")])
    }

    @Test("a DOCTYPE without entity declarations (the old GraphML DTD) is skipped, never loaded")
    func doctypeSkipped() throws {
        let net = try readGraphML("""
            <?xml version="1.0"?>
            <!DOCTYPE graphml SYSTEM "http://graphml.graphdrawing.org/dtds/graphml.dtd">
            <graphml><graph edgedefault="undirected"><node id="a"/></graph></graphml>
            """)
        #expect(net.ids == ["a"])
    }

    @Test("an external entity naming /etc/passwd is rejected before anything is read")
    func externalEntity() throws {
        let path = Fixtures.path("graphml/xxe.graphml")
        let e = try #require(readError { () throws(GraphIOError) in try GraphMLFormat.read(SourceText.read(path: path)) })
        #expect(e.line == 3)
        #expect(e.column == 3)
        #expect(e.message.contains("DTD entity declarations are not supported"))
        #expect(!e.message.contains("root:"))
        #expect(e.kind == .badData)
    }

    @Test("an empty graph reads as an empty network; a document without a graph is an error")
    func emptyGraph() throws {
        let net = try readGraphML("<graphml><graph edgedefault=\"directed\"/></graphml>")
        #expect(net.nodeCount == 0 && net.edgeCount == 0)
        let e = readError { () throws(GraphIOError) in try readGraphML("<graphml><key id=\"a\" for=\"node\"/></graphml>") }
        #expect(e?.message.contains("no <graph> element") == true)
    }

    // MARK: - Errors

    struct BadCase: CustomStringConvertible, Sendable {
        let name: String
        let bytes: [UInt8]
        let line: Int
        let column: Int
        let fragment: String
        var description: String { name }
        init(_ name: String, _ text: String, _ line: Int, _ column: Int, _ fragment: String) {
            self.name = name; self.bytes = Array(text.utf8); self.line = line; self.column = column; self.fragment = fragment
        }
        init(_ name: String, bytes: [UInt8], _ line: Int, _ column: Int, _ fragment: String) {
            self.name = name; self.bytes = bytes; self.line = line; self.column = column; self.fragment = fragment
        }
    }

    static let head = "<graphml>\n<key id=\"age\" for=\"node\" attr.name=\"age\" attr.type=\"int\"/>\n<graph edgedefault=\"directed\">\n"

    static let bad: [BadCase] = [
        BadCase("mismatched tags", head + "<node id=\"a\"></edge>\n</graph></graphml>", 4, 14, "mismatched tags: found </edge> but <node>"),
        BadCase("truncated inside a tag", head + "<node id=\"a\"/>\n<node id=\"b", 5, 12, "unexpected end of file inside the value of the attribute id"),
        BadCase("truncated after a tag", head + "<node id=\"a\"/>\n", 5, 1, "unexpected end of file before <graph> (line 3) is closed"),
        BadCase("invalid UTF-8", bytes: Array((head + "<node id=\"caf").utf8) + [0xC3, 0x28] + Array("\"/>".utf8), 4, 14, "invalid UTF-8 (byte 0xC3)"),
        BadCase("binary garbage", bytes: [0x00, 0x01, 0x02, 0xFF, 0x3C], 1, 1, "byte 0x00 is not allowed in XML"),
        BadCase("binary garbage after a valid start", bytes: Array("<graphml>\n  ".utf8) + [0x1F, 0x8B, 0x08], 2, 3, "byte 0x1F is not allowed in XML"),
        BadCase("UTF-16", bytes: [0xFF, 0xFE, 0x3C, 0x00], 1, 1, "UTF-16"),
        BadCase("not XML", "source,target\na,b\n", 1, 1, "expected XML"),
        BadCase("empty file", "", 1, 1, "no XML element found"),
        BadCase("not GraphML", "<gexf version=\"1.3\"><graph/></gexf>", 1, 1, "expected the root element <graphml>"),
        BadCase("edge to an unknown node", head + "<node id=\"a\"/>\n  <edge source=\"a\" target=\"zz\"/>\n</graph></graphml>", 5, 3, "unknown node \"zz\": the edge's target is not a node"),
        BadCase("non-numeric int value", head + "<node id=\"a\"><data key=\"age\">forty</data></node>\n</graph></graphml>", 4, 14, "expected an integer for \"age\""),
        BadCase("non-numeric weight", "<graphml><key id=\"w\" for=\"edge\" attr.name=\"weight\" attr.type=\"string\"/><graph>\n<node id=\"a\"/><edge source=\"a\" target=\"a\"><data key=\"w\">heavy</data></edge></graph></graphml>", 2, 43, "expected a number for the edge weight"),
        BadCase("bad boolean", "<graphml><key id=\"b\" for=\"node\" attr.name=\"b\" attr.type=\"boolean\"/><graph>\n<node id=\"a\"><data key=\"b\">maybe</data></node></graph></graphml>", 2, 14, "expected true or false"),
        BadCase("undeclared key", head + "<node id=\"a\"><data key=\"height\">3</data></node>\n</graph></graphml>", 4, 14, "<data key=\"height\"> names no <key>"),
        BadCase("duplicate node", head + "<node id=\"a\"/>\n<node id=\"a\"/>\n</graph></graphml>", 5, 1, "node \"a\" is declared twice"),
        BadCase("unknown attr.type", "<graphml>\n  <key id=\"x\" for=\"node\" attr.type=\"decimal\"/><graph/></graphml>", 2, 3, "attr.type=\"decimal\""),
        BadCase("unquoted attribute", head + "<node id=a/>\n</graph></graphml>", 4, 10, "expected a quoted value"),
        BadCase("repeated attribute", head + "<node id=\"a\" id=\"b\"/>\n</graph></graphml>", 4, 14, "the attribute id is repeated"),
        BadCase("two root elements", "<graphml><graph/></graphml>\n<graphml/>", 2, 1, "a second root element"),
        BadCase("unknown entity", head + "<node id=\"a&nbsp;\"/>\n</graph></graphml>", 4, 12, "unknown entity \"&nbsp;\""),
        BadCase("bare ampersand", head + "<node id=\"a & b\"/>\n</graph></graphml>", 4, 13, "\"&\" must start a reference"),
        BadCase("hyperedge", head + "<node id=\"a\"/>\n  <hyperedge><endpoint node=\"a\"/></hyperedge>\n</graph></graphml>", 5, 3, "hyperedges are not supported"),
        BadCase("port", head + "<node id=\"a\">\n <port name=\"p\"/></node>\n</graph></graphml>", 5, 2, "ports are not supported"),
        BadCase("edge port", head + "<node id=\"a\"/><edge source=\"a\" target=\"a\" sourceport=\"p\"/>\n</graph></graphml>", 4, 15, "ports are not supported"),
        BadCase("direction conflict in one relation", head + "<node id=\"a\"/><node id=\"b\"/><edge source=\"a\" target=\"b\"/>\n<edge source=\"b\" target=\"a\" directed=\"false\"/>\n</graph></graphml>", 5, 1, "joins relation \"edge\", whose earlier edges are directed"),
        BadCase("bad edgedefault", "<graphml><graph edgedefault=\"both\"/></graphml>", 1, 10, "edgedefault=\"both\""),
        BadCase("edge without target", head + "<node id=\"a\"/><edge source=\"a\"/>\n</graph></graphml>", 4, 15, "<edge> needs a target attribute"),
        BadCase("unclosed comment", head + "<!-- note\n</graph></graphml>", 5, 19, "unexpected end of file inside the comment opened at line 4"),
        BadCase("stray end tag", "<graphml></graphml></graph>", 1, 20, "the end tag </graph> closes no open element"),
    ]

    @Test("bad input gives an error with the right line and column", arguments: bad)
    func badInput(_ c: BadCase) {
        let e = readError { () throws(GraphIOError) in try GraphMLFormat.read(SourceText(name: "bad.graphml", bytes: c.bytes)) }
        #expect(e != nil)
        guard let e else { return }
        #expect(e.file == "bad.graphml")
        #expect(e.line == c.line, "\(e)")
        #expect(e.column == c.column, "\(e)")
        #expect(e.message.contains(c.fragment), "\(e)")
    }

    // MARK: - networkx oracle files

    @Test("files written by networkx read as networkx reads them", arguments: ["karate", "lesmis", "partnership"])
    func networkxWritten(_ name: String) throws {
        let net = try GraphMLFormat.read(SourceText.read(path: Fixtures.path("graphml/networkx/\(name).graphml")))
        let expected = try NetworkDescription.load("graphml/networkx/\(name).json")
        #expect(NetworkDescription(net).differences(from: expected) == [])
        #expect(net.nodeCount == expected.nodes.count)
        #expect(net.edgeCount == expected.edges.count)
    }

    // MARK: - Writing

    static let written = ["directed", "undirected", "mixed"]

    @Test("the writer's output equals the committed files networkx was checked on", arguments: written)
    func writesCommittedFile(_ name: String) throws {
        let net = try NetworkDescription.load("graphml/written/\(name).json").network()
        try expectSameAsCommitted(GraphMLFormat.write(net), "graphml/written/\(name).graphml")
    }

    @Test("written files read back identically with Interstice's reader", arguments: written)
    func roundTrip(_ name: String) throws {
        let description = try NetworkDescription.load("graphml/written/\(name).json")
        let original = try description.network()
        let back = try GraphMLFormat.read(SourceText(name: "\(name).graphml", bytes: GraphMLFormat.write(original)))
        #expect(NetworkDescription(back).differences(from: description) == [])
        #expect(back.ids == original.ids)
        #expect(back.relations == original.relations)
        #expect(back.layers.map(\.direction) == original.layers.map(\.direction))
        #expect(back.nodeAttributes == original.nodeAttributes)
        for (a, b) in zip(back.layers, original.layers) {
            #expect(a.sources == b.sources && a.targets == b.targets && a.weights == b.weights)
            #expect(Set(a.attributes.columns) == Set(b.attributes.columns))
        }
    }

    @Test("networkx read the committed written files as their descriptions (check_roundtrip.py)")
    func networkxReadsWrittenFiles() throws {
        let result = try #require(try Fixtures.json("graphml/roundtrip_result.json") as? [String: Any])
        let files = try #require(result["files"] as? [String: [String: Any]])
        for name in ["directed", "undirected", "mixed"] {
            let r = try #require(files["graphml/written/\(name).graphml"])
            #expect(r["ok"] as? Bool == true, "\(name): \(r)")
            #expect((r["differences"] as? [String])?.isEmpty == true)
        }
        // A mixed network: each undirected tie arrives as two arcs (marked mutual).
        let mixed = try #require(files["graphml/written/mixed.graphml"])
        #expect(mixed["mixed_as_mutual_arcs"] as? Bool == true, "\(mixed)")
    }

    @Test("reserved names, control characters and an empty network survive writing")
    func writerEdgeCases() throws {
        var net = Network()
        let a = try net.addNode("a", label: "bell\u{7}here")
        try net.setNodeAttribute("kind", of: a, .string("shadowed"))
        try net.setNodeAttribute("note", of: a, .string("line1\r\nline2\ttab \"q\" <&>"))
        try net.addEdge(a, a, relation: "edge", weight: 0.5)
        try net.setEdgeAttribute("weight", relation: "edge", edge: 0, .integer(3))
        let back = try GraphMLFormat.read(SourceText(name: "x", bytes: GraphMLFormat.write(net)))
        #expect(back.labels == ["bell\u{FFFD}here"])
        #expect(back.kinds == ["actor"])
        #expect(back.nodeAttribute("kind_attr", of: 0) == .string("shadowed"))
        #expect(back.nodeAttribute("note", of: 0) == .string("line1\r\nline2\ttab \"q\" <&>"))
        #expect(back.layer("edge")?.weights == [0.5])
        #expect(back.layer("edge")?.attributes["weight_attr"]?.values == [.integer(3)])

        let empty = try GraphMLFormat.read(SourceText(name: "e", bytes: GraphMLFormat.write(Network())))
        #expect(empty.nodeCount == 0 && empty.edgeCount == 0)
    }

    @Test("a 100k-edge network written and read back keeps every edge")
    func large() throws {
        var net = Network()
        net.reserveNodes(20_000)
        for i in 0..<20_000 { _ = try net.addNode("n\(i)") }
        var rng = SplitMix64(seed: 7)
        for _ in 0..<100_000 {
            let u = Int32(rng.next() % 20_000), v = Int32(rng.next() % 20_000)
            try net.addEdge(u, v, relation: "acquaintance", weight: Double(rng.next() % 1000) / 8)
        }
        let bytes = GraphMLFormat.write(net)
        let back = try GraphMLFormat.read(SourceText(name: "large.graphml", bytes: bytes))
        #expect(back.nodeCount == 20_000)
        let (l, m) = (try #require(back.layer("acquaintance")), try #require(net.layer("acquaintance")))
        #expect(l.sources == m.sources && l.targets == m.targets && l.weights == m.weights)
    }
}

@Suite("GraphML: shared interop and bad-input fixtures")
struct GraphMLSharedFixtureTests {
    static let interop = ["multi.graphml", "multi.igraph.graphml", "quirk-yed.graphml", "twomode.graphml",
                          "twomode.igraph.graphml", "weighted.graphml", "weighted.igraph.graphml"]
    static let rejected = ["quirk-entity-expansion.graphml", "quirk-xxe.graphml"]

    @Test("the lists here are every GraphML file of interop/expected.json")
    func listsComplete() throws {
        let files = try Interop.files(format: "graphml")
        #expect(files.read == Self.interop)
        #expect(files.reject == Self.rejected)
    }

    @Test("files written by networkx, igraph and yEd read as expected.json says", arguments: interop)
    func interopFile(_ name: String) throws {
        let entry = try #require(try Interop.entries()[name])
        let net = try GraphMLFormat.read(SourceText.read(path: Fixtures.path("interop/\(name)")))
        #expect(Interop.differences(net, entry) == [])
    }

    @Test("DOCTYPE entity tricks are rejected without being expanded", arguments: rejected)
    func interopRejected(_ name: String) throws {
        let entry = try #require(try Interop.entries()[name])
        let e = readError { () throws(GraphIOError) in try GraphMLFormat.read(SourceText.read(path: Fixtures.path("interop/\(name)"))) }
        #expect(BadManifest.check(e, entry) == [])
        #expect(e?.message.contains("root:") == false)
    }

    @Test("bad/manifest.json: every GraphML case fails where it says, the control reads")
    func badManifest() throws {
        let entries = try BadManifest.entries(format: "graphml")
        #expect(entries.count >= 7)
        for e in entries {
            let path = try #require(e["path"] as? String)
            let error = readError { () throws(GraphIOError) in try GraphMLFormat.read(SourceText.read(path: Fixtures.path("bad/\(path)"))) }
            #expect(BadManifest.check(error, e) == [], "\(path): \(String(describing: error))")
        }
        for c in try BadManifest.controls(format: "graphml") {
            _ = try GraphMLFormat.read(SourceText.read(path: Fixtures.path("bad/\(c)")))
        }
    }
}
