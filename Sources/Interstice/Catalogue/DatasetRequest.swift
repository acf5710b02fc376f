import GraphAlgorithms
import GraphCore
import GraphIO

/// What to read and how: the input of every analysis, from the CLI's arguments or a manifest's
/// dataset entry. ``load(readers:)`` reads the file with the readers the caller composed, then
/// makes the data speak the domain's vocabulary, saying each thing it did in ``Loaded/notes``:
///
/// - kinds and relations spelled in French or otherwise (`organisation`, `structure`,
///   `collectif`, `connaissance`, `échange`, `hiérarchie`, …) are mapped to the domain's names;
/// - relations the dataset does not declare (in `dataset.json`) are listed with the direction
///   assumed;
/// - with ``organizationsFrom``, organizations are made from a node attribute (`org`,
///   `department`): one organization node per distinct value, a `member` edge from each node
///   that has the value (the convention of GraphML, GEXF and CSV files written by networkx,
///   Gephi or igraph).
public struct DatasetRequest: Sendable, Hashable {
    /// A native folder, a file, or `-` for standard input (with `format`).
    public var path: String
    public var format: GraphFormat?
    public var options: ReadOptions
    /// A node attribute whose values are the organizations.
    public var organizationsFrom: String?

    public init(path: String, format: GraphFormat? = nil, options: ReadOptions = ReadOptions(),
                organizationsFrom: String? = nil) {
        self.path = path; self.format = format; self.options = options; self.organizationsFrom = organizationsFrom
    }

    /// A network ready for the catalogue, and what loading changed.
    public struct Loaded: Sendable {
        public var network: Network
        /// One line per mapping or assumption (the CLI prints them on stderr).
        public var notes: [String]
    }

    /// Reads and normalizes the dataset.
    /// - Throws: ``GraphIOError`` for unreadable input; ``RequestError`` when the vocabulary is
    ///   ambiguous or `organizationsFrom` names no attribute.
    public func load(readers: ExternalReaders = ExternalReaders()) throws -> Loaded {
        let net = try GraphFile.read(path, format: format, options: options, readers: readers)
        return try Vocabulary.normalize(net, organizationsFrom: organizationsFrom)
    }
}

/// The domain's names for kinds and relations, and the other spellings accepted for them.
public enum Vocabulary {
    /// Maps kinds and relations, reports undeclared relations, and makes organizations from an
    /// attribute when asked.
    /// - Complexity: O(n + m).
    public static func normalize(_ input: Network, organizationsFrom: String? = nil) throws(RequestError) -> DatasetRequest.Loaded {
        var net = input
        var notes: [String] = []
        // Kinds.
        var mapped: [NodeKind: (NodeKind, Int)] = [:]
        let orgKind = net.metadata.organizationKind.map { NodeKind(rawValue: $0) }
        for v in 0..<net.nodeCount {
            let k = net.kinds[v]
            if k == orgKind { continue }
            guard let to = k.canonical else { continue }
            net.setKind(to, of: Int32(v))
            mapped[k, default: (to, 0)].1 += 1
        }
        for (from, (to, count)) in mapped.sorted(by: { $0.key < $1.key }) {
            notes.append("kind \"\(from)\" read as \"\(to)\" (\(count) node\(count == 1 ? "" : "s"))")
        }
        // Relations.
        for r in net.relations {
            guard let to = r.canonical else { continue }
            if net.layer(to) != nil {
                throw .badData("the dataset has both relations \"\(r)\" and \"\(to)\", two spellings of one relation; merge them or rename one")
            }
            do { try net.renameRelation(r, to: to) } catch { throw .badData("\(error)") }
            notes.append("relation \"\(r)\" read as \"\(to)\"")
        }
        // Relations the dataset does not declare: say which direction was taken (the domain's
        // own relations have known directions; edge lists name theirs with --edge-relation).
        let declared = Set(net.metadata.relations.keys)
        let known: Set<Relation> = [.acquaintance, .exchange, .member, .participant, .reportsTo, "edge"]
        for l in net.layers where !declared.contains(l.relation.rawValue) && (!declared.isEmpty || !known.contains(l.relation)) {
            notes.append("relation \"\(l.relation)\" is not declared in dataset.json; read as \(l.direction)")
        }
        if let attr = organizationsFrom {
            try makeOrganizations(&net, from: attr, notes: &notes)
        }
        return DatasetRequest.Loaded(network: net, notes: notes)
    }

    /// One organization node per distinct value of `attr`, and a `member` edge from each node
    /// with that value.
    static func makeOrganizations(_ net: inout Network, from attr: String, notes: inout [String]) throws(RequestError) {
        guard let column = net.nodeAttributes[attr] else {
            let names = net.nodeAttributes.names.sorted()
            throw .badData("--organizations-from: the dataset has no node attribute \"\(attr)\"; it has \(names.isEmpty ? "none" : names.joined(separator: ", "))")
        }
        let org = net.organizationKind
        if !net.nodes(ofKind: org).isEmpty {
            throw .badData("--organizations-from \(attr): the dataset already has \(net.nodes(ofKind: org).count) organization nodes; use one convention")
        }
        var values: [String] = []
        var seen: Set<String> = []
        let n = net.nodeCount
        for v in 0..<n {
            if let t = column.values[v]?.description, !t.isEmpty, !seen.contains(t) { seen.insert(t); values.append(t) }
        }
        guard !values.isEmpty else { throw .badData("--organizations-from \(attr): no node has a value") }
        values.sort()
        var nodeOf: [String: Int32] = [:]
        for t in values {
            var id = t
            while net.index(of: id) != nil { id = "\(attr):\(id)" }
            do { nodeOf[t] = try net.addNode(id, kind: org, label: t) } catch { throw .badData("\(error)") }
        }
        var members = 0
        do {
            for v in 0..<n {
                guard let t = column.values[v]?.description, let o = nodeOf[t] else { continue }
                _ = try net.addEdge(Int32(v), o, relation: .member, direction: .directed)
                members += 1
            }
        } catch { throw .badData("\(error)") }
        notes.append("organizations from attribute \"\(attr)\": \(values.count) organizations, \(members) member edges")
    }
}
