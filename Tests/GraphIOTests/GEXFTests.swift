import Foundation
import Testing
import GraphCore
@testable import GraphIO
import TestSupport

@Suite("GEXF")
struct GEXFTests {
    // MARK: - Reading

    static let gephi12 = """
        <?xml version="1.0" encoding="UTF-8"?>
        <gexf xmlns="http://www.gexf.net/1.2draft" xmlns:viz="http://www.gexf.net/1.2draft/viz" version="1.2">
          <meta lastmodifieddate="2009-03-20"><creator>Gephi.org</creator><description>A partnership</description></meta>
          <graph defaultedgetype="directed" mode="dynamic" timeformat="date">
            <attributes class="node" mode="static">
              <attribute id="0" title="kind" type="string"><default>actor</default></attribute>
              <attribute id="1" title="age" type="integer"/>
              <attribute id="2" title="score" type="float"><default>0.5</default></attribute>
              <attribute id="3" title="delegate" type="boolean"/>
              <attribute id="4" title="tags" type="liststring"><options>a|b|c</options></attribute>
              <attribute id="5" title="joined" type="date"/>
              <attribute id="6" title="big" type="long"/>
            </attributes>
            <attributes class="edge" mode="dynamic">
              <attribute id="r" title="relation" type="string"/>
              <attribute id="c" title="count" type="integer"/>
            </attributes>
            <nodes>
              <node id="a" label="AS «1»" start="2006-01-01" end="2007-06-30">
                <attvalues>
                  <attvalue for="0" value="actor"/><attvalue for="1" value=" 41 "/><attvalue for="3" value="true"/>
                  <attvalue for="4" value="a|c"/><attvalue for="5" value="2004-09-01"/><attvalue for="6" value="9007199254740993"/>
                </attvalues>
                <spells><spell start="2006-01-01" end="2006-12-31"/></spells>
                <viz:color r="239" g="173" b="66" a="0.6"/><viz:position x="15.78" y="40.1" z="0.0"/><viz:size value="2.0"/>
              </node>
              <node id="org" label="CG71">
                <attvalues><attvalue for="0" value="organization"/><attvalue for="2" value="1e-3"/></attvalues>
                <nodes>
                  <node id="svc" label="Service social"/>
                </nodes>
              </node>
            </nodes>
            <edges>
              <edge id="0" source="a" target="org" weight="2.5" label="member of"><attvalues><attvalue for="r" value="member"/></attvalues></edge>
              <edge id="1" source="a" target="svc" type="mutual">
                <attvalues><attvalue for="r" value="exchange"/><attvalue for="c" value="3" start="2006-01-01" end="2006-06-30"/><attvalue for="c" value="5" start="2006-07-01"/></attvalues>
              </edge>
              <edge id="2" source="svc" target="org" type="undirected" kind="acquaintance"/>
            </edges>
          </graph>
        </gexf>
        """

    @Test("GEXF 1.2: typed attributes, defaults, viz skipped, hierarchy, mutual and per-edge types, dynamics")
    func gephi() throws {
        let net = try readGEXF(Self.gephi12)
        #expect(net.ids == ["a", "org", "svc"])
        #expect(net.labels == ["AS «1»", "CG71", "Service social"])
        #expect(net.kinds == ["actor", "organization", "actor"])
        #expect(net.metadata.title == "A partnership")
        #expect(net.nodeAttribute("age", of: 0) == .integer(41))
        #expect((0..<3).map { net.nodeAttribute("score", of: $0) } == [.double(0.5), .double(0.001), .double(0.5)])
        #expect(net.nodeAttribute("delegate", of: 0) == .boolean(true))
        #expect(net.nodeAttribute("tags", of: 0) == .string("a|c"))
        #expect(net.nodeAttribute("joined", of: 0) == .date(CalendarDate(year: 2004, month: 9, day: 1)!))
        #expect(net.nodeAttribute("big", of: 0) == .integer(9_007_199_254_740_993))
        #expect(net.nodeAttribute("start", of: 0) == .date(CalendarDate(year: 2006, month: 1, day: 1)!))
        #expect(net.nodeAttribute("end", of: 0) == .date(CalendarDate(year: 2007, month: 6, day: 30)!))
        #expect(net.nodeAttribute("pid", of: 2) == .string("org"))
        #expect(net.nodeAttributes["age"]?.type == .integer)

        #expect(net.relations == ["member", "exchange", "acquaintance"])
        let member = try #require(net.layer("member"))
        #expect(member.direction == .directed && member.weights == [2.5])
        #expect(member.attributes["label"]?.values == [.string("member of")])
        #expect(member.attributes["id"]?.values == [.string("0")])
        let exchange = try #require(net.layer("exchange"))
        // A mutual edge in a directed graph is two arcs; a dynamic attribute keeps its first value.
        #expect(exchange.sources == [0, 2] && exchange.targets == [2, 0])
        #expect(exchange.attributes["count"]?.values == [.integer(3), .integer(3)])
        let acq = try #require(net.layer("acquaintance"))
        #expect(acq.direction == .undirected && acq.sources == [2] && acq.targets == [1])
    }

