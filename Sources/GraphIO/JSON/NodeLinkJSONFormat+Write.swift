import GraphCore

extension NodeLinkJSONFormat {
    /// Writes node-link JSON that networkx's `node_link_graph(json.load(f))` reads back with the
    /// same nodes, edges and attributes, one node or edge per line.
    /// - Complexity: O(n + m + number of attribute values).
    public static func write(_ network: Network) -> [UInt8] {
        let plan = WriterPlan(network)
        var w = ByteWriter(capacity: 128 + network.nodeCount * 48 + network.edgeCount * 48)
        w.write("{\n  \"directed\": ")
        w.write(plan.directed ? "true" : "false")
        w.write(",\n  \"multigraph\": ")
        w.write(plan.multigraph ? "true" : "false")
        w.write(",\n  \"graph\": {")
        let m = network.metadata
        var first = true
        for (key, value) in [("name", m.name), ("title", m.title), ("source", m.source), ("licence", m.licence),
                             ("organization_kind", m.organizationKind)] {
            guard let value else { continue }
            member(key, first: &first, into: &w)
            JSONText.write(string: value, into: &w)
        }
        if !m.relations.isEmpty {
            member("relations", first: &first, into: &w)
            w.write(byte: 0x7B)
            for (k, (relation, text)) in m.relations.sorted(by: { $0.key < $1.key }).enumerated() {
                if k > 0 { w.write(", ") }
                JSONText.write(string: relation, into: &w)
                w.write(": ")
                JSONText.write(string: text, into: &w)
            }
            w.write(byte: 0x7D)
        }
        w.write("},\n  \"nodes\": [")

        let nodeColumns = network.nodeAttributes.columns.filter { !WriterPlan.reservedNodeKeys.contains($0.name) }
        for v in 0..<network.nodeCount {
            w.write(v == 0 ? "\n    {" : ",\n    {")
            first = true
            member("id", first: &first, into: &w)
            writeID(network.ids[v], into: &w)
            if let label = network.labels[v] {
                member("label", first: &first, into: &w)
                JSONText.write(string: label, into: &w)
            }
            if plan.writeKinds {
                member("kind", first: &first, into: &w)
                JSONText.write(string: network.kinds[v].rawValue, into: &w)
            }
            for col in nodeColumns {
                guard let value = col[v] else { continue }
                member(col.name, first: &first, into: &w)
                JSONText.write(value, into: &w)
            }
            w.write(byte: 0x7D)
        }
        w.write(network.nodeCount > 0 ? "\n  ],\n  \"edges\": [" : "],\n  \"edges\": [")

        var e0 = true
        for layer in network.layers {
            let columns = layer.attributes.columns.filter { !WriterPlan.reservedEdgeKeys.contains($0.name) }
            let markUndirected = plan.mixedDirections && layer.direction == .undirected
            for e in 0..<layer.edgeCount {
                w.write(e0 ? "\n    {" : ",\n    {")
                e0 = false
                first = true
                member("source", first: &first, into: &w)
                writeID(network.ids[Int(layer.sources[e])], into: &w)
                member("target", first: &first, into: &w)
                writeID(network.ids[Int(layer.targets[e])], into: &w)
                if plan.writeRelations {
                    member("relation", first: &first, into: &w)
                    JSONText.write(string: layer.relation.rawValue, into: &w)
                }
                if layer.hasWeights {
                    member("weight", first: &first, into: &w)
                    JSONText.write(double: layer.weights[e], into: &w)
                }
                if markUndirected {
                    member("directed", first: &first, into: &w)
                    w.write("false")
                }
                for col in columns {
                    guard let value = col[e] else { continue }
                    member(col.name, first: &first, into: &w)
                    JSONText.write(value, into: &w)
                }
                w.write(byte: 0x7D)
            }
        }
        w.write(e0 ? "]\n}\n" : "\n  ]\n}\n")
        return w.bytes
    }

    /// `"key": ` with a separating comma after the first member of an object.
    private static func member(_ key: String, first: inout Bool, into w: inout ByteWriter) {
        if !first { w.write(", ") }
        first = false
        JSONText.write(string: key, into: &w)
        w.write(": ")
    }

    /// A node id: a number when it is an integer written canonically (`12`, not `012` or
    /// `+12`), so networkx gets the integer nodes it wrote; otherwise a string.
    static func writeID(_ id: String, into w: inout ByteWriter) {
        if let i = Int(id), String(i) == id { w.write(int: i) }
        else { JSONText.write(string: id, into: &w) }
    }
}
