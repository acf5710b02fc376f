import Foundation
import GraphCore
import GraphIO
import Testing
@testable import GraphRender

@Suite("Diagram rendering")
struct DiagramRenderTests {
    static let partnership = SampleNetworks.partnership()

    @Test("SVG: well-formed, every node, edge and cluster with an id and classes")
    func svgStructure() throws {
        let net = Self.partnership
        var style = DiagramStyle()
        style.title = "Sample <partnership> & \"friends\""
        style.caption = "seed 7"
        let d = try Diagram.render(network: net, style: style, engine: .auto, format: .svg)
        #expect(d.engine == .fdp)
        #expect(d.warnings == [])
        let svg = try SVGDocument(d.bytes)
        // 16 actors and the collective; organizations are clusters (5).
        #expect(svg.nodes.count == 17)
        #expect(svg.clusters.count == 5)
        // participant 5 + acquaintance 12 + exchange 8 + reports_to 7.
        #expect(svg.edges.count == 32)
        #expect(Set(svg.ids).count == svg.ids.count)
        for node in svg.nodes {
            let v = try #require(net.index(of: node.title))
            #expect(node.id == "n\(v)")
            #expect(node.classes.contains(net.kinds[Int(v)].rawValue))
        }
        let as1 = try #require(svg.nodes.first { $0.title == "as1" })
        #expect(as1.classes == ["node", "actor", "org-cg71", "participant"])
        let exchange = svg.edges.filter { $0.classes.contains("exchange") }
        #expect(exchange.count == 8)
        #expect(exchange.first { $0.id == "e-exchange-0" }?.title == "as1->dir")
        #expect(svg.edges.filter { $0.classes == ["edge", "reports_to"] }.count == 7)
        #expect(Set(svg.clusters.map(\.id)) == ["c0", "c1", "c2", "c3", "c4"])
        #expect(svg.clusters.first { $0.id == "c1" }?.classes == ["cluster", "organization", "org-cg71"])
        // Labels and the legend's texts arrive unmangled.
        #expect(svg.texts.contains("AS 3 <new>"))
        #expect(svg.texts.contains("\"AFPA\""))
        #expect(svg.texts.contains("Sample <partnership> & \"friends\""))
        #expect(svg.texts.contains("CG71 service social"))
        // Unscaled: a dpi in SVG would scale the drawing but not the viewBox, cropping it.
        #expect(String(decoding: d.bytes, as: UTF8.self).contains("transform=\"scale(1 1) rotate(0)"))
        // The engine's reason is in the SVG.
        #expect(String(decoding: d.bytes, as: UTF8.self).contains("<!-- Interstice: auto chose fdp"))
    }

    @Test("auto picks sfdp for large graphs, fdp for clusters, dot for hierarchies, neato otherwise")
    func autoEngine() {
        #expect(LayoutEngine.choose(nodeCount: 1005, edgeCount: 25571, hasClusters: true, directedAcyclic: false).engine == .sfdp)
        #expect(LayoutEngine.choose(nodeCount: 200, edgeCount: 3001, hasClusters: false, directedAcyclic: false).engine == .sfdp)
        #expect(LayoutEngine.choose(nodeCount: 300, edgeCount: 900, hasClusters: true, directedAcyclic: true).engine == .fdp)
        #expect(LayoutEngine.choose(nodeCount: 40, edgeCount: 39, hasClusters: false, directedAcyclic: true).engine == .dot)
        #expect(LayoutEngine.choose(nodeCount: 40, edgeCount: 60, hasClusters: false, directedAcyclic: false).engine == .neato)
        let reason = LayoutEngine.choose(nodeCount: 1005, edgeCount: 25571, hasClusters: false, directedAcyclic: false).reason
        #expect(reason.contains("1005 nodes"))
    }

