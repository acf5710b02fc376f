import GraphCore

/// Parameters of ``PracticeFit``: the defaults live in the initializer, ``validate()`` holds the
/// range checks.
public struct PracticeFitParameters: Sendable, Hashable {
    /// The relations whose per-step transmission probabilities are estimated (at least one).
    public var relations: [Relation]
    /// Which way each relation transmits (``TransmissionChannels/bothWays``,
    /// ``TransmissionChannels/reversed``, edge weights); the strengths are replaced by the
    /// candidate probabilities.
    public var channels: TransmissionChannels
    /// The practice model's parameters. All are fixed at these values, but `forgetting` when
    /// ``estimateForgetting`` (then it is only recorded as given).
    public var practice: PracticeParameters
    /// Estimate δ (forgetting) with the probabilities; false: fix it at `practice.forgetting`.
    public var estimateForgetting: Bool
    /// Simulated runs per candidate; every candidate uses the same runs' generators (common
    /// random numbers), so the objective changes smoothly with the parameters.
    public var runs: Int
    /// Parametric bootstrap replicates for the intervals (0: no intervals).
    public var bootstrap: Int
    /// Run `r` of every candidate draws from `SplitMix64(seed: seed, stream: r)`; bootstrap
    /// dataset `b` from a seed derived from `(seed, b)`.
    public var seed: UInt64
    /// Workers (nil: every core); the result is the same for any value.
    public var threads: Int?
    /// Objective evaluations allowed per Nelder–Mead search.
    public var maxEvaluations: Int

    public init(relations: [Relation], channels: TransmissionChannels = TransmissionChannels(strength: [:]),
                practice: PracticeParameters = PracticeParameters(), estimateForgetting: Bool = true, runs: Int = 200,
                bootstrap: Int = 100, seed: UInt64 = 1, threads: Int? = nil, maxEvaluations: Int = 400) {
        self.relations = relations; self.channels = channels; self.practice = practice
        self.estimateForgetting = estimateForgetting; self.runs = runs; self.bootstrap = bootstrap; self.seed = seed
        self.threads = threads; self.maxEvaluations = maxEvaluations
    }

    /// Throws ``EstimationError/invalidParameter(_:)`` naming the first value out of range.
    /// - Complexity: O(relations).
    public func validate() throws(EstimationError) {
        if relations.isEmpty { throw .invalidParameter("give at least one relation") }
        if Set(relations).count != relations.count { throw .invalidParameter("a relation is named twice") }
        guard (10...1_000_000).contains(runs) else { throw .invalidParameter("runs must be in 10…1000000 for a fit by simulation, found \(runs)") }
        guard (0...100_000).contains(bootstrap) else { throw .invalidParameter("bootstrap must be in 0…100000, found \(bootstrap)") }
        if bootstrap > 0 && bootstrap < 10 { throw .invalidParameter("bootstrap must be 0 (no intervals) or at least 10 for percentile intervals, found \(bootstrap)") }
        guard (20...1_000_000).contains(maxEvaluations) else { throw .invalidParameter("max evaluations must be in 20…1000000") }
        if let t = threads, t <= 0 { throw .invalidParameter("threads must be positive") }
        do { try practice.validate() } catch { throw .invalidParameter(String(error.description.dropFirst(2))) }
    }
}

