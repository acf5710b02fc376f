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

    /// The table as bytes in a format.
    public func render(_ format: Format) -> [UInt8] {
        switch format {
        case .json:
            let arr = JSONValue.array(rows.map { r in .object(Array(zip(columns, r))) })
            return Array((arr.text() + "\n").utf8)
        case .csv:
            var w = ByteWriter()
            w.write(columns.map(csvField).joined(separator: ","))
            w.newline()
            for r in rows {
                w.write(r.map { csvField(csvText($0)) }.joined(separator: ","))
                w.newline()
            }
            return w.bytes
        case .table:
            let cells = rows.map { $0.map(tableText) }
            var width = columns.map(\.count)
            for r in cells { for (i, c) in r.enumerated() { width[i] = max(width[i], c.count) } }
            let numeric = columns.indices.map { i in
                rows.allSatisfy { r in
                    switch r[i] { case .int, .double, .null: true; default: false }
                } && !rows.isEmpty
            }
            func line(_ r: [String]) -> String {
                r.enumerated().map { i, c in
                    let pad = String(repeating: " ", count: width[i] - c.count)
                    return numeric[i] ? pad + c : c + pad
                }.joined(separator: "  ").replacingTrailingSpaces()
            }
            var out = line(columns) + "\n"
            out += width.map { String(repeating: "-", count: $0) }.joined(separator: "  ") + "\n"
            for r in cells { out += line(r) + "\n" }
            return Array(out.utf8)
        }
    }

    func csvText(_ v: JSONValue) -> String {
        switch v {
        case .null: return ""
        case .string(let s): return s
        case .double(let d): return d.isFinite ? String(d) : (d.isNaN ? "NaN" : (d > 0 ? "Infinity" : "-Infinity"))
        default: return v.text(pretty: false)
        }
    }

    func tableText(_ v: JSONValue) -> String {
        switch v {
        case .null: return "-"
        case .string(let s): return s
        case .double(let d):
            if !d.isFinite { return d.isNaN ? "NaN" : (d > 0 ? "inf" : "-inf") }
            return fixed(d, digits: tableDigits)
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
