import Foundation
import Testing
@testable import GraphAlgorithms
import GraphCore
import TestSupport

/// Network exposure on medInnovations (Coleman, Katz and Menzel's physicians) against
/// `Tests/Fixtures/exposure/exposure_oracle.json`, computed by `make_exposure_oracle.py` from
/// Valente's definitions: every exposure, threshold, class, count and the whole permutation
/// distribution of each configuration.
@Suite("Exposure: medInnovations against the oracle")
struct ExposureOracleTests {
    /// medInnovations read straight from its CSV files (ids, kinds, `toa`, `city`, and the
    /// nomination and member edges), so that these tests do not depend on GraphIO.
    static let network: Network = {
        func rows(_ file: String) -> (header: [String], rows: [[String]]) {
            let text = (try? String(contentsOfFile: Fixtures.dataset("medInnovations/\(file)"), encoding: .utf8)) ?? ""
            var lines = text.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
            let header = lines.isEmpty ? [] : lines.removeFirst()
            return (header, lines)
        }
        var net = Network()
        let nodes = rows("nodes.csv")
        let id = nodes.header.firstIndex(of: "id")!, kind = nodes.header.firstIndex(of: "kind")!
        let toa = nodes.header.firstIndex(of: "toa:int")!, city = nodes.header.firstIndex(of: "city:int")!
        for r in nodes.rows {
            let v = try! net.addNode(r[id], kind: NodeKind(r[kind]))
            if let t = Int(r[toa]) { try! net.setNodeAttribute("toa", of: v, .integer(t)) }
            if let c = Int(r[city]) { try! net.setNodeAttribute("city", of: v, .integer(c)) }
        }
        let edges = rows("edges.csv")
        let s = edges.header.firstIndex(of: "source")!, t = edges.header.firstIndex(of: "target")!
        let rel = edges.header.firstIndex(of: "relation")!, w = edges.header.firstIndex(of: "weight")!
        for r in edges.rows {
            try! net.addEdge(net.index(of: r[s])!, net.index(of: r[t])!, relation: Relation(r[rel]),
                             weight: Double(r[w]) ?? 1, direction: .directed)
        }
        return net
    }()

    nonisolated(unsafe) static let oracle: [String: Any] = (try? Fixtures.json("exposure/exposure_oracle.json")) as? [String: Any] ?? [:]

    static var adoption: AdoptionTimes { try! network.adoptionTimes(attribute: "toa", neverAdopted: 18, missing: .never) }

    /// The oracle's physicians as network indices.
    static var actors: [Int32] { (oracle["ids"] as! [String]).map { network.index(of: $0)! } }

    static func parameters(_ c: [String: Any]) -> ExposureParameters {
        let strata: [Int32]? = (c["strata"] as? String).map { name in
            (0..<network.nodeCount).map { Int32(network.nodeAttribute(name, of: Int32($0))?.numericValue ?? -1) }
        }
        return ExposureParameters(relations: (c["relations"] as! [String]).map { Relation($0) }, weighted: c["weighted"] as! Bool,
                                  direction: ExposureDirection(rawValue: c["direction"] as! String)!, lag: c["lag"] as! Int,
                                  includeCensored: c["include_censored"] as! Bool, permutations: c["permutations"] as! Int,
                                  seed: UInt64(c["seed"] as! Int), strata: strata, threads: 2)
    }

    static func double(_ x: Any?) -> Double? { (x as? NSNumber)?.doubleValue }

    @Test func populationTimesAndAdopterCategories() throws {
        let a = Self.adoption
        #expect(a.populationCount == 125 && a.adopterCount == 109)
        #expect(a.periods == 1...17 && Self.oracle["periods"] as? [Int] == [1, 17])
        let toa = Self.oracle["toa"] as! [Any]
        #expect(Self.actors.enumerated().allSatisfy { k, v in a.time(of: v) == (toa[k] as? Int) })
        let (cats, cut) = a.adopterCategories()
        let oc = Self.oracle["time_cutoffs"] as! [String: Any]
        #expect(cut?.mean == Self.double(oc["mean"]) && cut?.standardDeviation == Self.double(oc["sd"]) && cut?.count == 109)
        let expected = Self.oracle["adopter_category"] as! [String]
        #expect(Self.actors.map { cats[Int($0)]?.rawValue ?? "-" } == expected)
        // Counted by hand from the oracle's toa: 109 adopters in months 1–17, 16 non-adopters.
        #expect(expected.filter { $0 == "non-adopter" }.count == 16)
    }

