import Testing
@testable import GraphAlgorithms
import GraphCore

/// Network exposure on a hand-drawn network where every value is worked out below.
///
/// Actors 0…6 with adoption periods 0:1, 1:2, 2:2, 3:3, 4:never, 5:4, 6:never (periods 1…4);
/// node 7 is an organization (outside the population) with members 0, 1, 2.
/// `advice` arcs (i names j): 0→1 0→2 | 1→0 1→3 | 2→1 2→7 | 3→0 3→1 3→2 3→4 | 4→3 4→5 | 5→4 5→5;
/// `friendship` arcs: 0→1 3→4 4→3. Node 6 has no ties. The arc 2→7 (to the organization) and
/// the self-loop 5→5 do not count.
@Suite("Exposure: hand-drawn network")
struct ExposureTests {
    static let advice: [(Int32, Int32)] = [(0, 1), (0, 2), (1, 0), (1, 3), (2, 1), (2, 7), (3, 0), (3, 1), (3, 2), (3, 4),
                                           (4, 3), (4, 5), (5, 4), (5, 5)]
    static let friendship: [(Int32, Int32)] = [(0, 1), (3, 4), (4, 3)]
    static let toa: [Int?] = [1, 2, 2, 3, nil, 4, nil]

    static func network() throws -> Network {
        var net = Network()
        for v in 0..<7 { try net.addNode("a\(v)", kind: .actor) }
        let org = try net.addNode("A", kind: .organization)
        for v: Int32 in [0, 1, 2] { try net.addEdge(v, org, relation: .member) }
        for (u, v) in advice { try net.addEdge(u, v, relation: "advice", direction: .directed) }
        for (u, v) in friendship { try net.addEdge(u, v, relation: "friendship", direction: .directed) }
        for (v, t) in toa.enumerated() { try net.setNodeAttribute("toa", of: Int32(v), t.map { .integer($0) } ?? .integer(99)) }
        return net
    }

    static func adoption() throws -> AdoptionTimes {
        try network().adoptionTimes(attribute: "toa", neverAdopted: 99, missing: .never)
    }

    func matrix(_ r: ExposureResult, _ v: Int32) -> [Double?] { (1...4).map { r.exposure(of: v, at: $0) } }

    @Test func adoptionTimesFromAnAttribute() throws {
        let a = try Self.adoption()
        #expect(a.periods == 1...4)
        #expect(a.populationCount == 7 && a.adopterCount == 5)
        #expect((0..<8).map { a.time(of: Int32($0)) } == [1, 2, 2, 3, nil, 4, nil, nil])
        #expect(a.inPopulation == [true, true, true, true, true, true, true, false])
    }

    @Test func exposureOverTimeAndThresholdsAtLagZero() throws {
        let r = Exposure.analyze(try Self.network(), adoption: try Self.adoption(),
                                 ExposureParameters(relations: ["advice"], permutations: 0))
        #expect(r.periods == 1...4 && r.relationName == "advice")
        // E_i(t) = share of i's alters adopted by the end of period t.
        #expect(matrix(r, 0) == [0, 1, 1, 1])                // alters 1 (t2), 2 (t2)
        #expect(matrix(r, 1) == [0.5, 0.5, 1, 1])            // 0 (t1), 3 (t3)
        #expect(matrix(r, 2) == [0, 1, 1, 1])                // 1 (t2); 7 is outside
        #expect(matrix(r, 3) == [0.25, 0.75, 0.75, 0.75])    // 0, 1, 2, 4 (never)
        #expect(matrix(r, 4) == [0, 0, 0.5, 1])              // 3 (t3), 5 (t4)
        #expect(matrix(r, 5) == [0, 0, 0, 0])                // 4 (never); the self-loop is dropped
        #expect(matrix(r, 6) == [nil, nil, nil, nil])        // no alters
        #expect(r.exposure(of: 3, at: 0) == 0 && r.exposure(of: 3, at: 9) == 0.75)
        #expect(r.alterCount == [2, 2, 1, 4, 2, 1, 0, 0])
        // τ_i = E_i(t_i): 0 adopted in the first period (left-censored), 4 and 6 never did.
        #expect(r.threshold == [nil, 0.5, 1, 0.75, nil, 0, nil, nil])
        #expect(r.meanThreshold == 0.5625)
        // Alters adopting strictly before: 1 ← 0; 3 ← 0, 1, 2; 4 (never) has two adopting alters.
        #expect(r.adoptingAltersBefore == [0, 1, 0, 3, 2, 0, 0, 0])
    }

