import Foundation
import GraphCore
import GraphIO

/// Builds a ``Network`` from a ``RawDOTGraph`` (outside the Graphviz gate).
struct DOTNetworkBuilder {
    let raw: RawDOTGraph
    let text: SourceText
    /// Whether names and values are Latin-1 (the graph's `charset`).
    let latin1: Bool

    init(raw: RawDOTGraph, text: SourceText) {
        self.raw = raw
        self.text = text
        let charset = raw.graphValue("charset").map { String(decoding: $0.bytes, as: UTF8.self).lowercased() } ?? ""
        latin1 = ["latin1", "latin-1", "l1", "iso-8859-1", "iso_8859-1", "iso8859-1", "iso-ir-100"].contains(charset)
    }

    /// Text of raw bytes in the graph's encoding.
    func string(_ b: [UInt8]) -> String {
        if latin1 { return String(String.UnicodeScalarView(b.map { Unicode.Scalar($0) })) }
        return String(decoding: b, as: UTF8.self)
    }

    /// A graph not declared Latin-1 must be UTF-8 (as Graphviz expects).
    func checkEncoding() throws(GraphIOError) {
        if !latin1 {
            do { try text.validateUTF8() } catch {
                throw GraphIOError(error.kind, file: error.file, line: error.line, column: error.column,
                                   error.message + " (or declare graph [charset=latin1])")
            }
        }
    }

    /// Refuses attributes that make Graphviz read local files.
    func checkFileReferences() throws(GraphIOError) {
        func check(_ values: [RawDOTGraph.Value], _ names: [[UInt8]]) throws(GraphIOError) {
            for v in values {
                let name = string(names[v.attribute])
                if let why = FileReferencePolicy.refusal(attribute: name, value: v.bytes, isHTML: v.isHTML) {
                    let message = "\(why) (\(name)=\(GraphIOError.quote(string(v.bytes)))); "
                        + "pass --allow-file-references if the file is trusted"
                    if let at = FileReferencePolicy.offset(of: name, in: text.bytes, html: v.isHTML) {
                        throw text.error(at: at, message)
                    }
                    throw GraphIOError(.badData, file: text.name, message)
                }
            }
        }
        try check(raw.graphValues, raw.graphAttributeNames)
        for c in raw.clusters { try check(c.values, raw.graphAttributeNames) }
        for n in raw.nodes { try check(n.values, raw.nodeAttributeNames) }
        for e in raw.edges { try check(e.values, raw.edgeAttributeNames) }
    }