    @Test("GEXF 1.3 with defaultedgetype absent (undirected), numeric timeformat, edges before nodes")
    func gexf13() throws {
        let net = try readGEXF("""
            <gexf xmlns="http://gexf.net/1.3" version="1.3"><graph timeformat="integer">
            <edges><edge source="2" target="1" start="1999"/></edges>
            <nodes><node id="1"/><node id="2" end="2004"/></nodes>
            </graph></gexf>
            """)
        #expect(net.ids == ["1", "2"])
        #expect(net.nodeAttribute("end", of: 1) == .integer(2004))
        let l = try #require(net.layer("edge"))
        #expect(l.direction == .undirected && l.sources == [1] && l.targets == [0])
        #expect(l.attributes["start"]?.values == [.integer(1999)])
    }

    // MARK: - Errors

    static let head = "<gexf version=\"1.3\">\n<graph defaultedgetype=\"directed\">\n<attributes class=\"node\"><attribute id=\"0\" title=\"age\" type=\"integer\"/></attributes>\n"

    static let bad: [GraphMLTests.BadCase] = [
        .init("not GEXF", "<graphml><graph/></graphml>", 1, 1, "expected the root element <gexf>"),
        .init("unknown attvalue id", head + "<nodes><node id=\"a\"><attvalues><attvalue for=\"9\" value=\"1\"/></attvalues></node></nodes>\n</graph></gexf>", 4, 32, "<attvalue for=\"9\"> names no node <attribute>"),
        .init("non-numeric integer", head + "<nodes><node id=\"a\"><attvalues><attvalue for=\"0\" value=\"forty\"/></attvalues></node></nodes>\n</graph></gexf>", 4, 32, "expected an integer for the node attribute \"age\""),
        .init("unknown type", "<gexf><graph>\n<attributes class=\"node\"><attribute id=\"0\" title=\"x\" type=\"decimal\"/></attributes></graph></gexf>", 2, 26, "type=\"decimal\""),
        .init("unknown node", head + "<nodes><node id=\"a\"/></nodes><edges>\n  <edge source=\"a\" target=\"zz\"/></edges>\n</graph></gexf>", 5, 3, "unknown node \"zz\""),
        .init("bad weight", head + "<nodes><node id=\"a\"/></nodes><edges>\n  <edge source=\"a\" target=\"a\" weight=\"1,5\"/></edges>\n</graph></gexf>", 5, 3, "expected a number for the edge weight, found \"1,5\""),
        .init("bad edge type", head + "<nodes><node id=\"a\"/></nodes><edges><edge source=\"a\" target=\"a\" type=\"both\"/></edges>\n</graph></gexf>", 4, 37, "type=\"both\""),
        .init("bad attributes class", "<gexf><graph><attributes class=\"graph\"/></graph></gexf>", 1, 14, "class=\"graph\""),
        .init("date that is not a date", "<gexf><graph><attributes class=\"node\"><attribute id=\"d\" type=\"date\"/></attributes>\n<nodes><node id=\"a\"><attvalues><attvalue for=\"d\" value=\"2006-13-01\"/></attvalues></node></nodes></graph></gexf>", 2, 32, "expected a date YYYY-MM-DD"),
        .init("start outside the timeformat", "<gexf><graph timeformat=\"integer\"><nodes>\n<node id=\"a\" start=\"soon\"/></nodes></graph></gexf>", 2, 1, "start=\"soon\" does not fit the graph's timeformat"),
        .init("direction conflict", head + "<nodes><node id=\"a\"/></nodes><edges><edge source=\"a\" target=\"a\"/>\n<edge source=\"a\" target=\"a\" type=\"undirected\"/></edges>\n</graph></gexf>", 5, 1, "whose earlier edges are directed"),
        .init("mismatched tags", head + "<nodes><node id=\"a\"></nodes>\n</graph></gexf>", 4, 21, "mismatched tags: found </nodes> but <node>"),
        .init("truncated", head + "<nodes><node id=\"a\">", 4, 21, "unexpected end of file before <node> (line 4) is closed"),
        .init("duplicate node", head + "<nodes><node id=\"a\"/><node id=\"a\"/></nodes>\n</graph></gexf>", 4, 22, "node \"a\" is declared twice"),
        .init("no graph", "<gexf version=\"1.3\"><meta/></gexf>", 1, 35, "no <graph> element"),
    ]

