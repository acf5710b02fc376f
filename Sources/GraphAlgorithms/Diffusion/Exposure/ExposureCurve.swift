import GraphCore

/// Cumulative adoption in one group (an organization: hospital, town, village, club) period
/// by period.
public struct AdoptionCurve: Sendable, Hashable {
    /// The group's name (organization id or attribute value); `all` for the whole population.
    public let name: String
    /// The organization node, or -1.
    public let node: Int32
    /// Population members of the group.
    public let members: Int
    /// The periods of the curve (the adoption periods of the whole population).
    public let periods: ClosedRange<Int>
    /// Members that had adopted by the end of each period.
    public let adopters: [Int]

    /// Share of members that had adopted by the end of each period (NaN for an empty group).
    /// - Complexity: O(periods).
    public var share: [Double] { adopters.map { members > 0 ? Double($0) / Double(members) : .nan } }

    /// Members that adopted within the periods.
    public var totalAdopters: Int { adopters.last ?? 0 }
}

extension AdoptionTimes {
    /// The cumulative adoption curve of every group of a partition (a node in several groups
    /// counts in each), over the periods in which anyone adopted.
    ///
    /// ```swift
    /// let curves = adoption.curves(by: net.organizations())
    /// curves[0].share   // [0.04, 0.12, …]
    /// ```
    /// - Complexity: O(n + memberships + groups × periods).
    public func curves(by groups: Partition) -> [AdoptionCurve] {
        guard let periods else { return [] }
        let width = periods.count
        return (0..<groups.groupCount).map { g in
            var added = [Int](repeating: 0, count: width)
            var members = 0
            for v in groups.members(of: Int32(g)) where Int(v) < nodeCount && inPopulation[Int(v)] {
                members += 1
                if let t = time(of: v) { added[t - periods.lowerBound] += 1 }
            }
            for k in stride(from: 1, to: width, by: 1) { added[k] += added[k - 1] }
            return AdoptionCurve(name: groups.groupNames[g], node: groups.groupNodes[g], members: members,
                                 periods: periods, adopters: added)
        }
    }

    /// The cumulative adoption curve of the whole population.
    /// - Complexity: O(n + periods).
    public var overallCurve: AdoptionCurve? {
        guard let periods else { return nil }
        var added = [Int](repeating: 0, count: periods.count)
        for v in 0..<nodeCount {
            if let t = time(of: Int32(v)) { added[t - periods.lowerBound] += 1 }
        }
        for k in stride(from: 1, to: added.count, by: 1) { added[k] += added[k - 1] }
        return AdoptionCurve(name: "all", node: -1, members: populationCount, periods: periods, adopters: added)
    }
}
