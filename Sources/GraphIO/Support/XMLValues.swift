import GraphCore

/// Typed values from XML text, shared by the GraphML and GEXF readers.
enum XMLValues {
    /// `s` without surrounding XML whitespace (space, tab, line feed, carriage return).
    /// - Complexity: O(length).
    static func trimmed(_ s: String) -> String {
        let u = s.utf8
        guard let first = u.first, let last = u.last else { return s }
        let isSpace = { (c: UInt8) in c == 32 || c == 9 || c == 10 || c == 13 }
        if !isSpace(first) && !isSpace(last) { return s }
        let ws: (Character) -> Bool = { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" || $0 == "\r\n" }
        guard let f = s.firstIndex(where: { !ws($0) }), let l = s.lastIndex(where: { !ws($0) }) else { return "" }
        if f == s.startIndex && l == s.index(before: s.endIndex) { return s }
        return String(s[f...l])
    }

    /// Parses `text` as `type`: strings as they are, other types trimmed; empty → nil (missing).
    /// - Returns: `.success(nil)` for a missing value, `.failure` with what was expected.
    static func parse(_ text: String, as type: AttributeType) -> Result<AttributeValue?, Expected> {
        if type == .string { return .success(.string(text)) }
        let t = trimmed(text)
        if t.isEmpty { return .success(nil) }
        if let v = ValueText.parse(t, as: type) { return .success(v) }
        return .failure(Expected(type: type))
    }

    /// What a value of a type looks like, for messages.
    struct Expected: Error {
        let type: AttributeType
        var description: String {
            switch type {
            case .integer: "an integer"
            case .double: "a number"
            case .boolean: "true or false"
            case .date: "a date YYYY-MM-DD"
            case .string: "text"
            }
        }
    }
}
