import GraphCore

/// Bit-parallel Monte Carlo for independent cascade and linear threshold: 64 runs ("lanes") at
/// once, one bit per run in a word per node.
///
/// Simulating one run at a time reads a node's row of arcs once per run in which the node
/// adopts; on a large graph every such row is a cache miss, and the misses, not the coin flips,
/// set the speed (about 85% of the scalar IC loop's time on ba_100k waits on three loads). Here
/// a node that adopts at step t in several of the 64 runs has its row read once for all of
/// them: the seeds' rows once per block instead of once per run, the hubs' rows a few times.
///
/// - IC: the trials of a row are the (arc, lane) pairs of the lanes where the node just
///   adopted; with one shared probability the successes among them are found by geometric
///   skipping (one draw per success, as the scalar loop does per row), else per arc over its
///   lanes.
/// - LT: a node that receives influence gets a slot of 64 thresholds (drawn lazily, per lane,
///   as the scalar model draws them) and 64 influence sums; adoption is synchronous per step.
///
/// A block of runs draws from one generator, `SplitMix64(seed:, stream: first run of the block)`;
/// blocks are fixed by the run numbers (never by the threads), and the tallies are integer sums,
/// so the result is the same for any thread count. It is not the same sample as the scalar
/// simulator's (the draws are shared out differently), only the same distribution; the tests
/// check the block simulator against exact enumeration as they check the scalar one.
///
/// Used by ``Diffusion/simulate(_:_:progress:)`` for IC and LT without an organizational
/// frame (no organization counters, no lapse); reach analyses with organizations run on the
/// scalar ``DiffusionSimulator``.
final class BlockSimulator {
    static let lanes = 64

    let view: DiffusionView
    let model: DiffusionModel
    let horizon: Int

    /// Lanes in which the node has adopted.
    let ever: UnsafeMutablePointer<UInt64>
    /// Lanes in which the node adopted in the last step (it transmits now) / in this step.
    var current: UnsafeMutablePointer<UInt64>
    var upcoming: UnsafeMutablePointer<UInt64>
    /// LT: lanes in which the node is a candidate this step; its slot in the pools (-1: none).
    let candidate: UnsafeMutablePointer<UInt64>
    let slot: UnsafeMutablePointer<Int32>
    /// LT pools: 64 thresholds (NaN: not drawn) and 64 influence sums per slot.
    var thresholds: [Double] = []
    var received: [Double] = []
    var slots = 0

    var touched: [Int32] = []
    var frontier: [Int32] = []
    var next: [Int32] = []
    var candidates: [Int32] = []
    /// Adopters so far in each lane.
    var laneAdopters = [Int64](repeating: 0, count: 64)
    var laneList = [Int](repeating: 0, count: 64)
    var edgesExamined: Int64 = 0

    init(view: DiffusionView, model: DiffusionModel, horizon: Int) {
        self.view = view
        self.model = model
        self.horizon = horizon
        let n = max(1, view.n)
        ever = .allocate(capacity: n); ever.initialize(repeating: 0, count: n)
        current = .allocate(capacity: n); current.initialize(repeating: 0, count: n)
        upcoming = .allocate(capacity: n); upcoming.initialize(repeating: 0, count: n)
        candidate = .allocate(capacity: n); candidate.initialize(repeating: 0, count: n)
        slot = .allocate(capacity: n); slot.initialize(repeating: -1, count: n)
    }

    deinit {
        ever.deallocate(); current.deallocate(); upcoming.deallocate(); candidate.deallocate(); slot.deallocate()
    }

    /// Whether the engine can run `model` under `frame` here.
    static func supports(_ model: DiffusionModel, frame: OrganizationFrame?) -> Bool {
        guard frame == nil || (frame!.organizations.groupCount == 0 && frame!.collectiveEnd == nil) else { return false }
        switch model {
        case .independentCascade, .linearThreshold: return true
        default: return false
        }
    }

