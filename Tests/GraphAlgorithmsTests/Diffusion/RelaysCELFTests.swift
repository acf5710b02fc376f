import Testing
@testable import GraphAlgorithms
import GraphCore

/// Relay searches on a hand-drawn organizational network whose best relays are known.
///
/// Org A = {a1, a2, a3}, a1 alone in the collective, tied to a2 and a3 (acquaintance). Org C =
/// {c1, c2}: a1–c1, c1–c2. Org B = {b1, b2, b3}: b1 informs b2 and b3 (exchange b1 → b2, b1 → b3;
/// b2 and b3 report to b1), and nothing from outside reaches B. Org D = {d1, d2}: d1–d2, isolated.
/// With sure transmission the collective institutionalizes A and C; a tie into B helps only
/// through b1 (from b2 or b3 nothing flows on), and D is institutionalized by a tie to either of
/// its members.
@Suite("Relays: CELF and greedy on a hand-drawn organizational network")
struct RelaysCELFTests {
    static let names = ["a1", "a2", "a3", "b1", "b2", "b3", "c1", "c2", "d1", "d2"]

    static func network() throws -> Network {
        var net = Network()
        for id in names { _ = try net.addNode(id, kind: .actor) }
        for o in ["A", "B", "C", "D"] { _ = try net.addNode(o, kind: .organization) }
        let team = try net.addNode("team", kind: .collective)
        func v(_ id: String) -> Int32 { net.index(of: id)! }
        for id in names { try net.addEdge(v(id), v(String(id.first!).uppercased()), relation: .member) }
        try net.addEdge(v("a1"), team, relation: .participant)
        for (x, y) in [("a1", "a2"), ("a1", "a3"), ("a1", "c1"), ("c1", "c2"), ("d1", "d2")] {
            try net.addEdge(v(x), v(y), relation: .acquaintance)
        }
        for (x, y) in [("b1", "b2"), ("b1", "b3")] { try net.addEdge(v(x), v(y), relation: .exchange) }
        for (x, y) in [("b2", "b1"), ("b3", "b1")] { try net.addEdge(v(x), v(y), relation: .reportsTo) }
        return net
    }

    struct Setup {
        let net: Network
        let frame: OrganizationFrame
        let channels: TransmissionChannels
        let graph: DiffusionGraph
    }

    static func setup(acquaintance: Double = 1, exchange: Double = 1, end: Int? = nil) throws -> Setup {
        let net = try network()
        let f = net.diffusionFrame(collective: net.collectives.first)
        let frame = OrganizationFrame(organizations: f.organizations, participants: f.participants, collectiveEnd: end,
                                      heads: f.heads, rule: f.rule)
        let channels = TransmissionChannels(strength: [.acquaintance: acquaintance, .exchange: exchange])
        return Setup(net: net, frame: frame, channels: channels, graph: net.diffusionGraph(channels))
    }

    static func v(_ id: String) -> Int32 { Int32(names.firstIndex(of: id)!) }
    static func tie(_ a: String, _ b: String) -> RelayCandidate { .tie(v(a), v(b)) }

