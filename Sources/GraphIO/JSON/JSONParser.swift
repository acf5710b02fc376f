/// A JSON parser (RFC 8259) that records where each value starts, so that a reader's errors
/// (a wrong type, an unknown node id) point at a line and column.
///
/// Written by hand: Foundation's `JSONSerialization` and `JSONDecoder` report no location for
/// syntax errors and none at all for values, and no package on the machine does. Accepts
/// Python's `NaN`, `Infinity` and `-Infinity` (which `json.dumps`, and so networkx, writes for
/// non-finite floats); rejects trailing commas, comments, single quotes, control characters in
/// strings, lone surrogates, and nesting deeper than ``maximumDepth``. Not recursive: containers
/// are kept on an explicit stack.
struct JSONParser {
    let source: SourceText
    private var i = 0
    /// The deepest nesting accepted (deeper input is rejected rather than risking the stack
    /// when the tree is freed).
    static let maximumDepth = 512

    init(_ source: SourceText) { self.source = source }

    /// An open container. Its elements live in `items` / `members` (stacks of arrays mutated
    /// in place), so appending never copies a container.
    private enum Frame {
        case array(offset: Int)
        case object(offset: Int, key: String, keyOffset: Int)
    }

    /// Parses the whole text as one JSON value.
    /// - Complexity: O(length).
    mutating func parse() throws(GraphIOError) -> JSONNode {
        var stack: [Frame] = []
        var items: [[JSONNode]] = []
        var members: [[JSONMember]] = []
        var result: JSONNode?
        valueLoop: while true {
            // Parse a value (or open a container).
            skipSpace()
            guard i < source.bytes.count else {
                throw source.error(at: i, stack.isEmpty ? "unexpected end of file: the file is empty; expected a JSON value" : "unexpected end of file inside \(open(stack)); expected a value")
            }
            var node: JSONNode
            let c = source.bytes[i]
            if c == 0x7B || c == 0x5B {
                guard stack.count < JSONParser.maximumDepth else {
                    throw source.error(at: i, "nesting deeper than \(JSONParser.maximumDepth) levels")
                }
                let start = i
                i += 1
                skipSpace()
                if c == 0x5B {
                    if peek() == 0x5D { i += 1; node = JSONNode(value: .array([]), offset: start) }
                    else { stack.append(.array(offset: start)); items.append([]); continue valueLoop }
                } else {
                    if peek() == 0x7D { i += 1; node = JSONNode(value: .object([]), offset: start) }
                    else {
                        let (key, keyOffset) = try memberKey(afterComma: false)
                        stack.append(.object(offset: start, key: key, keyOffset: keyOffset))
                        members.append([])
                        continue valueLoop
                    }
                }
            } else {
                node = try scalar()
            }
            // Attach the finished value to its container, closing containers as they end.
            while let top = stack.last {
                skipSpace()
                let next = peek()
                switch top {
                case .array(let offset):
                    items[items.count - 1].append(node)
                    if next == 0x2C {
                        i += 1
                        skipSpace()
                        if peek() == 0x5D { throw source.error(at: i, "a trailing comma before ']'; expected a value after ','") }
                        continue valueLoop
                    }
                    guard next == 0x5D else { throw unexpected("',' or ']' after an array element", open: "the array", at: offset) }
                    i += 1
                    stack.removeLast()
                    node = JSONNode(value: .array(items.removeLast()), offset: offset)
                case .object(let offset, let key, let keyOffset):
                    members[members.count - 1].append(JSONMember(key: key, keyOffset: keyOffset, node: node))
                    if next == 0x2C {
                        i += 1
                        let (k, ko) = try memberKey(afterComma: true)
                        stack[stack.count - 1] = .object(offset: offset, key: k, keyOffset: ko)
                        continue valueLoop
                    }
                    guard next == 0x7D else { throw unexpected("',' or '}' after an object member", open: "the object", at: offset) }
                    i += 1
                    stack.removeLast()
                    node = JSONNode(value: .object(members.removeLast()), offset: offset)
                }
            }
            result = node
            break
        }
        skipSpace()
        if i < source.bytes.count {
            throw source.error(at: i, "text after the end of the JSON value: \(foundText()); expected the end of the file")
        }
        guard let result else { throw source.error(at: 0, "no JSON value") }
        return result
    }

    // MARK: Pieces

    private func peek() -> UInt8? { i < source.bytes.count ? source.bytes[i] : nil }

