import Testing
import GraphCore
@testable import GraphAlgorithms

/// Louvain, Leiden and label propagation: known structure, modularity against networkx's
/// Louvain and igraph's Leiden, determinism, connected Leiden communities.
@Suite struct CommunityTests {
    /// Six 5-cliques joined in a ring by single edges: the optimal partition is the cliques.
    static func ringOfCliques(_ k: Int = 6, size: Int = 5) -> CSRGraph {
        var b = GraphBuilder(nodeCount: k * size, direction: .undirected)
        for c in 0..<k {
            let base = c * size
            for i in 0..<size { for j in (i + 1)..<size { b.addEdge(Int32(base + i), Int32(base + j)) } }
            b.addEdge(Int32(base + size - 1), Int32(((c + 1) % k) * size))
        }
        return b.build()
    }

    static let cliques: [Int32] = (0..<30).map { Int32($0 / 5) }

    @Test func findTheCliques() throws {
        let g = Self.ringOfCliques()
        for seed in UInt64(0)..<5 {
            #expect(Louvain(seed: seed).communities(g).labels == Self.cliques)
            #expect(Leiden(seed: seed).communities(g).labels == Self.cliques)
            #expect(LabelPropagation(seed: seed).communities(g).labels == Self.cliques)
        }
        // Modularity of the clique partition: m = 6·10 + 6 = 66 edges; each clique holds 10 of
        // them and has degree sum 2·10 + 2 = 22, so Q = 6 · (10/66 − (22/132)²).
        let q = try Modularity.of(g, labels: Self.cliques)
        #expect(abs(Louvain().communities(g).modularity - q) < 1e-12)
        #expect(abs(q - (6 * (10.0 / 66 - (22.0 / 132) * (22.0 / 132)))) < 1e-12)
    }

    static let undirected = ["kite", "hand-disconnected", "hand-weighted", "davis-women", "davis-events",
                             "random-weighted"]

    @Test(arguments: undirected)
    func modularityAsGoodAsThePeers(_ name: String) throws {
        let f = try OracleFixture.load(name)
        let nxLouvain = try #require(f.scalar("scalars", "louvain_modularity_mean"))
        let igLeiden = try #require(f.scalar("scalars", "leiden_modularity_mean"))
        var louvain = 0.0, leiden = 0.0
        for seed in UInt64(0)..<5 {
            louvain += Louvain(seed: seed).communities(f.graph).modularity / 5
            leiden += Leiden(seed: seed).communities(f.graph).modularity / 5
        }
        #expect(louvain >= nxLouvain - 0.01, "\(name): Louvain \(louvain) vs networkx \(nxLouvain)")
        #expect(leiden >= igLeiden - 0.01, "\(name): Leiden \(leiden) vs igraph \(igLeiden)")
    }

    @Test(arguments: ["random-weighted", "lazega-friendship", "email-eu-core"])
    func sameSeedSamePartition(_ name: String) throws {
        let g = try OracleFixture.load(name).graph
        #expect(Louvain(seed: 9).communities(g) == Louvain(seed: 9).communities(g))
        #expect(Leiden(seed: 9).communities(g) == Leiden(seed: 9).communities(g))
        #expect(LabelPropagation(seed: 9).communities(g) == LabelPropagation(seed: 9).communities(g))
        let r = Leiden(seed: 9).communities(g)
        #expect(r.metadata.seed == 9)
        #expect(r.labels.count == g.nodeCount)
        #expect(Set(r.labels).count == r.count)
    }

    @Test(arguments: ["random-weighted", "lazega-friendship", "email-eu-core", "davis-women"])
    func leidenCommunitiesAreConnected(_ name: String) throws {
        let g = try OracleFixture.load(name).graph
        let sym = g.isDirected ? g.symmetrized() : g
        let r = Leiden(seed: 2).communities(g)
        for c in 0..<r.count {
            let members = (0..<g.nodeCount).filter { r.labels[$0] == Int32(c) }.map { Int32($0) }
            var b = GraphBuilder(nodeCount: members.count, direction: .undirected)
            var index = [Int32: Int32]()
            for (i, v) in members.enumerated() { index[v] = Int32(i) }
            for v in members { for w in sym.neighbors(of: v) where w > v { if let j = index[w] { b.addEdge(index[v]!, j) } } }
            #expect(Components.weak(b.build()).count == 1, "\(name): community \(c) is disconnected")
        }
    }

    @Test func resolutionChangesTheGrain() throws {
        let g = try OracleFixture.load("email-eu-core").graph
        let coarse = Louvain(resolution: 0.3, seed: 1).communities(g)
        let fine = Louvain(resolution: 3, seed: 1).communities(g)
        #expect(coarse.count < fine.count)
    }
}
