import GraphCore
import GraphIO

extension DiagramPlan {
    /// The styled DOT text of the diagram, with the chosen `layout`.
    ///
    /// Node names are the network's ids (so Graphviz's SVG `<title>`s are the ids); SVG ids are
    /// `n<index>` for nodes, `e-<relation>-<index>` for edges, `c<group>` for clusters, and
    /// classes name the kind, the relation and the organization (`org-<id>`).
    /// - Parameter bitmap: the output is a bitmap (PNG): write the style's `dpi`. Never for
    ///   SVG, where Graphviz 2.43 scales the drawing by dpi/72 but not its viewBox, which
    ///   crops it.
    /// - Complexity: O(n + m).
    func dotText(bitmap: Bool = false) -> [UInt8] {
        let net = network
        var w = ByteWriter(capacity: 160 * net.nodeCount + 120 * net.edgeCount + 4096)
        w.write("// Interstice diagram: \(engineReason)\n")
        for note in notes { w.write("// note: \(note)\n") }
        w.write("digraph \"interstice\" {\n")
        writeGraphAttributes(&w, bitmap: bitmap)

        // Clusters (organizations) with their direct members.
        var inCluster = [Bool](repeating: false, count: net.nodeCount)
        if clusters {
            for g in 0..<organizations.groupCount {
                let members = organizations.members(of: Int32(g)).filter { drawn[Int($0)] }
                let orgNode = organizations.groupNodes[g]
                let orgDrawn = orgNode >= 0 && drawn[Int(orgNode)]
                guard !members.isEmpty || orgDrawn else { continue }
                let name = orgNode >= 0 ? net.displayLabel(orgNode) : organizations.groupNames[g]
                let color = Palette.categorical(g, name: organizations.groupNames[g])
                w.write("  subgraph \"cluster_\(g)\" {\n    id=\"c\(g)\"; class=\"organization org-")
                w.write(DOTText.cssClass(organizations.groupNames[g]))
                w.write("\";\n    label=")
                w.write(DOTText.quoteLabel(DOTText.wrap(name, width: style.wrapLabelLength * 5 / 2)))
                w.write("; style=\"filled,rounded\"; fillcolor=\"\(color.mixed(with: .white, 0.84))\"; ")
                w.write("color=\"\(color.mixed(with: .black, 0.25))\"; penwidth=1.2; fontsize=12; fontcolor=\"#222222\";\n")
                for v in members { writeNode(&w, Int(v), indent: "    "); inCluster[Int(v)] = true }
                if orgDrawn { writeNode(&w, Int(orgNode), indent: "    "); inCluster[Int(orgNode)] = true }
                w.write("  }\n")
            }
        }
        for v in 0..<net.nodeCount where drawn[v] && !inCluster[v] { writeNode(&w, v, indent: "  ") }

        // Edges, layer by layer.
        var usedClassNames: Set<String> = []
        for l in layers {
            let layer = net.layers[l]
            var cls = DOTText.cssClass(layer.relation.rawValue)
            if usedClassNames.contains(cls) { cls += "-\(l)" }
            usedClassNames.insert(cls)
            let look = EdgeLook(relation: layer.relation, direction: layer.direction, large: large,
                                membership: layer.relation == .member,
                                otherIndex: layers.filter { !EdgeLook.isDomain(network.layers[$0].relation) }
                                    .firstIndex(of: l) ?? 0,
                                drawnEdges: drawnEdgeCount)
            let (lo, hi) = (layer.weights.min() ?? 1, layer.weights.max() ?? 1)
            let assumedLook = look.assumed
            for e in 0..<layer.edgeCount {
                let u = layer.sources[e], v = layer.targets[e]
                guard drawn[Int(u)] && drawn[Int(v)] else { continue }
                let assumed = showsBasis && net.isAssumed(layer: l, edge: e)
                w.write("  "); w.write(DOTText.quote(net.ids[Int(u)])); w.write(" -> "); w.write(DOTText.quote(net.ids[Int(v)]))
                w.write(" [id=\"e-\(cls)-\(e)\", class=\"\(cls)\(assumed ? " assumed" : "")\"")
                w.write(look.attributes)
                // Later attributes override earlier ones in a DOT attribute list.
                if assumed { w.write(assumedLook) }
                if layer.hasWeights && hi > lo {
                    let t = (layer.weights[e] - lo) / (hi - lo)
                    w.write(", penwidth=\(DOTText.number(look.minPen + (look.maxPen - look.minPen) * t))")
                    w.write(", weight=\(max(1, Int((1 + 4 * t).rounded())))")
                }
                w.write("];\n")
            }
        }
        w.write("}\n")
        return w.bytes
    }

