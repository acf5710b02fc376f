import GraphCore

/// Reads one GraphML document into a ``Network``, streaming (see ``GraphMLFormat`` for the
/// mapping).
struct GraphMLReader: ~Copyable {
    /// Where a key may be used (`for`).
    enum Domain: String { case node, edge, graph, all, port, hyperedge, endpoint, graphml }

    /// What a key's values become on a node or an edge.
    enum Role: Equatable {
        case attribute, kind, label, relation, weight, mutual
        /// yEd's `yfiles.type` keys: graphics; only a label is taken from them.
        case yfiles
        /// Graph data that fills ``DatasetMetadata``.
        case metadata
        /// Graph data Interstice has no place for.
        case ignored
    }

    /// A `<key>`.
    struct Key {
        var id: String
        var name: String
        var domain: Domain
        var type: AttributeType
        var yfiles: Bool
        /// The `<default>` value, parsed to `type` (the text for kind/label/relation).
        var defaultValue: AttributeValue?
        var nodeRole: Role
        var edgeRole: Role
        /// Column number in the edge buffer.
        var edgeColumn: Int32 = -1
    }

    var xml: XMLReader
    var network = Network()
    var edges = XMLEdgeBuffer()
    var keys: [Key] = []
    var keyIndex: [String: Int] = [:]
    /// Keys with a default, for nodes and for edges.
    var nodeDefaults: [Int] = []
    var edgeDefaults: [Int] = []
    /// `seen[k] == stamp` when key k had data on the current node or edge.
    var seen: [Int] = []
    var stamp = 0
    var graphs = 0

    init(_ xml: consuming XMLReader) { self.xml = xml }

    // MARK: - Document

    mutating func read() throws(GraphIOError) -> Network {
        guard try xml.next() == .start else { throw xml.text.error(at: xml.pos, "no XML element found") }
        guard xml.localName == "graphml" else {
            throw xml.errorAtTag("expected the root element <graphml>, found <\(xml.name)>: is this a GraphML file?")
        }
        if xml.isEmptyElement { _ = try xml.next() } else {
            loop: while true {
                switch try xml.next() {
                case .start:
                    if xml.hasPrefix { try xml.skipElement(); continue }
                    switch xml.localName {
                    case "key": try readKey()
                    case "graph":
                        if graphs == 0 {
                            try readGraph(nested: false)
                            try edges.finish(into: &network, text: xml.text)
                        } else {
                            // Like networkx's read_graphml: the first graph is the document's.
                            try xml.skipElement()
                        }
                        graphs += 1
                    case "hyperedge": throw hyperedgeError()
                    default: try xml.skipElement()
                    }
                case .end: break loop
                case .endOfDocument: break loop
                }
            }
        }
        guard try xml.next() == .endOfDocument else { throw xml.errorAtTag("content after </graphml>") }
        guard graphs > 0 else {
            throw xml.text.error(at: xml.pos, "the file has no <graph> element: a GraphML file holds its nodes and edges in <graph edgedefault=\"…\">")
        }
        return network
    }

    func hyperedgeError() -> GraphIOError {
        xml.errorAtTag("GraphML hyperedges are not supported: an Interstice relation joins two nodes; replace each <hyperedge> by edges (or by a node of kind collective with an edge to each end)")
    }

    // MARK: - Keys

    mutating func readKey() throws(GraphIOError) {
        let offset = xml.tagOffset
        let id = try xml.required("id", "the name <data key=\"…\"> refers to")
        let forText = xml.value("for") ?? "all"
        guard let domain = Domain(rawValue: forText) else {
            throw xml.errorAtTag("<key id=\(GraphIOError.quote(id))> has for=\(GraphIOError.quote(forText)); expected node, edge, graph, all, port, hyperedge, endpoint or graphml")
        }
        let yfiles = xml.attribute("yfiles.type") != nil
        let name = xml.value("attr.name") ?? id
        var type = AttributeType.string
        if !yfiles, let t = xml.value("attr.type") {
            switch t {
            case "boolean": type = .boolean
            case "int", "long", "integer": type = .integer
            case "float", "double": type = .double
            case "string": type = .string
            default:
                throw xml.errorAtTag("<key id=\(GraphIOError.quote(id))> has attr.type=\(GraphIOError.quote(t)); expected boolean, int, long, float, double or string")
            }
            // Interstice's own mark for dates, which GraphML types as strings.
            if type == .string, xml.value("interstice:type") == "date" { type = .date }
        }
        guard keyIndex[id] == nil else { throw xml.errorAtTag("a second <key> with id \(GraphIOError.quote(id))") }

        var key = Key(id: id, name: name, domain: domain, type: type, yfiles: yfiles, defaultValue: nil,
                      nodeRole: .attribute, edgeRole: .attribute)
        if yfiles {
            key.nodeRole = .yfiles; key.edgeRole = .yfiles
        } else {
            switch name {
            case "kind": key.nodeRole = .kind
            case "label": key.nodeRole = .label
            default: break
            }
            switch name {
            case "relation": key.edgeRole = .relation
            case "weight": key.edgeRole = .weight
            case "mutual" where type == .boolean: key.edgeRole = .mutual
            default: break
            }
        }
        // Children: <default>, <desc>.
        if xml.isEmptyElement { _ = try xml.next() } else {
            loop: while true {
                switch try xml.next() {
                case .start:
                    if !xml.hasPrefix && xml.isNamed("default") && !yfiles {
                        let tag = xml.tagOffset
                        let t = try xml.readText().text
                        key.defaultValue = try value(t, at: tag, key: key, role: .attribute)
                    } else {
                        try xml.skipElement()
                    }
                case .end, .endOfDocument: break loop
                }
            }
        }
        if domain == .node && key.nodeRole == .attribute {
            do { try network.addNodeAttribute(name, type: type) } catch {
                throw xml.text.error(at: offset, "<key id=\(GraphIOError.quote(id))>: \(error.description)")
            }
        }
        if key.edgeRole == .attribute && (domain == .edge || domain == .all) {
            key.edgeColumn = edges.column(name)
        }
        if key.defaultValue != nil {
            if domain == .node || domain == .all { nodeDefaults.append(keys.count) }
            if domain == .edge || domain == .all { edgeDefaults.append(keys.count) }
        }
        keyIndex[id] = keys.count
        keys.append(key)
        seen.append(0)
    }

