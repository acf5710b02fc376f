import ArgumentParser

/// Range checks for numeric options, with one message shape:
/// `--runs must be in 1…10000000, found 1e+18`. NaN fails every range (it compares false).
enum OptionRange {
    /// The most Monte Carlo runs (per model and per randomized network) one command takes.
    static let maxRuns = 10_000_000
    /// The most worker threads or concurrent jobs.
    static let maxThreads = 1024

    static func check<T: Comparable & CustomStringConvertible>(_ value: T, _ range: ClosedRange<T>, _ name: String) throws {
        guard range.contains(value) else {
            throw ValidationError("\(name) must be in \(range.lowerBound)…\(range.upperBound), found \(value)")
        }
    }

    static func check<T: Comparable & CustomStringConvertible>(_ value: T?, _ range: ClosedRange<T>, _ name: String) throws {
        if let value { try check(value, range, name) }
    }

    /// A finite double in `(low, high]`.
    static func positive(_ value: Double?, atMost high: Double, _ name: String) throws {
        guard let value else { return }
        guard value > 0 && value <= high else {
            throw ValidationError("\(name) must be in (0, \(high)], found \(value)")
        }
    }
}