/// A practice model calibrated to observed adoption.
public struct PracticeFitResult: Sendable {
    public let parameters: PracticeFitParameters
    public let window: ClosedRange<Int>
    /// One per relation (`<relation>`: per-step transmission probability), then `forgetting` (δ)
    /// when estimated. `standardError` is the bootstrap standard deviation; the interval is the
    /// bootstrap's 2.5 and 97.5 percentiles (NaN without bootstrap); no p-value (NaN).
    public let terms: [FittedTerm]
    /// The minimized objective: the simulated composite negative log-likelihood (see ``PracticeFit``).
    public let objective: Double
    public let evaluations: Int
    /// Whether Nelder–Mead stopped on its tolerance (false: on the evaluation limit).
    public let converged: Bool
    /// First-period adopters: the initial holders of every simulated run.
    public let seeds: Int
    /// Population nodes that are not seeds, adopters among them, and adopters no tie path from a
    /// seed reaches (the model, without outside influence, cannot produce them).
    public let nodes: Int
    public let adopters: Int
    public let unreachableAdopters: Int
    /// Bootstrap replicates refitted (all of them unless one could not be simulated).
    public let bootstrapFitted: Int
    /// Whether δ's bootstrap interval is too wide to say anything (see ``PracticeFit``).
    public let forgettingIdentified: Bool?
    public let notes: [String]
    /// Per relation (in the parameters' order), ties to nodes without adoption data.
    public let tiesOutsidePopulation: [Int]
    /// Observed adoptions per period against those the fitted model's simulations give (the
    /// mean over the runs), everyone then each group; the first period holds the seeds.
    public let curves: [FittedCurve]
}

/// Calibrates the practice model (``PracticeParameters``) to observed adoption by simulation:
/// simulated (composite) maximum likelihood (Lerman and Manski 1981; Gouriéroux and Monfort 1996)
/// with common random numbers, Nelder–Mead on the logit scale, and percentile intervals from a parametric bootstrap.
///
/// **The simulated process.** One step is one period of the adoption data. The population nodes
/// that adopted in the window's first period are the initial holders; the practice travels along
/// the chosen relations' ties between population nodes (ties to nodes without adoption data are
/// left out and counted), with probability `p_r` per step along relation `r` (several relations
/// between a pair combine as independent channels), and holders forget at δ, with the engine and
/// the draws of `diffuse --model practice`. The model's other parameters stay at the values
/// given. The model has no outside influence: adopters that no tie path from a first-period
/// adopter reaches cannot be produced, and a note counts them.
///
/// **Objective.** A simulated composite likelihood of who first adopts when:
/// `−ℓ(θ) = −Σ_v log((R·P̂_v(o_v) + 1/(H + 1)) / (R + 1))` over the population nodes that are not
/// initial holders, `o_v` the step of `v`'s first adoption (1…H) or "never", `P̂_v(o)` the share
/// of the `R = runs` simulated runs in which `v` first adopts at step `o` (smoothed so that no
/// outcome has probability 0). Run `r` of every candidate draws from the same generator (common
/// random numbers), so that `ℓ` varies with θ through the model and not through new noise.
/// Node-level, not the aggregate adoption curve: matching curves (overall or per group, which
/// was tried first) cannot tell relations apart when their ties are alike in number, and
/// recovered neither probability on simulated data; who adopts early, and through which ties
/// they are exposed, can. `--by` groups only split the reported curves.
///
/// **Search.** Nelder–Mead (Nelder and Mead 1965) on `logit p_r` (and `logit δ`), started at
/// p = 0.05 and δ = 0.05, restarted once from its best point; logits are kept in [−12, 12].
///
/// **Intervals.** Parametric bootstrap: `bootstrap` datasets are simulated from the estimate
/// (one run each, seed derived from `(seed, b)`), refitted from the estimate with the same
/// common random numbers, and the 2.5 and 97.5 percentiles of the refits make the interval (their
/// standard deviation the standard error); each refit is one Nelder–Mead search from the estimate
/// (step ½ on the logit scale). A bootstrap rather than a profile: a composite, simulated
/// likelihood does not have the χ² calibration a profile interval needs.
///
/// **δ and identification.** Adoption data record first adoptions only. δ shows in them only
/// through holders that stop passing the practice on, which lower probabilities mimic. δ counts
/// as identified when fixing it 0.3 away from the estimate (the probabilities refitted) worsens
/// `−ℓ` by more than 1.92 (half the χ²₁ 95% point; a heuristic, the likelihood being composite)
/// and, with a bootstrap, its interval is at most 0.5 wide; otherwise the result says that δ is
/// not identified (``PracticeFitResult/forgettingIdentified`` false, a note on the term): fix it
/// with `estimateForgetting = false` instead of reading the number. Even when identified the term
/// carries a caution: on 100 simulated nodes with δ = 0.2 the joint estimate was 0.06.
///
/// Each candidate and each bootstrap replicate is a deterministic function of the seed; bootstrap
/// replicates run in parallel, so the result is the same for any number of threads.
///
/// Written by hand: no Swift package does simulation-based estimation.
/// - Complexity: O(evaluations · runs · H · arcs of holders) for the fit, times (1 + bootstrap).
public enum PracticeFit {
    /// Fits the practice model to `data`'s adoption times on `network` (the relations, groups
    /// and window of `data`; its channels' influence direction is not used: `parameters.channels`
    /// says which way each relation transmits).
    /// - Parameter frame: the organizations (nil: none; the model is then SIS with recovery δ).
    public static func fit(_ network: Network, data: AdoptionFitData, frame: OrganizationFrame? = nil,
                           _ parameters: PracticeFitParameters) throws(EstimationError) -> PracticeFitResult {
        try parameters.validate()
        let problem = try Problem(network, data: data, frame: frame, parameters)
        return problem.solve()
    }

