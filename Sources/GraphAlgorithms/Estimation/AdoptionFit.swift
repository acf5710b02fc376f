import GraphCore

/// What a model of observed adoption is fitted on: the channels (relations and their alters),
/// the adoption times, the observed periods, node covariates and groups.
public struct AdoptionFitData: Sendable {
    public let channels: AdoptionChannels
    /// Period of adoption per node (``AdoptionTimes/never`` for never-adopters).
    public let times: [Int]
    public let window: ClosedRange<Int>
    public let covariateNames: [String]
    /// Per covariate, its value per node (population nodes all have one).
    public let covariates: [[Double]]
    /// A group per node (population nodes ≥ 0), or nil.
    public let groups: [Int32]?
    public let groupNames: [String]
    /// What the groups are (`organization`, an attribute), for term names.
    public let groupLabel: String
    /// Node ids, for term names and messages.
    public let ids: [String]

    /// Data given directly (tests, other callers).
    /// - Complexity: O(1).
    public init(channels: AdoptionChannels, times: [Int], window: ClosedRange<Int>, covariates: [(String, [Double])] = [],
                groups: [Int32]? = nil, groupNames: [String] = [], groupLabel: String = "group", ids: [String]? = nil) {
        precondition(times.count == channels.nodeCount, "AdoptionFitData: one time per node")
        self.channels = channels; self.times = times; self.window = window
        covariateNames = covariates.map(\.0); self.covariates = covariates.map(\.1)
        self.groups = groups; self.groupNames = groupNames; self.groupLabel = groupLabel
        self.ids = ids ?? (0..<times.count).map { String($0) }
    }

    /// Data from a network: the parameters' relations (in their influence direction), covariates
    /// from numeric node attributes, groups from organizations or a node attribute.
    /// - Throws: ``EstimationError`` for an unknown relation, covariate or grouping, a covariate
    ///   that is not numeric or is missing for a population node, a population node without group.
    /// - Complexity: O(R · (n + m) + covariates · n).
    public init(_ network: Network, adoption: AdoptionTimes, parameters p: AdoptionFitParameters) throws(EstimationError) {
        let channels = try AdoptionChannels(network, relations: p.relations, adoption: adoption, direction: p.direction)
        let population = adoption.inPopulation
        var covariates: [(String, [Double])] = []
        for name in p.covariates {
            guard let column = network.nodeAttributes[name] else {
                throw .unknownCovariate(name, available: network.nodeAttributes.names)
            }
            guard column.type == .integer || column.type == .double || column.type == .boolean else { throw .nonNumericCovariate(name) }
            var values = [Double](repeating: 0, count: network.nodeCount)
            var missing = 0, first = ""
            for v in 0..<network.nodeCount where population[v] {
                if let x = column[v]?.numericValue, x.isFinite {
                    values[v] = x
                } else {
                    if missing == 0 { first = network.ids[v] }
                    missing += 1
                }
            }
            if missing > 0 { throw .missingCovariate(name, node: first, count: missing) }
            covariates.append((name, values))
        }
        var labels: [Int32]? = nil, names: [String] = []
        if let by = p.groupBy {
            let partition: Partition
            if by == "organization" {
                partition = network.organizations()
                guard partition.groupCount > 0 else { throw .unknownGrouping(by) }
            } else {
                guard let q = network.partition(byAttribute: by) else { throw .unknownGrouping(by) }
                partition = q
            }
            let primary = partition.primary
            var missing = 0, first = ""
            for v in 0..<network.nodeCount where population[v] && primary[v] < 0 {
                if missing == 0 { first = network.ids[v] }
                missing += 1
            }
            if missing > 0 { throw .ungroupedNode(first, grouping: by, count: missing) }
            labels = primary
            names = partition.groupNames
        }
        guard let periods = p.window ?? adoption.periods else { throw .noRows }
        self.init(channels: channels, times: adoption.times, window: periods, covariates: covariates, groups: labels,
                  groupNames: names, groupLabel: p.groupBy ?? "group", ids: network.ids)
    }
}

