/// How well a row of a reconstructed network is founded: the text of its `basis` attribute.
///
/// The two case studies tag every node and edge `documented` (the source states it), `inferred`
/// (follows from what it states) or `assumed` (added by whoever built the dataset). Other values
/// are kept as they are; a row without the attribute has no basis.
///
/// ```swift
/// net.hasBasis                       // true for Datasets/cucm-plie
/// net.basisCounts.map(\.value)       // ["documented", "inferred", "assumed"]
/// net.isAssumed(node: v)             // the row says assumed
/// ```
public enum Basis {
    /// The attribute name, on nodes and on edges.
    public static let attribute = "basis"
    public static let documented = "documented"
    public static let inferred = "inferred"
    public static let assumed = "assumed"
    /// The three values in the order they are reported.
    public static let standard = [documented, inferred, assumed]
}

/// Nodes and edges that carry one basis value.
public struct BasisCount: Sendable, Hashable {
    /// The value (`documented`, `inferred`, `assumed`, another text), or nil for rows without one.
    public let value: String?
    public let nodes: Int
    public let edges: Int

    public init(value: String?, nodes: Int, edges: Int) {
        self.value = value
        self.nodes = nodes
        self.edges = edges
    }
}

extension Network {
    /// Whether any node or any edge layer has a `basis` attribute column.
    /// - Complexity: O(number of layers).
    public var hasBasis: Bool {
        nodeAttributes[Basis.attribute] != nil || layers.contains { $0.attributes[Basis.attribute] != nil }
    }

    /// The basis of node `v` as text, or nil.
    /// - Complexity: O(1).
    public func basis(node v: Int32) -> String? {
        nodeAttribute(Basis.attribute, of: v)?.description
    }

    /// The basis of edge `e` of layer `layer` (an index into ``layers``) as text, or nil.
    /// - Complexity: O(1).
    public func basis(layer: Int, edge e: Int) -> String? {
        layers[layer].attributes.value(Basis.attribute, row: e)?.description
    }

    /// Whether node `v` is tagged `assumed`.
    /// - Complexity: O(1).
    public func isAssumed(node v: Int32) -> Bool { basis(node: v) == Basis.assumed }

    /// Whether edge `e` of layer `layer` is tagged `assumed`.
    /// - Complexity: O(1).
    public func isAssumed(layer: Int, edge e: Int) -> Bool { basis(layer: layer, edge: e) == Basis.assumed }

    /// Nodes and edges counted by basis: `documented`, `inferred`, `assumed` (each listed even
    /// when zero), then any other value in text order, then rows without a basis (value nil) when
    /// there are some. Empty when nothing carries a basis (``hasBasis`` is false).
    /// - Complexity: O(n + m).
    public var basisCounts: [BasisCount] {
        guard hasBasis else { return [] }
        var nodes: [String?: Int] = [:]
        var edges: [String?: Int] = [:]
        for v in 0..<nodeCount { nodes[basis(node: Int32(v)), default: 0] += 1 }
        for (l, layer) in layers.enumerated() {
            for e in 0..<layer.edgeCount { edges[basis(layer: l, edge: e), default: 0] += 1 }
        }
        let seen = Set(nodes.keys).union(edges.keys)
        let others = seen.compactMap { $0 }.filter { !Basis.standard.contains($0) }.sorted()
        var order: [String?] = (Basis.standard + others).map { Optional($0) }
        if seen.contains(nil) { order.append(nil) }
        return order.map { BasisCount(value: $0, nodes: nodes[$0] ?? 0, edges: edges[$0] ?? 0) }
    }
}
