import GraphCore

extension OrganizationFrame {
    /// The head of each organization: among its members, the one at the top of the
    /// `reports_to` hierarchy restricted to the organization (no superior inside it) with the
    /// most members below it; -1 when no `reports_to` tie links two of its members.
    ///
    /// - Complexity: O(n + m_reports_to · depth).
    public static func heads(in network: Network, organizations: Partition) -> [Int32] {
        guard let l = network.layer(.reportsTo) else { return Array(repeating: -1, count: organizations.groupCount) }
        var up = [[Int32]](repeating: [], count: network.nodeCount)  // superiors
        for e in 0..<l.edgeCount where l.sources[e] != l.targets[e] { up[Int(l.sources[e])].append(l.targets[e]) }
        return (0..<organizations.groupCount).map { g in
            let members = Set(organizations.members(of: Int32(g)))
            var below = [Int32: Int]()
            var linked = false
            for v in members {
                // Walk up inside the organization, crediting every superior met.
                var seen: Set<Int32> = [v]
                var frontier = [v]
                while let x = frontier.popLast() {
                    for s in up[Int(x)] where members.contains(s) && seen.insert(s).inserted {
                        linked = true
                        below[s, default: 0] += 1
                        frontier.append(s)
                    }
                }
            }
            guard linked else { return -1 }
            let tops = members.filter { v in !up[Int(v)].contains { members.contains($0) } }
            return tops.max { (below[$0] ?? 0, -$0) < (below[$1] ?? 0, -$1) } ?? -1
        }
    }
}

extension Network {
    /// The organizational frame of a collective: organizations (kind `organization`, `member`
    /// edges), its participants, its end as a step (`(end − start) / stepDays`, when both dates
    /// are known), the heads from `reports_to`, and a rule.
    ///
    /// Organizations that are not employers (`employer` = `false`: a territorial scheme, see
    /// ``GraphCore/Network/isEmployer(_:)``) are not among those that must institutionalize the
    /// invention unless `includeNonEmployers`; their members still carry it as any node does.
    /// This is the one place where that rule is applied (`reach`, `diffuse`, `relays`, batch).
    ///
    /// - Parameters:
    ///   - collective: the collective's node; nil takes no collective (no participants, no end).
    ///   - stepDays: how many days one step stands for (30: a month).
    ///   - include: keep only the organizations for which it returns true (nil: all).
    ///   - includeNonEmployers: count schemes (`employer` = `false`) as organizations too.
    /// - Complexity: O(n + m_member + m_reports_to · depth).
    public func diffusionFrame(collective: Collective?, stepDays: Double = 30,
                               rule: InstitutionalizationRule = InstitutionalizationRule(),
                               include: ((Int32) -> Bool)? = nil,
                               includeNonEmployers: Bool = false) -> OrganizationFrame {
        let orgs = organizations(include: { v in
            (includeNonEmployers || self.isEmployer(v)) && (include?(v) ?? true)
        })
        var end: Int? = nil
        if let c = collective, let s = c.start, let e = c.end, stepDays > 0 {
            end = max(0, Int((Double(e.daysSinceEpoch - s.daysSinceEpoch) / stepDays).rounded(.down)))
        }
        return OrganizationFrame(organizations: orgs,
                                 participants: collective?.participants ?? NodeSet(name: "none", members: []),
                                 collectiveEnd: end, heads: OrganizationFrame.heads(in: self, organizations: orgs),
                                 rule: rule)
    }
}