    @Test("a 1,000-node random graph: auto uses sfdp and says why; explicit dot is refused")
    func largeGraph() throws {
        let net = SampleNetworks.random(n: 1001, m: 3000)
        var style = DiagramStyle()
        style.coloring = .attribute("department")
        let d = try Diagram.render(network: net, style: style, engine: .auto, format: .plain)
        #expect(d.engine == .sfdp)
        #expect(d.engineReason.contains("sfdp"))
        #expect(d.warnings == [])
        let counts = Gallery.plainCounts(d.bytes)
        #expect(counts.nodes == 1001)
        #expect(counts.edges == net.edgeCount)
        let error = #expect(throws: RenderError.self) {
            try Diagram.render(network: net, style: style, engine: .dot, format: .svg)
        }
        #expect(error?.kind == .unsupported)
        #expect(error?.message.contains("1001 nodes") == true)
    }

    @Test("the directed acyclic check")
    func acyclic() throws {
        var net = Network()
        for id in ["a", "b", "c"] { _ = net.node(id) }
        try net.addEdge(0, 1, relation: .reportsTo)
        try net.addEdge(1, 2, relation: .reportsTo)
        #expect(DiagramPlan.directedAcyclic(net, layers: [0]))
        try net.addEdge(2, 0, relation: .reportsTo)
        #expect(!DiagramPlan.directedAcyclic(net, layers: [0]))
        #expect(try Diagram.render(network: net, format: .plain).engine == .neato)
    }

    @Test("actors with several organizations: memberships drawn as dotted edges, with a note")
    func multipleMemberships() throws {
        var net = Self.partnership
        try net.addEdge(net.index(of: "as1")!, net.index(of: "plie")!, relation: .member)
        let d = try Diagram.render(network: net, engine: .auto, format: .svg)
        let svg = try SVGDocument(d.bytes)
        #expect(svg.clusters.isEmpty)
        #expect(svg.edges.filter { $0.classes.contains("member") }.count == 17)
        // Organizations are drawn as boxes: 16 actors, 1 collective, 5 organizations.
        #expect(svg.nodes.count == 22)
        #expect(d.notes.contains { $0.contains("several organizations") })
        #expect(d.engine == .neato)
    }

    @Test("an engine that ignores clusters shows organizations by colour, with a note")
    func clusterFallback() throws {
        let d = try Diagram.render(network: Self.partnership, engine: .neato, format: .svg)
        let svg = try SVGDocument(d.bytes)
        #expect(svg.clusters.isEmpty)
        #expect(svg.nodes.count == 17)
        #expect(d.notes == ["neato does not draw clusters: organizations are shown by colour only"])
    }

    @Test("colour by scores: the lowest is viridis' first colour, missing values are grey")
    func scoreColors() throws {
        let net = Self.partnership
        var scores = [Double?](repeating: 0.5, count: net.nodeCount)
        scores[Int(net.index(of: "as1")!)] = 0
        scores[Int(net.index(of: "as2")!)] = 1
        scores[Int(net.index(of: "del")!)] = nil
        var style = DiagramStyle()
        style.coloring = .scores(scores, name: "adoption probability")
        style.outlined = [net.index(of: "as2")!]
        let dot = String(decoding: try Diagram.source(network: net, style: style), as: UTF8.self)
        func line(_ id: String) -> String { dot.split(separator: "\n").first { $0.contains("\"\(id)\" [id=") }.map(String.init) ?? "" }
        #expect(line("as1").contains("fillcolor=\"#440154\""))
        #expect(line("as1").contains("fontcolor=\"#FFFFFF\""))
        #expect(line("as2").contains("fillcolor=\"#FDE725\""))
        #expect(line("as2").contains("color=\"#D55E00\"") && line("as2").contains("outlined"))
        #expect(line("del").contains("fillcolor=\"#DDDDDD\""))
        #expect(dot.contains("no value"))
        #expect(dot.contains("adoption probability"))
    }

    @Test("size by score: area grows with the score; wrong lengths are refused or noted")
    func sizes() throws {
        let net = Self.partnership
        var style = DiagramStyle()
        var s = [Double](repeating: 0, count: net.nodeCount)
        s[Int(net.index(of: "as1")!)] = 4
        s[Int(net.index(of: "as2")!)] = 1
        style.size = .init(scores: s, name: "betweenness")
        let plan = try DiagramPlan(network: net, style: style, engine: .auto)
        #expect(plan.width[Int(net.index(of: "as1")!)] == 1.35)
        #expect(plan.width[Int(net.index(of: "dir")!)] == 0.55)
        // Area proportional: a quarter of the score is half the extra width.
        #expect(abs(plan.width[Int(net.index(of: "as2")!)]! - (0.55 + 0.8 * 0.5)) < 1e-12)
        style.size = .init(scores: [1, 2], name: "x")
        #expect(try DiagramPlan(network: net, style: style, engine: .auto).notes.contains { $0.contains("2 values") })
        style.size = nil
        style.coloring = .scores([1], name: "x")
        #expect(throws: RenderError.self) { try Diagram.source(network: net, style: style) }
        style.coloring = .attribute("nope")
        #expect(throws: RenderError.self) { try Diagram.source(network: net, style: style) }
    }

    @Test("long labels are wrapped, never cut; a label column is used")
    func labels() throws {
        #expect(DOTText.wrap("Centre communal d'action sociale de Chalon", width: 12)
                == "Centre\ncommunal\nd'action\nsociale de\nChalon")
        #expect(DOTText.wrap("AS 1", width: 12) == "AS 1")
        var net = Self.partnership
        try net.setNodeAttribute("role", of: net.index(of: "as1")!, .string("référente"))
        var style = DiagramStyle()
        style.labelColumn = "role"
        let dot = String(decoding: try Diagram.source(network: net, style: style), as: UTF8.self)
        #expect(dot.contains("label=\"référente\""))
        #expect(dot.contains("label=\"AS 2\""))
    }

    @Test("every output format", arguments: DiagramFormat.allCases)
    func formats(format: DiagramFormat) throws {
        let d = try Diagram.render(network: Self.partnership, engine: .auto, format: format)
        #expect(d.warnings == [])
        switch format {
        case .svg: _ = try SVGDocument(d.bytes)
        case .png:
            #expect(d.bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
            // The width in the IHDR chunk grows with the style's dpi (300 by default).
            func width(_ b: [UInt8]) -> Int { b[16..<20].reduce(0) { $0 << 8 | Int($1) } }
            var lowRes = DiagramStyle()
            lowRes.dpi = 150
            let small = try Diagram.render(network: Self.partnership, style: lowRes, engine: .auto, format: .png)
            #expect(abs(Double(width(d.bytes)) / Double(width(small.bytes)) - 2) < 0.01)
        case .pdf: #expect(d.bytes.starts(with: Array("%PDF-".utf8)))
        case .jpg: #expect(d.bytes.starts(with: [0xFF, 0xD8, 0xFF]) && d.bytes.count > 1000)
        case .dot:
            let text = String(decoding: d.bytes, as: UTF8.self)
            #expect(text.contains("layout=fdp"))
            // The styled DOT reads back through cgraph with the drawn nodes (17) and edges (32).
            let (back, warnings) = try DOTReader.read(SourceText(name: "styled.gv", bytes: d.bytes))
            #expect(warnings == [])
            #expect(back.nodeCount == 17 + 5)
            #expect(back.edgeCount - (back.layer(.member)?.edgeCount ?? 0) == 32)
        case .json:
            let json = try #require(try JSONSerialization.jsonObject(with: Data(d.bytes)) as? [String: Any])
            #expect((json["objects"] as? [Any])?.count == 17 + 5)
            #expect((json["edges"] as? [Any])?.count == 32)
            #expect(json["_subgraph_cnt"] as? Int == 5)
        case .plain:
            let counts = Gallery.plainCounts(d.bytes)
            #expect(counts.nodes == 17 && counts.edges == 32)
        case .html:
            let page = try SVGDocument(d.bytes)
            #expect(page.nodes.count == 17)
            #expect(page.clusters.count == 5)
        }
    }

    @Test("an empty network is an error")
    func empty() {
        let error = #expect(throws: RenderError.self) { try Diagram.render(network: Network()) }
        #expect(error?.kind == .badInput)
    }

    @Test("node ids that are DOT keywords, numbers, HTML or odd text draw as themselves")
    func oddIds() throws {
        var net = Network()
        let ids = ["node", "-1.5", "<b>x</b>", "a\"b", #"back\"#, "été", "edge"]
        for id in ids { _ = net.node(id) }
        for i in 1..<ids.count { try net.addEdge(0, Int32(i), relation: .acquaintance) }
        let d = try Diagram.render(network: net, engine: .neato, format: .svg)
        let svg = try SVGDocument(d.bytes)
        #expect(Set(svg.nodes.map(\.title)) == Set(ids))
        #expect(Set(svg.texts).isSuperset(of: ids))
    }
}
