import Foundation
import Testing
import TestSupport
@testable import GraphIO
import GraphCore

@Suite("JSON node-link reader and writer")
struct NodeLinkJSONTests {
    typealias T = TextFormatTests

    static func rich(edgesKey: String) -> String {
        """
        {
          "directed": false,
          "multigraph": true,
          "graph": {"name": "tiny", "licence": "CC0", "relations": {"exchange": "gives to"}, "other": [1]},
          "nodes": [
            {"id": 1, "label": "One", "kind": "organization", "age": 41, "score": 2,
             "tags": ["a", {"b": null, "c": "\\u00e9\\n\\ud83d\\ude00"}], "flag": true, "note": null},
            {"id": "b", "score": 3.5, "flag": false, "mixed": "x"},
            {"id": 2.5, "mixed": 3},
            {"age": 7}
          ],
          "\(edgesKey)": [
            {"source": 1, "target": "b", "relation": "exchange", "directed": true, "weight": 2, "key": 0},
            {"source": "b", "target": 2.5, "key": "k", "since": "2001-02-03"},
            {"source": 3, "target": 1, "weight": 1e-3}
          ]
        }
        """
    }

    @Test(arguments: ["edges", "links"])
    func readsNodesEdgesAndTypedAttributes(edgesKey: String) throws {
        let net = try NodeLinkJSONFormat.read(T.source(Self.rich(edgesKey: edgesKey)))
        #expect(net.metadata.name == "tiny" && net.metadata.licence == "CC0")
        #expect(net.metadata.relations == ["exchange": "gives to"])
        // Numbers as their JSON text; a node without id gets its position.
        #expect(net.ids == ["1", "b", "2.5", "3"])
        #expect(net.labels == ["One", nil, nil, nil])
        #expect(net.kinds == [.organization, .actor, .actor, .actor])
        #expect(net.nodeAttributes.names == ["age", "score", "tags", "flag", "mixed"])   // "note" is only null
        #expect(net.nodeAttributes["age"]?.values == [.integer(41), nil, nil, .integer(7)])
        #expect(net.nodeAttributes["score"]?.values == [.double(2), .double(3.5), nil, nil])
        #expect(net.nodeAttribute("tags", of: 0) == .string("[\"a\",{\"b\":null,\"c\":\"é\\n😀\"}]"))
        #expect(net.nodeAttributes["flag"]?.values == [.boolean(true), .boolean(false), nil, nil])
        #expect(net.nodeAttributes["mixed"]?.values == [nil, .string("x"), .string("3"), nil])
        #expect(net.relations == ["exchange", "edge"])
        let exchange = try #require(net.layer("exchange"))
        #expect(exchange.direction == .directed && exchange.sources == [0] && exchange.targets == [1] && exchange.weights == [2])
        #expect(exchange.attributes.isEmpty)   // integer multigraph key dropped
        let plain = try #require(net.layer("edge"))
        #expect(plain.direction == .undirected && plain.sources == [1, 3] && plain.targets == [2, 0])
        #expect(plain.weights == [1, 0.001])
        #expect(plain.attributes["key"]?.values == [.string("k"), nil])
        #expect(plain.attributes["since"]?.values == [.string("2001-02-03"), nil])
    }

