/// Splits text formats made of lines of tokens (edge lists, adjacency lists): separators are
/// spaces, tabs, commas and semicolons (runs count once), `#` and `%` start comment lines.
struct LineTokenizer {
    struct Token {
        var start: Int
        var end: Int
    }

    let text: SourceText
    var pos = 0
    /// Byte offset where the current line starts.
    var lineStart = 0

    init(_ text: SourceText) { self.text = text }

    @inline(__always) static func isSeparator(_ c: UInt8) -> Bool { c == 32 || c == 9 || c == 44 || c == 59 }

    /// The tokens of the next line that is not blank or a comment, or nil at the end. A comment
    /// line's text is passed to `comment` (without the marker).
    mutating func nextLine(tokens: inout [Token], comment: ((String) -> Void)? = nil) -> Bool {
        let b = text.bytes
        let n = b.count
        while pos < n {
            tokens.removeAll(keepingCapacity: true)
            lineStart = pos
            var i = pos
            while i < n && (b[i] == 32 || b[i] == 9) { i += 1 }
            var end = i
            while end < n && b[end] != 10 { end += 1 }
            pos = end + 1
            var lineEnd = end
            if lineEnd > i && b[lineEnd - 1] == 13 { lineEnd -= 1 }
            if i >= lineEnd { continue }
            if b[i] == 35 || b[i] == 37 {
                comment?(String(decoding: b[(i + 1)..<lineEnd], as: UTF8.self))
                continue
            }
            var j = i
            while j < lineEnd {
                while j < lineEnd && LineTokenizer.isSeparator(b[j]) { j += 1 }
                if j >= lineEnd { break }
                let s = j
                while j < lineEnd && !LineTokenizer.isSeparator(b[j]) { j += 1 }
                tokens.append(Token(start: s, end: j))
            }
            if !tokens.isEmpty { return true }
        }
        return false
    }

    func string(_ t: Token) -> String { String(decoding: text.bytes[t.start..<t.end], as: UTF8.self) }
}
