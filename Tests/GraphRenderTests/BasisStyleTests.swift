import Foundation
import GraphCore
import GraphIO
import Testing
import TestSupport
@testable import GraphRender

/// Assumed nodes and ties (`basis` = `assumed`) drawn distinctly, with a legend row, by default
/// when the network carries a basis, and not when the style turns it off.
@Suite("Diagram: assumed rows drawn distinctly")
struct BasisStyleTests {
    /// The sample partnership with a basis: `vol` and `anim` assumed, the rest documented; the
    /// acquaintance vol–anim (edge 11) and the reports_to as3→cds (edge 2) assumed.
    static func network() throws -> Network {
        var net = SampleNetworks.partnership()
        for v in 0..<Int32(net.nodeCount) {
            let assumed = ["vol", "anim"].contains(net.ids[Int(v)])
            try net.setNodeAttribute("basis", of: v, .string(assumed ? "assumed" : "documented"))
        }
        try net.setEdgeAttribute("basis", relation: .acquaintance, edge: 11, .string("assumed"))
        try net.setEdgeAttribute("basis", relation: .reportsTo, edge: 2, .string("assumed"))
        try net.setEdgeAttribute("basis", relation: .acquaintance, edge: 0, .string("documented"))
        return net
    }

    static func lines(_ dot: [UInt8], containing s: String) -> [Substring] {
        String(decoding: dot, as: UTF8.self).split(separator: "\n").filter { $0.contains(s) }
    }

    @Test func assumedNodesAndTiesAreFadedAndDashed() throws {
        let net = try Self.network()
        let dot = try Diagram.source(network: net, engine: .fdp)
        // The assumed nodes: class `assumed`, dashed outline, a fill faded towards white.
        let vol = try #require(Self.lines(dot, containing: "\"vol\" [").first)
        #expect(vol.contains("class=\"actor org-ccas assumed\"") && vol.contains("style=\"filled,dashed\""))
        let dir = try #require(Self.lines(dot, containing: "\"dir\" [").first)
        #expect(!dir.contains("assumed") && !dir.contains("dashed"))
        // Same organization colour, faded: vol's fill is dir's mixed 60% with white.
        func fill(_ line: Substring) -> String? {
            guard let r = line.range(of: "fillcolor=\"") else { return nil }
            return String(line[r.upperBound...].prefix(7))
        }
        #expect(fill(vol) != fill(dir))
        // Assumed acquaintance: faded and dashed; assumed reports_to (already dashed): dotted.
        let acq = try #require(Self.lines(dot, containing: "id=\"e-acquaintance-11\"").first)
        #expect(acq.contains("class=\"acquaintance assumed\"") && acq.contains("color=\"#B4B4B4\", style=\"dashed\""))
        let rep = try #require(Self.lines(dot, containing: "id=\"e-reports_to-2\"").first)
        #expect(rep.contains("class=\"reports_to assumed\"") && rep.contains("style=\"dotted\""))
        let documented = try #require(Self.lines(dot, containing: "id=\"e-acquaintance-0\"").first)
        #expect(!documented.contains("assumed") && !documented.contains("dashed"))
        // Edges without a basis value are not assumed.
        #expect(Self.lines(dot, containing: " assumed\"").count == 2 + 2)
        // The legend says what dashed and faded mean, with the counts drawn (17 nodes, 32 edges).
        let text = String(decoding: dot, as: UTF8.self)
        #expect(text.contains("faded, dashed outline: assumed node (2 of 17)"))
        #expect(text.contains("assumed tie (2 of 32)"))
    }

    @Test func turnedOffOrWithoutABasisNothingChanges() throws {
        let net = try Self.network()
        var style = DiagramStyle()
        style.distinguishAssumed = false
        let off = try Diagram.source(network: net, style: style, engine: .fdp)
        #expect(!String(decoding: off, as: UTF8.self).contains("assumed"))
        // A network without a basis column draws the same DOT with the option on or off.
        let plain = SampleNetworks.partnership()
        #expect(try Diagram.source(network: plain, engine: .fdp) == (try Diagram.source(network: plain, style: style, engine: .fdp)))
        #expect(!String(decoding: try Diagram.source(network: plain, engine: .fdp), as: UTF8.self).contains("basis:"))
    }

    @Test func theCaseStudiesRenderWithTheirAssumedPartsMarked() throws {
        for name in ["chalon-sur-saone", "cucm-plie"] {
            let net = try GraphFile.read(Fixtures.dataset(name))
            let d = try Diagram.render(network: net, engine: .auto, format: .svg)
            let svg = try SVGDocument(d.bytes)
            let assumed = svg.nodes.filter { $0.classes.contains("assumed") }.map(\.title)
            let expected = (0..<Int32(net.nodeCount)).filter { net.isAssumed(node: $0) }.map { net.ids[Int($0)] }
            #expect(Set(assumed) == Set(expected) && !assumed.isEmpty)
            #expect(svg.edges.contains { $0.classes.contains("assumed") })
            #expect(svg.texts.contains { $0.contains("assumed node") })
        }
    }
}
