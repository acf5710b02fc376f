import GraphCore

/// Parameters of a Monte Carlo diffusion: the model, the seeds, how many runs, how long, and the
/// organizational frame whose reach is measured.
public struct DiffusionParameters: Sendable {
    public var model: DiffusionModel
    /// Nodes holding the invention at step 0.
    public var seeds: [Int32]
    /// Runs to do (at most, when `targetHalfWidth` stops earlier).
    public var runs: Int
    /// Steps simulated after the seeds (0…horizon).
    public var horizon: Int
    /// Run `r` draws from `SplitMix64(seed: seed, stream: r)`; a block of 64 bit-parallel runs
    /// from the stream of its first run.
    public var seed: UInt64
    /// Workers (nil: every core). The result is the same for any value.
    public var threads: Int?
    /// Organizations, collective, lifespan, institutionalization; nil: nodes only.
    public var frame: OrganizationFrame?
    /// Stop once every reported 95% half-width (organization probabilities and shares, and the
    /// spread as a share of n) is at most this; checked after each batch of `batchSize` runs,
    /// so the stopping point does not depend on the threads either.
    public var targetHalfWidth: Double?
    public var batchSize: Int
    /// Also count, per node and step, the runs in which the node has adopted by that step
    /// (``DiffusionResult/nodeAdoptionByStep``); memory O(n × horizon) per worker.
    public var recordNodeSteps = false
    /// The nodes that may adopt by themselves (Bass's outside influence), one flag per node;
    /// empty: every node. The catalogue passes the one-mode nodes, so that organizations and
    /// collectives never "adopt".
    public var eligible: [Bool] = []

    public init(model: DiffusionModel, seeds: [Int32], runs: Int = 1000, horizon: Int = 50, seed: UInt64 = 1,
                threads: Int? = nil, frame: OrganizationFrame? = nil, targetHalfWidth: Double? = nil,
                batchSize: Int = 200) {
        self.model = model; self.seeds = seeds; self.runs = runs; self.horizon = horizon; self.seed = seed
        self.threads = threads; self.frame = frame; self.targetHalfWidth = targetHalfWidth
        self.batchSize = batchSize
    }
}

