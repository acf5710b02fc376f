import GraphCore

/// The relations through which adoption may pass, each with its alters in the direction its
/// influence flows: the raw material of the person-period (discrete-time event history) data of
/// ``AdoptionFit``.
///
/// For a nomination relation whose arc `i → j` says "i names j" (medInnovations, kfamily,
/// brfarmers), influence flows from the named `j` to `i`: `i`'s alters are its out-neighbours
/// (``ExposureDirection/outgoing``, the default, as netdiffuseR's `exposure(outgoing = TRUE)`).
/// Only population members other than the node itself count as alters.
///
/// ```swift
/// let a = try net.adoptionTimes(attribute: "toa", neverAdopted: 18, missing: .never)
/// let c = try AdoptionChannels(net, relations: ["advice", "friendship"], adoption: a)
/// let rows = c.personPeriods(times: a.times)
/// ```
public struct AdoptionChannels: Sendable {
    public let relations: [Relation]
    public let direction: ExposureDirection
    /// Whether each node is in the population (from the adoption data).
    public let inPopulation: [Bool]
    /// Per relation: arcs (in the influence direction) from a population node to a node outside
    /// the population (without adoption data), left out of every exposure.
    public let tiesOutsidePopulation: [Int]
    let alters: [ExposureAlters]

    /// Channels from a network's relation layers.
    /// - Throws: ``EstimationError/unknownRelation(_:available:)``,
    ///   ``EstimationError/invalidParameter(_:)`` when no relation is given.
    /// - Complexity: O(R · (n + m)).
    public init(_ network: Network, relations: [Relation], adoption: AdoptionTimes,
                direction: ExposureDirection = .outgoing) throws(EstimationError) {
        guard !relations.isEmpty else { throw .invalidParameter("give at least one relation") }
        guard Set(relations).count == relations.count else { throw .invalidParameter("a relation is named twice") }
        var graphs: [CSRGraph] = []
        for r in relations {
            guard let layer = network.layer(r) else {
                throw .unknownRelation(r.rawValue, available: network.relations.map(\.rawValue))
            }
            graphs.append(network.graph(relations: [r], direction: layer.direction == .directed ? .directed : .undirected,
                                        weights: .unweighted, parallelEdges: .sum, selfLoops: .drop))
        }
        self.init(graphs: graphs, relations: relations, inPopulation: adoption.inPopulation, direction: direction)
    }

    /// Channels from one graph per relation (tests, other callers).
    /// - Complexity: O(R · (n + m)).
    public init(graphs: [CSRGraph], relations: [Relation], inPopulation: [Bool], direction: ExposureDirection = .outgoing) {
        precondition(graphs.count == relations.count, "AdoptionChannels: one graph per relation")
        precondition(graphs.allSatisfy { $0.nodeCount == inPopulation.count }, "AdoptionChannels: one population flag per node")
        self.relations = relations
        self.direction = direction
        self.inPopulation = inPopulation
        alters = graphs.map { ExposureAlters($0, direction: direction, population: inPopulation) }
        let all = [Bool](repeating: true, count: inPopulation.count)
        tiesOutsidePopulation = graphs.map { g in
            let everyone = ExposureAlters(g, direction: direction, population: all)
            var c = 0
            for i in 0..<inPopulation.count where inPopulation[i] {
                for a in everyone.offsets[i]..<everyone.offsets[i + 1] where !inPopulation[Int(everyone.targets[a])] { c += 1 }
            }
            return c
        }
    }

    public var nodeCount: Int { inPopulation.count }

    /// Alters of `v` via relation `r` (population members, not `v`).
    /// - Complexity: O(1).
    public func alterCount(_ v: Int32, relation r: Int) -> Int { alters[r].offsets[Int(v) + 1] - alters[r].offsets[Int(v)] }

    /// The person-period rows of adoption times `times` over `window`: one row per population
    /// node and period from the window's first period until the node adopts or the window ends
    /// (never-adopters and later adopters are censored at its end; nodes that adopted before it are
    /// left out). Per row and relation: `A_r`, the alters via `r` who adopted strictly before the
    /// period, and the exposure `A_r / alters` (0 without alters).
    ///
    /// - Complexity: O(n · R · (d log d + periods)) for alters per relation `d`.
    public func personPeriods(times: [Int], window: ClosedRange<Int>) -> PersonPeriods {
        precondition(times.count == nodeCount, "personPeriods: one time per node")
        let relationCount = relations.count
        var node: [Int32] = [], period: [Int32] = [], adopts: [Double] = []
        var counts: [Double] = [], shares: [Double] = []
        var leftCensored = 0
        // Per node: its alters' times, one sorted segment per relation, and a cursor per segment.
        var flat: [Int] = []
        var segment = [Int](repeating: 0, count: relationCount + 1)
        var cursor = [Int](repeating: 0, count: relationCount)
        for i in 0..<nodeCount where inPopulation[i] {
            let ti = times[i]
            if ti < window.lowerBound { leftCensored += 1; continue }
            let last = min(ti, window.upperBound)
            flat.removeAll(keepingCapacity: true)
            for r in 0..<relationCount {
                segment[r] = flat.count
                let al = alters[r]
                for a in al.offsets[i]..<al.offsets[i + 1] { flat.append(times[Int(al.targets[a])]) }
                flat[segment[r]..<flat.count].sort()
                cursor[r] = segment[r]
            }
            segment[relationCount] = flat.count
            for t in window.lowerBound...last {
                node.append(Int32(i))
                period.append(Int32(t - window.lowerBound))
                adopts.append(t == ti ? 1 : 0)
                for r in 0..<relationCount {
                    let end = segment[r + 1]
                    while cursor[r] < end && flat[cursor[r]] < t { cursor[r] += 1 }
                    let before = cursor[r] - segment[r], total = end - segment[r]
                    counts.append(Double(before))
                    shares.append(total == 0 ? 0 : Double(before) / Double(total))
                }
            }
        }
        return PersonPeriods(relations: relations, window: window, node: node, period: period, adopts: adopts,
                             counts: counts, shares: shares, leftCensored: leftCensored)
    }
}

/// Person-period rows (discrete-time event-history data) built by
/// ``AdoptionChannels/personPeriods(times:window:)``.
public struct PersonPeriods: Sendable, Hashable {
    public let relations: [Relation]
    public let window: ClosedRange<Int>
    /// The node of each row.
    public let node: [Int32]
    /// The period of each row, as an offset from the window's first period.
    public let period: [Int32]
    /// 1 when the node adopts in this row's period, else 0.
    public let adopts: [Double]
    /// Row-major `rows × relations`: alters via the relation who adopted strictly before the period.
    public let counts: [Double]
    /// Row-major `rows × relations`: those alters' share of all the node's alters via the relation.
    public let shares: [Double]
    /// Population nodes left out because they adopted before the window.
    public let leftCensored: Int

    public var rowCount: Int { node.count }
    /// Adoptions (rows with outcome 1).
    /// - Complexity: O(rows).
    public var events: Int { adopts.reduce(0) { $0 + Int($1) } }
}
