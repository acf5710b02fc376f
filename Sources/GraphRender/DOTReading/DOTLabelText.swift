/// The text a Graphviz label shows, from the label attribute as written in DOT.
///
/// Written by hand: Graphviz expands these escapes only inside its layout (`make_label`) and
/// exposes no function for it; the rules follow its documentation of `escString` and of
/// HTML-like labels.
enum DOTLabelText {
    /// Expands an `escString` label: `\n`, `\l`, `\r` end a line, `\N` is the object's name,
    /// `\G` the graph's name, `\\` a backslash, any other `\x` is `x`; a final line end is dropped.
    ///
    /// ```swift
    /// DOTLabelText.expand(#"\N\nsecond"#, name: "a", graph: "G")   // "a\nsecond"
    /// ```
    /// - Complexity: O(length).
    static func expand(_ s: String, name: String, graph: String) -> String {
        guard s.contains("\\") else { return s }
        var out = ""
        var it = s.makeIterator()
        var endedWithBreak = false
        while let c = it.next() {
            endedWithBreak = false
            guard c == "\\" else { out.append(c); continue }
            guard let e = it.next() else { out.append("\\"); break }
            switch e {
            case "n", "l", "r": out.append("\n"); endedWithBreak = true
            case "N": out += name
            case "G": out += graph
            default: out.append(e)
            }
        }
        if endedWithBreak { out.removeLast() }
        return out
    }

    /// The text of an HTML-like label: tags removed (`<BR/>` and row ends become line breaks,
    /// cell ends a space), the five XML entities and numeric references decoded, spaces collapsed.
    ///
    /// ```swift
    /// DOTLabelText.htmlText("<B>a</B> &amp; b<BR/>c")   // "a & b\nc"
    /// ```
    /// - Complexity: O(length).
    static func htmlText(_ s: String) -> String {
        var text = ""
        var i = s.startIndex
        while i < s.endIndex {
            let c = s[i]
            if c == "<" {
                let end = s[i...].firstIndex(of: ">") ?? s.endIndex
                let tag = s[s.index(after: i)..<end].lowercased()
                if tag.hasPrefix("br") || tag == "/tr" { text.append("\n") }
                else if tag == "/td" { text.append(" ") }
                i = end < s.endIndex ? s.index(after: end) : end
            } else if c == "&", let semi = s[i...].prefix(10).firstIndex(of: ";") {
                let entity = String(s[s.index(after: i)..<semi])
                if let decoded = decodeEntity(entity) { text.append(decoded); i = s.index(after: semi) }
                else { text.append(c); i = s.index(after: i) }
            } else {
                text.append(c)
                i = s.index(after: i)
            }
        }
        // Collapse runs of spaces within lines, drop empty lines.
        let lines = text.split(separator: "\n").map { line in
            line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" }).joined(separator: " ")
        }
        return lines.filter { !$0.isEmpty }.joined(separator: "\n")
    }

    private static func decodeEntity(_ e: String) -> Character? {
        switch e {
        case "amp": return "&"
        case "lt": return "<"
        case "gt": return ">"
        case "quot": return "\""
        case "apos": return "'"
        case "nbsp": return " "
        default:
            guard e.hasPrefix("#") else { return nil }
            let digits = e.dropFirst()
            let value = digits.hasPrefix("x") || digits.hasPrefix("X")
                ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
            return value.flatMap(Unicode.Scalar.init).map(Character.init)
        }
    }
}
