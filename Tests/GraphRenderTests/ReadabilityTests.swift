import Foundation
import GraphCore
import GraphIO
import Testing
import TestSupport
@testable import GraphRender

/// Diagrams a person can read (issue 13, item 3): labels never cut, no edge drawn through a
/// node it does not touch, labels inside their sized shapes or beside them, print resolution.
@Suite("Diagram readability")
struct ReadabilityTests {
    static let cases = ["chalon-sur-saone", "cucm-plie"]

    /// Each node's degree over every relation drawn, as a size score (what `--size-by` does
    /// with a centrality; GraphRender's tests do not compute centralities).
    static func degrees(_ net: Network) -> [Double?] {
        var d = [Double?](repeating: nil, count: net.nodeCount)
        for layer in net.layers where layer.relation != .member && layer.relation != .participant {
            for e in 0..<layer.edgeCount {
                for v in [layer.sources[e], layer.targets[e]] { d[Int(v)] = (d[Int(v)] ?? 0) + 1 }
            }
        }
        return d
    }

    static func sizedStyle(_ net: Network) -> DiagramStyle {
        var style = DiagramStyle()
        style.title = net.metadata.title
        style.size = DiagramStyle.Size(scores: degrees(net), name: "degree")
        return style
    }

    /// Words of a text, whatever the line breaks and no-break spaces.
    static func words(_ s: String) -> [Substring] {
        s.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\u{A0}" })
    }

