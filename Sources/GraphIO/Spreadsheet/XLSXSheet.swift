import Foundation
import ZIPFoundation

/// The first worksheet of an `.xlsx` workbook (Office Open XML, ECMA-376), read directly: the
/// zip archive through ZIPFoundation, `xl/workbook.xml`, its relationships, the shared strings
/// and the worksheet through the project's streaming `XMLReader` (no tree, no FoundationXML).
///
/// Cells come as the text Excel stores: shared and inline strings, numbers as written
/// (`2.5`), booleans as `TRUE`/`FALSE`, a formula's cached value. A number whose cell style
/// (`xl/styles.xml`: `cellXfs` → `numFmtId`, a built-in date format or a custom code with
/// day, month or year fields) shows a date reads as an ISO date, `YYYY-MM-DD` (with
/// `Thh:mm:ss` when the format also shows a time), from Excel's serial day in the workbook's
/// date system: 1900 (serial 1 = 1900-01-01, Excel's fictitious 1900-02-29 = 60 refused) or
/// 1904 (`<workbookPr date1904="1"/>`, serial 0 = 1904-01-01). Each part is unzipped with a
/// 256 MiB cap, so a zip bomb stops with an error.
enum XLSXSheet {
    /// The largest part unzipped.
    static let partCap = 256 << 20

    /// Reads the first worksheet.
    /// - Complexity: O(size of the unzipped parts).
    static func read(path: String) throws(GraphIOError) -> Sheet {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else {
            throw GraphIOError(.missingInput, file: path, "no such file")
        }
        guard !isDir.boolValue else { throw GraphIOError(.unsupported, file: path, "is a folder, not a file") }
        let archive: Archive
        do {
            archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        } catch {
            throw GraphIOError(.badData, file: path, "not an .xlsx workbook: it is not a zip archive (\(error))")
        }
        let (sheetPath, date1904) = try firstSheetPath(archive, path)
        var strings: [String] = []
        if let e = archive["xl/sharedStrings.xml"] {
            strings = try sharedStrings(extract(archive, e, path))
        }
        var dateStyles = DateStyles(date1904: date1904)
        if let e = archive["xl/styles.xml"] {
            dateStyles.styles = try XLSXDates.styles(extract(archive, e, path))
        }
        guard let entry = archive[sheetPath] else {
            throw GraphIOError(.badData, file: path, "not an .xlsx workbook: the first sheet's part \(sheetPath) is missing")
        }
        return try cells(extract(archive, entry, path), strings: strings, dates: dateStyles, name: path)
    }

    private struct OverCap: Error {}

    /// An archive member's bytes, unzipped with a size cap and its CRC-32 checked.
    static func extract(_ archive: Archive, _ entry: Entry, _ path: String) throws(GraphIOError) -> SourceText {
        let name = "\(path) (\(entry.path))"
        guard entry.uncompressedSize <= UInt64(partCap) else {
            throw GraphIOError(.badData, file: name, "declares \(entry.uncompressedSize) bytes unzipped, over the \(partCap >> 20) MiB limit")
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Int(entry.uncompressedSize))
        do {
            _ = try archive.extract(entry) { chunk in
                if bytes.count + chunk.count > partCap { throw OverCap() }
                bytes.append(contentsOf: chunk)
            }
        } catch is OverCap {
            throw GraphIOError(.badData, file: name, "unzips to more than \(partCap >> 20) MiB: refused")
        } catch {
            throw GraphIOError(.badData, file: name, "cannot be unzipped: \(error)")
        }
        return SourceText(name: name, bytes: bytes)
    }

    /// The part of the workbook's first `<sheet>`: its `r:id` looked up in
    /// `xl/_rels/workbook.xml.rels`; `xl/worksheets/sheet1.xml` when either part is missing.
    /// Also whether the workbook counts dates from 1904 (`<workbookPr date1904="1"/>`).
    static func firstSheetPath(_ archive: Archive, _ path: String) throws(GraphIOError) -> (String, date1904: Bool) {
        let fallback = "xl/worksheets/sheet1.xml"
        guard let wb = archive["xl/workbook.xml"] else {
            if archive["[Content_Types].xml"] == nil {
                throw GraphIOError(.badData, file: path, "not an .xlsx workbook: a zip archive without [Content_Types].xml")
            }
            return (fallback, false)
        }
        let wbText = try extract(archive, wb, path)
        var rid: String?
        var date1904 = false
        try wbText.bytes.withUnsafeBufferPointer { (b) throws(GraphIOError) in
            var xml = try XMLReader(text: wbText, bytes: b)
            while rid == nil {
                switch try xml.next() {
                case .start:
                    if xml.localName == "workbookPr", let v = xml.value("date1904") {
                        date1904 = v == "1" || v.lowercased() == "true"
                    }
                    if xml.localName == "sheet" {
                        for a in xml.attributes where xml.name(of: a).hasSuffix(":id") { rid = xml.value(of: a) }
                    }
                case .end: break
                case .endOfDocument: return
                }
            }
        }
        guard let rid, let rels = archive["xl/_rels/workbook.xml.rels"] else { return (fallback, date1904) }
        let relText = try extract(archive, rels, path)
        var target: String?
        try relText.bytes.withUnsafeBufferPointer { (b) throws(GraphIOError) in
            var xml = try XMLReader(text: relText, bytes: b)
            while target == nil {
                switch try xml.next() {
                case .start:
                    if xml.localName == "Relationship" && xml.value("Id") == rid { target = xml.value("Target") }
                case .end: break
                case .endOfDocument: return
                }
            }
        }
        guard let target else { return (fallback, date1904) }
        if target.hasPrefix("/") { return (String(target.dropFirst()), date1904) }
        return ("xl/" + target, date1904)
    }

