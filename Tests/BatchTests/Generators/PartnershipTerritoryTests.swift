import Interstice
import Testing

@Suite("Generators: partnership territory (stochastic block model)")
struct PartnershipTerritoryTests {
    func territory(_ sizes: [Int] = [10, 12, 8]) -> PartnershipTerritory {
        var t = PartnershipTerritory(organizationSizes: sizes)
        t.collectiveSize = 6
        return t
    }

    @Test("Organizations, members, heads, the collective and its lifespan")
    func structure() throws {
        let net = try territory().generate(seed: 1, name: "t")
        #expect(net.nodes(ofKind: .actor).count == 30)
        #expect(net.nodes(ofKind: .organization).count == 3)
        #expect(net.layer(.member)?.edgeCount == 30)
        #expect(net.layer(.reportsTo)?.edgeCount == 27)
        let orgs = net.organizations()
        #expect(orgs.sizes == [10, 12, 8])
        #expect(OrganizationFrame.heads(in: net, organizations: orgs) == [net.index(of: "o1-1")!, net.index(of: "o2-1")!, net.index(of: "o3-1")!])
        let c = try #require(net.collectives.first)
        #expect(c.participants.count == 6)
        #expect(c.start?.description == "2024-01-01")
        #expect(c.end?.description == "2024-12-31")
        #expect(net.diffusionFrame(collective: c, stepDays: 30).collectiveEnd == 12)
        // Two delegates from each organization, none of them a head.
        var per = [0, 0, 0]
        for v in c.participants.members {
            let g = Int(orgs.groups(of: v).first!)
            per[g] += 1
            #expect(net.nodeAttribute("role", of: v) == .string("member"))
            #expect(net.nodeAttribute("delegate", of: v) == .boolean(true))
        }
        #expect(per == [2, 2, 2])
    }

    @Test("within = 1, between = 0: every pair inside an organization, none across; exchange = 1: both arcs on each tie")
    func blocks() throws {
        var t = territory()
        t.within = 1; t.between = 0; t.bridging = 0; t.exchange = 1
        let net = try t.generate(seed: 2)
        #expect(net.layer(.acquaintance)?.edgeCount == 45 + 66 + 28)
        #expect(net.layer(.exchange)?.edgeCount == 2 * (45 + 66 + 28))
        let orgs = net.organizations()
        let l = try #require(net.layer(.acquaintance))
        for e in 0..<l.edgeCount { #expect(orgs.groups(of: l.sources[e]).first == orgs.groups(of: l.targets[e]).first) }
    }

    @Test("bridging = 1 ties every pair of participants from different organizations")
    func bridging() throws {
        var t = territory()
        t.within = 0; t.between = 0; t.bridging = 1; t.exchange = 0
        let net = try t.generate(seed: 3)
        // 6 participants, 2 per organization: 15 pairs, 3 of them inside an organization.
        #expect(net.layer(.acquaintance)?.edgeCount == 12)
        #expect(net.layer(.exchange)?.edgeCount == 0)
        let c = net.collectives[0].participants.members
        let l = try #require(net.layer(.acquaintance))
        for e in 0..<l.edgeCount { #expect(c.contains(l.sources[e]) && c.contains(l.targets[e])) }
    }

    @Test("Block probabilities: tie counts near their expectations")
    func probabilities() throws {
        // Two organizations of 200: within pairs 2 · 19900, p = 0.1 → 3980 (sd 59.9);
        // across pairs 40000, p = 0.01 → 400 (sd 19.9).
        var t = PartnershipTerritory(organizationSizes: [200, 200])
        t.within = 0.1; t.between = 0.01; t.collectiveSize = 0; t.exchange = 0.5
        let net = try t.generate(seed: 5)
        let orgs = net.organizations()
        let l = try #require(net.layer(.acquaintance))
        var inside = 0, across = 0
        for e in 0..<l.edgeCount {
            if orgs.groups(of: l.sources[e]).first == orgs.groups(of: l.targets[e]).first { inside += 1 } else { across += 1 }
        }
        #expect(abs(Double(inside) - 3980) < 5 * 59.9)
        #expect(abs(Double(across) - 400) < 5 * 19.9)
        // Each tie carries each arc with probability 0.5: 2 · ties · 0.5 arcs expected.
        let x = Double(net.layer(.exchange)?.edgeCount ?? 0)
        #expect(abs(x - Double(l.edgeCount)) < 5 * (Double(2 * l.edgeCount) * 0.25).squareRoot())
        #expect(net.collectives.isEmpty)
    }

    @Test("A collective from fewer organizations, and heads delegated only when no one else is left")
    func delegation() throws {
        var t = PartnershipTerritory(organizationSizes: [3, 3, 3, 3])
        t.collectiveSize = 6; t.collectiveOrganizations = 2
        let net = try t.generate(seed: 7)
        let orgs = net.organizations()
        let c = net.collectives[0].participants.members
        #expect(c.count == 6)
        #expect(Set(c.map { orgs.groups(of: $0).first! }).count == 2)
        // 3 per organization out of 3 members: the heads are in.
        #expect(c.filter { net.nodeAttribute("role", of: $0) == .string("head") }.count == 2)
    }

    @Test("Same seed, same bytes; another seed, other ties")
    func seeded() throws {
        let a = DatasetFolder.encode(try territory().generate(seed: 9, name: "x"))
        let b = DatasetFolder.encode(try territory().generate(seed: 9, name: "x"))
        let c = DatasetFolder.encode(try territory().generate(seed: 10, name: "x"))
        #expect(a.map(\.bytes) == b.map(\.bytes))
        #expect(a.map(\.bytes) != c.map(\.bytes))
    }

    @Test("Bad parameters are refused with what was expected")
    func bad() {
        var t = territory([2, 2])
        t.collectiveSize = 6
        #expect(throws: AlgorithmError.self) { try t.generate(seed: 1) }
        t = territory(); t.within = 1.5
        #expect(throws: AlgorithmError("territory: within must be a probability in [0, 1], found 1.5")) { try t.generate(seed: 1) }
        t = territory(); t.collectiveOrganizations = 4
        #expect(throws: AlgorithmError.self) { try t.generate(seed: 1) }
        #expect(throws: AlgorithmError.self) { try PartnershipTerritory(organizationSizes: []).generate(seed: 1) }
    }
}
