import GraphCore
import GraphIO
import Testing
import TestSupport
@testable import GraphRender

/// Issue 14: nothing from an untrusted DOT file reaches an SVG (or the HTML player around it)
/// as live script, event handler, `javascript:` link or outside resource.
@Suite("Hardening: SVG sanitizer")
struct SVGSanitizerTests {
    static func clean(_ s: String, allowLinks: Bool = false) throws -> String {
        String(decoding: try SVGSanitizer.sanitize(Array(s.utf8), allowLinks: allowLinks).0, as: UTF8.self)
    }

    @Test("scripts, handlers, outside links, stylesheets and foreign objects are removed; the rest is kept byte for byte")
    func removes() throws {
        let svg = """
        <?xml version="1.0" encoding="UTF-8" standalone="no"?>
        <?xml-stylesheet href="http://evil.example/x.css"?>
        <!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">
        <svg width="10pt" onload="alert(1)" xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">
        <script type="text/javascript"><![CDATA[alert(2)]]></script>
        <g id="node1" class="node"><title>a</title>
        <a xlink:href="javascript:alert(3)" xlink:title="a"><text font-family="x" ONMOUSEOVER='alert(4)'>a</text></a>
        <a xlink:href="&#106;avascript:alert(5)"><text>b</text></a>
        <a href="http://example.org/?a=1&amp;b=2"><text>c</text></a>
        <a xlink:href="#node1"><text>d</text></a>
        <image xlink:href="http://evil.example/pixel.png" width="1" height="1"/>
        <foreignObject><div xmlns="http://www.w3.org/1999/xhtml"><iframe src="x"></iframe></div></foreignObject>
        <style>@import url(http://evil.example/y.css);</style>
        <path style="fill:url(http://evil.example/z#p)" d="M0,0"/>
        <set attributeName="href" to="javascript:alert(6)"/>
        </g>
        </svg>
        """
        let expected = """
        <?xml version="1.0" encoding="UTF-8" standalone="no"?>

        <!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">
        <svg width="10pt" xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">

        <g id="node1" class="node"><title>a</title>
        <a xlink:title="a"><text font-family="x">a</text></a>
        <a><text>b</text></a>
        <a><text>c</text></a>
        <a xlink:href="#node1"><text>d</text></a>
        <image width="1" height="1"/>


        <path d="M0,0"/>

        </g>
        </svg>
        """
        let (out, report) = try SVGSanitizer.sanitize(Array(svg.utf8))
        #expect(String(decoding: out, as: UTF8.self) == expected)
        #expect(report.elements == 4 && report.instructions == 1 && report.attributes == 7 && report.escaped == 0)
    }

    @Test("with --allow-links: http(s) and mailto links stay, escaped as Graphviz wrote them; others still go")
    func allowLinks() throws {
        let svg = #"<svg><a xlink:href="http://example.org/?a=1&amp;b=2"/><a href="MAILTO:x@example.org"/><a xlink:href=" javascript:x"/><a xlink:href="data:text/html,x"/><image xlink:href="https://example.org/i.png"/></svg>"#
        #expect(try Self.clean(svg, allowLinks: true) == #"<svg><a xlink:href="http://example.org/?a=1&amp;b=2"/><a href="MAILTO:x@example.org"/><a/><a/><image/></svg>"#)
        #expect(try Self.clean(svg) == #"<svg><a/><a/><a/><a/><image/></svg>"#)
    }

    @Test("an SVG with nothing to remove is returned unchanged: the gallery as Graphviz draws it", arguments: ["graphs/directed/clust4.gv", "graphs/directed/fsm.gv", "rtest/graphs/html.gv"])
    func unchanged(file: String) throws {
        let d = try Diagram.render(dot: try SourceText.read(path: Gallery.path(file)), engine: .dot, format: .svg)
        let (again, report) = try SVGSanitizer.sanitize(d.bytes)
        #expect(report.isEmpty)
        #expect(again == d.bytes)
    }

    @Test("malformed markup is refused, never passed on")
    func malformed() {
        for s in ["<svg><a href=\"x></svg>", "<svg><!-- x", "<svg><script>alert(1)", "<svg a=b></svg>"] {
            #expect(throws: RenderError.self, "\(s)") { try SVGSanitizer.sanitize(Array(s.utf8)) }
        }
    }

    @Test("untrusted DOT end to end: URL, href, HTML HREF and FACE injection leave no live content")
    func endToEnd() throws {
        let dot = """
        digraph { stylesheet="http://evil.example/s.css";
          a [URL="javascript:alert(1)", tooltip="t"];
          b [href="http://example.org/?q=1&r=2"];
          c [label=<<TABLE HREF="javascript:alert(2)"><TR><TD>x</TD></TR></TABLE>>];
          d [label=<<FONT FACE="x&quot; onload=&quot;alert(3)">t</FONT>>];
          a -> b -> c -> d }
        """
        for format in [DiagramFormat.svg, .html] {
            let d = try Diagram.render(dot: SourceText(name: "evil.gv", bytes: Array(dot.utf8)), engine: .dot, format: format)
            let text = String(decoding: d.bytes, as: UTF8.self).lowercased()
            #expect(!text.contains("javascript:"), "\(format)")
            #expect(!text.contains("onload"), "\(format)")
            #expect(!text.contains("evil.example"), "\(format)")
            #expect(!text.contains("example.org"), "\(format): links need --allow-links")
        }
        let linked = try Diagram.render(dot: SourceText(name: "evil.gv", bytes: Array(dot.utf8)), engine: .dot, format: .svg, allowLinks: true)
        let text = String(decoding: linked.bytes, as: UTF8.self)
        #expect(text.contains(#"xlink:href="http://example.org/?q=1&amp;r=2""#))
        #expect(!text.lowercased().contains("javascript:") && !text.contains("onload") && !text.contains("evil.example"))
    }
}
