/// The type of an attribute column.
public enum AttributeType: String, Sendable, Hashable, Codable, CaseIterable {
    case string, integer, double, boolean, date

    /// The short name used in CSV headers (`age:int`).
    public var shortName: String {
        switch self {
        case .string: "string"
        case .integer: "int"
        case .double: "double"
        case .boolean: "bool"
        case .date: "date"
        }
    }

    /// Parses `string`, `int`/`integer`/`long`, `double`/`float`/`number`, `bool`/`boolean`, `date`.
    public init?(name: String) {
        switch name.lowercased() {
        case "string", "str", "text": self = .string
        case "int", "integer", "long", "int32", "int64": self = .integer
        case "double", "float", "number", "real": self = .double
        case "bool", "boolean": self = .boolean
        case "date": self = .date
        default: return nil
        }
    }
}

/// One attribute value.
public enum AttributeValue: Hashable, Sendable, CustomStringConvertible {
    case string(String)
    case integer(Int)
    case double(Double)
    case boolean(Bool)
    case date(CalendarDate)

    public var type: AttributeType {
        switch self {
        case .string: .string
        case .integer: .integer
        case .double: .double
        case .boolean: .boolean
        case .date: .date
        }
    }

    /// The value as text, the way the native CSV writes it.
    public var description: String {
        switch self {
        case .string(let s): s
        case .integer(let i): String(i)
        case .double(let d): AttributeValue.format(d)
        case .boolean(let b): b ? "true" : "false"
        case .date(let d): d.description
        }
    }

    /// Numeric value (integers, doubles, booleans as 0/1), nil for strings and dates.
    public var numericValue: Double? {
        switch self {
        case .integer(let i): Double(i)
        case .double(let d): d
        case .boolean(let b): b ? 1 : 0
        default: nil
        }
    }

    /// Shortest text that reads back to the same double (Swift's description is round-trip exact).
    public static func format(_ d: Double) -> String {
        if d.isNaN { return "NaN" }
        if d.isInfinite { return d > 0 ? "Infinity" : "-Infinity" }
        if d == d.rounded(), abs(d) < 1e15 { return String(Int(d)) + ".0" }
        return String(d)
    }
}

/// A typed attribute column with missing values, indexed by node or edge.
public struct AttributeColumn: Sendable, Hashable {
    public let name: String
    public let type: AttributeType
    public private(set) var values: [AttributeValue?]

    public init(name: String, type: AttributeType, count: Int = 0) {
        self.name = name
        self.type = type
        values = Array(repeating: nil, count: count)
    }

    public var count: Int { values.count }

    /// The value at `i`, nil when missing.
    public subscript(i: Int) -> AttributeValue? {
        get { values[i] }
        set {
            precondition(newValue == nil || newValue!.type == type,
                         "AttributeColumn \(name): a \(newValue!.type) value in a \(type) column")
            values[i] = newValue
        }
    }

    /// Appends a value (or a missing one).
    public mutating func append(_ v: AttributeValue?) {
        precondition(v == nil || v!.type == type, "AttributeColumn \(name): type mismatch")
        values.append(v)
    }

    mutating func resize(to n: Int) {
        if values.count < n { values.append(contentsOf: repeatElement(nil, count: n - values.count)) }
    }

    /// The numeric values (nil for missing or non-numeric).
    public var numericValues: [Double?] { values.map { $0?.numericValue } }
}

/// Named attribute columns sharing one row count, in insertion order.
public struct AttributeTable: Sendable, Hashable {
    public private(set) var columns: [AttributeColumn] = []
    private var index: [String: Int] = [:]
    public private(set) var rowCount: Int = 0

    public init() {}

    public var names: [String] { columns.map(\.name) }
    public var isEmpty: Bool { columns.isEmpty }

    public subscript(name: String) -> AttributeColumn? {
        index[name].map { columns[$0] }
    }

    /// Adds a column (all missing), or returns the existing one's position when its type matches.
    /// - Returns: nil when a column of that name exists with another type.
    @discardableResult
    public mutating func addColumn(_ name: String, type: AttributeType) -> Int? {
        if let i = index[name] { return columns[i].type == type ? i : nil }
        index[name] = columns.count
        columns.append(AttributeColumn(name: name, type: type, count: rowCount))
        return columns.count - 1
    }

    /// Sets a value; the column must exist and match the value's type.
    public mutating func set(_ name: String, row: Int, _ value: AttributeValue?) {
        guard let c = index[name] else { preconditionFailure("AttributeTable: no column \(name)") }
        columns[c][row] = value
    }

    /// Sets a value by column position.
    public mutating func set(column c: Int, row: Int, _ value: AttributeValue?) {
        columns[c][row] = value
    }

    public func value(_ name: String, row: Int) -> AttributeValue? {
        guard let c = index[name] else { return nil }
        return columns[c][row]
    }

    /// Grows every column to `n` rows (new rows missing).
    public mutating func resize(to n: Int) {
        guard n > rowCount else { return }
        rowCount = n
        for c in columns.indices { columns[c].resize(to: n) }
    }

    /// Appends one missing row.
    public mutating func appendRow() { resize(to: rowCount + 1) }

    /// Equal when both have the same rows and the same columns by name (in any order).
    public static func == (a: AttributeTable, b: AttributeTable) -> Bool {
        a.rowCount == b.rowCount && a.columns.count == b.columns.count
            && a.columns.allSatisfy { b[$0.name] == $0 }
    }
    public func hash(into h: inout Hasher) {
        h.combine(rowCount)
        for c in columns.sorted(by: { $0.name < $1.name }) { h.combine(c) }
    }
}