    /// Runs lanes `0..<laneCount` of one block from `seeds` and adds them to `tally`.
    func run(laneCount: Int, seeds: [Int32], rng: inout SplitMix64, into tally: inout DiffusionTally) {
        precondition(laneCount >= 1 && laneCount <= Self.lanes)
        let all: UInt64 = laneCount == 64 ? ~0 : (1 << UInt64(laneCount)) - 1
        edgesExamined = 0
        for l in 0..<laneCount { laneAdopters[l] = 0 }
        frontier.removeAll(keepingCapacity: true)
        for s in seeds where ever[Int(s)] == 0 {
            ever[Int(s)] = all
            current[Int(s)] = all
            touched.append(s)
            frontier.append(s)
        }
        for l in 0..<laneCount { laneAdopters[l] = Int64(frontier.count) }
        if tally.nodeSteps.isEmpty == false { for s in frontier { tally.nodeSteps[Int(s) * tally.h1] += Int32(laneCount) } }
        recordStep(0, laneCount: laneCount, into: &tally)
        var t = 1
        while t <= horizon && !frontier.isEmpty {
            next.removeAll(keepingCapacity: true)
            switch model {
            case .independentCascade: stepIC(&rng)
            case .linearThreshold(let th): stepLT(th, &rng)
            default: preconditionFailure("BlockSimulator runs IC and LT only")
            }
            // Count this step's adoptions per lane and per node.
            for v in next {
                let vi = Int(v)
                var bits = upcoming[vi]
                let c = bits.nonzeroBitCount
                tally.nodeTimeSum[vi] += Int64(t) * Int64(c)
                if !tally.nodeSteps.isEmpty { tally.nodeSteps[vi * tally.h1 + t] += Int32(c) }
                while bits != 0 {
                    laneAdopters[bits.trailingZeroBitCount] += 1
                    bits &= bits &- 1
                }
            }
            recordStep(t, laneCount: laneCount, into: &tally)
            // The next step transmits from this step's adopters.
            for u in frontier { current[Int(u)] = 0 }
            swap(&current, &upcoming)
            swap(&frontier, &next)
            t += 1
        }
        // Quiet until the horizon: the counts stay as they are.
        if t <= horizon {
            var s: Int64 = 0, q: Int64 = 0
            for l in 0..<laneCount { s += laneAdopters[l]; q += laneAdopters[l] * laneAdopters[l] }
            for step in t...horizon { tally.holdersByStep[step] += s; tally.holdersSqByStep[step] += q }
        }
        for u in frontier { current[Int(u)] = 0 }
        frontier.removeAll(keepingCapacity: true)
        // Per node and per run totals, then the reset through the touched list.
        for v in touched {
            let vi = Int(v)
            let c = Int32(ever[vi].nonzeroBitCount)
            tally.nodeEver[vi] += c
            tally.nodeHold[vi] += c
            ever[vi] = 0
            slot[vi] = -1
        }
        touched.removeAll(keepingCapacity: true)
        slots = 0
        for l in 0..<laneCount {
            let x = laneAdopters[l]
            tally.spreadSum += x; tally.spreadSq += x * x
            tally.holdSum += x; tally.holdSq += x * x
        }
        tally.runs += laneCount
        tally.edgesExamined += edgesExamined
    }

    @inline(__always) func recordStep(_ t: Int, laneCount: Int, into tally: inout DiffusionTally) {
        var s: Int64 = 0, q: Int64 = 0
        for l in 0..<laneCount { s += laneAdopters[l]; q += laneAdopters[l] * laneAdopters[l] }
        tally.holdersByStep[t] += s
        tally.holdersSqByStep[t] += q
    }

    /// Node `v` adopts in the lanes `bits` (none of which it had adopted in).
    @inline(__always) func adopt(_ v: Int, _ bits: UInt64) {
        if ever[v] == 0 && slot[v] < 0 { touched.append(Int32(v)) }
        ever[v] |= bits
        if upcoming[v] == 0 { next.append(Int32(v)) }
        upcoming[v] |= bits
    }