    @Test("bad input gives an error with the right line and column", arguments: bad)
    func badInput(_ c: GraphMLTests.BadCase) {
        let e = readError { () throws(GraphIOError) in try GEXFFormat.read(SourceText(name: "bad.gexf", bytes: c.bytes)) }
        #expect(e != nil)
        guard let e else { return }
        #expect(e.file == "bad.gexf")
        #expect(e.line == c.line, "\(e)")
        #expect(e.column == c.column, "\(e)")
        #expect(e.message.contains(c.fragment), "\(e)")
    }

    // MARK: - networkx oracle files

    @Test("files written by networkx read as networkx reads them", arguments: ["karate", "partnership"])
    func networkxWritten(_ name: String) throws {
        let net = try GEXFFormat.read(SourceText.read(path: Fixtures.path("gexf/networkx/\(name).gexf")))
        let expected = try NetworkDescription.load("gexf/networkx/\(name).json")
        #expect(NetworkDescription(net).differences(from: expected) == [])
        #expect(net.nodeCount == expected.nodes.count)
        #expect(net.edgeCount == expected.edges.count)
    }

    // MARK: - Writing

    static let written = ["directed", "undirected", "mixed"]

    @Test("the writer's output equals the committed files networkx was checked on", arguments: written)
    func writesCommittedFile(_ name: String) throws {
        let net = try NetworkDescription.load("graphml/written/\(name).json").network()
        try expectSameAsCommitted(GEXFFormat.write(net), "gexf/written/\(name).gexf")
    }

    @Test("written files read back identically with Interstice's reader (GEXF keeps only the title)", arguments: written)
    func roundTrip(_ name: String) throws {
        var description = try NetworkDescription.load("graphml/written/\(name).json")
        let original = try description.network()
        let back = try GEXFFormat.read(SourceText(name: "\(name).gexf", bytes: GEXFFormat.write(original)))
        description.metadata = description.metadata.filter { $0.key == "title" }
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
            let r = try #require(files["gexf/written/\(name).gexf"])
            #expect(r["ok"] as? Bool == true, "\(name): \(r)")
            #expect((r["differences"] as? [String])?.isEmpty == true)
        }
        // A mixed network: each undirected tie arrives as two arcs (marked mutual).
        let mixed = try #require(files["gexf/written/mixed.gexf"])
        #expect(mixed["mixed_as_mutual_arcs"] as? Bool == true, "\(mixed)")
    }

    @Test("a 100k-edge network written and read back keeps every edge")
    func large() throws {
        var net = Network()
        for i in 0..<20_000 { _ = try net.addNode("n\(i)") }
        var rng = SplitMix64(seed: 11)
        for _ in 0..<100_000 {
            let u = Int32(rng.next() % 20_000), v = Int32(rng.next() % 20_000)
            try net.addEdge(u, v, relation: "exchange", weight: Double(rng.next() % 1000) / 8)
        }
        let back = try GEXFFormat.read(SourceText(name: "large.gexf", bytes: GEXFFormat.write(net)))
        let (l, m) = (try #require(back.layer("exchange")), try #require(net.layer("exchange")))
        #expect(back.nodeCount == 20_000)
        #expect(l.direction == .directed)
        #expect(l.sources == m.sources && l.targets == m.targets && l.weights == m.weights)
    }
}

@Suite("GEXF: shared interop and bad-input fixtures")
struct GEXFSharedFixtureTests {
    static let interop = ["multi.gexf", "multi.gexf13.gexf", "quirk-gephi.gexf", "twomode.gexf", "weighted.gexf"]

    @Test("the list here is every GEXF file of interop/expected.json")
    func listComplete() throws {
        let files = try Interop.files(format: "gexf")
        #expect(files.read == Self.interop)
        #expect(files.reject == [])
    }

    @Test("files written by networkx, Gephi and by hand (1.3) read as expected.json says", arguments: interop)
    func interopFile(_ name: String) throws {
        let entry = try #require(try Interop.entries()[name])
        let net = try GEXFFormat.read(SourceText.read(path: Fixtures.path("interop/\(name)")))
        #expect(Interop.differences(net, entry) == [])
    }

    @Test("bad/manifest.json: every GEXF case fails where it says, the control reads")
    func badManifest() throws {
        let entries = try BadManifest.entries(format: "gexf")
        #expect(entries.count >= 7)
        for e in entries {
            let path = try #require(e["path"] as? String)
            let error = readError { () throws(GraphIOError) in try GEXFFormat.read(SourceText.read(path: Fixtures.path("bad/\(path)"))) }
            #expect(BadManifest.check(error, e) == [], "\(path): \(String(describing: error))")
        }
        for c in try BadManifest.controls(format: "gexf") {
            _ = try GEXFFormat.read(SourceText.read(path: Fixtures.path("bad/\(c)")))
        }
    }
}
