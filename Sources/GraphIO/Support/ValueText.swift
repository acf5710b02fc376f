import GraphCore

/// Text ↔ typed attribute values, shared by the readers of text formats.
public enum ValueText {
    /// Parses an integer (optional sign, decimal digits).
    public static func integer<S: StringProtocol>(_ s: S) -> Int? { Int(s) }

    /// Parses a double: decimal or scientific notation, `NaN`, `inf`/`Infinity` with sign.
    /// Hexadecimal (`0x10`, which Swift's `Double.init` would read as 16) is not a number here,
    /// in every reader alike.
    public static func double<S: StringProtocol>(_ s: S) -> Double? {
        if s.utf8.contains(where: { $0 == 0x78 || $0 == 0x58 }) { return nil }   // x, X: hexadecimal
        if let d = Double(s) { return d }
        switch s.lowercased() {
        case "inf", "+inf", "infinity", "+infinity": return .infinity
        case "-inf", "-infinity": return -.infinity
        case "nan": return .nan
        default: return nil
        }
    }

    /// Parses an edge weight: a finite decimal number. `NaN`, infinities, numbers too large
    /// for a double (`1e400`) and hexadecimal are refused by every reader alike, each saying
    /// it expected ``weightExpected`` and quoting what it found.
    public static func weight<S: StringProtocol>(_ s: S) -> Double? {
        guard let d = double(s), d.isFinite else { return nil }
        return d
    }

    /// What every reader says it expected when a weight is refused.
    public static let weightExpected = "a number"

    /// Parses `true`/`false` (any case), `1`/`0`, `yes`/`no`.
    public static func boolean<S: StringProtocol>(_ s: S) -> Bool? {
        switch s.lowercased() {
        case "true", "1", "yes", "t", "y": return true
        case "false", "0", "no", "f", "n": return false
        default: return nil
        }
    }

    /// Parses a value of a type; nil when the text does not fit.
    public static func parse<S: StringProtocol>(_ s: S, as type: AttributeType) -> AttributeValue? {
        switch type {
        case .string: return .string(String(s))
        case .integer: return integer(s).map { .integer($0) }
        case .double: return double(s).map { .double($0) }
        case .boolean: return boolean(s).map { .boolean($0) }
        case .date: return CalendarDate(parsing: s).map { .date($0) }
        }
    }

    /// The narrowest type that every non-empty text fits: integer, double, boolean (only
    /// `true`/`false`), date (`YYYY-MM-DD`), else string. An all-empty column is a string column.
    public static func inferType<C: Collection>(_ texts: C) -> AttributeType where C.Element: StringProtocol {
        var canInt = true, canDouble = true, canBool = true, canDate = true, any = false
        for t in texts where !t.isEmpty {
            any = true
            if canInt && Int(t) == nil { canInt = false }
            if canDouble && !canInt && double(t) == nil { canDouble = false }
            if canBool { let l = t.lowercased(); if l != "true" && l != "false" { canBool = false } }
            if canDate && CalendarDate(parsing: t) == nil { canDate = false }
            if !canInt && !canDouble && !canBool && !canDate { return .string }
        }
        if !any { return .string }
        if canInt { return .integer }
        if canDouble { return .double }
        if canBool { return .boolean }
        if canDate { return .date }
        return .string
    }

    /// The type a reader would infer for a column's values written as text.
    public static func inferredType(of column: AttributeColumn) -> AttributeType {
        inferType(column.values.map { $0?.description ?? "" })
    }
}