    /// The network.
    /// - Complexity: O((n + m) · attributes).
    func build() throws(GraphIOError) -> Network {
        var net = Network()
        let graphName = string(raw.name)
        if !graphName.isEmpty && !graphName.hasPrefix("%") { net.metadata.name = graphName }
        let graphNames = raw.graphAttributeNames.map(string)
        if let i = graphNames.firstIndex(of: "label"), let v = raw.graphValues.first(where: { $0.attribute == i }) {
            let s = string(v.bytes)
            net.metadata.title = v.isHTML ? DOTLabelText.htmlText(s) : DOTLabelText.expand(s, name: graphName, graph: graphName)
        }

        // Node attributes: the columns, then values as text per column, typed at the end.
        let nodeNames = raw.nodeAttributeNames.map(string)
        var nodeColumns = ColumnTexts()
        net.reserveNodes(raw.nodes.count + raw.clusters.count)
        for node in raw.nodes {
            let id = string(node.name)
            var kind = NodeKind.actor, label: String? = nil
            var row: [(String, String)] = []
            for v in node.values {
                let name = nodeNames[v.attribute], value = string(v.bytes)
                switch name {
                case "kind": kind = NodeKind(value)
                case "label":
                    if v.isHTML {
                        label = DOTLabelText.htmlText(value)
                        row.append(("html_label", value))
                    } else if value != "\\N" {
                        label = DOTLabelText.expand(value, name: id, graph: graphName)
                    }
                default: row.append((name, value))
                }
            }
            if label == id { label = nil }
            let v: Int32
            do { v = try net.addNode(id, kind: kind, label: label) } catch {
                throw GraphIOError(.badData, file: text.name, error.description)
            }
            for (name, value) in row { nodeColumns.set(name, row: Int(v), value) }
        }

        // Clusters become organization (or collective) nodes.
        var clusterNode: [Int32] = []
        for c in raw.clusters {
            let name = string(c.name)
            var id = name
            if net.index(of: id) != nil { id = "cluster:" + name }
            var k = 2
            while net.index(of: id) != nil { id = "cluster:\(name)#\(k)"; k += 1 }
            var kind = NodeKind.organization, label: String? = nil
            var row: [(String, String)] = []
            for v in c.values {
                let attr = graphNames[v.attribute], value = string(v.bytes)
                switch attr {
                case "kind": kind = NodeKind(value)
                case "label":
                    label = v.isHTML ? DOTLabelText.htmlText(value) : DOTLabelText.expand(value, name: name, graph: graphName)
                    if v.isHTML { row.append(("html_label", value)) }
                default: row.append((attr, value))
                }
            }
            let node: Int32
            do { node = try net.addNode(id, kind: kind, label: label) } catch {
                throw GraphIOError(.badData, file: text.name, error.description)
            }
            clusterNode.append(node)
            for (attr, value) in row { nodeColumns.set(attr, row: Int(node), value) }
        }
        try nodeColumns.apply(file: text.name) { (name, type, values) throws(NetworkError) in
            try net.addNodeAttribute(name, type: type)
            for (row, value) in values { try net.setNodeAttribute(name, of: Int32(row), value) }
        }

        try addEdges(to: &net)

        // Membership edges, after the file's edges so a relation the file declares keeps its direction.
        for (c, cluster) in raw.clusters.enumerated() {
            let org = clusterNode[c]
            let relation: Relation = net.kinds[Int(org)] == .collective ? .participant : .member
            do {
                for m in cluster.directMembers { try net.addEdge(m, org, relation: relation) }
                if cluster.parent >= 0 { try net.addEdge(org, clusterNode[cluster.parent], relation: .member) }
            } catch {
                throw GraphIOError(.badData, file: text.name, "cluster \(GraphIOError.quote(string(cluster.name))): \(error)")
            }
        }
        return net
    }

    /// Adds the file's edges, layer by layer.
    private func addEdges(to net: inout Network) throws(GraphIOError) {
        let names = raw.edgeAttributeNames.map(string)
        let relationAttr = names.firstIndex(of: "relation")
        let weightAttr = names.firstIndex(of: "weight")
        let dirAttr = names.firstIndex(of: "dir")
        func value(_ e: RawDOTGraph.Edge, _ a: Int?) -> RawDOTGraph.Value? {
            guard let a else { return nil }
            return e.values.first { $0.attribute == a }
        }
        // Relations and, in a digraph, whether all of a relation's edges are dir=none.
        var relationOf: [Relation] = []
        relationOf.reserveCapacity(raw.edges.count)
        var allUndirected: [Relation: Bool] = [:]
        for e in raw.edges {
            let r = value(e, relationAttr).map { Relation(string($0.bytes)) } ?? Relation("edge")
            relationOf.append(r)
            let none = value(e, dirAttr).map { $0.bytes == Array("none".utf8) } ?? false
            allUndirected[r] = (allUndirected[r] ?? true) && none
        }
        var columns: [Relation: ColumnTexts] = [:]
        for (i, e) in raw.edges.enumerated() {
            let r = relationOf[i]
            let undirectedInDigraph = raw.directed && allUndirected[r] == true
            let direction: EdgeDirection = raw.directed && !undirectedInDigraph ? .directed : .undirected
            var weight = 1.0, weightUsed = false
            if let w = value(e, weightAttr) {
                // As every other reader: a finite decimal number, else an error at the value
                // (NaN, inf, 1e400, 0x10 and words alike).
                let found = string(w.bytes)
                guard let d = ValueText.weight(found.trimmingCharacters(in: .whitespaces)) else {
                    let message = "expected \(ValueText.weightExpected) for the weight, found \(GraphIOError.quote(found))"
                    if let at = Self.valueOffset(attribute: "weight", value: w.bytes, in: text.bytes) {
                        throw text.error(at: at, message)
                    }
                    throw GraphIOError(.badData, file: text.name, message)
                }
                weight = d; weightUsed = true
            }
            let index: Int
            do { index = try net.addEdge(e.tail, e.head, relation: r, weight: weight, direction: direction) } catch {
                throw GraphIOError(.badData, file: text.name, error.description)
            }
            for v in e.values {
                if v.attribute == relationAttr || (weightUsed && v.attribute == weightAttr)
                    || (undirectedInDigraph && v.attribute == dirAttr) { continue }
                columns[r, default: ColumnTexts()].set(names[v.attribute], row: index, string(v.bytes))
            }
        }
        for r in net.relations {
            guard let c = columns[r] else { continue }
            try c.apply(file: text.name) { (name, type, values) throws(NetworkError) in
                try net.addEdgeAttribute(name, type: type, relation: r)
                for (row, value) in values { try net.setEdgeAttribute(name, relation: r, edge: row, value) }
            }
        }
    }
}