    private func writeGraphAttributes(_ w: inout ByteWriter, bitmap: Bool) {
        let font = DOTText.quote(style.fontName)
        w.write("  graph [layout=\(engine.rawValue), id=\"diagram\", class=\"interstice\", fontname=\(font), ")
        w.write("bgcolor=\"white\", pad=\"0.3\", outputorder=\"edgesfirst\"")
        if bitmap { w.write(", dpi=\(DOTText.number(style.dpi))") }
        // Straight edges for every engine but dot: Graphviz 2.43's spline router corrupts the
        // heap under fdp and twopi when nodes have fixedsize=shape (reproduced with the
        // command-line tools), and straight lines read well in social networks.
        switch engine {
        case .dot: w.write(", rankdir=\"TB\", nodesep=\"0.25\", ranksep=\"0.45\"")
        case .neato: w.write(", overlap=\"prism\", sep=\"+8\", splines=\"false\", mode=\"major\"")
        case .fdp:
            // fdp keeps its initial temperature T0 in a static between layouts when the graph
            // does not set it (Graphviz 2.43), so a layout would depend on the one before: set
            // it to fdp's own default, Tfact · K · √n / 5.
            let t0 = 0.6 * Double(network.nodeCount).squareRoot() / 5
            w.write(", overlap=\"prism\", sep=\"+6\", splines=\"false\", K=\"0.6\", T0=\"\(DOTText.number(t0))\", start=\"1\"")
        case .sfdp: w.write(", overlap=\"prism\", splines=\"false\", start=\"1\"")
        case .circo, .twopi: w.write(", overlap=\"false\", splines=\"false\"")
        case .osage, .patchwork, .auto: break
        }
        if let legend = legendLabel() {
            w.write(",\n    labelloc=\"t\", labeljust=\"l\", fontsize=11, label=<")
            w.write(legend)
            w.write(">")
        }
        w.write("];\n")
        if large {
            w.write("  node [fontname=\(font), fontsize=8, shape=circle, fixedsize=true, width=0.12, style=\"filled\", penwidth=0.4, label=\"\"];\n")
            w.write("  edge [arrowsize=0.3, penwidth=0.35];\n")
        } else {
            w.write("  node [fontname=\(font), fontsize=10, style=\"filled\", margin=\"0.05,0.03\", penwidth=1];\n")
            w.write("  edge [fontname=\(font), arrowsize=0.6];\n")
        }
    }

    /// The colours, outline and classes of a node: what changes from one diffusion frame to
    /// the next (the shape, size and label do not).
    struct NodePaint: Equatable {
        var classes: String
        var fill: Color
        var border: Color
        var penwidth: Double
        var fontColor: Color
    }

    /// The default pen width of nodes.
    var basePenwidth: Double { large ? 0.4 : 1 }

    func paint(_ v: Int) -> NodePaint {
        let net = network
        var classes = DOTText.cssClass(net.kinds[v].rawValue)
        let g = groupOfNode[v] >= 0 ? groupOfNode[v] : organizationOf[v]
        if g >= 0 { classes += " org-" + DOTText.cssClass(organizations.groupNames[Int(g)]) }
        if participants[v] { classes += " participant" }
        if assumedNodes[v] { classes += " assumed" }
        if outlined[v] { classes += " outlined" }
        var fillColor = fill[v]
        // Assumed nodes fade, except when the fill is a score (its colour is the datum).
        if assumedNodes[v] {
            if case .scores = style.coloring {} else { fillColor = fillColor.mixed(with: .white, 0.6) }
        }
        var border = fillColor.mixed(with: .black, 0.35)
        var pen = basePenwidth
        if collectives[v] { fillColor = Color(hex: 0x1A1A1A); border = .black; pen = 2 }
        if participants[v] { border = .black; pen = large ? 1.2 : 2.2 }
        if outlined[v] { border = Color(hex: 0xD55E00); pen = large ? 1.5 : 3 }
        return NodePaint(classes: classes, fill: fillColor, border: border, penwidth: pen,
                         fontColor: fillColor.readableText)
    }