/// The Monte Carlo diffusion engine.
public enum Diffusion {
    /// Simulates `parameters.runs` runs of a model and summarizes them.
    ///
    /// ```swift
    /// let d = DiffusionGraph(g, probability: .uniform(0.05))
    /// let r = Diffusion.simulate(d, DiffusionParameters(model: .independentCascade, seeds: [0, 7], runs: 1000))
    /// r.adoptionProbability[3]
    /// ```
    ///
    /// Runs are spread over threads in fixed chunks; run `r` uses its own generator seeded by
    /// `(seed, r)` (IC and LT without organizations: the block of 64 runs starting at `r` uses
    /// one, see ``BlockSimulator``) and the statistics are exact integer sums, so the result is
    /// bit-identical for any number of threads.
    ///
    /// - Parameter progress: called after each batch with (runs done, runs asked).
    /// - Complexity: per run, O(arcs of the nodes that adopt) for IC/LT/complex, O(horizon ×
    ///   arcs of holders) for SI/SIS/SIR, O(horizon × n) for Bass; memory O(n + organizations ×
    ///   horizon) per worker.
    public static func simulate(_ g: DiffusionGraph, _ parameters: DiffusionParameters,
                                progress: ((Int, Int) -> Void)? = nil) -> DiffusionResult {
        let n = g.nodeCount
        let horizon = max(0, parameters.horizon)
        let frame = parameters.frame
        let groups = frame?.organizations.groupCount ?? 0
        if let frame {
            precondition(frame.organizations.nodeCount == n, "Diffusion: the partition must cover the graph's nodes")
        }
        let layout = FrameLayout(frame, nodeCount: n)
        let info = layout.info, nonParticipants = layout.nonParticipants
        let requested = max(0, parameters.runs)
        // IC and LT without organizations run 64 at a time (BlockSimulator); their batches are
        // whole blocks, so the blocks never depend on the threads.
        let blocks = BlockSimulator.supports(parameters.model, frame: frame)
        let lanes = BlockSimulator.lanes
        // Blocks start at multiples of 64 whatever the batch, so the batch only sets how often
        // progress is reported and the stopping rule checked: without a target, large batches
        // spread more blocks over the workers at once.
        let blockBatch = parameters.targetHalfWidth == nil ? max(4096, parameters.batchSize) : max(1, parameters.batchSize)
        let batch = blocks ? (blockBatch + lanes - 1) / lanes * lanes : max(1, parameters.batchSize)
        let workers = Parallel.workers(parameters.threads, work: max(1, min(requested, batch) / 4))
        var total = DiffusionTally(n: n, groups: groups, horizon: horizon, nodeSteps: parameters.recordNodeSteps)
        var stoppedEarly = false
        var maxHalf = Double.nan

        layout.withView(g) { view in
            let sims = blocks ? [] : (0..<workers).map { _ in
                DiffusionSimulator(view: view, model: parameters.model, frame: info, horizon: horizon,
                                   eligible: parameters.eligible)
            }
            let blockSims = blocks ? (0..<workers).map { _ in
                BlockSimulator(view: view, model: parameters.model, horizon: horizon)
            } : []
            var done = 0
            while done < requested {
                let count = min(batch, requested - done)
                var tallies = (0..<workers).map { _ in
                    DiffusionTally(n: n, groups: groups, horizon: horizon, nodeSteps: parameters.recordNodeSteps)
                }
                tallies.withUnsafeMutableBufferPointer { tb in
                    let tp = SharedPointer(tb.baseAddress!)
                    let simBox = UncheckedBox(sims)
                    if blocks {
                        let blockBox = UncheckedBox(blockSims)
                        Parallel.forEachChunk(count: (count + lanes - 1) / lanes, chunk: 1, workers: workers) { w, range in
                            let sim = blockBox.value[w]
                            for b in range {
                                let first = done + b * lanes
                                var rng = SplitMix64(seed: parameters.seed, stream: UInt64(first))
                                sim.run(laneCount: min(lanes, done + count - first), seeds: parameters.seeds, rng: &rng,
                                        into: &tp.base[w])
                            }
                        }
                        return
                    }
                    Parallel.forEachChunk(count: count, chunk: 8, workers: workers) { w, range in
                        let sim = simBox.value[w]
                        for k in range {
                            var rng = SplitMix64(seed: parameters.seed, stream: UInt64(done + k))
                            sim.run(seeds: parameters.seeds, rng: &rng)
                            tp.base[w].add(sim, collectiveEnd: info.collectiveEnd)
                        }
                    }
                }
                for t in tallies { total.merge(t) }
                done += count
                progress?(done, requested)
                if let target = parameters.targetHalfWidth {
                    maxHalf = largestHalfWidth(total, n: n, nonParticipants: nonParticipants)
                    if maxHalf <= target && done < requested { stoppedEarly = true; break }
                }
            }
        }
        if maxHalf.isNaN { maxHalf = largestHalfWidth(total, n: n, nonParticipants: nonParticipants) }
        return summarize(total, parameters: parameters, workers: workers, nonParticipants: nonParticipants,
                         stoppedEarly: stoppedEarly, maxHalfWidth: maxHalf)
    }

    static func largestHalfWidth(_ t: DiffusionTally, n: Int, nonParticipants: [Int]) -> Double {
        var m = Estimate.mean(sum: t.spreadSum, sumSquares: t.spreadSq, count: t.runs, scale: 1 / Double(max(1, n))).halfWidth
        for g in 0..<t.groups where nonParticipants[g] > 0 {
            m = max(m, Estimate.proportion(t.reached[g], t.runs).halfWidth)
            m = max(m, Estimate.proportion(t.instEnd[g], t.runs).halfWidth)
            m = max(m, Estimate.proportion(t.instHorizon[g], t.runs).halfWidth)
            m = max(m, Estimate.mean(sum: t.shareSum[g], sumSquares: t.shareSq[g], count: t.runs,
                                     scale: 1 / Double(nonParticipants[g])).halfWidth)
        }
        return m
    }