    /// Parses a data or default text by the key's type; numbers may have surrounding spaces.
    /// Errors point at the `<` of the element holding the text.
    func value(_ text: String, at offset: Int, key: Key, role: Role) throws(GraphIOError) -> AttributeValue? {
        if role == .weight {
            let t = XMLValues.trimmed(text)
            if t.isEmpty { return nil }
            guard let w = ValueText.weight(t) else {
                throw xml.text.error(at: offset, "expected \(ValueText.weightExpected) for the edge weight, found \(GraphIOError.quote(text))")
            }
            return .double(w)
        }
        let type: AttributeType
        switch role {
        case .kind, .label, .relation: type = .string
        case .weight: type = .double
        default: type = key.type
        }
        let expected: String
        switch XMLValues.parse(text, as: type) {
        case .success(let v): return v
        case .failure(let e): expected = e.description
        }
        let what = role == .weight ? "the edge weight" : "\(GraphIOError.quote(key.name)) (key \(GraphIOError.quote(key.id)), a \(type.shortName) key)"
        throw xml.text.error(at: offset, "expected \(expected) for \(what), found \(GraphIOError.quote(text))")
    }

    // MARK: - Graphs, nodes, edges

    /// Reads a `<graph>`; nested graphs' nodes and edges join the network (their hierarchy is
    /// dropped).
    mutating func readGraph(nested: Bool) throws(GraphIOError) {
        let directed: Bool
        switch xml.value("edgedefault") {
        case "directed": directed = true
        case "undirected", nil: directed = false
        case let other?:
            throw xml.errorAtTag("edgedefault=\(GraphIOError.quote(other)); expected \"directed\" or \"undirected\"")
        }
        if xml.isEmptyElement { _ = try xml.next(); return }
        while true {
            switch try xml.next() {
            case .start:
                if xml.isNamed("node") { try readNode(directed: directed) }
                else if xml.isNamed("edge") { try readEdge(directed: directed) }
                else if xml.isNamed("hyperedge") { throw hyperedgeError() }
                else if xml.isNamed("data") && !nested { try readGraphData() }
                else { try xml.skipElement() }
            case .end, .endOfDocument: return
            }
        }
    }

    mutating func readNode(directed: Bool) throws(GraphIOError) {
        let offset = xml.tagOffset
        let id = try xml.required("id", "the name edges use")
        let v: Int32
        do { v = try network.addNode(id) } catch {
            throw xml.text.error(at: offset, "node \(GraphIOError.quote(id)) is declared twice")
        }
        stamp += 1
        let mine = stamp
        if !xml.isEmptyElement {
            loop: while true {
                switch try xml.next() {
                case .start:
                    if xml.isNamed("data") { try readData(node: v, stamp: mine) }
                    else if xml.isNamed("graph") { try readGraph(nested: true) }
                    else if xml.isNamed("port") {
                        throw xml.errorAtTag("GraphML ports are not supported: connect edges to the node itself")
                    } else { try xml.skipElement() }
                case .end, .endOfDocument: break loop
                }
            }
        } else {
            _ = try xml.next()
        }
        if !nodeDefaults.isEmpty {
            for k in nodeDefaults where seen[k] != mine {
                try apply(keys[k].defaultValue, key: k, node: v)
            }
        }
    }

    mutating func readData(node v: Int32, stamp: Int) throws(GraphIOError) {
        let k = try dataKey(stamp: stamp)
        let key = keys[k]
        if key.nodeRole == .yfiles {
            if let label = try yfilesLabel("NodeLabel"), network.labels[Int(v)] == nil {
                network.setLabel(label, of: v)
            }
            return
        }
        let tag = xml.tagOffset
        let (text, _, children) = try xml.readText()
        if children { return }
        try apply(try value(text, at: tag, key: key, role: key.nodeRole), key: k, node: v, at: tag)
    }

