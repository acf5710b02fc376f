import GraphCore

/// Everything decided about a diagram before its DOT text is written: which nodes and edges
/// are drawn, organizations, clusters, the engine, and each node's look.
struct DiagramPlan {
    let network: Network
    let style: DiagramStyle
    let engine: LayoutEngine
    let engineReason: String
    /// Fallbacks the style asked for but could not have (said in the output metadata).
    var notes: [String] = []

    /// Organizations (after the style's filter).
    let organizations: Partition
    /// Each node's first organization, or -1.
    let organizationOf: [Int32]
    /// The group a node stands for when it is an organization node, or -1.
    let groupOfNode: [Int32]
    /// Organizations are drawn as clusters.
    let clusters: Bool
    /// Member edges to organizations are drawn as thin edges.
    let memberEdges: Bool
    /// Nodes drawn as nodes (organizations drawn as clusters are not, unless other edges touch them).
    var drawn: [Bool]
    /// Layers drawn, by index into `network.layers`.
    let layers: [Int]
    /// The collective nodes highlighted and their participants.
    let collectives: [Bool]
    let participants: [Bool]
    /// Whether the graph is large (no labels by default, small nodes, light edges).
    let large: Bool
    /// Whether assumed rows are drawn distinctly (the style asks and the network has a basis).
    let showsBasis: Bool
    /// The nodes tagged `basis` = `assumed` (all false unless ``showsBasis``).
    let assumedNodes: [Bool]
    /// Edges drawn.
    let drawnEdgeCount: Int

    // Node looks.
    var fill: [Color]
    var label: [String?]
    /// Node width in inches when sized by a score.
    var width: [Double?]
    var outlined: [Bool]
    /// Legend entries for the fill colours.
    var colorLegend: ColorLegend
    /// Show the outline's legend entry even when no node is outlined (diffusion frames).
    var outlineInLegend = false

    enum ColorLegend {
        case categories(title: String, [(name: String, color: Color)])
        case scale(title: String, min: Double, max: Double, reversed: Bool, hasMissing: Bool)
        case none
    }

