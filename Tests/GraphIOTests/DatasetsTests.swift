import Foundation
import Testing
import TestSupport
@testable import GraphIO
import GraphCore

/// The bundled datasets read with the counts their READMEs (and ../shared/datasets' READMEs,
/// which counted the sources independently) state.
@Suite("Bundled datasets")
struct DatasetsTests {
    struct Expected: Sendable, CustomStringConvertible {
        let name: String
        let kinds: [String: Int]
        let relations: [String: Int]
        var description: String { name }
    }

    static let all: [Expected] = [
        Expected(name: "medInnovations", kinds: ["actor": 125, "organization": 21],
                 relations: ["advice": 161, "discussion": 165, "friendship": 124, "member": 250]),
        Expected(name: "kfamily", kinds: ["actor": 1047, "organization": 25],
                 relations: ["fp_talk": 2578, "neighbour": 3126, "fp_advice": 2372, "fp_information": 2059,
                             "abortion_advice": 733, "health_advice": 1793, "purchase_advice": 1880,
                             "education_advice": 1878, "member": 1047]),
        Expected(name: "brfarmers", kinds: ["actor": 692, "organization": 11],
                 relations: ["friendship": 830, "influential": 923, "practice_a": 268, "practice_b": 261,
                             "practice_c": 237, "coop_project": 339, "member": 692]),
        Expected(name: "email-Eu-core", kinds: ["actor": 1005, "organization": 42],
                 relations: ["email": 25571, "member": 1005]),
        Expected(name: "krackhardt-hightech", kinds: ["actor": 21, "organization": 5],
                 relations: ["advice": 190, "friendship": 102, "reports_to": 20, "member": 21]),
        Expected(name: "davis-southern-women", kinds: ["actor": 18, "event": 14], relations: ["attends": 89]),
        Expected(name: "chalon-sur-saone", kinds: ["actor": 30, "organization": 5, "unit": 2, "collective": 1, "meeting": 1],
                 relations: ["acquaintance": 56, "delegates": 4, "endorses": 4, "exchange": 24, "meeting_of": 1,
                             "member": 43, "part_of": 2, "participant": 11, "reports_to": 25, "uses": 1]),
        Expected(name: "cucm-plie", kinds: ["actor": 39, "organization": 7, "unit": 2, "collective": 1, "meeting": 1],
                 relations: ["acquaintance": 67, "agreement": 6, "delegates": 6, "endorses": 6, "exchange": 38,
                             "facilitates": 1, "meeting_of": 1, "member": 51, "part_of": 2, "participant": 11,
                             "reports_to": 30, "uses": 1]),
    ]

    @Test(arguments: all)
    func countsMatchTheReadme(_ e: Expected) throws {
        let net = try GraphFile.read(Fixtures.dataset(e.name))
        #expect(Dictionary(uniqueKeysWithValues: net.kindCounts.map { ($0.kind.rawValue, $0.count) }) == e.kinds)
        #expect(Dictionary(uniqueKeysWithValues: net.layers.map { ($0.relation.rawValue, $0.edgeCount) }) == e.relations)
        // The README states the same numbers.
        let readme = try String(contentsOfFile: Fixtures.dataset(e.name) + "/README.md", encoding: .utf8)
        for (_, count) in e.relations { #expect(readme.contains(String(count)), "\(e.name) README: \(count)") }
    }

    @Test func emailEuCoreKeepsItsSelfLoopsAndStructure() throws {
        let net = try GraphFile.read(Fixtures.dataset("email-Eu-core"))
        let g = net.graph(relations: ["email"], parallelEdges: .keep)
        #expect(g.isDirected && g.edgeCount == 25571 && g.selfLoopCount == 642)
        let orgs = net.organizations()
        #expect(orgs.groupCount == 42 && orgs.isSingleMembership)
        #expect(orgs.sizes.max() == 109 && orgs.sizes.min() == 1)
    }

    @Test func krackhardtHierarchyIsATreeRootedAtTheCEO() throws {
        let net = try GraphFile.read(Fixtures.dataset("krackhardt-hightech"))
        let h = net.graph(relations: [.reportsTo])
        let roots = (0..<Int32(net.nodeCount)).filter { net.kinds[Int($0)] == .actor && h.outDegree($0) == 0 }
        #expect(roots.count == 1)
        #expect(net.ids[Int(roots[0])] == "7")
    }

    @Test func collectivesHaveParticipantsAndLifespans() throws {
        for name in ["chalon-sur-saone", "cucm-plie"] {
            let net = try GraphFile.read(Fixtures.dataset(name))
            let c = net.collectives
            #expect(c.count == 1)
            #expect(c[0].participants.count == 11)
            #expect(c[0].start != nil && c[0].end != nil && c[0].start! < c[0].end!)
        }
    }

    /// Davis projections against networkx's weighted_projected_graph and
    /// collaboration_weighted_projected_graph (Tests/Fixtures/projections).
    @Test(arguments: [("women", NodeKind.actor), ("events", NodeKind("event"))])
    func davisProjectionsMatchNetworkx(side: String, kind: NodeKind) throws {
        let net = try GraphFile.read(Fixtures.dataset("davis-southern-women"))
        let oracle = (try Fixtures.json("projections/davis_projections.json") as! [String: Any])[side] as! [String: Any]
        let expected = oracle["edges"] as! [[Any]]
        for weighting in ProjectionWeighting.allCases {
            let p = net.projection(of: kind, through: "attends", weighting: weighting)
            #expect(p.nodes.count == oracle["nodes"] as! Int)
            #expect(p.graph.edgeCount == expected.count)
            for e in expected {
                let u = net.index(of: e[0] as! String)!, v = net.index(of: e[1] as! String)!
                let pu = Int32(p.nodes.firstIndex(of: u)!), pv = Int32(p.nodes.firstIndex(of: v)!)
                let want = (e[weighting == .count ? 2 : 3] as! NSNumber).doubleValue
                let got = p.graph.weight(pu, pv)
                #expect(got != nil && abs(got! - want) < 1e-12, "\(side) \(e[0])–\(e[1]) \(weighting)")
            }
        }
    }
}
