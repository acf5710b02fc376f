import Foundation
import Testing
import TestSupport
@testable import GraphIO
import GraphCore

/// Files written by our edge-list, adjacency-list and native writers (committed under
/// Tests/Fixtures/interop/ours) are exactly what the writers produce today, and networkx read
/// them back with the same nodes and edges (check_ours.py → ours_read.json).
@Suite("Our edge-list, adjacency-list and native files, as networkx reads them")
struct OursReadByNetworkxTests {
    func read() throws -> [String: Any] { try Fixtures.json("interop/ours/ours_read.json") as! [String: Any] }

    @Test func committedFilesAreWhatTheWritersWrite() throws {
        let k = try GraphFile.read(Fixtures.dataset("krackhardt-hightech"))
        #expect(EdgeListFormat.write(k) == (try Fixtures.bytes("interop/ours/krackhardt.edges")))
        #expect(AdjacencyListFormat.write(k) == (try Fixtures.bytes("interop/ours/krackhardt.adjlist")))
        let c = try GraphFile.read(Fixtures.dataset("cucm-plie"))
        for (name, bytes) in DatasetFolder.encode(c) {
            #expect(bytes == (try Fixtures.bytes("interop/ours/cucm-plie/" + name)), "\(name)")
        }
    }

    @Test func networkxReadsTheEdgeListWithEveryArc() throws {
        let k = try GraphFile.read(Fixtures.dataset("krackhardt-hightech"))
        var ours: [[String]] = []
        for l in k.layers { for e in 0..<l.edgeCount { ours.append([k.ids[Int(l.sources[e])], k.ids[Int(l.targets[e])]]) } }
        let theirs = (try read()["krackhardt.edges"] as! [String: Any])["edges"] as! [[String]]
        #expect(theirs == ours.sorted { $0.lexicographicallyPrecedes($1) })
        let nodes = (try read()["krackhardt.edges"] as! [String: Any])["nodes"] as! [String]
        #expect(nodes == k.ids.sorted())
    }

    @Test func networkxReadsTheAdjacencyListWithEveryDistinctArc() throws {
        let k = try GraphFile.read(Fixtures.dataset("krackhardt-hightech"))
        let g = k.graph(relations: k.relations, parallelEdges: .first)
        var ours: [[String]] = []
        for u in 0..<g.nodeCount { for v in g.neighbors(of: Int32(u)) { ours.append([k.ids[u], k.ids[Int(v)]]) } }
        let theirs = (try read()["krackhardt.adjlist"] as! [String: Any])["edges"] as! [[String]]
        #expect(theirs == ours.sorted { $0.lexicographicallyPrecedes($1) })
    }

    @Test func theNativeFolderReadsWithTheSameCounts() throws {
        let c = try GraphFile.read(Fixtures.dataset("cucm-plie"))
        let theirs = try read()["cucm-plie"] as! [String: Any]
        #expect(theirs["nodes"] as? Int == c.nodeCount)
        #expect((theirs["kinds"] as! [String: Int]) == Dictionary(uniqueKeysWithValues: c.kindCounts.map { ($0.kind.rawValue, $0.count) }))
        let rels = theirs["relations"] as! [String: [String: Any]]
        for l in c.layers {
            let r = rels[l.relation.rawValue]!
            #expect(r["count"] as? Int == l.edgeCount)
            #expect(r["directed"] as? Bool == (l.direction == .directed))
            #expect(abs((r["weight_sum"] as! Double) - l.weights.reduce(0, +)) < 1e-9)
        }
    }
}