    private mutating func skipSpace() {
        let b = source.bytes
        while i < b.count, b[i] == 0x20 || b[i] == 0x0A || b[i] == 0x0D || b[i] == 0x09 { i += 1 }
    }

    private func open(_ stack: [Frame]) -> String {
        guard let top = stack.last else { return "the value" }
        switch top {
        case .array(let o): let (l, c) = source.location(of: o); return "the array opened at line \(l) column \(c)"
        case .object(let o, _, _): let (l, c) = source.location(of: o); return "the object opened at line \(l) column \(c)"
        }
    }

    /// The text at the current position, for messages.
    private func foundText() -> String {
        guard i < source.bytes.count else { return "the end of file" }
        var e = i + 1
        while e < source.bytes.count && e < i + 20 && source.bytes[e] > 0x20 && source.bytes[e] != 0x2C { e += 1 }
        return GraphIOError.quote(bytes: source.bytes[i..<e])
    }

    private func unexpected(_ expected: String, open what: String, at offset: Int) -> GraphIOError {
        if i >= source.bytes.count {
            let (l, c) = source.location(of: offset)
            return source.error(at: i, "unexpected end of file inside \(what) opened at line \(l) column \(c); expected \(expected)")
        }
        return source.error(at: i, "expected \(expected), found \(foundText())")
    }

    /// `"key" :` of an object member (after `{` or `,`).
    private mutating func memberKey(afterComma: Bool) throws(GraphIOError) -> (String, Int) {
        skipSpace()
        guard peek() == 0x22 else {
            if afterComma && peek() == 0x7D { throw source.error(at: i, "a trailing comma before '}'; expected a \"key\" after ','") }
            if i >= source.bytes.count { throw source.error(at: i, "unexpected end of file inside an object; expected a \"key\"") }
            throw source.error(at: i, "expected a \"key\" in double quotes, found \(foundText())")
        }
        let offset = i
        let key = try string()
        skipSpace()
        guard peek() == 0x3A else { throw source.error(at: i, "expected ':' after the key \(GraphIOError.quote(key)), found \(foundText())") }
        i += 1
        return (key, offset)
    }

    /// A string, number, `true`, `false`, `null`, `NaN`, `Infinity` or `-Infinity`.
    private mutating func scalar() throws(GraphIOError) -> JSONNode {
        let start = i
        let b = source.bytes
        switch b[i] {
        case 0x22:
            return JSONNode(value: .string(try string()), offset: start)
        case 0x2D, 0x30...0x39:
            return JSONNode(value: try number(), offset: start)
        default:
            for (word, value) in [("true", JSONNode.Value.boolean(true)), ("false", .boolean(false)), ("null", .null),
                                  ("NaN", .double(.nan)), ("Infinity", .double(.infinity))] where matches(word) {
                i += word.utf8.count
                return JSONNode(value: value, offset: start)
            }
            throw source.error(at: i, "expected a value (a string, number, object, array, true, false or null), found \(foundText())")
        }
    }