    /// Logit bounds of the search.
    static let bound = 12.0

    static func logistic(_ z: Double) -> Double { 1 / (1 + EstimationMath.exp(-min(bound, max(-bound, z)))) }
    static func logit(_ p: Double) -> Double { min(bound, max(-bound, EstimationMath.log(p / (1 - p)))) }

    /// A fit's fixed material: the population graph, seeds, cells and observed counts.
    struct Problem {
        let network: Network
        var parameters: PracticeFitParameters
        let population: [Bool]
        let seeds: [Int32]
        let window: ClosedRange<Int>
        let horizon: Int
        /// Cell of each node for the objective (-1: not counted): 0 without groups, else its group.
        let cell: [Int32]
        let cellCount: Int
        let groups: [Int32]?
        let groupNames: [String]
        let frame: OrganizationFrame?
        let observed: [Double]
        let times: [Int]
        let tiesOutsidePopulation: [Int]
        var k: Int { parameters.relations.count + (parameters.estimateForgetting ? 1 : 0) }

        init(_ network: Network, data: AdoptionFitData, frame: OrganizationFrame?, _ p: PracticeFitParameters) throws(EstimationError) {
            for r in p.relations where network.layer(r) == nil {
                throw .unknownRelation(r.rawValue, available: network.relations.map(\.rawValue))
            }
            self.network = network
            parameters = p
            let population = data.channels.inPopulation, window = data.window
            self.population = population
            self.window = window
            horizon = window.upperBound - window.lowerBound
            guard horizon >= 1 else { throw .invalidParameter("the adoption data span one period: nothing to fit (the first period's adopters are the initial holders)") }
            times = data.times
            let seeds = (0..<network.nodeCount).filter { population[$0] && data.times[$0] == window.lowerBound }.map { Int32($0) }
            self.seeds = seeds
            guard !seeds.isEmpty else { throw .invalidParameter("nobody adopted in the first period \(window.lowerBound): no initial holder") }
            groups = data.groups
            groupNames = data.groupNames
            cellCount = data.groups == nil ? 1 : data.groupNames.count
            let cell: [Int32] = (0..<network.nodeCount).map { v in
                guard population[v], data.times[v] != window.lowerBound else { return -1 }
                if data.times[v] != AdoptionTimes.never && data.times[v] < window.lowerBound { return -1 }
                return data.groups.map { $0[v] } ?? 0
            }
            self.cell = cell
            self.frame = frame
            tiesOutsidePopulation = data.channels.tiesOutsidePopulation
            observed = Problem.counts(data.times, cell: cell, cells: cellCount, window: window)
            if observed.reduce(0, +) == 0 { throw .constantOutcome(events: 0, rows: cell.filter { $0 >= 0 }.count) }
        }

