import GraphCore

/// A synthetic partnership territory: organizations of actors tied by a stochastic block
/// model, a partnership collective whose participants are delegated by several organizations,
/// and the ties the collective adds between them.
///
/// The model (Holland, Laskey and Leinhardt 1983, "Stochastic blockmodels: first steps", Social
/// Networks 5, with the organizations as the blocks):
/// - Organization g has `organizationSizes[g]` actors; with `hierarchy`, its first actor is its
///   head and every other member has a `reports_to` tie to the head.
/// - Two actors of the same organization know each other (`acquaintance`) with probability
///   `within`, two actors of different organizations with probability `between`.
/// - The collective has `collectiveSize` participants spread as evenly as possible over
///   `collectiveOrganizations` organizations drawn at random (all of them by default); each
///   organization delegates members at random, its head only when it has no one else left.
/// - Bridging: two participants from different organizations get an acquaintance tie with
///   probability `bridging` (the interconnaissance the collective builds), when they had none.
/// - Each acquaintance tie carries an `exchange` arc in each direction with probability
///   `exchange`, independently.
/// - The collective lives from `start` for `lifespanDays` days (`start` and `end` date
///   attributes), so a diffusion's collective ends at step ⌊lifespanDays / stepDays⌋.
///
/// ```swift
/// var t = PartnershipTerritory(organizationSizes: [12, 12, 12, 12, 12])
/// t.collectiveSize = 6; t.bridging = 0.8
/// let net = try t.generate(seed: 1, name: "territory-1")
/// net.collectives.first?.participants.count   // 6
/// ```
///
/// Each part draws from its own stream of `SplitMix64(seed:stream:)` (ties 1, delegation 2,
/// bridging 3, exchanges 4), so the same parameters and seed give the same network.
public struct PartnershipTerritory: Sendable, Hashable {
    /// Members of each organization.
    public var organizationSizes: [Int]
    /// Acquaintance probability between two members of one organization.
    public var within: Double = 0.3
    /// Acquaintance probability between members of two organizations.
    public var between: Double = 0.02
    /// Probability that an acquaintance tie carries an exchange arc, per direction.
    public var exchange: Double = 0.3
    /// Participants of the collective (0: no collective).
    public var collectiveSize: Int = 6
    /// Organizations that delegate participants (nil: every organization, at most one per
    /// participant).
    public var collectiveOrganizations: Int? = nil
    /// Acquaintance probability between participants of different organizations.
    public var bridging: Double = 0.5
    /// Heads and `reports_to` ties.
    public var hierarchy: Bool = true
    /// The collective's first day.
    public var start: CalendarDate = CalendarDate(daysSinceEpoch: 19723)  // 2024-01-01
    /// The collective's lifespan in days.
    public var lifespanDays: Int = 365

    public init(organizationSizes: [Int]) {
        self.organizationSizes = organizationSizes
    }

    /// Checks the parameters.
    /// - Throws: ``AlgorithmError`` naming the first bad parameter.
    public func validate() throws(AlgorithmError) {
        guard !organizationSizes.isEmpty else { throw AlgorithmError("territory: at least one organization is needed") }
        guard organizationSizes.allSatisfy({ $0 >= 1 }) else { throw AlgorithmError("territory: every organization needs at least one member") }
        guard organizationSizes.reduce(0, +) < Int(Int32.max) - organizationSizes.count - 1 else {
            throw AlgorithmError("territory: too many actors")
        }
        for (name, p) in [("within", within), ("between", between), ("exchange", exchange), ("bridging", bridging)]
        where !(p >= 0 && p <= 1) {
            throw AlgorithmError("territory: \(name) must be a probability in [0, 1], found \(p)")
        }
        guard collectiveSize >= 0 else { throw AlgorithmError("territory: the collective size must be ≥ 0, found \(collectiveSize)") }
        guard lifespanDays >= 0 else { throw AlgorithmError("territory: the lifespan must be ≥ 0 days, found \(lifespanDays)") }
        guard collectiveSize <= organizationSizes.reduce(0, +) else {
            throw AlgorithmError("territory: a collective of \(collectiveSize) needs that many actors; there are \(organizationSizes.reduce(0, +))")
        }
        if let b = collectiveOrganizations {
            guard b >= 1 && b <= organizationSizes.count else {
                throw AlgorithmError("territory: the collective's organizations must be in 1…\(organizationSizes.count), found \(b)")
            }
            guard collectiveSize == 0 || b <= collectiveSize else {
                throw AlgorithmError("territory: \(b) organizations cannot each delegate someone to a collective of \(collectiveSize)")
            }
        }
    }

