import GraphCore

/// Influence maximization by reverse-influence sampling, IMM (Tang, Shi and Xiao 2015,
/// "Influence maximization in near-linear time: a martingale approach", SIGMOD), for large graphs
/// under independent cascade and linear threshold (uniform random thresholds).
///
/// ```swift
/// let d = DiffusionGraph(g, probability: .uniform(0.05))
/// let r = try IMM(budget: 10, epsilon: 0.1).run(d, model: .independentCascade)
/// r.seeds              // 10 nodes, greedy order
/// r.estimatedSpread    // σ(seeds), estimated from r.rrSets RR sets
/// ```
///
/// The expected spread is `σ(S) = n · P(a random RR set meets S)`, so choosing `k` nodes that cover
/// the most of `θ` RR sets (greedy max coverage) is a (1 − 1/e − ε) approximation of the best `k`
/// nodes with probability at least 1 − n^−ℓ once `θ ≥ λ*/OPT` (their Theorem 1), with
///
///     λ* = 2n · ((1 − 1/e)·α + β)² · ε⁻²,  α = √(ℓ ln n + ln 2),
///     β = √((1 − 1/e) · (ln C(n, k) + ℓ ln n + ln 2)).
///
/// OPT is unknown; the sampling phase (their Algorithm 2) finds a lower bound LB: for
/// `i = 1, 2, …, log₂ n − 1`, with `x = n / 2^i` and ε' = √2·ε, it draws up to
/// `θᵢ = λ'/x` sets, `λ' = (2 + 2ε'/3) · (ln C(n, k) + ℓ ln n + ln log₂ n) · n / ε'²`, and stops
/// at the first `i` whose greedy cover has `n · F ≥ (1 + ε') · x`, setting `LB = n · F / (1 + ε')`
/// (LB = 1 if none). Then `θ = λ*/LB`. ℓ is raised to `ℓ · (1 + ln 2 / ln n)` so that both
/// phases together fail with probability at most n^−ℓ (their Algorithm 3).
///
/// Two departures, both on the safe side:
/// - The final selection uses `θ` *fresh* RR sets, not those of the sampling phase: W. Chen
///   (2018, "An issue in the martingale analysis of the influence maximization algorithm IMM",
///   arXiv:1808.09363) showed that reusing them breaks the martingale argument, and this is his
///   first workaround.
/// - `C(n, k)` becomes `C(c, k)` over the `c` candidates: the union bound runs over the sets the
///   selection can return.
///
/// With fixed seeds `C` (the collective already holds the invention) the function maximized is the
/// gain `σ(C ∪ S) − σ(C)`, a coverage function of the RR sets that miss `C`; the analysis is
/// unchanged when OPT of that gain is at least 1 (then LB ≥ 1 stays a lower bound).
///
/// RR set `i` draws from `SplitMix64(seed: seed, stream: i)` (the final sets from stream
/// 2⁴⁰ + i), so the result is the same for any number of threads. Sets are flat `Int32` arrays with
/// offsets.
public struct IMM: Sendable {
    /// The diffusion models IMM supports (triggering models with a live-edge form).
    public enum Model: String, Sendable, Hashable, CaseIterable {
        case independentCascade = "ic"
        case linearThreshold = "lt"
    }

    /// Nodes to choose.
    public var budget: Int
    /// Approximation slack ε in (0, 1).
    public var epsilon: Double
    /// Confidence exponent ℓ > 0: the guarantee holds with probability 1 − n^−ℓ.
    public var ell: Double
    public var seed: UInt64
    /// Workers (nil: every core); the result is the same for any value.
    public var threads: Int?
    /// Nodes that already hold the invention (the collective).
    public var fixedSeeds: [Int32]
    /// Nodes that may be chosen (nil: every node not in `fixedSeeds`).
    public var candidates: [Int32]?
    /// The most RR sets one phase may draw (memory guard).
    public var maxRRSets: Int

    public init(budget: Int, epsilon: Double = 0.1, ell: Double = 1, seed: UInt64 = 1, threads: Int? = nil,
                fixedSeeds: [Int32] = [], candidates: [Int32]? = nil, maxRRSets: Int = Int(Int32.max)) {
        self.budget = budget; self.epsilon = epsilon; self.ell = ell; self.seed = seed; self.threads = threads
        self.fixedSeeds = fixedSeeds; self.candidates = candidates; self.maxRRSets = maxRRSets
    }

