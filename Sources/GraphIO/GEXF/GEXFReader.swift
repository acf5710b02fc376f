import GraphCore

/// Reads one GEXF document into a ``Network``, streaming (see ``GEXFFormat`` for the mapping).
struct GEXFReader: ~Copyable {
    /// What an `<attribute>`'s values become.
    enum Role: Equatable { case attribute, kind, relation, weight }

    /// An `<attribute>` of class node or edge.
    struct Attribute {
        var id: String
        var title: String
        var type: AttributeType
        var defaultValue: AttributeValue?
        var role: Role
        /// Column number in the edge buffer (edge attributes).
        var edgeColumn: Int32 = -1
    }

    /// Node or edge attributes: by `for` id, and the ones with defaults.
    struct Attributes {
        var list: [Attribute] = []
        var index: [String: Int] = [:]
        var withDefault: [Int] = []
        /// `seen[k] == stamp` when attribute k had a value on the current node or edge.
        var seen: [Int] = []
    }

    /// Types of `start`/`end` times (`timeformat`).
    enum TimeFormat { case integer, double, date, text }

    var xml: XMLReader
    var network = Network()
    var edges = XMLEdgeBuffer()
    /// Whether the file is Interstice's (its mutual edges are undirected ties).
    var foldMutual = false
    var nodeAttributes = Attributes()
    var edgeAttributes = Attributes()
    var stamp = 0
    var graphs = 0
    var graphDirected = false
    var timeFormat = TimeFormat.double
    var timeFormatGiven = false

    init(_ xml: consuming XMLReader) { self.xml = xml }

    // MARK: - Document

    mutating func read() throws(GraphIOError) -> Network {
        guard try xml.next() == .start else { throw xml.text.error(at: xml.pos, "no XML element found") }
        guard xml.localName == "gexf" else {
            throw xml.errorAtTag("expected the root element <gexf>, found <\(xml.name)>: is this a GEXF file?")
        }
        // Interstice writes the undirected ties of a mixed network as mutual edges; in its own
        // files they fold back into an undirected relation.
        foldMutual = xml.value("xmlns:interstice") == "urn:interstice"
        if xml.isEmptyElement { _ = try xml.next() } else {
            loop: while true {
                switch try xml.next() {
                case .start:
                    if xml.hasPrefix { try xml.skipElement(); continue }
                    switch xml.localName {
                    case "meta": try readMeta()
                    case "graph":
                        if graphs == 0 {
                            try readGraph()
                            try edges.finish(into: &network, text: xml.text)
                        } else {
                            try xml.skipElement()
                        }
                        graphs += 1
                    default: try xml.skipElement()
                    }
                case .end, .endOfDocument: break loop
                }
            }
        }
        guard try xml.next() == .endOfDocument else { throw xml.errorAtTag("content after </gexf>") }
        guard graphs > 0 else {
            throw xml.text.error(at: xml.pos, "the file has no <graph> element: a GEXF file holds its nodes and edges in <graph>")
        }
        return network
    }

    /// `<meta>`: `<title>` (or else `<description>`) becomes the metadata title.
    mutating func readMeta() throws(GraphIOError) {
        if xml.isEmptyElement { _ = try xml.next(); return }
        var description: String? = nil
        loop: while true {
            switch try xml.next() {
            case .start:
                if !xml.hasPrefix && xml.isNamed("title") {
                    network.metadata.title = XMLValues.trimmed(try xml.readText().text)
                } else if !xml.hasPrefix && xml.isNamed("description") {
                    description = XMLValues.trimmed(try xml.readText().text)
                } else {
                    try xml.skipElement()
                }
            case .end, .endOfDocument: break loop
            }
        }
        if network.metadata.title == nil, let d = description, !d.isEmpty { network.metadata.title = d }
    }

    mutating func readGraph() throws(GraphIOError) {
        // networkx writes the graph's name here (not in the GEXF schema; read leniently).
        if let name = xml.value("name"), !name.isEmpty { network.metadata.name = name }
        switch xml.value("defaultedgetype") {
        case "directed": graphDirected = true
        // networkx reads a default "mutual" as undirected too.
        case "undirected", "mutual", nil: graphDirected = false
        case let other?:
            throw xml.errorAtTag("defaultedgetype=\(GraphIOError.quote(other)); expected directed, undirected or mutual")
        }
        if let t = xml.value("timeformat") {
            timeFormatGiven = true
            switch t {
            case "integer": timeFormat = .integer
            case "double": timeFormat = .double
            case "date": timeFormat = .date
            case "dateTime", "datetime": timeFormat = .text
            default:
                throw xml.errorAtTag("timeformat=\(GraphIOError.quote(t)); expected integer, double, date or dateTime")
            }
        }
        if xml.isEmptyElement { _ = try xml.next(); return }
        while true {
            switch try xml.next() {
            case .start:
                if xml.hasPrefix { try xml.skipElement(); continue }
                switch xml.localName {
                case "attributes": try readAttributes()
                case "nodes": try readNodes(parent: nil)
                case "edges": try readEdges()
                default: try xml.skipElement()
                }
            case .end, .endOfDocument: return
            }
        }
    }