    /// Draws a territory; the same parameters and seed give the same network.
    /// - Parameter name: the dataset name recorded in the metadata.
    /// - Throws: ``AlgorithmError`` for bad parameters, or when an organization is too small for
    ///   the participants it must delegate.
    /// - Complexity: O(N + K² + m) expected for N actors, K organizations and m ties.
    public func generate(seed: UInt64, name: String? = nil) throws(AlgorithmError) -> Network {
        try validate()
        let k = organizationSizes.count
        var offset = [0]
        for s in organizationSizes { offset.append(offset[offset.count - 1] + s) }
        let n = offset[k]
        func orgOf(_ v: Int) -> Int {
            var lo = 0, hi = k - 1
            while lo < hi { let mid = (lo + hi + 1) / 2; if offset[mid] <= v { lo = mid } else { hi = mid - 1 } }
            return lo
        }

        // Delegation (stream 2).
        var participants: [Int] = []
        if collectiveSize > 0 {
            var rng = SplitMix64(seed: seed, stream: 2)
            let b = collectiveOrganizations ?? min(k, collectiveSize)
            var orgs = Array(0..<k)
            for i in 0..<b { orgs.swapAt(i, i + rng.next(below: k - i)) }
            let chosen = orgs[0..<b].sorted()
            var quota = [Int](repeating: 0, count: k)
            for i in 0..<collectiveSize { quota[chosen[i % b]] += 1 }
            for g in chosen {
                let first = hierarchy ? offset[g] + 1 : offset[g]
                var pool = Array(first..<offset[g + 1])
                for i in 0..<min(quota[g], pool.count) { pool.swapAt(i, i + rng.next(below: pool.count - i)) }
                if hierarchy { pool.append(offset[g]) }
                guard quota[g] <= pool.count else {
                    throw AlgorithmError("territory: organization \(g + 1) has \(pool.count) members and cannot delegate \(quota[g]) participants")
                }
                participants.append(contentsOf: pool[0..<quota[g]])
            }
            participants.sort()
        }

        // Block-model ties (stream 1).
        var codes: [UInt64] = []
        var rng = SplitMix64(seed: seed, stream: 1)
        for a in 0..<k {
            let sa = organizationSizes[a]
            var within = BernoulliSkips(total: UInt64(sa) * UInt64(sa - 1) / 2, p: self.within)
            var row = 0
            var rowStart: UInt64 = 0
            while let x = within.next(&rng) {
                while x >= rowStart + UInt64(sa - 1 - row) { rowStart += UInt64(sa - 1 - row); row += 1 }
                codes.append(GeneratedGraph.code(offset[a] + row, offset[a] + row + 1 + Int(x - rowStart), n))
            }
            for b in (a + 1)..<max(a + 1, k) {
                let sb = UInt64(organizationSizes[b])
                var across = BernoulliSkips(total: UInt64(sa) * sb, p: between)
                while let x = across.next(&rng) {
                    codes.append(GeneratedGraph.code(offset[a] + Int(x / sb), offset[b] + Int(x % sb), n))
                }
            }
        }
        codes.sort()

        // Bridging ties between participants (stream 3).
        var bridges: [UInt64] = []
        var brng = SplitMix64(seed: seed, stream: 3)
        for i in 0..<participants.count {
            for j in (i + 1)..<max(i + 1, participants.count) where orgOf(participants[i]) != orgOf(participants[j]) {
                let c = GeneratedGraph.code(participants[i], participants[j], n)
                if brng.nextUnit() < bridging && !Self.sortedContains(codes, c) { bridges.append(c) }
            }
        }
        let ties = GeneratedGraph(nodeCount: n, codes: codes + bridges)

        // The network.
        var net = Network()
        net.metadata = DatasetMetadata(
            name: name,
            title: "Synthetic partnership territory: \(k) organizations, \(n) actors, a collective of \(participants.count)",
            source: "interstice generate territory, seed \(seed): \(description)",
            licence: "generated data, no restriction",
            relations: [
                "member": "actor → her organization",
                "participant": "actor → the partnership collective",
                "reports_to": "actor → her organization's head",
                "acquaintance": "knowing each other (block model within/between organizations, plus the collective's bridging ties)",
                "exchange": "giver → receiver of a service, on acquaintance ties",
            ],
            organizationKind: "organization")
        net.reserveNodes(n + k + 1)
        let isParticipant = Set(participants)
        for g in 0..<k {
            for i in 0..<organizationSizes[g] {
                let v = net.node("o\(g + 1)-\(i + 1)", kind: .actor)
                let head = hierarchy && i == 0
                _ = try? net.setNodeAttribute("role", of: v, .string(head ? "head" : "member"))
                _ = try? net.setNodeAttribute("delegate", of: v, .boolean(isParticipant.contains(offset[g] + i)))
            }
        }
        for g in 0..<k {
            let o = net.node("o\(g + 1)", kind: .organization)
            net.setLabel("Organization \(g + 1)", of: o)
        }
        for g in 0..<k {
            let o = Int32(n + g)
            for v in offset[g]..<offset[g + 1] { _ = try? net.addEdge(Int32(v), o, relation: .member) }
        }
        if collectiveSize > 0 {
            let c = net.node("collective", kind: .collective)
            net.setLabel("Partnership collective", of: c)
            _ = try? net.setNodeAttribute("start", of: c, .date(start))
            _ = try? net.setNodeAttribute("end", of: c, .date(CalendarDate(daysSinceEpoch: start.daysSinceEpoch + Int32(clamping: lifespanDays))))
            for v in participants { _ = try? net.addEdge(Int32(v), c, relation: .participant) }
        }
        if hierarchy {
            for g in 0..<k {
                for v in (offset[g] + 1)..<max(offset[g] + 1, offset[g + 1]) {
                    _ = try? net.addEdge(Int32(v), Int32(offset[g]), relation: .reportsTo)
                }
            }
        }
        _ = try? net.addLayer(.acquaintance)
        for i in 0..<ties.edgeCount { _ = try? net.addEdge(ties.sources[i], ties.targets[i], relation: .acquaintance) }
        _ = try? net.addLayer(.exchange)
        var xrng = SplitMix64(seed: seed, stream: 4)
        for i in 0..<ties.edgeCount {
            if xrng.nextUnit() < exchange { _ = try? net.addEdge(ties.sources[i], ties.targets[i], relation: .exchange) }
            if xrng.nextUnit() < exchange { _ = try? net.addEdge(ties.targets[i], ties.sources[i], relation: .exchange) }
        }
        return net
    }

    /// The parameters as text, recorded in the dataset's metadata.
    public var description: String {
        var s = "organizations \(organizationSizes.map(String.init).joined(separator: ",")), within \(within), between \(between)"
        s += ", exchange \(exchange), collective \(collectiveSize)"
        if let b = collectiveOrganizations { s += " from \(b) organizations" }
        s += ", bridging \(bridging), hierarchy \(hierarchy), start \(start), lifespan \(lifespanDays) days"
        return s
    }

    static func sortedContains(_ a: [UInt64], _ x: UInt64) -> Bool {
        var lo = 0, hi = a.count
        while lo < hi { let mid = (lo + hi) / 2; if a[mid] < x { lo = mid + 1 } else { hi = mid } }
        return lo < a.count && a[lo] == x
    }
}