    @Test func lagOneAndCensoredAdopters() throws {
        let net = try Self.network(), a = try Self.adoption()
        let lag1 = Exposure.analyze(net, adoption: a, ExposureParameters(relations: ["advice"], lag: 1, permutations: 0))
        // τ_i = E_i(t_i − 1): only alters who adopted strictly before count.
        #expect(lag1.threshold == [nil, 0.5, 0, 0.75, nil, 0, nil, nil])
        let censored = Exposure.analyze(net, adoption: a, ExposureParameters(relations: ["advice"], includeCensored: true,
                                                                             permutations: 0))
        #expect(censored.threshold[0] == 0)  // E_0(1): neither alter had adopted in period 1
        let lag2 = Exposure.analyze(net, adoption: a, ExposureParameters(relations: ["advice"], lag: 2, includeCensored: true,
                                                                         permutations: 0))
        // t_i − 2 must be a period: 1 and 2 (t = 2) fall before period 1.
        #expect(lag2.threshold == [nil, nil, nil, 0.25, nil, 0, nil, nil])
    }

    @Test func weightedCombinedIncomingAndBoth() throws {
        let net = try Self.network(), a = try Self.adoption()
        // Unweighted union of advice and friendship: friendship adds no new pair.
        let union = Exposure.analyze(net, adoption: a, ExposureParameters(permutations: 0))
        #expect(union.relations == ["advice", "friendship"])
        #expect(matrix(union, 3) == [0.25, 0.75, 0.75, 0.75])
        // Weighted: 0→1, 3→4, 4→3 weigh 2 (named in both relations).
        let w = Exposure.analyze(net, adoption: a, ExposureParameters(weighted: true, permutations: 0))
        #expect(matrix(w, 0) == [0, 1, 1, 1])
        #expect(matrix(w, 3) == [0.2, 0.6, 0.6, 0.6])        // 0, 1, 2 weigh 1; 4 (never) weighs 2
        #expect(matrix(w, 4) == [0, 0, 2.0 / 3, 1])          // 3 weighs 2, 5 weighs 1
        #expect(w.threshold[3] == 0.6 && w.alterWeight[3] == 5)
        // Friendship alone: nobody had an earlier-adopting friend.
        let f = Exposure.analyze(net, adoption: a, ExposureParameters(relations: ["friendship"], permutations: 0))
        #expect(matrix(f, 0) == [0, 1, 1, 1] && matrix(f, 3) == [0, 0, 0, 0] && matrix(f, 1) == [nil, nil, nil, nil])
        #expect(f.exposedAdopters.exposed == 0 && f.exposedAdopters.adoptersWithAlters == 2)
        // Incoming advice: 1 is named by 0 (t1), 2 (t2), 3 (t3).
        let inc = Exposure.analyze(net, adoption: a, ExposureParameters(relations: ["advice"], direction: .incoming, permutations: 0))
        #expect(matrix(inc, 1) == [1.0 / 3, 2.0 / 3, 1, 1])
        #expect(inc.threshold[1] == 2.0 / 3)
        #expect(matrix(inc, 0) == [0, 0.5, 1, 1])           // named by 1 (t2) and 3 (t3)
        // Both ways, weighted: the mutual pair 3–4 weighs 2 in advice (3→4 and 4→3) + 2 in friendship.
        let both = Exposure.analyze(net, adoption: a, ExposureParameters(weighted: true, direction: .both, permutations: 0))
        // 4's ties: 3 (4), 5 (advice 4→5 and 5→4: 2). E_4(3) = 4/6.
        #expect(both.alterWeight[4] == 6 && both.exposure(of: 4, at: 3) == 4.0 / 6)
    }

