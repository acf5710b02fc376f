import GraphCore

/// Which cell styles of a workbook show dates, and the workbook's date system.
struct DateStyles: Sendable {
    enum Kind: Sendable { case date, dateTime }
    /// Per `cellXfs` index: nil (not a date), date or date and time.
    var styles: [Kind?] = []
    var date1904 = false

    /// The kind of style `index` (nil: not a date, or no such style).
    func kind(style index: Int) -> Kind? { styles.indices.contains(index) ? styles[index] : nil }
}

/// Excel's dates in `.xlsx` (ECMA-376 part 1, §18.8.30 numFmt and §18.17.4 date systems):
/// which number formats show dates, and serial days as ISO dates. Written by hand: the rules
/// are a few lines and no Swift package reads styles.xml without a full workbook model.
enum XLSXDates {
    /// Built-in number formats that show a date: 14–17 (`m/d/yyyy`, `d-mmm-yy`, `d-mmm`,
    /// `mmm-yy`), 22 (`m/d/yyyy h:mm`), and the East Asian date formats 27–36 and 50–58.
    /// 18–21 and 45–47 are times of day alone, and stay numbers.
    static func builtIn(_ id: Int) -> DateStyles.Kind? {
        switch id {
        case 14...17, 27...36, 50...58: .date
        case 22: .dateTime
        default: nil
        }
    }

    /// Whether a custom format code shows a date: after removing quoted text, escaped
    /// characters and `[…]` sections (colours, locales, elapsed times), it has a day (`d`) or
    /// year (`y`) field, or a month (`m`) without hours or seconds around it (`mm` after `h`
    /// is minutes). With `h` or `s` as well it shows a time too. Only the first section (before
    /// `;`) counts.
    static func custom(_ code: String) -> DateStyles.Kind? {
        var plain = ""
        var quoted = false, bracket = false, escape = false
        for c in code {
            if escape { escape = false; continue }
            if quoted { if c == "\"" { quoted = false }; continue }
            if bracket { if c == "]" { bracket = false }; continue }
            switch c {
            case "\"": quoted = true
            case "[": bracket = true
            case "\\", "_", "*": escape = true
            case ";": break
            default: plain.append(Character(c.lowercased()))
            }
            if c == ";" { break }
        }
        let hasDay = plain.contains("d"), hasYear = plain.contains("y"), hasMonth = plain.contains("m")
        let hasTime = plain.contains("h") || plain.contains("s")
        guard hasDay || hasYear || (hasMonth && !hasTime) else { return nil }
        return hasTime ? .dateTime : .date
    }

    /// The style table of `xl/styles.xml`: `<numFmts>` (custom codes by id) and `<cellXfs>`
    /// (one `<xf numFmtId=…>` per style index).
    /// - Complexity: O(size of the part).
    static func styles(_ text: SourceText) throws(GraphIOError) -> [DateStyles.Kind?] {
        var codes: [Int: String] = [:]
        var formats: [Int] = []
        try text.bytes.withUnsafeBufferPointer { (b) throws(GraphIOError) in
            var xml = try XMLReader(text: text, bytes: b)
            var inCellXfs = false
            while true {
                switch try xml.next() {
                case .start:
                    if xml.isNamed("numFmt"), let id = xml.value("numFmtId").flatMap({ Int($0) }) {
                        codes[id] = xml.value("formatCode") ?? ""
                    } else if xml.isNamed("cellXfs") {
                        inCellXfs = true
                    } else if inCellXfs && xml.isNamed("xf") {
                        formats.append(xml.value("numFmtId").flatMap { Int($0) } ?? 0)
                    }
                case .end:
                    if xml.isNamed("cellXfs") { inCellXfs = false }
                case .endOfDocument:
                    return
                }
            }
        }
        return formats.map { id in codes[id].map(custom) ?? builtIn(id) }
    }

    /// Serial day `serial` of the 1900 or 1904 date system as `YYYY-MM-DD` (with `Thh:mm:ss`
    /// when `time`); nil for a negative or non-finite serial, 0 in the 1900 system (Excel's
    /// "1900-01-00") and 60 (its fictitious 1900-02-29, kept from Lotus 1-2-3).
    static func iso(serial: Double, date1904: Bool, time: Bool) -> String? {
        guard serial.isFinite, serial >= 0, serial < 2_958_466 else { return nil }   // up to 9999-12-31
        let day = Int(serial.rounded(.down))
        var base: CalendarDate
        if date1904 {
            base = CalendarDate(year: 1904, month: 1, day: 1)!
        } else {
            guard day != 0 && day != 60 else { return nil }
            // Serials after 60 count the fictitious 29 February: 61 is 1 March 1900.
            base = day < 60 ? CalendarDate(year: 1899, month: 12, day: 31)! : CalendarDate(year: 1899, month: 12, day: 30)!
        }
        base.daysSinceEpoch += Int32(day)
        guard time else { return base.description }
        let seconds = Int(((serial - Double(day)) * 86_400).rounded())
        if seconds >= 86_400 { base.daysSinceEpoch += 1 }
        let s = seconds % 86_400
        func two(_ x: Int) -> String { x < 10 ? "0\(x)" : "\(x)" }
        return base.description + "T" + two(s / 3600) + ":" + two(s % 3600 / 60) + ":" + two(s % 60)
    }
}
