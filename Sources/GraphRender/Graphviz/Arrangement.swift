internal import CGraphviz

/// What arranging a laid-out diagram changed (see ``GraphvizSession/arrange(_:name:engine:)``).
struct ArrangementReport: Equatable {
    /// Edges drawn straight through a node they do not touch and routed around it.
    var rerouted = 0
    /// Edges that could not be routed (an endpoint enclosed by other nodes), as `tail -> head`.
    var unrouted: [String] = []
    /// Node labels too large for their sized shape, moved beside it (`xlabel`).
    var labelsMoved = 0

    /// The messages a reader must see (only failures).
    var messages: [GraphvizMessage] {
        guard !unrouted.isEmpty else { return [] }
        let shown = unrouted.prefix(5).joined(separator: ", ")
        return [GraphvizMessage(level: .warning,
                                text: "\(unrouted.count) edge\(unrouted.count == 1 ? "" : "s") still cross a node they do not touch (no route around the nodes next to their ends): \(shown)\(unrouted.count > 5 ? ", …" : "")")]
    }
}

extension GraphvizSession {
    /// Lays out a styled diagram and makes it readable: the engine's layout (straight edges),
    /// then, on the laid-out graph, labels that overflow a fixed-size shape moved beside it
    /// (``Arrangement/fitLabels(_:)``) and edges that pass through a node they do not touch
    /// routed around it (``EdgeRouter``). Returns the laid-out DOT text with every position
    /// (nodes, edge splines, `xlp` of moved labels): render it with the `nop2` engine.
    /// - Complexity: the engine's layout, plus O(r · V · P) for r rerouted edges (see
    ///   ``EdgeRouter/route(from:to:)``).
    func arrange(_ dot: [UInt8], name: String, engine: String) throws(RenderError) -> (text: [UInt8], report: ArrangementReport) {
        let xdot = try withParsedGraph(dot, name: name) { g throws(RenderError) in
            try withLayout(g, engine: engine) { () throws(RenderError) in try render(g, format: "xdot") }
        }
        return try withParsedGraph(xdot, name: name) { g throws(RenderError) in
            var report = ArrangementReport()
            report.labelsMoved = Arrangement.fitLabels(g)
            (report.rerouted, report.unrouted) = Arrangement.routeEdges(g)
            Arrangement.clearDrawing(g)
            _ = interstice_agsafeset(UnsafeMutableRawPointer(g), "layout", "nop2", "")
            let text = try withLayout(g, engine: "nop2") { () throws(RenderError) in try render(g, format: "dot") }
            return (text, report)
        }
    }
}

/// The steps of ``GraphvizSession/arrange(_:name:engine:)`` on a laid-out graph (inside the gate).
enum Arrangement {
    static func string(_ obj: UnsafeMutableRawPointer, _ name: String) -> String? {
        guard let p = interstice_agget(obj, name) else { return nil }
        return String(cString: p)
    }

    /// Numbers of a Graphviz point list (`x,y` or `x,y!`, `e,x,y`, `s,x,y`).
    static func point(_ s: Substring) -> Point? {
        let parts = s.split(separator: ",")
        guard parts.count >= 2, let x = Double(parts[parts.count - 2]),
              let y = Double(parts[parts.count - 1].filter { $0 != "!" }) else { return nil }
        return Point(x, y)
    }