    init(network net: Network, style: DiagramStyle, engine requested: LayoutEngine) throws(RenderError) {
        network = net
        self.style = style
        let n = net.nodeCount
        guard n > 0 else { throw RenderError(.badInput, "the network has no nodes: there is nothing to draw") }
        guard DiagramStyle.dpiRange.contains(style.dpi) else {
            throw RenderError(.unsupported, "dpi must be in \(Int(DiagramStyle.dpiRange.lowerBound))…\(Int(DiagramStyle.dpiRange.upperBound)), found \(style.dpi)")
        }

        // Organizations.
        let orgKind = net.organizationKind
        let orgs: Partition
        if let f = style.organizationFilter {
            orgs = net.organizations(include: { net.nodeAttribute(f.attribute, of: $0)?.description == f.value })
        } else {
            orgs = net.organizations()
        }
        organizations = orgs
        organizationOf = orgs.primary
        var groupOfNode = [Int32](repeating: -1, count: n)
        for (g, v) in orgs.groupNodes.enumerated() where v >= 0 { groupOfNode[Int(v)] = Int32(g) }
        self.groupOfNode = groupOfNode

        // Relations drawn.
        let wanted = style.relations.map(Set.init)
        var layers: [Int] = []
        for (i, l) in net.layers.enumerated() {
            if l.relation == .member { continue }
            if l.relation == .participant && style.highlightCollectives { layers.append(i); continue }
            if wanted == nil || wanted!.contains(l.relation) { layers.append(i) }
        }
        let memberLayer = net.layers.firstIndex { $0.relation == .member }

        // Collectives and participants.
        var collectives = [Bool](repeating: false, count: n)
        var participants = [Bool](repeating: false, count: n)
        if style.highlightCollectives {
            for c in net.collectives {
                collectives[Int(c.node)] = true
                for p in c.participants.members { participants[Int(p)] = true }
            }
        }
        self.collectives = collectives
        self.participants = participants
        showsBasis = style.distinguishAssumed && net.hasBasis
        assumedNodes = showsBasis ? (0..<n).map { net.isAssumed(node: Int32($0)) } : [Bool](repeating: false, count: n)

        // Edge count of what is drawn (for the engine choice).
        var m = 0
        for l in layers { m += net.layers[l].edgeCount }
        large = n > style.labelLimit

        // Membership and engine.
        let hasMemberships = orgs.groupCount > 0 && memberLayer != nil
        let single = (0..<n).allSatisfy { orgs.groups(of: Int32($0)).count <= 1 }
        var mode = style.membership
        if mode == .auto && !hasMemberships { mode = .hidden }
        if mode == .auto && single { mode = .clusters }
        var notes: [String] = []
        if (mode == .clusters || mode == .auto) && !single {
            notes.append("some actors have several organizations: memberships are drawn as edges, not clusters")
            mode = .edges
        }
        if mode == .edges, let ml = memberLayer { m += net.layers[ml].edgeCount }
        var engine = requested, reason = "engine \(requested.rawValue) as requested"
        if requested == .auto {
            let acyclic = Self.directedAcyclic(net, layers: layers)
            (engine, reason) = LayoutEngine.choose(nodeCount: n, edgeCount: m, hasClusters: mode == .clusters,
                                                   directedAcyclic: acyclic)
        } else if requested == .dot && n > LayoutEngine.dotNodeLimit {
            throw RenderError(.unsupported, "dot cannot lay out \(n) nodes in reasonable time (it does not finish a random 1,000-node graph in 30 minutes); use sfdp or auto")
        }
        if mode == .clusters && !engine.drawsClusters {
            notes.append("\(engine.rawValue) does not draw clusters: organizations are shown by colour only")
            mode = .hidden
        }
        clusters = mode == .clusters
        memberEdges = mode == .edges
        drawnEdgeCount = m
        self.engine = engine
        engineReason = reason
        self.layers = memberEdges ? (layers + [memberLayer!]) : layers

        // Which nodes are drawn: organization nodes only as boxes in edge mode, or when a
        // drawn edge touches them.
        var touched = [Bool](repeating: false, count: n)
        for l in self.layers {
            let layer = net.layers[l]
            for e in 0..<layer.edgeCount { touched[Int(layer.sources[e])] = true; touched[Int(layer.targets[e])] = true }
        }
        var drawn = [Bool](repeating: true, count: n)
        for v in 0..<n where net.kinds[v] == orgKind && !memberEdges && !touched[v] { drawn[v] = false }
        // Organizations that are not clusters under the filter are still organizations in
        // kind; with clusters they are hidden unless touched.
        self.drawn = drawn
        let drawnCount = drawn.filter { $0 }.count
        if drawnCount > EdgeRouter.nodeLimit {
            notes.append("edges are drawn straight: with \(drawnCount) nodes (more than \(EdgeRouter.nodeLimit)) they are not routed around the nodes they pass")
        }
        self.notes = notes

        fill = [Color](repeating: .white, count: n)
        label = [String?](repeating: nil, count: n)
        width = [Double?](repeating: nil, count: n)
        outlined = [Bool](repeating: false, count: n)
        colorLegend = .none
        for v in style.outlined where v >= 0 && Int(v) < n { outlined[Int(v)] = true }
        try planColors()
        planSizesAndLabels()
    }

    /// Whether all drawn edges are directed and form no cycle (Kahn's algorithm).
    static func directedAcyclic(_ net: Network, layers: [Int]) -> Bool {
        var b = GraphBuilder(nodeCount: net.nodeCount, direction: .directed)
        for l in layers {
            let layer = net.layers[l]
            if layer.direction != .directed { return false }
            for e in 0..<layer.edgeCount {
                if layer.sources[e] == layer.targets[e] { return false }
                b.addEdge(layer.sources[e], layer.targets[e])
            }
        }
        let g = b.build(parallelEdges: .first)
        var indeg = [Int](repeating: 0, count: net.nodeCount)
        for t in g.targets { indeg[Int(t)] += 1 }
        var stack = (0..<net.nodeCount).filter { indeg[$0] == 0 }
        var seen = 0
        while let u = stack.popLast() {
            seen += 1
            for i in g.offsets[u]..<g.offsets[u + 1] {
                let t = Int(g.targets[i])
                indeg[t] -= 1
                if indeg[t] == 0 { stack.append(t) }
            }
        }
        return seen == net.nodeCount
    }

