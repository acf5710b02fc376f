/// Splits text formats made of lines of tokens (edge lists, adjacency lists): separators are
/// spaces, tabs, commas and semicolons (runs count once), or one given delimiter; `#` and `%`
/// start comment lines. With `quotes`, a token may be quoted (`"Loïc Müller"`, a quote inside
/// doubled: `""`), so ids may hold spaces and separators.
struct LineTokenizer {
    struct Token {
        var start: Int
        var end: Int
        /// The token was quoted: `start..<end` is inside the quotes, `""` stands for `"`.
        var quoted = false
    }

    let text: SourceText
    /// The one separator byte; nil: spaces, tabs, commas and semicolons, runs counting once.
    /// With a delimiter, fields are split at each one (spaces around a field are dropped) and a
    /// field may be empty.
    let delimiter: UInt8?
    /// Whether a token starting with `"` is quoted.
    let quotes: Bool
    var pos = 0
    /// Byte offset where the current line starts.
    var lineStart = 0

    init(_ text: SourceText, delimiter: UInt8? = nil, quotes: Bool = false) {
        self.text = text
        self.delimiter = delimiter
        self.quotes = quotes
    }

    @inline(__always) static func isSeparator(_ c: UInt8) -> Bool { c == 32 || c == 9 || c == 44 || c == 59 }

    @inline(__always) func isSeparator(_ c: UInt8) -> Bool {
        if let delimiter { return c == delimiter }
        return LineTokenizer.isSeparator(c)
    }

    /// The tokens of the next line that is not blank or a comment, or nil at the end. A comment
    /// line's text is passed to `comment` (without the marker).
    /// - Throws: for a quote that does not close on its line, or text right after a closing quote.
    mutating func nextLine(tokens: inout [Token], comment: ((String) -> Void)? = nil) throws(GraphIOError) -> Bool {
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
            if delimiter != nil {
                try splitAtDelimiter(i, lineEnd, &tokens)
            } else {
                var j = i
                while j < lineEnd {
                    while j < lineEnd && LineTokenizer.isSeparator(b[j]) { j += 1 }
                    if j >= lineEnd { break }
                    if quotes && b[j] == 34 {
                        let t = try quoted(at: j, lineEnd)
                        tokens.append(t)
                        j = t.end + 1
                        continue
                    }
                    let s = j
                    while j < lineEnd && !LineTokenizer.isSeparator(b[j]) { j += 1 }
                    tokens.append(Token(start: s, end: j))
                }
            }
            if !tokens.isEmpty { return true }
        }
        return false
    }

    /// Fields between single delimiters, spaces around them dropped; trailing empty fields dropped.
    private func splitAtDelimiter(_ from: Int, _ lineEnd: Int, _ tokens: inout [Token]) throws(GraphIOError) {
        let b = text.bytes
        var j = from
        while true {
            while j < lineEnd && (b[j] == 32 || (b[j] == 9 && delimiter != 9)) { j += 1 }
            if quotes && j < lineEnd && b[j] == 34 {
                let t = try quoted(at: j, lineEnd)
                tokens.append(t)
                j = t.end + 1
                while j < lineEnd && (b[j] == 32 || (b[j] == 9 && delimiter != 9)) { j += 1 }
            } else {
                let s = j
                while j < lineEnd && b[j] != delimiter! { j += 1 }
                var e = j
                while e > s && (b[e - 1] == 32 || (b[e - 1] == 9 && delimiter != 9)) { e -= 1 }
                tokens.append(Token(start: s, end: e))
            }
            if j >= lineEnd { break }
            j += 1  // the delimiter
        }
        while let last = tokens.last, last.start == last.end, !last.quoted { tokens.removeLast() }
    }

    /// The quoted token whose opening quote is at `q`; it must close before `lineEnd`.
    private func quoted(at q: Int, _ lineEnd: Int) throws(GraphIOError) -> Token {
        let b = text.bytes
        var k = q + 1
        while k < lineEnd {
            if b[k] == 34 {
                if k + 1 < lineEnd && b[k + 1] == 34 { k += 2; continue }
                if k + 1 < lineEnd && !isSeparator(b[k + 1]) && b[k + 1] != 32 {
                    throw text.error(at: k + 1, "expected a separator or the end of the line after a closing quote, found \(GraphIOError.quote(bytes: b[(k + 1)..<min(lineEnd, k + 11)]))")
                }
                return Token(start: q + 1, end: k, quoted: true)
            }
            k += 1
        }
        throw text.error(at: q, "unclosed quote: a quoted id must close on its line")
    }

    func string(_ t: Token) -> String {
        guard t.quoted else { return String(decoding: text.bytes[t.start..<t.end], as: UTF8.self) }
        // Inside quotes every quote is doubled: keep one of each pair.
        var out: [UInt8] = []
        out.reserveCapacity(t.end - t.start)
        var k = t.start
        while k < t.end {
            out.append(text.bytes[k])
            k += text.bytes[k] == 34 ? 2 : 1
        }
        return String(decoding: out, as: UTF8.self)
    }
}
