import GraphCore

/// Ego networks: the nodes within `radius` steps of a centre and the subgraph they induce, as
/// networkx's `ego_graph` (for a directed graph, steps follow out-arcs unless `undirected`).
/// ```swift
/// let ego = try EgoNetwork(radius: 2).compute(g, center: 5)
/// ego.nodes        // sorted node ids, the centre included
/// ego.graph        // induced subgraph; node i of it is ego.nodes[i]
/// ```
public struct EgoNetwork: Sendable, Hashable {
    public var radius: Int
    /// Ignore arc directions (networkx `undirected=True`).
    public var undirected: Bool

    public init(radius: Int = 1, undirected: Bool = false) {
        self.radius = radius; self.undirected = undirected
    }

    public struct Result: Sendable {
        public let nodes: [Int32]
        public let graph: CSRGraph
    }

    /// - Throws: ``AlgorithmError`` for a centre out of range or a negative radius.
    /// - Complexity: O(size of the ego network's arcs + n).
    public func compute(_ g: CSRGraph, center: Int32) throws(AlgorithmError) -> Result {
        guard center >= 0 && Int(center) < g.nodeCount else {
            throw AlgorithmError("ego network: centre \(center) is out of range, expected 0..<\(g.nodeCount)")
        }
        guard radius >= 0 else { throw AlgorithmError("ego network: radius \(radius), expected ≥ 0") }
        var dist = [Int](repeating: -1, count: g.nodeCount)
        var queue: [Int32] = [center]
        dist[Int(center)] = 0
        var head = 0
        while head < queue.count {
            let v = Int(queue[head]); head += 1
            if dist[v] == radius { continue }
            func visit(_ w: Int32) { if dist[Int(w)] < 0 { dist[Int(w)] = dist[v] + 1; queue.append(w) } }
            for w in g.neighbors(of: Int32(v)) { visit(w) }
            if undirected && g.isDirected { for w in g.inNeighbors(of: Int32(v)) { visit(w) } }
        }
        let nodes = queue.sorted()
        var index = [Int32](repeating: -1, count: g.nodeCount)
        for (i, v) in nodes.enumerated() { index[Int(v)] = Int32(i) }
        var b = GraphBuilder(nodeCount: nodes.count, direction: g.direction, weighted: g.isWeighted)
        for v in nodes {
            var loopArcs = 0
            for i in g.offsets[Int(v)]..<g.offsets[Int(v) + 1] {
                let w = g.targets[i]
                guard index[Int(w)] >= 0 else { continue }
                // Undirected graphs store both arcs (a self-loop twice): add each edge once.
                if !g.isDirected && w < v { continue }
                if !g.isDirected && w == v { loopArcs += 1; if loopArcs % 2 == 0 { continue } }
                b.addEdge(index[Int(v)], index[Int(w)], weight: g.weights?[i] ?? 1)
            }
        }
        return Result(nodes: nodes, graph: b.build())
    }
}