    static func summarize(_ t: DiffusionTally, parameters: DiffusionParameters, workers: Int, nonParticipants: [Int],
                          stoppedEarly: Bool, maxHalfWidth: Double) -> DiffusionResult {
        let runs = Double(max(1, t.runs))
        let h1 = t.h1
        var orgs: [OrganizationReach] = []
        let isPractice: Bool
        if case .practice = parameters.model { isPractice = true } else { isPractice = false }
        if let frame = parameters.frame {
            let p = frame.organizations
            for g in 0..<t.groups {
                let np = nonParticipants[g]
                let scale = np > 0 ? 1 / Double(np) : .nan
                let hist = g * h1..<(g + 1) * h1
                orgs.append(OrganizationReach(
                    group: Int32(g), name: p.groupNames[g], node: p.groupNodes[g], members: p.members(of: Int32(g)).count,
                    nonParticipantMembers: np,
                    reached: Estimate.proportion(t.reached[g], t.runs),
                    meanShare: Estimate.mean(sum: t.shareSum[g], sumSquares: t.shareSq[g], count: t.runs, scale: scale),
                    institutionalizedBeforeEnd: Estimate.proportion(t.instEnd[g], t.runs),
                    institutionalizedAtHorizon: Estimate.proportion(t.instHorizon[g], t.runs),
                    timeToReach: StepTimes.from(histogram: t.reachedHist[hist], sum: t.reachedTimeSum[g],
                                                sumSquares: t.reachedTimeSq[g], count: t.reached[g]),
                    timeToInstitutionalization: StepTimes.from(histogram: t.instHist[hist], sum: t.instTimeSum[g],
                                                               sumSquares: t.instTimeSq[g], count: t.instHorizon[g]),
                    curve: t.orgHoldByStep[hist].map { Double($0) / runs * scale },
                    curveEstimates: hist.map { Estimate.mean(sum: t.orgHoldByStep[$0], sumSquares: t.orgHoldSqByStep[$0],
                                                             count: t.runs, scale: scale) },
                    endorsed: isPractice ? Estimate.proportion(t.endorsed[g], t.runs) : nil,
                    formalized: isPractice ? Estimate.proportion(t.formalized[g], t.runs) : nil))
            }
        }
        return DiffusionResult(
            parameters: parameters, runs: t.runs, threads: workers,
            adoptionProbability: t.nodes.map { Double($0.ever) / runs },
            holdingProbability: t.nodes.map { Double($0.hold) / runs },
            meanAdoptionTime: t.nodes.map { $0.ever > 0 ? Double($0.timeSum) / Double($0.ever) : .nan },
            spread: Estimate.mean(sum: t.spreadSum, sumSquares: t.spreadSq, count: t.runs),
            holdersAtHorizon: Estimate.mean(sum: t.holdSum, sumSquares: t.holdSq, count: t.runs),
            curve: t.holdersByStep.map { Double($0) / runs },
            nodeAdoptionByStep: t.nodeSteps.isEmpty ? nil : (0..<t.n).map { v in
                var acc: Int64 = 0
                return (0..<h1).map { step in acc += Int64(t.nodeSteps[v * h1 + step]); return Double(acc) / runs }
            },
            curveEstimates: (0..<h1).map { Estimate.mean(sum: t.holdersByStep[$0], sumSquares: t.holdersSqByStep[$0], count: t.runs) },
            organizations: orgs,
            departures: isPractice ? Estimate.mean(sum: t.departuresSum, sumSquares: t.departuresSq, count: t.runs) : nil,
            edgesExamined: t.edgesExamined, maxHalfWidth: maxHalfWidth, stoppedEarly: stoppedEarly)
    }
}

@usableFromInline nonisolated(unsafe) let _emptyIntPointer = UnsafeMutablePointer<Int>.allocate(capacity: 1)
@usableFromInline nonisolated(unsafe) let _emptyBool = UnsafeMutablePointer<Bool>.allocate(capacity: 1)
