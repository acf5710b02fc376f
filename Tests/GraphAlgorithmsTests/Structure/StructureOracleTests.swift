import Foundation
import Testing
import GraphCore
@testable import GraphAlgorithms

/// Structural holes, clustering, cores, reciprocity, ego networks and partition measures
/// against networkx (and sna's brokerage formulas) on the fixture graphs.
@Suite struct StructureOracleTests {
    static let exact = 1e-9

    /// The fixture's groups as a Partition (labels renumbered in sorted order, as the oracle).
    static func partition(_ f: OracleFixture) -> Partition? {
        guard let raw = f.groups else { return nil }
        let distinct = Array(Set(raw)).sorted()
        var index: [Int32: Int32] = [:]
        for (i, x) in distinct.enumerated() { index[x] = Int32(i) }
        return Partition(labels: raw.map { index[$0]! }, groupNames: distinct.map { "g\($0)" })
    }

    func expectVector(_ got: [Double], _ f: OracleFixture, _ key: String, _ tol: Double = exact) throws {
        let want = try #require(f.measure(key), "oracle lacks \(key) for \(f.name)")
        let miss = firstMismatch(got, want, tol)
        #expect(miss == nil, "\(f.name) \(key): \(miss ?? "")")
    }

    @Test(arguments: OracleFixture.all)
    func structuralHoles(_ name: String) throws {
        let f = try OracleFixture.load(name)
        let h = StructuralHoles(weighted: true).compute(f.graph)
        try expectVector(h.constraint.scores, f, "constraint")
        try expectVector(h.effectiveSize.scores, f, "effective-size")
        try expectVector(h.efficiency.scores, f, "efficiency")
    }

    @Test(arguments: OracleFixture.all)
    func clusteringTrianglesCores(_ name: String) throws {
        let f = try OracleFixture.load(name)
        let g = f.graph
        try expectVector(Clustering.local(g).scores, f, "clustering")
        if g.isWeighted { try expectVector(Clustering.local(g, weighted: true).scores, f, "clustering-weighted") }
        let average = try #require(f.scalar("scalars", "average_clustering"))
        let transitivity = try #require(f.scalar("scalars", "transitivity"))
        #expect(close(Clustering.average(g), average, Self.exact))
        try expectVector(Clustering.triangles(g).map(Double.init), f, "triangles")
        #expect(close(Clustering.transitivity(g), transitivity, Self.exact))
        try expectVector(KCore.coreNumbers(g).scores, f, "core")
    }

    @Test(arguments: OracleFixture.all.filter { ["hand-directed", "krack-advice", "krack-friendship", "lazega-advice",
                                                 "lazega-friendship", "random-directed", "email-eu-core"].contains($0) })
    func reciprocity(_ name: String) throws {
        let f = try OracleFixture.load(name)
        let r = Reciprocity.compute(f.graph)
        let overall = try #require(f.scalar("scalars", "overall_reciprocity"))
        let mutual = try #require(f.scalar("scalars", "mutual_dyads"))
        let asymmetric = try #require(f.scalar("scalars", "asymmetric_dyads"))
        let dyadic = try #require(f.scalar("scalars", "dyadic_reciprocity"))
        #expect(close(r.overall, overall, Self.exact))
        try expectVector(r.perNode.scores, f, "reciprocity")
        #expect(Double(r.mutualDyads) == mutual)
        #expect(Double(r.asymmetricDyads) == asymmetric)
        #expect(close(r.dyadic, dyadic, Self.exact))
        try expectVector(r.balance.scores, f, "balance")
        let n = f.graph.nodeCount
        #expect(r.mutualDyads + r.asymmetricDyads + r.nullDyads == n * (n - 1) / 2)
    }

    @Test(arguments: OracleFixture.all)
    func partitionMeasures(_ name: String) throws {
        let f = try OracleFixture.load(name)
        guard let p = Self.partition(f) else {
            #expect(name.hasPrefix("davis"))
            return
        }
        let g = f.graph
        let section = f.section("partition")
        func num(_ k: String) -> Double? { (section[k] as? NSNumber)?.doubleValue }
        let labels = p.primary
        #expect(close(try Modularity.of(g, labels: labels), try #require(num("modularity")), Self.exact))
        #expect(close(try Modularity.of(g, labels: labels, resolution: 0.5), try #require(num("modularity-r0.5")), Self.exact))
        let mix = try GroupMixing.compute(g, partition: p)
        #expect(close(mix.eiIndex, num("ei_overall") ?? .nan, Self.exact))
        let eiWant = try #require(section["ei_groups"] as? [Any]).map { ($0 as? NSNumber)?.doubleValue ?? .nan }
        #expect(firstMismatch(mix.groupEIIndex, eiWant, Self.exact) == nil)
        let ties = try #require(section["ties"] as? [[NSNumber]]).map { $0.map(\.intValue) }
        #expect(mix.ties == ties)
        let dens = try #require(section["density"] as? [[Any]]).map { $0.map { ($0 as? NSNumber)?.doubleValue ?? .nan } }
        for a in dens.indices { #expect(firstMismatch(mix.density[a], dens[a], Self.exact) == nil, "density row \(a)") }

        // Brokerage: counts by enumeration, expectations and z-scores as sna::brokerage.
        let br = try Brokerage().compute(g, partition: p)
        let bo = try #require(section["brokerage"] as? [String: Any])
        func matrix(_ k: String) throws -> [[Double]] {
            try #require(bo[k] as? [[Any]]).map { $0.map { ($0 as? NSNumber)?.doubleValue ?? .nan } }
        }
        #expect(br.counts == (try matrix("counts")))
        #expect(close(br.density, try #require((bo["density"] as? NSNumber)?.doubleValue), Self.exact))
        let (e, s, z) = (try matrix("expected"), try matrix("sd"), try matrix("z"))
        for v in 0..<g.nodeCount {
            #expect(firstMismatch(br.expected[v], e[v], Self.exact) == nil, "expected, node \(v)")
            #expect(firstMismatch(br.standardDeviations[v], s[v], Self.exact) == nil, "sd, node \(v)")
            #expect(firstMismatch(br.zScores[v], z[v], Self.exact) == nil, "z, node \(v)")
        }
    }

    @Test(arguments: OracleFixture.all)
    func egoNetworks(_ name: String) throws {
        let f = try OracleFixture.load(name)
        let ego = f.section("ego")
        func want(_ k: String) throws -> [Int32] { try #require(ego[k] as? [NSNumber]).map { Int32($0.intValue) } }
        #expect(try EgoNetwork(radius: 1).compute(f.graph, center: 0).nodes == (try want("r1")))
        let r2 = try EgoNetwork(radius: 2).compute(f.graph, center: 0)
        #expect(r2.nodes == (try want("r2")))
        if f.graph.isDirected {
            #expect(try EgoNetwork(radius: 2, undirected: true).compute(f.graph, center: 0).nodes == (try want("r2-undirected")))
        }
        // The induced subgraph has exactly the arcs among the ego's nodes.
        var arcs = 0
        let inEgo = Set(r2.nodes)
        for v in r2.nodes { for w in f.graph.neighbors(of: v) where inEgo.contains(w) { arcs += 1 } }
        #expect(r2.graph.arcCount == arcs)
        #expect(r2.graph.nodeCount == r2.nodes.count)
    }
}