        /// First adoptions per cell and step 1…H (cell-major).
        static func counts(_ times: [Int], cell: [Int32], cells: Int, window: ClosedRange<Int>) -> [Double] {
            let h = window.upperBound - window.lowerBound
            var out = [Double](repeating: 0, count: cells * h)
            for v in times.indices where cell[v] >= 0 {
                let t = times[v]
                guard t != AdoptionTimes.never, t > window.lowerBound, t <= window.upperBound else { continue }
                out[Int(cell[v]) * h + (t - window.lowerBound - 1)] += 1
            }
            return out
        }

        /// The probabilities and δ of logits `z`.
        func values(_ z: [Double]) -> (p: [Double], delta: Double) {
            let r = parameters.relations.count
            let p = (0..<r).map { PracticeFit.logistic(z[$0]) }
            return (p, parameters.estimateForgetting ? PracticeFit.logistic(z[r]) : parameters.practice.forgetting)
        }

        /// The engine's result for probabilities `p` and forgetting `delta`.
        func simulate(p: [Double], delta: Double, runs: Int, seed: UInt64, threads: Int?) -> DiffusionResult {
            var tc = parameters.channels
            tc.strength = Dictionary(uniqueKeysWithValues: zip(parameters.relations, p))
            let g = network.diffusionGraph(tc, among: population)
            var x = parameters.practice
            x.forgetting = delta
            var dp = DiffusionParameters(model: .practice(x), seeds: seeds, runs: runs, horizon: horizon, seed: seed,
                                         threads: threads, frame: frame)
            dp.recordNodeSteps = true
            dp.eligible = population
            return Diffusion.simulate(g, dp)
        }

        /// Mean first adoptions per node cell and step (cell-major), from a result; `cells`
        /// and `cellOf` choose the aggregation.
        func expected(_ r: DiffusionResult, cellOf: [Int32], cells: Int) -> [Double] {
            var out = [Double](repeating: 0, count: cells * horizon)
            guard let f = r.nodeAdoptionByStep else { return out }
            for v in 0..<network.nodeCount where cellOf[v] >= 0 {
                let row = f[v], base = Int(cellOf[v]) * horizon
                for s in 1...horizon { out[base + s - 1] += row[s] - row[s - 1] }
            }
            return out
        }

        /// Each counted node's outcome: the step of its first adoption (1…H), H + 1 for never,
        /// −1 for nodes not counted (seeds, nodes outside the population).
        func outcomes(_ times: [Int]) -> [Int32] {
            (0..<times.count).map { v in
                guard cell[v] >= 0 else { return -1 }
                let t = times[v]
                return t == AdoptionTimes.never || t > window.upperBound ? Int32(horizon + 1) : Int32(t - window.lowerBound)
            }
        }

        /// The simulated composite negative log-likelihood at logits `z` of outcomes `target`:
        /// −Σ_v log((R·P̂_v(o_v) + 1/(H + 1)) / (R + 1)), P̂_v(o) the share of the runs in which
        /// `v` first adopts at step `o` (or never).
        func objective(_ z: [Double], target: [Int32], threads: Int?) -> Double {
            let v = values(z)
            let r = simulate(p: v.p, delta: v.delta, runs: parameters.runs, seed: parameters.seed, threads: threads)
            guard let f = r.nodeAdoptionByStep else { return .infinity }
            let runs = Double(parameters.runs), floor = 1 / Double(horizon + 1)
            var nll = 0.0
            for u in 0..<target.count where target[u] >= 0 {
                let o = Int(target[u]), row = f[u]
                let share = o > horizon ? 1 - row[horizon] : row[o] - row[o - 1]
                nll -= EstimationMath.log((share * runs + floor) / (runs + 1))
            }
            return nll
        }

        /// Nelder–Mead from `start`, restarted once from its best point.
        func search(target: [Int32], start: [Double], threads: Int?) -> NelderMead.Outcome {
            let f: ([Double]) -> Double = { objective($0, target: target, threads: threads) }
            let first = NelderMead.minimize(f, start: start, step: 1, maxEvaluations: parameters.maxEvaluations)
            let second = NelderMead.minimize(f, start: first.x, step: 0.5, maxEvaluations: parameters.maxEvaluations)
            let best = second.value <= first.value ? second : first
            return NelderMead.Outcome(x: best.x, value: best.value, evaluations: first.evaluations + second.evaluations,
                                      converged: first.converged && second.converged)
        }

