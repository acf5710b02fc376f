import GraphCore

/// Redraws of the ties a reconstruction only assumed (edges whose `basis` attribute is
/// `assumed`), to see how much an answer rests on them (question 8).
///
/// Each redraw keeps every documented or inferred edge, and replaces the assumed edges of each
/// tie relation by as many random edges in the same pair of blocks, a block being an
/// organization (an actor's first organization; actors without one form their own block): so
/// organization sizes and the tie density within each organization and between each pair of
/// organizations stay those of the reconstruction (a stochastic block model conditioned on the
/// block counts, without parallel edges or self-loops). Assumed `reports_to` edges keep the
/// hierarchy's shape: inside each organization, the actors that appear in its assumed
/// hierarchy are permuted at random, so the redrawn hierarchy is the same tree with other
/// people at its places.
///
/// Written by hand: no package redraws the assumed part of a multiplex network.
public struct AssumedTieRedraw: Sendable {
    /// Relations whose assumed edges are redrawn (nil: every relation but `member` and
    /// `participant`).
    public var relations: [Relation]?
    /// The edge attribute and its value that mark an assumed edge.
    public var attribute: String
    public var assumedValue: String

    public init(relations: [Relation]? = nil, attribute: String = "basis", assumedValue: String = "assumed") {
        self.relations = relations
        self.attribute = attribute
        self.assumedValue = assumedValue
    }

    func chosen(_ net: Network) -> [RelationLayer] {
        net.layers.filter { l in
            if let relations { return relations.contains(l.relation) }
            return l.relation != .member && l.relation != .participant
        }
    }

    func assumed(_ l: RelationLayer) -> [Int] {
        guard let column = l.attributes[attribute] else { return [] }
        return (0..<l.edgeCount).filter { column[$0] == .string(assumedValue) }
    }

    /// The number of assumed edges per redrawn relation; throws when there is none at all.
    /// - Complexity: O(m).
    public func assumedCounts(in net: Network) throws(DiffusionParameterError) -> [(Relation, Int)] {
        let counts = chosen(net).map { ($0.relation, assumed($0).count) }.filter { $0.1 > 0 }
        guard !counts.isEmpty else {
            throw DiffusionParameterError(parameter: "vary", "no edge of the tie relations is tagged \(attribute)=\(assumedValue)")
        }
        return counts
    }

    /// One redraw of the assumed edges.
    /// - Complexity: O(n + m) expected, plus the rejection of draws that hit an existing edge
    ///   (at most 1000 attempts per edge; an edge that cannot be placed keeps its endpoints).
    public func sample(_ network: Network, rng: inout SplitMix64) -> Network {
        let orgs = network.organizations()
        let n = network.nodeCount
        // Block of each actor: its first organization; no organization: block groupCount.
        var block = [Int](repeating: -1, count: n)
        var members = [[Int32]](repeating: [], count: orgs.groupCount + 1)
        for v in 0..<n where network.kinds[v] == .actor {
            let g = orgs.groups(of: Int32(v)).first.map { Int($0) } ?? orgs.groupCount
            block[v] = g
            members[g].append(Int32(v))
        }
        var out = network
        for layer in chosen(network) {
            let edges = assumed(layer)
            guard !edges.isEmpty else { continue }
            var src = layer.sources, dst = layer.targets
            if layer.relation == .reportsTo {
                permuteHierarchy(edges, &src, &dst, block: block, &rng)
            } else {
                redrawBlocks(edges, &src, &dst, directed: layer.direction == .directed, block: block, members: members, &rng)
            }
            out.replaceEndpoints(relation: layer.relation, sources: src, targets: dst)
        }
        return out
    }

    func redrawBlocks(_ edges: [Int], _ src: inout [Int32], _ dst: inout [Int32], directed: Bool, block: [Int],
                      members: [[Int32]], _ rng: inout SplitMix64) {
        func key(_ u: Int32, _ v: Int32) -> UInt64 {
            let (a, b) = directed || u < v ? (u, v) : (v, u)
            return UInt64(UInt32(a)) << 32 | UInt64(UInt32(b))
        }
        let isAssumed = Set(edges)
        var present = Set<UInt64>()
        for e in 0..<src.count where !isAssumed.contains(e) { present.insert(key(src[e], dst[e])) }
        for e in edges {
            let (u0, v0) = (src[e], dst[e])
            let a = block[Int(u0)], b = block[Int(v0)]
            var placed = false
            if a >= 0 && b >= 0 {
                for _ in 0..<1000 {
                    let u = members[a][rng.next(below: members[a].count)]
                    let v = members[b][rng.next(below: members[b].count)]
                    guard u != v, !present.contains(key(u, v)) else { continue }
                    src[e] = u; dst[e] = v
                    present.insert(key(u, v))
                    placed = true
                    break
                }
            }
            if !placed { present.insert(key(u0, v0)) }
        }
    }

