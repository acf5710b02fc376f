import GraphCore

// Shared by the GML, Pajek and JSON node-link readers: these formats give each value its own
// type (or none), so a column's type is only known once every record has been read.

/// An attribute value as a text format gives it, before its column's type is decided.
enum RawValue: Sendable, Hashable {
    case integer(Int)
    case double(Double)
    case string(String)
    case boolean(Bool)

    /// The value as text (numbers as the native CSV writes them).
    var text: String {
        switch self {
        case .integer(let i): String(i)
        case .double(let d): AttributeValue.format(d)
        case .string(let s): s
        case .boolean(let b): b ? "true" : "false"
        }
    }

    /// The value as a number, nil for strings and booleans.
    var number: Double? {
        switch self {
        case .integer(let i): Double(i)
        case .double(let d): d
        default: nil
        }
    }

    /// The type a bare word has (Pajek parameters, partition values): integer, else double,
    /// else string.
    init(inferring word: Substring) {
        if let i = Int(word) { self = .integer(i) }
        else if let d = ValueText.double(word) { self = .double(d) }
        else { self = .string(String(word)) }
    }
}

/// One attribute's values over the records that have it, and the type they resolve to.
///
/// Rules: only integers → integer; integers and reals → double (a key that is `3` on one node
/// and `3.5` on another is a double column); only booleans → boolean; any other mix → string,
/// numbers and booleans then written as text.
struct RawColumn: Sendable {
    let name: String
    /// Node positions or edge rows, in the order the values were seen.
    var rows: [Int] = []
    var values: [RawValue] = []
    private var sawInteger = false, sawDouble = false, sawString = false, sawBoolean = false

    init(name: String) { self.name = name }

    mutating func add(row: Int, _ value: RawValue) {
        rows.append(row)
        values.append(value)
        switch value {
        case .integer: sawInteger = true
        case .double: sawDouble = true
        case .string: sawString = true
        case .boolean: sawBoolean = true
        }
    }

    /// The column's type.
    var type: AttributeType {
        if sawString || (sawBoolean && (sawInteger || sawDouble)) { return .string }
        if sawBoolean { return .boolean }
        if sawDouble { return .double }
        return .integer
    }

    /// A value converted to the column's type.
    static func convert(_ value: RawValue, to type: AttributeType) -> AttributeValue {
        switch (type, value) {
        case (.integer, .integer(let i)): .integer(i)
        case (.double, .integer(let i)): .double(Double(i))
        case (.double, .double(let d)): .double(d)
        case (.boolean, .boolean(let b)): .boolean(b)
        default: .string(value.text)
        }
    }
}

/// Attribute columns by name, in first-seen order.
struct RawColumns: Sendable {
    private(set) var columns: [RawColumn] = []
    private var index: [String: Int] = [:]

    /// Records a value; a key given twice for one record keeps the last value.
    /// - Complexity: O(1) amortized.
    mutating func add(_ name: String, row: Int, _ value: RawValue) {
        if let c = index[name] {
            columns[c].add(row: row, value)
        } else {
            index[name] = columns.count
            var col = RawColumn(name: name)
            col.add(row: row, value)
            columns.append(col)
        }
    }
}
