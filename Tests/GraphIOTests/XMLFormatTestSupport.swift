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

/// `Tests/Fixtures/interop/expected.json`: what each file written by another tool must read as.
enum Interop {
    static func entries() throws -> [String: [String: Any]] {
        let root = try #require(try Fixtures.json("interop/expected.json") as? [String: Any])
        return try #require(root["files"] as? [String: [String: Any]])
    }

    /// The files of one format, split into those to read and those to reject.
    static func files(format: String) throws -> (read: [String], reject: [String]) {
        let all = try entries().filter { $0.value["format"] as? String == format }
        return (all.filter { $0.value["must_reject"] as? Bool != true }.map(\.key).sorted(),
                all.filter { $0.value["must_reject"] as? Bool == true }.map(\.key).sorted())
    }

    static func value(_ pair: Any?) -> AttributeValue? {
        guard let p = pair as? [Any], p.count == 2, let t = p[0] as? String else { return nil }
        switch t {
        case "int": return (p[1] as? NSNumber).map { .integer($0.intValue) }
        case "double": return (p[1] as? NSNumber).map { .double($0.doubleValue) }
        case "bool": return (p[1] as? NSNumber).map { .boolean($0.boolValue) }
        case "string": return (p[1] as? String).map { .string($0) }
        default: return nil
        }
    }

    /// How `net` differs from an entry (empty when it matches). XML edge ids and GEXF edge
    /// labels, which Interstice keeps as the attributes `id` and `label`, are not recorded there
    /// and not compared; an edge's relation other than `edge` is compared with the attribute
    /// `relation`.
    static func differences(_ net: Network, _ e: [String: Any]) -> [String] {
        var out: [String] = []
        if let c = e["node_count"] as? Int, c != net.nodeCount { out.append("node_count \(net.nodeCount) != \(c)") }
        if let c = e["edge_count"] as? Int, c != net.edgeCount { out.append("edge_count \(net.edgeCount) != \(c)") }
        if let ids = e["nodes"] as? [String], Set(ids) != Set(net.ids) { out.append("nodes \(net.ids.sorted()) != \(ids)") }
        if let d = e["directed"] as? Bool {
            for l in net.layers where (l.direction == .directed) != d { out.append("relation \(l.relation) is \(l.direction)") }
        }
        if let labels = e["labels"] as? [String: String] {
            for (id, l) in labels {
                guard let v = net.index(of: id) else { continue }
                if net.labels[Int(v)] != l { out.append("label of \(id): \(String(describing: net.labels[Int(v)])) != \(l)") }
            }
        }
        if let attrs = e["node_attributes"] as? [String: [String: Any]] {
            for v in 0..<net.nodeCount {
                var mine: [String: AttributeValue] = [:]
                for c in net.nodeAttributes.columns { if let x = c[v] { mine[c.name] = x } }
                var theirs: [String: AttributeValue] = [:]
                for (k, pair) in attrs[net.ids[v]] ?? [:] { theirs[k] = value(pair) }
                if mine != theirs { out.append("attributes of \(net.ids[v]): \(mine) != \(theirs)") }
            }
        }
        let ignored = Set(e["ignore_edge_attributes"] as? [String] ?? []).union(["id", "label"])
        var mine: [(s: String, t: String, w: Double, a: [String: AttributeValue])] = []
        for l in net.layers {
            for i in 0..<l.edgeCount {
                var s = net.ids[Int(l.sources[i])], t = net.ids[Int(l.targets[i])]
                if l.direction == .undirected && t < s { swap(&s, &t) }
                var a: [String: AttributeValue] = [:]
                for c in l.attributes.columns where !ignored.contains(c.name) { if let x = c[i] { a[c.name] = x } }
                if l.relation != "edge" { a["relation"] = .string(l.relation.rawValue) }
                mine.append((s, t, l.weights[i], a))
            }
        }
        for x in e["edges"] as? [[String: Any]] ?? [] {
            var s = x["source"] as? String ?? "", t = x["target"] as? String ?? ""
            if e["directed"] as? Bool == false && t < s { swap(&s, &t) }
            let w = (x["weight"] as? NSNumber)?.doubleValue ?? 1
            var a: [String: AttributeValue]? = nil
            if let xa = x["attributes"] as? [String: Any] {
                var d: [String: AttributeValue] = [:]
                for (k, pair) in xa where !ignored.contains(k) { d[k] = value(pair) }
                a = d
            }
            if let j = mine.firstIndex(where: { $0.s == s && $0.t == t && $0.w == w && (a == nil || $0.a == a!) }) {
                mine.remove(at: j)
            } else {
                out.append("edge not found: \(s) → \(t) weight \(w) \(a.map { "\($0)" } ?? "")")
            }
        }
        for m in mine { out.append("unexpected edge: \(m.s) → \(m.t) weight \(m.w) \(m.a)") }
        return out
    }
}

/// `Tests/Fixtures/bad/manifest.json`: malformed files and where their error must point.
enum BadManifest {
    static func entries(format: String) throws -> [[String: Any]] {
        let root = try #require(try Fixtures.json("bad/manifest.json") as? [String: Any])
        return (root["files"] as? [[String: Any]] ?? []).filter { $0["format"] as? String == format }
    }

    static func controls(format: String) throws -> [String] {
        let root = try #require(try Fixtures.json("bad/manifest.json") as? [String: Any])
        return (root["controls"] as? [[String: Any]] ?? []).filter { $0["format"] as? String == format }
            .compactMap { $0["path"] as? String }
    }

    /// How an error differs from what the entry demands (empty when it matches).
    static func check(_ error: GraphIOError?, _ e: [String: Any]) -> [String] {
        guard let error else { return ["no error"] }
        var out: [String] = []
        if error.kind != .badData { out.append("kind \(error.kind)") }
        if let line = e["line"] as? Int {
            if error.line != line || error.column != e["column"] as? Int {
                out.append("at \(error.line ?? 0):\(error.column ?? 0), expected \(line):\(e["column"] ?? "")")
            }
        } else if error.line != nil, let locations = e["accepted_locations"] as? [[String: Int]] {
            let accepted = locations.map { ($0["line"], $0["column"]) }
            if !accepted.contains(where: { $0.0 == error.line && $0.1 == error.column }) {
                out.append("at \(error.line ?? 0):\(error.column ?? 0), not an accepted location")
            }
        }
        let phrases = e["message_contains_any"] as? [String] ?? e["error_contains_any"] as? [String] ?? []
        if !phrases.isEmpty && !phrases.contains(where: { error.message.lowercased().contains($0.lowercased()) }) {
            out.append("message \(GraphIOError.quote(error.message)) has none of \(phrases)")
        }
        return out
    }
}
