/// Delimited text as Excel and LibreOffice export it: `;`, `,` or tab separated (sniffed from
/// the header line), quoted fields with `""` escapes and line breaks, LF or CRLF, UTF-8 with or
/// without a byte-order mark, or Windows-1252. Built on the native format's `CSVReader`.
enum DelimitedSheet {
    /// Decodes the text of a sheet.
    /// - Complexity: O(bytes).
    static func decode(_ source: SourceText, options: SheetOptions) throws(GraphIOError) -> Sheet {
        let text: SourceText
        switch options.encoding {
        case .utf8:
            if let nul = source.bytes.firstIndex(of: 0) {
                throw source.error(at: nul, "binary data (a NUL byte): this is not a text file; save the sheet as CSV or .xlsx")
            }
            if let bad = SourceText.firstInvalidUTF8(source.bytes) {
                throw source.error(at: bad, "invalid UTF-8 (byte 0x\(GraphIOError.hex(source.bytes[bad]))): if Excel saved it as plain \"CSV\", it is Windows-1252: pass --encoding cp1252")
            }
            text = source
        case .cp1252:
            text = try Windows1252.transcode(source)
        }
        let sep: UInt8
        if let d = options.delimiter {
            sep = d.asciiValue ?? 59
        } else {
            sep = sniff(text.bytes)
        }
        let lines = LineIndex(text.bytes)
        var reader = CSVReader(text, delimiter: sep)
        var rows: [[Sheet.Cell]] = []
        while let r = try reader.next() {
            var row: [Sheet.Cell] = []
            row.reserveCapacity(r.fields.count)
            var blank = true
            for f in r.fields {
                let (line, column) = lines.location(of: f.offset, in: text.bytes)
                row.append(Sheet.Cell(f.value, line: line, column: column))
                if blank && !f.value.allSatisfy(\.isWhitespace) { blank = false }
            }
            if !blank { rows.append(row) }
        }
        return Sheet(name: source.name, rows: rows, endLine: lines.starts.count)
    }

    /// The separator of a header line: the most frequent of `;`, tab and `,` outside quotes on
    /// the first line (`;` on a tie, `,` when there is none).
    static func sniff(_ b: [UInt8]) -> UInt8 {
        var counts: [UInt8: Int] = [59: 0, 9: 0, 44: 0]
        var quoted = false
        for c in b {
            if c == 34 { quoted.toggle(); continue }
            if quoted { continue }
            if c == 10 || c == 13 { break }
            if counts[c] != nil { counts[c]! += 1 }
        }
        var best: UInt8 = 44, most = 0
        for c: UInt8 in [59, 9, 44] where counts[c]! > most { best = c; most = counts[c]! }
        return best
    }
}

/// Line starts of a text, for locating many offsets in O(log lines) each.
struct LineIndex {
    /// Byte offset where each line starts.
    let starts: [Int]

    init(_ b: [UInt8]) {
        var s = [0]
        for i in b.indices where b[i] == 10 { s.append(i + 1) }
        if s.count > 1 && s.last == b.count { s.removeLast() }
        starts = s
    }

    /// 1-based line, and 1-based column in characters (Unicode scalars) from the line's start.
    func location(of offset: Int, in b: [UInt8]) -> (line: Int, column: Int) {
        var lo = 0, hi = starts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if starts[mid] <= offset { lo = mid } else { hi = mid - 1 }
        }
        var column = 1
        var i = starts[lo]
        while i < offset && i < b.count {
            if b[i] & 0xC0 != 0x80 { column += 1 }
            i += 1
        }
        return (lo + 1, column)
    }
}

/// Windows-1252 → UTF-8 (Excel's plain "CSV" export on Windows in Western Europe).
enum Windows1252 {
    /// Code points of bytes 0x80–0x9F; 0 where Windows-1252 defines no character.
    static let high: [UInt32] = [
        0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
        0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
    ]

    /// The text re-encoded as UTF-8 (a UTF-8 byte-order mark, if any, means the file is not
    /// Windows-1252: it is refused).
    static func transcode(_ source: SourceText) throws(GraphIOError) -> SourceText {
        let b = source.bytes
        if source.skipped > 0 {
            throw GraphIOError(.badData, file: source.name, line: 1, column: 1,
                               "the file starts with a UTF-8 byte-order mark: it is UTF-8, not Windows-1252; drop --encoding cp1252")
        }
        var out: [UInt8] = []
        out.reserveCapacity(b.count + b.count / 8)
        for (i, c) in b.enumerated() {
            if c < 0x80 {
                if c == 0 { throw source.error(at: i, "binary data (a NUL byte): this is not a text file") }
                out.append(c)
                continue
            }
            let v: UInt32 = c < 0xA0 ? high[Int(c - 0x80)] : UInt32(c)
            guard v != 0, let u = Unicode.Scalar(v) else {
                throw source.error(at: i, "byte 0x\(GraphIOError.hex(c)) is not a Windows-1252 character: is the file UTF-8? drop --encoding cp1252")
            }
            out.append(contentsOf: UTF8.encode(u)!)
        }
        return SourceText(name: source.name, bytes: out)
    }
}
