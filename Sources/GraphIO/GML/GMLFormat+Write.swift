import GraphCore

extension GMLFormat {
    /// Writes a network as GML that networkx reads back with `nx.read_gml(path, label="id")`
    /// (nodes named by our ids, integers where the id is one) or its default `label="label"`
    /// (nodes named by our ids as strings), and our reader reads back to the same nodes, edges
    /// and attribute values; see ``GMLFormat`` for what is lost.
    /// - Complexity: O(n + m + number of attribute values).
    public static func write(_ network: Network) -> [UInt8] {
        let plan = WriterPlan(network)
        var w = ByteWriter(capacity: 64 + network.nodeCount * 48 + network.edgeCount * 48)
        w.write("graph [\n")
        if plan.directed { w.write("  directed 1\n") }
        if plan.multigraph { w.write("  multigraph 1\n") }
        let m = network.metadata
        for (key, value) in [("name", m.name), ("title", m.title), ("source", m.source),
                             ("licence", m.licence), ("organization_kind", m.organizationKind)] {
            if let value { writeField(key, .string(value), indent: "  ", into: &w) }
        }

        // A node's GML id is its id: an integer when it is one written canonically, else a string.
        let gmlIDs: [AttributeValue] = network.ids.map { id in
            if let i = Int(id), String(i) == id { return .integer(i) }
            return .string(id)
        }
        let nodeColumns = network.nodeAttributes.columns.filter { !WriterPlan.reservedNodeKeys.contains($0.name) }
        let nodeKeys = keys(for: nodeColumns.map(\.name), reserved: WriterPlan.reservedNodeKeys)
        for v in 0..<network.nodeCount {
            w.write("  node [\n")
            writeField("id", gmlIDs[v], indent: "    ", into: &w)
            w.write("    label \"")
            CharacterReferences.encode(network.ids[v], into: &w)
            w.write("\"\n")
            if let label = network.labels[v], label != network.ids[v] {
                writeField("display_label", .string(label), indent: "    ", into: &w)
            }
            if plan.writeKinds { writeField("kind", .string(network.kinds[v].rawValue), indent: "    ", into: &w) }
            for (c, col) in nodeColumns.enumerated() {
                if let value = col[v] { writeField(nodeKeys[c], value, indent: "    ", into: &w) }
            }
            w.write("  ]\n")
        }

        for layer in network.layers {
            let columns = layer.attributes.columns.filter { !WriterPlan.reservedEdgeKeys.contains($0.name) }
            let edgeKeys = keys(for: columns.map(\.name), reserved: WriterPlan.reservedEdgeKeys)
            let markUndirected = plan.mixedDirections && layer.direction == .undirected
            for e in 0..<layer.edgeCount {
                w.write("  edge [\n")
                writeField("source", gmlIDs[Int(layer.sources[e])], indent: "    ", into: &w)
                writeField("target", gmlIDs[Int(layer.targets[e])], indent: "    ", into: &w)
                if plan.writeRelations { writeField("relation", .string(layer.relation.rawValue), indent: "    ", into: &w) }
                if layer.hasWeights { writeField("weight", .double(layer.weights[e]), indent: "    ", into: &w) }
                if markUndirected { w.write("    directed 0\n") }
                for (c, col) in columns.enumerated() {
                    if let value = col[e] { writeField(edgeKeys[c], value, indent: "    ", into: &w) }
                }
                w.write("  ]\n")
            }
        }
        w.write("]\n")
        return w.bytes
    }

    /// Writes `key value` on its own line. Booleans become 1/0 and dates strings (GML has only
    /// integers, reals and strings); reals always have a decimal point, as networkx requires.
    static func writeField(_ key: String, _ value: AttributeValue, indent: String, into w: inout ByteWriter) {
        w.write(indent)
        w.write(key)
        w.write(byte: 0x20)
        switch value {
        case .integer(let i): w.write(int: i)
        case .boolean(let b): w.write(byte: b ? 0x31 : 0x30)
        case .double(let d): w.write(real(d))
        case .string(let s):
            w.write(byte: 0x22)
            CharacterReferences.encode(s, into: &w)
            w.write(byte: 0x22)
        case .date(let d):
            w.write(byte: 0x22)
            w.write(d.description)
            w.write(byte: 0x22)
        }
        w.newline()
    }

    /// A real in GML form: `NAN`, `+INF`, `-INF`, else a round-trip decimal with a `.` in the
    /// mantissa (`1e+20` → `1.0e+20`).
    static func real(_ d: Double) -> String {
        if d.isNaN { return "NAN" }
        if d.isInfinite { return d > 0 ? "+INF" : "-INF" }
        var s = AttributeValue.format(d)
        if !s.contains(".") {
            if let e = s.firstIndex(where: { $0 == "e" || $0 == "E" }) { s.insert(contentsOf: ".0", at: e) }
            else { s += ".0" }
        }
        return s
    }

    /// GML keys for attribute names: `[A-Za-z][A-Za-z0-9_]*` (what networkx accepts). Other
    /// characters become `_`, a name not starting with a letter gets `attr_` in front, and a
    /// key that would repeat another (or a reserved key) gets `_2`, `_3` … after it.
    static func keys(for names: [String], reserved: Set<String>) -> [String] {
        var used = reserved
        var out: [String] = []
        out.reserveCapacity(names.count)
        for name in names {
            var key = String(String.UnicodeScalarView(name.unicodeScalars.map { u -> Unicode.Scalar in
                u.isASCII && (u.properties.isAlphabetic || ("0"..."9").contains(u) || u == "_") ? u : "_"
            }))
            if let f = key.unicodeScalars.first, f.isASCII && f.properties.isAlphabetic {} else { key = "attr_" + key }
            var candidate = key
            var k = 2
            while used.contains(candidate) { candidate = key + "_\(k)"; k += 1 }
            used.insert(candidate)
            out.append(candidate)
        }
        return out
    }
}
