import GraphCore
import GraphIO
import Testing
import TestSupport
@testable import GraphRender

@Suite("DOT reader (cgraph)")
struct DOTReaderTests {
    static func read(_ dot: String, name: String = "test.gv", options: ReadOptions = ReadOptions())
        throws -> (network: Network, warnings: [GraphvizMessage]) {
        try DOTReader.read(SourceText(name: name, bytes: Array(dot.utf8)), options: options)
    }

    @Test("every gallery file is read with the oracle's node and edge counts and no warning",
          arguments: Gallery.files)
    func gallery(file: String) throws {
        let (net, warnings) = try DOTReader.read(try SourceText.read(path: Gallery.path(file)))
        let oracle = try Gallery.oracleCounts(file)
        let clusters = Gallery.clusters[file] ?? 0
        #expect(warnings == [])
        #expect(net.nodeCount - clusters == oracle.nodes)
        #expect(net.nodes(ofKind: .organization).count == clusters)
        let memberEdges = net.layer(.member)?.edgeCount ?? 0
        #expect(net.edgeCount - memberEdges == oracle.edges)
    }

    @Test("nodes, kinds, labels, typed attributes and relations")
    func smallGraph() throws {
        let (net, warnings) = try Self.read("""
            digraph "field" {
              label="Chalon \\"équipe\\"";
              node [shape=box];
              as1 [kind=actor, label="AS 1\\nCG71", age=34, senior=true, since="2004-09-01"];
              dir [kind=actor, label="\\N", age=51.5];
              as1 -> dir [relation=exchange, weight=3, mode=phone];
              dir -> as1 [relation=exchange];
              as1 -> dir [relation=acquaintance, dir=none];
              dir -> x;
            }
            """)
        #expect(warnings == [])
        #expect(net.metadata.name == "field")
        #expect(net.metadata.title == "Chalon \"équipe\"")
        #expect(net.ids == ["as1", "dir", "x"])
        #expect(net.kinds == [.actor, .actor, .actor])
        #expect(net.labels == ["AS 1\nCG71", nil, nil])
        #expect(net.nodeAttribute("age", of: 0) == .double(34))
        #expect(net.nodeAttribute("age", of: 1) == .double(51.5))
        #expect(net.nodeAttribute("senior", of: 0) == .boolean(true))
        #expect(net.nodeAttribute("since", of: 0) == .date(CalendarDate(parsing: "2004-09-01")!))
        #expect(net.nodeAttribute("shape", of: 2) == .string("box"))
        #expect(net.relations == ["exchange", "acquaintance", "edge"])
        let exchange = try #require(net.layer("exchange"))
        #expect(exchange.direction == .directed)
        #expect(exchange.sources == [0, 1] && exchange.targets == [1, 0])
        #expect(exchange.weights == [3, 1])
        #expect(exchange.attributes["mode"]?.values == [.string("phone"), nil])
        #expect(exchange.attributes["weight"] == nil)
        let acquaintance = try #require(net.layer("acquaintance"))
        #expect(acquaintance.direction == .undirected)
        #expect(acquaintance.attributes["dir"] == nil)
        #expect(net.layer("edge")?.direction == .directed)
    }

    @Test("clusters become organizations with member edges; nested clusters nest")
    func clusters() throws {
        let (net, _) = try Self.read("""
            graph {
              subgraph cluster_cg71 { label="CG71"; a; b; subgraph cluster_ud { label="UD Nord"; c } }
              subgraph cluster_team { kind=collective; label="équipe"; d }
              subgraph plain { e }
              a -- b; c -- d; d -- e;
            }
            """)
        #expect(net.ids == ["a", "b", "c", "d", "e", "cluster_cg71", "cluster_ud", "cluster_team"])
        #expect(net.kinds[5...] == [.organization, .organization, .collective])
        #expect(net.labels[5...] == ["CG71", "UD Nord", "équipe"])
        let member = try #require(net.layer(.member))
        #expect(member.direction == .directed)
        #expect(zip(member.sources, member.targets).map { [$0, $1] } == [[0, 5], [1, 5], [2, 6], [6, 5]])
        let participant = try #require(net.layer(.participant))
        #expect(participant.sources == [3] && participant.targets == [7])
        let orgs = net.organizations()
        #expect(orgs.groupNames == ["cluster_cg71", "cluster_ud"])
        #expect(orgs.groups(of: 2).map { orgs.groupNames[Int($0)] } == ["cluster_ud"])
        #expect(net.layer("edge")?.direction == .undirected)
    }

    @Test("a cluster named like a node gets a distinct id")
    func clusterNameClash() throws {
        let (net, _) = try Self.read("digraph { cluster_a; subgraph cluster_a { b } }")
        #expect(net.ids == ["cluster_a", "b", "cluster:cluster_a"])
    }

    @Test("HTML-like labels give their text and keep the markup")
    func htmlLabel() throws {
        let (net, _) = try Self.read("digraph { a [label=<<B>Pôle</B> &amp; emploi<BR/>Nord>] }")
        #expect(net.labels == ["Pôle & emploi\nNord"])
        #expect(net.nodeAttribute("html_label", of: 0) == .string("<B>Pôle</B> &amp; emploi<BR/>Nord"))
    }

