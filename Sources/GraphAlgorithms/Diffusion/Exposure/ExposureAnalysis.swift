import GraphCore

/// Whose adoption exposes a node.
public enum ExposureDirection: String, Sendable, Hashable, CaseIterable {
    /// The alters the node names (`i → j`): netdiffuseR's default (`outgoing = TRUE`), the
    /// reading of nomination data (a physician is exposed through those he asks for advice).
    case outgoing
    /// The nodes that name it (`j → i`).
    case incoming
    /// Ties either way (a pair tied both ways weighs twice when weighted).
    case both
}

/// Parameters of a network-exposure analysis (Valente 1995, 1996).
public struct ExposureParameters: Sendable, Hashable {
    /// The relations whose ties expose (combined); nil: every relation but `member` and
    /// `participant`.
    public var relations: [Relation]?
    /// Weight alters by their tie weights (summed over the relations); false: each alter tied by
    /// any chosen relation counts 1 (netdiffuseR's `valued = FALSE`).
    public var weighted: Bool
    public var direction: ExposureDirection
    /// The threshold is the exposure in period `t_i − lag`: 0 (netdiffuseR's default) counts
    /// alters who adopted up to and including the node's own period; 1 only those who adopted
    /// strictly before. Must be ≥ 0.
    public var lag: Int
    /// Give thresholds to the adopters of the first period too (left-censored: their exposure
    /// cannot have built up before the observation began). Off by default, as netdiffuseR.
    public var includeCensored: Bool
    /// Permutations of adoption times for the baseline (0: no test).
    public var permutations: Int
    /// Permutation `k` shuffles with `SplitMix64(seed: seed, stream: k)`.
    public var seed: UInt64
    /// Permute times only within strata (one label per node, -1 = no stratum, which forms a
    /// stratum of its own); nil: among the whole population. Must have one label per node.
    public var strata: [Int32]?
    /// What the strata are, for reports.
    public var strataName: String?
    /// Workers for the permutations (nil: every core); the result does not depend on it.
    public var threads: Int?

    public init(relations: [Relation]? = nil, weighted: Bool = false, direction: ExposureDirection = .outgoing,
                lag: Int = 0, includeCensored: Bool = false, permutations: Int = 999, seed: UInt64 = 1,
                strata: [Int32]? = nil, strataName: String? = nil, threads: Int? = nil) {
        self.relations = relations; self.weighted = weighted; self.direction = direction; self.lag = lag
        self.includeCensored = includeCensored; self.permutations = permutations; self.seed = seed
        self.strata = strata; self.strataName = strataName; self.threads = threads
    }
}

/// Valente's network-exposure analysis of observed adoption data.
///
/// For a node `i` with alters `j` (its out-neighbours by default) and tie weights `w_ij`,
/// **network exposure** in period `t` is the weighted share of alters who had adopted by then,
///
/// ```
/// E_i(t) = Σ_j w_ij · a_j(t) / Σ_j w_ij,     a_j(t) = 1 if t_j ≤ t
/// ```
///
/// (cohesion exposure: Valente 1995, *Network Models of the Diffusion of Innovations*;
/// netdiffuseR's `exposure()`, whose `S × (x ∘ A) / (S × x)` this is with `x = 1`). The
/// **threshold** of an adopter is its exposure when it adopted, `τ_i = E_i(t_i − lag)` (Valente
/// 1996; netdiffuseR's `threshold()`). Alters outside the population and self-ties do not count;
/// a node without alters has no exposure (netdiffuseR divides by `1e-15` and reports 0).
///
/// ```swift
/// let a = try net.adoptionTimes(attribute: "toa", neverAdopted: 18, missing: .never)
/// let r = Exposure.analyze(net, adoption: a, ExposureParameters(relations: ["advice"], permutations: 999))
/// r.threshold[4]                       // 0.5
/// r.exposedAdopters.pValue             // vs. permuted adoption times
/// ```
public enum Exposure {
    /// Exposure over time, thresholds, adopter and threshold classes, and the share of adopters
    /// who had an adopting alter before they adopted against a permutation baseline.
    ///
    /// - Complexity: O(n · periods + m) for exposures, O(permutations · (n + m)) for the test,
    ///   spread over `threads`; memory O(n · periods).
    public static func analyze(_ network: Network, adoption: AdoptionTimes, _ parameters: ExposureParameters) -> ExposureResult {
        let p = parameters
        precondition(p.lag >= 0, "Exposure: the lag must be ≥ 0")
        precondition(adoption.nodeCount == network.nodeCount, "Exposure: adoption times must cover the network's nodes")
        let used = network.selectedLayers(p.relations).map(\.relation)
        let g = network.graph(relations: used, direction: p.direction == .both ? .undirected : .directed,
                              weights: p.weighted ? .weight : .unweighted, parallelEdges: .sum, selfLoops: .drop)
        let alters = ExposureAlters(g, direction: p.direction, population: adoption.inPopulation)
        return analyze(alters: alters, adoption: adoption, relations: used, parameters: p)
    }

