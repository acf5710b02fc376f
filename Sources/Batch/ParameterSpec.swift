import Interstice

/// The type of an analysis parameter, as a manifest writes it.
///
/// Grids are type-directed: a YAML list given for a scalar parameter (`theta: [0.1, 0.5]`) is
/// a grid and expands into one job per value; a list parameter (`measures: [degree, pagerank]`)
/// takes a list as one value, and only a list of lists is a grid.
public indirect enum ParameterType: Sendable, Hashable, CustomStringConvertible {
    /// An integer in a closed range.
    case integer(ClosedRange<Int>)
    /// A number in a range; `openLow` excludes the lower bound.
    case number(ClosedRange<Double>, openLow: Bool)
    case boolean
    /// One of a fixed set of words.
    case choice([String])
    /// Any text.
    case text
    /// A list of values of one type.
    case list(ParameterType)

    public var description: String {
        switch self {
        case .integer(let r):
            if r.upperBound == Int.max { return "an integer ≥ \(r.lowerBound)" }
            return "an integer in \(r.lowerBound)…\(r.upperBound)"
        case .number(let r, let open):
            let hi = r.upperBound == .infinity ? "∞)" : "\(Self.short(r.upperBound))]"
            return "a number in \(open ? "(" : "[")\(Self.short(r.lowerBound)), \(hi)"
        case .boolean: return "true or false"
        case .choice(let words): return "one of " + words.joined(separator: ", ")
        case .text: return "a text"
        case .list(let t): return "a list of values each \(t)"
        }
    }

    static func short(_ d: Double) -> String { d == d.rounded() && abs(d) < 1e15 ? String(Int(d)) : String(d) }

    /// Whether a value has this type.
    public func accepts(_ v: JSONValue) -> Bool {
        switch (self, v) {
        case (.integer(let r), .int(let i)): return r.contains(i)
        case (.number(let r, let open), .double(let d)): return r.contains(d) && !(open && d == r.lowerBound)
        case (.number(let r, let open), .int(let i)): let d = Double(i); return r.contains(d) && !(open && d == r.lowerBound)
        case (.boolean, .bool): return true
        case (.choice(let words), .string(let s)): return words.contains(s)
        case (.text, .string): return true
        case (.list(let t), .array(let a)): return a.allSatisfy { t.accepts($0) }
        default: return false
        }
    }

    /// The value in canonical form: numbers of a number parameter as doubles (so `1` and `1.0`
    /// give the same job key).
    public func canonical(_ v: JSONValue) -> JSONValue {
        switch (self, v) {
        case (.number, .int(let i)): return .double(Double(i))
        case (.list(let t), .array(let a)): return .array(a.map { t.canonical($0) })
        default: return v
        }
    }
}

/// One parameter of an analysis: its name in the manifest, type, default and meaning.
public struct ParameterSpec: Sendable, Hashable {
    public let name: String
    public let type: ParameterType
    /// The default; nil when the parameter is optional and absent by default.
    public let defaultValue: JSONValue?
    public let help: String

    public init(_ name: String, _ type: ParameterType, default value: JSONValue?, _ help: String) {
        self.name = name; self.type = type; self.defaultValue = value; self.help = help
    }
}
