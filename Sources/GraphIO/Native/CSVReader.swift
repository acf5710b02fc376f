import Foundation

/// A streaming RFC 4180 CSV tokenizer over bytes: quoted fields with `""` escapes, embedded
/// commas and newlines, LF or CRLF line ends. Written by hand because the error messages must
/// carry the line and column of every field, which the CSV packages on this machine
/// (SwiftCSV, CSV.swift) do not report.
///
/// ```swift
/// var r = CSVReader(text)
/// while let record = try r.next() { print(record.fields.map(\.value)) }
/// ```
struct CSVReader {
    struct Field {
        var value: String
        /// Byte offset of the field's first character (its opening quote when quoted).
        var offset: Int
    }
    struct Record {
        var fields: [Field]
        /// Byte offset where the record starts.
        var offset: Int
        /// Byte offset just past the record's last byte (before its line end).
        var end: Int = 0
    }

    let text: SourceText
    /// The field separator: `,` for the native format; `;` or tab for spreadsheet exports.
    let delimiter: UInt8
    private var pos = 0

    init(_ text: SourceText, delimiter: UInt8 = 44) {
        self.text = text
        self.delimiter = delimiter
    }

    /// The next record, or nil at the end. A blank line is skipped.
    /// - Complexity: O(record length).
    mutating func next() throws(GraphIOError) -> Record? {
        let b = text.bytes
        let n = b.count
        let sep = delimiter
        // Skip blank lines.
        while pos < n && (b[pos] == 10 || (b[pos] == 13 && pos + 1 < n && b[pos + 1] == 10)) {
            pos += b[pos] == 13 ? 2 : 1
        }
        guard pos < n else { return nil }
        var fields: [Field] = []
        let recordStart = pos
        var buffer: [UInt8] = []
        var recordEnd = pos
        while true {
            let fieldStart = pos
            buffer.removeAll(keepingCapacity: true)
            if pos < n && b[pos] == 34 {  // quoted field
                pos += 1
                var closed = false
                while pos < n {
                    let c = b[pos]
                    if c == 34 {
                        if pos + 1 < n && b[pos + 1] == 34 { buffer.append(34); pos += 2; continue }
                        pos += 1; closed = true; break
                    }
                    buffer.append(c); pos += 1
                }
                guard closed else {
                    throw text.error(at: fieldStart, "unclosed quote: this field's opening quote has no closing quote")
                }
                if pos < n && b[pos] != sep && b[pos] != 10 && b[pos] != 13 {
                    if buffer.contains(10) {
                        // Text right after a quote that closed on a later line: the likely cause
                        // is a quote that was never closed on its own line.
                        throw text.error(at: fieldStart, "unclosed quote: the quoted field opened here runs on to line \(text.location(of: pos).line), where text follows its closing quote")
                    }
                    throw text.error(at: pos, "expected \(CSVReader.name(of: sep)) or the end of the line after a closing quote, found \(GraphIOError.quote(bytes: b[pos..<min(n, pos + 10)]))")
                }
            } else {
                while pos < n {
                    let c = b[pos]
                    if c == sep || c == 10 || c == 13 { break }
                    if c == 34 {
                        throw text.error(at: pos, "a quote inside an unquoted field; quote the whole field and double the quote (\"\")")
                    }
                    buffer.append(c); pos += 1
                }
            }
            fields.append(Field(value: String(decoding: buffer, as: UTF8.self), offset: fieldStart))
            recordEnd = pos
            if pos >= n { break }
            if b[pos] == sep { pos += 1; continue }
            if b[pos] == 13 {
                guard pos + 1 < n && b[pos + 1] == 10 else {
                    throw text.error(at: pos, "a lone carriage return; lines must end with LF or CRLF")
                }
                pos += 2; break
            }
            pos += 1  // LF
            break
        }
        return Record(fields: fields, offset: recordStart, end: recordEnd)
    }
}

extension CSVReader {
    /// A separator as words, for messages ("a comma", "a semicolon", "a tab").
    static func name(of separator: UInt8) -> String {
        switch separator {
        case 44: "a comma"
        case 59: "a semicolon"
        case 9: "a tab"
        default: "the separator \(GraphIOError.quote(String(UnicodeScalar(separator))))"
        }
    }
}

/// Quotes a field for CSV when it needs it (the separator, quote, CR, LF, or surrounding spaces).
func csvField(_ s: String, separator: UInt8 = 44) -> String {
    if s.isEmpty { return s }
    var needs = s.first == " " || s.last == " "
    if !needs {
        for u in s.utf8 where u == separator || u == 34 || u == 10 || u == 13 { needs = true; break }
    }
    guard needs else { return s }
    return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
}
