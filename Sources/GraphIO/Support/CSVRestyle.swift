/// Rewrites CSV that a command wrote with commas (one table, or several separated by a blank
/// line) in a ``TableStyle`` and with chosen columns: the one place every CSV output passes
/// through, whichever command made it.
public enum CSVRestyle {
    /// The CSV in `style` (a byte-order mark and `;` for Excel; a decimal comma in numbers with
    /// a fraction), keeping only `columns` (nil: all) of each table, in that order.
    /// - Throws: `.unsupported` for a column a table does not have (with the closest name).
    /// - Complexity: O(bytes).
    public static func restyle(_ bytes: [UInt8], style: TableStyle, columns: [String]?) throws(GraphIOError) -> [UInt8] {
        let text = SourceText(name: "-", bytes: bytes)
        var reader = CSVReader(text)
        let sep: UInt8 = style.excel ? 59 : 44
        var w = ByteWriter()
        if style.excel { w.bytes += [0xEF, 0xBB, 0xBF] }
        var pick: [Int]?
        var header = true
        var previousEnd = -1
        while let r = try reader.next() {
            if previousEnd >= 0 {
                // A blank line before this record starts a new table (with its header).
                var newlines = 0
                for i in previousEnd..<r.offset where bytes[i] == 10 { newlines += 1 }
                if newlines > 1 { w.newline(); header = true }
            }
            previousEnd = r.end
            let values = r.fields.map(\.value)
            if header {
                header = false
                if let columns {
                    var idx: [Int] = []
                    for c in columns {
                        guard let i = values.firstIndex(of: c) else {
                            let near = values.min { TextMatching.distance(c, $0) < TextMatching.distance(c, $1) }
                            let hint = near.flatMap { TextMatching.distance(c, $0) <= max(2, c.count / 3) ? "; did you mean \(GraphIOError.quote($0))?" : nil } ?? ""
                            throw GraphIOError(.unsupported, file: "--columns",
                                               "no column \(GraphIOError.quote(c)); the columns are \(values.joined(separator: ", "))\(hint)")
                        }
                        idx.append(i)
                    }
                    pick = idx
                } else {
                    pick = nil
                }
                write(values, pick, sep, decimalComma: false, &w)
            } else {
                write(values, pick, sep, decimalComma: style.decimalComma, &w)
            }
        }
        return w.bytes
    }

    private static func write(_ values: [String], _ pick: [Int]?, _ sep: UInt8, decimalComma: Bool, _ w: inout ByteWriter) {
        let chosen = pick.map { p in p.map { $0 < values.count ? values[$0] : "" } } ?? values
        for (k, v) in chosen.enumerated() {
            if k > 0 { w.write(byte: sep) }
            w.write(csvField(decimalComma && isDecimal(v) ? String(v.map { $0 == "." ? "," : $0 }) : v, separator: sep))
        }
        w.newline()
    }

    /// `-12.5`, `0.25`, `1.5e-07`: a number with a fraction (integers and ids are left alone).
    static func isDecimal(_ s: String) -> Bool {
        var sawDot = false, digitsBefore = false, digitsAfter = false
        var u = Substring(s).utf8[...]
        if u.first == 45 { u = u.dropFirst() }
        var i = u.startIndex
        while i < u.endIndex {
            let c = u[i]
            if c >= 48 && c <= 57 {
                if sawDot { digitsAfter = true } else { digitsBefore = true }
            } else if c == 46 && !sawDot {
                sawDot = true
            } else if (c == 101 || c == 69) && sawDot && digitsAfter {
                // An exponent: sign and digits only.
                var rest = u[u.index(after: i)...]
                if rest.first == 45 || rest.first == 43 { rest = rest.dropFirst() }
                return !rest.isEmpty && rest.allSatisfy { $0 >= 48 && $0 <= 57 } && digitsBefore
            } else {
                return false
            }
            i = u.index(after: i)
        }
        return sawDot && digitsBefore && digitsAfter
    }
}
