import GraphCore

/// Observed adoption: for each node, the period in which it adopted, that it never adopted, or
/// that it is outside the population studied (an organization node, a node without data).
///
/// ```swift
/// let a = try net.adoptionTimes(attribute: "toa", neverAdopted: 18, missing: .never)   // medInnovations
/// a.time(of: 0)        // 2: adopted in month 2
/// a.adopterCount       // 109
/// ```
///
/// Periods are whole numbers (months, years, survey waves), as in Valente (1995) and
/// netdiffuseR's `toa`.
public struct AdoptionTimes: Sendable, Hashable {
    /// The stored time of a node that never adopted (greater than every period).
    public static let never = Int.max
    /// Periods read from data lie in `-limit...limit` (so that lags cannot overflow)…
    public static let limit = 1_000_000_000
    /// …and the first and last adoption at most this many periods apart (the exposure matrix
    /// holds one value per node and period).
    public static let maximumSpan = 100_000

    public let nodeCount: Int
    /// Period of adoption per node; ``never`` for population members that never adopted (and for
    /// nodes outside the population, which ``inPopulation`` tells apart).
    public let times: [Int]
    /// Whether each node belongs to the population: only those nodes count as alters, are
    /// permuted, and are counted in organizations.
    public let inPopulation: [Bool]
    /// Where the data came from (the attribute's name), for reports.
    public let source: String

    /// Adoption times given directly: nil = never adopted; `population` nil = every node.
    /// - Complexity: O(n).
    public init(times: [Int?], population: [Bool]? = nil, source: String = "") {
        precondition(population == nil || population!.count == times.count,
                     "AdoptionTimes: one population flag per node")
        nodeCount = times.count
        self.times = times.map { $0 ?? AdoptionTimes.never }
        inPopulation = population ?? Array(repeating: true, count: times.count)
        self.source = source
    }

    /// The period in which `v` adopted; nil when it never did or is outside the population.
    /// - Complexity: O(1).
    public func time(of v: Int32) -> Int? {
        let t = times[Int(v)]
        return inPopulation[Int(v)] && t != AdoptionTimes.never ? t : nil
    }

    /// Whether `v` is in the population and adopted.
    /// - Complexity: O(1).
    public func adopted(_ v: Int32) -> Bool { time(of: v) != nil }

    /// Members of the population.
    /// - Complexity: O(n).
    public var populationCount: Int { inPopulation.reduce(0) { $0 + ($1 ? 1 : 0) } }

    /// Members of the population that adopted.
    /// - Complexity: O(n).
    public var adopterCount: Int {
        var c = 0
        for v in 0..<nodeCount where inPopulation[v] && times[v] != AdoptionTimes.never { c += 1 }
        return c
    }

    /// The first and last periods in which someone adopted; nil when nobody did.
    /// - Complexity: O(n).
    public var periods: ClosedRange<Int>? {
        var lo = Int.max, hi = Int.min
        for v in 0..<nodeCount where inPopulation[v] && times[v] != AdoptionTimes.never {
            lo = min(lo, times[v]); hi = max(hi, times[v])
        }
        return lo <= hi ? lo...hi : nil
    }
}

/// What a node without an adoption value means.
///
/// One meaning for every command (`exposure`, `fit`) and no library default: a missing value is
/// no data, so by default the CLI leaves the node out of the population and says how many it left
/// out (`--missing exclude`); it counts as "never adopted" only when the user says so
/// (`--missing never`), because a survey's blank cell is as often a non-respondent as a
/// non-adopter, and counting non-respondents as non-adopters silently lowers every hazard.
/// Codes for "never adopted" (medInnovations' 18) are given with `neverAdopted`.
public enum MissingAdoption: String, Sendable, Hashable, CaseIterable {
    /// It never adopted (the value is missing because there was nothing to record).
    case never
    /// It is left out of the population (no data about it).
    case exclude
}

