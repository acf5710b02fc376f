import Foundation
import Testing
import TestSupport
@testable import GraphIO
import GraphCore

/// Shared pieces of the GML, Pajek and JSON node-link tests: sample networks, the bad-input
/// manifest, seeded fuzzing, and the comparison with what networkx read from our files.
enum TextFormatTests {
    typealias Reader = (SourceText) throws(GraphIOError) -> Network

    static func source(_ s: String, name: String = "test") -> SourceText {
        SourceText(name: name, bytes: Array(s.utf8))
    }

    /// The error a reader gives, nil when it reads the text.
    static func error(_ text: SourceText, _ read: Reader) -> GraphIOError? {
        do { _ = try read(text); return nil } catch { return error }
    }

    // MARK: Sample networks (the ones our writers' committed files are made from)

    /// Actors, an organization and a collective; undirected acquaintance, directed exchange
    /// (with a parallel arc), member and participant; labels with quotes, `&` and non-ASCII;
    /// attributes of every type, some missing.
    static func multiplex() throws -> Network {
        var net = Network()
        net.metadata = DatasetMetadata(name: "sample-multiplex", title: "Two services, one collective")
        let a = try net.addNode("as1", kind: .actor, label: "Aïcha \"AS\" & co")
        let b = try net.addNode("as2", kind: .actor, label: "Bruno")
        let d = try net.addNode("del", kind: .actor)
        let n = try net.addNode("42", kind: .actor, label: "Delegate 42")
        let o = try net.addNode("cg71", kind: .organization, label: "CG71")
        let c = try net.addNode("équipe", kind: .collective)
        try net.setNodeAttribute("age", of: a, .integer(41))
        try net.setNodeAttribute("age", of: b, .integer(35))
        try net.setNodeAttribute("age", of: n, .integer(-29))
        try net.setNodeAttribute("trust", of: a, .double(0.75))
        try net.setNodeAttribute("trust", of: b, .double(1.5))
        try net.setNodeAttribute("trust", of: d, .double(2))
        try net.setNodeAttribute("trust", of: n, .double(1e-7))
        try net.setNodeAttribute("role", of: a, .string("référente «AS» ✓"))
        try net.setNodeAttribute("role", of: b, .string("two\nlines & \"quotes\""))
        try net.setNodeAttribute("head", of: a, .boolean(true))
        try net.setNodeAttribute("head", of: b, .boolean(false))
        try net.setNodeAttribute("since", of: a, .date(CalendarDate(year: 2006, month: 3, day: 15)!))
        var e = try net.addEdge(a, b, relation: .acquaintance, weight: 3)
        try net.setEdgeAttribute("origin", relation: .acquaintance, edge: e, .string("trade union"))
        try net.addEdge(a, d, relation: .acquaintance, weight: 1)
        try net.addEdge(b, n, relation: .acquaintance, weight: 2.5)
        e = try net.addEdge(a, b, relation: .exchange, weight: 2)
        try net.setEdgeAttribute("count", relation: .exchange, edge: e, .integer(2))
        try net.setEdgeAttribute("channel", relation: .exchange, edge: e, .string("phone"))
        e = try net.addEdge(b, a, relation: .exchange, weight: 1)
        try net.setEdgeAttribute("count", relation: .exchange, edge: e, .integer(1))
        e = try net.addEdge(a, b, relation: .exchange, weight: 4)
        try net.setEdgeAttribute("count", relation: .exchange, edge: e, .integer(4))
        try net.setEdgeAttribute("channel", relation: .exchange, edge: e, .string("meeting"))
        try net.addEdge(d, n, relation: .exchange, weight: 1)
        try net.addEdge(a, o, relation: .member)
        try net.addEdge(b, o, relation: .member)
        try net.addEdge(d, o, relation: .member)
        try net.addEdge(a, c, relation: .participant)
        try net.addEdge(d, c, relation: .participant)
        return net
    }

