internal import CGraphviz
import GraphCore

extension Diagram {
    /// A self-contained HTML page that plays a diffusion: one SVG frame per step, all drawn on
    /// one layout computed once (Graphviz's `nop2`, as `neato -n2`, re-renders the frames with
    /// the nodes and edges pinned where the first layout put them), a slider and a play button.
    /// The page loads nothing: no network access, no external script or style.
    ///
    /// ```swift
    /// let page = try Diagram.diffusionPlayer(network: net, style: style,
    ///                                        frames: DiffusionFrames(adoptionTimes: times, steps: 10))
    /// try OutputFile.write(page.bytes, to: "cucm-diffusion.html")
    /// ```
    /// - Throws: ``RenderError`` when there is no frame, a frame's length is not the node
    ///   count, or a value is outside 0…1; otherwise as ``render(network:style:engine:format:)``.
    /// - Complexity: one layout, plus O(n) attribute updates and one render per frame.
    public static func diffusionPlayer(network: Network, style: DiagramStyle = DiagramStyle(),
                                       engine: LayoutEngine = .auto,
                                       frames: DiffusionFrames) throws(RenderError) -> Diagram {
        let n = network.nodeCount
        guard frames.count > 0 else { throw RenderError(.badInput, "no diffusion frame to draw") }
        for (t, row) in frames.values.enumerated() {
            guard row.count == n else {
                throw RenderError(.badInput, "diffusion frame \(t) has \(row.count) values for \(n) nodes")
            }
            if let v = row.firstIndex(where: { !($0 >= 0 && $0 <= 1) }) {
                throw RenderError(.badInput, "diffusion frame \(t), node \(network.ids[v]): \(row[v]) is not in 0…1")
            }
        }
        guard frames.stepLabels.count == frames.count else {
            throw RenderError(.badInput, "\(frames.stepLabels.count) step labels for \(frames.count) frames")
        }

        // One plan per frame (colours and outlines), the first one also gives the layout.
        func plan(_ t: Int) throws(RenderError) -> DiagramPlan {
            var s = style
            s.coloring = .scores(frames.values[t].map { $0 }, name: frames.valueName, range: 0...1)
            s.outlined = (0..<n).filter { frames.values[t][$0] >= frames.adoptedThreshold }.map { Int32($0) }
            s.outlineName = frames.adoptedThreshold == 0.5 && frames.valueName != "adopted"
                ? "adopted in at least half of the runs by this step" : "adopted by this step"
            var p = try DiagramPlan(network: network, style: s, engine: engine)
            p.outlineInLegend = true
            return p
        }
        var base = try plan(0)
        // A single run (every value 0 or 1): the legend names the two states, not a scale.
        if frames.values.allSatisfy({ $0.allSatisfy { $0 == 0 || $0 == 1 } }) {
            base.colorLegend = .categories(title: frames.valueName,
                                           [("not yet", Palette.sequential(0)), ("adopted", Palette.sequential(1))])
        }
        var paints: [[(name: String, paint: DiagramPlan.NodePaint)]] = []
        var previous: [DiagramPlan.NodePaint] = (0..<n).map { base.paint($0) }
        paints.append([])
        for t in 1..<frames.count {
            let p = try plan(t)
            var changes: [(String, DiagramPlan.NodePaint)] = []
            for v in 0..<n where base.drawn[v] {
                let look = p.paint(v)
                if look != previous[v] { changes.append((network.ids[v], look)); previous[v] = look }
            }
            paints.append(changes)
        }

        let dot = base.dotText()
        let engineName = base.engine.rawValue
        let (svgs, warnings) = try Graphviz.withSession { s throws(RenderError) -> ([[UInt8]], [GraphvizMessage]) in
            // The layout, once, arranged (labels, edges around nodes) and written back as DOT
            // with every position.
            let (laidOut, report) = try s.arrange(dot, name: "diagram", engine: engineName)
            var warnings = s.takeMessages() + report.messages
            // Every frame on that layout: change the colours, render with the positions pinned.
            let svgs = try s.withParsedGraph(laidOut, name: "laid-out diagram") { g throws(RenderError) -> [[UInt8]] in
                // The laid-out text still says layout=fdp (or whichever engine), and Graphviz lets
                // that attribute override the engine asked for: every frame would be laid out
                // again from the positions instead of pinned to them. Name the pinning engine.
                _ = interstice_agsafeset(UnsafeMutableRawPointer(g), "layout", "nop2", "")
                var out: [[UInt8]] = []
                for changes in paints {
                    for (name, look) in changes {
                        guard let node = interstice_agnode(g, name, 0) else { continue }
                        let obj = UnsafeMutableRawPointer(node)
                        _ = interstice_agsafeset(obj, "fillcolor", look.fill.description, "")
                        _ = interstice_agsafeset(obj, "color", look.border.description, "")
                        // A label moved beside its node (xlabel) stays dark on the background.
                        if Arrangement.string(obj, "xlabel").map({ $0.isEmpty }) ?? true {
                            _ = interstice_agsafeset(obj, "fontcolor", look.fontColor.description, "")
                        }
                        _ = interstice_agsafeset(obj, "penwidth", DOTText.number(look.penwidth), "1")
                        _ = interstice_agsafeset(obj, "class", look.classes, "")
                    }
                    out.append(try s.withLayout(g, engine: "nop2") { () throws(RenderError) in try s.render(g, format: "svg") })
                }
                return out
            }
            warnings += s.takeMessages()
            return (svgs, warnings)
        }
        let page = DiffusionPlayerPage(title: style.title ?? network.metadata.title ?? network.metadata.name ?? "Diffusion",
                                       caption: style.caption, stepLabels: frames.stepLabels, svgs: svgs)
        return Diagram(bytes: page.html(), format: .html, engine: base.engine,
                       engineReason: base.engineReason + "; frames pinned to that layout (nop2)",
                       notes: base.notes, warnings: warnings)
    }
}
