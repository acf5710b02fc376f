import GraphCore

/// Writes JSON text: strings escaped per RFC 8259 (non-ASCII kept as UTF-8), numbers in their
/// shortest round-trip form, non-finite doubles as Python's `NaN` / `Infinity` / `-Infinity`.
enum JSONText {
    /// A string in double quotes.
    /// - Complexity: O(length).
    static func write(string s: String, into w: inout ByteWriter) {
        w.write(byte: 0x22)
        for c in s.utf8 {
            switch c {
            case 0x22: w.write("\\\"")
            case 0x5C: w.write("\\\\")
            case 0x0A: w.write("\\n")
            case 0x0D: w.write("\\r")
            case 0x09: w.write("\\t")
            case 0x08: w.write("\\b")
            case 0x0C: w.write("\\f")
            case 0..<0x20:
                w.write("\\u00")
                w.write(GraphIOError.hex(c).lowercased())
            default: w.write(byte: c)
            }
        }
        w.write(byte: 0x22)
    }

    /// A double: `1.5`, `2.0`, `1e-05`; `NaN`, `Infinity`, `-Infinity` as Python writes them.
    static func write(double d: Double, into w: inout ByteWriter) {
        w.write(AttributeValue.format(d))
    }

    /// An attribute value (dates as `"YYYY-MM-DD"` strings).
    static func write(_ value: AttributeValue, into w: inout ByteWriter) {
        switch value {
        case .string(let s): write(string: s, into: &w)
        case .integer(let i): w.write(int: i)
        case .double(let d): write(double: d, into: &w)
        case .boolean(let b): w.write(b ? "true" : "false")
        case .date(let d): write(string: d.description, into: &w)
        }
    }

    /// A parsed value, compactly (no spaces).
    /// - Complexity: O(size of the value); recursion is bounded by ``JSONParser/maximumDepth``.
    static func write(_ node: JSONNode, into w: inout ByteWriter) {
        switch node.value {
        case .null: w.write("null")
        case .boolean(let b): w.write(b ? "true" : "false")
        case .integer(let i): w.write(int: i)
        case .double(let d): write(double: d, into: &w)
        case .string(let s): write(string: s, into: &w)
        case .array(let items):
            w.write(byte: 0x5B)
            for (k, item) in items.enumerated() {
                if k > 0 { w.write(byte: 0x2C) }
                write(item, into: &w)
            }
            w.write(byte: 0x5D)
        case .object(let members):
            w.write(byte: 0x7B)
            for (k, m) in members.enumerated() {
                if k > 0 { w.write(byte: 0x2C) }
                write(string: m.key, into: &w)
                w.write(byte: 0x3A)
                write(m.node, into: &w)
            }
            w.write(byte: 0x7D)
        }
    }
}
