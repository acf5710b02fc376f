/// One word of a Pajek line: a bare word or a `"quoted"` one (range without the quotes).
struct PajekWord: Sendable {
    var start: Int
    var end: Int
    var quoted: Bool
}

/// Splits Pajek text into lines of words, skipping blank lines and `%` comment lines.
///
/// Pajek (Batagelj and Mrvar, "Pajek: Program for Analysis and Visualization of Large
/// Networks", reference manual) is line-oriented: a `*Keyword` line starts a section and each
/// following line is one vertex, arc, row or value. Written by hand: no package reads Pajek.
struct PajekLines {
    let source: SourceText
    private var position = 0
    /// Offset of the current line's first byte.
    private(set) var lineStart = 0
    /// The current line's words.
    private(set) var words: [PajekWord] = []

    init(_ source: SourceText) { self.source = source }

    /// The text of a word (character references in quoted words decoded, as igraph writes `"`
    /// as `&#34;`).
    func text(_ w: PajekWord) -> String {
        let s = String(decoding: source.bytes[w.start..<w.end], as: UTF8.self)
        return w.quoted ? CharacterReferences.decode(s) : s
    }

    /// The text of a word as a substring-free string, without decoding (numbers, keywords).
    func raw(_ w: PajekWord) -> Substring {
        Substring(String(decoding: source.bytes[w.start..<w.end], as: UTF8.self))
    }

    /// A bare word read as a decimal integer (optional sign), without making a string; nil when
    /// it is not one or overflows.
    /// - Complexity: O(length of the word).
    func integer(_ w: PajekWord) -> Int? {
        guard !w.quoted, w.end > w.start else { return nil }
        let b = source.bytes
        var i = w.start
        var negative = false
        if b[i] == 0x2D || b[i] == 0x2B { negative = b[i] == 0x2D; i += 1 }
        guard i < w.end else { return nil }
        var v = 0
        while i < w.end {
            let d = Int(b[i]) - 0x30
            guard d >= 0 && d <= 9 else { return nil }
            let (m, o1) = v.multipliedReportingOverflow(by: 10)
            let (a, o2) = negative ? m.subtractingReportingOverflow(d) : m.addingReportingOverflow(d)
            guard !o1 && !o2 else { return nil }
            v = a
            i += 1
        }
        return v
    }

    /// Offset where a word starts in the file (its opening quote for quoted words).
    func offset(_ w: PajekWord) -> Int { w.quoted ? w.start - 1 : w.start }

    /// Moves to the next line that has words; false at the end of the file.
    /// - Complexity: O(length of the lines passed).
    mutating func nextLine() throws(GraphIOError) -> Bool {
        let b = source.bytes
        let n = b.count
        while position < n {
            lineStart = position
            var end = position
            while end < n && b[end] != 0x0A { end += 1 }
            let next = end + 1
            words.removeAll(keepingCapacity: true)
            var i = position
            while i < end {
                let c = b[i]
                if c == 0x20 || c == 0x09 || c == 0x0D || c == 0x0C || c == 0x0B { i += 1; continue }
                if words.isEmpty && c == 0x25 { break }   // `%` comment line
                if c == 0x22 {
                    var j = i + 1
                    while j < end && b[j] != 0x22 { j += 1 }
                    guard j < end else {
                        throw source.error(at: i, "this quote is never closed; expected a '\"' before the end of the line")
                    }
                    words.append(PajekWord(start: i + 1, end: j, quoted: true))
                    i = j + 1
                } else {
                    var j = i
                    while j < end {
                        let d = b[j]
                        if d == 0x20 || d == 0x09 || d == 0x0D || d == 0x0C || d == 0x0B { break }
                        j += 1
                    }
                    words.append(PajekWord(start: i, end: j, quoted: false))
                    i = j
                }
            }
            position = next
            if !words.isEmpty { return true }
        }
        lineStart = n
        words.removeAll()
        return false
    }

    /// Whether the current line starts a section (`*Keyword`).
    var isHeader: Bool {
        guard let w = words.first, !w.quoted else { return false }
        return source.bytes[w.start] == 0x2A
    }

    /// The current header's keyword, lowercased, without the `*`.
    var keyword: String {
        guard let w = words.first else { return "" }
        return String(decoding: source.bytes[(w.start + 1)..<w.end], as: UTF8.self).lowercased()
    }

    /// The rest of the current line after its first word, trimmed (a `*Network` name).
    var restOfLine: String {
        guard let first = words.first else { return "" }
        let b = source.bytes
        var end = first.end
        while end < b.count && b[end] != 0x0A { end += 1 }
        var a = first.end
        while a < end && (b[a] == 0x20 || b[a] == 0x09 || b[a] == 0x0D) { a += 1 }
        while end > a && (b[end - 1] == 0x20 || b[end - 1] == 0x09 || b[end - 1] == 0x0D) { end -= 1 }
        return String(decoding: b[a..<end], as: UTF8.self)
    }
}
