import GraphCore

/// The five Gould–Fernandez brokerage roles (Gould and Fernandez 1989, "Structures of
/// mediation: a formal approach to brokerage in transaction networks", Sociological
/// Methodology 19). For a two-path `a → v → b` with `a ≠ b` and no arc `a → b`, broker `v` plays
/// the role given by the groups of `a`, `v`, `b`:
public enum BrokerageRole: Int, Sendable, Hashable, CaseIterable {
    /// `A → A → A`: all three in the broker's group (sna `w_I`).
    case coordinator = 0
    /// `A → B → A`: both ends in one group the broker is not in (sna `w_O`).
    case itinerant = 1
    /// `A → A → B`: from the broker's group out to another (sna `b_IO`).
    case representative = 2
    /// `A → B → B`: from another group into the broker's (sna `b_OI`).
    case gatekeeper = 3
    /// `A → B → C`: three different groups (sna `b_O`).
    case liaison = 4

    /// The role's name as sna abbreviates it.
    public var snaName: String { ["w_I", "w_O", "b_IO", "b_OI", "b_O"][rawValue] }
}

/// Gould–Fernandez brokerage counts per node, with the expected values, standard deviations and
/// z-scores that R's `sna::brokerage` reports (the null model of Gould and Fernandez: each arc
/// present independently with the observed density `d = m / (n(n − 1))`).
///
/// Groups are `partition.primary` (an actor's first organization); nodes in no group form one
/// extra class together, as R does with `NA` labels. Arc weights are ignored; an undirected graph
/// counts as the directed graph with both arcs of every edge (so `a → v → b` and `b → v → a` both
/// count), as sna does with a symmetric matrix.
///
/// ```swift
/// let b = try Brokerage().compute(g, partition: network.organizations())
/// b.counts[v][BrokerageRole.gatekeeper.rawValue]
/// b.zScores[v][5]          // total
/// ```
/// - Complexity: O(Σ_v in(v)·out(v) · log d) time (a sorted-row lookup per two-path), O(n) memory.
public struct Brokerage: Sendable, Hashable {
    public init() {}

    /// Counts, expectations and z-scores. Each row has six columns: the five roles in
    /// ``BrokerageRole`` order, then the total.
    public struct Result: Sendable, Hashable {
        /// Observed role counts per node (sna `raw.nli`).
        public let counts: [[Double]]
        /// Expected counts per node, from the node's group size (sna `exp.nli`).
        public let expected: [[Double]]
        /// Standard deviations per node (sna `sd.nli`).
        public let standardDeviations: [[Double]]
        /// `(count − expected) / sd` per node (sna `z.nli`; NaN when sd is 0).
        public let zScores: [[Double]]
        /// Network totals (sna `raw.gli`), their expectations, deviations and z-scores.
        public let totals: [Double]
        public let expectedTotals: [Double]
        public let totalStandardDeviations: [Double]
        public let totalZScores: [Double]
        /// The class of each node: the primary group, or `groupCount` for nodes in none.
        public let classes: [Int32]
        /// Density `d` of the null model.
        public let density: Double
    }

