import GraphCore

/// Writes a ``Network`` as GraphML (see ``GraphMLFormat`` for the mapping).
enum GraphMLWriter {
    static func write(_ network: Network) -> [UInt8] {
        var w = ByteWriter(capacity: 256 + network.nodeCount * 64 + network.edgeCount * 96)
        w.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        w.write("<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"")
        w.write(" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"")
        w.write(" xmlns:interstice=\"urn:interstice\"")
        w.write(" xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n")

        // Graph keys: the metadata.
        let m = network.metadata
        let meta: [(String, String)] = [("name", m.name), ("title", m.title), ("source", m.source),
                                        ("licence", m.licence), ("organization_kind", m.organizationKind)]
            .compactMap { n, v in v.map { (n, $0) } }
        for (i, (name, _)) in meta.enumerated() { key(&w, id: "g\(i)", for: "graph", name: name, type: .string) }

        // Node keys: kind, label (when any node has one), then the attribute columns.
        key(&w, id: "kind", for: "node", name: "kind", type: .string)
        let anyLabel = network.labels.contains { $0 != nil }
        if anyLabel { key(&w, id: "label", for: "node", name: "label", type: .string) }
        let nodeColumns = network.nodeAttributes.columns
        for (i, c) in nodeColumns.enumerated() {
            key(&w, id: "n\(i)", for: "node", name: XMLNames.nodeColumnName(c.name), type: c.type)
        }

        // Edge keys: relation, weight (when a layer has weights), one per (name, type) of the
        // layers' columns; a string `id` column is written as the edges' id.
        key(&w, id: "relation", for: "edge", name: "relation", type: .string)
        let anyWeight = network.layers.contains { $0.hasWeights }
        if anyWeight { key(&w, id: "weight", for: "edge", name: "weight", type: .double) }
        // A mixed network (undirected acquaintance beside directed exchange) is a directed graph
        // whose undirected ties are two arcs marked mutual: networkx and igraph read every tie
        // with its relation and direction, and Interstice's reader folds each pair back.
        let mixedDirections = Set(network.layers.map(\.direction)).count > 1
        if mixedDirections { key(&w, id: "mutual", for: "edge", name: "mutual", type: .boolean) }
        let edgeKeys = XMLNames.edgeColumns(network)
        for (i, k) in edgeKeys.keys.enumerated() {
            key(&w, id: "e\(i)", for: "edge", name: XMLNames.edgeColumnName(k.name), type: k.type)
        }

        let dirs = Set(network.layers.map(\.direction))
        let mixed = dirs.count > 1
        let directedDefault = dirs.contains(.directed)
        w.write("  <graph id=\"G\" edgedefault=\"\(directedDefault ? "directed" : "undirected")\">\n")
        for (i, (_, value)) in meta.enumerated() {
            w.write("    <data key=\"g\(i)\">"); w.writeXMLText(value); w.write("</data>\n")
        }

        for v in 0..<network.nodeCount {
            w.write("    <node"); w.writeXMLAttribute("id", network.ids[v]); w.write(">\n")
            data(&w, "kind", network.kinds[v].rawValue)
            if let l = network.labels[v] { data(&w, "label", l) }
            for (i, c) in nodeColumns.enumerated() {
                if let value = c[v] { data(&w, "n\(i)", text(value)) }
            }
            w.write("    </node>\n")
        }

        for (li, layer) in network.layers.enumerated() {
            let relation = layer.relation.rawValue
            let columns = edgeKeys.columns[li]
            let idColumn = layer.attributes["id"].flatMap { $0.type == .string ? $0 : nil }
            let undirectedInMixed = mixed && layer.direction == .undirected
            for e in 0..<layer.edgeCount {
                let u = network.ids[Int(layer.sources[e])], v = network.ids[Int(layer.targets[e])]
                let arcs = undirectedInMixed && u != v ? [(u, v), (v, u)] : [(u, v)]
                for (arc, (s, t)) in arcs.enumerated() {
                    w.write("    <edge")
                    if arc == 0, let idColumn, case .string(let id)? = idColumn[e] { w.writeXMLAttribute("id", id) }
                    w.writeXMLAttribute("source", s)
                    w.writeXMLAttribute("target", t)
                    w.write(">\n")
                    data(&w, "relation", relation)
                    if undirectedInMixed { data(&w, "mutual", "true") }
                    if layer.hasWeights { data(&w, "weight", AttributeValue.format(layer.weights[e])) }
                    for (column, keyNumber) in columns {
                        if let value = column[e] { data(&w, "e\(keyNumber)", text(value)) }
                    }
                    w.write("    </edge>\n")
                }
            }
        }
        w.write("  </graph>\n</graphml>\n")
        return w.bytes
    }

    private static func key(_ w: inout ByteWriter, id: String, for domain: String, name: String, type: AttributeType) {
        w.write("  <key"); w.writeXMLAttribute("id", id)
        w.write(" for=\"\(domain)\""); w.writeXMLAttribute("attr.name", name)
        let t: String
        switch type {
        case .string, .date: t = "string"
        case .integer: t = "long"
        case .double: t = "double"
        case .boolean: t = "boolean"
        }
        w.write(" attr.type=\"\(t)\"")
        // GraphML has no date type: mark it for Interstice's reader; others see a string.
        if type == .date { w.write(" interstice:type=\"date\"") }
        w.write("/>\n")
    }

    private static func data(_ w: inout ByteWriter, _ key: String, _ value: String) {
        w.write("      <data key=\"\(key)\">")
        w.writeXMLText(value)
        w.write("</data>\n")
    }

    private static func text(_ v: AttributeValue) -> String {
        if case .double(let d) = v { return AttributeValue.format(d) }
        return v.description
    }
}
