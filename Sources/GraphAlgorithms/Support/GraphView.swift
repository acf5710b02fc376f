import GraphCore

/// Raw pointers to a ``CSRGraph``'s arrays for hot loops; valid only inside
/// ``GraphCore/CSRGraph/withView(_:)``. `weights`/`inWeights` are nil for an unweighted graph.
package struct GraphView: @unchecked Sendable {
    package let nodeCount: Int
    package let isDirected: Bool
    package let offsets: UnsafePointer<Int>
    package let targets: UnsafePointer<Int32>
    package let weights: UnsafePointer<Double>?
    package let inOffsets: UnsafePointer<Int>
    package let inSources: UnsafePointer<Int32>
    package let inWeights: UnsafePointer<Double>?

    /// The view with arcs reversed (in-arcs become out-arcs); the identity when undirected.
    package var reversed: GraphView {
        GraphView(nodeCount: nodeCount, isDirected: isDirected, offsets: inOffsets, targets: inSources,
                  weights: inWeights, inOffsets: offsets, inSources: targets, inWeights: weights)
    }

    package init(nodeCount: Int, isDirected: Bool, offsets: UnsafePointer<Int>, targets: UnsafePointer<Int32>,
                 weights: UnsafePointer<Double>?, inOffsets: UnsafePointer<Int>, inSources: UnsafePointer<Int32>,
                 inWeights: UnsafePointer<Double>?) {
        self.nodeCount = nodeCount; self.isDirected = isDirected
        self.offsets = offsets; self.targets = targets; self.weights = weights
        self.inOffsets = inOffsets; self.inSources = inSources; self.inWeights = inWeights
    }
}

/// A non-null pointer for possibly empty arrays (an empty array's buffer has no base address).
@usableFromInline nonisolated(unsafe) let _emptyInt32 = UnsafeMutablePointer<Int32>.allocate(capacity: 1)
@usableFromInline nonisolated(unsafe) let _emptyDouble = UnsafeMutablePointer<Double>.allocate(capacity: 1)

extension CSRGraph {
    /// Calls `body` with raw pointers to this graph's arrays, valid for the call's duration.
    /// - Parameter useWeights: when false, the view has no weights even if the graph has some.
    /// - Complexity: O(1).
    package func withView<R>(useWeights: Bool = true, _ body: (GraphView) throws -> R) rethrows -> R {
        let w = useWeights ? weights : nil
        let iw = useWeights ? inWeights : nil
        return try offsets.withUnsafeBufferPointer { off in
            try targets.withUnsafeBufferPointer { tgt in
                try inOffsets.withUnsafeBufferPointer { ioff in
                    try inSources.withUnsafeBufferPointer { isrc in
                        try _withOptional(w) { wp in
                            try _withOptional(iw) { iwp in
                                try body(GraphView(nodeCount: nodeCount, isDirected: isDirected,
                                                   offsets: off.baseAddress!, targets: tgt.baseAddress ?? UnsafePointer(_emptyInt32),
                                                   weights: wp, inOffsets: ioff.baseAddress!,
                                                   inSources: isrc.baseAddress ?? UnsafePointer(_emptyInt32), inWeights: iwp))
                            }
                        }
                    }
                }
            }
        }
    }
}

@inlinable func _withOptional<R>(_ a: [Double]?, _ body: (UnsafePointer<Double>?) throws -> R) rethrows -> R {
    guard let a else { return try body(nil) }
    return try a.withUnsafeBufferPointer { try body($0.baseAddress ?? UnsafePointer(_emptyDouble)) }
}