/// One estimated term.
public struct FittedTerm: Sendable, Hashable {
    /// `intercept`, `exposure:<relation>`, `period:<t>`, a covariate, `<grouping>:<group>`
    /// (hazard); `outside`, `outside:<group>`, `<relation>` (contagion).
    public let term: String
    /// A log-odds coefficient (hazard) or a probability per period (contagion).
    public let estimate: Double
    /// Model-based (inverse observed information; delta method on the probability scale for
    /// contagion); nil on a boundary.
    public let standardError: Double?
    /// Clustered by node (hazard only).
    public let robustStandardError: Double?
    /// 95% interval: Wald (hazard), profile likelihood (contagion).
    public let ciLow: Double
    public let ciHigh: Double
    /// Wald z test (hazard); likelihood-ratio test of 0 against the χ̄² boundary mixture (contagion).
    public let pValue: Double
    /// Two-sided permutation p-value `min(1, 2 · min(1 + #{β_k ≥ β}, 1 + #{β_k ≤ β}) / (K + 1))`.
    public var permutationPValue: Double?
    /// Mean of the estimate over the permutations.
    public var permutationMean: Double?
    /// A boundary or other remark.
    public let note: String?
}

/// Observed adoptions per period against those the fitted model expects (the sum of the fitted
/// hazards of the nodes at risk, given the observed history: one-step-ahead), for everyone or
/// one group.
public struct FittedCurve: Sendable, Hashable {
    /// `all`, or the group's name.
    public let group: String
    /// Nodes at risk in the window's first period.
    public let nodes: Int
    /// Adoptions observed in each period of the window.
    public let observed: [Int]
    /// Adoptions the model expects in each period.
    public let expected: [Double]

    /// Cumulative shares of `nodes` (observed, expected) by the end of each period.
    /// - Complexity: O(periods).
    public var cumulativeShares: (observed: [Double], expected: [Double]) {
        var o: [Double] = [], e: [Double] = []
        var so = 0.0, se = 0.0
        for t in observed.indices {
            so += Double(observed[t]); se += expected[t]
            o.append(nodes > 0 ? so / Double(nodes) : 0); e.append(nodes > 0 ? se / Double(nodes) : 0)
        }
        return (o, e)
    }
}

/// An estimated model of observed adoption, with what is needed to reproduce it.
public struct AdoptionFitResult: Sendable {
    public let parameters: AdoptionFitParameters
    public let window: ClosedRange<Int>
    public let terms: [FittedTerm]
    public let logLikelihood: Double
    /// `2k − 2ℓ`.
    public let aic: Double
    /// Person-period rows used, adoptions among them, nodes at risk.
    public let rows: Int
    public let events: Int
    public let nodes: Int
    /// Population nodes left out because they adopted before the window.
    public let leftCensored: Int
    /// Visible remarks: categories whose outcome never varies (dropped with their rows), boundaries.
    public let notes: [String]
    /// Per relation (in the parameters' order), ties to nodes without adoption data.
    public let tiesOutsidePopulation: [Int]
    /// Permutations that gave estimates, and those that could not be fitted (separation…).
    public let permutationsFitted: Int
    public let permutationFailures: Int
    /// Newton iterations of the main fit.
    public let iterations: Int
    /// Observed against expected adoptions by period: everyone, then each group (with groups).
    public let curves: [FittedCurve]
}

/// Which ties carry adoption: models estimated from observed adoption times.
///
/// **hazard** (Allison 1982; netdiffuseR's `diffreg`, generalized to several relations): a
/// logistic regression on person-period rows, one per node and period from the first observed
/// period until the node adopts or the last (never-adopters censored), outcome = adopts in the
/// period; terms: intercept, one exposure per relation (share of the node's alters via the
/// relation who adopted strictly before the period; 0 without alters), period dummies (the first
/// period the reference), covariates, group fixed effects (the first group the reference).
/// A period or group whose rows all have the same outcome has its dummy at ±∞: its rows are
/// left out (the exact limit of the other estimates) and a note says so.
///
/// **contagion**: maximum likelihood of `P(adopt in t | not yet) = 1 − (1 − b) Π_r (1 − p_r)^{A_r(t)}`
/// (a discrete-time multiplex independent-cascade hazard; Myers, Zhu and Leskovec 2012 estimate
/// its single-relation form), with profile-likelihood 95% intervals (see ``ContagionLikelihood``).
///
/// **Permutation test** (netdiffuseR's `struct_test`, for every term): adoption times are
/// shuffled among the population (within groups), which keeps how many adopt in each period, and
/// the model is refitted; permutation `k` draws from `SplitMix64(seed, stream: k)`, so the result
/// is the same for any number of threads.
///
/// ```swift
/// let a = try net.adoptionTimes(attribute: "toa", neverAdopted: 18, missing: .never)
/// let r = try AdoptionFit.fit(net, adoption: a, AdoptionFitParameters(relations: ["advice"], permutations: 999))
/// r.terms.first { $0.term == "exposure:advice" }?.estimate
/// ```
/// - Complexity: hazard O(iterations · rows · k²), contagion O(k · profile steps · events · k²),
///   times (1 + permutations) without the intervals, over `threads`.
public enum AdoptionFit {
    public static func fit(_ network: Network, adoption: AdoptionTimes, _ parameters: AdoptionFitParameters) throws(EstimationError) -> AdoptionFitResult {
        try parameters.validate()
        let data = try AdoptionFitData(network, adoption: adoption, parameters: parameters)
        return try fit(data, parameters)
    }