    // MARK: - Attribute declarations

    mutating func readAttributes() throws(GraphIOError) {
        let cls = try xml.required("class", "node or edge")
        let isNode: Bool
        switch cls {
        case "node": isNode = true
        case "edge": isNode = false
        default: throw xml.errorAtTag("<attributes class=\(GraphIOError.quote(cls))>; expected class=\"node\" or \"edge\"")
        }
        if xml.isEmptyElement { _ = try xml.next(); return }
        while true {
            switch try xml.next() {
            case .start:
                if !xml.hasPrefix && xml.isNamed("attribute") { try readAttribute(node: isNode) } else { try xml.skipElement() }
            case .end, .endOfDocument: return
            }
        }
    }

    mutating func readAttribute(node isNode: Bool) throws(GraphIOError) {
        let offset = xml.tagOffset
        let id = try xml.required("id", "the name <attvalue for=\"…\"> refers to")
        let title = xml.value("title") ?? id
        let typeName = xml.value("type") ?? "string"
        var type: AttributeType
        switch typeName {
        case "integer", "long", "int", "short", "byte", "biginteger": type = .integer
        case "double", "float", "bigdecimal": type = .double
        case "boolean": type = .boolean
        case "date": type = .date
        case "string", "liststring", "anyURI", "char", "dateTime", "datetime", "listboolean", "listinteger",
             "listlong", "listdouble", "listfloat", "listbyte", "listshort", "listchar", "listbigdecimal",
             "listbiginteger", "listdate", "listdateTime", "listanyURI":
            type = .string
        default:
            throw xml.errorAtTag("<attribute id=\(GraphIOError.quote(id))> has type=\(GraphIOError.quote(typeName)); expected integer, long, double, float, boolean, string, liststring, anyURI or date")
        }
        // Interstice's own mark for dates written as strings (networkx cannot read "date").
        if type == .string, xml.value("interstice:type") == "date" { type = .date }
        let role: Role
        switch (isNode, title) {
        case (true, "kind"): role = .kind
        case (false, "relation"): role = .relation
        case (false, "weight"): role = .weight
        default: role = .attribute
        }
        var a = Attribute(id: id, title: title, type: role == .attribute ? type : (role == .weight ? .double : .string),
                          defaultValue: nil, role: role)
        if !xml.isEmptyElement {
            loop: while true {
                switch try xml.next() {
                case .start:
                    if !xml.hasPrefix && xml.isNamed("default") {
                        let tag = xml.tagOffset
                        let t = try xml.readText().text
                        a.defaultValue = try parse(t, at: tag, a, isNode ? "node" : "edge")
                    } else {
                        try xml.skipElement()
                    }
                case .end, .endOfDocument: break loop
                }
            }
        } else {
            _ = try xml.next()
        }
        if isNode {
            guard nodeAttributes.index[id] == nil else { throw xml.text.error(at: offset, "a second node <attribute> with id \(GraphIOError.quote(id))") }
            if role == .attribute {
                do { try network.addNodeAttribute(title, type: a.type) } catch {
                    throw xml.text.error(at: offset, "<attribute id=\(GraphIOError.quote(id))>: \(error.description)")
                }
            }
            Self.add(a, to: &nodeAttributes)
        } else {
            guard edgeAttributes.index[id] == nil else { throw xml.text.error(at: offset, "a second edge <attribute> with id \(GraphIOError.quote(id))") }
            if role == .attribute { a.edgeColumn = edges.column(title) }
            Self.add(a, to: &edgeAttributes)
        }
    }

    private static func add(_ a: Attribute, to table: inout Attributes) {
        if a.defaultValue != nil { table.withDefault.append(table.list.count) }
        table.index[a.id] = table.list.count
        table.list.append(a)
        table.seen.append(0)
    }

    func parse(_ text: String, at offset: Int, _ a: Attribute, _ what: String) throws(GraphIOError) -> AttributeValue? {
        if a.role == .weight {
            let t = XMLValues.trimmed(text)
            if t.isEmpty { return nil }
            guard let w = ValueText.weight(t) else {
                throw xml.text.error(at: offset, "expected \(ValueText.weightExpected) for the edge weight (attribute \(GraphIOError.quote(a.title))), found \(GraphIOError.quote(text))")
            }
            return .double(w)
        }
        switch XMLValues.parse(text, as: a.type) {
        case .success(let v): return v
        case .failure(let e):
            throw xml.text.error(at: offset, "expected \(e.description) for the \(what) attribute \(GraphIOError.quote(a.title)) (id \(GraphIOError.quote(a.id)), type \(a.type.shortName)), found \(GraphIOError.quote(text))")
        }
    }

