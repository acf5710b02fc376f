import Interstice

extension ManifestParser {
    /// The deepest nesting of collections a manifest may have (block indentation levels,
    /// compact `- - x` sequences and flow `[`/`{` counted together). A real manifest needs
    /// about six.
    static let maxDepth = 64

    /// Refuses a manifest nested deeper than ``maxDepth`` before Yams sees it: Yams composes
    /// the document recursively, so a few thousand nested levels (a few kilobytes of `[`)
    /// would overflow the stack.
    ///
    /// Written by hand because neither Yams nor libyaml bounds the depth. The scan is a
    /// conservative over-count of YAML's nesting: quoted scalars and comments are skipped, a
    /// block scalar's (`|`, `>`) more-indented lines are skipped, every deeper indentation,
    /// every `- ` and `? ` that opens a line's compact collection, and every open `[`/`{`
    /// count one level. Lines end where libyaml's do: at LF, CR, CRLF, NEL (U+0085), LS
    /// (U+2028) or PS (U+2029); a line split at LF only let `\r{{{…` through as one blank line
    /// (found by fuzzing, Tests/Fixtures/fuzz/manifest).
    /// - Complexity: O(bytes).
    /// - Throws: ``GraphIOError`` (`.badData`) at the line and column where the depth passes
    ///   the limit.
    static func checkDepth(_ bytes: [UInt8], file: String) throws(GraphIOError) {
        var indents: [Int] = []      // block levels open, by indentation column
        var flow = 0                 // open [ and {
        var line = 1
        var i = 0
        let n = bytes.count
        var blockScalarIndent = -1   // lines indented deeper than this belong to a block scalar
        func fail(_ column: Int) -> GraphIOError {
            GraphIOError(.badData, file: file, line: line, column: column,
                         "the manifest nests collections more than \(maxDepth) deep; Interstice reads at most \(maxDepth) levels")
        }
        while i < n {
            // One line: [i, end), then a break of `breakLength` bytes.
            var end = i
            var breakLength = 0
            while end < n {
                breakLength = lineBreak(bytes, at: end)
                if breakLength > 0 { break }
                end += 1
            }
            var k = i
            while k < end && bytes[k] == 32 { k += 1 }
            let indent = k - i
            let blank = k == end || bytes[k] == 13 || bytes[k] == 35   // empty, or a comment
            if blockScalarIndent >= 0 {
                if blank || indent > blockScalarIndent { line += 1; i = end + breakLength; continue }
                blockScalarIndent = -1
            }
            if !blank {
                if flow == 0 {
                    while let top = indents.last, top >= indent { indents.removeLast() }
                    indents.append(indent)
                    // Compact nested collections on one line: "- - x", "- key: - y" is invalid.
                    while k + 1 < end && (bytes[k] == 45 || bytes[k] == 63) && (bytes[k + 1] == 32 || bytes[k + 1] == 13) {
                        k += 2
                        while k < end && bytes[k] == 32 { k += 1 }
                        indents.append(k - i)
                        if indents.count > maxDepth { throw fail(k - i + 1) }
                    }
                    if indents.count + flow > maxDepth { throw fail(indent + 1) }
                }
                // The rest of the line: quotes, comments, flow brackets, a block scalar header.
                var quote: UInt8 = 0
                var last: UInt8 = 32
                var lastSignificant: UInt8 = 0
                while k < end {
                    let c = bytes[k]
                    if quote != 0 {
                        if quote == 34 && c == 92 { k += 2; continue }   // \" in a double-quoted scalar
                        if c == quote { quote = 0 }
                    } else if c == 35 && (last == 32 || last == 9) {
                        break                                            // a comment
                    } else if (c == 34 || c == 39) && (last == 32 || last == 9 || last == 91 || last == 123 || last == 44 || last == 58) {
                        quote = c
                    } else if c == 91 || c == 123 {
                        flow += 1
                        if indents.count + flow > maxDepth { throw fail(k - i + 1) }
                    } else if (c == 93 || c == 125) && flow > 0 {
                        flow -= 1
                    }
                    if c != 32 && c != 13 && c != 9 { lastSignificant = c }
                    last = c
                    k += 1
                }
                if flow == 0 && quote == 0 && lastSignificant != 0 && blockScalarHeader(bytes, i, k) {
                    // "|", ">", "|-", ">+", "|2": the more-indented lines that follow are text.
                    blockScalarIndent = indent
                }
            }
            line += 1
            i = end + max(breakLength, 1)
        }
    }

    /// The length of the line break at `i` as libyaml reads breaks (LF, CR, CRLF, and the UTF-8
    /// of NEL, LS and PS); 0 when none starts there.
    private static func lineBreak(_ bytes: [UInt8], at i: Int) -> Int {
        switch bytes[i] {
        case 10: return 1
        case 13: return i + 1 < bytes.count && bytes[i + 1] == 10 ? 2 : 1
        case 0xC2: return i + 1 < bytes.count && bytes[i + 1] == 0x85 ? 2 : 0
        case 0xE2: return i + 2 < bytes.count && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9) ? 3 : 0
        default: return 0
        }
    }

    /// Whether the line ends with a block scalar header (`|`, `>`, optionally followed by
    /// chomping and indentation indicators) after a space or at its start.
    private static func blockScalarHeader(_ bytes: [UInt8], _ start: Int, _ end: Int) -> Bool {
        var e = end
        while e > start && (bytes[e - 1] == 32 || bytes[e - 1] == 13) { e -= 1 }
        var k = e
        while k > start && (bytes[k - 1] == 45 || bytes[k - 1] == 43 || (bytes[k - 1] >= 48 && bytes[k - 1] <= 57)) { k -= 1 }
        guard k > start, bytes[k - 1] == 124 || bytes[k - 1] == 62 else { return false }
        return k - 1 == start || bytes[k - 2] == 32
    }
}