    /// What IMM chose, its estimates and its sample sizes.
    public struct Result: Sendable, Hashable {
        public let model: Model
        /// The chosen nodes in greedy order.
        public let seeds: [Int32]
        /// Each choice's marginal spread: n × (sets it newly covers) / θ.
        public let marginalSpread: [Double]
        /// σ(fixed ∪ seeds) estimated from the final θ sets.
        public let estimatedSpread: Double
        /// σ(fixed) from the same sets (0 without fixed seeds).
        public let estimatedBaseSpread: Double
        public let epsilon: Double
        /// ℓ as given (the guarantee's exponent), and as used in the bounds, ℓ·(1 + ln 2/ln n).
        public let ell: Double
        public let ellUsed: Double
        /// The lower bound of OPT from the sampling phase, and whether the phase found one (else 1).
        public let lowerBound: Double
        public let lowerBoundFound: Bool
        public let lambdaPrime: Double
        public let lambdaStar: Double
        /// θ: RR sets behind the final selection.
        public let rrSets: Int
        /// RR sets drawn by the sampling phase.
        public let samplingRRSets: Int
        /// Candidate nodes stored in the final sets.
        public let rrSetNodes: Int
        /// In-arcs examined over both phases.
        public let edgesExamined: Int
        public let seed: UInt64
        public let threads: Int
        public let nodeCount: Int
        public let candidateCount: Int
    }

    /// ln C(c, k).
    static func logBinomial(_ c: Int, _ k: Int) -> Double {
        guard k > 0, k < c else { return 0 }
        let kk = min(k, c - k)
        var s = 0.0
        for i in 0..<kk { s += DiffusionMath.log(Double(c - i) / Double(i + 1)) }
        return s
    }

