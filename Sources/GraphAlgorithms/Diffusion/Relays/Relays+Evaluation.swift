import GraphCore

/// The per-run value of a relay objective, from the Monte Carlo engine of
/// ``Diffusion/simulate(_:_:progress:)``: run `r` uses `SplitMix64(seed: seed, stream: r)` exactly
/// as `Diffusion.simulate` does, so two sets evaluated with the same seed see common random numbers
/// (their per-run values are paired), and the mean over runs equals what `Diffusion.simulate`
/// reports for the same set.
///
/// `Diffusion.simulate` returns only sums over runs; a paired confidence interval for a marginal
/// gain needs each run's value, so this drives the same `DiffusionSimulator` and keeps one `Int32`
/// per run (memory O(runs + n) per worker).
struct RelayEvaluator: Sendable {
    let model: DiffusionModel
    let runs: Int
    let horizon: Int
    let seed: UInt64
    let workers: Int
    let objective: RelayObjective
    /// Nodes that do not count as adopters (the original collective).
    let excluded: [Bool]

    init(model: DiffusionModel, runs: Int, horizon: Int, seed: UInt64, threads: Int?, objective: RelayObjective,
         excluded: [Bool]) {
        self.model = model
        self.runs = max(1, runs)
        self.horizon = max(0, horizon)
        self.seed = seed
        workers = Parallel.workers(threads, work: max(1, self.runs / 8))
        self.objective = objective
        self.excluded = excluded
    }

    /// The objective in each run `0..<runs` from `seeds` on `g` within `frame`.
    /// - Complexity: `runs` simulations (see ``Diffusion/simulate(_:_:progress:)``) plus
    ///   O(n + memberships) to lay out the frame.
    func values(_ g: DiffusionGraph, seeds: [Int32], frame: OrganizationFrame?) -> [Int32] {
        let n = g.nodeCount
        let groups = frame?.organizations.groupCount ?? 0
        let layout = FrameLayout(frame, nodeCount: n)
        let info = layout.info
        let counted = layout.nonParticipants.map { $0 > 0 }
        var out = [Int32](repeating: 0, count: runs)
        let objective = self.objective, seed = self.seed, model = self.model, horizon = self.horizon
        let workers = self.workers
        layout.withView(g) { view in
        excluded.withUnsafeBufferPointer { excl in
        counted.withUnsafeBufferPointer { cnt in
        out.withUnsafeMutableBufferPointer { ob in
            let sims = UncheckedBox((0..<workers).map { _ in
                DiffusionSimulator(view: view, model: model, frame: info, horizon: horizon)
            })
            let result = SharedPointer(ob.baseAddress!)
            let excludedBox = UncheckedBox(excl), countedBox = UncheckedBox(cnt)
            Parallel.forEachChunk(count: runs, chunk: 8, workers: workers) { w, range in
                let sim = sims.value[w]
                for r in range {
                    var rng = SplitMix64(seed: seed, stream: UInt64(r))
                    sim.run(seeds: seeds, rng: &rng)
                    var value: Int32 = 0
                    switch objective {
                    case .institutionalized:
                        for gi in 0..<groups where countedBox.value[gi] && sim.counters.institutionalizedAt[gi] >= 0 { value += 1 }
                    case .adopters:
                        let ex = excludedBox.value
                        for v in sim.touched where sim.time[Int(v)] >= 0 && !(Int(v) < ex.count && ex[Int(v)]) { value += 1 }
                    }
                    result[r] = value
                }
            }
        }}}}
        return out
    }
}

/// Statistics of per-run values.
enum PairedStatistics {
    /// The mean of `values` with its 95% interval.
    static func mean(_ values: [Int32]) -> Estimate {
        var s: Int64 = 0, q: Int64 = 0
        for x in values { s += Int64(x); q += Int64(x) * Int64(x) }
        return Estimate.mean(sum: s, sumSquares: q, count: values.count)
    }

    /// The mean of the paired differences `after[r] − before[r]` with its 95% interval.
    static func gain(_ after: [Int32], over before: [Int32]) -> Estimate {
        var s: Int64 = 0, q: Int64 = 0
        for r in 0..<min(after.count, before.count) {
            let d = Int64(after[r]) - Int64(before[r])
            s += d; q += d * d
        }
        return Estimate.mean(sum: s, sumSquares: q, count: min(after.count, before.count))
    }
}