    private mutating func planColors() throws(RenderError) {
        let n = network.nodeCount
        switch style.coloring {
        case .none:
            colorLegend = .none
        case .organization:
            guard organizations.groupCount > 0 else {
                notes.append("the network has no organizations: nodes are coloured by kind")
                colorByCategories(title: "kind", (0..<n).map { network.kinds[$0].rawValue })
                return
            }
            let colors = (0..<organizations.groupCount).map {
                Palette.categorical($0, name: organizations.groupNames[$0])
            }
            for v in 0..<n {
                let g = groupOfNode[v] >= 0 ? groupOfNode[v] : organizationOf[v]
                fill[v] = g >= 0 ? colors[Int(g)] : Palette.missing
            }
            colorLegend = .categories(title: "organization", (0..<organizations.groupCount).map { g in
                let node = organizations.groupNodes[g]
                let name = node >= 0 ? network.displayLabel(node) : organizations.groupNames[g]
                return (name, colors[g])
            })
        case .kind:
            colorByCategories(title: "kind", (0..<n).map { network.kinds[$0].rawValue })
        case .attribute(let name):
            guard let column = network.nodeAttributes[name] else {
                throw RenderError(.badInput, "no node attribute \(name) to colour by; the columns are: \(network.nodeAttributes.names.joined(separator: ", "))")
            }
            colorByCategories(title: name, column.values.map { $0?.description })
        case .scores(let scores, let name, let reversed, let range):
            guard scores.count == n else {
                throw RenderError(.badInput, "colour scores: \(scores.count) values for \(n) nodes")
            }
            let finite = scores.compactMap { $0 }.filter(\.isFinite)
            let lo = range?.lowerBound ?? finite.min() ?? 0, hi = range?.upperBound ?? finite.max() ?? 1
            var missing = false
            for v in 0..<n {
                guard let s = scores[v], s.isFinite else { fill[v] = Palette.missing; missing = true; continue }
                var t = hi > lo ? (s - lo) / (hi - lo) : 0.5
                if reversed { t = 1 - t }
                fill[v] = Palette.sequential(t)
            }
            colorLegend = .scale(title: name, min: lo, max: hi, reversed: reversed, hasMissing: missing)
        }
    }

    /// Colours by category: the most frequent categories get the Okabe–Ito colours.
    private mutating func colorByCategories(title: String, _ values: [String?]) {
        var count: [String: Int] = [:], first: [String: Int] = [:]
        for (i, v) in values.enumerated() {
            guard let v, drawn[i] else { continue }
            count[v, default: 0] += 1
            if first[v] == nil { first[v] = i }
        }
        let order = count.keys.sorted { (count[$0]!, -first[$0]!) > (count[$1]!, -first[$1]!) }
        var color: [String: Color] = [:]
        for (i, name) in order.enumerated() { color[name] = Palette.categorical(i, name: name) }
        for (i, v) in values.enumerated() { fill[i] = v.flatMap { color[$0] } ?? Palette.missing }
        // The legend lists numbers in numeric order, names in the order of their colours.
        var listed = order
        if order.allSatisfy({ Double($0) != nil }) { listed.sort { Double($0)! < Double($1)! } }
        colorLegend = .categories(title: title, listed.map { ($0, color[$0]!) })
    }

    private mutating func planSizesAndLabels() {
        let n = network.nodeCount
        var scores: [Double]? = nil
        if let size = style.size, size.scores.count == n {
            let raw = size.scores.map { $0.flatMap { $0.isFinite ? $0 : nil } }
            let finite = raw.compactMap { $0 }
            let lo = finite.min() ?? 0, hi = finite.max() ?? 0
            let s = raw.map { v -> Double in
                guard let v else { return 0 }
                return hi > lo ? (v - lo) / (hi - lo) : 0.5
            }
            scores = s
            let (minW, maxW) = large ? (0.08, 0.45) : (0.55, 1.35)
            // Area proportional to the score.
            for v in 0..<n { width[v] = minW + (maxW - minW) * s[v].squareRoot() }
        } else if style.size != nil {
            notes.append("size scores: \(style.size!.scores.count) values for \(n) nodes; sizes ignored")
        }
        // Labels.
        var show = [Bool](repeating: false, count: n)
        switch style.labels {
        case .none: break
        case .all: show = drawn
        case .auto:
            if !large { show = drawn } else if let scores {
                let top = (0..<n).filter { drawn[$0] }.sorted { (scores[$0], -$0) > (scores[$1], -$1) }
                for v in top.prefix(style.labelLimit / 5) { show[v] = true }
            }
        }
        for v in 0..<n where show[v] || collectives[v] {
            let text: String
            if let col = style.labelColumn, let value = network.nodeAttribute(col, of: Int32(v)) {
                text = value.description
            } else {
                text = network.displayLabel(Int32(v))
            }
            label[v] = DOTText.wrap(text, width: style.wrapLabelLength)
        }
    }
}
