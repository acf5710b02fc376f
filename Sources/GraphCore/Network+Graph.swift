/// The direction of a graph view.
public enum GraphDirection: String, Sendable, Hashable, CaseIterable {
    /// Directed when any chosen relation is directed (undirected edges then give two arcs).
    case asStored = "as-stored"
    /// Directed: undirected edges give two arcs.
    case directed
    /// Undirected: every arc becomes an edge.
    case undirected
}

/// Where a graph view's weights come from.
public enum WeightPolicy: Sendable, Hashable {
    /// No weights.
    case unweighted
    /// The edges' `weight` column.
    case weight
    /// A numeric edge attribute (missing or non-numeric values count as 1).
    case attribute(String)
    /// One weight per relation (relations not named count as 1), times the edge weight when
    /// `timesEdgeWeight` is true.
    case perRelation([Relation: Double], timesEdgeWeight: Bool)
}

extension Network {
    /// A ``CSRGraph`` over all nodes (indices unchanged) made of the chosen relations.
    ///
    /// ```swift
    /// let g = net.graph(relations: [.acquaintance, .exchange], direction: .undirected, weights: .weight)
    /// ```
    ///
    /// - Parameters:
    ///   - relations: the layers to combine; nil takes every layer except `member` and
    ///     `participant` (two-mode affiliations are not ties between actors).
    ///   - direction: see ``GraphDirection``.
    ///   - weights: see ``WeightPolicy``.
    ///   - parallelEdges: how edges between the same pair merge (from several relations, or
    ///     repeated); `.sum` adds weights, and for an unweighted view simply deduplicates.
    ///   - selfLoops: keep or drop.
    /// - Complexity: O(n + m).
    public func graph(relations: [Relation]? = nil, direction: GraphDirection = .asStored,
                      weights: WeightPolicy = .unweighted, parallelEdges: ParallelEdgePolicy = .sum,
                      selfLoops: SelfLoopPolicy = .keep) -> CSRGraph {
        let chosen = selectedLayers(relations)
        let directed: Bool
        switch direction {
        case .asStored: directed = chosen.contains { $0.direction == .directed }
        case .directed: directed = true
        case .undirected: directed = false
        }
        let weighted = weights != .unweighted
        var total = 0
        for l in chosen { total += l.direction == .undirected && directed ? 2 * l.edgeCount : l.edgeCount }
        var b = GraphBuilder(nodeCount: nodeCount, direction: directed ? .directed : .undirected,
                             weighted: weighted, reservingEdges: total)
        for l in chosen {
            let w = edgeWeights(of: l, policy: weights)
            for e in 0..<l.edgeCount {
                let u = l.sources[e], v = l.targets[e]
                let we = w?[e] ?? 1
                b.addEdge(u, v, weight: we)
                if directed && l.direction == .undirected && u != v { b.addEdge(v, u, weight: we) }
            }
        }
        return b.build(parallelEdges: parallelEdges, selfLoops: selfLoops)
    }

    /// The layers a view takes: the named ones (in the order given, unknown names skipped), or
    /// all but the affiliation layers.
    public func selectedLayers(_ relations: [Relation]?) -> [RelationLayer] {
        if let relations { return relations.compactMap { layer($0) } }
        return layers.filter { $0.relation != .member && $0.relation != .participant }
    }

    func edgeWeights(of l: RelationLayer, policy: WeightPolicy) -> [Double]? {
        switch policy {
        case .unweighted: return nil
        case .weight: return l.weights
        case .attribute(let name):
            guard let col = l.attributes[name] else { return Array(repeating: 1, count: l.edgeCount) }
            return col.values.map { $0?.numericValue ?? 1 }
        case .perRelation(let table, let times):
            let f = table[l.relation] ?? 1
            return times ? l.weights.map { $0 * f } : Array(repeating: f, count: l.edgeCount)
        }
    }
}

extension CSRGraph {
    /// The subgraph induced by `nodes` (network indices, any order, no repeats), with nodes
    /// renumbered `0..<nodes.count` in the order given; arcs keep their weights.
    ///
    /// - Returns: the subgraph; `nodes[i]` is the original id of its node `i`.
    /// - Complexity: O(n + m).
    public func induced(on nodes: [Int32]) -> CSRGraph {
        var newID = [Int32](repeating: -1, count: nodeCount)
        for (i, v) in nodes.enumerated() { newID[Int(v)] = Int32(i) }
        var b = GraphBuilder(nodeCount: nodes.count, direction: direction, weighted: weights != nil)
        for (i, v) in nodes.enumerated() {
            for a in offsets[Int(v)]..<offsets[Int(v) + 1] {
                let t = newID[Int(targets[a])]
                guard t >= 0 else { continue }
                // An undirected arc appears in both rows: add it once, from its smaller end
                // (a self-loop's two arcs both qualify and are halved below).
                if direction == .undirected && t < Int32(i) { continue }
                b.addEdge(Int32(i), t, weight: weights?[a] ?? 1)
            }
        }
        if direction == .undirected {
            // Self-loops were added twice (their two stored arcs); keep one of each pair.
            var s: [Int32] = [], d: [Int32] = [], w: [Double] = []
            var pendingLoop = [Bool](repeating: false, count: nodes.count)
            for e in 0..<b.edgeCount {
                let u = b._sources[e], v = b._targets[e]
                if u == v {
                    pendingLoop[Int(u)].toggle()
                    if !pendingLoop[Int(u)] { continue }
                }
                s.append(u); d.append(v)
                if weights != nil { w.append(b._weights[e]) }
            }
            return CSRGraph.build(nodeCount: nodes.count, direction: .undirected, sources: s, targets: d,
                                  weights: weights == nil ? nil : w)
        }
        return b.build()
    }
}
