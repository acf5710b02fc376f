import Foundation
import Testing
import TestSupport
@testable import GraphIO
import GraphCore

@Suite("Pajek reader and writer")
struct PajekTests {
    typealias T = TextFormatTests

    static let rich = """
        % a comment
        *Network tiny net
        *vertices 4
        1 "Ann &#34;A&#34;" 0.1 0.2 0.5 box ic Red x_fact 2
        3 Cy
          2   "Bob B"
        *Arcs :1 "advice"
        1 2 2.5 c Blue l "strong tie"
        *edges :2 "friend ship"
        2 3

        *ARCS
        1: 3 1
        1 4
        *Edges
        2: 4 1 1.5
        *Arcslist :1
        2 1 3
        *Edgeslist :2
        1 2 3
        *Partition office.clu
        *Vertices 4
        1
        2
        9999998
        1
        *Vector age.vec
        *Vertices 4
        64 62.5
        1
        2
        *Cluster c
        *Vertices 2
        1
        3
        *Network second
        *Vertices 2
        *Arcs
        1 2
        """

    @Test func readsVerticesRelationsListsAndPartitions() throws {
        let net = try PajekFormat.read(T.source(Self.rich))
        #expect(net.metadata.name == "tiny net")
        #expect(net.ids == ["1", "2", "3", "4"])
        #expect(net.labels == ["Ann \"A\"", "Bob B", "Cy", nil])
        #expect(net.kinds == [.actor, .actor, .actor, .actor])
        #expect(net.nodeAttributes["x"]?.values == [.double(0.1), nil, nil, nil])
        #expect(net.nodeAttributes["z"]?.values == [.double(0.5), nil, nil, nil])
        #expect(net.nodeAttribute("shape", of: 0) == .string("box"))
        #expect(net.nodeAttribute("ic", of: 0) == .string("Red"))
        #expect(net.nodeAttribute("x_fact", of: 0) == .integer(2))
        #expect(net.nodeAttributes["office"]?.values == [.integer(1), .integer(2), nil, .integer(1)])
        #expect(net.nodeAttributes["age"]?.values == [.double(64), .double(62.5), .double(1), .double(2)])
        #expect(net.relations == ["advice", "friend ship", "edge"])
        let advice = try #require(net.layer("advice"))
        #expect(advice.direction == .directed)
        #expect(advice.sources == [0, 2, 1, 1] && advice.targets == [1, 0, 0, 2])
        #expect(advice.weights == [2.5, 1, 1, 1])
        #expect(advice.attributes["c"]?.values == [.string("Blue"), nil, nil, nil])
        #expect(advice.attributes["l"]?.values == [.string("strong tie"), nil, nil, nil])
        let friends = try #require(net.layer("friend ship"))
        #expect(friends.direction == .undirected)
        #expect(friends.sources == [1, 3, 0, 0] && friends.targets == [2, 0, 1, 2] && friends.weights == [1, 1.5, 1, 1])
        let plain = try #require(net.layer("edge"))
        #expect(plain.direction == .directed && plain.sources == [0] && plain.targets == [3])
    }

    @Test func readsTwoModeNetworksAndMatrices() throws {
        let twoMode = try PajekFormat.read(T.source("*Vertices 4 2\n1 \"w1\"\n2 \"w2\"\n3 \"e1\"\n4 \"e2\"\n*Matrix\n1 0\n2 1\n"))
        #expect(twoMode.kinds == [.actor, .actor, "event", "event"])
        let l = try #require(twoMode.layer("edge"))
        #expect(l.direction == .undirected && l.sources == [0, 1, 1] && l.targets == [2, 2, 3] && l.weights == [1, 2, 1])
        let oneMode = try PajekFormat.read(T.source("*Vertices 2\n*Matrix :1 \"m\"\n0 1\n3 0\n"))
        #expect(oneMode.labels == [nil, nil])
        let m = try #require(oneMode.layer("m"))
        #expect(m.direction == .directed && m.sources == [0, 1] && m.targets == [1, 0] && m.weights == [1, 3])
    }

