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

        // Nodes: the GML id of each, its label, kind, and the row of each other key.
        let nodes = parser.nodes
        var gmlIDs: [String] = []
        var labels: [String?] = []
        var idOffsets: [Int] = []
        gmlIDs.reserveCapacity(nodes.count)
        labels.reserveCapacity(nodes.count)
        for record in nodes {
            guard let id = record.field("id") else {
                throw text.error(at: record.offset, "this node has no id; expected id <integer> inside node [ ]")
            }
            guard !id.isList else { throw text.error(at: id.offset, "expected an integer or a string for id, found a list") }
            gmlIDs.append(id.value.text)
            idOffsets.append(id.offset)
            if let label = record.field("label"), !label.isList { labels.append(label.value.text) } else { labels.append(nil) }
        }
        let useLabels = NetworkAssembly.labelsAreIDs(labels)
        var indexOfGMLID: [String: Int32] = [:]
        indexOfGMLID.reserveCapacity(nodes.count)
        asm.reserveNodes(nodes.count)
        for (i, record) in nodes.enumerated() {
            var kind = NodeKind.actor
            var displayLabel: String?
            for f in record.fields {
                switch f.key {
                case "id", "label": continue
                case "kind":
                    guard !f.isList else { throw text.error(at: f.offset, "expected a string for kind, found a list") }
                    if !f.value.text.isEmpty { kind = NodeKind(f.value.text) }
                case "display_label":
                    displayLabel = f.value.text
                default:
                    asm.nodeColumns.add(f.key, row: i, f.value)
                }
            }
            let gid = gmlIDs[i]
            guard indexOfGMLID.updateValue(Int32(i), forKey: gid) == nil else {
                throw text.error(at: idOffsets[i], "node id \(GraphIOError.quote(gid)) is used by two nodes; expected unique ids")
            }
            let id = useLabels ? (labels[i] ?? gid) : gid
            let label = useLabels ? displayLabel : (displayLabel ?? labels[i])
            try asm.addNode(id, kind: kind, label: label, at: record.offset)
        }

        // Edges.
        for record in parser.edges {
            func endpoint(_ key: String) throws(GraphIOError) -> Int32 {
                guard let f = record.field(key) else {
                    throw text.error(at: record.offset, "this edge has no \(key); expected \(key) <node id> inside edge [ ]")
                }
                guard !f.isList, let v = indexOfGMLID[f.value.text] else {
                    throw text.error(at: f.offset, "edge \(key) \(GraphIOError.quote(f.isList ? "[…]" : f.value.text)) is not the id of any node")
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