        /// Adopters (not seeds) that no path from a seed reaches along the channels.
        func unreachable() -> Int {
            var tc = parameters.channels
            tc.strength = Dictionary(uniqueKeysWithValues: parameters.relations.map { ($0, 0.5) })
            let g = network.diffusionGraph(tc, among: population)
            var seen = [Bool](repeating: false, count: network.nodeCount)
            var queue = seeds.map(Int.init)
            for s in queue { seen[s] = true }
            var head = 0
            while head < queue.count {
                let u = queue[head]; head += 1
                for a in g.offsets[u]..<g.offsets[u + 1] where !seen[Int(g.targets[a])] {
                    seen[Int(g.targets[a])] = true
                    queue.append(Int(g.targets[a]))
                }
            }
            return (0..<network.nodeCount).filter { cell[$0] >= 0 && times[$0] != AdoptionTimes.never && !seen[$0] }.count
        }

        /// Adoption times of one simulated dataset from a one-run result (seeds keep the first period).
        func simulatedTimes(_ r: DiffusionResult) -> [Int] {
            var out = times
            guard let f = r.nodeAdoptionByStep else { return out }
            for v in 0..<network.nodeCount where cell[v] >= 0 {
                out[v] = AdoptionTimes.never
                for s in 1...horizon where f[v][s] > 0.5 { out[v] = window.lowerBound + s; break }
            }
            return out
        }

