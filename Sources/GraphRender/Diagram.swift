import Foundation
import GraphCore
import GraphIO

/// A drawn diagram: its bytes and how it was made.
///
/// ```swift
/// var style = DiagramStyle()
/// style.title = "CUCM follow-up commission"
/// style.size = .init(scores: betweenness, name: "betweenness")
/// let d = try Diagram.render(network: net, style: style, engine: .auto, format: .svg)
/// try OutputFile.write(d.bytes, to: "cucm.svg")
/// print(d.engineReason)   // "auto chose fdp: organizations are drawn as clusters, …"
/// ```
///
/// Drawing is Graphviz in the process: the styled DOT text is built in Swift (in parallel
/// with other work), then parsed, laid out and rendered behind GraphRender's one serial gate
/// (Graphviz is not thread-safe), every Graphviz object freed before the call returns.
public struct Diagram: Sendable {
    /// The output.
    public let bytes: [UInt8]
    /// The format of ``bytes``.
    public let format: DiagramFormat
    /// The engine that laid it out (never `auto`).
    public let engine: LayoutEngine
    /// Why that engine: the request, or `auto`'s reasoning.
    public let engineReason: String
    /// What the style asked for and could not have (clusters with an engine that ignores them…).
    public let notes: [String]
    /// Graphviz's warnings during layout and rendering.
    public let warnings: [GraphvizMessage]

    /// The Graphviz library's version.
    public static var graphvizVersion: String { Graphviz.version }

    /// Draws a network.
    /// - Parameters:
    ///   - engine: a Graphviz engine, or `.auto` (see ``LayoutEngine/choose(nodeCount:edgeCount:hasClusters:directedAcyclic:)``).
    ///   - format: `.dot` returns the styled DOT text without calling Graphviz.
    /// - Throws: ``RenderError`` when the network is empty, a style column or score array does
    ///   not fit, dot is asked for more than ``LayoutEngine/dotNodeLimit`` nodes, or Graphviz fails.
    /// - Complexity: O(n + m) to build the DOT text, plus the engine's layout time.
    public static func render(network: Network, style: DiagramStyle = DiagramStyle(), engine: LayoutEngine = .auto,
                              format: DiagramFormat = .svg) throws(RenderError) -> Diagram {
        let plan = try DiagramPlan(network: network, style: style, engine: engine)
        let dot = plan.dotText(bitmap: format == .png || format == .jpg)
        if format == .dot {
            return Diagram(bytes: dot, format: .dot, engine: plan.engine, engineReason: plan.engineReason,
                           notes: plan.notes, warnings: [])
        }
        let (bytes, warnings) = try layoutAndRender(dot, name: "diagram", engine: plan.engine.rawValue,
                                                    format: format.graphvizName)
        return finish(bytes, warnings: warnings, plan: plan, network: network, style: style, format: format)
    }

    /// The diagram from Graphviz's output: an HTML page around the SVG, or the output with the
    /// engine's reason written in (shared by the in-process path and ``RenderWorker``).
    static func finish(_ bytes: [UInt8], warnings: [GraphvizMessage], plan: DiagramPlan, network: Network,
                       style: DiagramStyle, format: DiagramFormat) -> Diagram {
        if format == .html {
            let page = DiffusionPlayerPage(title: style.title ?? network.metadata.title ?? network.metadata.name ?? "Diagram",
                                           caption: style.caption, stepLabels: [], svgs: [bytes])
            return Diagram(bytes: page.html(), format: .html, engine: plan.engine, engineReason: plan.engineReason,
                           notes: plan.notes, warnings: warnings)
        }
        return Diagram(bytes: annotate(bytes, format: format, reason: plan.engineReason, notes: plan.notes),
                       format: format, engine: plan.engine, engineReason: plan.engineReason,
                       notes: plan.notes, warnings: warnings)
    }

    /// The styled DOT text of a network's diagram (what `.dot` output holds).
    /// - Complexity: O(n + m).
    public static func source(network: Network, style: DiagramStyle = DiagramStyle(),
                              engine: LayoutEngine = .auto) throws(RenderError) -> [UInt8] {
        try DiagramPlan(network: network, style: style, engine: engine).dotText()
    }

