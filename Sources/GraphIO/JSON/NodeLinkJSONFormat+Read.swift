import GraphCore

extension NodeLinkJSONFormat {
    /// Reads networkx node-link JSON; see ``NodeLinkJSONFormat`` for the mapping.
    /// - Complexity: O(length of the file).
    public static func read(_ text: SourceText) throws(GraphIOError) -> Network {
        try text.requireText(format: "JSON")
        var parser = JSONParser(text)
        let root = try parser.parse()
        guard case .object = root.value else {
            throw text.error(at: root.offset, "expected a JSON object with \"nodes\" and \"edges\", found \(root.typeName)")
        }
        var asm = NetworkAssembly(source: text)

        var directed = false
        if let d = root.member("directed"), let value = try raw(d.node, text: text, what: "directed") {
            directed = try asm.direction(value, at: d.node.offset)
        }
        if let g = root.member("graph") { asm.setMetadata(try metadata(g.node, text: text)) }

        guard let nodesMember = root.member("nodes") else {
            throw text.error(at: root.offset, "no \"nodes\" member; expected \"nodes\": [ {\"id\": …}, … ]")
        }
        guard case .array(let nodes) = nodesMember.node.value else {
            throw text.error(at: nodesMember.node.offset, "expected an array for \"nodes\", found \(nodesMember.node.typeName)")
        }
        var index: [String: Int32] = [:]
        index.reserveCapacity(nodes.count)
        asm.reserveNodes(nodes.count)
        for (position, node) in nodes.enumerated() {
            guard case .object(let members) = node.value else {
                throw text.error(at: node.offset, "expected an object for a node, found \(node.typeName)")
            }
            // networkx numbers nodes without an id by their position.
            var id = String(position)
            var kind = NodeKind.actor
            var label: String?
            var attributes: [(String, RawValue)] = []
            for m in members {
                switch m.key {
                case "id":
                    id = try identifier(m.node, text: text, what: "a node id")
                case "kind":
                    if let k = try self.text(m.node, text: text, what: "kind"), !k.isEmpty { kind = NodeKind(k) }
                case "label":
                    label = try self.text(m.node, text: text, what: "label")
                default:
                    if let v = try raw(m.node, text: text, what: m.key) { attributes.append((m.key, v)) }
                }
            }
            let v = try asm.addNode(id, kind: kind, label: label, at: node.offset)
            index[id] = v
            for (key, value) in attributes { asm.nodeColumns.add(key, row: Int(v), value) }
        }

        // networkx ≥ 3.4 writes "edges"; older versions and d3 write "links".
        if let edgesMember = root.member("edges") ?? root.member("links") {
            guard case .array(let edges) = edgesMember.node.value else {
                throw text.error(at: edgesMember.node.offset, "expected an array for \"\(edgesMember.key)\", found \(edgesMember.node.typeName)")
            }
            for edge in edges {
                guard case .object(let members) = edge.value else {
                    throw text.error(at: edge.offset, "expected an object for an edge, found \(edge.typeName)")
                }
                func endpoint(_ key: String) throws(GraphIOError) -> Int32 {
                    guard let m = edge.member(key) else {
                        throw text.error(at: edge.offset, "this edge has no \"\(key)\"; expected \"\(key)\": <node id>")
                    }
                    let id = try identifier(m.node, text: text, what: "an edge \(key)")
                    guard let v = index[id] else {
                        throw text.error(at: m.node.offset, "unknown node \(GraphIOError.quote(id)): the edge's \(key) is not the id of any node")
                    }
                    return v
                }
                let u = try endpoint("source"), v = try endpoint("target")
                var relation = NetworkAssembly.defaultRelation
                var weight = 1.0
                var edgeDirected = directed
                var attributes: [(String, RawValue)] = []
                for m in members {
                    switch m.key {
                    case "source", "target": continue
                    case "relation":
                        if let r = try self.text(m.node, text: text, what: "relation"), !r.isEmpty { relation = Relation(r) }
                    case "weight":
                        if let w = try raw(m.node, text: text, what: "weight") { weight = try asm.weight(w, at: m.node.offset) }
                    case "directed":
                        if let d = try raw(m.node, text: text, what: "directed") { edgeDirected = try asm.direction(d, at: m.node.offset) }
                    case "key":
                        // networkx's multigraph keys 0, 1, 2 … only number parallel edges.
                        if case .integer = m.node.value { continue }
                        if let k = try raw(m.node, text: text, what: "key") { attributes.append(("key", k)) }
                    default:
                        if let a = try raw(m.node, text: text, what: m.key) { attributes.append((m.key, a)) }
                    }
                }
                let row = try asm.addEdge(u, v, relation: relation, weight: weight, directed: edgeDirected, at: edge.offset)
                for (key, value) in attributes { asm.edgeColumns.add(key, row: row, value) }
            }
        }
        return asm.finish()
    }

    /// An attribute value: null is missing; arrays and objects are kept as compact JSON text.
    static func raw(_ node: JSONNode, text: SourceText, what: String) throws(GraphIOError) -> RawValue? {
        switch node.value {
        case .null: return nil
        case .boolean(let b): return .boolean(b)
        case .integer(let i): return .integer(i)
        case .double(let d): return .double(d)
        case .string(let s): return .string(s)
        case .array, .object:
            var w = ByteWriter(capacity: 64)
            JSONText.write(node, into: &w)
            return .string(String(decoding: w.bytes, as: UTF8.self))
        }
    }

    /// A string-like value (`kind`, `label`, `relation`): strings, numbers as text; nil for null.
    static func text(_ node: JSONNode, text: SourceText, what: String) throws(GraphIOError) -> String? {
        switch node.value {
        case .null: return nil
        case .string(let s): return s
        case .integer, .double: return try raw(node, text: text, what: what)?.text
        default:
            throw text.error(at: node.offset, "expected a string for \(what), found \(node.typeName)")
        }
    }

    /// A node id as text: strings as they are, numbers and booleans as their JSON text, arrays
    /// (networkx's tuples) as compact JSON.
    static func identifier(_ node: JSONNode, text: SourceText, what: String) throws(GraphIOError) -> String {
        switch node.value {
        case .null, .object:
            throw text.error(at: node.offset, "expected a string or a number for \(what), found \(node.typeName)")
        default:
            return try raw(node, text: text, what: what)?.text ?? ""
        }
    }

    /// The network's metadata from the `graph` object: `name`, `title`, `source`, `licence`,
    /// `organization_kind` and `relations` (an object of strings); other members are ignored.
    static func metadata(_ node: JSONNode, text: SourceText) throws(GraphIOError) -> DatasetMetadata {
        guard case .object(let members) = node.value else {
            throw text.error(at: node.offset, "expected an object for \"graph\", found \(node.typeName)")
        }
        var m = DatasetMetadata()
        for member in members {
            switch member.key {
            case "name": m.name = try self.text(member.node, text: text, what: "the graph's name")
            case "title": m.title = try self.text(member.node, text: text, what: "the graph's title")
            case "source": m.source = try self.text(member.node, text: text, what: "the graph's source")
            case "licence", "license": m.licence = try self.text(member.node, text: text, what: "the graph's licence")
            case "organization_kind": m.organizationKind = try self.text(member.node, text: text, what: "organization_kind")
            case "relations":
                guard case .object(let rs) = member.node.value else { continue }
                for r in rs {
                    if let s = try self.text(r.node, text: text, what: "a relation's description") { m.relations[r.key] = s }
                }
            default: break
            }
        }
        return m
    }
}
