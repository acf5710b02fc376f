import Foundation
import Testing
import TestSupport
@testable import GraphIO
import GraphCore

/// Files written by networkx, igraph and by hand (Tests/Fixtures/interop, made by
/// make_interop.py) read back with exactly the nodes, edges and attributes that expected.json
/// records.
@Suite("Interop: files written by networkx, igraph and by hand")
struct InteropTests {
    /// expected.json's `files` object (parsed per use: it is small).
    static func expected() -> [String: [String: Any]] {
        let root = (try? Fixtures.json("interop/expected.json")) as? [String: Any]
        return root?["files"] as? [String: [String: Any]] ?? [:]
    }

    /// Every fixture file, by name.
    static func fileNames() -> [String] { expected().keys.sorted() }

    @Test func fixturesArePresent() {
        #expect(Self.fileNames().count >= 40)
    }

    @Test(arguments: fileNames())
    func readsBackAsRecorded(name: String) throws {
        let spec = Self.expected()[name]!
        let path = Fixtures.path("interop/" + name)
        if spec["must_reject"] as? Bool == true {
            let phrases = spec["error_contains_any"] as? [String] ?? []
            let failure: GraphIOError?
            do { _ = try GraphFile.read(path); failure = nil } catch { failure = error }
            guard let e = failure else { Issue.record("\(name) must be rejected"); return }
            #expect(e.kind == .badData)
            #expect(phrases.contains { e.message.lowercased().contains($0.lowercased()) }, "\(e)")
            #expect(!e.message.contains("root:"), "the external entity must never be resolved")
            return
        }
        let net = try GraphFile.read(path)
        #expect(net.ids.sorted() == (spec["nodes"] as! [String]).sorted())
        #expect(net.nodeCount == spec["node_count"] as! Int)
        #expect(net.edgeCount == spec["edge_count"] as! Int)
        if let d = spec["directed"] as? Bool {
            for l in net.layers where l.relation != .member && l.relation != .participant {
                #expect(l.direction == (d ? .directed : .undirected), "\(name): relation \(l.relation)")
            }
        }
        if let labels = spec["labels"] as? [String: String] {
            for (id, label) in labels { #expect(net.labels[Int(net.index(of: id)!)] == label, "\(name) label of \(id)") }
        }
        if let kinds = spec["kinds"] as? [String: String] {
            for (id, k) in kinds { #expect(net.kinds[Int(net.index(of: id)!)].rawValue == k, "\(name) kind of \(id)") }
        }
        if let attrs = spec["node_attributes"] as? [String: [String: [Any]]] {
            for (id, values) in attrs {
                let v = net.index(of: id)!
                for (key, tv) in values {
                    if key == "kind" || key == "label" { continue }
                    Self.check(net.nodeAttribute(key, of: v), tv, "\(name) node \(id).\(key)")
                }
            }
        }
        let ignore = Set(spec["ignore_edge_attributes"] as? [String] ?? [])
        var ours: [(String, String, Double, [String: AttributeValue])] = []
        for l in net.layers {
            for e in 0..<l.edgeCount {
                var s = net.ids[Int(l.sources[e])], t = net.ids[Int(l.targets[e])]
                if (l.direction == .undirected || spec["directed"] == nil || spec["directed"] is NSNull) && t < s { swap(&s, &t) }
                var a: [String: AttributeValue] = [:]
                for c in l.attributes.columns { if let v = c[e] { a[c.name] = v } }
                if l.relation.rawValue != "edge" { a["relation"] = .string(l.relation.rawValue) }
                ours.append((s, t, l.weights[e], a))
            }
        }
        let theirs = (spec["edges"] as! [[String: Any]]).map { e -> (String, String, Double, [String: [Any]]) in
            var s = e["source"] as! String, t = e["target"] as! String
            // Plain lists cannot say they are directed; we read them undirected: compare as pairs.
            if spec["directed"] as? Bool != true && t < s { swap(&s, &t) }
            return (s, t, (e["weight"] as? Double) ?? 1, e["attributes"] as? [String: [Any]] ?? [:])
        }
        // Match each expected edge to one of ours with the same endpoints, weight and attributes.
        var unused = Array(ours.indices)
        for (s, t, w, attrs) in theirs {
            let hit = unused.firstIndex { i in
                let o = ours[i]
                guard o.0 == s, o.1 == t, abs(o.2 - w) < 1e-12 else { return false }
                return attrs.allSatisfy { k, tv in ignore.contains(k) || Self.matches(o.3[k], tv) }
            }
            #expect(hit != nil, "\(name): no edge \(s)→\(t) weight \(w) \(attrs) among \(ours.filter { $0.0 == s && $0.1 == t })")
            if let hit { unused.remove(at: hit) }
        }
    }

    static func matches(_ v: AttributeValue?, _ tv: [Any]) -> Bool {
        guard let v, tv.count == 2, let type = tv[0] as? String else { return false }
        switch (type, v) {
        case ("int", .integer(let i)): return (tv[1] as? NSNumber)?.intValue == i
        // Columns are typed: a key holding integers on some nodes and reals on others (GML
        // written by igraph) becomes a double column, where the integer reads as its double.
        case ("int", .double(let d)): return (tv[1] as? NSNumber).map { Double($0.intValue) == d } ?? false
        case ("double", .double(let d)): return abs(((tv[1] as? NSNumber)?.doubleValue ?? .nan) - d) < 1e-12
        case ("bool", .boolean(let b)): return (tv[1] as? Bool) == b
        case ("string", .string(let s)): return (tv[1] as? String) == s
        default: return false
        }
    }

    static func check(_ v: AttributeValue?, _ tv: [Any], _ what: String) {
        #expect(matches(v, tv), "\(what): read \(String(describing: v)), expected \(tv)")
    }
}
