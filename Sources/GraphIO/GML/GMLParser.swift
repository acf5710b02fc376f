import GraphCore

/// One `key value` pair of a GML `node [ … ]` or `edge [ … ]` record.
struct GMLField: Sendable {
    var key: String
    var value: RawValue
    /// Whether the value was a nested list (`graphics [ … ]`), kept as its GML text.
    var isList: Bool
    /// Byte offset of the value.
    var offset: Int
}

/// A `node [ … ]` or `edge [ … ]` record: its fields in file order.
struct GMLRecord: Sendable {
    /// Byte offset of the record's key (`node` / `edge`).
    var offset: Int
    var fields: [GMLField] = []

    /// The last field with a key (GML allows repeated keys; the last one wins).
    func field(_ key: String) -> GMLField? { fields.last { $0.key == key } }
}

/// Reads the structure of a GML file: the first top-level `graph [ … ]`, its `node` and `edge`
/// records, `directed` and the metadata keys. Other top-level keys (`Creator`, `Version`) and
/// later `graph` lists are checked for balance and skipped.
///
/// Nested lists inside records are kept as their GML text with single spaces
/// (`graphics [ x 1.0 y 2.0 ]` → the string `"[x 1.0 y 2.0]"`); nested lists directly in the
/// graph are skipped. The parser does not recurse, so deep nesting cannot exhaust the stack.
struct GMLParser {
    var lexer: GMLLexer
    var nodes: [GMLRecord] = []
    var edges: [GMLRecord] = []
    var directed = false
    var metadata = DatasetMetadata()

    init(_ source: SourceText) { lexer = GMLLexer(source) }

    private var source: SourceText { lexer.source }

    /// Parses the whole file.
    /// - Complexity: O(length).
    mutating func parse() throws(GraphIOError) {
        var sawGraph = false
        while true {
            let t = try lexer.next()
            switch t.kind {
            case .end:
                guard sawGraph else {
                    throw source.error(at: t.start, "no graph found; expected a GML file such as graph [ node [ id 0 ] ]")
                }
                return
            case .key:
                let v = try lexer.next()
                if !sawGraph && lexer.keyIs(t, "graph") {
                    guard v.kind == .open else {
                        throw source.error(at: v.start, "expected '[' after graph, found \(describe(v))")
                    }
                    try parseGraph(open: v)
                    sawGraph = true
                } else {
                    _ = try value(v, key: t)
                }
            case .close:
                throw source.error(at: t.start, "an unbalanced ']': no '[' is open here; expected a key or the end of file")
            default:
                throw source.error(at: t.start, "expected a key such as graph, found \(describe(t))")
            }
        }
    }

    /// How a token reads in a message.
    func describe(_ t: GMLToken) -> String {
        switch t.kind {
        case .end: "the end of file"
        case .open: "'['"
        case .close: "']'"
        default: GraphIOError.quote(lexer.text(t))
        }
    }

    private mutating func parseGraph(open: GMLToken) throws(GraphIOError) {
        while true {
            let t = try lexer.next()
            switch t.kind {
            case .close:
                return
            case .end:
                throw source.error(at: t.start, "the graph's '[' (line \(source.location(of: open.start).line)) is never closed: unexpected end of file; expected ']'")
            case .key:
                let v = try lexer.next()
                if lexer.keyIs(t, "node") || lexer.keyIs(t, "edge") {
                    guard v.kind == .open else {
                        throw source.error(at: v.start, "expected '[' after \(lexer.text(t)), found \(describe(v))")
                    }
                    let record = try parseRecord(key: t, open: v)
                    if lexer.keyIs(t, "node") { nodes.append(record) } else { edges.append(record) }
                } else if lexer.keyIs(t, "directed") {
                    guard case .integer(let d) = v.kind, d == 0 || d == 1 else {
                        throw source.error(at: v.start, "expected 0 or 1 after directed, found \(describe(v))")
                    }
                    directed = d == 1
                } else {
                    let (raw, isList) = try value(v, key: t)
                    guard !isList, case .string(let s) = raw else { continue }
                    switch lexer.text(t) {
                    case "name": metadata.name = s
                    case "title": metadata.title = s
                    case "source": metadata.source = s
                    case "licence", "license": metadata.licence = s
                    case "organization_kind": metadata.organizationKind = s
                    default: break
                    }
                }
            default:
                throw source.error(at: t.start, "expected a key or ']' inside graph [ ], found \(describe(t))")
            }
        }
    }