    @Test func readsLazegaLawFirm() throws {
        let net = try PajekFormat.read(SourceText.read(path: Fixtures.path("pajek/Lazega-Law-Firm.paj")))
        #expect(net.nodeCount == 71)
        #expect(net.metadata.name == "Lazega.net")
        #expect(net.relations == ["advice", "friendship", "co-work"])
        #expect(net.layer("advice")?.edgeCount == 892)
        #expect(net.layer("friendship")?.edgeCount == 575)
        #expect(net.layer("co-work")?.edgeCount == 1104)
        for layer in net.layers {
            #expect(layer.direction == .directed)
            #expect(!layer.hasWeights)
            #expect(zip(layer.sources, layer.targets).allSatisfy { $0 != $1 })
        }
        #expect(net.labels[0] == "L1" && net.labels[70] == "L71")
        #expect(net.nodeAttributes.names == ["status", "gender", "office", "practice", "lawSchool", "age", "seniority"])
        func count(_ name: String, _ value: Int) -> Int {
            net.nodeAttributes[name]?.values.filter { (v: AttributeValue?) -> Bool in v == AttributeValue.integer(value) }.count ?? -1
        }
        let offices: [Int] = [count("office", 1), count("office", 2), count("office", 3)]
        let statuses: [Int] = [count("status", 1), count("status", 2)]
        let practices: [Int] = [count("practice", 1), count("practice", 2)]
        #expect(offices == [48, 19, 4])
        #expect(statuses == [36, 35])
        #expect(practices == [41, 30])
        #expect(net.nodeAttribute("age", of: 0) == .integer(64))

        // The same arcs as the native conversion in Tests/Fixtures/lazega-lawfirm.
        let native = try DatasetFolder.read(Fixtures.path("lazega-lawfirm"))
        for (ours, theirs) in [("advice", "advice"), ("friendship", "friendship"), ("co-work", "cowork")] {
            func arcs(_ n: Network, _ r: String) -> [String] {
                guard let l = n.layer(Relation(r)) else { return [] }
                return zip(l.sources, l.targets).map { n.ids[Int($0)] + ">" + n.ids[Int($1)] }.sorted()
            }
            #expect(arcs(net, ours) == arcs(native, theirs), "\(ours)")
        }
    }

    @Test func readsDavisSouthernWomen() throws {
        let net = try PajekFormat.read(SourceText.read(path: Fixtures.path("pajek/Davis.paj")))
        #expect(net.metadata.name == "DGG.net [2-Mode]")
        #expect(net.nodeCount == 32)
        #expect(net.nodes(ofKind: .actor).count == 18 && net.nodes(ofKind: "event").count == 14)
        #expect(net.labels[0] == "Evelyn" && net.labels[17] == "Flora" && net.labels[18] == "E01" && net.labels[31] == "E14")
        let ties = try #require(net.layer("edge"))
        #expect(net.relations == ["edge"] && ties.edgeCount == 89 && ties.direction == .undirected)
        // Every tie joins a woman (1…18) and an event (19…32).
        #expect(zip(ties.sources, ties.targets).allSatisfy { $0 < 18 && $1 >= 18 })
        #expect(ties.sources[0] == 0 && ties.targets[0] == 18)   // Evelyn – E01
        #expect(net.nodeAttribute("Manual 3/3", of: 31) == .integer(6))
        #expect(net.nodeAttributes["x"]?.values.allSatisfy { $0 != nil } == true)
    }