    /// A node's outline as drawn: from its xdot `_draw_` (the ellipse, else the box of its
    /// largest polygon or Bézier outline), else from `pos`, `width`, `height` and `shape`.
    /// (With `fixedsize=shape`, Graphviz writes the union of shape and label as `width` and
    /// `height`: only the drawing tells the shape's own size.)
    static func outline(_ n: UnsafeMutablePointer<Agnode_t>) -> NodeOutline? {
        let obj = UnsafeMutableRawPointer(n)
        guard let pos = string(obj, "pos").flatMap({ point(Substring($0)) }) else { return nil }
        var best: (area: Double, outline: NodeOutline)? = nil
        for op in xdotOps(string(obj, "_draw_") ?? "") {
            switch op.op {
            case "E", "e" where op.numbers.count == 4:
                return NodeOutline(center: Point(op.numbers[0], op.numbers[1]), width: 2 * op.numbers[2],
                                   height: 2 * op.numbers[3], shape: "ellipse")
            case "P", "p", "B", "b":
                let xs = stride(from: 0, to: op.numbers.count - 1, by: 2).map { op.numbers[$0] }
                let ys = stride(from: 1, to: op.numbers.count, by: 2).map { op.numbers[$0] }
                guard let x0 = xs.min(), let x1 = xs.max(), let y0 = ys.min(), let y1 = ys.max() else { continue }
                let area = (x1 - x0) * (y1 - y0)
                if best == nil || area > best!.area {
                    best = (area, NodeOutline(center: Point((x0 + x1) / 2, (y0 + y1) / 2), width: x1 - x0,
                                              height: y1 - y0, shape: "box"))
                }
            default: continue
            }
        }
        if let best { return best.outline }
        guard let w = string(obj, "width").flatMap(Double.init), let h = string(obj, "height").flatMap(Double.init)
        else { return nil }
        let shape = string(obj, "shape").flatMap { $0.isEmpty ? nil : $0 } ?? "ellipse"
        return NodeOutline(center: pos, width: w * 72, height: h * 72, shape: shape)
    }

    /// The operations of an xdot drawing attribute: each op's letter, numbers and text
    /// (`n -bytes` arguments; point lists `n x1 y1 …` come as their 2n numbers).
    static func xdotOps(_ xdot: String) -> [(op: String, numbers: [Double], text: String)] {
        let b = Array(xdot.utf8)
        var i = 0
        var out: [(op: String, numbers: [Double], text: String)] = []
        func skipSpaces() { while i < b.count && (b[i] == 32 || b[i] == 10 || b[i] == 9) { i += 1 } }
        func token() -> String {
            skipSpaces()
            let start = i
            while i < b.count && b[i] != 32 && b[i] != 10 && b[i] != 9 { i += 1 }
            return String(decoding: b[start..<i], as: UTF8.self)
        }
        func number() -> Double { Double(token()) ?? 0 }
        func text() -> String {
            let n = Int(token()) ?? 0
            skipSpaces()
            if i < b.count && b[i] == UInt8(ascii: "-") { i += 1 }
            let end = min(b.count, i + n)
            defer { i = end }
            return String(decoding: b[i..<end], as: UTF8.self)
        }
        while i < b.count {
            let op = token()
            switch op {
            case "E", "e": out.append((op, (0..<4).map { _ in number() }, ""))
            case "P", "p", "L", "B", "b":
                let n = Int(token()) ?? 0
                out.append((op, (0..<(2 * max(0, n))).map { _ in number() }, ""))
            case "T":
                let nums = (0..<4).map { _ in number() }
                out.append((op, nums, text()))
            case "F":
                let size = number()
                out.append((op, [size], text()))
            case "I":
                let nums = (0..<4).map { _ in number() }
                out.append((op, nums, text()))
            case "c", "C", "S": out.append((op, [], text()))
            case "t": out.append((op, [number()], ""))
            default: i = b.count   // empty or unknown: stop
            }
        }
        return out
    }

    /// The text lines of an xdot `_ldraw_`: each `T` op's width, and the last font size.
    static func labelLines(_ ldraw: String) -> (widths: [Double], fontSize: Double) {
        var widths: [Double] = [], fontSize = 14.0
        for op in xdotOps(ldraw) {
            if op.op == "F" { fontSize = op.numbers[0] }
            if op.op == "T" { widths.append(op.numbers[3]) }
        }
        return (widths, fontSize)
    }