    private mutating func parseRecord(key: GMLToken, open: GMLToken) throws(GraphIOError) -> GMLRecord {
        var record = GMLRecord(offset: key.start)
        while true {
            let t = try lexer.next()
            switch t.kind {
            case .close:
                return record
            case .end:
                let (l, c) = source.location(of: open.start)
                throw source.error(at: t.start, "the \(lexer.text(key)) '[' at line \(l) column \(c) is never closed: unexpected end of file; expected ']'")
            case .key:
                let v = try lexer.next()
                let (raw, isList) = try value(v, key: t)
                record.fields.append(GMLField(key: lexer.text(t), value: raw, isList: isList, offset: v.start))
            default:
                throw source.error(at: t.start, "expected a key or ']' inside \(lexer.text(key)) [ ], found \(describe(t))")
            }
        }
    }

    /// The value token `v` that follows key `key`; a list is read to its end and returned as text.
    mutating func value(_ v: GMLToken, key: GMLToken) throws(GraphIOError) -> (RawValue, isList: Bool) {
        switch v.kind {
        case .integer(let i): return (.integer(i), false)
        case .real(let d): return (.double(d), false)
        case .string: return (.string(lexer.stringValue(v)), false)
        case .open: return (.string(try listText(open: v)), true)
        case .key:
            if lexer.keyIs(v, "NAN") || lexer.keyIs(v, "nan") { return (.double(.nan), false) }
            if lexer.keyIs(v, "INF") || lexer.keyIs(v, "inf") { return (.double(.infinity), false) }
            fallthrough
        default:
            throw source.error(at: v.start, "expected a value (number, string or '[') after key \(GraphIOError.quote(lexer.text(key))), found \(describe(v))")
        }
    }

    /// Reads a nested list after its `[` and returns its text, checking it is made of
    /// `key value` pairs with balanced brackets.
    private mutating func listText(open: GMLToken) throws(GraphIOError) -> String {
        var out = "["
        var depth = 1
        var expectKey = true
        var lastKey = open
        while true {
            let t = try lexer.next()
            switch t.kind {
            case .end:
                let (l, c) = source.location(of: open.start)
                throw source.error(at: t.start, "the '[' at line \(l) column \(c) is never closed: unexpected end of file; expected ']'")
            case .close:
                guard expectKey else {
                    throw source.error(at: t.start, "expected a value after key \(GraphIOError.quote(lexer.text(lastKey))), found ']'")
                }
                depth -= 1
                out += "]"
                if depth == 0 { return out }
            case .open:
                guard !expectKey else {
                    throw source.error(at: t.start, "expected a key or ']', found '['")
                }
                depth += 1
                out += out.last == "[" ? "[" : " ["
                expectKey = true
                continue
            case .key where expectKey:
                lastKey = t
                if out.last != "[" { out += " " }
                out += lexer.text(t)
                expectKey = false
                continue
            case .key:
                guard lexer.keyIs(t, "NAN") || lexer.keyIs(t, "INF") || lexer.keyIs(t, "nan") || lexer.keyIs(t, "inf") else {
                    throw source.error(at: t.start, "expected a value after key \(GraphIOError.quote(lexer.text(lastKey))), found \(describe(t))")
                }
                out += " " + lexer.text(t)
            default:
                guard !expectKey else {
                    throw source.error(at: t.start, "expected a key or ']', found \(describe(t))")
                }
                out += " " + lexer.text(t)
            }
            expectKey = true
        }
    }
}
