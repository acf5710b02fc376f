import GraphCore

extension PajekFormat {
    /// Writes a network as a Pajek project: `*Network`, `*Vertices`, one `*Arcs`/`*Edges`
    /// section per relation, then `*Partition` / `*Vector` sections for numeric node
    /// attributes; see ``PajekFormat`` for what Pajek cannot hold.
    /// - Complexity: O(n + m + number of attribute values).
    public static func write(_ network: Network) -> [UInt8] {
        let n = network.nodeCount
        var w = ByteWriter(capacity: 64 + n * 24 + network.edgeCount * 16)

        // Vertex numbers: the ids themselves when they are 1…n (so they read back unchanged);
        // else positions, and a network with two kinds is two-mode, actors (or the first node's
        // kind) numbered first.
        var number = [Int](repeating: 0, count: n)
        var idsAreNumbers = true
        var taken = [Bool](repeating: false, count: n + 1)
        for v in 0..<n {
            guard let k = Int(network.ids[v]), String(k) == network.ids[v], k >= 1, k <= n, !taken[k] else {
                idsAreNumbers = false; break
            }
            taken[k] = true
            number[v] = k
        }
        let kinds = Set(network.kinds)
        var firstMode: Int?
        var order = Array(0..<n)
        if idsAreNumbers {
            order.sort { number[$0] < number[$1] }
            if kinds.count == 2 {
                let first: NodeKind = kinds.contains(.actor) ? .actor : network.kinds[order[0]]
                let m = network.kinds.lazy.filter { $0 == first }.count
                if order.prefix(m).allSatisfy({ network.kinds[$0] == first }) { firstMode = m }
            }
        } else {
            if kinds.count == 2 {
                let first: NodeKind = kinds.contains(.actor) ? .actor : network.kinds[0]
                let a = order.filter { network.kinds[$0] == first }
                order = a + order.filter { network.kinds[$0] != first }
                firstMode = a.count
            }
            for (p, v) in order.enumerated() { number[v] = p + 1 }
        }

        if let name = network.metadata.name, !name.isEmpty {
            w.write("*Network ")
            w.write(oneLine(name))
            w.newline()
        }
        w.write("*Vertices ")
        w.write(int: n)
        if let firstMode { w.write(byte: 0x20); w.write(int: firstMode) }
        w.newline()
        let xs = network.nodeAttributes["x"], ys = network.nodeAttributes["y"]
        let zs = network.nodeAttributes["z"], shapes = network.nodeAttributes["shape"]
        for v in order {
            w.write(int: number[v])
            w.write(" \"")
            // The label: the node's label when the number keeps its id, else the id.
            writeLabel(idsAreNumbers ? network.displayLabel(Int32(v)) : network.ids[v], into: &w)
            w.write(byte: 0x22)
            if let x = xs?[v]?.numericValue, let y = ys?[v]?.numericValue {
                w.write(byte: 0x20); w.write(AttributeValue.format(x))
                w.write(byte: 0x20); w.write(AttributeValue.format(y))
                if let z = zs?[v]?.numericValue { w.write(byte: 0x20); w.write(AttributeValue.format(z)) }
                if case .string(let s)? = shapes?[v], PajekFormat.shapes.contains(s.lowercased()) {
                    w.write(byte: 0x20); w.write(s)
                }
            }
            w.newline()
        }

        let single = network.layers.count == 1 && network.layers[0].relation == NetworkAssembly.defaultRelation
        for (k, layer) in network.layers.enumerated() {
            w.write(layer.direction == .directed ? "*Arcs" : "*Edges")
            if !single {
                w.write(" :")
                w.write(int: k + 1)
                w.write(" \"")
                writeLabel(layer.relation.rawValue, into: &w)
                w.write(byte: 0x22)
            }
            w.newline()
            for e in 0..<layer.edgeCount {
                w.write(int: number[Int(layer.sources[e])])
                w.write(byte: 0x20)
                w.write(int: number[Int(layer.targets[e])])
                if layer.hasWeights {
                    w.write(byte: 0x20)
                    w.write(AttributeValue.format(layer.weights[e]))
                }
                w.newline()
            }
        }

        for col in network.nodeAttributes.columns where !["x", "y", "z"].contains(col.name) {
            let isVector: Bool
            switch col.type {
            case .integer, .boolean: isVector = false
            case .double: isVector = true
            case .string, .date: continue
            }
            w.write(isVector ? "*Vector " : "*Partition ")
            w.write(oneLine(col.name))
            w.write("\n*Vertices ")
            w.write(int: n)
            w.newline()
            for v in order {
                switch col[v] {
                case .integer(let i)?: w.write(int: i)
                case .boolean(let b)?: w.write(int: b ? 1 : 0)
                case .double(let d)?: w.write(AttributeValue.format(d))
                default: w.write(int: 9_999_998)
                }
                w.newline()
            }
        }
        return w.bytes
    }

    /// A label inside quotes: `"` and `&` as character references (as igraph writes them),
    /// line breaks too; other characters as UTF-8.
    static func writeLabel(_ s: String, into w: inout ByteWriter) {
        for u in s.unicodeScalars {
            switch u {
            case "\"": w.write("&#34;")
            case "&": w.write("&#38;")
            case "\n": w.write("&#10;")
            case "\r": w.write("&#13;")
            default: w.write(String(u))
            }
        }
    }

    /// A header's free text on one line.
    static func oneLine(_ s: String) -> String {
        String(s.map { $0 == "\n" || $0 == "\r" ? " " : $0 })
    }
}
