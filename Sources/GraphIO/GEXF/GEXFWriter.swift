import GraphCore

/// Writes a ``Network`` as GEXF 1.3 (see ``GEXFFormat`` for the mapping).
enum GEXFWriter {
    static func write(_ network: Network) -> [UInt8] {
        var w = ByteWriter(capacity: 256 + network.nodeCount * 96 + network.edgeCount * 128)
        w.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        w.write("<gexf xmlns=\"http://gexf.net/1.3\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"")
        w.write(" xmlns:interstice=\"urn:interstice\"")
        w.write(" xsi:schemaLocation=\"http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd\" version=\"1.3\">\n")
        w.write("  <meta>\n    <creator>Interstice</creator>\n")
        if let title = network.metadata.title {
            w.write("    <title>"); w.writeXMLText(title); w.write("</title>\n")
        }
        w.write("  </meta>\n")

        let dirs = Set(network.layers.map(\.direction))
        let mixed = dirs.count > 1
        let directedDefault = dirs.contains(.directed)
        w.write("  <graph defaultedgetype=\"\(directedDefault ? "directed" : "undirected")\" mode=\"static\">\n")

        let nodeColumns = network.nodeAttributes.columns
        w.write("    <attributes class=\"node\" mode=\"static\">\n")
        attribute(&w, id: "kind", title: "kind", type: .string)
        for (i, c) in nodeColumns.enumerated() {
            attribute(&w, id: "n\(i)", title: XMLNames.nodeColumnName(c.name), type: c.type)
        }
        w.write("    </attributes>\n")
        let edgeKeys = XMLNames.edgeColumns(network)
        w.write("    <attributes class=\"edge\" mode=\"static\">\n")
        attribute(&w, id: "relation", title: "relation", type: .string)
        for (i, k) in edgeKeys.keys.enumerated() {
            attribute(&w, id: "e\(i)", title: XMLNames.edgeColumnName(k.name), type: k.type)
        }
        w.write("    </attributes>\n")

        w.write("    <nodes>\n")
        for v in 0..<network.nodeCount {
            w.write("      <node"); w.writeXMLAttribute("id", network.ids[v])
            if let l = network.labels[v] { w.writeXMLAttribute("label", l) }
            w.write(">\n        <attvalues>\n")
            value(&w, "kind", network.kinds[v].rawValue)
            for (i, c) in nodeColumns.enumerated() {
                if let x = c[v] { value(&w, "n\(i)", text(x)) }
            }
            w.write("        </attvalues>\n      </node>\n")
        }
        w.write("    </nodes>\n    <edges>\n")
        for (li, layer) in network.layers.enumerated() {
            let relation = layer.relation.rawValue
            let columns = edgeKeys.columns[li]
            let idColumn = layer.attributes["id"].flatMap { XMLNames.isEdgeID($0) ? $0 : nil }
            // In a directed graph an undirected tie is a mutual edge (GEXF 1.2), which networkx,
            // igraph and Gephi read as two arcs and Interstice's reader folds back.
            let type = mixed && layer.direction == .undirected ? " type=\"mutual\"" : ""
            for e in 0..<layer.edgeCount {
                w.write("      <edge")
                if let idColumn, case .string(let id)? = idColumn[e] { w.writeXMLAttribute("id", id) }
                w.writeXMLAttribute("source", network.ids[Int(layer.sources[e])])
                w.writeXMLAttribute("target", network.ids[Int(layer.targets[e])])
                w.write(type)
                if layer.hasWeights { w.write(" weight=\""); w.write(AttributeValue.format(layer.weights[e])); w.write("\"") }
                w.write(">\n        <attvalues>\n")
                value(&w, "relation", relation)
                for (column, keyNumber) in columns {
                    if let x = column[e] { value(&w, "e\(keyNumber)", text(x)) }
                }
                w.write("        </attvalues>\n      </edge>\n")
            }
        }
        w.write("    </edges>\n  </graph>\n</gexf>\n")
        return w.bytes
    }

    private static func attribute(_ w: inout ByteWriter, id: String, title: String, type: AttributeType) {
        w.write("      <attribute"); w.writeXMLAttribute("id", id); w.writeXMLAttribute("title", title)
        let t: String
        switch type {
        case .string, .date: t = "string"
        case .integer: t = "long"
        case .double: t = "double"
        case .boolean: t = "boolean"
        }
        w.write(" type=\"\(t)\"")
        // networkx cannot read GEXF's "date" type: dates are strings marked for Interstice.
        if type == .date { w.write(" interstice:type=\"date\"") }
        w.write("/>\n")
    }

    private static func value(_ w: inout ByteWriter, _ key: String, _ value: String) {
        w.write("          <attvalue for=\"\(key)\""); w.writeXMLAttribute("value", value); w.write("/>\n")
    }

    private static func text(_ v: AttributeValue) -> String {
        if case .double(let d) = v { return AttributeValue.format(d) }
        return v.description
    }
}