    @Test(arguments: [
        // (text, line, column, phrase)
        ("*Vertices 5\n*Arcs\n1 99\n", 3, 3, "vertex 99 is out of range"),
        ("*Vertices 2\n*Arcs\n0 1\n", 3, 1, "vertex 0 is out of range"),
        ("*Vertices 2\n*Arcs\n1 2 abc\n", 3, 5, "expected a number for the weight"),
        ("*Vertices 2\n*Arcs\n1 2 c\n", 3, 5, "expected a number for the weight"),
        ("*Vertices 2\n*Arcs\n1 2 3 c\n", 3, 7, "has no value"),
        ("*Vertices 2\n*Arcs\n1\n", 3, 2, "expected a source and a target"),
        ("*Vertices 2\n*Arcs\n1", 3, 2, "end of file"),
        ("*Vertices 2\n*Arcs\n1 x\n", 3, 3, "expected a vertex number"),
        ("*Arcs\n1 2\n", 1, 1, "before *Vertices"),
        ("*Vertices x\n", 1, 11, "expected the number of vertices"),
        ("*Vertices 3 5\n", 1, 13, "first mode"),
        ("*Vertices 2\n1 \"a\n", 2, 3, "never closed"),
        ("*Vertices 2\n1 a\n1 b\n", 3, 1, "listed twice"),
        ("*Vertices 2\n*Foo\n", 2, 1, "unknown section"),
        ("*Vertices 2\n*Partition p\n*Vertices 3\n", 3, 11, "has 3 values but the network has 2"),
        ("*Vertices 2\n*Partition p\n*Vertices 2\n1\n", 5, 1, "has 1 values; expected 2"),
        ("*Vertices 2\n*Partition p\n*Vertices 2\n1\nx\n", 5, 1, "expected an integer"),
        ("*Vertices 2\n*Partition p\n*Vertices 2\n1 2 3\n", 4, 5, "more than the 2 values"),
        ("*Vertices 2\n*Partition p\n1\n", 3, 1, "expected *Vertices"),
        ("*Vertices 2\n*Matrix\n0 1\n1\n", 5, 1, "the matrix has 3 entries; expected 2 rows of 2"),
        ("*Vertices 2\n*Matrix\n0 1\n1 0 1\n", 4, 5, "more than 2 rows"),
        ("*Vertices 2\n*Arcs :x\n", 2, 7, "expected a relation number"),
        ("*Vertices 2\n*Arcs\nx: 1 2\n", 3, 1, "expected a relation number"),
        ("*Vertices 2\n*Arcs :1 \"r\"\n1 2\n*Edges :1\n1 2\n", 5, 1, "one direction per relation"),
        ("", 1, 1, "no *Vertices"),
        ("% only a comment\n", 2, 1, "no *Vertices"),
        ("1 2\n", 1, 1, "outside any section"),
        ("*Vertices 99999999999\n", 1, 11, "more than this"),
    ])
    func rejectsWithLocation(text: String, line: Int, column: Int, phrase: String) {
        let e = T.error(T.source(text, name: "bad.net"), PajekFormat.read)
        #expect(e?.file == "bad.net")
        #expect(e?.line == line && e?.column == column, "\(String(describing: e))")
        #expect(e?.message.contains(phrase) == true, "\(String(describing: e))")
    }

    @Test(arguments: T.badCases(format: "pajek"))
    func rejectsTheBadCorpus(_ c: TextFormatTests.BadCase) throws {
        try T.expectRejected(c, PajekFormat.read)
    }

    @Test func readsTheCorpusControl() throws {
        let net = try PajekFormat.read(SourceText.read(path: Fixtures.path("bad/pajek/good.net")))
        #expect(net.ids == ["1", "2", "3", "4", "5"] && net.labels[4] == "Neighbourhood house")
        #expect(net.layer("edge")?.weights == [1.5, 1, 2, 1])
    }