    /// Integer ids 1…5, one undirected unnamed relation with weights, a self-loop and an
    /// isolate; an integer and a double attribute.
    static func simple(attributes: Bool = true) throws -> Network {
        var net = Network()
        for i in 1...5 { try net.addNode(String(i)) }
        for (v, g) in [(0, 1), (1, 1), (2, 2), (3, 2)] where attributes { try net.setNodeAttribute("group", of: Int32(v), .integer(g)) }
        for (v, x) in [(0, 0.5), (2, 3.25)] where attributes { try net.setNodeAttribute("score", of: Int32(v), .double(x)) }
        for (u, v, w) in [(0, 1, 0.5), (0, 2, 2.0), (1, 2, 1.25), (2, 2, 4.0), (2, 3, 1.0)] {
            try net.addEdge(Int32(u), Int32(v), relation: "edge", weight: w, direction: .undirected)
        }
        return net
    }

    /// Three actors and two events (ids 1…5 in that order), undirected ties between the modes.
    static func twoMode() throws -> Network {
        var net = Network()
        for i in 1...3 { try net.addNode(String(i), kind: .actor, label: "woman \(i)") }
        for i in 4...5 { try net.addNode(String(i), kind: "event", label: "E0\(i - 3)") }
        for (u, v) in [(0, 3), (1, 3), (1, 4), (2, 4)] {
            try net.addEdge(Int32(u), Int32(v), relation: "edge", direction: .undirected)
        }
        return net
    }

    // MARK: Comparisons

    /// One edge as a comparable record: endpoints by id (ordered pair for undirected layers),
    /// relation, weight, attributes as text with their type.
    struct EdgeRecord: Hashable, CustomStringConvertible {
        var source: String, target: String, relation: String, weight: Double, attributes: [String: String]
        var description: String { "\(source)→\(target) \(relation) w=\(weight) \(attributes.sorted { $0.key < $1.key })" }
    }

    static func edges(of net: Network, convert: (AttributeValue) -> AttributeValue = { $0 }) -> [EdgeRecord] {
        var out: [EdgeRecord] = []
        for l in net.layers {
            for e in 0..<l.edgeCount {
                var s = net.ids[Int(l.sources[e])], t = net.ids[Int(l.targets[e])]
                if l.direction == .undirected && t < s { swap(&s, &t) }
                var attrs: [String: String] = [:]
                for c in l.attributes.columns { if let v = c[e] { attrs[c.name] = typed(convert(v)) } }
                out.append(EdgeRecord(source: s, target: t, relation: l.relation.rawValue, weight: l.weights[e], attributes: attrs))
            }
        }
        return out.sorted { $0.description < $1.description }
    }

    static func typed(_ v: AttributeValue) -> String { "\(v.type.shortName):\(v)" }

    /// Expects two networks to hold the same nodes, kinds, labels, attributes (after `convert`,
    /// which applies a format's documented type changes), layers and edges.
    static func expectSame(_ back: Network, _ original: Network, kinds: Bool = true, labels: Bool = true,
                           convert: (AttributeValue) -> AttributeValue = { $0 },
                           sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(back.ids == original.ids, sourceLocation: sourceLocation)
        if kinds { #expect(back.kinds == original.kinds, sourceLocation: sourceLocation) }
        if labels {
            #expect((0..<back.nodeCount).map { back.displayLabel(Int32($0)) }
                    == (0..<original.nodeCount).map { original.displayLabel(Int32($0)) }, sourceLocation: sourceLocation)
        }
        #expect(back.metadata.name == original.metadata.name, sourceLocation: sourceLocation)
        #expect(back.nodeAttributes.names.sorted() == original.nodeAttributes.names.sorted(), sourceLocation: sourceLocation)
        for col in original.nodeAttributes.columns {
            let expected = col.values.map { $0.map(convert).map(typed) }
            let got = back.nodeAttributes[col.name]?.values.map { $0.map(typed) }
            #expect(got == expected, "node attribute \(col.name)", sourceLocation: sourceLocation)
        }
        #expect(back.relations == original.relations, sourceLocation: sourceLocation)
        for l in original.layers {
            #expect(back.layer(l.relation)?.direction == l.direction, "direction of \(l.relation)", sourceLocation: sourceLocation)
        }
        #expect(edges(of: back) == edges(of: original, convert: convert), sourceLocation: sourceLocation)
    }