    /// Draws a DOT text as it is (`interstice render x.gv`): Graphviz reads it, lays it out and
    /// renders it; the network model is not involved.
    /// - Parameters:
    ///   - engine: `.auto` uses the file's `layout` attribute if it has one, else sfdp above
    ///     ``LayoutEngine/largeGraphNodes`` nodes, dot for a digraph, neato for a graph; any
    ///     other engine is used even when the file sets `layout` (it is written over it).
    ///     dot is refused past ``LayoutEngine/dotNodeLimit`` nodes however it was chosen, and a
    ///     `dpi` or `resolution` outside ``DiagramStyle/dpiRange`` (other than 0) before layout.
    ///   - allowFileReferences: let the text name local files (images, shape files, font paths).
    /// - Complexity: Graphviz's parse, layout and rendering.
    ///   - allowLinks: keep `http(s)` and `mailto` links (`URL`, `href`) in SVG output; without
    ///     it every link is removed (``SVGSanitizer``).
    public static func render(dot text: SourceText, engine: LayoutEngine = .auto, format: DiagramFormat = .svg,
                              allowFileReferences: Bool = false, allowLinks: Bool = false) throws(RenderError) -> Diagram {
        if let nul = text.bytes.firstIndex(of: 0) {
            let (line, _) = text.location(of: nul)
            throw RenderError(.badInput, source: text.name, line: line, "a NUL byte: this is not a DOT text")
        }
        return try Graphviz.withSession { s throws(RenderError) -> Diagram in
            try s.withParsedGraph(text.bytes, name: text.name) { g throws(RenderError) -> Diagram in
                let raw = s.extract(g)
                let builder = DOTNetworkBuilder(raw: raw, text: text)
                do throws(GraphIOError) {
                    try builder.checkEncoding()
                    if !allowFileReferences { try builder.checkFileReferences() }
                    try checkResolution(raw, text: text)
                } catch {
                    throw RenderError(.badInput, source: text.name, line: error.line, error.message)
                }
                let layoutAttribute = raw.graphValue("layout").map { String(decoding: $0.bytes, as: UTF8.self) }
                var chosen = engine.rawValue, reason = "engine \(engine.rawValue) as requested"
                if engine == .auto {
                    if let l = layoutAttribute, !l.isEmpty {
                        // Only the engines Interstice knows: Graphviz also takes "dot:x" (an
                        // engine of plugin x) or names that fail at layout time, which would
                        // slip past the dot limit below or blame the wrong thing.
                        guard let known = LayoutEngine(rawValue: l), known != .auto else {
                            throw RenderError(.badInput, source: text.name, "layout=\(GraphIOError.quote(l)) is not a Graphviz layout engine Interstice draws with: "
                                + LayoutEngine.allCases.filter { $0 != .auto }.map(\.rawValue).joined(separator: ", "))
                        }
                        chosen = known.rawValue; reason = "the file sets layout=\(l)"
                    } else if raw.nodes.count > LayoutEngine.largeGraphNodes || raw.edges.count > LayoutEngine.largeGraphEdges {
                        chosen = "sfdp"
                        reason = "auto chose sfdp: \(raw.nodes.count) nodes and \(raw.edges.count) edges is beyond what dot and neato lay out in reasonable time"
                    } else {
                        chosen = raw.directed ? "dot" : "neato"
                        reason = raw.directed ? "auto chose dot for a directed graph" : "auto chose neato for an undirected graph"
                    }
                }
                // The limit holds however dot was chosen (--engine dot, or the file's layout=dot).
                if chosen == LayoutEngine.dot.rawValue && raw.nodes.count > LayoutEngine.dotNodeLimit {
                    throw RenderError(.unsupported, source: text.name, "dot cannot lay out \(raw.nodes.count) nodes in reasonable time (\(reason)); use --engine sfdp")
                }
                // gvLayout runs the engine the graph's own layout attribute names, whatever it is
                // asked for: an explicit engine is written over the file's (so that the limit
                // above holds for the engine that runs, and the reason tells the truth).
                if engine != .auto, let l = layoutAttribute, !l.isEmpty, l != chosen {
                    s.setGraphAttribute(g, "layout", chosen)
                    reason += " (over the file's layout=\(l))"
                }
                var warnings = s.takeMessages()
                let bytes = try s.withLayout(g, engine: chosen) { () throws(RenderError) -> [UInt8] in
                    if format == .dot { return try s.render(g, format: "dot", name: text.name) }
                    return try s.render(g, format: format.graphvizName, allowLinks: allowLinks, name: text.name)
                }
                warnings += s.takeMessages()
                if format == .html {
                    let name = String(decoding: raw.name, as: UTF8.self)
                    let page = DiffusionPlayerPage(title: name.isEmpty || name.hasPrefix("%") ? text.name : name,
                                                   caption: nil, stepLabels: [], svgs: [bytes])
                    return Diagram(bytes: page.html(), format: .html, engine: LayoutEngine(rawValue: chosen) ?? .auto,
                                   engineReason: reason, notes: [], warnings: warnings)
                }
                return Diagram(bytes: annotate(bytes, format: format, reason: reason, notes: []), format: format,
                               engine: LayoutEngine(rawValue: chosen) ?? .auto, engineReason: reason, notes: [],
                               warnings: warnings)
            }
        }
    }