    public static func fit(_ data: AdoptionFitData, _ p: AdoptionFitParameters) throws(EstimationError) -> AdoptionFitResult {
        try p.validate()
        let rows = data.channels.personPeriods(times: data.times, window: data.window)
        guard rows.rowCount > 0 else { throw .noRows }
        var terms: [FittedTerm]
        let design: Design
        let ll: Double
        let iterations: Int
        var notes: [String] = []
        var start: [Double]
        switch p.model {
        case .hazard:
            design = try hazardDesign(rows, data)
            let f = try LogisticRegression.fit(x: design.x, columns: design.k, y: design.y, names: design.names,
                                               clusters: design.clusters, clusterCount: design.clusterCount)
            ll = f.logLikelihood
            iterations = f.iterations
            start = f.coefficients
            terms = (0..<design.k).map { j in
                let b = f.coefficients[j], se = f.standardErrors[j]
                return FittedTerm(term: design.names[j], estimate: b, standardError: se, robustStandardError: f.clusterStandardErrors?[j],
                                  ciLow: b - EstimationMath.z975 * se, ciHigh: b + EstimationMath.z975 * se,
                                  pValue: EstimationMath.normalTwoSided(b / se), note: nil)
            }
        case .contagion:
            design = try contagionDesign(rows, data)
            let like = ContagionLikelihood(x: design.x, k: design.k, y: design.y)
            var theta = contagionStart(design)
            let m = like.maximize(&theta)
            guard m.converged else { throw .notConverged(iterations: 500) }
            ll = m.ll
            iterations = 0
            start = theta
            let se = like.standardErrors(theta)
            terms = []
            for j in 0..<design.k {
                let ci = like.profileInterval(j, best: theta, ll: ll)
                let q = -EstimationMath.expm1(-theta[j])
                let lr = 2 * (ll - ci.atZero)
                var note: String? = nil
                if theta[j] <= 1e-9 { note = "at the boundary 0" }
                if theta[j] >= ContagionLikelihood.thetaMax { note = "at the boundary 1" }
                if ci.high >= ContagionLikelihood.thetaMax && note == nil { note = "upper limit at 1: the data do not bound it" }
                terms.append(FittedTerm(term: design.names[j], estimate: q, standardError: se[j].map { $0 * EstimationMath.exp(-theta[j]) },
                                        robustStandardError: nil, ciLow: -EstimationMath.expm1(-ci.low), ciHigh: -EstimationMath.expm1(-ci.high),
                                        pValue: lr > 0 ? 0.5 * EstimationMath.chiSquare1Upper(lr) : 1, note: note))
            }
        case .practice:
            throw .invalidParameter("the practice model is calibrated by simulation (PracticeFit), not by AdoptionFit")
        }
        notes += design.notes
        var fitted = 0, failures = 0
        if p.permutations > 0 {
            let null = permutationEstimates(data, p, names: design.names, start: start)
            fitted = null.fitted
            failures = p.permutations - fitted
            let k = design.k
            for j in 0..<k {
                let observed = p.model == .hazard ? terms[j].estimate : start[j]
                var ge = 0, le = 0, sum = 0.0
                for s in 0..<p.permutations where null.ok[s] {
                    let v = null.values[s * k + j]
                    if v >= observed - 1e-12 * (1 + abs(observed)) { ge += 1 }
                    if v <= observed + 1e-12 * (1 + abs(observed)) { le += 1 }
                    sum += p.model == .hazard ? v : -EstimationMath.expm1(-v)
                }
                if fitted > 0 {
                    terms[j].permutationPValue = min(1, 2 * Double(1 + min(ge, le)) / Double(fitted + 1))
                    terms[j].permutationMean = sum / Double(fitted)
                }
            }
            if failures > 0 { notes.append("\(failures) of \(p.permutations) permutations could not be fitted (separation or no convergence) and are left out of the permutation p-values") }
        }
        // Fitted hazard per person-period row: the model's on the design rows, the outcome itself
        // on rows left out because their category's outcome never varies (the ±∞ limit).
        var hazard = rows.adopts
        for (d, i) in design.source.enumerated() {
            var eta = 0.0
            for j in 0..<design.k { eta += design.x[d * design.k + j] * start[j] }
            hazard[i] = p.model == .hazard ? 1 / (1 + EstimationMath.exp(-eta)) : -EstimationMath.expm1(-eta)
        }
        let curves = fittedCurves(rows, hazard: hazard, data)
        return AdoptionFitResult(parameters: p, window: data.window, terms: terms, logLikelihood: ll,
                                 aic: 2 * Double(design.k) - 2 * ll, rows: design.y.count, events: Int(design.y.reduce(0, +)),
                                 nodes: design.clusterCount, leftCensored: rows.leftCensored, notes: notes,
                                 tiesOutsidePopulation: data.channels.tiesOutsidePopulation, permutationsFitted: fitted,
                                 permutationFailures: failures, iterations: iterations, curves: curves)
    }