    @Test("Latin-1 with charset is decoded; undeclared invalid UTF-8 is an error with its place")
    func encodings() throws {
        var bytes = Array("digraph { graph [charset=latin1]; a [label=\"monta".utf8)
        bytes += [0xF1] + Array("as\"] }".utf8)
        let (net, _) = try DOTReader.read(SourceText(name: "l1.gv", bytes: bytes))
        #expect(net.labels == ["montañas"])

        var bad = Array("digraph {\n a [label=\"x".utf8)
        bad += [0xF1] + Array("\"] }".utf8)
        let error = #expect(throws: GraphIOError.self) { try DOTReader.read(SourceText(name: "bad.gv", bytes: bad)) }
        #expect(error?.line == 2)
        #expect(error?.column == 13)
        #expect(error?.message.contains("invalid UTF-8") == true)
    }

    @Test("a syntax error gives the file, the line and the offending text")
    func syntaxError() throws {
        let error = #expect(throws: GraphIOError.self) { try Self.read("digraph {\n a -> b;\n c -> -> d\n}", name: "s.gv") }
        #expect(error?.file == "s.gv")
        #expect(error?.line == 3)
        #expect(error?.message.contains("syntax error") == true)
        #expect(error?.message.contains("->") == true)
        // The parser recovers: the next read works.
        let (net, _) = try Self.read("digraph { a -> b }")
        #expect(net.nodeCount == 2)
    }

    @Test("what follows a graph in one text never reaches the next parse")
    func lexerReset() throws {
        // Only the first graph of a text is read; the rest must not leak into the next read.
        let (first, _) = try Self.read("digraph A { a }\ndigraph B { b -> c }\n\n\n")
        #expect(first.ids == ["a"])
        let (next, warnings) = try Self.read("digraph C { x -> y }")
        #expect(next.ids == ["x", "y"])
        #expect(warnings == [])
        // Line numbers start at 1 again.
        _ = try Self.read("digraph { a }\n\n\n\n")
        let error = #expect(throws: GraphIOError.self) { try Self.read("digraph {\n a -> ;\n}") }
        #expect(error?.line == 2)
    }

    @Test("empty input, binary input and a non-graph are errors")
    func notGraphs() throws {
        #expect(throws: GraphIOError.self) { try Self.read("") }
        #expect(throws: GraphIOError.self) { try Self.read("hello world") }
        #expect(throws: GraphIOError.self) {
            try DOTReader.read(SourceText(name: "b.gv", bytes: [0x64, 0x69, 0, 0x67]))
        }
    }

    @Test("attributes that read local files are refused unless allowed",
          arguments: [
              ("digraph { a [image=\"/etc/passwd\"] }", "image"),
              ("digraph { a [shape=epsf, shapefile=\"/tmp/x.ps\"] }", "shapefile"),
              ("digraph { imagepath=\"/home\"; a }", "imagepath"),
              ("digraph { fontpath=\"/usr/share\"; a }", "fontpath"),
              ("digraph { a [fontname=\"/tmp/evil.ttf\"] }", "fontname"),
              ("digraph { a [label=<<TABLE><TR><TD><img src=\"/etc/x.png\"/></TD></TR></TABLE>>] }", "IMG"),
          ])
    func fileReferences(dot: String, what: String) throws {
        let error = #expect(throws: GraphIOError.self) { try Self.read(dot) }
        #expect(error?.message.contains(what) == true)
        #expect(error?.message.contains("--allow-file-references") == true)
        #expect(error?.line == 1)
        let (net, _) = try Self.read(dot, options: ReadOptions(allowFileReferences: true))
        #expect(net.nodeCount == 1)
    }

    @Test("a font name without a path is allowed")
    func fontName() throws {
        let (net, _) = try Self.read("digraph { a [fontname=\"Helvetica-Bold\"] }")
        #expect(net.nodeAttribute("fontname", of: 0) == .string("Helvetica-Bold"))
    }

    @Test("Graphviz warnings come back as values, not on stderr")
    func warnings() throws {
        // "1a" is a badly delimited number: Graphviz warns and reads "1" then "a".
        let (net, warnings) = try Self.read("graph { 1a -- b }")
        #expect(warnings.count == 1)
        #expect(warnings.first?.level == .warning)
        #expect(warnings.first?.text.contains("badly delimited number") == true)
        #expect(net.ids.contains("b"))
    }

    @Test("ExternalReaders.withDOT() lets GraphFile read .gv files")
    func installed() throws {
        let net = try GraphFile.read(Gallery.path("graphs/directed/clust4.gv"), readers: .withDOT())
        #expect(net.nodeCount == 12)
    }

    @Test("label escapes and HTML text")
    func labelText() {
        #expect(DOTLabelText.expand(#"\N\nsecond\l"#, name: "a", graph: "G") == "a\nsecond")
        #expect(DOTLabelText.expand(#"back\\slash \G"#, name: "a", graph: "G") == "back\\slash G")
        #expect(DOTLabelText.htmlText("<TABLE><TR><TD>a</TD><TD>b</TD></TR><TR><TD>&#233;&#x41;</TD></TR></TABLE>") == "a b\néA")
    }
}