    private func matches(_ word: String) -> Bool {
        let w = Array(word.utf8)
        guard i + w.count <= source.bytes.count else { return false }
        for k in 0..<w.count where source.bytes[i + k] != w[k] { return false }
        if i + w.count < source.bytes.count {
            let c = source.bytes[i + w.count]
            if (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A || (c >= 0x30 && c <= 0x39) { return false }
        }
        return true
    }

    /// `-?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?`, or `-Infinity`.
    private mutating func number() throws(GraphIOError) -> JSONNode.Value {
        let b = source.bytes
        let n = b.count
        let start = i
        func digit(_ k: Int) -> Bool { k < n && b[k] >= 0x30 && b[k] <= 0x39 }
        if b[i] == 0x2D {
            i += 1
            if matches("Infinity") { i += 8; return .double(-.infinity) }
        }
        let source = self.source
        func bad(_ i: Int) -> GraphIOError {
            var e = i
            while e < n && e < start + 24 && (digit(e) || b[e] == 0x2E || b[e] == 0x2B || b[e] == 0x2D || (b[e] | 0x20) == 0x65 || (b[e] | 0x20) >= 0x61 && (b[e] | 0x20) <= 0x7A) { e += 1 }
            return source.error(at: start, "\(GraphIOError.quote(bytes: b[start..<max(e, start + 1)])) is not a JSON number; expected digits such as 12, -0.5 or 1e-3")
        }
        guard digit(i) else { throw bad(i) }
        if b[i] == 0x30 { i += 1; if digit(i) { throw bad(i) } } else { while digit(i) { i += 1 } }
        var isInteger = true
        if i < n && b[i] == 0x2E {
            i += 1
            guard digit(i) else { throw bad(i) }
            while digit(i) { i += 1 }
            isInteger = false
        }
        if i < n && (b[i] | 0x20) == 0x65 {
            i += 1
            if i < n && (b[i] == 0x2B || b[i] == 0x2D) { i += 1 }
            guard digit(i) else { throw bad(i) }
            while digit(i) { i += 1 }
            isInteger = false
        }
        if i < n && ((b[i] | 0x20) >= 0x61 && (b[i] | 0x20) <= 0x7A || b[i] == 0x2E) { throw bad(i) }
        let text = String(decoding: b[start..<i], as: UTF8.self)
        if isInteger, let v = Int(text) { return .integer(v) }
        guard let d = Double(text) else { throw bad(i) }
        return .double(d)
    }

    /// A string after its opening quote; escapes decoded, surrogate pairs joined.
    private mutating func string() throws(GraphIOError) -> String {
        let b = source.bytes
        let n = b.count
        let open = i
        i += 1
        // Fast path: no escapes.
        var j = i
        while j < n && b[j] != 0x22 && b[j] != 0x5C && b[j] >= 0x20 { j += 1 }
        if j < n && b[j] == 0x22 {
            let s = String(decoding: b[i..<j], as: UTF8.self)
            i = j + 1
            return s
        }
        var out: [UInt8] = Array(b[i..<j])
        i = j
        while true {
            guard i < n else {
                throw source.error(at: open, "this string is never closed: unexpected end of file; expected a closing quote '\"'")
            }
            let c = b[i]
            if c == 0x22 { i += 1; break }
            if c < 0x20 {
                throw source.error(at: i, "a control character (0x\(GraphIOError.hex(c))) inside a string; expected it escaped, such as \\n")
            }
            if c != 0x5C { out.append(c); i += 1; continue }
            guard i + 1 < n else { throw source.error(at: open, "this string is never closed: unexpected end of file; expected a closing quote '\"'") }
            let e = b[i + 1]
            switch e {
            case 0x22, 0x5C, 0x2F: out.append(e)
            case 0x62: out.append(0x08)
            case 0x66: out.append(0x0C)
            case 0x6E: out.append(0x0A)
            case 0x72: out.append(0x0D)
            case 0x74: out.append(0x09)
            case 0x75:
                let escapeStart = i
                var code = try hex4(at: i + 2)
                i += 6
                if code >= 0xD800 && code < 0xDC00 {
                    let lone = source.error(at: escapeStart, "a lone surrogate \\u\(String(code, radix: 16)); expected a pair such as \\ud83d\\ude00")
                    guard i + 1 < n, b[i] == 0x5C, b[i + 1] == 0x75 else { throw lone }
                    let low = try hex4(at: i + 2)
                    guard low >= 0xDC00 && low < 0xE000 else { throw lone }
                    code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                    i += 6
                } else if code >= 0xDC00 && code < 0xE000 {
                    throw source.error(at: escapeStart, "a lone surrogate \\u\(String(code, radix: 16)); expected a pair such as \\ud83d\\ude00")
                }
                guard let scalar = Unicode.Scalar(code) else {
                    throw source.error(at: escapeStart, "\\u\(String(code, radix: 16)) is not a character")
                }
                out.append(contentsOf: Array(String(scalar).utf8))
                continue
            default:
                throw source.error(at: i, "an invalid escape \(GraphIOError.quote(bytes: b[i..<(i + 2)])); expected one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX")
            }
            i += 2
        }
        return String(decoding: out, as: UTF8.self)
    }

    private func hex4(at k: Int) throws(GraphIOError) -> UInt32 {
        let b = source.bytes
        guard k + 4 <= b.count else { throw source.error(at: k - 2, "\\u needs four hex digits") }
        var v: UInt32 = 0
        for p in k..<(k + 4) {
            let c = b[p]
            let d: UInt32
            switch c {
            case 0x30...0x39: d = UInt32(c - 0x30)
            case 0x41...0x46: d = UInt32(c - 0x41 + 10)
            case 0x61...0x66: d = UInt32(c - 0x61 + 10)
            default: throw source.error(at: k - 2, "\\u needs four hex digits, found \(GraphIOError.quote(bytes: b[(k - 2)..<(k + 4)]))")
            }
            v = v << 4 | d
        }
        return v
    }
}