    // MARK: Bad-input manifest (Tests/Fixtures/bad, made by make_bad.py)

    struct BadCase: CustomTestStringConvertible, Sendable {
        var path: String, line: Int?, column: Int?, phrases: [String], accepted: [[Int]]
        var testDescription: String { path }
    }

    /// The manifest's cases of one format.
    static func badCases(format: String) -> [BadCase] {
        guard let root = try? Fixtures.json("bad/manifest.json") as? [String: Any],
              let files = root["files"] as? [[String: Any]] else { return [] }
        return files.filter { $0["format"] as? String == format }.map { f in
            BadCase(path: f["path"] as? String ?? "", line: f["line"] as? Int, column: f["column"] as? Int,
                    phrases: f["message_contains_any"] as? [String] ?? [],
                    accepted: (f["accepted_locations"] as? [[String: Int]] ?? []).map { [$0["line"] ?? 0, $0["column"] ?? 0] })
        }
    }

    /// Expects the reader to reject a manifest case at its location with one of its phrases.
    static func expectRejected(_ c: BadCase, _ read: Reader) throws {
        let text = try SourceText.read(path: Fixtures.path("bad/" + c.path))
        guard let e = error(text, read) else { Issue.record("\(c.path) was read without error"); return }
        #expect(e.kind == .badData, "\(e)")
        if let line = c.line, let column = c.column {
            #expect(e.line == line && e.column == column, "\(e) — expected \(line):\(column)")
        } else if let line = e.line, let column = e.column {
            #expect(c.accepted.contains([line, column]), "\(e) — expected one of \(c.accepted)")
        }
        #expect(c.phrases.contains { e.message.lowercased().contains($0.lowercased()) }, "\(e) — expected one of \(c.phrases)")
    }

    // MARK: Fuzzing

    /// Reads `count` seeded random mutations of `base` (bytes replaced, deleted, inserted,
    /// duplicated, truncated); each must be read or rejected with a located error, never crash
    /// or hang. Returns how many were read without error.
    static func fuzz(_ base: [UInt8], seed: UInt64, count: Int, _ read: Reader) -> Int {
        let interesting: [UInt8] = Array("[]{}\"',:%#*&;\\-+.0123456789eE\n \t\r\u{0}".utf8) + [0xC3, 0xA9, 0xFF, 0x80]
        var accepted = 0
        for r in 0..<count {
            var rng = SplitMix64(seed: seed, stream: UInt64(r))
            var bytes = base
            for _ in 0..<(1 + rng.next(below: 4)) {
                guard !bytes.isEmpty else { break }
                let at = rng.next(below: bytes.count)
                switch rng.next(below: 6) {
                case 0: bytes[at] = interesting[rng.next(below: interesting.count)]
                case 1: bytes[at] = UInt8(truncatingIfNeeded: rng.next())
                case 2: bytes.removeSubrange(at..<min(bytes.count, at + 1 + rng.next(below: 8)))
                case 3: bytes.insert(interesting[rng.next(below: interesting.count)], at: at)
                case 4:
                    let end = min(bytes.count, at + 1 + rng.next(below: 40))
                    bytes.insert(contentsOf: Array(bytes[at..<end]), at: rng.next(below: bytes.count))
                default: bytes.removeSubrange(at...)
                }
            }
            let text = SourceText(name: "fuzz-\(r)", bytes: bytes)
            do {
                _ = try read(text)
                accepted += 1
            } catch {
                #expect(error.line != nil && error.column != nil, "mutation \(r) of seed \(seed): \(error)")
                #expect(!error.message.isEmpty)
            }
        }
        return accepted
    }

    // MARK: Our writers' committed files and networkx's reading of them

