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

    /// The organizations' colours as their clusters' shaded areas show them.
    private func organizationAreaRows(perRow: Int, rowWidth: Int) -> [String] {
        var rows: [String] = [], cells: [String] = [], width = 0
        for g in 0..<organizations.groupCount {
            let members = organizations.members(of: Int32(g)).filter { drawn[Int($0)] }
            let node = organizations.groupNodes[g]
            guard !members.isEmpty || (node >= 0 && drawn[Int(node)]) else { continue }
            let name = node >= 0 ? network.displayLabel(node) : organizations.groupNames[g]
            let color = Palette.categorical(g, name: organizations.groupNames[g])
            let w = name.count + 4
            if !cells.isEmpty && (width + w > rowWidth || cells.count == perRow) {
                rows.append(row(rows.isEmpty ? "areas: organization" : "", cells)); cells = []; width = 0
            }
            cells.append(swatch(color.mixed(with: .white, 0.6)) + "&#160;" + DOTText.html(name)); width += w
        }
        if !cells.isEmpty { rows.append(row(rows.isEmpty ? "areas: organization" : "", cells)) }
        return rows
    }

    private func legendRows() -> [String] {
        var rows: [String] = []
        let perRow = 6, rowWidth = 110
        switch colorLegend {
        case .categories(let title, let entries) where !entries.isEmpty:
            // Full names (never cut), as many per row as fit in about `rowWidth` characters.
            let shown = Array(entries.prefix(perRow * 4))
            var chunks: [[(name: String, color: Color)]] = [[]]
            var width = 0
            for entry in shown {
                let w = entry.name.count + 4
                if !chunks[chunks.count - 1].isEmpty && (width + w > rowWidth || chunks[chunks.count - 1].count == perRow) {
                    chunks.append([]); width = 0
                }
                chunks[chunks.count - 1].append(entry); width += w
            }
            for (i, chunk) in chunks.enumerated() {
                var cells = chunk.map { swatch($0.color) + "&#160;" + DOTText.html($0.name) }
                if i == chunks.count - 1 && entries.count > shown.count {
                    cells.append("<FONT COLOR=\"#444444\">and \(entries.count - shown.count) more</FONT>")
                }
                rows.append(row(i == 0 ? "colour: \(title)" : "", cells))
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
        // Fills that are not the organizations' (diffusion frames, scores): the shaded areas
        // still are, and say which is which.
        if clusters, case .categories(let title, _) = colorLegend, title == "organization" {} else if clusters {
            rows += organizationAreaRows(perRow: perRow, rowWidth: rowWidth)
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
