import GraphCore

/// An error from reading or writing a graph file: what a user needs to fix it, on one line.
///
/// ```
/// edges.csv:14:3: expected a number for weight, found "abc"
/// ```
public struct GraphIOError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong, which also picks the CLI's exit code.
    public enum Kind: String, Sendable, Hashable {
        /// The data is malformed (exit 65).
        case badData
        /// The input does not exist (exit 66).
        case missingInput
        /// Reading or writing failed (exit 74).
        case io
        /// The format or option is not supported (exit 64).
        case unsupported
    }

    public let kind: Kind
    /// The file (its path as given), or `-` for standard input.
    public let file: String
    /// 1-based line, when known.
    public let line: Int?
    /// 1-based column (in bytes), when known.
    public let column: Int?
    /// What was expected and what was found.
    public let message: String

    public init(_ kind: Kind = .badData, file: String, line: Int? = nil, column: Int? = nil, _ message: String) {
        self.kind = kind
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    /// `file:line:column: message`, the parts that are known.
    public var description: String {
        var s = file
        if let line { s += ":\(line)" }
        if let column { s += ":\(column)" }
        return s + ": " + message
    }

    /// Shows a piece of input in a message: quoted, escaped, shortened to 40 characters.
    public static func quote<S: StringProtocol>(_ text: S) -> String {
        var out = "\""
        var n = 0
        for ch in text.unicodeScalars {
            if n == 40 { out += "…"; break }
            switch ch {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if ch.value < 0x20 || ch.value == 0x7f { out += "\\u{\(String(ch.value, radix: 16))}" }
                else { out.unicodeScalars.append(ch) }
            }
            n += 1
        }
        return out + "\""
    }

    /// Shows raw bytes in a message (invalid UTF-8 shows as `\xNN`).
    public static func quote(bytes: some Collection<UInt8>) -> String {
        let prefix = bytes.prefix(40)
        if let s = String(validating: prefix, as: UTF8.self) { return quote(s) + (bytes.count > 40 ? "…" : "") }
        return "\"" + prefix.map { $0 >= 0x20 && $0 < 0x7f ? String(UnicodeScalar($0)) : "\\x" + hex($0) }.joined() + "\""
    }

    static func hex(_ b: UInt8) -> String {
        let d = Array("0123456789ABCDEF")
        return String([d[Int(b >> 4)], d[Int(b & 15)]])
    }
}

extension GraphIOError {
    /// Wraps a model error at a location.
    init(_ e: NetworkError, file: String, line: Int? = nil, column: Int? = nil) {
        self.init(.badData, file: file, line: line, column: column, e.description)
    }
}