    @Test("labels are wrapped at word boundaries, never cut")
    func wrap() {
        #expect(DOTText.wrap("Centre communal d'action sociale de Chalon", width: 14)
                == "Centre\ncommunal\nd'action\nsociale de\nChalon")
        #expect(DOTText.wrap("Maison de quartier du centre", width: 14) == "Maison de\nquartier du\ncentre")
        #expect(DOTText.wrap("AS 1", width: 14) == "AS 1")
        // A word longer than the width keeps its own line, whole.
        #expect(DOTText.wrap("Montceau-les-Mines district", width: 10) == "Montceau-les-Mines\ndistrict")
        #expect(DOTText.wrap("  a\n b\tc  ", width: 14) == "a b c")
        #expect(DOTText.wrap("", width: 14) == "")
    }

    @Test("every node's, cluster's and legend entry's full text is in the SVG of both case studies",
          arguments: cases)
    func fullLabels(name: String) throws {
        let net = try GraphFile.read(Fixtures.dataset(name))
        let d = try Diagram.render(network: net, style: Self.sizedStyle(net), engine: .auto, format: .svg)
        let svg = try SVGDocument(d.bytes)
        #expect(!svg.nodes.isEmpty)
        for node in svg.nodes {
            let v = try #require(net.index(of: node.title))
            #expect(Self.words(node.texts.joined(separator: " ")) == Self.words(net.displayLabel(v)),
                    "node \(node.title)")
        }
        #expect(svg.texts.allSatisfy { !$0.contains("…") })
        let orgs = net.organizations()
        var clustered = 0
        for cluster in svg.clusters {
            let g = try #require(Int(cluster.id.dropFirst()))
            let node = orgs.groupNodes[g]
            let full = node >= 0 ? net.displayLabel(node) : orgs.groupNames[g]
            #expect(Self.words(cluster.texts.joined(separator: " ")) == Self.words(full), "cluster \(full)")
            // The legend names it in full too.
            #expect(svg.texts.contains { Self.words($0) == Self.words(full) }, "legend entry \(full)")
            clustered += 1
        }
        #expect(clustered == (name == "cucm-plie" ? 7 : 5))
    }

    @Test("the two CG71 districts of the CUCM case read differently")
    func districts() throws {
        let net = try GraphFile.read(Fixtures.dataset("cucm-plie"))
        let svg = try SVGDocument(try Diagram.render(network: net, style: Self.sizedStyle(net), format: .svg).bytes)
        func text(_ id: String) -> String { svg.nodes.first { $0.title == id }?.texts.joined(separator: " ") ?? "" }
        #expect(Self.words(text("cg71-creusot")).joined(separator: " ") == "CG71 social service, district of Le Creusot")
        #expect(Self.words(text("cg71-montceau")).joined(separator: " ") == "CG71 social service, district of Montceau-les-Mines")
        #expect(Self.words(text("cg71-creusot-head")).joined(separator: " ")
                == "Head of the CG71 social service, district of Le Creusot")
    }

    @Test("no edge is drawn through a node it does not touch: both case studies, sized and not",
          arguments: cases, [false, true])
    func noEdgeThroughANode(name: String, sized: Bool) throws {
        let net = try GraphFile.read(Fixtures.dataset(name))
        var style = sized ? Self.sizedStyle(net) : DiagramStyle()
        style.title = net.metadata.title
        let d = try Diagram.render(network: net, style: style, engine: .auto, format: .json)
        #expect(d.warnings == [])
        let geometry = try LayoutGeometry(json: d.bytes)
        #expect(geometry.edges.count > 100)
        #expect(geometry.crossings() == [])
    }

    @Test("the gallery files drawn as they are: no edge through a node", arguments: Gallery.files)
    func galleryCrossings(file: String) throws {
        let d = try Diagram.render(dot: SourceText.read(path: Gallery.path(file)), engine: .auto, format: .json)
        let geometry = try LayoutGeometry(json: d.bytes)
        #expect(geometry.crossings() == [])
    }

    @Test("the router: a straight edge through a node is routed around it, clipped at its ends")
    func router() throws {
        // a (0,0) and b (200,0) with c (100,0) between them, all circles of 36 points.
        let outlines = [NodeOutline(center: Point(0, 0), width: 36, height: 36, shape: "circle"),
                        NodeOutline(center: Point(200, 0), width: 36, height: 36, shape: "circle"),
                        NodeOutline(center: Point(100, 0), width: 36, height: 36, shape: "circle")]
        let router = EdgeRouter(outlines: outlines, margin: 5)
        #expect(router.crossed(Point(0, 0), Point(200, 0), except: 0, 1) == [2])
        // 9.95 points from c's centre (radius 18, less the 1-point inset), then 28.7.
        #expect(router.crossed(Point(0, 0), Point(200, 20), except: 0, 1) == [2])
        #expect(router.crossed(Point(0, 0), Point(200, 60), except: 0, 1) == [])
        let path = try #require(router.route(from: 0, to: 1))
        // Around the octagon circumscribing c grown by 5: through two of its vertices, at
        // height ±(18 + 5) = ±23, x = 100 ∓ 23 · tan(π/8).
        #expect(path.count == 4)
        #expect(path.first == Point(0, 0) && path.last == Point(200, 0))
        let t = 23 * 0.41421356237309503
        #expect(abs(abs(path[1].y) - 23) < 1e-9 && abs(path[1].x - (100 - t)) < 1e-9)
        #expect(abs(abs(path[2].y) - 23) < 1e-9 && abs(path[2].x - (100 + t)) < 1e-9)
        for k in 1..<path.count { #expect(router.crossed(path[k - 1], path[k], except: 0, 1).isEmpty) }
        // The spline starts on a's outline and its arrow ends on b's, 6 points long.
        let pos = router.pos(path: path, from: 0, to: 1, arrowAtHead: true, arrowAtTail: false, arrowLength: 6)
        let parts = pos.split(separator: " ")
        #expect(parts.count == 1 + 3 * 3 + 1)
        let tip = try #require(Arrangement.point(parts[0]))
        #expect(parts[0].hasPrefix("e,") && abs(tip.distance(to: Point(200, 0)) - 18) < 0.02)
        let start = try #require(Arrangement.point(parts[1]))
        #expect(abs(start.distance(to: Point(0, 0)) - 18) < 0.02)
        let end = try #require(Arrangement.point(parts[parts.count - 1]))
        #expect(abs(end.distance(to: tip) - 6) < 0.02)   // positions written to 0.01 pt
        // A node enclosed by others (its neighbours overlap it on every side) has no route.
        var ring = [NodeOutline(center: Point(0, 0), width: 20, height: 20, shape: "box"),
                    NodeOutline(center: Point(300, 0), width: 20, height: 20, shape: "box")]
        for (x, y) in [(-30.0, 0.0), (30, 0), (0, -30), (0, 30), (-30, -30), (30, 30), (-30, 30), (30, -30)] {
            ring.append(NodeOutline(center: Point(x, y), width: 40, height: 40, shape: "box"))
        }
        #expect(EdgeRouter(outlines: ring).route(from: 0, to: 1) == nil)
    }

    @Test("sized nodes: each label inside its shape, or beside it (xlabel) and outside it",
          arguments: cases)
    func labelsFitSizedNodes(name: String) throws {
        let net = try GraphFile.read(Fixtures.dataset(name))
        let d = try Diagram.render(network: net, style: Self.sizedStyle(net), engine: .auto, format: .json)
        let geometry = try LayoutGeometry(json: d.bytes)
        var inside = 0, beside = 0
        for node in geometry.nodes.values where !node.texts.isEmpty {
            let outline = try #require(node.outline)
            if !node.xlabel.isEmpty {
                #expect(node.label.isEmpty)
                for t in node.texts {
                    let corners = LayoutGeometry.box(t)
                    #expect(!corners.contains { outline.contains($0.0, $0.1, inset: 1) }, "\(node.name): \(t.text) over the node")
                }
                beside += 1
            } else {
                for t in node.texts {
                    let corners = LayoutGeometry.box(t)
                    #expect(corners.allSatisfy { outline.contains($0.0, $0.1, inset: -1) }, "\(node.name): \(t.text) overflows")
                }
                inside += 1
            }
        }
        // Both kinds occur: the largest nodes hold their labels, the others have them beside.
        #expect(inside >= 1 && beside >= 1)
        #expect(inside + beside == net.nodeCount - geometry.nodes.values.filter { $0.texts.isEmpty }.count)
    }

    @Test("the label-fit rule: a block fits an ellipse when its corners are inside")
    func fitRule() {
        let circle = NodeOutline(center: Point(0, 0), width: 40, height: 40, shape: "circle")
        // Corners at (±(w/2 + 1.5), ±(h/2 + 1.5)) against radius 20.
        #expect(Arrangement.fits(width: 24, height: 24, in: circle))      // 13.5² · 2 = 364.5 ≤ 400
        #expect(!Arrangement.fits(width: 26, height: 26, in: circle))     // 14.5² · 2 = 420.5 > 400
        let box = NodeOutline(center: Point(0, 0), width: 40, height: 20, shape: "box")
        #expect(Arrangement.fits(width: 37, height: 17, in: box))
        #expect(!Arrangement.fits(width: 38, height: 10, in: box))
        let (widths, size) = Arrangement.labelLines("F 10 9 -Helvetica c 7 -#222222 T 37 14.3 0 22.5 4 -Node T 37 2.3 0 40 10 -two words!")
        #expect(widths == [22.5, 40] && size == 10)
    }

    /// The PNG's width and height from its IHDR chunk.
    static func pixels(_ png: [UInt8]) -> (Int, Int) {
        (png[16..<20].reduce(0) { $0 << 8 | Int($1) }, png[20..<24].reduce(0) { $0 << 8 | Int($1) })
    }

    @Test("PNG at 300 dpi by default: pixels = (drawing + 2 × 0.3 in pad) × 300")
    func printResolution() throws {
        let net = SampleNetworks.partnership()
        #expect(DiagramStyle().dpi == 300)
        let json = try Diagram.render(network: net, format: .json)
        let root = try #require(try JSONSerialization.jsonObject(with: Data(json.bytes)) as? [String: Any])
        let bb = try #require((root["bb"] as? String)?.split(separator: ",").compactMap { Double($0) })
        let (w, h) = (bb[2] - bb[0], bb[3] - bb[1])
        let png = try Diagram.render(network: net, format: .png)
        let (pw, ph) = Self.pixels(png.bytes)
        #expect(abs(Double(pw) - (w / 72 + 0.6) * 300) <= 2, "\(pw) px for \(w) pt")
        #expect(abs(Double(ph) - (h / 72 + 0.6) * 300) <= 2, "\(ph) px for \(h) pt")
        var style = DiagramStyle()
        style.dpi = 150
        let half = Self.pixels(try Diagram.render(network: net, style: style, format: .png).bytes)
        #expect(abs(Double(half.0) * 2 - Double(pw)) <= 2 && abs(Double(half.1) * 2 - Double(ph)) <= 2)
        for bad in [71.0, 1201, .nan, .infinity] {
            style.dpi = bad
            let error = #expect(throws: RenderError.self) { try Diagram.render(network: net, style: style, format: .png) }
            #expect(error?.kind == .unsupported && error?.message.contains("72…1200") == true)
        }
    }
}