/// A problem with observed adoption data.
public enum AdoptionDataError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The network has no node attribute of that name.
    case noAttribute(String, available: [String])
    /// A node's value is not a whole period.
    case notAPeriod(node: String, attribute: String, value: String)
    /// Nobody in the population adopted.
    case noAdopters(attribute: String)
    /// The periods span more than ``AdoptionTimes/maximumSpan`` (dates or codes, not periods).
    case tooManyPeriods(attribute: String, first: Int, last: Int)
    /// With a period (`--period`), a node's value is not a date.
    case notADate(node: String, attribute: String, value: String)

    public var description: String {
        switch self {
        case let .noAttribute(name, available):
            "no node attribute \"\(name)\"; the nodes have \(available.isEmpty ? "no attributes" : available.joined(separator: ", "))"
        case let .notAPeriod(node, attribute, value):
            "node \"\(node)\": \(attribute) should be a whole number (a period of adoption), found \"\(value)\""
        case let .noAdopters(attribute):
            "nobody adopted: every node's \(attribute) is missing or the never-adopted code"
        case let .tooManyPeriods(attribute, first, last):
            "\(attribute) runs from \(first) to \(last), more than \(AdoptionTimes.maximumSpan) periods: give periods (months, years, waves), not dates or codes (dates: --period day|week|month|year)"
        case let .notADate(node, attribute, value):
            "node \"\(node)\": \(attribute) should be a date (YYYY-MM-DD) since a period is given, found \"\(value)\"; leave a never-adopter's cell empty"
        }
    }
}

extension Network {
    /// Who may adopt: the given population, else every node that is not an organization,
    /// collective, unit or meeting (shared by period and date columns).
    /// - Complexity: O(n).
    func adoptionPopulation(_ population: NodeSet?) -> [Bool] {
        if let population { return population.mask(nodeCount: nodeCount) }
        let org = organizationKind
        return kinds.map { !$0.isContext(organizationKind: org) }
    }

    /// Adoption times read from a node attribute.
    ///
    /// - Parameters:
    ///   - attribute: the column holding each node's period of adoption (integers, or doubles
    ///     with whole values).
    ///   - neverAdopted: the code for "never adopted" (medInnovations: 18, one past its 17
    ///     months); nil when the data has none.
    ///   - missing: what a missing value means for a population node (no default: see
    ///     ``MissingAdoption``).
    ///   - population: the nodes studied; nil takes every node whose kind is neither the
    ///     organization kind nor `collective` (the actors of a two-mode network).
    /// - Throws: ``AdoptionDataError`` when the column is absent, a value is not a whole number
    ///   within ±``AdoptionTimes/limit``, nobody adopted, or the adoptions span more than
    ///   ``AdoptionTimes/maximumSpan`` periods.
    /// - Complexity: O(n).
    public func adoptionTimes(attribute: String, neverAdopted: Int? = nil, missing: MissingAdoption,
                              population: NodeSet? = nil, period: AdoptionPeriod? = nil) throws(AdoptionDataError) -> AdoptionTimes {
        if let period { return try adoptionDates(attribute: attribute, missing: missing, population: population, period: period) }
        guard let column = nodeAttributes[attribute] else {
            throw .noAttribute(attribute, available: nodeAttributes.names)
        }
        var inPopulation = adoptionPopulation(population)
        var times = [Int?](repeating: nil, count: nodeCount)
        for v in 0..<nodeCount where inPopulation[v] {
            guard let value = column[v] else {
                if missing == .exclude { inPopulation[v] = false }
                continue
            }
            let t: Int
            switch value {
            case .integer(let i): t = i
            case .double(let d) where d.isFinite && d == d.rounded() && abs(d) < 1e15: t = Int(d)
            case .string(let s) where Int(s) != nil: t = Int(s)!
            default: throw .notAPeriod(node: ids[v], attribute: attribute, value: value.description)
            }
            if t == neverAdopted { continue }
            guard t >= -AdoptionTimes.limit && t <= AdoptionTimes.limit else {
                throw .notAPeriod(node: ids[v], attribute: attribute, value: value.description)
            }
            times[v] = t
        }
        let a = AdoptionTimes(times: times, population: inPopulation, source: attribute)
        guard let periods = a.periods else { throw .noAdopters(attribute: attribute) }
        guard periods.upperBound - periods.lowerBound < AdoptionTimes.maximumSpan else {
            throw .tooManyPeriods(attribute: attribute, first: periods.lowerBound, last: periods.upperBound)
        }
        return a
    }
}
