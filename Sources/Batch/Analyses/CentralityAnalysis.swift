import Interstice

/// `centrality`: node scores of the tie graph, one row per node and measure.
enum CentralityAnalysis {
    static func run(_ net: Network, _ p: Parameters, threads: Int) throws(JobFailure) -> JobOutput {
        let relations = p.strings("relations").map { $0.map { Relation($0) } }
        if let relations {
            for r in relations where net.layer(r) == nil {
                throw JobFailure("the dataset has no relation \"\(r)\"; it has \(net.relations.map(\.rawValue).joined(separator: ", "))")
            }
        }
        let direction: GraphDirection
        switch p.string("direction") {
        case "directed": direction = .directed
        case "undirected": direction = .undirected
        default: direction = .asStored
        }
        let weighted = p.bool("weighted", false)
        let full = net.graph(relations: relations, direction: direction, weights: weighted ? .weight : .unweighted,
                             selfLoops: .drop)
        var nodes = (0..<net.nodeCount).map { Int32($0) }
        if p.string("nodes") != "all" {
            nodes = net.oneModeNodes
        }
        let g = nodes.count == net.nodeCount ? full : full.induced(on: nodes)
        var out = JobOutput()
        var hits: (hubs: NodeScores, authorities: NodeScores)? = nil
        let t = threads
        for m in p.strings("measures") ?? ["degree"] {
            let s: NodeScores
            do {
                switch m {
                case "degree": s = DegreeCentrality(mode: .total, normalized: true).scores(g)
                case "in_degree": s = DegreeCentrality(mode: .in, normalized: true).scores(g)
                case "out_degree": s = DegreeCentrality(mode: .out, normalized: true).scores(g)
                case "strength": s = Strength(mode: .total).scores(g)
                case "betweenness": s = Betweenness(normalized: true, weighted: weighted, threads: t).scores(g)
                case "closeness": s = Closeness(wfImproved: true, weighted: weighted, threads: t).scores(g)
                case "harmonic": s = HarmonicCloseness(normalized: false, weighted: weighted, threads: t).scores(g)
                case "pagerank": s = try PageRank(damping: p.double("damping", 0.85), weighted: weighted, threads: t).scores(g)
                case "eigenvector": s = EigenvectorCentrality(weighted: weighted, threads: t).scores(g)
                case "katz": s = try KatzCentrality(alpha: p.double("alpha", 0.1), weighted: weighted, threads: t).scores(g)
                case "hub", "authority":
                    let h = hits ?? HITS(weighted: weighted, threads: t).scores(g)
                    hits = h
                    s = m == "hub" ? h.hubs : h.authorities
                default: throw JobFailure("unknown measure \"\(m)\"")
                }
            } catch let e as AlgorithmError {
                throw JobFailure("\(m): \(e.message)")
            } catch let e as JobFailure {
                throw e
            } catch {
                throw JobFailure("\(m): \(error)")
            }
            for (i, v) in nodes.enumerated() {
                out.nodeScores.append(JobOutput.NodeScore(node: net.ids[Int(v)], measure: m, value: s.scores[i]))
            }
            if let it = s.metadata.iterations { out.stat("iterations:\(m)", Double(it)) }
            if let c = s.metadata.converged { out.stat("converged:\(m)", c ? 1 : 0) }
        }
        out.stat("nodes", Double(nodes.count))
        out.stat("edges", Double(g.edgeCount))
        return out
    }
}
