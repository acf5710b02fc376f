import Foundation

/// How a result table is written for the person who reads it: in a spreadsheet (``excel``), in
/// French (``decimalComma``), in a terminal (``width``), with some columns (``columns``).
public struct TableStyle: Sendable, Hashable {
    /// CSV for a spreadsheet: a UTF-8 byte-order mark and `;` between fields, so that Excel
    /// (French or English) opens it in columns with its accents.
    public var excel: Bool
    /// Numbers with a decimal comma (`0,25`), as French spreadsheets and readers expect.
    public var decimalComma: Bool
    /// The width a text table must fit in, in characters (nil: no limit).
    public var width: Int?

    public init(excel: Bool = false, decimalComma: Bool = false, width: Int? = 100) {
        self.excel = excel
        self.decimalComma = decimalComma
        self.width = width
    }
}

/// A table of results (one row per node, organization, …) that prints as an aligned text
/// table, CSV, or JSON (an array of objects keyed by column name).
///
/// ```swift
/// var t = ResultTable(columns: ["id", "betweenness"])
/// t.append(["as1", .double(0.25)])
/// print(String(decoding: t.render(.table), as: UTF8.self))
/// ```
public struct ResultTable: Sendable, Hashable {
    /// Output forms.
    public enum Format: String, Sendable, CaseIterable {
        case table, json, csv
    }

    public let columns: [String]
    public private(set) var rows: [[JSONValue]] = []
    /// Digits after the point for doubles in the text table (CSV and JSON keep full precision).
    public var tableDigits = 6

    public init(columns: [String]) { self.columns = columns }

    /// Appends a row; it must have one value per column.
    public mutating func append(_ row: [JSONValue]) {
        precondition(row.count == columns.count, "ResultTable: a row needs \(columns.count) values")
        rows.append(row)
    }

    /// The table as bytes in a format, in the default style (CSV with commas, text tables
    /// fitted to 100 columns).
    public func render(_ format: Format) -> [UInt8] {
        render(format, style: TableStyle())
    }

    /// The table as bytes in a format and style.
    /// - Complexity: O(cells) (plus the wrapping of text cells in a table too wide).
    public func render(_ format: Format, style: TableStyle) -> [UInt8] {
        switch format {
        case .json:
            let arr = JSONValue.array(rows.map { r in .object(Array(zip(columns, r))) })
            return Array((arr.text() + "\n").utf8)
        case .csv:
            let sep: UInt8 = style.excel ? 59 : 44
            var w = ByteWriter()
            if style.excel { w.bytes += [0xEF, 0xBB, 0xBF] }
            w.write(columns.map { csvField($0, separator: sep) }.joined(separator: String(UnicodeScalar(sep))))
            w.newline()
            for r in rows {
                w.write(r.map { v in
                    var t = csvText(v)
                    if style.decimalComma, case .double = v { t = t.replacingOccurrences(of: ".", with: ",") }
                    return csvField(t, separator: sep)
                }.joined(separator: String(UnicodeScalar(sep))))
                w.newline()
            }
            return w.bytes
        case .table:
            return Array(textTable(style: style).utf8)
        }
    }

    /// The text form: columns aligned (numbers right), `label` left out when it only repeats
    /// the id (the `id` column, else the first); wider than `style.width`, text cells wrap at spaces, and when the numbers alone are
    /// too wide the columns are printed in groups, each repeating the first column.
    func textTable(style: TableStyle) -> String {
        var keep = Array(columns.indices)
        // A label that repeats the row's id (the `id` column, else the first one) is left out.
        if let label = columns.firstIndex(of: "label"), let id = columns.firstIndex(of: "id") ?? (label > 0 ? 0 : nil),
           rows.allSatisfy({ tableText($0[label]) == tableText($0[id]) || $0[label] == .null }) {
            keep.removeAll { $0 == label }
        }
        var cells = rows.map { r in keep.map { i in tableText(r[i], decimalComma: style.decimalComma) } }
        let names = keep.map { columns[$0] }
        let numeric = keep.map { i in
            !rows.isEmpty && rows.allSatisfy { r in
                switch r[i] { case .int, .double, .null: true; default: false }
            }
        }
        var width = names.map(\.count)
        for r in cells { for (i, c) in r.enumerated() { width[i] = max(width[i], c.count) } }
        func total(_ ws: [Int]) -> Int { ws.reduce(0, +) + 2 * max(0, ws.count - 1) }
        let limit = style.width ?? Int.max
        if total(width) > limit {
            // Share the width left by the numbers among the text columns, narrowest first: a
            // column narrower than its share keeps its width, the rest share what is left
            // (never below the header or 12 characters).
            let text = width.indices.filter { !numeric[$0] }.sorted { width[$0] < width[$1] }
            var left = limit - width.indices.filter { numeric[$0] }.map { width[$0] }.reduce(0, +) - 2 * (width.count - 1)
            for (k, i) in text.enumerated() {
                let share = max(left / (text.count - k), max(12, names[i].count))
                width[i] = min(width[i], share)
                left -= width[i]
            }
        }
        var wrapped: [[[String]]] = []
        for r in cells.indices {
            wrapped.append(cells[r].enumerated().map { i, c in numeric[i] ? [c] : ResultTable.wrap(c, width[i]) })
        }
        cells = []
        // Column groups that fit: the first column, then as many as fit, repeated.
        var groups: [[Int]] = []
        var current: [Int] = []
        for i in names.indices {
            if !current.isEmpty && total((current + [i]).map { width[$0] }) > limit && current != [0] {
                groups.append(current)
                current = i == 0 ? [] : [0]
            }
            current.append(i)
        }
        if !current.isEmpty { groups.append(current) }
        var out = ""
        for (k, g) in groups.enumerated() {
            if k > 0 { out += "\n" }
            func line(_ parts: [String]) -> String {
                zip(g, parts).map { i, c in
                    let pad = String(repeating: " ", count: max(0, width[i] - c.count))
                    return numeric[i] ? pad + c : c + pad
                }.joined(separator: "  ").replacingTrailingSpaces()
            }
            out += line(g.map { names[$0] }) + "\n"
            out += g.map { String(repeating: "-", count: width[$0]) }.joined(separator: "  ") + "\n"
            for r in wrapped {
                let height = g.map { r[$0].count }.max() ?? 1
                for l in 0..<height {
                    out += line(g.map { l < r[$0].count ? r[$0][l] : "" }) + "\n"
                }
            }
        }
        return out
    }

