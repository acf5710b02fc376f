/// One sheet of a spreadsheet as rows of text cells, each with the place a person finds it at:
/// the file's line and column for CSV, the row and column number for `.xlsx` (cell `C5` is
/// line 5, column 3). The first row is the header.
///
/// ```swift
/// let sheet = try Sheet.read("personnes.csv")
/// for row in sheet.rows.dropFirst() { print(row.map(\.text)) }
/// ```
public struct Sheet: Sendable, Hashable {
    /// A cell: its text (as the spreadsheet shows it, not trimmed) and its place.
    public struct Cell: Sendable, Hashable {
        public var text: String
        /// 1-based line of the file (CSV) or row number (xlsx).
        public var line: Int
        /// 1-based column: characters from the line's start (CSV; so a Windows-1252 file and
        /// its UTF-8 copy give the same column) or the column number (xlsx, A = 1).
        public var column: Int

        public init(_ text: String, line: Int, column: Int) {
            self.text = text
            self.line = line
            self.column = column
        }
    }

    /// The file's name as given, for messages.
    public var name: String
    /// The rows, header first; rows whose cells are all empty are dropped.
    public var rows: [[Cell]]
    /// Where the sheet ends (for messages about a missing row).
    public var endLine: Int
    /// Whether lines and columns are a grid's rows and columns (xlsx): messages then also name
    /// the cell as a spreadsheet does (`C5`).
    public var isGrid: Bool

    public init(name: String, rows: [[Cell]], endLine: Int, isGrid: Bool = false) {
        self.name = name
        self.rows = rows
        self.endLine = endLine
        self.isGrid = isGrid
    }

    /// An error located at a cell.
    public func error(at cell: Cell, _ message: String) -> GraphIOError {
        let m = isGrid ? "cell \(Sheet.reference(row: cell.line, column: cell.column)): " + message : message
        return GraphIOError(.badData, file: name, line: cell.line, column: cell.column, m)
    }

    /// A spreadsheet's name for a cell: `C5` for row 5, column 3.
    public static func reference(row: Int, column: Int) -> String {
        var letters = ""
        var c = column
        while c > 0 {
            let r = (c - 1) % 26
            letters = String(UnicodeScalar(UInt8(65 + r))) + letters
            c = (c - 1) / 26
        }
        return letters + String(row)
    }

    /// Reads delimited text already in memory (CSV, TSV) as a sheet.
    /// - Complexity: O(bytes).
    public static func decode(_ text: SourceText, options: SheetOptions = SheetOptions()) throws(GraphIOError) -> Sheet {
        try DelimitedSheet.decode(text, options: options)
    }

    /// Reads a sheet: `.xlsx` (its first worksheet) by its name, anything else as delimited
    /// text (separator sniffed unless given).
    /// - Complexity: O(file size).
    public static func read(_ path: String, options: SheetOptions = SheetOptions()) throws(GraphIOError) -> Sheet {
        if path.lowercased().hasSuffix(".xlsx") || path.lowercased().hasSuffix(".xlsm") {
            return try XLSXSheet.read(path: path)
        }
        return try DelimitedSheet.decode(SourceText.read(path: path), options: options)
    }
}

/// How delimited text is read: its encoding and separator.
public struct SheetOptions: Sendable, Hashable {
    /// Text encodings of spreadsheet exports.
    public enum Encoding: String, Sendable, Hashable, CaseIterable {
        /// UTF-8, with or without a byte-order mark (LibreOffice, Excel's "CSV UTF-8").
        case utf8 = "utf-8"
        /// Windows-1252 (Excel's plain "CSV" on a French or English Windows).
        case cp1252
    }

    public var encoding: Encoding
    /// The field separator; nil: sniffed from the header line (the most frequent of `;`, tab
    /// and `,` outside quotes).
    public var delimiter: Character?

    public init(encoding: Encoding = .utf8, delimiter: Character? = nil) {
        self.encoding = encoding
        self.delimiter = delimiter
    }

    /// Reads an encoding name as users write it (`utf8`, `UTF-8`, `cp1252`, `windows-1252`, `latin1`).
    public static func encoding(named name: String) -> Encoding? {
        switch name.lowercased().replacingOccurrences(of: "_", with: "-") {
        case "utf-8", "utf8": .utf8
        case "cp1252", "windows-1252", "win-1252", "latin1", "latin-1", "iso-8859-1", "ansi": .cp1252
        default: nil
        }
    }

    /// Reads a separator as users write it: one character, or `tab`, `semicolon`, `comma`, `\t`.
    public static func delimiter(named name: String) -> Character? {
        switch name.lowercased() {
        case "tab", "\\t", "\t": "\t"
        case "semicolon", ";": ";"
        case "comma", ",": ","
        case "pipe", "|": "|"
        default: name.count == 1 && name.unicodeScalars.first!.isASCII && name != "\"" ? name.first : nil
        }
    }
}