    /// IC: every (arc, lane) pair of a node that adopted last step is one trial.
    func stepIC(_ rng: inout SplitMix64) {
        let uniform = view.uniformProbability
        let inverseLogQ = uniform.flatMap { $0 > 0 && $0 < 1 ? 1 / DiffusionMath.log1p(-$0) : nil }
        laneList.withUnsafeMutableBufferPointer { lanes in
            for u in frontier {
                let ui = Int(u)
                let m = current[ui]
                let lo = view.offsets[ui], hi = view.offsets[ui + 1]
                let degree = hi - lo
                guard degree > 0 else { continue }
                var k = 0
                var bits = m
                while bits != 0 { lanes[k] = bits.trailingZeroBitCount; k += 1; bits &= bits &- 1 }
                edgesExamined &+= Int64(degree * k)
                if let inverseLogQ {
                    // Geometric skipping over the degree × k trials, arc-major.
                    let trials = degree * k
                    var i = -1
                    while true {
                        let gap = (DiffusionMath.log(1 - rng.nextUnit()) * inverseLogQ).rounded(.down)
                        guard gap < Double(trials - i) else { break }
                        i += 1 + Int(gap)
                        guard i < trials else { break }
                        let (q, r) = i.quotientAndRemainder(dividingBy: k)
                        let v = Int(view.targets[lo + q])
                        let bit: UInt64 = 1 << UInt64(lanes[r])
                        if ever[v] & bit == 0 { adopt(v, bit) }
                    }
                } else if uniform == 1 {
                    for a in lo..<hi {
                        let v = Int(view.targets[a])
                        let fresh = m & ~ever[v]
                        if fresh != 0 { adopt(v, fresh) }
                    }
                } else if uniform == nil {
                    for a in lo..<hi {
                        let p = view.probability[a]
                        guard p > 0 else { continue }
                        let v = Int(view.targets[a])
                        var open = m & ~ever[v]
                        guard open != 0 else { continue }
                        if p >= 1 { adopt(v, open); continue }
                        var won: UInt64 = 0
                        while open != 0 {
                            let bit = open & (0 &- open)
                            if rng.nextUnit() < p { won |= bit }
                            open &= open &- 1
                        }
                        if won != 0 { adopt(v, won) }
                    }
                }
            }
        }
    }

    /// LT: last step's adopters add their influence, lane by lane, to the neighbours that have
    /// not adopted; those at or over their threshold adopt, synchronously.
    func stepLT(_ th: DiffusionModel.Thresholds, _ rng: inout SplitMix64) {
        candidates.removeAll(keepingCapacity: true)
        for u in frontier {
            let ui = Int(u)
            let m = current[ui]
            let lo = view.offsets[ui], hi = view.offsets[ui + 1]
            edgesExamined &+= Int64((hi - lo) * m.nonzeroBitCount)
            for a in lo..<hi {
                let v = Int(view.targets[a])
                var open = m & ~ever[v]
                guard open != 0 else { continue }
                var s = Int(slot[v])
                if s < 0 {
                    s = newSlot()
                    slot[v] = Int32(s)
                    if ever[v] == 0 { touched.append(Int32(v)) }
                }
                if candidate[v] == 0 { candidates.append(Int32(v)) }
                candidate[v] |= open
                let w = view.outInfluence[a]
                let base = s * Self.lanes
                while open != 0 {
                    let l = open.trailingZeroBitCount
                    open &= open &- 1
                    if thresholds[base + l].isNaN {
                        switch th {
                        case .uniformRandom: thresholds[base + l] = rng.nextUnit()
                        case .fixed(let x): thresholds[base + l] = x
                        case .perNode(let xs): thresholds[base + l] = xs[v].isNaN ? rng.nextUnit() : xs[v]
                        }
                    }
                    received[base + l] += w
                }
            }
        }
        for v in candidates {
            let vi = Int(v)
            var open = candidate[vi]
            candidate[vi] = 0
            let base = Int(slot[vi]) * Self.lanes
            var won: UInt64 = 0
            while open != 0 {
                let l = open.trailingZeroBitCount
                if received[base + l] >= thresholds[base + l] - 1e-12 { won |= 1 << UInt64(l) }
                open &= open &- 1
            }
            if won != 0 {
                ever[vi] |= won
                if upcoming[vi] == 0 { next.append(v) }
                upcoming[vi] |= won
            }
        }
    }

    /// A fresh slot: thresholds not drawn, no influence.
    func newSlot() -> Int {
        let s = slots
        slots += 1
        let need = slots * Self.lanes
        if thresholds.count < need {
            thresholds.append(contentsOf: repeatElement(.nan, count: need - thresholds.count))
            received.append(contentsOf: repeatElement(0, count: need - received.count))
        } else {
            let base = s * Self.lanes
            for l in 0..<Self.lanes { thresholds[base + l] = .nan; received[base + l] = 0 }
        }
        return s
    }
}