    @Test func eachRelationThenTheCombinationAndTheGraphEntryPoint() throws {
        let net = try Self.network(), a = try Self.adoption()
        let each = Exposure.analyzeEach(net, relations: ["advice", "friendship"], adoption: a, ExposureParameters(permutations: 20, seed: 9))
        #expect(each.map(\.relationName) == ["advice", "friendship", "advice+friendship"])
        #expect(each.map(\.exposedAdopters.exposed) == [2, 0, 2])
        #expect(each.allSatisfy { $0.parameters.seed == 9 && $0.exposedAdopters.permutations == 20 })
        // The same analysis from a CSRGraph of the advice ties.
        let g = net.graph(relations: ["advice"])
        let fromGraph = Exposure.analyze(g, adoption: a, relations: ["advice"], ExposureParameters(permutations: 20, seed: 9))
        #expect(fromGraph.exposureMatrix.elementsEqual(each[0].exposureMatrix) { $0 == $1 || ($0.isNaN && $1.isNaN) })
        #expect(fromGraph.threshold == each[0].threshold)
        #expect(fromGraph.exposedAdopters == each[0].exposedAdopters)
    }

    @Test func adopterCategoriesAndThresholdClasses() throws {
        let r = Exposure.analyze(try Self.network(), adoption: try Self.adoption(),
                                 ExposureParameters(relations: ["advice"], permutations: 0))
        // Times 1, 2, 2, 3, 4: mean 2.4, sd √1.3 = 1.1402; cuts 1.2598, 2.4, 3.5402.
        let tc = try #require(r.timeCutoffs)
        #expect(tc.mean == 2.4 && abs(tc.standardDeviation - 1.3.squareRoot()) < 1e-15 && tc.count == 5)
        #expect(r.adopterCategory == [.earlyAdopter, .earlyMajority, .earlyMajority, .lateMajority, .nonAdopter, .laggard,
                                      .nonAdopter, nil])
        // Thresholds 0.5, 1, 0.75, 0: mean 0.5625, sd √(0.546875 / 3) = 0.42696; cuts 0.1355, 0.5625, 0.9895.
        let hc = try #require(r.thresholdCutoffs)
        #expect(hc.mean == 0.5625 && abs(hc.standardDeviation - (0.546875 / 3).squareRoot()) < 1e-15)
        #expect(r.thresholdClass == [nil, .low, .veryHigh, .high, nil, .veryLow, nil, nil])
        // A value on a cut point goes up (R's findInterval): the mean itself is "high".
        #expect(hc.interval(0.5625) == 2 && hc.interval(hc.mean - hc.standardDeviation) == 1)
    }

    @Test func exposedAdoptersAgainstTheExactPermutationDistribution() throws {
        let net = try Self.network(), a = try Self.adoption()
        let r = Exposure.analyze(net, adoption: a, ExposureParameters(relations: ["advice"], permutations: 4000, seed: 3))
        let t = r.exposedAdopters
        // Exposed: 1 (alter 0 at t1 < 2) and 3 (alters 0, 1, 2); not 2 (alter 1 adopted in the same
        // period), 5 (alter 4 never) or 0 (first period).
        #expect(t.adopters == 5 && t.adoptersWithAlters == 5 && t.exposed == 2 && t.share == 0.4)
        #expect(t.permutations == 4000 && t.seed == 3 && t.permutationCounts.count == 4000)
        // The exact null: every one of the 7! orderings of the 7 actors' times is equally likely.
        let alters = ExposureAlters(net.graph(relations: ["advice"], selfLoops: .drop), direction: .outgoing,
                                    population: a.inPopulation)
        var tail = 0, total = 0, sum = 0
        var values = Array(a.times[0..<7])
        func visit(_ k: Int) {
            if k == values.count {
                var times = a.times
                for v in 0..<7 { times[v] = values[v] }
                let c = alters.exposedCount(times, inPopulation: a.inPopulation)
                total += 1; sum += c
                if c >= 2 { tail += 1 }
                return
            }
            for i in k..<values.count {
                values.swapAt(k, i); visit(k + 1); values.swapAt(k, i)
            }
        }
        visit(0)
        #expect(total == 5040)
        let exact = Double(tail) / Double(total), exactMean = Double(sum) / Double(total) / 5
        // The Monte Carlo p-value lands within its 99.9% binomial interval around the exact tail.
        let half = 3.29 * (exact * (1 - exact) / 4000).squareRoot()
        #expect(abs(t.pValue - exact) < half, "p = \(t.pValue), exact \(exact)")
        #expect(abs(t.permutationMean - exactMean) < 3.29 * 0.5 / 4000.0.squareRoot())  // a share's sd is ≤ 0.5
        // Same seed, any threads: the same null distribution.
        let one = Exposure.analyze(net, adoption: a, ExposureParameters(relations: ["advice"], permutations: 300, seed: 3, threads: 1))
        let two = Exposure.analyze(net, adoption: a, ExposureParameters(relations: ["advice"], permutations: 300, seed: 3, threads: 2))
        #expect(one.exposedAdopters.permutationCounts == two.exposedAdopters.permutationCounts)
        #expect(Array(t.permutationCounts.prefix(300)) == one.exposedAdopters.permutationCounts)
    }

    @Test func strataThatHoldOneTimeEachLeaveNothingToPermute() throws {
        let net = try Self.network(), a = try Self.adoption()
        // Stratum = adoption period: shuffling within strata changes nobody's time.
        let strata: [Int32] = [1, 2, 2, 3, 99, 4, 99, -1]
        let r = Exposure.analyze(net, adoption: a, ExposureParameters(relations: ["advice"], permutations: 50, seed: 5, strata: strata))
        let t = r.exposedAdopters
        #expect(t.permutationCounts == Array(repeating: 2, count: 50))
        #expect(t.pValue == 1 && t.permutationMean == 0.4 && t.permutationStandardDeviation == 0)
    }

    @Test func cumulativeAdoptionByOrganization() throws {
        let net = try Self.network(), a = try Self.adoption()
        let curves = a.curves(by: net.organizations())
        #expect(curves.count == 1)
        #expect(curves[0].name == "A" && curves[0].members == 3 && curves[0].periods == 1...4)
        #expect(curves[0].adopters == [1, 3, 3, 3] && curves[0].share == [1.0 / 3, 1, 1, 1])
        let all = try #require(a.overallCurve)
        #expect(all.members == 7 && all.adopters == [1, 3, 4, 5] && all.totalAdopters == 5)
    }

    @Test func badAdoptionData() throws {
        var net = try Self.network()
        #expect(throws: AdoptionDataError.noAttribute("when", available: ["toa"])) { try net.adoptionTimes(attribute: "when", missing: .never) }
        // Missing values: never adopted by default, or out of the population.
        try net.setNodeAttribute("toa", of: 6, nil)
        let never = try net.adoptionTimes(attribute: "toa", neverAdopted: 99, missing: .never)
        #expect(never.populationCount == 7 && never.time(of: 6) == nil)
        let excluded = try net.adoptionTimes(attribute: "toa", neverAdopted: 99, missing: .exclude)
        #expect(excluded.populationCount == 6 && !excluded.inPopulation[6])
        // Whole-valued doubles are periods; others are errors naming the node.
        try net.setNodeAttribute("when", of: 0, .double(3))
        try net.setNodeAttribute("when", of: 1, .double(2.5))
        #expect(throws: AdoptionDataError.notAPeriod(node: "a1", attribute: "when", value: "2.5")) {
            try net.adoptionTimes(attribute: "when", missing: .never)
        }
        try net.setNodeAttribute("when", of: 1, .double(4))
        let d = try net.adoptionTimes(attribute: "when", missing: .never)
        #expect(d.time(of: 0) == 3 && d.time(of: 1) == 4 && d.adopterCount == 2)
        // Periods far apart are dates or codes; values beyond ±10⁹ are not periods.
        try net.setNodeAttribute("when", of: 1, .double(200_003))
        #expect(throws: AdoptionDataError.tooManyPeriods(attribute: "when", first: 3, last: 200_003)) {
            try net.adoptionTimes(attribute: "when", missing: .never)
        }
        try net.setNodeAttribute("when", of: 1, .double(-2e9))
        #expect(throws: AdoptionDataError.notAPeriod(node: "a1", attribute: "when", value: "-2000000000.0")) {
            try net.adoptionTimes(attribute: "when", missing: .never)
        }
        try net.setNodeAttribute("big", of: 1, .integer(Int.min))
        #expect(throws: AdoptionDataError.notAPeriod(node: "a1", attribute: "big", value: String(Int.min))) {
            try net.adoptionTimes(attribute: "big", missing: .never)
        }
        // Nobody adopted.
        #expect(throws: AdoptionDataError.noAdopters(attribute: "toa")) {
            try net.adoptionTimes(attribute: "toa", neverAdopted: 99, missing: .never, population: NodeSet(name: "x", members: [4, 6]))
        }
    }
}