    /// Observed and expected adoptions per period, for everyone and per group.
    /// - Complexity: O(rows + groups · periods).
    static func fittedCurves(_ rows: PersonPeriods, hazard: [Double], _ data: AdoptionFitData) -> [FittedCurve] {
        let width = data.window.count, groupCount = data.groups == nil ? 0 : data.groupNames.count
        var observed = [Int](repeating: 0, count: (groupCount + 1) * width)
        var expected = [Double](repeating: 0, count: (groupCount + 1) * width)
        var nodes = [Int](repeating: 0, count: groupCount + 1)
        for i in 0..<rows.rowCount {
            let v = Int(rows.node[i]), t = Int(rows.period[i])
            let group = data.groups.map { Int($0[v]) + 1 } ?? 0
            observed[t] += Int(rows.adopts[i])
            expected[t] += hazard[i]
            if t == 0 { nodes[0] += 1 }
            if group > 0 {
                observed[group * width + t] += Int(rows.adopts[i])
                expected[group * width + t] += hazard[i]
                if t == 0 { nodes[group] += 1 }
            }
        }
        return (0...groupCount).compactMap { s in
            guard nodes[s] > 0 else { return nil }
            return FittedCurve(group: s == 0 ? "all" : data.groupNames[s - 1], nodes: nodes[s],
                               observed: Array(observed[(s * width)..<((s + 1) * width)]),
                               expected: Array(expected[(s * width)..<((s + 1) * width)]))
        }
    }

    /// A model's design: row-major `x`, outcome, names, clusters (nodes), notes.
    struct Design {
        var x: [Double] = []
        var k = 0
        var y: [Double] = []
        var names: [String] = []
        var clusters: [Int32] = []
        var clusterCount = 0
        var notes: [String] = []
        /// The person-period row of each design row.
        var source: [Int] = []
    }

    /// Starting values of the contagion fit: the outside columns at the overall adoption hazard.
    static func contagionStart(_ d: Design) -> [Double] {
        let rate = max(1e-6, min(0.5, d.y.reduce(0, +) / Double(max(1, d.y.count))))
        return d.names.map { $0 == "outside" || $0.hasPrefix("outside:") ? -EstimationMath.log1p(-rate) : 0.01 }
    }