    private func writeNode(_ w: inout ByteWriter, _ v: Int, indent: String) {
        let net = network
        let kind = net.kinds[v]
        let look = paint(v)
        w.write(indent); w.write(DOTText.quote(net.ids[v]))
        w.write(" [id=\"n\(v)\", class=\"\(look.classes)\"")

        let isOrg = kind == net.organizationKind
        let sized = width[v] != nil
        let shape: String
        if collectives[v] || kind == .collective { shape = "doubleoctagon" }
        else if isOrg { shape = "box" }
        else if kind == .actor { shape = sized || large ? "circle" : "ellipse" }
        else { shape = "diamond" }
        if !(large && shape == "circle") { w.write(", shape=\(shape)") }
        if isOrg { w.write(assumedNodes[v] ? ", style=\"filled,rounded,dashed\"" : ", style=\"filled,rounded\"") }
        else if assumedNodes[v] { w.write(", style=\"filled,dashed\"") }

        w.write(", fillcolor=\"\(look.fill)\", color=\"\(look.border)\"")
        if look.penwidth != basePenwidth { w.write(", penwidth=\(DOTText.number(look.penwidth))") }

        if let label = label[v] {
            w.write(", label="); w.write(DOTText.quoteLabel(label))
            w.write(", fontcolor=\"\(look.fontColor)\"")
            if large { w.write(", fixedsize=\"shape\"") }
        } else if !large {
            w.write(", label=\"\"")
        }
        if let width = width[v] {
            let s = DOTText.inches(width)
            w.write(", width=\(s), height=\(s)")
            if !large { w.write(label[v] == nil ? ", fixedsize=true" : ", fixedsize=\"shape\"") }
        }
        var tip = net.ids[v]
        if let l = net.labels[v], l != tip { tip += " — " + l }
        w.write(", tooltip="); w.write(DOTText.quoteLabel(tip))
        w.write("];\n")
    }
}

/// How the edges of one relation look.
struct EdgeLook {
    var attributes: String
    var minPen: Double
    var maxPen: Double
    /// The line pattern of a relation outside the domain's five, by its rank among them.
    static let otherStyles = ["solid", "dashed", "dotted", "bold"]

    /// - Parameters:
    ///   - otherIndex: for a relation outside the domain's five, its rank among such relations
    ///     drawn (their line patterns differ).
    ///   - drawnEdges: edges in the whole drawing; lines get lighter as they get many.
    init(relation: Relation, direction: EdgeDirection, large: Bool, membership: Bool, otherIndex: Int,
         drawnEdges: Int) {
        let dir = direction == .directed ? "forward" : "none"
        // Opacity: opaque up to 300 edges, then fading to one quarter at 5,000 and beyond.
        let alpha = drawnEdges <= 300 ? 1 : max(0.25, 1 - 0.75 * Double(drawnEdges - 300) / 4700)
        func grey(_ hex: UInt32) -> String { alpha >= 1 ? Color(hex: hex).description : Color(hex: hex).withAlpha(alpha) }
        switch relation {
        case _ where membership:
            attributes = ", dir=none, color=\"#9A9A9A\", penwidth=0.6, style=\"dotted\""
        case .acquaintance:
            attributes = ", dir=none, color=\"\(grey(0x8C8C8C))\""
        case .exchange:
            attributes = ", dir=\(dir), color=\"\(grey(0x333333))\", arrowhead=normal"
        case .reportsTo:
            attributes = ", dir=\(dir), color=\"\(grey(0x333333))\", style=\"dashed\", arrowhead=onormal"
        case .participant:
            attributes = ", dir=none, color=\"#1A1A1A\", style=\"dashed\", penwidth=1.2"
        default:
            let pattern = Self.otherStyles[otherIndex % Self.otherStyles.count]
            attributes = ", dir=\(dir), color=\"\(grey(0x555555))\""
                + (pattern == "solid" ? "" : ", style=\"\(pattern)\"")
        }
        if large {
            (minPen, maxPen) = (0.3, 1.5)
        } else if relation == .exchange {
            (minPen, maxPen) = (0.8, 4.5)
        } else {
            (minPen, maxPen) = (0.7, 3)
        }
    }

    /// Attributes appended to an assumed edge: a faded colour and a dashed line, dotted when the
    /// relation is already drawn dashed.
    var assumed: String {
        ", color=\"#B4B4B4\", style=\"\(attributes.contains("dashed") ? "dotted" : "dashed")\""
    }

    /// Whether a relation is one of the domain's five (drawn in its own way).
    static func isDomain(_ r: Relation) -> Bool {
        [.acquaintance, .exchange, .reportsTo, .participant, .member].contains(r)
    }
}
