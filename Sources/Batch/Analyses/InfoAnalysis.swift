import Interstice

/// `info`: the facts of `interstice info` as statistics.
enum InfoAnalysis {
    static func run(_ net: Network) -> JobOutput {
        let s = NetworkSummary(net)
        var out = JobOutput()
        out.stat("nodes", Double(s.nodeCount))
        out.stat("edges", Double(s.edgeCount))
        for k in s.kinds { out.stat("nodes:\(k.kind.rawValue)", Double(k.count)) }
        for r in s.relations {
            out.stat("edges:\(r.relation.rawValue)", Double(r.edges))
            if let d = r.density { out.stat("density:\(r.relation.rawValue)", d) }
        }
        out.stat("tie_nodes", Double(s.oneModeNodes))
        out.stat("tie_edges", Double(s.tieEdges))
        out.stat("tie_directed", s.tieDirected ? 1 : 0)
        out.stat("density", s.density)
        out.stat("weak_components", Double(s.weakComponents))
        out.stat("largest_weak_component", Double(s.largestWeakComponent))
        if let c = s.strongComponents { out.stat("strong_components", Double(c)) }
        if let c = s.largestStrongComponent { out.stat("largest_strong_component", Double(c)) }
        out.stat("organizations", Double(s.organizations.count))
        for o in s.organizations { out.stat("members:\(o.id)", Double(o.size)) }
        out.stat("collectives", Double(s.collectives.count))
        for c in s.collectives { out.stat("participants:\(c.id)", Double(c.participants)) }
        return out
    }
}