    /// Hazard design; drops categories (periods, groups) whose outcome never varies.
    static func hazardDesign(_ rows: PersonPeriods, _ data: AdoptionFitData) throws(EstimationError) -> Design {
        let n = rows.rowCount, relationCount = rows.relations.count
        let periodCount = data.window.count
        let groupCount = data.groupNames.count
        var keep = [Bool](repeating: true, count: n)
        var notes: [String] = []
        var droppedPeriod = [Bool](repeating: false, count: periodCount)
        var droppedGroup = [Bool](repeating: false, count: groupCount)
        while true {
            var pn = [Int](repeating: 0, count: periodCount), pe = pn
            var gn = [Int](repeating: 0, count: groupCount), ge = gn
            for i in 0..<n where keep[i] {
                let t = Int(rows.period[i]), e = Int(rows.adopts[i])
                pn[t] += 1; pe[t] += e
                if let g = data.groups?[Int(rows.node[i])] { gn[Int(g)] += 1; ge[Int(g)] += e }
            }
            var changed = false
            for t in 0..<periodCount where pn[t] > 0 && (pe[t] == 0 || pe[t] == pn[t]) {
                droppedPeriod[t] = true; changed = true
                notes.append("period \(data.window.lowerBound + t): \(pe[t] == 0 ? "no one" : "everyone") of the \(pn[t]) at risk adopted, so its dummy is \(pe[t] == 0 ? "−∞" : "+∞"); its rows are left out (the other estimates are that limit, exactly)")
            }
            for g in 0..<groupCount where gn[g] > 0 && (ge[g] == 0 || ge[g] == gn[g]) {
                droppedGroup[g] = true; changed = true
                notes.append("\(data.groupLabel) \(data.groupNames[g]): \(ge[g] == 0 ? "no one" : "everyone") of its \(gn[g]) person-periods adopted, so its fixed effect is \(ge[g] == 0 ? "−∞" : "+∞"); its rows are left out")
            }
            if !changed { break }
            for i in 0..<n where keep[i] {
                if droppedPeriod[Int(rows.period[i])] { keep[i] = false }
                if let g = data.groups?[Int(rows.node[i])], droppedGroup[Int(g)] { keep[i] = false }
            }
        }
        var periodPresent = [Bool](repeating: false, count: periodCount)
        var groupPresent = [Bool](repeating: false, count: groupCount)
        var events = 0, kept = 0
        for i in 0..<n where keep[i] {
            periodPresent[Int(rows.period[i])] = true
            if let g = data.groups?[Int(rows.node[i])] { groupPresent[Int(g)] = true }
            events += Int(rows.adopts[i]); kept += 1
        }
        guard kept > 0, events > 0, events < kept else { throw .constantOutcome(events: rows.events, rows: n) }
        // Columns: intercept, exposures, periods (but the first present), covariates, groups (but the first present).
        var names = ["intercept"] + rows.relations.map { "exposure:\($0.rawValue)" }
        var periodColumn = [Int](repeating: -1, count: periodCount)
        var firstPeriod = true
        for t in 0..<periodCount where periodPresent[t] {
            if firstPeriod { firstPeriod = false; continue }
            periodColumn[t] = names.count
            names.append("period:\(data.window.lowerBound + t)")
        }
        let covariateStart = names.count
        names += data.covariateNames
        var groupColumn = [Int](repeating: -1, count: groupCount)
        var firstGroup = true
        for g in 0..<groupCount where groupPresent[g] {
            if firstGroup { firstGroup = false; continue }
            groupColumn[g] = names.count
            names.append("\(data.groupLabel):\(data.groupNames[g])")
        }
        let k = names.count
        var d = Design()
        d.k = k; d.names = names; d.notes = notes
        d.x.reserveCapacity(kept * k); d.y.reserveCapacity(kept); d.clusters.reserveCapacity(kept)
        var clusterOf = [Int32](repeating: -1, count: data.channels.nodeCount)
        var row = [Double](repeating: 0, count: k)
        for i in 0..<n where keep[i] {
            let v = Int(rows.node[i])
            for j in 0..<k { row[j] = 0 }
            row[0] = 1
            for r in 0..<relationCount { row[1 + r] = rows.shares[i * relationCount + r] }
            let pc = periodColumn[Int(rows.period[i])]
            if pc >= 0 { row[pc] = 1 }
            for c in 0..<data.covariates.count { row[covariateStart + c] = data.covariates[c][v] }
            if let g = data.groups?[v], groupColumn[Int(g)] >= 0 { row[groupColumn[Int(g)]] = 1 }
            d.x.append(contentsOf: row)
            d.y.append(rows.adopts[i])
            d.source.append(i)
            if clusterOf[v] < 0 { clusterOf[v] = Int32(d.clusterCount); d.clusterCount += 1 }
            d.clusters.append(clusterOf[v])
        }
        return d
    }

