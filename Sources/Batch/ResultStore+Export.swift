import Foundation
import GRDB
import Interstice

extension ResultStore {
    /// Export formats: CSV (RFC 4180, a header row) or JSON Lines (one object per row).
    public enum ExportFormat: String, Sendable, CaseIterable {
        case csv, jsonl
    }

    /// The rows of a table in key order, each value as JSON (integers, doubles, text, null),
    /// leaving out the `excluding` columns.
    /// - Complexity: O(rows).
    public func rows(_ table: String, excluding: Set<String> = []) throws(GraphIOError) -> (columns: [String], rows: [[JSONValue]]) {
        guard let spec = ResultStore.tables.first(where: { $0.name == table }) else {
            throw GraphIOError(.unsupported, file: path, "no table \(GraphIOError.quote(table)); tables are \(ResultStore.tables.map(\.name).joined(separator: ", "))")
        }
        do {
            return try db.read { db in
                let stmt = try db.makeStatement(sql: "SELECT * FROM \(table) ORDER BY \(spec.key.joined(separator: ", "))")
                let names = stmt.columnNames
                let keep = names.indices.filter { !excluding.contains(names[$0]) }
                var out: [[JSONValue]] = []
                let cursor = try Row.fetchCursor(stmt)
                while let row = try cursor.next() {
                    out.append(keep.map { ResultStore.json(row[$0] as DatabaseValue) })
                }
                return (keep.map { names[$0] }, out)
            }
        } catch { throw io(error) }
    }

    static func json(_ v: DatabaseValue) -> JSONValue {
        switch v.storage {
        case .null: return .null
        case .int64(let i): return .int(Int(i))
        case .double(let d): return .double(d)
        case .string(let s): return .string(s)
        case .blob(let b): return .string(b.base64EncodedString())
        }
    }

    /// Writes each table as `<table>.csv` or `<table>.jsonl` into `folder` (atomically, file
    /// by file). Returns the files written.
    public func export(to folder: String, format: ExportFormat, tables: [String]? = nil) throws(GraphIOError) -> [String] {
        var written: [String] = []
        for t in tables ?? ResultStore.tables.map(\.name) {
            let (columns, rows) = try self.rows(t)
            let file = (folder as NSString).appendingPathComponent("\(t).\(format.rawValue)")
            try OutputFile.write(ResultStore.render(columns: columns, rows: rows, format: format), to: file)
            written.append(file)
        }
        return written
    }

    /// Rows as CSV or JSON Lines bytes.
    public static func render(columns: [String], rows: [[JSONValue]], format: ExportFormat) -> [UInt8] {
        switch format {
        case .csv:
            var t = ResultTable(columns: columns)
            for r in rows { t.append(r) }
            return t.render(.csv)
        case .jsonl:
            var w = ByteWriter()
            for r in rows {
                w.write(JSONValue.object(Array(zip(columns, r))).text(pretty: false))
                w.newline()
            }
            return w.bytes
        }
    }
}