    // MARK: - Nodes

    /// `<nodes>`: its nodes, and nested ones (hierarchy) with their parent in `pid`.
    mutating func readNodes(parent: String?) throws(GraphIOError) {
        if xml.isEmptyElement { _ = try xml.next(); return }
        while true {
            switch try xml.next() {
            case .start:
                if !xml.hasPrefix && xml.isNamed("node") { try readNode(parent: parent) } else { try xml.skipElement() }
            case .end, .endOfDocument: return
            }
        }
    }

    mutating func readNode(parent: String?) throws(GraphIOError) {
        let offset = xml.tagOffset
        let id = try xml.required("id", "the name edges use")
        let v: Int32
        do { v = try network.addNode(id) } catch {
            throw xml.text.error(at: offset, "node \(GraphIOError.quote(id)) is declared twice")
        }
        if let label = xml.value("label") { network.setLabel(label, of: v) }
        if let pid = xml.value("pid") ?? parent { try setNode("pid", v, .string(pid), offset) }
        for (name, value) in try readTimes() { try setNode(name, v, value, offset) }
        stamp += 1
        let mine = stamp
        if !xml.isEmptyElement {
            loop: while true {
                switch try xml.next() {
                case .start:
                    if xml.isNamed("attvalues") { try readAttValues(node: v, stamp: mine) }
                    else if xml.isNamed("nodes") { try readNodes(parent: id) }
                    else if xml.isNamed("edges") { try readEdges() }
                    else { try xml.skipElement() }   // viz:*, spells, parents, slices
                case .end, .endOfDocument: break loop
                }
            }
        } else {
            _ = try xml.next()
        }
        for k in nodeAttributes.withDefault where nodeAttributes.seen[k] != mine {
            try applyNode(nodeAttributes.list[k], v, nodeAttributes.list[k].defaultValue, offset)
        }
    }

    mutating func setNode(_ name: String, _ v: Int32, _ value: AttributeValue, _ offset: Int) throws(GraphIOError) {
        do { try network.setNodeAttribute(name, of: v, value) } catch {
            throw xml.text.error(at: offset, error.description)
        }
    }

    mutating func readAttValues(node v: Int32, stamp: Int) throws(GraphIOError) {
        if xml.isEmptyElement { _ = try xml.next(); return }
        while true {
            switch try xml.next() {
            case .start:
                guard !xml.hasPrefix && xml.isNamed("attvalue") else { try xml.skipElement(); continue }
                let offset = xml.tagOffset
                let k = try attributeNumber(nodeAttributes, "node")
                let a = nodeAttributes.list[k]
                // The first value is kept (a dynamic attribute's later intervals are dropped).
                if nodeAttributes.seen[k] != stamp {
                    nodeAttributes.seen[k] = stamp
                    let text = try attValue()
                    try applyNode(a, v, try parse(text, at: offset, a, "node"), offset)
                }
                try xml.skipElement()
            case .end, .endOfDocument: return
            }
        }
    }

    mutating func applyNode(_ a: Attribute, _ v: Int32, _ value: AttributeValue?, _ offset: Int) throws(GraphIOError) {
        switch a.role {
        case .kind:
            if case .string(let s)? = value, !s.isEmpty { network.setKind(NodeKind(s), of: v) }
        default:
            do { try network.setNodeAttribute(a.title, of: v, value) } catch {
                throw xml.text.error(at: offset, error.description)
            }
        }
    }

    /// The current `<attvalue>`'s attribute number.
    mutating func attributeNumber(_ table: Attributes, _ what: String) throws(GraphIOError) -> Int {
        guard let a = xml.attribute("for") ?? xml.attribute("id") else {
            throw xml.errorAtTag("<attvalue> needs a for attribute (the id of an <attribute>)")
        }
        let id = xml.value(of: a)
        guard let k = table.index[id] else {
            throw xml.errorAtTag("<attvalue for=\(GraphIOError.quote(id))> names no \(what) <attribute>: declare it in <attributes class=\"\(what)\">")
        }
        return k
    }

    /// The current `<attvalue>`'s value.
    mutating func attValue() throws(GraphIOError) -> String {
        guard let a = xml.attribute("value") else {
            throw xml.errorAtTag("<attvalue> needs a value attribute")
        }
        return xml.value(of: a)
    }