    /// Refuses a DOT file's `dpi` (or its synonym `resolution`) outside ``DiagramStyle/dpiRange``,
    /// the range of `--dpi`, before Graphviz lays it out: Graphviz reads the value with `atof`,
    /// takes 0 for its default, and with a negative value never finishes a bitmap (and writes a
    /// negative size into SVG). 0 (Graphviz's default) is accepted.
    static func checkResolution(_ raw: RawDOTGraph, text: SourceText) throws(GraphIOError) {
        for name in ["dpi", "resolution"] {
            guard let v = raw.graphValue(name) else { continue }
            let string = String(decoding: v.bytes, as: UTF8.self)
            let value = atof(string)
            if value == 0 || DiagramStyle.dpiRange.contains(value) { continue }
            let message = "\(name)=\(GraphIOError.quote(string)): a DOT file's resolution must be in "
                + "\(Int(DiagramStyle.dpiRange.lowerBound))…\(Int(DiagramStyle.dpiRange.upperBound)) dots per inch, as --dpi (or 0, Graphviz's default)"
            if let at = FileReferencePolicy.offset(of: name, in: text.bytes, html: false) { throw text.error(at: at, message) }
            throw GraphIOError(.badData, file: text.name, message)
        }
    }

    /// Parses, lays out, arranges (labels that fit, edges around the nodes they do not touch:
    /// ``GraphvizSession/arrange(_:name:engine:)``) and renders a styled diagram's DOT text
    /// inside the gate.
    static func layoutAndRender(_ dot: [UInt8], name: String, engine: String,
                                format: String) throws(RenderError) -> ([UInt8], [GraphvizMessage]) {
        try Graphviz.withSession { s throws(RenderError) in
            let (laidOut, report) = try s.arrange(dot, name: name, engine: engine)
            var messages = s.takeMessages()
            let bytes = try s.withParsedGraph(laidOut, name: name) { g throws(RenderError) in
                try s.withLayout(g, engine: "nop2") { () throws(RenderError) in try s.render(g, format: format) }
            }
            messages += s.takeMessages()
            return (bytes, messages + report.messages)
        }
    }

    /// Writes the engine's reason (and notes) into an SVG as a comment after the generator's.
    static func annotate(_ bytes: [UInt8], format: DiagramFormat, reason: String, notes: [String]) -> [UInt8] {
        guard format == .svg, let svg = bytes.firstRange(of: Array("<svg".utf8)) else { return bytes }
        var comment = "<!-- Interstice: \(reason)"
        for note in notes { comment += "; note: \(note)" }
        comment += " -->\n"
        // "--" may not appear inside an XML comment.
        while comment.dropFirst(4).dropLast(4).contains("--") {
            comment = "<!--" + String(comment.dropFirst(4).dropLast(4)).replacing("--", with: "- -") + "-->\n"
        }
        var out = Array(bytes[..<svg.lowerBound])
        out += Array(comment.utf8)
        out += bytes[svg.lowerBound...]
        return out
    }
}
