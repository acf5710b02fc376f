import GraphIO
import Testing
@testable import GraphRender

@Suite("Gallery DOT rendered in process")
struct GalleryRenderTests {
    @Test("every gallery file renders with dot: the oracle's node and edge counts, no warning",
          arguments: Gallery.files)
    func plainCounts(file: String) throws {
        let text = try SourceText.read(path: Gallery.path(file))
        let d = try Diagram.render(dot: text, engine: .dot, format: .plain)
        #expect(d.warnings == [])
        let counts = Gallery.plainCounts(d.bytes)
        let oracle = try Gallery.oracleCounts(file)
        #expect(counts.nodes == oracle.nodes)
        #expect(counts.edges == oracle.edges)
    }

    @Test("every gallery file renders to well-formed SVG with auto, no warning", arguments: Gallery.files)
    func svg(file: String) throws {
        let text = try SourceText.read(path: Gallery.path(file))
        let d = try Diagram.render(dot: text, format: .svg)
        #expect(d.warnings == [])
        let svg = try SVGDocument(d.bytes)
        #expect(svg.nodes.count == (try Gallery.oracleCounts(file)).nodes)
        #expect(svg.clusters.count == Gallery.clusters[file] ?? 0)
    }

    @Test("auto follows the file's layout attribute, else dot for digraphs and neato for graphs")
    func autoForFiles() throws {
        func engine(_ dot: String) throws -> Diagram {
            try Diagram.render(dot: SourceText(name: "t.gv", bytes: Array(dot.utf8)), format: .plain)
        }
        #expect(try engine("digraph { a -> b }").engine == .dot)
        #expect(try engine("graph { a -- b }").engine == .neato)
        let circo = try engine("graph { layout=circo; a -- b -- c -- a }")
        #expect(circo.engine == .circo)
        #expect(circo.engineReason == "the file sets layout=circo")
    }

    @Test("rendering DOT refuses file references unless allowed, and reports syntax errors")
    func refusals() throws {
        let text = SourceText(name: "evil.gv", bytes: Array("digraph {\n a [image=\"/etc/hostname\"]\n}".utf8))
        let error = #expect(throws: RenderError.self) { try Diagram.render(dot: text, format: .svg) }
        #expect(error?.kind == .badInput)
        #expect(error?.line == 2)
        #expect(error?.description.hasPrefix("evil.gv:2: ") == true)
        let bad = SourceText(name: "bad.gv", bytes: Array("digraph {\n a -> ;\n}".utf8))
        let syntax = #expect(throws: RenderError.self) { try Diagram.render(dot: bad, format: .svg) }
        #expect(syntax?.line == 2)
        #expect(syntax?.message.contains("syntax error") == true)
        let engine = #expect(throws: RenderError.self) {
            try Diagram.render(dot: SourceText(name: "x.gv", bytes: Array("graph { layout=nope; a }".utf8)), format: .svg)
        }
        // The file's own layout attribute names no engine: bad input naming the file (exit 65),
        // not an internal Graphviz failure.
        #expect(engine?.kind == .badInput)
        #expect(engine?.source == "x.gv")
        #expect(engine?.message == "layout=\"nope\" is not a Graphviz layout engine Interstice draws with: dot, neato, fdp, sfdp, circo, twopi, osage, patchwork", "\(String(describing: engine))")
    }
}
