/// How a two-mode projection weighs a tie between two nodes that share hubs.
public enum ProjectionWeighting: String, Sendable, Hashable, CaseIterable {
    /// Number of shared hubs (organizations, collectives, events).
    case count
    /// Newman (2001), "Scientific collaboration networks II": each shared hub `h` adds
    /// `1 / (k_h - 1)`, where `k_h` is the hub's number of members; hubs of one member add nothing.
    case newman
}

/// A one-mode projection: an undirected weighted graph over a subset of a network's nodes.
public struct Projection: Sendable {
    /// The projected graph; its node `i` is network node `nodes[i]`.
    public let graph: CSRGraph
    /// Network indices of the projected nodes, ascending.
    public let nodes: [Int32]
}

extension Network {
    /// Projects a two-mode relation onto one side.
    ///
    /// Two nodes of kind `kind` are tied when they both have a `relation` edge to a common node of
    /// another kind (the hub). Actor–actor through shared organizations: `projection(of: .actor,
    /// through: .member)`; organization–organization through shared members:
    /// `projection(of: .organization, through: .member)`; women through events:
    /// `projection(of: "actor", through: "attends")`.
    ///
    /// - Parameters:
    ///   - kind: the side to keep; its nodes, ascending, are the projection's nodes.
    ///   - relation: the two-mode relation (either endpoint may be the hub).
    ///   - weighting: ``ProjectionWeighting``.
    /// - Complexity: O(n + Σ_h k_h²) over hubs h with k_h members.
    public func projection(of kind: NodeKind, through relation: Relation,
                           weighting: ProjectionWeighting = .count) -> Projection {
        let kept = nodes(ofKind: kind)
        var local = [Int32](repeating: -1, count: nodeCount)
        for (i, v) in kept.enumerated() { local[Int(v)] = Int32(i) }
        // hub → members (local ids), through a CSR built from the layer.
        var hb = GraphBuilder(nodeCount: nodeCount, direction: .directed)
        if let l = layer(relation) {
            for e in 0..<l.edgeCount {
                let u = l.sources[e], v = l.targets[e]
                if local[Int(u)] >= 0 && local[Int(v)] < 0 { hb.addEdge(v, local[Int(u)]) }
                else if local[Int(v)] >= 0 && local[Int(u)] < 0 { hb.addEdge(u, local[Int(v)]) }
            }
        }
        let hubs = hb.build(parallelEdges: .first)
        // member → hubs (reverse), then accumulate co-memberships per member.
        var memberHubs = [[Int32]](repeating: [], count: kept.count)
        for h in 0..<nodeCount {
            for i in hubs.offsets[h]..<hubs.offsets[h + 1] { memberHubs[Int(hubs.targets[i])].append(Int32(h)) }
        }
        var acc = [Double](repeating: 0, count: kept.count)
        var touched: [Int32] = []
        var b = GraphBuilder(nodeCount: kept.count, direction: .undirected, weighted: true)
        for u in 0..<kept.count {
            for h in memberHubs[u] {
                let k = hubs.outDegree(h)
                guard k > 1 else { continue }
                let add = weighting == .count ? 1.0 : 1.0 / Double(k - 1)
                for v in hubs.neighbors(of: h) where Int(v) > u {
                    if acc[Int(v)] == 0 { touched.append(v) }
                    acc[Int(v)] += add
                }
            }
            touched.sort()
            for v in touched {
                b.addEdge(Int32(u), v, weight: acc[Int(v)])
                acc[Int(v)] = 0
            }
            touched.removeAll(keepingCapacity: true)
        }
        return Projection(graph: b.build(), nodes: kept)
    }
}