    @Test(arguments: 0..<11)
    func configuration(_ index: Int) throws {
        let configs = Self.oracle["configs"] as! [[String: Any]]
        #expect(configs.count == 11)
        let c = configs[index]
        let r = Exposure.analyze(Self.network, adoption: Self.adoption, Self.parameters(c))
        let name = c["name"] as! String
        let actors = Self.actors
        #expect(actors.map { r.alterCount[Int($0)] } == c["alters"] as! [Int], "\(name)")
        #expect(actors.map { r.adoptingAltersBefore[Int($0)] } == c["adopting_alters_before"] as! [Int], "\(name)")
        // Exposure in every month.
        let rows = c["exposure"] as! [Any]
        var worst = 0.0, compared = 0
        for (k, v) in actors.enumerated() {
            guard let row = rows[k] as? [NSNumber] else {
                #expect((1...17).allSatisfy { r.exposure(of: v, at: $0) == nil }, "\(name) \(v)")
                continue
            }
            for (t, e) in row.enumerated() {
                let mine = try #require(r.exposure(of: v, at: t + 1))
                worst = max(worst, abs(mine - e.doubleValue)); compared += 1
            }
        }
        #expect(worst <= 1e-12 && compared > 1000, "\(name): worst \(worst) over \(compared)")
        // Thresholds and their classes.
        let thr = c["threshold"] as! [Any]
        for (k, v) in actors.enumerated() {
            let o = Self.double(thr[k]), mine = r.threshold[Int(v)]
            #expect((o == nil) == (mine == nil), "\(name) threshold of \(v)")
            if let o, let mine { #expect(abs(o - mine) <= 1e-12) }
        }
        #expect(abs((r.meanThreshold ?? .nan) - Self.double(c["mean_threshold"])!) <= 1e-12)
        let tc = c["threshold_cutoffs"] as! [String: Any]
        #expect(abs(r.thresholdCutoffs!.mean - Self.double(tc["mean"])!) <= 1e-12)
        #expect(abs(r.thresholdCutoffs!.standardDeviation - Self.double(tc["sd"])!) <= 1e-12)
        #expect(actors.map { r.thresholdClass[Int($0)]?.rawValue } == (c["threshold_class"] as! [Any]).map { $0 as? String },
                "\(name)")
        // The exposed-adopter test, permutation by permutation.
        let t = r.exposedAdopters
        #expect(t.adopters == c["adopters"] as! Int && t.adoptersWithAlters == c["adopters_with_alters"] as! Int)
        #expect(t.exposed == c["exposed"] as! Int)
        #expect(t.permutationCounts == c["permutation_counts"] as! [Int], "\(name)")
        #expect(t.pValue == Self.double(c["p_value"]))
        #expect(abs(t.permutationMean - Self.double(c["permutation_mean"])!) <= 1e-12)
        #expect(abs(t.permutationStandardDeviation - Self.double(c["permutation_sd"])!) <= 1e-12)
    }

    @Test func valuesCheckedByHand() throws {
        let net = Self.network, a = Self.adoption
        let advice = Exposure.analyze(net, adoption: a, ExposureParameters(relations: ["advice"], permutations: 0))
        // Physician 1003 (adopted in month 8) asks 1020 (month 2), 1029 (3) and 1037 (8).
        let p = net.index(of: "1003")!
        #expect(advice.exposure(of: p, at: 1) == 0 && advice.exposure(of: p, at: 2) == 1.0 / 3)
        #expect(advice.exposure(of: p, at: 7) == 2.0 / 3 && advice.threshold[Int(p)] == 1)  // 1037 adopts with him
        #expect(advice.adoptingAltersBefore[Int(p)] == 2)
        let lag1 = Exposure.analyze(net, adoption: a, ExposureParameters(relations: ["advice"], lag: 1, permutations: 0))
        #expect(lag1.threshold[Int(p)] == 2.0 / 3)
        // 1007 never adopted, though both his advisers did (1023 in month 5, 1094 in month 2).
        let q = net.index(of: "1007")!
        #expect(a.time(of: q) == nil && advice.threshold[Int(q)] == nil)
        #expect(advice.exposure(of: q, at: 4) == 0.5 && advice.exposure(of: q, at: 17) == 1)
        #expect(advice.adopterCategory[Int(q)] == .nonAdopter)
        // 1005 names nobody for advice.
        #expect(advice.exposure(of: net.index(of: "1005")!, at: 17) == nil)
    }

    @Test func cumulativeAdoptionByOrganizationAndTown() throws {
        let net = Self.network, a = Self.adoption
        func compare(_ curves: [AdoptionCurve], _ key: String) {
            let expected = Self.oracle[key] as! [[String: Any]]
            #expect(curves.map(\.name) == expected.map { $0["name"] as! String })
            #expect(curves.map(\.members) == expected.map { $0["members"] as! Int })
            #expect(curves.map(\.adopters) == expected.map { $0["adopters"] as! [Int] })
        }
        let orgs = a.curves(by: net.organizations())
        compare(orgs, "curves_by_organization")
        compare(a.curves(by: try #require(net.partition(byAttribute: "city"))), "curves_by_city")
        // Town 1 has 62 physicians; the whole population reaches 109 adopters by month 17.
        let town1 = try #require(orgs.first { $0.name == "town-1" })
        #expect(town1.members == 62 && town1.periods == 1...17)
        #expect(a.overallCurve?.adopters.last == 109)
    }
}