    /// `<sst><si><t>…</t></si><si><r><t>a</t></r><r><t>b</t></r></si>…`: one string per `<si>`,
    /// its runs joined; phonetic runs (`<rPh>`) are left out.
    static func sharedStrings(_ text: SourceText) throws(GraphIOError) -> [String] {
        var out: [String] = []
        try text.bytes.withUnsafeBufferPointer { (b) throws(GraphIOError) in
            var xml = try XMLReader(text: text, bytes: b)
            var current = ""
            while true {
                switch try xml.next() {
                case .start:
                    if xml.isNamed("si") {
                        current = ""
                    } else if xml.isNamed("rPh") {
                        try xml.skipElement()
                    } else if xml.isNamed("t") {
                        current += try xml.readText().text
                    }
                case .end:
                    if xml.isNamed("si") { out.append(current) }
                case .endOfDocument:
                    return
                }
            }
        }
        return out
    }

    /// The cells of `<sheetData>`: rows by their `r`, cells by their reference (`C5`), the gaps
    /// filled with empty cells.
    static func cells(_ text: SourceText, strings: [String], dates: DateStyles = DateStyles(), name: String) throws(GraphIOError) -> Sheet {
        var rows: [[Sheet.Cell]] = []
        var lastRow = 0
        try text.bytes.withUnsafeBufferPointer { (b) throws(GraphIOError) in
            var xml = try XMLReader(text: text, bytes: b)
            var row: [Sheet.Cell] = []
            var rowNumber = 0
            func flush() {
                if row.contains(where: { !$0.text.allSatisfy(\.isWhitespace) }) { rows.append(row) }
                row = []
            }
            while true {
                switch try xml.next() {
                case .start:
                    if xml.isNamed("row") {
                        flush()
                        let r = xml.value("r").flatMap { Int($0) } ?? rowNumber + 1
                        guard r > rowNumber else { throw xml.errorAtTag("row \(r) comes after row \(rowNumber)") }
                        rowNumber = r
                        lastRow = r
                    } else if xml.isNamed("c") {
                        var column = row.count + 1
                        if let ref = xml.value("r") {
                            guard let c = columnNumber(ref), c >= column else {
                                throw xml.errorAtTag("the cell reference \(GraphIOError.quote(ref)) is not a column after the row's previous cells")
                            }
                            column = c
                        }
                        let type = xml.value("t") ?? "n"
                        let style = xml.value("s").flatMap { Int($0) } ?? 0
                        let tag = xml.tagOffset
                        var value: String?
                        var inline = ""
                        if xml.isEmptyElement {
                            _ = try xml.next()
                        } else {
                            cell: while true {
                                switch try xml.next() {
                                case .start:
                                    if xml.isNamed("v") {
                                        value = try xml.readText().text
                                    } else if xml.isNamed("t") {
                                        inline += try xml.readText().text
                                    } else if xml.isNamed("f") || xml.isNamed("rPh") || xml.isNamed("rPr") {
                                        try xml.skipElement()
                                    }
                                case .end:
                                    if xml.isNamed("c") { break cell }
                                case .endOfDocument:
                                    break cell
                                }
                            }
                        }
                        let shown: String
                        switch type {
                        case "s":
                            guard let v = value, let i = Int(v.trimmingCharacters(in: .whitespaces)), strings.indices.contains(i) else {
                                throw text.error(at: tag, "the cell \(Sheet.reference(row: rowNumber, column: column)) names shared string \(GraphIOError.quote(value ?? "")), which the workbook does not have (\(strings.count) strings)")
                            }
                            shown = strings[i]
                        case "inlineStr": shown = inline
                        case "b": shown = value == "1" ? "TRUE" : "FALSE"
                        case "n":
                            if let kind = dates.kind(style: style), let v = value, !v.isEmpty {
                                guard let serial = Double(v.trimmingCharacters(in: .whitespaces)),
                                      let iso = XLSXDates.iso(serial: serial, date1904: dates.date1904, time: kind == .dateTime) else {
                                    throw text.error(at: tag, "the cell \(Sheet.reference(row: rowNumber, column: column)) has a date format but holds \(GraphIOError.quote(v)), which is not a day of the \(dates.date1904 ? "1904" : "1900") date system")
                                }
                                shown = iso
                            } else {
                                shown = value ?? ""
                            }
                        default: shown = value ?? ""
                        }
                        while row.count + 1 < column { row.append(Sheet.Cell("", line: rowNumber, column: row.count + 1)) }
                        row.append(Sheet.Cell(shown, line: rowNumber, column: column))
                    }
                case .end:
                    if xml.isNamed("row") { flush() }
                case .endOfDocument:
                    flush()
                    return
                }
            }
        }
        return Sheet(name: name, rows: rows, endLine: lastRow, isGrid: true)
    }

    /// The column number of a cell reference: `C5` → 3, `AA10` → 27.
    static func columnNumber(_ ref: String) -> Int? {
        var c = 0
        var letters = 0
        for u in ref.utf8 {
            if u >= 65 && u <= 90 { c = c * 26 + Int(u - 64); letters += 1 }
            else if u >= 97 && u <= 122 { c = c * 26 + Int(u - 96); letters += 1 }
            else { break }
            if letters > 3 { return nil }
        }
        return letters == 0 ? nil : c
    }
}