extension DOTNetworkBuilder {
    /// Where `attribute=value` (the value bare or quoted, the name bare or quoted) first appears
    /// in the text: the offset of the value's first byte; nil when it is not there as such (an
    /// escaped or concatenated string). cgraph keeps no positions, so the reader looks it up.
    /// - Complexity: O(text length · attribute length).
    static func valueOffset(attribute: String, value: [UInt8], in text: [UInt8]) -> Int? {
        let key = Array(attribute.utf8)
        guard !key.isEmpty, text.count >= key.count else { return nil }
        func isWord(_ b: UInt8) -> Bool {
            b == UInt8(ascii: "_") || (b | 0x20 >= 97 && b | 0x20 <= 122) || (b >= 48 && b <= 57) || b >= 0x80
        }
        var i = 0
        while i + key.count <= text.count {
            defer { i += 1 }
            guard text[i] == key[0], (i == 0 || !isWord(text[i - 1])),
                  text[i..<(i + key.count)].elementsEqual(key) else { continue }
            var j = i + key.count
            if j < text.count && text[j] == UInt8(ascii: "\"") && i > 0 && text[i - 1] == UInt8(ascii: "\"") { j += 1 }
            while j < text.count && (text[j] == 32 || text[j] == 9 || text[j] == 10 || text[j] == 13) { j += 1 }
            guard j < text.count && text[j] == UInt8(ascii: "=") else { continue }
            j += 1
            while j < text.count && (text[j] == 32 || text[j] == 9 || text[j] == 10 || text[j] == 13) { j += 1 }
            if j < text.count && text[j] == UInt8(ascii: "\"") { j += 1 }
            if j + value.count <= text.count && text[j..<(j + value.count)].elementsEqual(value) { return j }
        }
        return nil
    }
}

/// Attribute values as text, per column in first-seen order, typed once all are known.
struct ColumnTexts {
    private(set) var names: [String] = []
    private var values: [String: [(row: Int, text: String)]] = [:]

    mutating func set(_ name: String, row: Int, _ text: String) {
        if values[name] == nil { names.append(name); values[name] = [] }
        values[name]!.append((row, text))
    }

    /// Hands each column, with its inferred type and typed values, to `body`.
    func apply(file: String,
               _ body: (String, AttributeType, [(Int, AttributeValue)]) throws(NetworkError) -> Void) throws(GraphIOError) {
        for name in names {
            let texts = values[name] ?? []
            let type = ValueText.inferType(texts.map(\.text))
            let typed = texts.map { ($0.row, ValueText.parse($0.text, as: type) ?? .string($0.text)) }
            do { try body(name, type, typed) } catch {
                throw GraphIOError(.badData, file: file, "attribute \(GraphIOError.quote(name)): \(error)")
            }
        }
    }
}