    func permuteHierarchy(_ edges: [Int], _ src: inout [Int32], _ dst: inout [Int32], block: [Int],
                          _ rng: inout SplitMix64) {
        // The actors of each organization that appear in its assumed hierarchy, in first-seen order.
        var people: [Int: [Int32]] = [:]
        var seen = Set<Int32>()
        for e in edges {
            let (u, v) = (src[e], dst[e])
            guard block[Int(u)] >= 0, block[Int(u)] == block[Int(v)] else { continue }
            for x in [u, v] where seen.insert(x).inserted { people[block[Int(x)], default: []].append(x) }
        }
        var map: [Int32: Int32] = [:]
        for g in people.keys.sorted() {
            let list = people[g]!
            var shuffled = list
            for i in stride(from: shuffled.count - 1, to: 0, by: -1) { shuffled.swapAt(i, rng.next(below: i + 1)) }
            for (x, y) in zip(list, shuffled) { map[x] = y }
        }
        for e in edges {
            let (u, v) = (src[e], dst[e])
            guard block[Int(u)] >= 0, block[Int(u)] == block[Int(v)], let pu = map[u], let pv = map[v] else { continue }
            src[e] = pu; dst[e] = pv
        }
    }
}

/// A statistic over the redraws of the assumed ties: its value on the reconstruction as it is,
/// and its median and 5–95% range over the redraws (linear interpolation between order
/// statistics, Hyndman and Fan's type 7).
public struct RedrawDistribution: Sendable, Hashable {
    public let model: String
    public let statistic: String
    public let asReconstructed: Double
    public let median: Double
    public let q05: Double
    public let q95: Double
    public let redraws: Int

    static func quantile(_ sorted: [Double], _ q: Double) -> Double {
        guard !sorted.isEmpty else { return .nan }
        let h = Double(sorted.count - 1) * q
        let lo = Int(h.rounded(.down)), hi = min(sorted.count - 1, lo + 1)
        return sorted[lo] + (h - Double(lo)) * (sorted[hi] - sorted[lo])
    }
}

extension ReachAnalysis {
    /// The observed statistics of this analysis (no null model) on `count` redraws of the
    /// assumed ties (redraw k from stream 2^40 + k of `seed`), as distributions, beside their
    /// values on the reconstruction itself (`observed`, this analysis's result on it).
    /// - Complexity: count × models × runs simulations, plus the redraws.
    public func varyAssumed(_ network: Network, seeds: [Int32], frame: (Network) -> OrganizationFrame,
                            redraw: AssumedTieRedraw, count: Int, observed: Result,
                            progress: ((Int, Int) -> Void)? = nil) -> [RedrawDistribution] {
        var plain = self
        plain.nullModel = nil
        var values: [[[Double]]] = observed.models.map { m in ReachAnalysis.overallStatistics(m.observed).map { _ in [] } }
        for k in 0..<count {
            var rng = SplitMix64(seed: seed, stream: (1 << 40) + UInt64(k))
            let sample = redraw.sample(network, rng: &rng)
            let r = plain.run(sample, seeds: seeds, frame: frame)
            for (mi, m) in r.models.enumerated() {
                for (si, s) in ReachAnalysis.overallStatistics(m.observed).enumerated() { values[mi][si].append(s.1) }
            }
            progress?(k + 1, count)
        }
        var out: [RedrawDistribution] = []
        for (mi, m) in observed.models.enumerated() {
            for (si, s) in ReachAnalysis.overallStatistics(m.observed).enumerated() {
                let sorted = values[mi][si].sorted()
                out.append(RedrawDistribution(model: m.model.name, statistic: s.0, asReconstructed: s.1,
                                              median: RedrawDistribution.quantile(sorted, 0.5),
                                              q05: RedrawDistribution.quantile(sorted, 0.05),
                                              q95: RedrawDistribution.quantile(sorted, 0.95), redraws: sorted.count))
            }
        }
        return out
    }
}