    /// Each relation of `relations` alone, then all of them combined (when there are several):
    /// the same parameters otherwise.
    ///
    /// ```swift
    /// let rs = Exposure.analyzeEach(net, relations: ["advice", "discussion"], adoption: a, ExposureParameters())
    /// rs.map(\.relationName)   // ["advice", "discussion", "advice+discussion"]
    /// ```
    /// - Complexity: (relations + 1) times ``analyze(_:adoption:_:)``.
    public static func analyzeEach(_ network: Network, relations: [Relation], adoption: AdoptionTimes,
                                   _ parameters: ExposureParameters) -> [ExposureResult] {
        var sets = relations.map { [$0] }
        if relations.count > 1 { sets.append(relations) }
        return sets.map { rels in
            var p = parameters
            p.relations = rels
            return analyze(network, adoption: adoption, p)
        }
    }

    /// The analysis on a graph already built (tests, other callers): `g`'s arcs are the ties.
    /// - Complexity: as ``analyze(_:adoption:_:)``.
    public static func analyze(_ g: CSRGraph, adoption: AdoptionTimes, relations: [Relation] = [],
                               _ parameters: ExposureParameters) -> ExposureResult {
        precondition(parameters.lag >= 0, "Exposure: the lag must be ≥ 0")
        precondition(adoption.nodeCount == g.nodeCount, "Exposure: adoption times must cover the graph's nodes")
        let alters = ExposureAlters(g, direction: parameters.direction, population: adoption.inPopulation)
        return analyze(alters: alters, adoption: adoption, relations: relations, parameters: parameters)
    }

    static func analyze(alters: ExposureAlters, adoption: AdoptionTimes, relations: [Relation],
                        parameters p: ExposureParameters) -> ExposureResult {
        let n = adoption.nodeCount
        precondition(p.strata == nil || p.strata!.count == n, "Exposure: one stratum label per node")
        let times = adoption.times
        let periods = adoption.periods ?? 0...0
        let t0 = periods.lowerBound, width = periods.count
        var exposure = [Double](repeating: .nan, count: n * width)
        var alterWeight = [Double](repeating: 0, count: n)
        var earlier = [Int](repeating: 0, count: n)
        var bucket = [Double](repeating: 0, count: width)
        for i in 0..<n where adoption.inPopulation[i] {
            for k in 0..<width { bucket[k] = 0 }
            var total = 0.0
            var before = 0
            for a in alters.offsets[i]..<alters.offsets[i + 1] {
                let j = Int(alters.targets[a]), w = alters.weights[a]
                total += w
                if times[j] != AdoptionTimes.never { bucket[times[j] - t0] += w }
                if times[j] < times[i] { before += 1 }
            }
            alterWeight[i] = total
            earlier[i] = before
            guard total > 0 else { continue }
            var cumulative = 0.0
            for k in 0..<width {
                cumulative += bucket[k]
                exposure[i * width + k] = cumulative / total
            }
        }
        var threshold = [Double?](repeating: nil, count: n)
        for i in 0..<n where adoption.inPopulation[i] && times[i] != AdoptionTimes.never && alterWeight[i] > 0 {
            let s = times[i] - p.lag
            guard s >= t0 else { continue }
            if times[i] == t0 && !p.includeCensored { continue }
            threshold[i] = exposure[i * width + s - t0]
        }
        let (categories, timeCut) = adoption.adopterCategories()
        let defined = threshold.compactMap { $0 }
        let thresholdCut = ClassCutoffs.of(defined)
        let order: [ThresholdClass] = [.veryLow, .low, .high, .veryHigh]
        let classes: [ThresholdClass?] = threshold.map { t in t.flatMap { x in thresholdCut.map { order[$0.interval(x)] } } }
        let test = ExposedAdopterTest.run(alters: alters, adoption: adoption, parameters: p)
        return ExposureResult(
            parameters: p, relations: relations, periods: periods, exposureMatrix: exposure,
            alterCount: (0..<n).map { alters.offsets[$0 + 1] - alters.offsets[$0] }, alterWeight: alterWeight,
            adoptingAltersBefore: earlier, threshold: threshold, meanThreshold: defined.isEmpty ? nil : defined.reduce(0, +) / Double(defined.count),
            adopterCategory: categories, timeCutoffs: timeCut, thresholdClass: classes, thresholdCutoffs: thresholdCut,
            exposedAdopters: test)
    }
}

/// Each population node's alters (population members other than itself) with their weights,
/// in CSR form: the ties an analysis looks at, filtered once.
struct ExposureAlters: Sendable {
    let offsets: [Int]
    let targets: [Int32]
    let weights: [Double]

    init(_ graph: CSRGraph, direction: ExposureDirection, population: [Bool]) {
        let g = direction == .both ? graph.symmetrized() : graph
        let n = g.nodeCount
        let incoming = direction == .incoming && g.isDirected
        let off = incoming ? g.inOffsets : g.offsets
        let adj = incoming ? g.inSources : g.targets
        let w = incoming ? g.inWeights : g.weights
        var o = [Int](repeating: 0, count: n + 1)
        var t: [Int32] = [], ws: [Double] = []
        t.reserveCapacity(adj.count); ws.reserveCapacity(adj.count)
        for i in 0..<n {
            if population[i] {
                for a in off[i]..<off[i + 1] {
                    let j = Int(adj[a])
                    guard j != i, population[j] else { continue }
                    t.append(adj[a]); ws.append(w?[a] ?? 1)
                }
            }
            o[i + 1] = t.count
        }
        offsets = o; targets = t; weights = ws
    }
}