    /// Contagion design: outside column(s), then each relation's count of earlier-adopting alters.
    static func contagionDesign(_ rows: PersonPeriods, _ data: AdoptionFitData) throws(EstimationError) -> Design {
        let n = rows.rowCount, relationCount = rows.relations.count
        var d = Design()
        var outsideColumn: [Int] = []
        if let groups = data.groups {
            var present = [Bool](repeating: false, count: data.groupNames.count)
            for i in 0..<n { present[Int(groups[Int(rows.node[i])])] = true }
            outsideColumn = [Int](repeating: -1, count: data.groupNames.count)
            for g in data.groupNames.indices where present[g] {
                outsideColumn[g] = d.names.count
                d.names.append("outside:\(data.groupNames[g])")
            }
        } else {
            d.names.append("outside")
        }
        let relationStart = d.names.count
        d.names += rows.relations.map(\.rawValue)
        let k = d.names.count
        d.k = k
        var exposed = [Bool](repeating: false, count: relationCount)
        var clusterOf = [Int32](repeating: -1, count: data.channels.nodeCount)
        d.x = [Double](repeating: 0, count: n * k)
        d.y = rows.adopts
        d.source = Array(0..<n)
        for i in 0..<n {
            let v = Int(rows.node[i])
            if let groups = data.groups { d.x[i * k + outsideColumn[Int(groups[v])]] = 1 } else { d.x[i * k] = 1 }
            for r in 0..<relationCount {
                let a = rows.counts[i * relationCount + r]
                d.x[i * k + relationStart + r] = a
                if a > 0 { exposed[r] = true }
            }
            if clusterOf[v] < 0 { clusterOf[v] = Int32(d.clusterCount); d.clusterCount += 1 }
            d.clusters.append(clusterOf[v])
        }
        let events = rows.events
        guard events > 0 else { throw .constantOutcome(events: 0, rows: n) }
        for r in 0..<relationCount where !exposed[r] { throw .noExposure(relation: rows.relations[r].rawValue) }
        return d
    }

    /// The estimates (log-odds, or θ for contagion) of each permutation, `permutations × k`
    /// row-major, and which permutations gave the same terms and converged.
    static func permutationEstimates(_ data: AdoptionFitData, _ p: AdoptionFitParameters, names: [String],
                                     start: [Double]) -> (values: [Double], ok: [Bool], fitted: Int) {
        let k = names.count, count = p.permutations
        let population = (0..<data.channels.nodeCount).filter { data.channels.inPopulation[$0] }
        var strata: [[Int]] = []
        if let labels = data.groups {
            var byLabel: [Int32: [Int]] = [:]
            for (x, v) in population.enumerated() { byLabel[labels[v], default: []].append(x) }
            strata = byLabel.keys.sorted().map { byLabel[$0]! }
        } else {
            strata = [Array(population.indices)]
        }
        let values = population.map { data.times[$0] }
        var out = [Double](repeating: .nan, count: count * k)
        var ok = [Bool](repeating: false, count: count)
        let workers = Parallel.workers(p.threads, work: count)
        out.withUnsafeMutableBufferPointer { ob in
            ok.withUnsafeMutableBufferPointer { kb in
                let o = SharedPointer(ob.baseAddress!), good = SharedPointer(kb.baseAddress!)
                Parallel.forEachChunk(count: count, chunk: 4, workers: workers) { _, range in
                    var shuffled = values
                    var times = data.times
                    for s in range {
                        var rng = SplitMix64(seed: p.seed, stream: UInt64(s))
                        shuffleWithinStrata(values, into: &shuffled, strata: strata, rng: &rng)
                        for (x, v) in population.enumerated() { times[v] = shuffled[x] }
                        guard let est = try? pointEstimates(data, p, times: times, names: names, start: start) else { continue }
                        for j in 0..<k { o[s * k + j] = est[j] }
                        good[s] = true
                    }
                }
            }
        }
        return (out, ok, ok.reduce(0) { $0 + ($1 ? 1 : 0) })
    }

    /// Point estimates for other adoption times (nil when the terms differ from `names`).
    static func pointEstimates(_ data: AdoptionFitData, _ p: AdoptionFitParameters, times: [Int], names: [String],
                               start: [Double]) throws(EstimationError) -> [Double]? {
        let rows = data.channels.personPeriods(times: times, window: data.window)
        switch p.model {
        case .hazard:
            let d = try hazardDesign(rows, data)
            guard d.names == names else { return nil }
            // No aliasing check: a permuted design that is singular fails in Newton's step and is
            // counted among the failures.
            return try LogisticRegression.fit(x: d.x, columns: d.k, y: d.y, names: d.names, start: start, covariance: false,
                                              checkAliasing: false).coefficients
        case .contagion:
            let d = try contagionDesign(rows, data)
            guard d.names == names else { return nil }
            var theta = start
            let m = ContagionLikelihood(x: d.x, k: d.k, y: d.y).maximize(&theta)
            return m.converged ? theta : nil
        case .practice:
            return nil
        }
    }
}
