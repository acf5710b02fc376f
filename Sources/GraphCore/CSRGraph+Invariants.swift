extension CSRGraph {
    /// Checks the storage invariants documented on ``CSRGraph``; traps with a message when one
    /// fails. Called by the initializers in debug builds only.
    /// - Complexity: O(n + m).
    public func checkInvariants() {
        precondition(offsets.count == nodeCount + 1, "CSRGraph: offsets must have n + 1 entries")
        precondition(offsets.first == 0, "CSRGraph: offsets[0] must be 0")
        precondition(offsets.last == targets.count, "CSRGraph: offsets[n] must equal the arc count")
        if let w = weights { precondition(w.count == targets.count, "CSRGraph: weights must parallel targets") }
        for u in 0..<nodeCount {
            precondition(offsets[u] <= offsets[u + 1], "CSRGraph: offsets must be non-decreasing")
            var previous: Int32 = -1
            for i in offsets[u]..<offsets[u + 1] {
                let v = targets[i]
                precondition(v >= 0 && Int(v) < nodeCount, "CSRGraph: target \(v) out of range")
                precondition(v >= previous, "CSRGraph: row \(u) is not sorted")
                previous = v
            }
        }
        if direction == .undirected {
            precondition(targets.count % 2 == 0, "CSRGraph: an undirected graph stores both arcs")
        } else {
            precondition(inSources.count == targets.count, "CSRGraph: reverse CSR must hold every arc")
        }
    }
}
