import Interstice

/// Typed access to a job's canonical parameters (validated by the manifest, so a missing or
/// mistyped value falls back to the default the catalog documents).
struct Parameters {
    let values: [String: JSONValue]

    func double(_ name: String, _ fallback: Double) -> Double {
        switch values[name] {
        case .double(let d)?: return d
        case .int(let i)?: return Double(i)
        default: return fallback
        }
    }

    func optionalDouble(_ name: String) -> Double? {
        switch values[name] {
        case .double(let d)?: return d
        case .int(let i)?: return Double(i)
        default: return nil
        }
    }

    func int(_ name: String, _ fallback: Int) -> Int {
        if case .int(let i)? = values[name] { return i }
        return fallback
    }

    func optionalInt(_ name: String) -> Int? {
        if case .int(let i)? = values[name] { return i }
        return nil
    }

    func bool(_ name: String, _ fallback: Bool) -> Bool {
        if case .bool(let b)? = values[name] { return b }
        return fallback
    }

    func string(_ name: String) -> String? {
        if case .string(let s)? = values[name] { return s }
        return nil
    }

    func strings(_ name: String) -> [String]? {
        guard case .array(let a)? = values[name] else { return nil }
        return a.compactMap { if case .string(let s) = $0 { return s } else { return nil } }
    }

    var seed: UInt64 {
        if case .int(let s)? = values["seed"] { return UInt64(bitPattern: Int64(s)) }
        return 1
    }
}
