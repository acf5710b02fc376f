import Foundation
import Testing
import TestSupport
@testable import GraphIO
import GraphCore

@Suite("GML reader and writer")
struct GMLTests {
    typealias T = TextFormatTests

    static let rich = """
        # written by hand: igraph's header lines, comments, escapes, nested lists, mixed types
        Creator "hand"
        Version 1
        graph [
          directed 1
          name "tiny"
          comment [ about "skipped" ]
          node [ id 0 label "Ann &quot;A&quot; &#201;lise &eacute;&amp;" kind "actor" age 41 score 2
                 graphics [ x 1.0 y -2.5 fill "#FF0000" Line [ point [ x 1 ] ] ] ]
          node [ id 1 label "CG71" kind "organization" score 3.5 note "a" ]
          node [ id "x2" age 7 score -INF ]
          edge [ source 0 target 1 relation "member" weight 2 ]
          edge [ source 0 target "x2" relation "acquaintance" directed 0 since "2001" ]
          edge [ source 1 target 0 key 0 ]
          edge [ source 1 target 0 key "k1" weight 1.5e-3 ]
        ]
        graph [ node [ id 9 ] ]
        """

    @Test func readsNodesEdgesAndTypedAttributes() throws {
        let net = try GMLFormat.read(T.source(Self.rich))
        #expect(net.metadata.name == "tiny")
        #expect(net.ids == ["0", "1", "x2"])
        #expect(net.labels == ["Ann \"A\" Élise é&", "CG71", nil])
        #expect(net.kinds == [.actor, .organization, .actor])
        #expect(net.nodeAttributes["age"]?.values == [.integer(41), nil, .integer(7)])
        // 2 on one node, 3.5 on another: a double column.
        #expect(net.nodeAttributes["score"]?.values == [.double(2), .double(3.5), .double(-.infinity)])
        #expect(net.nodeAttribute("graphics", of: 0) == .string("[x 1.0 y -2.5 fill \"#FF0000\" Line [point [x 1]]]"))
        #expect(net.nodeAttribute("note", of: 1) == .string("a"))
        #expect(net.nodeAttributes.names.sorted() == ["age", "graphics", "note", "score"])
        #expect(net.relations == ["member", "acquaintance", "edge"])
        let member = try #require(net.layer("member"))
        #expect(member.direction == .directed && member.sources == [0] && member.targets == [1] && member.weights == [2])
        let acq = try #require(net.layer("acquaintance"))
        #expect(acq.direction == .undirected && acq.targets == [2])
        #expect(acq.attributes["since"]?[0] == .string("2001"))
        let plain = try #require(net.layer("edge"))
        #expect(plain.direction == .directed && plain.sources == [1, 1] && plain.weights == [1, 0.0015])
        // networkx's integer multigraph keys are dropped, other keys kept.
        #expect(plain.attributes["key"]?.values == [nil, .string("k1")])
    }