        func solve() -> PracticeFitResult {
            let p = parameters
            let r = p.relations.count
            var start = [Double](repeating: PracticeFit.logit(0.05), count: r)
            if p.estimateForgetting { start.append(PracticeFit.logit(0.05)) }
            let best = search(target: outcomes(times), start: start, threads: p.threads)
            let estimate = values(best.x)
            var notes: [String] = []
            if !best.converged { notes.append("Nelder–Mead stopped at its limit of \(p.maxEvaluations) evaluations per search before its tolerance") }
            // Bootstrap: replicate b simulates one dataset from the estimate, then refits it.
            var replicates = [Double](repeating: .nan, count: p.bootstrap * k)
            if p.bootstrap > 0 {
                let workers = Parallel.workers(p.threads, work: p.bootstrap)
                replicates.withUnsafeMutableBufferPointer { buffer in
                    let out = SharedPointer(buffer.baseAddress!)
                    Parallel.forEachChunk(count: p.bootstrap, chunk: 1, workers: workers) { _, range in
                        for b in range {
                            var mix = SplitMix64(seed: p.seed, stream: 0x424F_4F54_0000_0000 &+ UInt64(b))  // "BOOT"
                            let one = simulate(p: estimate.p, delta: estimate.delta, runs: 1, seed: mix.next(), threads: 1)
                            let target = outcomes(simulatedTimes(one))
                            let refit = NelderMead.minimize({ objective($0, target: target, threads: 1) }, start: best.x, step: 0.5,
                                                            maxEvaluations: p.maxEvaluations)
                            let v = values(refit.x)
                            for j in 0..<r { out[b * k + j] = v.p[j] }
                            if p.estimateForgetting { out[b * k + r] = v.delta }
                        }
                    }
                }
            }
            // Identification of δ: the profile at a distant δ (0.3 away, inside [0, 1]), the
            // probabilities refitted, must be worse by more than 1.92 (half χ²₁'s 95% point).
            var identified: Bool? = nil
            var profileRise = Double.nan, profileAt = Double.nan
            if p.estimateForgetting {
                var fixed = self
                profileAt = estimate.delta < 0.5 ? min(1, estimate.delta + 0.3) : max(0, estimate.delta - 0.3)
                fixed.parameters.estimateForgetting = false
                fixed.parameters.practice.forgetting = profileAt
                let refit = fixed.search(target: outcomes(times), start: Array(best.x.prefix(r)), threads: p.threads)
                profileRise = refit.value - best.value
                identified = profileRise > 1.92
            }
            var terms: [FittedTerm] = []
            let names = p.relations.map(\.rawValue) + (p.estimateForgetting ? ["forgetting"] : [])
            let point = estimate.p + (p.estimateForgetting ? [estimate.delta] : [])
            for j in 0..<k {
                var note: String? = nil
                var low = Double.nan, high = Double.nan, se: Double? = nil
                if p.bootstrap > 0 {
                    let sample = (0..<p.bootstrap).map { replicates[$0 * k + j] }.sorted()
                    low = PracticeFit.quantile(sample, 0.025)
                    high = PracticeFit.quantile(sample, 0.975)
                    let mean = sample.reduce(0, +) / Double(sample.count)
                    se = (sample.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(max(1, sample.count - 1))).squareRoot()
                } else {
                    note = "no interval (bootstrap 0)"
                }
                if names[j] == "forgetting" {
                    if p.bootstrap > 0 && high - low > 0.5 { identified = false }
                    let change = profileRise < 0
                        ? "better by \(PracticeFit.short(-profileRise)), so the joint search stopped on a flat stretch"
                        : "worse by only \(PracticeFit.short(profileRise))"
                    note = identified == false
                        ? "not identified: fixed at \(PracticeFit.short(profileAt)) the fit is \(change)\(p.bootstrap > 0 ? " (bootstrap interval \(PracticeFit.short(low))–\(PracticeFit.short(high)))" : ""); first adoptions say little about forgetting; fix it (--forgetting) instead of reading this number"
                        : "weakly identified: first adoptions show forgetting only through holders who stop passing it on, which lower probabilities mimic; compare fits with --forgetting fixed"
                }
                terms.append(FittedTerm(term: names[j], estimate: point[j], standardError: se, robustStandardError: nil,
                                        ciLow: low, ciHigh: high, pValue: .nan, note: note))
            }
            if identified == false {
                notes.append("forgetting is not identified by these adoption data (see its term): the probabilities are estimated jointly with it; fix it with --forgetting to calibrate them alone")
            }
            let lost = unreachable()
            if lost > 0 {
                notes.append("\(lost) adopter\(lost == 1 ? "" : "s") cannot be reached from the first-period adopters through the chosen relations; the practice model has no outside influence, so it cannot produce them, and the probabilities are pulled up to compensate")
            }
            // Curves: everyone, then each group; the first period holds the seeds.
            let final = simulate(p: estimate.p, delta: estimate.delta, runs: p.runs, seed: p.seed, threads: p.threads)
            var curves: [FittedCurve] = []
            let everyone = cell.map { $0 >= 0 ? Int32(0) : -1 }
            var isSeed = [Bool](repeating: false, count: network.nodeCount)
            for s in seeds { isSeed[Int(s)] = true }
            let cellSets: [(String, [Int32], Int)] = [("all", everyone, 1)] + (groups == nil ? [] : [("groups", cell, cellCount)])
            for (label, cellOf, cells) in cellSets {
                let e = expected(final, cellOf: cellOf, cells: cells)
                let o = Problem.counts(times, cell: cellOf, cells: cells, window: window)
                for c in 0..<cells {
                    var seedCount = 0, nodes = 0
                    for v in 0..<network.nodeCount where population[v] {
                        let inCell = label == "all" || groups.map { $0[v] == Int32(c) } ?? false
                        guard inCell else { continue }
                        if isSeed[v] { seedCount += 1; nodes += 1 } else if cellOf[v] >= 0 { nodes += 1 }
                    }
                    guard nodes > 0 else { continue }
                    curves.append(FittedCurve(group: label == "all" ? "all" : groupNames[c], nodes: nodes,
                                              observed: [seedCount] + (0..<horizon).map { Int(o[c * horizon + $0]) },
                                              expected: [Double(seedCount)] + (0..<horizon).map { e[c * horizon + $0] }))
                }
            }
            let counted = cell.filter { $0 >= 0 }.count
            let adopters = (0..<network.nodeCount).filter { cell[$0] >= 0 && times[$0] != AdoptionTimes.never }.count
            return PracticeFitResult(parameters: p, window: window, terms: terms, objective: best.value,
                                     evaluations: best.evaluations, converged: best.converged, seeds: seeds.count,
                                     nodes: counted, adopters: adopters, unreachableAdopters: lost,
                                     bootstrapFitted: p.bootstrap, forgettingIdentified: identified, notes: notes,
                                     tiesOutsidePopulation: tiesOutsidePopulation, curves: curves)
        }
    }