    /// Compares a writer's output with its committed file (`Tests/Fixtures/<path>`), which the
    /// folder's Python script read with networkx. Set `INTERSTICE_WRITE_FIXTURES=1` to rewrite
    /// the files after a deliberate change of a writer, then rerun the script.
    static func expectCommitted(_ bytes: [UInt8], at path: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let full = Fixtures.path(path)
        if ProcessInfo.processInfo.environment["INTERSTICE_WRITE_FIXTURES"] == "1" {
            try Data(bytes).write(to: URL(fileURLWithPath: full))
        }
        let committed = try Fixtures.bytes(path)
        #expect(committed == bytes, "\(path) differs from the writer's output: rewrite it with INTERSTICE_WRITE_FIXTURES=1 and rerun the networkx script", sourceLocation: sourceLocation)
    }

    /// What a Python script recorded for one file: nodes with typed attributes, edges.
    struct PythonView {
        var directed: Bool
        var multigraph: Bool
        /// Node name (as text) → attribute → "type:value".
        var nodes: [String: [String: String]]
        var edges: [EdgeRecord]
    }

    /// Reads `{"files": {name: {directed, multigraph, nodes: {id: {k: [type, v]}}, edges: [{source, target, attributes}]}}}`.
    static func pythonView(_ json: String, file: String) throws -> PythonView? {
        guard let root = try Fixtures.json(json) as? [String: Any],
              let files = root["files"] as? [String: Any], let f = files[file] as? [String: Any] else { return nil }
        func typedText(_ tv: Any) -> String {
            guard let pair = tv as? [Any], pair.count == 2, let type = pair[0] as? String else { return "?" }
            switch type {
            case "int": return "int:\((pair[1] as? NSNumber)?.intValue ?? 0)"
            case "double": return "double:\(AttributeValue.format((pair[1] as? NSNumber)?.doubleValue ?? .nan))"
            case "bool": return "bool:\((pair[1] as? Bool) == true)"
            default: return "string:\(pair[1] as? String ?? "")"
            }
        }
        var nodes: [String: [String: String]] = [:]
        for (id, attrs) in f["nodes"] as? [String: [String: Any]] ?? [:] {
            nodes[id] = attrs.mapValues(typedText)
        }
        let directed = f["directed"] as? Bool ?? false
        var edges: [EdgeRecord] = []
        for e in f["edges"] as? [[String: Any]] ?? [] {
            var attrs = (e["attributes"] as? [String: Any] ?? [:]).mapValues(typedText)
            let relation = attrs.removeValue(forKey: "relation").map { String($0.dropFirst("string:".count)) } ?? "edge"
            let weight = attrs.removeValue(forKey: "weight").flatMap { Double($0.split(separator: ":").last ?? "") } ?? 1
            var s = e["source"] as? String ?? "", t = e["target"] as? String ?? ""
            let edgeDirected = attrs["directed"].map { $0 != "int:0" && $0 != "bool:false" } ?? directed
            attrs.removeValue(forKey: "directed")
            if !edgeDirected && t < s { swap(&s, &t) }
            edges.append(EdgeRecord(source: s, target: t, relation: relation, weight: weight, attributes: attrs))
        }
        return PythonView(directed: directed, multigraph: f["multigraph"] as? Bool ?? false, nodes: nodes,
                          edges: edges.sorted { $0.description < $1.description })
    }

    /// Expects what networkx read to be our network: same node names, the node attributes
    /// (after `convert`, plus `extraNodeKeys` values that the format adds such as `kind`), and
    /// the same edges with their relation, weight and attributes.
    static func expectPythonSaw(_ view: PythonView, _ net: Network, convert: (AttributeValue) -> AttributeValue,
                                nodeKey: (Network, Int) -> [String: String] = { _, _ in [:] },
                                sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(view.nodes.keys.sorted() == net.ids.sorted(), sourceLocation: sourceLocation)
        for v in 0..<net.nodeCount {
            var expected = nodeKey(net, v)
            for c in net.nodeAttributes.columns { if let x = c[v] { expected[c.name] = typed(convert(x)) } }
            #expect(view.nodes[net.ids[v]] == expected, "node \(net.ids[v])", sourceLocation: sourceLocation)
        }
        #expect(view.edges == edges(of: net, convert: convert), sourceLocation: sourceLocation)
    }
}