    @Test func readsD3StyleLinksByPosition() throws {
        let net = try NodeLinkJSONFormat.read(T.source(#"{"nodes": [{"name": "a"}, {"name": "b"}], "links": [{"source": 0, "target": 1, "value": 3}]}"#))
        #expect(net.ids == ["0", "1"])
        #expect(net.nodeAttributes["name"]?.values == [.string("a"), .string("b")])
        #expect(net.layer("edge")?.attributes["value"]?[0] == .integer(3))
    }

    @Test(arguments: [
        // (text, line, column, phrase)
        (#"{"nodes": [1]}"#, 1, 12, "expected an object for a node"),
        (#"{"nodes": {}}"#, 1, 11, "expected an array for \"nodes\""),
        (#"{"nodes": [{"id": "a"}, {"id": "a"}]}"#, 1, 25, "used by two nodes"),
        (#"{"nodes": [{"id": "a"}], "edges": [{"source": "a"}]}"#, 1, 36, "no \"target\""),
        (#"{"nodes": [{"id": "a"}], "edges": [{"source": "a", "target": "zz"}]}"#, 1, 62, "unknown node \"zz\""),
        ("[1, 2]", 1, 1, "expected a JSON object"),
        (#"{"nodes": [], "edges": 5}"#, 1, 24, "expected an array for \"edges\""),
        (#"{"nodes": [{"id": null}]}"#, 1, 19, "expected a string or a number"),
        (#"{"nodes": [{"id": "a", "kind": [1]}]}"#, 1, 32, "expected a string for kind"),
        (#"{"directed": "yes", "nodes": []}"#, 1, 14, "expected true/false"),
        (#"{"nodes": [], }"#, 1, 15, "trailing comma"),
        (#"{"nodes": [1,]}"#, 1, 14, "trailing comma"),
        (#"{"nodes": [01]}"#, 1, 12, "not a JSON number"),
        (#"{"nodes": ["a\qb"]}"#, 1, 14, "invalid escape"),
        (#"{"nodes": ["\ud800"]}"#, 1, 13, "lone surrogate"),
        (#"{"nodes": []} x"#, 1, 15, "after the end of the JSON value"),
        (#"{"nodes": [tru]}"#, 1, 12, "expected a value"),
        (#"{"nodes" []}"#, 1, 10, "expected ':'"),
        (#"{nodes: []}"#, 1, 2, "expected a \"key\""),
        ("{\"nodes\": [\"a\nb\"]}", 1, 14, "control character"),
        (#"{"nodes": [{"id": 1}], "edges": [{"source": 1, "target": 1, "weight": true}]}"#, 1, 71, "expected a number for weight"),
        (#"{"nodes": [{"id": "a"}], "edges": [{"source": "a", "target": "a", "relation": "r"}, {"source": "a", "target": "a", "relation": "r", "directed": true}]}"#, 1, 85, "one direction per relation"),
        (#"{"nodes": ["#, 1, 12, "end of file"),
        (#"{"nodes": [{"id": "a"}, {"id": "b"}], "edges": [{"source": "a", "target": "b""#, 1, 78, "end of file"),
        ("", 1, 1, "end of file"),
        (String(repeating: "[", count: 600), 1, 513, "nesting deeper than 512"),
    ])
    func rejectsWithLocation(text: String, line: Int, column: Int, phrase: String) {
        let e = T.error(T.source(text, name: "bad.json"), NodeLinkJSONFormat.read)
        #expect(e?.file == "bad.json")
        #expect(e?.line == line && e?.column == column, "\(String(describing: e))")
        #expect(e?.message.contains(phrase) == true, "\(String(describing: e))")
    }

    @Test(arguments: T.badCases(format: "json"))
    func rejectsTheBadCorpus(_ c: TextFormatTests.BadCase) throws {
        try T.expectRejected(c, NodeLinkJSONFormat.read)
    }

    @Test func readsTheCorpusControl() throws {
        let net = try NodeLinkJSONFormat.read(SourceText.read(path: Fixtures.path("bad/json/good.json")))
        #expect(net.ids == ["a", "b"])
        #expect(net.nodeAttribute("name", of: 1) == .string("Director"))
        #expect(net.layer("edge")?.weights == [2.5] && net.layer("edge")?.direction == .directed)
    }

    /// JSON keeps every type but dates, which come back as strings.
    static func jsonTypes(_ v: AttributeValue) -> AttributeValue {
        if case .date(let d) = v { return .string(d.description) }
        return v
    }

    @Test func roundTripsThroughOurWriter() throws {
        for original in [try T.multiplex(), try T.simple(), try T.twoMode()] {
            let back = try NodeLinkJSONFormat.read(SourceText(name: "rt.json", bytes: NodeLinkJSONFormat.write(original)))
            T.expectSame(back, original, convert: Self.jsonTypes)
        }
        var meta = Network()
        meta.metadata = DatasetMetadata(name: "m", title: "t", source: "s", licence: "l", relations: ["x": "y"], organizationKind: "org")
        let back = try NodeLinkJSONFormat.read(SourceText(name: "m.json", bytes: NodeLinkJSONFormat.write(meta)))
        #expect(back.metadata == meta.metadata)
        #expect(back.nodeCount == 0 && back.edgeCount == 0)
    }

    @Test func writesTheExpectedText() throws {
        var net = Network()
        let a = try net.addNode("a", label: "Ann \"A\"\n")
        let b = try net.addNode("7", kind: .organization)
        try net.setNodeAttribute("since", of: a, .date(CalendarDate(year: 2001, month: 2, day: 3)!))
        try net.setNodeAttribute("x", of: b, .double(.nan))
        try net.addEdge(a, b, relation: .member, weight: 0.5)
        try net.addEdge(a, b, relation: .acquaintance)
        #expect(String(decoding: NodeLinkJSONFormat.write(net), as: UTF8.self) == """
            {
              "directed": true,
              "multigraph": true,
              "graph": {},
              "nodes": [
                {"id": "a", "label": "Ann \\"A\\"\\n", "kind": "actor", "since": "2001-02-03"},
                {"id": 7, "kind": "organization", "x": NaN}
              ],
              "edges": [
                {"source": "a", "target": 7, "relation": "member", "weight": 0.5},
                {"source": "a", "target": 7, "relation": "acquaintance", "directed": false}
              ]
            }

            """)
        #expect(String(decoding: NodeLinkJSONFormat.write(Network()), as: UTF8.self)
                == "{\n  \"directed\": false,\n  \"multigraph\": false,\n  \"graph\": {},\n  \"nodes\": [],\n  \"edges\": []\n}\n")
    }

    static let committed: [(file: String, make: @Sendable () throws -> Network)] = [
        ("multiplex.json", { try TextFormatTests.multiplex() }),
        ("simple.json", { try TextFormatTests.simple() }),
    ]

    @Test func networkxReadsOurFilesAsWritten() throws {
        for (file, make) in Self.committed {
            let net = try make()
            try T.expectCommitted(NodeLinkJSONFormat.write(net), at: "json/ours/" + file)
            let view = try #require(try T.pythonView("json/networkx_read.json", file: file), "\(file) not in networkx_read.json")
            #expect(view.directed == net.layers.contains { $0.direction == .directed })
            T.expectPythonSaw(view, net, convert: Self.jsonTypes) { net, v in
                var extra: [String: String] = [:]
                if let l = net.labels[v] { extra["label"] = "string:" + l }
                if net.kinds.contains(where: { $0 != .actor }) { extra["kind"] = "string:" + net.kinds[v].rawValue }
                return extra
            }
        }
    }

    @Test func survivesRandomMutations() throws {
        let good = try Fixtures.bytes("bad/json/good.json")
        let accepted = T.fuzz(good, seed: 0x6A_736F, count: 300, NodeLinkJSONFormat.read)
            + T.fuzz(Array(Self.rich(edgesKey: "edges").utf8), seed: 0x6A_7370, count: 300, NodeLinkJSONFormat.read)
            + T.fuzz(NodeLinkJSONFormat.write(try T.multiplex()), seed: 0x6A_7371, count: 300, NodeLinkJSONFormat.read)
        #expect(accepted > 0 && accepted < 900)
    }
}