    @Test func readsNetworkxStyleFiles() throws {
        // What networkx 3.6 writes for a multigraph with a non-ASCII name and a list attribute.
        let text = """
            graph [
              directed 1
              multigraph 1
              node [
                id 0
                label "&#201;lodie"
                tags "_networkx_list_start"
                tags "x"
                big 3000000000
                ratio 1.0E+20
                missing NAN
              ]
              node [
                id 1
                label "b"
              ]
              edge [
                source 0
                target 1
                key 0
              ]
              edge [
                source 0
                target 1
                key 1
                weight 2.5
              ]
            ]
            """
        let net = try GMLFormat.read(T.source(text))
        #expect(net.ids == ["0", "1"] && net.labels == ["Élodie", "b"])
        #expect(net.nodeAttribute("tags", of: 0) == .string("x"))   // a repeated key keeps its last value
        #expect(net.nodeAttribute("big", of: 0) == .integer(3_000_000_000))
        #expect(net.nodeAttribute("ratio", of: 0) == .double(1e20))
        if case .double(let d)? = net.nodeAttribute("missing", of: 0) { #expect(d.isNaN) } else { Issue.record("NAN") }
        #expect(net.layer("edge")?.weights == [1, 2.5])
        #expect(net.layer("edge")?.attributes.isEmpty == true)
    }

    @Test(arguments: [
        // (text, line, column, phrase)
        ("graph [ node [ id 0 ] node [ id 0 ] ]", 1, 33, "used by two nodes"),
        ("graph [\n node [ id 0 ]\n edge [ source 0 ]\n]", 3, 2, "no target"),
        ("graph [ node [ label \"x\" ] ]", 1, 9, "no id"),
        ("graph [ directed 2 ]", 1, 18, "expected 0 or 1"),
        ("graph [ node [ id 0 x 12abc ] ]", 1, 23, "not a number"),
        ("graph [ node [ id 0 ] ] ]", 1, 25, "unbalanced"),
        ("", 1, 1, "no graph"),
        ("# only a comment\n", 2, 1, "no graph"),
        ("graph [ node [ id 0 ] edge [ source 0 target 0 weight \"heavy\" ] ]", 1, 55, "expected a number for weight"),
        ("graph [ node [ id 0 graphics [ x ] ] ]", 1, 34, "expected a value"),
        ("graph [ node [ id 0 graphics [ x 1 ] ]", 1, 39, "end of file"),
        ("graph [ node [ id 0 { ] ]", 1, 21, "unexpected"),
        ("graph [ node [ id [ a 1 ] ] ]", 1, 19, "found a list"),
        ("graph [ directed 1 node [ id 0 ] node [ id 1 ]\n edge [ source 0 target 1 relation \"r\" ]\n edge [ source 1 target 0 relation \"r\" directed 0 ] ]", 3, 2, "one direction per relation"),
        ("graph [ node [ id 0 ] edge [ source 0 target 7 ] ]", 1, 46, "unknown node \"7\""),
        ("graph [ node [ id 0 label \"never closed ] ]", 1, 27, "never closed"),
        ("graph node", 1, 7, "expected '[' after graph"),
    ])
    func rejectsWithLocation(text: String, line: Int, column: Int, phrase: String) {
        let e = T.error(T.source(text, name: "bad.gml"), GMLFormat.read)
        #expect(e?.file == "bad.gml")
        #expect(e?.line == line && e?.column == column, "\(String(describing: e))")
        #expect(e?.message.contains(phrase) == true, "\(String(describing: e))")
    }

    @Test(arguments: T.badCases(format: "gml"))
    func rejectsTheBadCorpus(_ c: TextFormatTests.BadCase) throws {
        try T.expectRejected(c, GMLFormat.read)
    }

    @Test func readsTheCorpusControl() throws {
        let net = try GMLFormat.read(SourceText.read(path: Fixtures.path("bad/gml/good.gml")))
        #expect(net.ids == ["1", "2"] && net.labels == ["AS 1", "Director"])
        #expect(net.layer("edge")?.weights == [2.5] && net.layer("edge")?.direction == .directed)
    }

    /// GML keeps integers, reals and strings: booleans come back as 1/0, dates as strings.
    static func gmlTypes(_ v: AttributeValue) -> AttributeValue {
        switch v {
        case .boolean(let b): .integer(b ? 1 : 0)
        case .date(let d): .string(d.description)
        default: v
        }
    }

    @Test func roundTripsThroughOurWriter() throws {
        for original in [try T.multiplex(), try T.simple(), try T.twoMode()] {
            let back = try GMLFormat.read(SourceText(name: "rt.gml", bytes: GMLFormat.write(original)))
            T.expectSame(back, original, convert: Self.gmlTypes)
        }
    }

    @Test func writesTheExpectedText() throws {
        var net = Network()
        let a = try net.addNode("a", label: "Ann")
        let b = try net.addNode("7", kind: .organization)
        try net.setNodeAttribute("x y", of: a, .double(1e20))
        try net.setNodeAttribute("2nd", of: b, .boolean(true))
        try net.addEdge(a, b, relation: .member, weight: 0.5)
        try net.addEdge(a, b, relation: .acquaintance)
        #expect(String(decoding: GMLFormat.write(net), as: UTF8.self) == """
            graph [
              directed 1
              multigraph 1
              node [
                id "a"
                label "a"
                display_label "Ann"
                kind "actor"
                x_y 1.0e+20
              ]
              node [
                id 7
                label "7"
                kind "organization"
                attr_2nd 1
              ]
              edge [
                source "a"
                target 7
                relation "member"
                weight 0.5
              ]
              edge [
                source "a"
                target 7
                relation "acquaintance"
                directed 0
              ]
            ]

            """)
    }

    @Test func formatsRealsAsNetworkxReadsThem() {
        #expect(GMLFormat.real(2) == "2.0")
        #expect(GMLFormat.real(0.1) == "0.1")
        #expect(GMLFormat.real(1e-7) == "1.0e-07")
        #expect(GMLFormat.real(.nan) == "NAN")
        #expect(GMLFormat.real(.infinity) == "+INF" && GMLFormat.real(-.infinity) == "-INF")
        #expect(GMLFormat.keys(for: ["a", "a b", "a_b", "é", "id"], reserved: ["id"]) == ["a", "a_b", "a_b_2", "attr__", "id_2"])
    }

    @Test func decodesAndEncodesCharacterReferences() {
        #expect(CharacterReferences.decode("&#233;&#xE9;&eacute;&quot;&amp;&lt;&nbsp;&yuml;") == "ééé\"&<\u{A0}ÿ")
        #expect(CharacterReferences.decode("&bogus; & &#99999999; &#;") == "&bogus; & &#99999999; &#;")
        var w = ByteWriter()
        CharacterReferences.encode("a\"&é\n✓", into: &w)
        #expect(String(decoding: w.bytes, as: UTF8.self) == "a&#34;&#38;&#233;&#10;&#10003;")
    }

    /// Our files as committed in Tests/Fixtures/gml/ours (networkx_read.py read them).
    static let committed: [(file: String, make: @Sendable () throws -> Network)] = [
        ("multiplex.gml", { try TextFormatTests.multiplex() }),
        ("simple.gml", { try TextFormatTests.simple() }),
    ]

    @Test func networkxReadsOurFilesAsWritten() throws {
        for (file, make) in Self.committed {
            let net = try make()
            try T.expectCommitted(GMLFormat.write(net), at: "gml/ours/" + file)
            for mode in ["id", "label"] {
                let view = try #require(try T.pythonView("gml/networkx_read.json", file: "label=\(mode)/" + file), "\(file) not in networkx_read.json")
                #expect(view.directed == net.layers.contains { $0.direction == .directed })
                T.expectPythonSaw(view, net, convert: Self.gmlTypes) { net, v in
                    // What networkx keeps besides the attributes: our extra keys.
                    var extra: [String: String] = [:]
                    // With label="id" networkx keeps `label` (our id) as an attribute.
                    if mode == "id" { extra["label"] = "string:" + net.ids[v] }
                    if let l = net.labels[v] { extra["display_label"] = "string:" + l }
                    if net.kinds.contains(where: { $0 != .actor }) { extra["kind"] = "string:" + net.kinds[v].rawValue }
                    return extra
                }
            }
        }
    }

    @Test func survivesRandomMutations() throws {
        let good = try Fixtures.bytes("bad/gml/good.gml")
        let accepted = T.fuzz(good, seed: 0x61_6D6C, count: 300, GMLFormat.read)
            + T.fuzz(Array(Self.rich.utf8), seed: 0x61_6D6D, count: 300, GMLFormat.read)
            + T.fuzz(GMLFormat.write(try T.multiplex()), seed: 0x61_6D6E, count: 300, GMLFormat.read)
        #expect(accepted > 0 && accepted < 900)
    }
}