    /// `start` and `end` (GEXF dynamics) as attributes, typed by the graph's `timeformat`.
    mutating func readTimes() throws(GraphIOError) -> [(String, AttributeValue)] {
        var out: [(String, AttributeValue)] = []
        for name: StaticString in ["start", "end"] {
            guard let a = xml.attribute(name) else { continue }
            let text = xml.value(of: a)
            let value: AttributeValue?
            switch timeFormat {
            case .integer: value = Int(XMLValues.trimmed(text)).map { .integer($0) }
            case .double:
                // GEXF's default timeformat is double, but files that leave it out often
                // hold dates.
                let t = XMLValues.trimmed(text)
                if let d = ValueText.double(t) { value = .double(d) }
                else if !timeFormatGiven, let d = CalendarDate(parsing: t) { value = .date(d) }
                else if !timeFormatGiven { value = .string(text) }
                else { value = nil }
            case .date: value = CalendarDate(parsing: XMLValues.trimmed(text)).map { .date($0) }
            case .text: value = .string(text)
            }
            guard let value else {
                throw xml.errorAtTag("\(name)=\(GraphIOError.quote(text)) does not fit the graph's timeformat")
            }
            out.append((name.description, value))
        }
        return out
    }

    // MARK: - Edges

    mutating func readEdges() throws(GraphIOError) {
        if xml.isEmptyElement { _ = try xml.next(); return }
        while true {
            switch try xml.next() {
            case .start:
                if !xml.hasPrefix && xml.isNamed("edge") { try readEdge() } else { try xml.skipElement() }
            case .end, .endOfDocument: return
            }
        }
    }

    mutating func readEdge() throws(GraphIOError) {
        let offset = xml.tagOffset
        let source = try xml.required("source", "the id of the edge's first node")
        let target = try xml.required("target", "the id of the edge's second node")
        var directed = graphDirected
        var mutual = false
        if let t = xml.value("type") {
            switch t {
            case "directed": directed = true
            case "undirected": directed = false
            case "mutual": mutual = true
            default: throw xml.errorAtTag("type=\(GraphIOError.quote(t)); expected directed, undirected or mutual")
            }
        }
        edges.begin(source: source, target: target, offset: offset, directed: directed, in: network)
        if let id = xml.value("id") { edges.addAttribute(column: edges.column("id"), .string(id)) }
        if let kind = xml.value("kind"), !kind.isEmpty { edges.setRelation(Relation(kind)) }
        if let label = xml.value("label") { edges.addAttribute(column: edges.column("label"), .string(label)) }
        if let a = xml.attribute("weight") {
            let text = xml.value(of: a)
            guard let w = ValueText.weight(XMLValues.trimmed(text)) else {
                throw xml.errorAtTag("expected \(ValueText.weightExpected) for the edge weight, found \(GraphIOError.quote(text))")
            }
            edges.setWeight(w)
        }
        for (name, value) in try readTimes() { edges.addAttribute(column: edges.column(name), value) }
        stamp += 1
        if !xml.isEmptyElement {
            loop: while true {
                switch try xml.next() {
                case .start:
                    if !xml.hasPrefix && xml.isNamed("attvalues") { try readEdgeAttValues() } else { try xml.skipElement() }
                case .end, .endOfDocument: break loop
                }
            }
        } else {
            _ = try xml.next()
        }
        for k in edgeAttributes.withDefault where edgeAttributes.seen[k] != stamp {
            applyEdge(edgeAttributes.list[k], edgeAttributes.list[k].defaultValue)
        }
        edges.end()
        // A mutual edge in a directed graph is a pair of arcs (as networkx reads it).
        if mutual && graphDirected { edges.appendReverseOfLast(fold: foldMutual) }
    }

    mutating func readEdgeAttValues() throws(GraphIOError) {
        if xml.isEmptyElement { _ = try xml.next(); return }
        while true {
            switch try xml.next() {
            case .start:
                guard !xml.hasPrefix && xml.isNamed("attvalue") else { try xml.skipElement(); continue }
                let offset = xml.tagOffset
                let k = try attributeNumber(edgeAttributes, "edge")
                let a = edgeAttributes.list[k]
                if edgeAttributes.seen[k] != stamp {
                    edgeAttributes.seen[k] = stamp
                    let text = try attValue()
                    applyEdge(a, try parse(text, at: offset, a, "edge"))
                }
                try xml.skipElement()
            case .end, .endOfDocument: return
            }
        }
    }

    mutating func applyEdge(_ a: Attribute, _ value: AttributeValue?) {
        guard let value else { return }
        switch a.role {
        case .relation:
            if case .string(let s) = value, !s.isEmpty { edges.setRelation(Relation(s)) }
        case .weight:
            if let w = value.numericValue { edges.setWeight(w) }
        case .attribute:
            edges.addAttribute(column: a.edgeColumn, value)
        case .kind: break
        }
    }
}