    @Test func candidatesAcrossOrganizationsNotYetTied() throws {
        let s = try Self.setup()
        let tie = RelayTie(relation: .acquaintance, strength: 1)
        let ties = try s.net.relayCandidates(.actorsOutside, adding: .ties, frame: s.frame, graph: s.graph, tie: tie)
        // a1 with everyone outside the collective, except its own organization and c1 (tied).
        #expect(ties == [Self.tie("a1", "b1"), Self.tie("a1", "b2"), Self.tie("a1", "b3"), Self.tie("a1", "c2"),
                         Self.tie("a1", "d1"), Self.tie("a1", "d2")])
        #expect(s.net.relayManagers(frame: s.frame) == [Self.v("b1")])
        #expect(try s.net.relayCandidates(.managers, adding: .ties, frame: s.frame, graph: s.graph, tie: tie) == [Self.tie("a1", "b1")])
        let actors = try s.net.relayCandidates(.actorsOutside, adding: .actors, frame: s.frame, graph: s.graph, tie: tie)
        #expect(actors == (1..<10).map { .actor(Int32($0)) })
        // A directed tie relation: both orientations are candidates unless the arc exists.
        let directed = RelayTie(relation: .exchange, strength: 1, bothWays: false)
        let all = try s.net.relayCandidates(.ids(["b2"]), adding: .ties, frame: s.frame, graph: s.graph, tie: directed)
        #expect(all.count == 2 * 7)  // b2 with a1, a2, a3, c1, c2, d1, d2, both ways
        #expect(try s.net.relayCandidates(.ids(["b2:a1", "a1:b2"]), adding: .ties, frame: s.frame, graph: s.graph, tie: tie)
                == [Self.tie("a1", "b2")])
        #expect(throws: RelayError("no node has the id \"zz\"")) {
            try s.net.relayCandidates(.ids(["zz"]), adding: .actors, frame: s.frame, graph: s.graph, tie: tie)
        }
        #expect(throws: RelayError("\"a1\" is already in the collective")) {
            try s.net.relayCandidates(.ids(["a1"]), adding: .actors, frame: s.frame, graph: s.graph, tie: tie)
        }
        #expect(try RelayCandidateSet(parsing: "b1, d2") == .ids(["b1", "d2"]))
        #expect(try RelayCandidateSet(parsing: "managers") == .managers)
    }

    @Test func theOnlyTieIntoAnIsolatedOrganizationComesFirst() throws {
        let s = try Self.setup()
        let tie = RelayTie(relation: .acquaintance, strength: 1)
        let candidates = try s.net.relayCandidates(.actorsOutside, adding: .ties, frame: s.frame, graph: s.graph, tie: tie)
        var results: [RelaysResult] = []
        for method in [RelaySearch.Method.celf, .greedy] {
            let r = try RelaySearch(budget: 2, method: method, runs: 40, seed: 3, tie: tie)
                .run(s.net, channels: s.channels, frame: s.frame, candidates: candidates)
            // The collective alone institutionalizes A and C, in every run.
            #expect(r.base.value == 2 && r.base.low == 2 && r.base.high == 2)
            #expect(r.picks.map(\.candidate) == [Self.tie("a1", "b1"), Self.tie("a1", "d1")])
            #expect(r.picks.map(\.gain.value) == [1, 1] && r.picks.map(\.gain.halfWidth) == [0, 0])
            #expect(r.picks.map(\.objective.value) == [3, 4])
            results.append(r)
        }
        // CELF: 1 base + 6 candidates + 1 lazy re-evaluation (d1); greedy: + 5 in round 2.
        #expect(results[0].evaluations == 8 && results[1].evaluations == 12)
    }

    @Test func actorsJoiningTheCollective() throws {
        let s = try Self.setup()
        let candidates = try s.net.relayCandidates(.actorsOutside, adding: .actors, frame: s.frame, graph: s.graph,
                                                   tie: RelayTie(strength: 1))
        // b1 joining makes B's other two members adopt (2 of 2 beyond the collective); d1 gives D.
        let inst = try RelaySearch(budget: 2, runs: 20).run(s.net, channels: s.channels, frame: s.frame, candidates: candidates)
        #expect(inst.picks.map(\.candidate) == [.actor(Self.v("b1")), .actor(Self.v("d1"))])
        #expect(inst.picks.map(\.gain.value) == [1, 1])
        // Adopters beyond the original collective: a2, a3, c1, c2; b1 adds itself, b2 and b3; d1 adds 2.
        let adopters = try RelaySearch(budget: 2, objective: .adopters, runs: 20)
            .run(s.net, channels: s.channels, frame: s.frame, candidates: candidates)
        #expect(adopters.base.value == 4)
        #expect(adopters.picks.map(\.candidate) == [.actor(Self.v("b1")), .actor(Self.v("d1"))])
        #expect(adopters.picks.map(\.gain.value) == [3, 2] && adopters.picks.map(\.objective.value) == [7, 9])
    }

    @Test func stochasticGainsMatchTheirExactValues() throws {
        // The added tie transmits with p = 0.5; everything else is sure. Adopters gained: through
        // a1–b1, 0.5 × 3; through a1–d1 (or d2), 0.5 × 2; through a1–b2, 0.5.
        let s = try Self.setup()
        let tie = RelayTie(relation: .acquaintance, strength: 0.5)
        let candidates = try s.net.relayCandidates(.actorsOutside, adding: .ties, frame: s.frame, graph: s.graph, tie: tie)
        let r = try RelaySearch(budget: 2, objective: .adopters, runs: 4000, seed: 11, threads: 2, tie: tie)
            .run(s.net, channels: s.channels, frame: s.frame, candidates: candidates)
        #expect(r.base.value == 4 && r.base.halfWidth == 0)
        // d1 and d2 tie in expectation: either may come second.
        #expect(r.picks.count == 2 && r.picks[0].candidate == Self.tie("a1", "b1"))
        #expect([Self.tie("a1", "d1"), Self.tie("a1", "d2")].contains(r.picks[1].candidate))
        for (pick, exact) in zip(r.picks, [1.5, 1.0]) {
            let se = pick.gain.halfWidth / 1.959963984540054
            #expect(abs(pick.gain.value - exact) <= 3.3 * se, "gain \(pick.gain) vs \(exact)")
            #expect(pick.gain.low > 0.8 * exact && pick.gain.high < 1.2 * exact)
        }
    }

    @Test func objectivesAgreeWithDiffusionSimulate() throws {
        // Stochastic channels and a collective that ends at step 2: the evaluator's mean over runs
        // equals what Diffusion.simulate reports for the same seed and runs.
        let s = try Self.setup(acquaintance: 0.4, exchange: 0.6, end: 2)
        let sim = Diffusion.simulate(s.graph, DiffusionParameters(model: .independentCascade, seeds: s.frame.participants.members,
                                                                  runs: 900, horizon: 10, seed: 21, threads: 2, frame: s.frame))
        let inst = try RelaySearch(budget: 0, runs: 900, horizon: 10, seed: 21, threads: 3)
            .run(s.net, channels: s.channels, frame: s.frame, candidates: [])
        let expected = sim.organizations.filter { $0.nonParticipantMembers > 0 }.reduce(0) { $0 + $1.institutionalizedAtHorizon.value }
        #expect(abs(inst.base.value - expected) < 1e-12)
        let adopters = try RelaySearch(budget: 0, objective: .adopters, runs: 900, horizon: 10, seed: 21)
            .run(s.net, channels: s.channels, frame: s.frame, candidates: [])
        #expect(abs(adopters.base.value - (sim.spread.value - 1)) < 1e-12)
        #expect(abs(adopters.base.halfWidth - sim.spread.halfWidth) < 1e-12)
    }

    @Test func sameResultForAnyThreadCount() throws {
        let s = try Self.setup(acquaintance: 0.3, exchange: 0.5, end: 3)
        let tie = RelayTie(relation: .acquaintance, strength: 0.3)
        for kind in RelayKind.allCases {
            let candidates = try s.net.relayCandidates(.all, adding: kind, frame: s.frame, graph: s.graph, tie: tie)
            for model in [DiffusionModel.independentCascade, .linearThreshold(.uniformRandom)] {
                let rs = try [1, 2, 3].map {
                    try RelaySearch(budget: 2, model: model, runs: 300, horizon: 8, seed: 5, threads: $0, tie: tie)
                        .run(s.net, channels: s.channels, frame: s.frame, candidates: candidates)
                }
                for r in rs.dropFirst() {
                    #expect(r.picks == rs[0].picks, "\(kind) \(model)")
                    #expect(r.base == rs[0].base && r.evaluations == rs[0].evaluations)
                }
            }
        }
    }

    @Test func immThroughTheSearchFindsTheSameRelays() throws {
        let s = try Self.setup()
        let candidates = try s.net.relayCandidates(.actorsOutside, adding: .actors, frame: s.frame, graph: s.graph,
                                                   tie: RelayTie(strength: 1))
        let r = try RelaySearch(budget: 2, method: .imm, objective: .adopters, runs: 20, seed: 4, epsilon: 0.2)
            .run(s.net, channels: s.channels, frame: s.frame, candidates: candidates)
        #expect(r.picks.map(\.candidate) == [.actor(Self.v("b1")), .actor(Self.v("d1"))])
        #expect(r.picks.map(\.gain.value) == [3, 2] && r.evaluations == 3)
        let imm = try #require(r.imm)
        // 15 nodes: the collective reaches a1, a2, a3, c1, c2 (σ = 5); b1 adds 3, d1 adds 2.
        let sd = 15 * (0.25 / Double(imm.rrSets)).squareRoot()
        #expect(abs(imm.estimatedBaseSpread - 5) <= 4 * sd && abs(imm.estimatedSpread - 10) <= 4 * sd)
        #expect(abs(r.picks[0].estimatedMarginalSpread! - 3) <= 4 * sd)
    }

    @Test func impossibleRequestsAreErrors() throws {
        let s = try Self.setup()
        let tie = RelayTie(strength: 1)
        let ties = try s.net.relayCandidates(.managers, adding: .ties, frame: s.frame, graph: s.graph, tie: tie)
        let actors = try s.net.relayCandidates(.managers, adding: .actors, frame: s.frame, graph: s.graph, tie: tie)
        #expect(throws: RelayError.self) {
            try RelaySearch(budget: 1, method: .imm, objective: .adopters, tie: tie).run(s.net, channels: s.channels, frame: s.frame, candidates: ties)
        }
        #expect(throws: RelayError.self) {
            try RelaySearch(budget: 1, method: .imm).run(s.net, channels: s.channels, frame: s.frame, candidates: actors)
        }
        #expect(throws: RelayError.self) {
            try RelaySearch(budget: 1, method: .imm, objective: .adopters, model: .complexContagion(.absolute(2)))
                .run(s.net, channels: s.channels, frame: s.frame, candidates: actors)
        }
        #expect(throws: RelayError.self) {
            try RelaySearch(budget: 1).run(s.net, channels: s.channels, frame: s.frame, candidates: ties)  // no RelayTie
        }
        let noOrgs = OrganizationFrame(organizations: Partition(labels: Array(repeating: -1, count: 15), groupNames: []),
                                       participants: s.frame.participants)
        #expect(throws: RelayError.self) {
            try RelaySearch(budget: 1).run(s.net, channels: s.channels, frame: noOrgs, candidates: actors)
        }
    }
}
