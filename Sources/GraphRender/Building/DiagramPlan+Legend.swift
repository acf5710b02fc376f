extension DiagramPlan {
    /// The graph label: title, caption and legend as one HTML-like table, or nil when there is
    /// nothing to show. Each legend row is one text cell (colour swatches are coloured `■`
    /// glyphs): Graphviz stretches nested tables to the widest row, which spreads their cells.
    func legendLabel() -> String? {
        var rows: [String] = []
        if let title = style.title {
            rows.append("<FONT POINT-SIZE=\"16\"><B>\(DOTText.html(title))</B></FONT>")
        }
        if let caption = style.caption {
            rows.append("<FONT POINT-SIZE=\"10\" COLOR=\"#444444\">\(DOTText.html(caption))</FONT>")
        }
        if style.legend { rows += legendRows() }
        guard !rows.isEmpty else { return nil }
        return "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"2\">"
            + rows.map { "<TR><TD ALIGN=\"LEFT\">\($0)</TD></TR>" }.joined() + "</TABLE>"
    }

    /// A coloured square.
    private func swatch(_ color: Color) -> String { "<FONT COLOR=\"\(color)\" POINT-SIZE=\"12\">■</FONT>" }

    /// One legend row: a bold heading and entries separated by wide spaces.
    private func row(_ heading: String, _ entries: [String]) -> String {
        // Graphviz trims plain spaces next to tags: the gaps are no-break spaces.
        var s = "<FONT POINT-SIZE=\"10\">"
        if !heading.isEmpty { s += "<B>\(DOTText.html(heading))&#160;&#160;</B>" }
        return s + entries.joined(separator: "&#160;&#160;&#160;&#160;") + "</FONT>"
    }

    private func legendRows() -> [String] {
        var rows: [String] = []
        let perRow = 6
        switch colorLegend {
        case .categories(let title, let entries) where !entries.isEmpty:
            let shown = Array(entries.prefix(perRow * 4))
            var start = 0
            while start < shown.count {
                let chunk = shown[start..<min(start + perRow, shown.count)]
                var cells = chunk.map { swatch($0.color) + "&#160;" + DOTText.html(DOTText.shorten($0.name, max: 26, wrap: 200)) }
                if start + perRow >= shown.count && entries.count > shown.count {
                    cells.append("<FONT COLOR=\"#444444\">and \(entries.count - shown.count) more</FONT>")
                }
                rows.append(row(start == 0 ? "colour: \(title)" : "", cells))
                start += perRow
            }
        case .scale(let title, let lo, let hi, let reversed, let missing):
            // Low to high, left to right; reversed, low is the bright end.
            var scale = DOTText.number(lo) + "&#160;"
            for k in 0..<9 { scale += swatch(Palette.sequential(reversed ? 1 - Double(k) / 8 : Double(k) / 8)) }
            scale += "&#160;" + DOTText.number(hi)
            var cells = [scale]
            if missing { cells.append(swatch(Palette.missing) + "&#160;no value") }
            rows.append(row("colour: \(title)", cells))
        default:
            break
        }
        if let size = style.size, size.scores.count == network.nodeCount {
            let finite = size.scores.compactMap { $0 }.filter(\.isFinite)
            let range = finite.isEmpty ? "" : " from \(DOTText.number(finite.min()!)) to \(DOTText.number(finite.max()!))"
            rows.append(row("size:", [DOTText.html(size.name + range) + " (area)"]))
        }
        // Shapes of the kinds present.
        var shapes: [String] = []
        let kindsPresent = Set((0..<network.nodeCount).filter { drawn[$0] }.map { network.kinds[$0] })
        if kindsPresent.contains(.actor) && kindsPresent.count > 1 { shapes.append("round: actor") }
        if kindsPresent.contains(network.organizationKind) { shapes.append("box: organization") }
        if kindsPresent.contains(.collective) {
            shapes.append(style.highlightCollectives
                          ? "black octagon: collective (its participants outlined in black)" : "octagon: collective")
        }
        if clusters { shapes.append("shaded areas: organizations") }
        if outlined.contains(true) || outlineInLegend {
            shapes.append("vermillion outline: \(DOTText.html(style.outlineName))")
        }
        if !shapes.isEmpty { rows.append(row("nodes:", shapes)) }
        // Edge styles of the relations drawn.
        var edges: [String] = []
        for l in layers {
            let layer = network.layers[l]
            let weighted = layer.hasWeights
            switch layer.relation {
            case .acquaintance: edges.append("grey line: acquaintance\(weighted ? " (width: strength)" : "")")
            case .exchange: edges.append("dark arrow: exchange\(weighted ? " (width: weight)" : "")")
            case .reportsTo: edges.append("dashed arrow: reports to")
            case .participant: edges.append("dashed black line: takes part in")
            case .member: edges.append("dotted line: member of")
            default:
                let rank = layers.filter { !EdgeLook.isDomain(network.layers[$0].relation) }.firstIndex(of: l) ?? 0
                let pattern = EdgeLook.otherStyles[rank % EdgeLook.otherStyles.count]
                let line = layer.direction == .directed ? "arrow" : "line"
                edges.append("\(pattern == "solid" ? "" : pattern + " ")\(line): " + DOTText.html(layer.relation.rawValue))
            }
        }
        if !edges.isEmpty { rows.append(row("edges:", edges)) }
        if showsBasis {
            let nodes = assumedNodes.enumerated().filter { drawn[$0.offset] && $0.element }.count
            var edges = 0, all = 0
            for l in layers {
                let layer = network.layers[l]
                for e in 0..<layer.edgeCount where drawn[Int(layer.sources[e])] && drawn[Int(layer.targets[e])] {
                    all += 1
                    if network.isAssumed(layer: l, edge: e) { edges += 1 }
                }
            }
            let shown = drawn.filter { $0 }.count
            rows.append(row("basis:", [
                "faded, dashed outline: assumed node (\(nodes) of \(shown))",
                "faded dashed line (dotted for dashed relations): assumed tie (\(edges) of \(all))",
                "the rest: documented or inferred",
            ]))
        }
        return rows
    }
}