    /// - Throws: ``AlgorithmError`` when the partition is over a different number of nodes.
    public func compute(_ g: CSRGraph, partition: Partition) throws(AlgorithmError) -> Result {
        guard partition.nodeCount == g.nodeCount else {
            throw AlgorithmError("brokerage: the partition has \(partition.nodeCount) nodes, expected \(g.nodeCount) (the graph's)")
        }
        let n = g.nodeCount
        let none = Int32(partition.groupCount)
        let cls = partition.primary.map { $0 < 0 ? none : $0 }
        var counts = [[Double]](repeating: [Double](repeating: 0, count: 6), count: n)
        for v in 0..<n {
            let cv = cls[v]
            for i in g.inOffsets[v]..<g.inOffsets[v + 1] {
                let a = g.inSources[i]
                if Int(a) == v { continue }
                let ca = cls[Int(a)]
                for k in g.offsets[v]..<g.offsets[v + 1] {
                    let b = g.targets[k]
                    if b == a || Int(b) == v || g.hasEdge(a, b) { continue }
                    let cb = cls[Int(b)]
                    let role: BrokerageRole
                    if ca == cv && cv == cb { role = .coordinator }
                    else if ca == cb { role = .itinerant }
                    else if ca == cv { role = .representative }
                    else if cv == cb { role = .gatekeeper }
                    else { role = .liaison }
                    counts[v][role.rawValue] += 1
                }
            }
            counts[v][5] = counts[v][0..<5].reduce(0, +)
        }
        // Moments of the null model (Gould and Fernandez 1989, as sna::brokerage computes them).
        let N = Double(n)
        let m = Double(g.isDirected ? g.arcCount - g.selfLoopCount : g.arcCount - 2 * g.selfLoopCount)
        let d = n > 1 ? m / (N * (N - 1)) : 0
        let classCount = Int(none) + 1
        var size = [Double](repeating: 0, count: classCount)
        for c in cls { size[Int(c)] += 1 }
        let present = (0..<classCount).filter { size[$0] > 0 }
        let p2 = d * d * (1 - d)                 // P(a→v, v→b, not a→b)
        let q3 = d * d * d * (1 - d) * (1 - d) * (1 - d)
        let q = 1 - p2
        func choose2(_ x: Double) -> Double { x * (x - 1) / 2 }
        var ebr = [[Double]](repeating: [Double](repeating: 0, count: 6), count: classCount)
        var vbr = ebr
        for i in present {
            let ni = size[i]
            let others = present.filter { $0 != i }.map { size[$0] }
            ebr[i][0] = p2 * (ni - 1) * (ni - 2)
            vbr[i][0] = ebr[i][0] * q + 2 * (ni - 1) * (ni - 2) * (ni - 3) * q3
            ebr[i][1] = p2 * others.reduce(0) { $0 + $1 * ($1 - 1) }
            vbr[i][1] = ebr[i][1] * q + 2 * others.reduce(0) { $0 + $1 * ($1 - 1) * ($1 - 2) } * q3
            ebr[i][2] = p2 * (N - ni) * (ni - 1)
            vbr[i][2] = ebr[i][2] * q + 2 * ((ni - 1) * choose2(N - ni) + (N - ni) * choose2(ni - 1)) * q3
            ebr[i][3] = ebr[i][2]
            vbr[i][3] = vbr[i][2]
            let so = others.reduce(0, +)
            ebr[i][4] = p2 * (so * so - others.reduce(0) { $0 + $1 * $1 })
            vbr[i][4] = ebr[i][4] * q + 4 * others.reduce(0) { $0 + $1 * choose2(N - $1 - ni) } * q3
            ebr[i][5] = p2 * (N - 1) * (N - 2)
            vbr[i][5] = ebr[i][5] * q + 2 * (N - 1) * (N - 2) * (N - 3) * q3
        }
        var expected = [[Double]](), sds = [[Double]](), z = [[Double]]()
        for v in 0..<n {
            let c = Int(cls[v])
            let e = ebr[c], s = vbr[c].map { $0.squareRoot() }
            expected.append(e); sds.append(s)
            z.append((0..<6).map { (counts[v][$0] - e[$0]) / s[$0] })
        }
        // Network totals.
        let sizes = present.map { size[$0] }
        var eg = [Double](repeating: 0, count: 6), vg = [Double](repeating: 0, count: 6)
        let d3 = d * d * d * (1 - d) * (1 - d) * (1 - d), d4 = d * d * d * d * (1 - d) * (1 - d), d5 = d * d * d * d * d * (1 - d)
        eg[0] = p2 * sizes.reduce(0) { $0 + $1 * ($1 - 1) * ($1 - 2) }
        vg[0] = eg[0] * q + sizes.reduce(0) { $0 + $1 * ($1 - 1) * ($1 - 2) * ((4 * $1 - 10) * d3 - 4 * ($1 - 3) * d4 + ($1 - 3) * d5) }
        eg[1] = p2 * sizes.reduce(0) { $0 + $1 * (N - $1) * ($1 - 1) }
        var pairSum = 0.0
        for x in sizes { for y in sizes { pairSum += x * y * (x - 1) * ((2 * x + 2 * y - 6) * d3 + (N - x - 1) * d5) } }
        vg[1] = eg[1] * q + pairSum - sizes.reduce(0) { $0 + $1 * $1 * ($1 - 1) * ((4 * $1 - 6) * d3 + (N - $1 - 1) * d5) }
        eg[2] = p2 * sizes.reduce(0) { $0 + $1 * (N - $1) * ($1 - 1) }
        vg[2] = eg[2] * q + sizes.reduce(0) { $0 + $1 * (N - $1) * ($1 - 1) * ((N - 3) * d3 + ($1 - 2) * d5) }
        eg[3] = eg[2]; vg[3] = vg[2]
        var outer = 0.0
        for x in sizes { for y in sizes { outer += x * y * (N - x - y) } }
        eg[4] = p2 * (outer - sizes.reduce(0) { $0 + $1 * $1 * (N - 2 * $1) })
        vg[4] = eg[4] * q
        for i in sizes.indices { for j in sizes.indices { for k in sizes.indices where i != j && j != k && i != k {
            let (a, b, c) = (sizes[i], sizes[j], sizes[k])
            vg[4] += a * b * c * ((4 * (N - b) - 2 * (a + c + 1)) * d3 - (4 * (N - c) - 2 * (a + b + 1)) * d4 + (N - (a + c + 1)) * d5)
        }}}
        eg[5] = p2 * N * (N - 1) * (N - 2)
        vg[5] = eg[5] * q + N * (N - 1) * (N - 2) * ((4 * N - 10) * d3 - 4 * (N - 3) * d4 + (N - 3) * d5)
        var totals = [Double](repeating: 0, count: 6)
        for row in counts { for k in 0..<6 { totals[k] += row[k] } }
        let sg = vg.map { $0.squareRoot() }
        return Result(counts: counts, expected: expected, standardDeviations: sds, zScores: z, totals: totals,
                      expectedTotals: eg, totalStandardDeviations: sg,
                      totalZScores: (0..<6).map { (totals[$0] - eg[$0]) / sg[$0] }, classes: cls, density: d)
    }
}
