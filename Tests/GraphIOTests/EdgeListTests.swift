import Foundation
import Testing
import TestSupport
@testable import GraphIO
import GraphCore

@Suite("Edge and adjacency lists")
struct EdgeListTests {
    func text(_ s: String, name: String = "t.txt") -> SourceText { SourceText(name: name, bytes: Array(s.utf8)) }

    @Test func snapCaGrQcHasItsPublishedCounts() throws {
        let net = try GraphFile.read(Fixtures.path("snap-ca-GrQc/CA-GrQc.edges.txt"))
        let g = net.graph(parallelEdges: .keep)
        #expect(net.nodeCount == 5242)
        #expect(g.edgeCount == 14496 && g.selfLoopCount == 12)
        #expect(!g.isDirected)
    }

    @Test func fastLoaderAgreesWithTheGeneralReader() throws {
        let path = Fixtures.path("snap-ca-GrQc/CA-GrQc.edges.txt")
        let loaded = try #require(try EdgeListFormat.loadGraph(path: path, directed: false))
        let net = try GraphFile.read(path)
        let g = net.graph(parallelEdges: .keep)
        #expect(loaded.graph.nodeCount == g.nodeCount && loaded.graph.edgeCount == g.edgeCount)
        #expect(loaded.graph.selfLoopCount == 12)
        #expect(loaded.idMap == nil || loaded.idMap! == loaded.idMap!.sorted())
        // Same adjacency, node by node, through the external ids.
        for v in stride(from: 0, to: g.nodeCount, by: 7) {
            let id = Int64(net.ids[v])!
            let lv = Int32(loaded.idMap?.firstIndex(of: id) ?? Int(id))
            let a = g.neighbors(of: Int32(v)).map { Int64(net.ids[Int($0)])! }.sorted()
            let b = loaded.graph.neighbors(of: lv).map { loaded.id(of: $0) }
            #expect(a == b)
        }
    }

    @Test func fastLoaderDeclinesNonIntegerFiles() throws {
        let dir = try Fixtures.temporaryFolder()
        let p = dir.appendingPathComponent("names.txt").path
        try Data("a b\nb c\n".utf8).write(to: URL(fileURLWithPath: p))
        #expect(try EdgeListFormat.loadGraph(path: p, directed: false) == nil)
        let q = dir.appendingPathComponent("ints.txt").path
        try Data("# c\n0 2\n2 3\n5\n".utf8).write(to: URL(fileURLWithPath: q))
        let g = try #require(try EdgeListFormat.loadGraph(path: q, directed: true))
        #expect(g.idMap == [0, 2, 3, 5])
        #expect(g.graph.edgeCount == 2 && g.graph.nodeCount == 4)
        #expect(Array(g.graph.inNeighbors(of: 2)) == [1])
    }

    @Test func gzipIsDetectedByMagicBytes() throws {
        let net = try GraphFile.read(Fixtures.path("interop/quirk-edgelist.txt.gz"))
        #expect(net.nodeCount == 4 && net.edgeCount == 4)
        // Letters as ids: the general reader's job, the fast loader declines.
        #expect(try EdgeListFormat.loadGraph(path: Fixtures.path("interop/quirk-edgelist.txt.gz"), directed: false) == nil)
    }

    @Test func directionFromHeaderCommentsUnlessGiven() throws {
        let snap = try EdgeListFormat.read(text("# Directed graph (each unordered pair...)\n1\t2\n"))
        #expect(snap.layers[0].direction == .directed)
        let konect = try EdgeListFormat.read(text("% sym unweighted\n1 2\n"))
        #expect(konect.layers[0].direction == .undirected)
        let forced = try EdgeListFormat.read(text("# Directed graph\n1 2\n"), options: ReadOptions(directed: false))
        #expect(forced.layers[0].direction == .undirected)
    }

    @Test func headerLineNamesColumns() throws {
        let net = try EdgeListFormat.read(text("source,target,weight,when\nx,y,2,2001\n"))
        #expect(net.ids == ["x", "y"])
        #expect(net.layers[0].weights == [2])
        #expect(net.layers[0].attributes["when"]?[0] == .integer(2001))
    }

    @Test func writerRoundTripsWeightsAndIsolates() throws {
        var net = Network()
        for id in ["a", "b", "c d"] { try net.addNode(id) }
        try net.addEdge(0, 1, relation: "edge", weight: 2.5)
        let back = try EdgeListFormat.read(text(String(decoding: EdgeListFormat.write(net), as: UTF8.self)))
        #expect(back.ids == ["a", "b", "c_d"])
        #expect(back.layers[0].weights == [2.5])
    }

    @Test func snapAdjacencyListWithCountHeader() throws {
        let net = try AdjacencyListFormat.read(text("3\n0: 1 2\n1: 0\n2: 0\n"))
        #expect(net.nodeCount == 3 && net.edgeCount == 2)
        #expect(throws: GraphIOError.self) { try AdjacencyListFormat.read(self.text("4\n0: 1\n1: 0\n")) }
    }

    @Test func networkxAdjacencyListKeepsRepeatedNeighbours() throws {
        let net = try AdjacencyListFormat.read(text("a b b d\nb c\nc a\nd\n"))
        #expect(net.edgeCount == 5)
        let w = AdjacencyListFormat.write(net)
        let back = try AdjacencyListFormat.read(text(String(decoding: w, as: UTF8.self)))
        #expect(back.nodeCount == 4 && back.edgeCount == 4)  // the writer merges parallel edges
    }
}