    mutating func apply(_ value: AttributeValue?, key k: Int, node v: Int32, at offset: Int? = nil) throws(GraphIOError) {
        let key = keys[k]
        switch key.nodeRole {
        case .kind:
            if case .string(let s)? = value, !s.isEmpty { network.setKind(NodeKind(s), of: v) }
        case .label:
            if case .string(let s)? = value { network.setLabel(s, of: v) }
        case .attribute:
            do { try network.setNodeAttribute(key.name, of: v, value) } catch {
                throw xml.text.error(at: offset ?? xml.tagOffset, error.description)
            }
        default: break
        }
    }

    mutating func readEdge(directed graphDirected: Bool) throws(GraphIOError) {
        let offset = xml.tagOffset
        let source = try xml.required("source", "the id of the edge's first node")
        let target = try xml.required("target", "the id of the edge's second node")
        if xml.attribute("sourceport") != nil || xml.attribute("targetport") != nil {
            throw xml.errorAtTag("GraphML ports are not supported: connect edges to the nodes themselves")
        }
        var directed = graphDirected
        if let d = xml.value("directed") {
            switch d {
            case "true": directed = true
            case "false": directed = false
            default: throw xml.errorAtTag("directed=\(GraphIOError.quote(d)); expected \"true\" or \"false\"")
            }
        }
        let id = xml.value("id")
        edges.begin(source: source, target: target, offset: offset, directed: directed, in: network)
        if let id { edges.addAttribute(column: edges.column("id"), .string(id)) }
        stamp += 1
        if !xml.isEmptyElement {
            loop: while true {
                switch try xml.next() {
                case .start:
                    if !xml.hasPrefix && xml.isNamed("data") { try readEdgeData() } else { try xml.skipElement() }
                case .end, .endOfDocument: break loop
                }
            }
        } else {
            _ = try xml.next()
        }
        if !edgeDefaults.isEmpty {
            for k in edgeDefaults where seen[k] != stamp { applyEdge(keys[k].defaultValue, key: k) }
        }
        edges.end()
    }

    mutating func readEdgeData() throws(GraphIOError) {
        let k = try dataKey(stamp: stamp)
        let key = keys[k]
        if key.edgeRole == .yfiles {
            if let label = try yfilesLabel("EdgeLabel") {
                edges.addAttribute(column: edges.column("label"), .string(label))
            }
            return
        }
        let tag = xml.tagOffset
        let (text, _, children) = try xml.readText()
        if children { return }
        applyEdge(try value(text, at: tag, key: key, role: key.edgeRole), key: k)
    }

    mutating func applyEdge(_ value: AttributeValue?, key k: Int) {
        guard let value else { return }
        let key = keys[k]
        switch key.edgeRole {
        case .relation:
            if case .string(let s) = value, !s.isEmpty { edges.setRelation(Relation(s)) }
        case .weight:
            if let w = value.numericValue { edges.setWeight(w) }
        case .mutual:
            if case .boolean(let b) = value { edges.setMutual(b) }
        case .attribute:
            var c = key.edgeColumn
            if c < 0 { c = edges.column(key.name); keys[k].edgeColumn = c }
            edges.addAttribute(column: c, value)
        default: break
        }
    }

    /// The `<data key="…">` being read: its key's number, marked seen.
    mutating func dataKey(stamp: Int) throws(GraphIOError) -> Int {
        let id = try xml.required("key", "the id of a <key>")
        guard let k = keyIndex[id] else {
            throw xml.errorAtTag("<data key=\(GraphIOError.quote(id))> names no <key>: declare <key id=\(GraphIOError.quote(id)) …> before the graph")
        }
        seen[k] = stamp
        return k
    }

    /// Graph-level `<data>`: `name`, `title`, `source`, `licence`, `organization_kind` fill the
    /// metadata; other graph data is skipped.
    mutating func readGraphData() throws(GraphIOError) {
        let id = try xml.required("key", "the id of a <key>")
        guard let k = keyIndex[id] else {
            throw xml.errorAtTag("<data key=\(GraphIOError.quote(id))> names no <key>: declare <key id=\(GraphIOError.quote(id)) …> before the graph")
        }
        let (text, _, children) = try xml.readText()
        if children { return }
        switch keys[k].name {
        case "name": network.metadata.name = text
        case "title": network.metadata.title = text
        case "source": network.metadata.source = text
        case "licence", "license": network.metadata.licence = text
        case "organization_kind": network.metadata.organizationKind = text
        default: break
        }
    }

    /// The text of the first `<y:NodeLabel>` (or `EdgeLabel`) inside yEd graphics data, trimmed;
    /// consumes the data element.
    mutating func yfilesLabel(_ element: String) throws(GraphIOError) -> String? {
        if xml.isEmptyElement { _ = try xml.next(); return nil }
        var label: String? = nil
        var depth = 1
        while depth > 0 {
            switch try xml.next() {
            case .start:
                if label == nil && xml.localName == element {
                    let t = XMLValues.trimmed(try xml.readText().text)
                    if !t.isEmpty { label = t }
                } else {
                    depth += 1
                }
            case .end: depth -= 1
            case .endOfDocument: return label
            }
        }
        return label
    }
}
