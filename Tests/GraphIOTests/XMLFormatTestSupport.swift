import Foundation
import Testing
import GraphCore
@testable import GraphIO
import TestSupport

/// A network in plain values, the JSON format of `Tests/Fixtures/graphml/describe.py`:
/// the same description is what networkx reads back (oracle files) and what Interstice must
/// read, so GraphML and GEXF tests compare readers through it.
struct NetworkDescription: Equatable, CustomStringConvertible {
    struct Node: Hashable {
        var id: String
        var kind: String
        var label: String?
        var attributes: [String: AttributeValue]
    }

    struct Edge: Hashable {
        var source: String
        var target: String
        var relation: String
        var directed: Bool
        var weight: Double
        var attributes: [String: AttributeValue]

        /// Undirected edges with their ends in order, for comparison.
        var canonical: Edge {
            var e = self
            if !directed && target < source { swap(&e.source, &e.target) }
            return e
        }
    }

    var metadata: [String: String] = [:]
    var nodes: [Node] = []
    var edges: [Edge] = []

    var description: String { "\(nodes.count) nodes, \(edges.count) edges" }

    /// Reads a description file under `Tests/Fixtures/`.
    static func load(_ relative: String) throws -> NetworkDescription {
        guard let root = try Fixtures.json(relative) as? [String: Any] else {
            throw DescriptionError("\(relative): not a JSON object")
        }
        var d = NetworkDescription()
        for (k, v) in root["metadata"] as? [String: String] ?? [:] { d.metadata[k] = v }
        for n in root["nodes"] as? [[String: Any]] ?? [] {
            d.nodes.append(Node(id: n["id"] as! String, kind: n["kind"] as? String ?? "actor",
                                label: n["label"] as? String, attributes: try values(n["attributes"])))
        }
        for e in root["edges"] as? [[String: Any]] ?? [] {
            d.edges.append(Edge(source: e["source"] as! String, target: e["target"] as! String,
                                relation: e["relation"] as? String ?? "edge",
                                directed: e["directed"] as? Bool ?? false,
                                weight: (e["weight"] as? NSNumber)?.doubleValue ?? 1,
                                attributes: try values(e["attributes"])))
        }
        return d
    }

    private static func values(_ any: Any?) throws -> [String: AttributeValue] {
        var out: [String: AttributeValue] = [:]
        for (k, v) in any as? [String: [Any]] ?? [:] {
            guard v.count == 2, let t = v[0] as? String else { throw DescriptionError("bad value for \(k)") }
            switch t {
            case "string": out[k] = .string(v[1] as! String)
            case "integer": out[k] = .integer((v[1] as! NSNumber).intValue)
            case "double": out[k] = .double((v[1] as! NSNumber).doubleValue)
            case "boolean": out[k] = .boolean((v[1] as! NSNumber).boolValue)
            case "date": out[k] = .date(CalendarDate(parsing: v[1] as! String)!)
            default: throw DescriptionError("unknown type \(t)")
            }
        }
        return out
    }

    /// What a network holds.
    init(_ net: Network) {
        let m = net.metadata
        for (k, v) in [("name", m.name), ("title", m.title), ("source", m.source), ("licence", m.licence)] {
            if let v { metadata[k] = v }
        }
        for v in 0..<net.nodeCount {
            var attrs: [String: AttributeValue] = [:]
            for c in net.nodeAttributes.columns { if let x = c[v] { attrs[c.name] = x } }
            nodes.append(Node(id: net.ids[v], kind: net.kinds[v].rawValue, label: net.labels[v], attributes: attrs))
        }
        for layer in net.layers {
            for e in 0..<layer.edgeCount {
                var attrs: [String: AttributeValue] = [:]
                for c in layer.attributes.columns { if let x = c[e] { attrs[c.name] = x } }
                edges.append(Edge(source: net.ids[Int(layer.sources[e])], target: net.ids[Int(layer.targets[e])],
                                  relation: layer.relation.rawValue, directed: layer.direction == .directed,
                                  weight: layer.weights[e], attributes: attrs))
            }
        }
    }

    init() {}

    /// Builds the network described.
    func network() throws -> Network {
        var net = Network()
        net.metadata.name = metadata["name"]
        net.metadata.title = metadata["title"]
        net.metadata.source = metadata["source"]
        net.metadata.licence = metadata["licence"]
        for n in nodes {
            let v = try net.addNode(n.id, kind: NodeKind(n.kind), label: n.label)
            for (k, x) in n.attributes.sorted(by: { $0.key < $1.key }) { try net.setNodeAttribute(k, of: v, x) }
        }
        for e in edges {
            let i = try net.addEdge(net.index(of: e.source)!, net.index(of: e.target)!, relation: Relation(e.relation),
                                    weight: e.weight, direction: e.directed ? .directed : .undirected)
            for (k, x) in e.attributes.sorted(by: { $0.key < $1.key }) {
                try net.setEdgeAttribute(k, relation: Relation(e.relation), edge: i, x)
            }
        }
        return net
    }

    /// Differences from `other` (nodes matched by id, edges as multisets), readable.
    func differences(from other: NetworkDescription) -> [String] {
        var out: [String] = []
        if metadata != other.metadata { out.append("metadata \(metadata) != \(other.metadata)") }
        let mine = Dictionary(nodes.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let theirs = Dictionary(other.nodes.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        for id in Set(mine.keys).subtracting(theirs.keys).sorted() { out.append("node \(id) missing") }
        for id in Set(theirs.keys).subtracting(mine.keys).sorted() { out.append("unexpected node \(id)") }
        for id in Set(mine.keys).intersection(theirs.keys).sorted() where mine[id] != theirs[id] {
            out.append("node \(id): \(mine[id]!) != \(theirs[id]!)")
        }
        var count: [Edge: Int] = [:]
        for e in edges { count[e.canonical, default: 0] += 1 }
        for e in other.edges { count[e.canonical, default: 0] -= 1 }
        for (e, c) in count where c != 0 {
            out.append(c > 0 ? "edge missing: \(e)" : "unexpected edge: \(e)")
        }
        return out.sorted()
    }
}

struct DescriptionError: Error, CustomStringConvertible {
    let description: String
    init(_ d: String) { description = d }
}

/// Reads GraphML or GEXF given as a string.
func readGraphML(_ s: String, name: String = "test.graphml") throws(GraphIOError) -> Network {
    try GraphMLFormat.read(SourceText(name: name, bytes: Array(s.utf8)))
}

func readGEXF(_ s: String, name: String = "test.gexf") throws(GraphIOError) -> Network {
    try GEXFFormat.read(SourceText(name: name, bytes: Array(s.utf8)))
}

/// The error a read throws (nil when it succeeds).
func readError(_ body: () throws(GraphIOError) -> Network) -> GraphIOError? {
    do { _ = try body(); return nil } catch { return error }
}

/// Compares written bytes with a committed file; on a difference writes the new bytes to a
/// temporary file and says where, so the change can be reviewed and copied.
func expectSameAsCommitted(_ bytes: [UInt8], _ relative: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let committed = try Fixtures.bytes(relative)
    if committed != bytes {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent(
            relative.replacingOccurrences(of: "/", with: "_"))
        try Data(bytes).write(to: out)
        Issue.record("written bytes differ from \(relative); new output in \(out.path)", sourceLocation: sourceLocation)
    }
}