    /// Chooses `budget` nodes.
    /// - Throws: ``RelayError`` for parameters out of range or a θ above `maxRRSets`.
    /// - Complexity: O((k + ℓ)(n + m) log n / ε²) expected (their Theorem 3), spread over the
    ///   workers; memory O(θ × mean RR set size) for the flat sets.
    public func run(_ g: DiffusionGraph, model: Model) throws(RelayError) -> Result {
        guard epsilon > 0 && epsilon < 1 else { throw RelayError("IMM: ε must be in (0, 1), not \(epsilon)") }
        guard ell > 0 else { throw RelayError("IMM: ℓ must be positive, not \(ell)") }
        guard budget >= 0 else { throw RelayError("IMM: the budget must be at least 0") }
        let n = g.nodeCount
        var fixed = [Bool](repeating: false, count: n)
        for v in fixedSeeds {
            guard v >= 0 && Int(v) < n else { throw RelayError("IMM: fixed seed \(v) is not a node") }
            fixed[Int(v)] = true
        }
        var isCandidate = [Bool](repeating: false, count: n)
        if let cs = candidates {
            for v in cs {
                guard v >= 0 && Int(v) < n else { throw RelayError("IMM: candidate \(v) is not a node") }
                if !fixed[Int(v)] { isCandidate[Int(v)] = true }
            }
        } else {
            for v in 0..<n where !fixed[v] { isCandidate[v] = true }
        }
        let cand = (0..<n).filter { isCandidate[$0] }.map { Int32($0) }
        let k = min(budget, cand.count)
        let workers = Parallel.workers(threads, work: Int.max)
        let nn = Double(max(n, 2))
        let logn = DiffusionMath.log(nn)
        let ellUsed = ell * (1 + DiffusionMath.log(2) / logn)
        let logC = IMM.logBinomial(cand.count, k)
        let epsPrime = 2.0.squareRoot() * epsilon
        let log2n = logn / DiffusionMath.log(2)
        let lambdaPrime = (2 + 2 * epsPrime / 3) * (logC + ellUsed * logn + DiffusionMath.log(max(1, log2n))) * nn / (epsPrime * epsPrime)
        let e1 = 1 - DiffusionMath.exp(-1)
        let alpha = (ellUsed * logn + DiffusionMath.log(2)).squareRoot()
        let beta = (e1 * (logC + ellUsed * logn + DiffusionMath.log(2))).squareRoot()
        let lambdaStar = 2 * nn * (e1 * alpha + beta) * (e1 * alpha + beta) / (epsilon * epsilon)

        func empty() -> Result {
            Result(model: model, seeds: [], marginalSpread: [], estimatedSpread: .nan, estimatedBaseSpread: .nan,
                   epsilon: epsilon, ell: ell, ellUsed: ellUsed, lowerBound: .nan, lowerBoundFound: false,
                   lambdaPrime: lambdaPrime, lambdaStar: lambdaStar, rrSets: 0, samplingRRSets: 0, rrSetNodes: 0,
                   edgesExamined: 0, seed: seed, threads: workers, nodeCount: n, candidateCount: cand.count)
        }
        guard n > 0, k > 0 else { return empty() }

        let sampler = RRSampler(g, model: model, fixed: fixed, candidate: isCandidate)
        let scratch = (0..<workers).map { _ in RRScratch(n: n) }
        func limit(_ x: Double) throws(RelayError) -> Int {
            guard x.isFinite, x <= Double(maxRRSets) else {
                throw RelayError("IMM would need \(x.isFinite ? String(Int(x.rounded(.up))) : "infinitely many") RR sets, above the limit of \(maxRRSets): raise ε or lower ℓ")
            }
            return Int(x.rounded(.up))
        }

        // Sampling phase: a lower bound of OPT.
        var sampled = RRSets()
        var lowerBound = 1.0
        var found = false
        let rounds = max(1, Int(log2n.rounded(.up)) - 1)
        for i in 1...rounds {
            let x = nn / Double(1 << min(i, 62))
            let thetaI = try limit(lambdaPrime / x)
            if thetaI > sampled.count {
                sampler.extend(&sampled, by: thetaI - sampled.count, base: 0, seed: seed, workers: workers, scratch: scratch)
            }
            let s = CoverageSelection.greedy(sampled, n: n, k: k, candidates: cand)
            let estimate = nn * Double(s.covered) / Double(sampled.count)
            if estimate >= (1 + epsPrime) * x {
                lowerBound = estimate / (1 + epsPrime)
                found = true
                break
            }
        }
        let theta = try limit(lambdaStar / lowerBound)
        let samplingCount = sampled.count
        let samplingEdges = sampled.edgesExamined
        sampled = RRSets()  // free it before the final sets

        // Final selection on fresh sets (Chen 2018).
        var final = RRSets()
        sampler.extend(&final, by: theta, base: 1 << 40, seed: seed, workers: workers, scratch: scratch)
        let s = CoverageSelection.greedy(final, n: n, k: k, candidates: cand)
        let scale = nn / Double(theta)
        return Result(model: model, seeds: s.seeds, marginalSpread: s.newlyCovered.map { Double($0) * scale },
                      estimatedSpread: Double(final.dead + s.covered) * scale, estimatedBaseSpread: Double(final.dead) * scale,
                      epsilon: epsilon, ell: ell, ellUsed: ellUsed, lowerBound: lowerBound, lowerBoundFound: found,
                      lambdaPrime: lambdaPrime, lambdaStar: lambdaStar, rrSets: theta, samplingRRSets: samplingCount,
                      rrSetNodes: final.nodes.count, edgesExamined: samplingEdges + final.edgesExamined, seed: seed,
                      threads: workers, nodeCount: n, candidateCount: cand.count)
    }

    /// σ(seeds) estimated from `sets` fresh RR sets (stream 2⁴¹ + i): an unbiased estimate, for
    /// checking a selection.
    /// - Complexity: `sets` RR sets.
    public static func estimateSpread(_ g: DiffusionGraph, model: Model, seeds: [Int32], sets: Int, seed: UInt64 = 1,
                                      threads: Int? = nil) -> Double {
        let n = g.nodeCount
        guard n > 0, sets > 0 else { return 0 }
        var fixed = [Bool](repeating: false, count: n)
        for v in seeds where v >= 0 && Int(v) < n { fixed[Int(v)] = true }
        let workers = Parallel.workers(threads, work: Int.max)
        let sampler = RRSampler(g, model: model, fixed: fixed, candidate: Array(repeating: false, count: n))
        var r = RRSets()
        sampler.extend(&r, by: sets, base: 1 << 41, seed: seed, workers: workers,
                       scratch: (0..<workers).map { _ in RRScratch(n: n) })
        return Double(n) * Double(r.dead) / Double(sets)
    }
}