    /// Whether a label block of `width` × `height` points fits inside the outline with
    /// `pad` points to spare on each side.
    static func fits(width: Double, height: Double, in o: NodeOutline, pad: Double = 1.5) -> Bool {
        let hw = width / 2 + pad, hh = height / 2 + pad
        switch o.kind {
        case .ellipse:
            return (hw / o.halfWidth) * (hw / o.halfWidth) + (hh / o.halfHeight) * (hh / o.halfHeight) <= 1
        case .box:
            return hw <= o.halfWidth && hh <= o.halfHeight
        }
    }

    /// Moves the label of every fixed-size node it does not fit beside the node (`xlabel`,
    /// dark text: it is drawn on the background). Returns how many moved.
    static func fitLabels(_ g: UnsafeMutablePointer<Agraph_t>) -> Int {
        var moved = 0
        var n = agfstnode(g)
        while let node = n {
            defer { n = agnxtnode(g, node) }
            let obj = UnsafeMutableRawPointer(node)
            guard let fixed = string(obj, "fixedsize"), fixed == "true" || fixed == "shape",
                  let o = outline(node) else { continue }
            // With fixedsize=shape the written size is the union of shape and label: the
            // shape's own size (from its drawing) is what every later render must keep.
            if fixed == "shape" {
                let peripheries = xdotOps(string(obj, "_draw_") ?? "").filter { ["E", "e", "P", "p"].contains($0.op) }.count
                if peripheries <= 1 {
                    _ = interstice_agsafeset(obj, "width", String(o.halfWidth * 2 / 72), "")
                    _ = interstice_agsafeset(obj, "height", String(o.halfHeight * 2 / 72), "")
                    _ = interstice_agsafeset(obj, "fixedsize", "true", "")
                }
            }
            guard let label = string(obj, "label"), !label.isEmpty, let ldraw = string(obj, "_ldraw_") else { continue }
            let (widths, size) = labelLines(ldraw)
            guard let w = widths.max() else { continue }
            let h = Double(widths.count) * size * 1.2
            var shape = string(obj, "shape") ?? ""
            if shape.isEmpty { shape = "ellipse" }
            // Only the ellipse family and boxes are measured exactly; other fixed shapes
            // (diamond, octagon) are judged by the ellipse inscribed in their box.
            var inner = o
            if !["ellipse", "circle", "oval", "box", "rect", "rectangle", "square"].contains(shape) {
                inner.kind = .ellipse
                if shape == "diamond" { inner.halfWidth /= 2.squareRoot(); inner.halfHeight /= 2.squareRoot() }
            }
            if fits(width: w, height: h, in: inner) { continue }
            _ = interstice_agsafeset(obj, "xlabel", label, "")
            _ = interstice_agsafeset(obj, "label", "", "")
            _ = interstice_agsafeset(obj, "fontcolor", "#222222", "")
            moved += 1
        }
        return moved
    }

