import Foundation
import GraphCore

/// The native dataset folder: `nodes.csv`, `edges.csv`, optional `dataset.json`.
///
/// `nodes.csv` columns: `id,kind,label,<attributes…>`; `edges.csv` columns:
/// `source,target,relation,weight,directed,<attributes…>`. An attribute header may carry a type
/// (`age:int`, `since:date`, `score:double`, `head:bool`, `code:string`); without one the type is
/// inferred from the values. Empty cells are missing values; an empty weight is 1; an empty
/// `directed` takes the relation's direction. Every row of a relation has one direction.
/// README.md ("Dataset format") has the full description.
public enum DatasetFolder {
    /// Whether a path is an existing folder.
    public static func isFolder(_ path: String) -> Bool {
        var d: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &d) && d.boolValue
    }

    /// Reads a dataset folder (or the folder of a given `nodes.csv` / `edges.csv`).
    /// - Complexity: O(size of the files).
    public static func read(_ path: String, maxInputBytes: Int = SourceText.defaultMaxBytes) throws(GraphIOError) -> Network {
        var folder = URL(fileURLWithPath: path)
        if !isFolder(path) {
            let last = folder.lastPathComponent
            guard last == "nodes.csv" || last == "edges.csv" else {
                throw GraphIOError(.missingInput, file: path, "no such dataset folder")
            }
            folder = folder.deletingLastPathComponent()
        }
        let nodesPath = folder.appendingPathComponent("nodes.csv").path
        let edgesPath = folder.appendingPathComponent("edges.csv").path
        let jsonPath = folder.appendingPathComponent("dataset.json").path
        let fm = FileManager.default
        let hasNodes = fm.fileExists(atPath: nodesPath), hasEdges = fm.fileExists(atPath: edgesPath)
        guard hasNodes || hasEdges else {
            throw GraphIOError(.missingInput, file: path, "a dataset folder needs nodes.csv and edges.csv; found neither")
        }
        var net = Network()
        if fm.fileExists(atPath: jsonPath) { net.metadata = try readMetadata(jsonPath) }
        if net.metadata.name == nil { net.metadata.name = folder.lastPathComponent }
        if hasNodes { try readNodes(SourceText.read(path: nodesPath, maxBytes: maxInputBytes), into: &net) }
        if hasEdges { try readEdges(SourceText.read(path: edgesPath, maxBytes: maxInputBytes), into: &net, nodesDeclared: hasNodes) }
        return net
    }

    static func readMetadata(_ path: String) throws(GraphIOError) -> DatasetMetadata {
        guard let data = fm().contents(atPath: path) else { throw GraphIOError(.io, file: path, "cannot be read") }
        do {
            return try JSONDecoder().decode(DatasetMetadata.self, from: data)
        } catch {
            throw GraphIOError(.badData, file: path, "not a valid dataset.json (expected an object with name, title, source, licence, relations): \(error)")
        }
    }

    private static func fm() -> FileManager { FileManager.default }

    /// A parsed header: required/known columns by name, the rest as typed attributes.
    struct Header {
        var known: [String: Int] = [:]
        var attributes: [(name: String, type: AttributeType?, column: Int)] = []
        var count = 0
    }

    static func parseHeader(_ r: CSVReader.Record, text: SourceText, known: Set<String>,
                            required: [String]) throws(GraphIOError) -> Header {
        var h = Header()
        h.count = r.fields.count
        var seen: Set<String> = []
        for (i, f) in r.fields.enumerated() {
            let raw = f.value.trimmingCharacters(in: .whitespaces)
            var name = raw
            var type: AttributeType?
            if let colon = raw.lastIndex(of: ":"), !known.contains(raw) {
                let t = String(raw[raw.index(after: colon)...])
                // Exactly the documented suffixes: a header is a format, not a guess.
                guard let ty = AttributeType.allCases.first(where: { $0.shortName == t }) else {
                    throw text.error(at: f.offset, "unknown column type \(GraphIOError.quote(t)); expected string, int, double, bool or date")
                }
                name = String(raw[..<colon]); type = ty
            }
            guard !name.isEmpty else { throw text.error(at: f.offset, "empty column name in the header") }
            guard seen.insert(name).inserted else {
                throw text.error(at: f.offset, "column \(GraphIOError.quote(name)) appears twice in the header")
            }
            if known.contains(name) && type == nil { h.known[name] = i } else { h.attributes.append((name, type, i)) }
        }
        for req in required where h.known[req] == nil {
            throw text.error(at: r.offset, "missing required column \(GraphIOError.quote(req)); the header must name \(required.joined(separator: ", "))")
        }
        return h
    }

    /// Raw text of attribute cells, typed once the whole column is seen.
    struct RawColumn {
        var name: String
        var declared: AttributeType?
        var column: Int
        var cells: [(row: Int, text: String, offset: Int)] = []

        func typed(_ text: SourceText) throws(GraphIOError) -> (AttributeType, [(row: Int, value: AttributeValue)]) {
            let type = declared ?? ValueText.inferType(cells.map(\.text))
            var out: [(Int, AttributeValue)] = []
            out.reserveCapacity(cells.count)
            for c in cells {
                guard let v = ValueText.parse(c.text, as: type) else {
                    throw text.error(at: c.offset, "expected \(article(type)) for \(name), found \(GraphIOError.quote(c.text))")
                }
                out.append((c.row, v))
            }
            return (type, out)
        }
    }

    /// Too few fields: located just past the record (the end of file for a truncated one);
    /// too many: at the first extra field.
    static func checkFieldCount(_ r: CSVReader.Record, _ h: Header, _ text: SourceText) throws(GraphIOError) {
        guard r.fields.count != h.count else { return }
        if r.fields.count > h.count {
            throw text.error(at: r.fields[h.count].offset,
                             "expected \(h.count) fields as in the header, found \(r.fields.count)")
        }
        let atEnd = r.end >= text.bytes.count
        throw text.error(at: r.end, atEnd
            ? "unexpected end of file: the last record has \(r.fields.count) of \(h.count) fields"
            : "expected \(h.count) fields as in the header, found \(r.fields.count)")
    }

    static func article(_ t: AttributeType) -> String {
        switch t {
        case .integer: "an integer"
        case .double: "a number"
        case .boolean: "true or false"
        case .date: "a date (YYYY-MM-DD)"
        case .string: "text"
        }
    }

    /// Reads a native dataset from the texts of its `nodes.csv` and `edges.csv` (either may be
    /// missing), as ``read(_:maxInputBytes:)`` does from a folder (for the fuzzer and tests).
    /// - Complexity: O(size of the texts).
    public static func decode(nodes: SourceText?, edges: SourceText?) throws(GraphIOError) -> Network {
        var net = Network()
        if let nodes { try readNodes(nodes, into: &net) }
        if let edges { try readEdges(edges, into: &net, nodesDeclared: nodes != nil) }
        return net
    }

    static func readNodes(_ text: SourceText, into net: inout Network) throws(GraphIOError) {
        try text.validateUTF8()
        var reader = CSVReader(text)
        guard let headerRecord = try reader.next() else { return }
        let h = try parseHeader(headerRecord, text: text, known: ["id", "kind", "label"], required: ["id"])
        var raws = h.attributes.map { RawColumn(name: $0.name, declared: $0.type, column: $0.column) }
        let idc = h.known["id"]!, kc = h.known["kind"], lc = h.known["label"]
        while let r = try reader.next() {
            try checkFieldCount(r, h, text)
            let id = r.fields[idc].value
            guard !id.isEmpty else { throw text.error(at: r.fields[idc].offset, "empty node id") }
            let kind = kc.map { r.fields[$0].value.trimmingCharacters(in: .whitespaces) } ?? ""
            let label = lc.map { r.fields[$0].value }
            let v: Int32
            do { v = try net.addNode(id, kind: kind.isEmpty ? .actor : NodeKind(kind), label: label?.isEmpty == false ? label : nil) }
            catch { throw text.error(at: r.fields[idc].offset, "node id \(GraphIOError.quote(id)) is defined twice") }
            for k in raws.indices {
                let f = r.fields[raws[k].column]
                if !f.value.isEmpty { raws[k].cells.append((Int(v), f.value, f.offset)) }
            }
        }
        for raw in raws {
            let (type, values) = try raw.typed(text)
            do {
                try net.addNodeAttribute(raw.name, type: type)
                for (row, value) in values { try net.setNodeAttribute(raw.name, of: Int32(row), value) }
            } catch { throw GraphIOError(error, file: text.name) }
        }
    }

    static func readEdges(_ text: SourceText, into net: inout Network, nodesDeclared: Bool) throws(GraphIOError) {
        try text.validateUTF8()
        var reader = CSVReader(text)
        guard let headerRecord = try reader.next() else { return }
        let h = try parseHeader(headerRecord, text: text, known: ["source", "target", "relation", "weight", "directed"],
                                required: ["source", "target"])
        let sc = h.known["source"]!, tc = h.known["target"]!
        let rc = h.known["relation"], wc = h.known["weight"], dc = h.known["directed"]
        var records: [CSVReader.Record] = []
        // Pass 1: the direction of every relation (first explicit value; conflicts are errors).
        var direction: [Relation: (EdgeDirection, Int)] = [:]
        var order: [Relation] = []
        while let r = try reader.next() {
            try checkFieldCount(r, h, text)
            let rel = relation(r, rc)
            if direction[rel] == nil && !order.contains(rel) { order.append(rel) }
            if let dc {
                let f = r.fields[dc]
                let t = f.value.trimmingCharacters(in: .whitespaces)
                if !t.isEmpty {
                    guard let d = directedValue(t) else {
                        throw text.error(at: f.offset, "expected true or false for directed, found \(GraphIOError.quote(t))")
                    }
                    let dir: EdgeDirection = d ? .directed : .undirected
                    if let (existing, line) = direction[rel], existing != dir {
                        throw text.error(at: f.offset, "relation \(GraphIOError.quote(rel.rawValue)) is \(existing) (line \(line)) but this row says directed=\(t); a relation has one direction")
                    }
                    if direction[rel] == nil { direction[rel] = (dir, text.location(of: f.offset).line) }
                }
            }
            records.append(r)
        }
        do {
            for rel in order { try net.addLayer(rel, direction: direction[rel]?.0 ?? rel.defaultDirection) }
        } catch { throw GraphIOError(error, file: text.name) }
        // Pass 2: the edges.
        var raws = h.attributes.map { RawColumn(name: $0.name, declared: $0.type, column: $0.column) }
        var placed: [(Relation, Int)] = []
        placed.reserveCapacity(records.count)
        for r in records {
            func endpoint(_ c: Int, _ role: String) throws(GraphIOError) -> Int32 {
                let f = r.fields[c]
                guard !f.value.isEmpty else { throw text.error(at: f.offset, "empty \(role) id") }
                if let v = net.index(of: f.value) { return v }
                guard !nodesDeclared else {
                    throw text.error(at: f.offset, "unknown node \(GraphIOError.quote(f.value)) as \(role): it is not in nodes.csv")
                }
                return net.node(f.value)
            }
            let u = try endpoint(sc, "source"), v = try endpoint(tc, "target")
            var weight = 1.0
            if let wc {
                let f = r.fields[wc]
                let t = f.value.trimmingCharacters(in: .whitespaces)
                if !t.isEmpty {
                    guard let w = ValueText.weight(t) else {
                        throw text.error(at: f.offset, "expected \(ValueText.weightExpected) for weight, found \(GraphIOError.quote(t))")
                    }
                    weight = w
                }
            }
            let rel = relation(r, rc)
            let e: Int
            do { e = try net.addEdge(u, v, relation: rel, weight: weight) } catch { throw GraphIOError(error, file: text.name) }
            placed.append((rel, e))
            for k in raws.indices {
                let f = r.fields[raws[k].column]
                if !f.value.isEmpty { raws[k].cells.append((placed.count - 1, f.value, f.offset)) }
            }
        }
        for raw in raws {
            let (type, values) = try raw.typed(text)
            do {
                // Declare the column on the relations that have values in it.
                var withValues = Set<Relation>()
                for (row, _) in values { withValues.insert(placed[row].0) }
                for rel in order where withValues.contains(rel) {
                    try net.addEdgeAttribute(raw.name, type: type, relation: rel)
                }
                for (row, value) in values {
                    let (rel, e) = placed[row]
                    try net.setEdgeAttribute(raw.name, relation: rel, edge: e, value)
                }
            } catch { throw GraphIOError(error, file: text.name) }
        }
    }

    /// `directed` is `true`/`false` (any case) or `1`/`0`.
    static func directedValue(_ t: String) -> Bool? {
        switch t.lowercased() {
        case "true", "1": true
        case "false", "0": false
        default: nil
        }
    }

    private static func relation(_ r: CSVReader.Record, _ rc: Int?) -> Relation {
        guard let rc else { return "edge" }
        let t = r.fields[rc].value.trimmingCharacters(in: .whitespaces)
        return t.isEmpty ? "edge" : Relation(t)
    }

    // MARK: Writing

    /// The three files of a dataset folder, as bytes.
    public static func encode(_ net: Network) -> [(name: String, bytes: [UInt8])] {
        var files = [("nodes.csv", encodeNodes(net)), ("edges.csv", encodeEdges(net))]
        if net.metadata != DatasetMetadata(name: net.metadata.name) {
            let enc = JSONEncoder()
            enc.outputFormatting = [.prettyPrinted, .sortedKeys]
            if let d = try? enc.encode(net.metadata) { files.append(("dataset.json", Array(d) + [10])) }
        }
        return files
    }

    /// Writes a dataset folder atomically (files we do not write, like README.md, are kept).
    public static func write(_ network: Network, to path: String) throws(GraphIOError) {
        try OutputFile.writeFolder(encode(network), to: path)
    }

    static func header(_ name: String, _ type: AttributeType, inferred: AttributeType) -> String {
        csvField(type == inferred ? name : "\(name):\(type.shortName)")
    }

    static func encodeNodes(_ net: Network) -> [UInt8] {
        var w = ByteWriter()
        w.write("id,kind,label")
        let cols = net.nodeAttributes.columns
        for c in cols { w.write(","); w.write(header(c.name, c.type, inferred: ValueText.inferredType(of: c))) }
        w.newline()
        for v in 0..<net.nodeCount {
            w.write(csvField(net.ids[v])); w.write(",")
            w.write(csvField(net.kinds[v].rawValue)); w.write(",")
            w.write(csvField(net.labels[v] ?? ""))
            for c in cols { w.write(","); w.write(csvField(c[v]?.description ?? "")) }
            w.newline()
        }
        return w.bytes
    }

    static func encodeEdges(_ net: Network) -> [UInt8] {
        var w = ByteWriter()
        w.write("source,target,relation,weight,directed")
        // Union of edge attribute columns over layers, ordered so that each layer's own column
        // order is kept (a new column goes before the next of its layer's columns already placed):
        // reading the file back gives every layer its columns in the same order.
        var names: [String] = [], types: [String: AttributeType] = [:]
        for l in net.layers {
            let cols = l.attributes.columns
            for (i, c) in cols.enumerated() {
                if let t = types[c.name] { if t != c.type { types[c.name] = .string }; continue }
                types[c.name] = c.type
                let next = cols[(i + 1)...].lazy.compactMap { n in names.firstIndex(of: n.name) }.first
                names.insert(c.name, at: next ?? names.count)
            }
        }
        for name in names {
            var texts: [String] = []
            for l in net.layers { if let c = l.attributes[name] { texts += c.values.map { $0?.description ?? "" } } }
            w.write(","); w.write(header(name, types[name]!, inferred: ValueText.inferType(texts)))
        }
        w.newline()
        for l in net.layers {
            let directed = l.direction == .directed ? "true" : "false"
            let cols = names.map { l.attributes[$0] }
            for e in 0..<l.edgeCount {
                w.write(csvField(net.ids[Int(l.sources[e])])); w.write(",")
                w.write(csvField(net.ids[Int(l.targets[e])])); w.write(",")
                w.write(csvField(l.relation.rawValue)); w.write(",")
                let wt = l.weights[e]
                if wt != 1 { w.write(formatWeight(wt)) }
                w.write(","); w.write(directed)
                for c in cols { w.write(","); w.write(csvField(c?[e]?.description ?? "")) }
                w.newline()
            }
        }
        return w.bytes
    }

    /// A weight as short text: integers without a fraction, others round-trip exact.
    static func formatWeight(_ w: Double) -> String {
        if w == w.rounded() && abs(w) < 1e15 { return String(Int(w)) }
        return String(w)
    }
}