    /// A text cut into lines of at most `width` characters, at spaces when it can.
    static func wrap(_ text: String, _ width: Int) -> [String] {
        guard text.count > width, width > 0 else { return [text] }
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: false) {
            var w = Substring(word)
            while w.count > width {
                if !line.isEmpty { lines.append(line); line = "" }
                // Break after a path, list or compound separator when there is one.
                let head = w.prefix(width)
                let cut = head.lastIndex { "/,-_:;".contains($0) }.map { w.index(after: $0) }
                let end = cut.flatMap { w.distance(from: w.startIndex, to: $0) >= width / 3 ? $0 : nil } ?? head.endIndex
                lines.append(String(w[..<end]))
                w = w[end...]
            }
            if line.isEmpty {
                line = String(w)
            } else if line.count + 1 + w.count <= width {
                line += " " + w
            } else {
                lines.append(line)
                line = String(w)
            }
        }
        if !line.isEmpty || lines.isEmpty { lines.append(line) }
        return lines
    }

    /// The table with only the named columns, in that order.
    /// - Throws: `.unsupported` naming an unknown column and the closest one.
    public func selecting(_ names: [String]) throws(GraphIOError) -> ResultTable {
        var idx: [Int] = []
        for n in names {
            guard let i = columns.firstIndex(of: n) else {
                let near = columns.min { a, b in TextMatching.distance(n, a) < TextMatching.distance(n, b) }
                let hint = near.map { TextMatching.distance(n, $0) <= max(2, n.count / 3) ? "; did you mean \(GraphIOError.quote($0))?" : "" } ?? ""
                throw GraphIOError(.unsupported, file: "--columns",
                                   "no column \(GraphIOError.quote(n)); the columns are \(columns.joined(separator: ", "))\(hint)")
            }
            idx.append(i)
        }
        var t = ResultTable(columns: idx.map { columns[$0] })
        t.tableDigits = tableDigits
        for r in rows { t.append(idx.map { r[$0] }) }
        return t
    }

    func csvText(_ v: JSONValue) -> String {
        switch v {
        case .null: return ""
        case .string(let s): return s
        case .double(let d): return d.isFinite ? String(d) : (d.isNaN ? "NaN" : (d > 0 ? "Infinity" : "-Infinity"))
        default: return v.text(pretty: false)
        }
    }

    func tableText(_ v: JSONValue, decimalComma: Bool = false) -> String {
        switch v {
        case .null: return "-"
        case .string(let s): return s
        case .double(let d):
            if !d.isFinite { return d.isNaN ? "NaN" : (d > 0 ? "inf" : "-inf") }
            let t = fixed(d, digits: tableDigits)
            return decimalComma ? t.replacingOccurrences(of: ".", with: ",") : t
        default: return v.text(pretty: false)
        }
    }

    /// `d` with `digits` decimals, without Foundation's `String(format:)`.
    public func fixed(_ d: Double, digits: Int) -> String {
        if !d.isFinite { return d.isNaN ? "NaN" : (d > 0 ? "inf" : "-inf") }
        let scale = (0..<digits).reduce(1.0) { r, _ in r * 10 }
        let scaled = (abs(d) * scale).rounded()
        if scaled >= 9.0e15 { return String(d) }
        let whole = Int(scaled) / Int(scale), frac = Int(scaled) % Int(scale)
        let fs = String(frac)
        let sign = d < 0 && scaled != 0 ? "-" : ""
        if digits == 0 { return sign + String(whole) }
        return sign + String(whole) + "." + String(repeating: "0", count: digits - fs.count) + fs
    }
}

private extension String {
    func replacingTrailingSpaces() -> String {
        var s = self
        while s.last == " " { s.removeLast() }
        return s
    }
}