    /// Routes around the nodes every straight edge that crosses a node it does not touch.
    /// Returns how many were rerouted and those that could not be.
    static func routeEdges(_ g: UnsafeMutablePointer<Agraph_t>) -> (Int, [String]) {
        var outlines: [NodeOutline] = []
        var index: [UInt: Int] = [:]
        var nodes: [UnsafeMutablePointer<Agnode_t>] = []
        var n = agfstnode(g)
        while let node = n {
            guard let o = outline(node) else { return (0, []) }   // not laid out: nothing to route
            index[interstice_agseq(UnsafeMutableRawPointer(node))] = outlines.count
            outlines.append(o)
            nodes.append(node)
            n = agnxtnode(g, node)
        }
        guard outlines.count <= EdgeRouter.nodeLimit else { return (0, []) }
        let router = EdgeRouter(outlines: outlines)
        var rerouted = 0
        var unrouted: [String] = []
        var routes: [String: String] = [:]
        for node in nodes {
            var e = agfstout(g, node)
            while let edge = e {
                defer { e = agnxtout(g, edge) }
                guard let t = index[interstice_agseq(UnsafeMutableRawPointer(interstice_agtail(edge)))],
                      let h = index[interstice_agseq(UnsafeMutableRawPointer(interstice_aghead(edge)))], t != h else { continue }
                let obj = UnsafeMutableRawPointer(edge)
                guard let pos = string(obj, "pos") else { continue }
                let points = pos.split(separator: " ").filter { !$0.hasPrefix("e,") && !$0.hasPrefix("s,") }.compactMap(point)
                guard points.count >= 2 else { continue }
                // The curve itself (parallel edges are drawn as curves even with splines=false),
                // sampled along each cubic piece.
                let curve = Self.sample(points)
                var blocked = false
                for k in 1..<curve.count where !router.crossed(curve[k - 1], curve[k], except: t, h).isEmpty {
                    blocked = true; break
                }
                guard blocked else { continue }
                let dir = string(obj, "dir").flatMap { $0.isEmpty ? nil : $0 } ?? "forward"
                let arrowSize = string(obj, "arrowsize").flatMap(Double.init) ?? 1
                let key = "\(t) \(h) \(dir) \(arrowSize)"
                let route: String?
                if let known = routes[key] { route = known } else {
                    route = router.route(from: t, to: h).map {
                        router.pos(path: $0, from: t, to: h, arrowAtHead: dir == "forward" || dir == "both",
                                   arrowAtTail: dir == "back" || dir == "both", arrowLength: 10 * arrowSize)
                    }
                    if let route { routes[key] = route }
                }
                guard let route else {
                    unrouted.append("\(String(cString: agnameof(UnsafeMutableRawPointer(interstice_agtail(edge))))) -> \(String(cString: agnameof(UnsafeMutableRawPointer(interstice_aghead(edge)))))")
                    continue
                }
                _ = interstice_agsafeset(obj, "pos", route, "")
                rerouted += 1
            }
        }
        return (rerouted, unrouted)
    }

    /// Points along a piecewise cubic Bézier (3k + 1 control points; fewer: the points
    /// themselves), 16 pieces per cubic.
    static func sample(_ p: [Point]) -> [Point] {
        guard p.count >= 4 else { return p }
        var out = [p[0]]
        var k = 0
        while k + 3 < p.count {
            for i in 1...16 {
                let t = Double(i) / 16, u = 1 - t
                let a: Double = u * u * u, b: Double = 3 * u * u * t, c: Double = 3 * u * t * t, d: Double = t * t * t
                let x: Double = a * p[k].x + b * p[k + 1].x + c * p[k + 2].x + d * p[k + 3].x
                let y: Double = a * p[k].y + b * p[k + 1].y + c * p[k + 2].y + d * p[k + 3].y
                out.append(Point(x, y))
            }
            k += 3
        }
        return out
    }

    /// Empties the xdot drawing attributes (they would be written into the laid-out text
    /// stale; every render draws afresh).
    static func clearDrawing(_ g: UnsafeMutablePointer<Agraph_t>) {
        let names = ["_draw_", "_ldraw_", "_hdraw_", "_tdraw_", "_hldraw_", "_tldraw_"]
        func clear(_ obj: UnsafeMutableRawPointer) {
            for a in names where interstice_agget(obj, a) != nil { _ = interstice_agsafeset(obj, a, "", "") }
        }
        func clearGraph(_ sg: UnsafeMutablePointer<Agraph_t>) {
            clear(UnsafeMutableRawPointer(sg))
            var s = agfstsubg(sg)
            while let sub = s { clearGraph(sub); s = agnxtsubg(sub) }
        }
        clearGraph(g)
        var n = agfstnode(g)
        while let node = n {
            clear(UnsafeMutableRawPointer(node))
            var e = agfstout(g, node)
            while let edge = e { clear(UnsafeMutableRawPointer(edge)); e = agnxtout(g, edge) }
            n = agnxtnode(g, node)
        }
    }
}
