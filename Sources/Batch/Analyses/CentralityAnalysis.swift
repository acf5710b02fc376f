import Interstice

/// `centrality`: the manifest's parameters translated into a ``CentralityRequest`` (the same
/// request `interstice centrality` builds), one row per node and measure.
enum CentralityAnalysis {
    static func request(_ p: Parameters) throws(JobFailure) -> CentralityRequest {
        var r = CentralityRequest()
        do {
            if let names = p.strings("measures") { r.measures = try names.map { n throws(RequestError) in try Measure.named(n) } }
            r.selection = GraphSelection(relations: p.strings("relations").map { $0.map { Relation(rawValue: $0) } },
                                         direction: GraphDirection(rawValue: p.string("direction") ?? "") ?? r.selection.direction,
                                         weighted: p.bool("weighted", r.selection.weighted),
                                         nodes: GraphSelection.Nodes(rawValue: p.string("nodes") ?? "") ?? r.selection.nodes)
        } catch { throw JobFailure(error.description) }
        r.normalized = p.bool("normalized", r.normalized)
        r.damping = p.double("damping", r.damping)
        r.alpha = p.double("alpha", r.alpha)
        r.beta = p.double("beta", r.beta)
        r.tolerance = p.double("tolerance", r.tolerance)
        r.maxIterations = p.int("max_iterations", r.maxIterations)
        r.epsilon = p.double("epsilon", r.epsilon)
        r.delta = p.double("delta", r.delta)
        if p.values["seed"] != nil { r.seed = p.seed }
        r.threads = p.int("threads", 1)
        return r
    }

    static func run(_ net: Network, _ p: Parameters) throws(JobFailure) -> JobOutput {
        let result: CentralityRequest.Result
        let req = try request(p)
        do { result = try req.run(net) } catch { throw JobFailure(error.description) }
        var out = JobOutput()
        for c in result.columns {
            let m = c.measure.rawValue
            for (i, v) in result.nodes.enumerated() {
                out.nodeScores.append(JobOutput.NodeScore(node: net.ids[Int(v)], measure: m, value: c.scores.scores[i]))
            }
            if let it = c.scores.metadata.iterations { out.stat("iterations:\(m)", Double(it)) }
            if let ok = c.scores.metadata.converged { out.stat("converged:\(m)", ok ? 1 : 0) }
        }
        out.stat("nodes", Double(result.nodes.count))
        out.stat("edges", Double(result.edges))
        return out
    }
}
