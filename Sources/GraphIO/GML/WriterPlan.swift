import GraphCore

/// What the GML, Pajek and JSON node-link writers need to know about a network before writing
/// it, decided once the same way for the three formats.
///
/// - The graph is directed when any layer is; when layers differ in direction, each edge of an
///   undirected layer carries `directed 0` / `"directed": false` so that our readers rebuild
///   its layer as undirected (networkx keeps it as an ordinary edge attribute).
/// - The graph is a multigraph when two edges (of any relations) join the same ordered pair
///   (unordered when the graph is undirected): networkx refuses such files otherwise.
/// - `kind` is written only when some node is not an actor, `relation` only when the network
///   has another relation than the default `edge`, `weight` only on layers with a weight ≠ 1.
struct WriterPlan {
    let directed: Bool
    let mixedDirections: Bool
    let multigraph: Bool
    let writeKinds: Bool
    let writeRelations: Bool

    /// - Complexity: O(n + m) expected.
    init(_ network: Network) {
        let dirs = Set(network.layers.map(\.direction))
        directed = dirs.contains(.directed)
        mixedDirections = dirs.count > 1
        writeKinds = network.kinds.contains { $0 != .actor }
        writeRelations = network.layers.contains { $0.relation != NetworkAssembly.defaultRelation }
        var seen = Set<UInt64>()
        seen.reserveCapacity(network.edgeCount)
        var multi = false
        outer: for layer in network.layers {
            for e in 0..<layer.edgeCount {
                var u = UInt32(bitPattern: layer.sources[e]), v = UInt32(bitPattern: layer.targets[e])
                if !(directed) && u > v { swap(&u, &v) }
                if !seen.insert(UInt64(u) << 32 | UInt64(v)).inserted { multi = true; break outer }
            }
        }
        multigraph = multi
    }

    /// Node attribute names the formats reserve (written from the node's id, label and kind).
    static let reservedNodeKeys: Set<String> = ["id", "label", "kind", "display_label"]
    /// Edge attribute names the formats reserve.
    static let reservedEdgeKeys: Set<String> = ["source", "target", "relation", "weight", "directed"]
}