    @Test func writesTheExpectedText() throws {
        var net = Network()
        for (id, label) in [("1", "Ann"), ("2", nil), ("3", "C\"q&")] { try net.addNode(id, label: label) }
        try net.setNodeAttribute("office", of: 0, .integer(1))
        try net.setNodeAttribute("office", of: 2, .integer(2))
        try net.setNodeAttribute("age", of: 0, .double(64))
        try net.setNodeAttribute("age", of: 1, .double(62.5))
        try net.setNodeAttribute("x", of: 0, .double(0.5))
        try net.setNodeAttribute("y", of: 0, .double(1))
        try net.setNodeAttribute("name", of: 0, .string("not written"))
        try net.addEdge(0, 1, relation: "advice", weight: 2, direction: .directed)
        try net.addEdge(1, 2, relation: "friendship", direction: .undirected)
        #expect(String(decoding: PajekFormat.write(net), as: UTF8.self) == """
            *Vertices 3
            1 "Ann" 0.5 1.0
            2 "2"
            3 "C&#34;q&#38;"
            *Arcs :1 "advice"
            1 2 2.0
            *Edges :2 "friendship"
            2 3
            *Partition office
            *Vertices 3
            1
            9999998
            2
            *Vector age
            *Vertices 3
            64.0
            62.5
            9999998

            """)

        // Ids that are not 1…n: numbered by position, written as labels; two kinds: two-mode.
        var two = Network()
        two.metadata.name = "two"
        let e = try two.addNode("e1", kind: "event")
        let a = try two.addNode("a1", kind: .actor, label: "lost")
        try two.addNode("a2", kind: .actor)
        try two.addEdge(a, e, relation: "edge", direction: .undirected)
        #expect(String(decoding: PajekFormat.write(two), as: UTF8.self) == """
            *Network two
            *Vertices 3 2
            1 "a1"
            2 "a2"
            3 "e1"
            *Edges
            1 3

            """)
    }

    @Test func roundTripsThroughOurWriter() throws {
        for original in [try T.simple(), try T.twoMode()] {
            let back = try PajekFormat.read(SourceText(name: "rt.net", bytes: PajekFormat.write(original)))
            T.expectSame(back, original)
        }
        // Ids that are not numbers come back as labels; three kinds and string attributes are lost.
        let original = try T.multiplex()
        let back = try PajekFormat.read(SourceText(name: "rt.net", bytes: PajekFormat.write(original)))
        #expect(back.ids == (1...original.nodeCount).map(String.init))
        #expect(back.labels == original.ids)
        #expect(back.relations == original.relations)
        for l in original.layers {
            let b = try #require(back.layer(l.relation))
            #expect(b.direction == l.direction && b.sources == l.sources && b.targets == l.targets && b.weights == l.weights)
        }
        #expect(back.nodeAttributes.names == ["age", "trust", "head"])
        #expect(back.nodeAttributes["age"] == original.nodeAttributes["age"])
        #expect(back.nodeAttributes["trust"] == original.nodeAttributes["trust"])
        #expect(back.nodeAttributes["head"]?.values == [.integer(1), .integer(0), nil, nil, nil, nil])
    }

    @Test func networkxAndIgraphReadOurFilesAsWritten() throws {
        let simple = try T.simple(attributes: false)
        let twoMode = try T.twoMode()
        try T.expectCommitted(PajekFormat.write(simple), at: "pajek/ours/simple.net")
        try T.expectCommitted(PajekFormat.write(twoMode), at: "pajek/ours/twomode.net")
        let view = try #require(try T.pythonView("pajek/networkx_read.json", file: "networkx/simple.net"))
        // networkx names nodes by label (our ids) and keeps the vertex number as `id`.
        T.expectPythonSaw(view, simple, convert: { $0 }) { net, v in ["id": "string:\(v + 1)"] }

        let ig = try #require(try T.pythonView("pajek/networkx_read.json", file: "igraph/twomode.net"))
        // igraph keys vertices by number here; its `type` is false for the first mode.
        #expect(ig.nodes.count == 5)
        for v in 0..<5 {
            #expect(ig.nodes[String(v + 1)] == ["name": "string:" + twoMode.displayLabel(Int32(v)),
                                               "type": "bool:\(twoMode.kinds[v] != .actor)"])
        }
        #expect(ig.edges == T.edges(of: twoMode))
    }

    @Test func survivesRandomMutations() throws {
        let good = try Fixtures.bytes("bad/pajek/good.net")
        let accepted = T.fuzz(good, seed: 0x70_616A, count: 300, PajekFormat.read)
            + T.fuzz(Array(Self.rich.utf8), seed: 0x70_616B, count: 300, PajekFormat.read)
            + T.fuzz(PajekFormat.write(try T.multiplex()), seed: 0x70_616C, count: 300, PajekFormat.read)
        #expect(accepted > 0 && accepted < 900)
    }
}
