import GraphCore

/// How dates of adoption become the whole periods that `exposure` and `fit` count in: a date
/// column (ISO `YYYY-MM-DD`, as `import` reads Excel's date cells) read with `--period`.
///
/// Periods are counted from the earliest adoption date of the population, which falls in
/// period 1: `day` (period = days since it + 1), `week` (7-day blocks from it), `month`
/// (calendar months: March 2021 → 1, April 2021 → 2 when the first adoption is in March 2021),
/// `year` (calendar years). A time of day after the date (`2021-03-04T10:00:00`) is ignored.
public enum AdoptionPeriod: String, Sendable, Hashable, CaseIterable {
    case day, week, month, year

    /// The period holding `d` when `first` falls in period 1.
    /// - Complexity: O(1).
    public func index(of d: CalendarDate, first: CalendarDate) -> Int {
        switch self {
        case .day: return Int(d.daysSinceEpoch - first.daysSinceEpoch) + 1
        case .week: return Int((d.daysSinceEpoch - first.daysSinceEpoch).floorDiv(7)) + 1
        case .month:
            let a = d.components, b = first.components
            return (a.year * 12 + a.month) - (b.year * 12 + b.month) + 1
        case .year: return d.components.year - first.components.year + 1
        }
    }

    /// What period `k` covers, for notes: `2021-03` for a month, `2021` for a year, the first
    /// day for a day or a week.
    public func label(_ k: Int, first: CalendarDate) -> String {
        switch self {
        case .day: return CalendarDate(daysSinceEpoch: first.daysSinceEpoch + Int32(k - 1)).description
        case .week: return "week of " + CalendarDate(daysSinceEpoch: first.daysSinceEpoch + Int32(7 * (k - 1))).description
        case .month:
            let b = first.components
            let m = b.year * 12 + (b.month - 1) + (k - 1)
            let y = m >= 0 ? m / 12 : (m - 11) / 12
            let text = "\(y)-" + (m - y * 12 + 1 < 10 ? "0" : "") + "\(m - y * 12 + 1)"
            return text
        case .year: return "\(first.components.year + k - 1)"
        }
    }

    /// A date value: a `date` attribute, or text starting with `YYYY-MM-DD`.
    static func date(_ v: AttributeValue) -> CalendarDate? {
        switch v {
        case .date(let d): return d
        case .string(let s) where s.utf8.count >= 10:
            let head = s.prefix(10)
            guard s.count == 10 || s.dropFirst(10).first == "T" || s.dropFirst(10).first == " " else { return nil }
            return CalendarDate(parsing: head)
        default: return nil
        }
    }
}

extension Int32 {
    /// Division rounding towards −∞.
    func floorDiv(_ d: Int32) -> Int32 { self >= 0 ? self / d : -((-self + d - 1) / d) }
}

extension Network {
    /// Adoption periods from a date column (``AdoptionPeriod``): see
    /// ``adoptionTimes(attribute:neverAdopted:missing:population:period:)``. Also returns the
    /// earliest adoption date through ``AdoptionTimes/source`` (`attribute (period 1 = …)`).
    /// - Complexity: O(n).
    func adoptionDates(attribute: String, missing: MissingAdoption, population: NodeSet?,
                       period: AdoptionPeriod) throws(AdoptionDataError) -> AdoptionTimes {
        guard let column = nodeAttributes[attribute] else {
            throw .noAttribute(attribute, available: nodeAttributes.names)
        }
        var inPopulation = adoptionPopulation(population)
        var dates = [CalendarDate?](repeating: nil, count: nodeCount)
        for v in 0..<nodeCount where inPopulation[v] {
            guard let value = column[v] else {
                if missing == .exclude { inPopulation[v] = false }
                continue
            }
            guard let d = AdoptionPeriod.date(value) else {
                throw .notADate(node: ids[v], attribute: attribute, value: value.description)
            }
            dates[v] = d
        }
        guard let first = dates.compactMap({ $0 }).min() else { throw .noAdopters(attribute: attribute) }
        let times = dates.map { $0.map { period.index(of: $0, first: first) } }
        let last = times.compactMap { $0 }.max() ?? 1
        guard last - 1 < AdoptionTimes.maximumSpan else { throw .tooManyPeriods(attribute: attribute, first: 1, last: last) }
        return AdoptionTimes(times: times, population: inPopulation,
                             source: "\(attribute) by \(period.rawValue), period 1 = \(period.label(1, first: first))")
    }
}
