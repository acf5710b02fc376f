import Foundation
import GraphCore
@testable import GraphIO
import Testing
import TestSupport

/// The core data model survives interchange: a mixed network (undirected acquaintance beside
/// directed exchange and membership) written as GraphML or GEXF is read by networkx and igraph
/// with every tie, its relation and direction (check_mixed.py → mixed_read.json), and by our
/// reader back into the same network.
@Suite("Mixed networks through GraphML and GEXF: networkx, igraph and our reader")
struct MixedInterchangeTests {
    let source: Network
    let peers: [String: Any]

    init() throws {
        source = try GraphFile.read(Fixtures.path("interop/mixed/source"))
        peers = try #require(try Fixtures.json("interop/mixed/mixed_read.json") as? [String: Any])
    }

    /// Every arc of the network: an undirected tie is two arcs (one for a self-loop).
    var expectedArcs: [[String]] {
        var out: [[String]] = []
        for l in source.layers {
            for e in 0..<l.edgeCount {
                let u = source.ids[Int(l.sources[e])], v = source.ids[Int(l.targets[e])]
                let w = AttributeValue.format(l.weights[e])
                out.append([u, v, l.relation.rawValue, w])
                if l.direction == .undirected && u != v { out.append([v, u, l.relation.rawValue, w]) }
            }
        }
        return out.sorted { $0.lexicographicallyPrecedes($1) }
    }

    func arcs(_ key: String) throws -> [[String]] {
        let d = try #require(peers[key] as? [String: Any], "\(key)")
        #expect(d["directed"] as? Bool == true)
        #expect(d["nodes"] as? [String] == source.ids.sorted())
        let rows = try #require(d["arcs"] as? [[Any]])
        return rows.map { r in
            [r[0] as! String, r[1] as! String, r[2] as! String, AttributeValue.format((r[3] as! NSNumber).doubleValue)]
        }.sorted { $0.lexicographicallyPrecedes($1) }
    }

    @Test("the committed files are what the writers write today")
    func committedFiles() throws {
        #expect(GraphMLFormat.write(source) == (try Fixtures.bytes("interop/mixed/mixed.graphml")))
        #expect(GEXFFormat.write(source) == (try Fixtures.bytes("interop/mixed/mixed.gexf")))
    }

    @Test("networkx (GraphML, GEXF) and igraph (GraphML) read every tie with its relation and direction")
    func peersReadEveryTie() throws {
        #expect(expectedArcs.count == 14)
        for key in ["networkx:mixed.graphml", "networkx:mixed.gexf", "igraph:mixed.graphml"] {
            #expect(try arcs(key) == expectedArcs, "\(key)")
        }
    }

    @Test("our reader folds the mutual pairs back: the same layers, directions, edges, weights and attributes", arguments: ["mixed.graphml", "mixed.gexf"])
    func roundTrip(file: String) throws {
        let back = try GraphFile.read(Fixtures.path("interop/mixed/\(file)"))
        #expect(back.ids == source.ids && back.kinds == source.kinds)
        #expect(back.relations == source.relations)
        for l in source.layers {
            let b = try #require(back.layer(l.relation))
            #expect(b.direction == l.direction, "\(l.relation)")
            #expect(b.sources == l.sources && b.targets == l.targets && b.weights == l.weights, "\(l.relation)")
        }
        let channel = try #require(back.layer(.exchange)?.attributes["channel"])
        #expect(channel.values.map { $0?.description } == ["phone", "meeting", "phone"])
        #expect(back.layer(.acquaintance)?.attributes["mutual"] == nil)
    }
}
