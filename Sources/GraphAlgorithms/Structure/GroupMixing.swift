import GraphCore

/// How ties fall within and between groups (organizations): the mixing matrix, densities and
/// Krackhardt and Stern's E-I index (1988, "Informal networks and organizational crises",
/// Social Psychology Quarterly 51(2)).
///
/// Ties are arcs of a directed graph and edges of an undirected one (each counted once); groups are
/// `partition.primary`, and ties touching a node in no group are left out. Weights are ignored
/// (ties are counted).
///
/// ```swift
/// let mix = try GroupMixing.compute(g, partition: network.organizations())
/// mix.eiIndex          // overall (E − I)/(E + I): +1 all ties cross groups
/// mix.density[a][b]
/// ```
public enum GroupMixing {
    public struct Result: Sendable, Hashable {
        /// `ties[a][b]`: ties from group `a` to group `b` (symmetric, both cells counted, for an
        /// undirected graph; a within-group edge is counted once in `ties[a][a]`).
        public let ties: [[Int]]
        /// Ties over possible ties: `n_a(n_a − 1)` within a group of a directed graph,
        /// `n_a(n_a − 1)/2` undirected, `n_a·n_b` between groups; NaN when none is possible.
        public let density: [[Double]]
        /// Group sizes.
        public let sizes: [Int]
        /// E-I index of each group: `(E − I)/(E + I)` with `E` its ties to other groups (either
        /// direction) and `I` the ties inside it; NaN when it has no tie.
        public let groupEIIndex: [Double]
        /// Overall E-I index: ties between different groups against ties within groups.
        public let eiIndex: Double
        /// Ties within groups and between groups.
        public let internalTies: Int
        public let externalTies: Int
    }

    /// - Throws: ``AlgorithmError`` when the partition is over a different number of nodes.
    /// - Complexity: O(n + m + groups²).
    public static func compute(_ g: CSRGraph, partition: Partition) throws(AlgorithmError) -> Result {
        guard partition.nodeCount == g.nodeCount else {
            throw AlgorithmError("group mixing: the partition has \(partition.nodeCount) nodes, expected \(g.nodeCount) (the graph's)")
        }
        let k = partition.groupCount
        let label = partition.primary
        var ties = [[Int]](repeating: [Int](repeating: 0, count: k), count: k)
        var ext = [Int](repeating: 0, count: k), int = [Int](repeating: 0, count: k)
        var sizes = [Int](repeating: 0, count: k)
        for l in label where l >= 0 { sizes[Int(l)] += 1 }
        var internalTies = 0, externalTies = 0
        for u in 0..<g.nodeCount {
            let a = Int(label[u])
            guard a >= 0 else { continue }
            var loopArcs = 0
            for i in g.offsets[u]..<g.offsets[u + 1] {
                let v = Int(g.targets[i])
                // Undirected: each edge once (from its smaller end; a self-loop's two arcs once).
                if !g.isDirected {
                    if v < u { continue }
                    if v == u { loopArcs += 1; if loopArcs % 2 == 0 { continue } }
                }
                let b = Int(label[v])
                guard b >= 0 else { continue }
                ties[a][b] += 1
                if a == b { int[a] += 1; internalTies += 1 }
                else {
                    if !g.isDirected { ties[b][a] += 1 }
                    ext[a] += 1; ext[b] += 1; externalTies += 1
                }
            }
        }
        var density = [[Double]](repeating: [Double](repeating: .nan, count: k), count: k)
        for a in 0..<k {
            for b in 0..<k {
                let possible: Double = a == b
                    ? Double(sizes[a] * (sizes[a] - 1)) / (g.isDirected ? 1 : 2)
                    : Double(sizes[a] * sizes[b])
                if possible > 0 { density[a][b] = Double(ties[a][b]) / possible }
            }
        }
        func ei(_ e: Int, _ i: Int) -> Double { e + i > 0 ? Double(e - i) / Double(e + i) : .nan }
        return Result(ties: ties, density: density, sizes: sizes, groupEIIndex: (0..<k).map { ei(ext[$0], int[$0]) },
                      eiIndex: ei(externalTies, internalTies), internalTies: internalTies, externalTies: externalTies)
    }
}
