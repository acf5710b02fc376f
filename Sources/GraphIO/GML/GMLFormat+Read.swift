import GraphCore

extension GMLFormat {
    /// Reads a GML file; see ``GMLFormat`` for the mapping.
    /// - Complexity: O(length of the file).
    public static func read(_ text: SourceText) throws(GraphIOError) -> Network {
        try text.requireText(format: "GML")
        var parser = GMLParser(text)
        try parser.parse()
        var asm = NetworkAssembly(source: text)
        asm.setMetadata(parser.metadata)

        // Nodes: GML `id` → node id, `label` (or our writer's `display_label`) → label.
        var indexOfGMLID: [String: Int32] = [:]
        indexOfGMLID.reserveCapacity(parser.nodes.count)
        asm.reserveNodes(parser.nodes.count)
        for (i, record) in parser.nodes.enumerated() {
            guard let idField = record.field("id") else {
                throw text.error(at: record.offset, "this node has no id; expected id <integer> inside node [ ]")
            }
            guard !idField.isList else { throw text.error(at: idField.offset, "expected an integer or a string for id, found a list") }
            let id = idField.value.text
            var kind = NodeKind.actor
            var label: String?
            var displayLabel: String?
            for f in record.fields {
                switch f.key {
                case "id": continue
                case "label": label = f.value.text
                case "display_label": displayLabel = f.value.text
                case "kind":
                    guard !f.isList else { throw text.error(at: f.offset, "expected a string for kind, found a list") }
                    if !f.value.text.isEmpty { kind = NodeKind(f.value.text) }
                default:
                    asm.nodeColumns.add(f.key, row: i, f.value)
                }
            }
            label = displayLabel ?? label
            // Our writer repeats the id as `label` (for networkx): a label equal to the id is none.
            if label == id { label = nil }
            indexOfGMLID[id] = try asm.addNode(id, kind: kind, label: label, at: idField.offset)
        }

        // Edges.
        for record in parser.edges {
            func endpoint(_ key: String) throws(GraphIOError) -> Int32 {
                guard let f = record.field(key) else {
                    throw text.error(at: record.offset, "this edge has no \(key); expected \(key) <node id> inside edge [ ]")
                }
                guard !f.isList, let v = indexOfGMLID[f.value.text] else {
                    throw text.error(at: f.offset, "unknown node \(GraphIOError.quote(f.isList ? "[…]" : f.value.text)): the edge's \(key) is not the id of any node")
                }
                return v
            }
            let u = try endpoint("source"), v = try endpoint("target")
            var relation = NetworkAssembly.defaultRelation
            var weight = 1.0
            var directed = parser.directed
            var attributes: [GMLField] = []
            for f in record.fields {
                switch f.key {
                case "source", "target": continue
                case "relation":
                    guard !f.isList else { throw text.error(at: f.offset, "expected a string for relation, found a list") }
                    if !f.value.text.isEmpty { relation = Relation(f.value.text) }
                case "weight":
                    weight = try asm.weight(f.value, at: f.offset)
                case "directed":
                    directed = try asm.direction(f.value, at: f.offset)
                case "key":
                    // networkx's multigraph keys 0, 1, 2 … only number parallel edges.
                    if case .integer = f.value { continue }
                    attributes.append(f)
                default:
                    attributes.append(f)
                }
            }
            let row = try asm.addEdge(u, v, relation: relation, weight: weight, directed: directed, at: record.offset)
            for f in attributes { asm.edgeColumns.add(f.key, row: row, f.value) }
        }
        return asm.finish()
    }
}