    /// The `q` quantile of sorted values, linear between order statistics (R's type 7).
    static func quantile(_ sorted: [Double], _ q: Double) -> Double {
        guard !sorted.isEmpty else { return .nan }
        let h = Double(sorted.count - 1) * q
        let lo = Int(h.rounded(.down)), hi = min(sorted.count - 1, lo + 1)
        return sorted[lo] + (h - Double(lo)) * (sorted[hi] - sorted[lo])
    }

    static func short(_ x: Double) -> String {
        let scaled = (x * 1000).rounded() / 1000
        return "\(scaled)"
    }
}

/// The Nelder–Mead simplex search (Nelder and Mead 1965), with the standard coefficients
/// (reflection 1, expansion 2, contraction ½, shrink ½). Written by hand: a dozen lines, and no
/// Swift package offers a derivative-free minimizer.
enum NelderMead {
    struct Outcome {
        let x: [Double]
        let value: Double
        let evaluations: Int
        let converged: Bool
    }

    /// Minimizes `f` from `start`, the initial simplex `start + step · e_i`; stops when the
    /// simplex is smaller than 1e-3 (largest coordinate distance to the best vertex) or its values
    /// agree to 1e-10 relative, or after `maxEvaluations`.
    /// - Complexity: O(evaluations · d) beyond the evaluations.
    static func minimize(_ f: ([Double]) -> Double, start: [Double], step: Double, maxEvaluations: Int) -> Outcome {
        let d = start.count
        var points = [start] + (0..<d).map { i in var x = start; x[i] += step; return x }
        var values = points.map(f)
        var evaluations = d + 1
        var converged = false
        while evaluations < maxEvaluations {
            let order = values.indices.sorted { values[$0] < values[$1] || (values[$0] == values[$1] && $0 < $1) }
            points = order.map { points[$0] }; values = order.map { values[$0] }
            var size = 0.0
            for i in 1...d { for j in 0..<d { size = max(size, abs(points[i][j] - points[0][j])) } }
            if size < 1e-3 || values[d] - values[0] <= 1e-10 * (abs(values[0]) + 1e-10) { converged = true; break }
            var centroid = [Double](repeating: 0, count: d)
            for i in 0..<d { for j in 0..<d { centroid[j] += points[i][j] / Double(d) } }
            func along(_ t: Double) -> [Double] { (0..<d).map { centroid[$0] + t * (points[d][$0] - centroid[$0]) } }
            let reflected = along(-1), fr = f(reflected)
            evaluations += 1
            if fr < values[0] {
                let expanded = along(-2), fe = f(expanded)
                evaluations += 1
                if fe < fr { points[d] = expanded; values[d] = fe } else { points[d] = reflected; values[d] = fr }
            } else if fr < values[d - 1] {
                points[d] = reflected; values[d] = fr
            } else {
                let contracted = fr < values[d] ? along(-0.5) : along(0.5)
                let fc = f(contracted)
                evaluations += 1
                if fc < min(fr, values[d]) {
                    points[d] = contracted; values[d] = fc
                } else {
                    for i in 1...d {
                        points[i] = (0..<d).map { points[0][$0] + 0.5 * (points[i][$0] - points[0][$0]) }
                        values[i] = f(points[i])
                    }
                    evaluations += d
                }
            }
        }
        let bestIndex = values.indices.min { values[$0] < values[$1] || (values[$0] == values[$1] && $0 < $1) }!
        return Outcome(x: points[bestIndex], value: values[bestIndex], evaluations: evaluations, converged: converged)
    }
}
