import GraphCore
internal import CPrefetch

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
///   skipping (one draw per success, from ``GeometricSampler``'s alias table), else per arc
///   over its lanes.
/// - LT: a node that receives influence in a lane gets that lane's chunk of 16 thresholds (drawn
///   lazily, per lane, as the scalar model draws them) and 16 influence sums; adoption is
///   synchronous per step.
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
///
/// Memory: one 64-byte record per node holds everything a visit reads or writes (lanes adopted,
/// lanes transmitting now and next, LT candidate lanes, LT chunk numbers), so a visit costs one
/// cache line where separate arrays cost five. The loops work on a value (``BlockWork``) holding
/// raw pointers and counters in locals: the same loops over a class's stored arrays spent half
/// their time in Swift's dynamic exclusivity checks.
final class BlockSimulator {
    static let lanes = 64

    let view: DiffusionView
    let model: DiffusionModel
    let horizon: Int
    let n: Int
    /// IC with one probability 0 < p < 1: the gaps between successful trials.
    let geometric: GeometricSampler?
    /// 8 words per node: ever, lanes of the even/odd step, LT candidates, the sum of adoption
    /// steps over the block's lanes, 2 words of LT chunk numbers, one spare.
    let records: UnsafeMutablePointer<UInt64>
    /// Node lists of capacity n: touched, frontier, next, LT candidates; frontier row bounds.
    let touched, frontier, next, candidates: UnsafeMutablePointer<Int32>
    let rowStart, rowEnd: UnsafeMutablePointer<Int>
    /// Adopters so far in each of the 64 lanes.
    let laneAdopters: UnsafeMutablePointer<Int64>
    /// LT pool: per chunk, 16 lanes of (threshold, influence received), valid for the lanes
    /// whose bit is set in the chunk's `drawn` mask (a fresh chunk writes only its mask).
    var pool: UnsafeMutablePointer<Double>
    var drawn: UnsafeMutablePointer<UInt16>
    var poolChunks: Int
    /// IC: the successful trials of a step (arc, lane bit, target), grown as needed.
    var trialArc: UnsafeMutablePointer<Int>
    var trialBit: UnsafeMutablePointer<UInt64>
    var trialTarget: UnsafeMutablePointer<Int32>
    var trialCapacity: Int

    init(view: DiffusionView, model: DiffusionModel, horizon: Int) {
        self.view = view
        self.model = model
        self.horizon = horizon
        let n = max(1, view.n)
        self.n = n
        geometric = view.uniformProbability.flatMap { $0 > 0 && $0 < 1 ? GeometricSampler(probability: $0) : nil }
        // Zero pages from the kernel: a run faults in only the records it touches.
        records = Platform.zeroedPages(UInt64.self, count: 8 * n)
        func nodes() -> UnsafeMutablePointer<Int32> {
            let p = UnsafeMutablePointer<Int32>.allocate(capacity: n); p.initialize(repeating: 0, count: n); return p
        }
        touched = nodes(); frontier = nodes(); next = nodes(); candidates = nodes()
        rowStart = .allocate(capacity: n); rowEnd = .allocate(capacity: n)
        laneAdopters = .allocate(capacity: 64); laneAdopters.initialize(repeating: 0, count: 64)
        poolChunks = 0
        pool = .allocate(capacity: 1)
        drawn = .allocate(capacity: 1)
        trialCapacity = 0
        trialArc = .allocate(capacity: 1); trialBit = .allocate(capacity: 1); trialTarget = .allocate(capacity: 1)
    }

    deinit {
        Platform.unmap(records, count: 8 * n)
        for p in [touched, frontier, next, candidates] { p.deallocate() }
        rowStart.deallocate(); rowEnd.deallocate(); laneAdopters.deallocate()
        pool.deallocate(); drawn.deallocate(); trialArc.deallocate(); trialBit.deallocate(); trialTarget.deallocate()
    }

    /// Whether the engine can run `model` under `frame` here.
    static func supports(_ model: DiffusionModel, frame: OrganizationFrame?) -> Bool {
        if let frame, frame.organizations.groupCount > 0 || frame.collectiveEnd != nil { return false }
        switch model {
        case .independentCascade, .linearThreshold: return true
        default: return false
        }
    }

    /// Runs lanes `0..<laneCount` of one block from `seeds` and adds them to `tally`.
    func run(laneCount: Int, seeds: [Int32], rng: inout SplitMix64, into tally: inout DiffusionTally) {
        precondition(laneCount >= 1 && laneCount <= Self.lanes)
        var w = BlockWork(self)
        w.run(laneCount: laneCount, seeds: seeds, rng: &rng, tally: &tally)
        pool = w.pool; drawn = w.drawn; poolChunks = w.poolChunks
        trialArc = w.trialArc; trialBit = w.trialBit; trialTarget = w.trialTarget; trialCapacity = w.trialCapacity
    }
}

/// One block's working state, in locals (see ``BlockSimulator``).
struct BlockWork {
    let view: DiffusionView
    let model: DiffusionModel
    let horizon: Int
    let geometric: GeometricSampler?
    let records: UnsafeMutablePointer<UInt64>
    let touched, candidates: UnsafeMutablePointer<Int32>
    var frontier, next: UnsafeMutablePointer<Int32>
    let rowStart, rowEnd: UnsafeMutablePointer<Int>
    var touchedCount = 0, frontierCount = 0, nextCount = 0, candidateCount = 0
    /// Word of a record holding the lanes that transmit now (1 or 2); the next step's is 3 − it.
    var now = 1
    var pool: UnsafeMutablePointer<Double>
    var drawn: UnsafeMutablePointer<UInt16>
    var poolChunks: Int
    var chunksUsed = 0
    var trialArc: UnsafeMutablePointer<Int>
    var trialBit: UnsafeMutablePointer<UInt64>
    var trialTarget: UnsafeMutablePointer<Int32>
    var trialCapacity: Int
    var edgesExamined: Int64 = 0
    /// Adopters so far per lane.
    let laneAdopters: UnsafeMutablePointer<Int64>
    /// The step being simulated.
    var step: UInt64 = 0
    let n: Int

    init(_ s: BlockSimulator) {
        view = s.view; model = s.model; horizon = s.horizon; n = s.n; laneAdopters = s.laneAdopters
        geometric = s.geometric
        records = s.records; touched = s.touched; candidates = s.candidates
        frontier = s.frontier; next = s.next; rowStart = s.rowStart; rowEnd = s.rowEnd
        pool = s.pool; drawn = s.drawn; poolChunks = s.poolChunks
        trialArc = s.trialArc; trialBit = s.trialBit; trialTarget = s.trialTarget; trialCapacity = s.trialCapacity
    }

    // MARK: The node record

    @inline(__always) func ever(_ v: Int) -> UInt64 { records[8 &* v] }
    @inline(__always) func current(_ v: Int) -> UInt64 { records[8 &* v &+ now] }
    @inline(__always) func upcoming(_ v: Int) -> UInt64 { records[8 &* v &+ 3 &- now] }
    /// The pool chunk of lanes 16g…16g+15 of node v (-1: none). Stored plus one, two per word.
    @inline(__always) func chunk(_ v: Int, _ g: Int) -> Int {
        Int(UInt32(truncatingIfNeeded: records[8 &* v &+ 5 &+ g >> 1] >> UInt64(32 &* (g & 1)))) &- 1
    }
    @inline(__always) func setChunk(_ v: Int, _ g: Int, _ c: Int) {
        let i = 8 &* v &+ 5 &+ g >> 1, shift = UInt64(32 &* (g & 1))
        let keep: UInt64 = records[i] & ~(0xFFFF_FFFF << shift)
        records[i] = keep | (UInt64(c &+ 1) << shift)
    }
    @inline(__always) func hasChunks(_ v: Int) -> Bool {
        records[8 &* v &+ 5] | records[8 &* v &+ 6] != 0
    }

    mutating func run(laneCount: Int, seeds: [Int32], rng: inout SplitMix64, tally: inout DiffusionTally) {
        let all: UInt64 = laneCount == 64 ? ~0 : (1 << UInt64(laneCount)) - 1
        now = 1
        for s in seeds where ever(Int(s)) == 0 {
            let v = Int(s)
            touched[touchedCount] = s; touchedCount += 1
            records[8 * v] = all
            records[8 * v + now] = all
            frontier[frontierCount] = s; frontierCount += 1
        }
        for l in 0..<laneCount { laneAdopters[l] = Int64(frontierCount) }
        let h1 = tally.h1
        let recordSteps = !tally.nodeSteps.isEmpty
        if recordSteps { for i in 0..<frontierCount { tally.nodeSteps[Int(frontier[i]) * h1] += Int32(laneCount) } }
        record(0, laneCount, &tally)
        var t = 1
        while t <= horizon && frontierCount > 0 {
            nextCount = 0
            step = UInt64(t)
            switch model {
            case .independentCascade: stepIC(&rng)
            case .linearThreshold(let th): stepLT(th, &rng)
            default: preconditionFailure("BlockSimulator runs IC and LT only")
            }
            if recordSteps {
                for i in 0..<nextCount {
                    let vi = Int(next[i])
                    tally.nodeSteps[vi * h1 + t] += Int32(upcoming(vi).nonzeroBitCount)
                }
            }
            record(t, laneCount, &tally)
            // The next step transmits from this step's adopters.
            for i in 0..<frontierCount { records[8 * Int(frontier[i]) + now] = 0 }
            now = 3 - now
            swap(&frontier, &next)
            frontierCount = nextCount
            t += 1
        }
        if t <= horizon {  // quiet until the horizon: the counts stay as they are
            var s: Int64 = 0, q: Int64 = 0
            for l in 0..<laneCount { s += laneAdopters[l]; q += laneAdopters[l] * laneAdopters[l] }
            for step in t...horizon { tally.holdersByStep[step] += s; tally.holdersSqByStep[step] += q }
        }
        // Per node totals, and the reset of every record the block touched: through the list
        // when it is short, else by one sequential sweep (random reads of a large share of the
        // records cost more than reading them all in order).
        if touchedCount < n / 8 {
            for i in 0..<touchedCount { settle(Int(touched[i]), &tally) }
        } else {
            for v in 0..<n {
                let r = 8 &* v
                if records[r] | records[r &+ 5] | records[r &+ 6] != 0 { settle(v, &tally) }
            }
        }
        touchedCount = 0
        for l in 0..<laneCount {
            let x = laneAdopters[l]
            tally.spreadSum += x; tally.spreadSq += x * x
            tally.holdSum += x; tally.holdSq += x * x
        }
        tally.runs += laneCount
        tally.edgesExamined += edgesExamined
    }

    /// Adds node v's block totals to the tally and clears its record.
    @inline(__always) func settle(_ v: Int, _ tally: inout DiffusionTally) {
        let r = 8 &* v
        let c = Int32(records[r].nonzeroBitCount)
        if c > 0 {
            tally.nodes[v].ever += c
            tally.nodes[v].hold += c
            tally.nodes[v].timeSum += Int64(records[r &+ 4])
        }
        (records + r).update(repeating: 0, count: 8)
    }

    func record(_ t: Int, _ laneCount: Int, _ tally: inout DiffusionTally) {
        var s: Int64 = 0, q: Int64 = 0
        for l in 0..<laneCount { s += laneAdopters[l]; q += laneAdopters[l] * laneAdopters[l] }
        tally.holdersByStep[t] += s
        tally.holdersSqByStep[t] += q
    }

    /// Node `v` adopts in the lanes `bits` (none of which it had adopted in) at `step`.
    @inline(__always) mutating func adopt(_ v: Int, _ bits: UInt64) {
        let r = 8 &* v
        if records[r] == 0 && !hasChunks(v) { touched[touchedCount] = Int32(v); touchedCount += 1 }
        records[r] |= bits
        let up = r &+ 3 &- now
        if records[up] == 0 { next[nextCount] = Int32(v); nextCount += 1 }
        records[up] |= bits
        records[r &+ 4] &+= step &* UInt64(bits.nonzeroBitCount)
        var b = bits
        while b != 0 { laneAdopters[b.trailingZeroBitCount] += 1; b &= b &- 1 }
    }

    /// IC: every (arc, lane) pair of a node that adopted last step is one trial.
    ///
    /// With one shared probability the step runs in phases, each a loop of independent loads
    /// the processor can overlap: the frontier's row bounds; the successful trials, by
    /// geometric skipping (no memory reads); their targets; then the adoptions.
    mutating func stepIC(_ rng: inout SplitMix64) {
        let uniform = view.uniformProbability
        let offsets = view.offsets, targets = view.targets, probability = view.probability
        loadRows(offsets)
        if let sampler = geometric {
            var count = 0
            var laneOf: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0, 0, 0, 0)
            withUnsafeMutableBytes(of: &laneOf) { raw in
                let laneOf = raw.baseAddress!.assumingMemoryBound(to: UInt8.self)
                for i in 0..<frontierCount {
                    let lo = rowStart[i], degree = rowEnd[i] - lo
                    guard degree > 0 else { continue }
                    let m = current(Int(frontier[i]))
                    let k = m.nonzeroBitCount
                    let trials = degree * k
                    edgesExamined &+= Int64(trials)
                    var j = 0
                    var bits = m
                    while bits != 0 { laneOf[j] = UInt8(bits.trailingZeroBitCount); j += 1; bits &= bits &- 1 }
                    // Trials are (arc, lane) pairs, arc-major: trial x is arc x / k, lane x % k.
                    var x = -1
                    while true {
                        let gap = sampler.next(&rng)
                        guard gap < trials &- x else { break }
                        x &+= 1 &+ gap
                        guard x < trials else { break }
                        if count == trialCapacity { growTrials() }
                        if k == 1 {
                            trialArc[count] = lo &+ x
                            trialBit[count] = m
                        } else if k == 64 {
                            trialArc[count] = lo &+ x >> 6
                            trialBit[count] = 1 << UInt64(x & 63)
                        } else {
                            let (q, r) = x.quotientAndRemainder(dividingBy: k)
                            trialArc[count] = lo &+ q
                            trialBit[count] = 1 << UInt64(laneOf[r])
                        }
                        count &+= 1
                    }
                }
            }
            let ahead = 16
            for j in 0..<count {
                if j &+ ahead < count { interstice_prefetch(targets + trialArc[j &+ ahead]) }
                trialTarget[j] = targets[trialArc[j]]
            }
            for j in 0..<count {
                if j &+ ahead < count { interstice_prefetch(records + 8 &* Int(trialTarget[j &+ ahead])) }
                let v = Int(trialTarget[j]), bit = trialBit[j]
                if ever(v) & bit == 0 { adopt(v, bit) }
            }
            return
        }
        for i in 0..<frontierCount {
            let m = current(Int(frontier[i]))
            let lo = rowStart[i], hi = rowEnd[i]
            edgesExamined &+= Int64((hi - lo) * m.nonzeroBitCount)
            for a in lo..<hi {
                let p = uniform ?? probability[a]
                guard p > 0 else { continue }
                let v = Int(targets[a])
                var open = m & ~ever(v)
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

    /// The row bounds of the frontier's nodes, with their records fetched ahead.
    @inline(__always) func loadRows(_ offsets: UnsafePointer<Int>) {
        let ahead = 16
        for i in 0..<frontierCount {
            if i &+ ahead < frontierCount {
                let w = Int(frontier[i &+ ahead])
                interstice_prefetch(offsets + w)
                interstice_prefetch(records + 8 &* w)
            }
            let u = Int(frontier[i])
            rowStart[i] = offsets[u]; rowEnd[i] = offsets[u + 1]
        }
    }

    mutating func growTrials() {
        let grown = max(4096, trialCapacity * 2)
        let a = UnsafeMutablePointer<Int>.allocate(capacity: grown)
        let b = UnsafeMutablePointer<UInt64>.allocate(capacity: grown)
        let c = UnsafeMutablePointer<Int32>.allocate(capacity: grown)
        if trialCapacity > 0 {  // the bytes, whatever was written
            UnsafeMutableRawPointer(a).copyMemory(from: trialArc, byteCount: trialCapacity * MemoryLayout<Int>.stride)
            UnsafeMutableRawPointer(b).copyMemory(from: trialBit, byteCount: trialCapacity * MemoryLayout<UInt64>.stride)
            UnsafeMutableRawPointer(c).copyMemory(from: trialTarget, byteCount: trialCapacity * MemoryLayout<Int32>.stride)
        }
        trialArc.deallocate(); trialBit.deallocate(); trialTarget.deallocate()
        trialArc = a; trialBit = b; trialTarget = c
        trialCapacity = grown
    }

    /// LT: last step's adopters add their influence, lane by lane, to the neighbours that have
    /// not adopted; those at or over their threshold adopt, synchronously. A node's lanes are
    /// kept in chunks of 16 (threshold and sum side by side: four cache lines), allocated when
    /// a lane of the chunk first receives influence, so a node reached in one run costs one
    /// chunk, not 64 lanes.
    mutating func stepLT(_ th: DiffusionModel.Thresholds, _ rng: inout SplitMix64) {
        candidateCount = 0
        let offsets = view.offsets, targets = view.targets, influence = view.outInfluence
        loadRows(offsets)
        // The arcs of the frontier, in order, with their targets (rows fetched ahead).
        var count = 0
        for i in 0..<frontierCount {
            if i &+ 4 < frontierCount { interstice_prefetch(targets + rowStart[i &+ 4]) }
            let m = current(Int(frontier[i]))
            let lo = rowStart[i], hi = rowEnd[i]
            edgesExamined &+= Int64((hi - lo) * m.nonzeroBitCount)
            while count &+ (hi - lo) > trialCapacity { growTrials() }
            for a in lo..<hi {
                trialArc[count] = a; trialBit[count] = m; trialTarget[count] = targets[a]
                count &+= 1
            }
        }
        let ahead = 16
        for j in 0..<count {
            if j &+ ahead < count { interstice_prefetch(records + 8 &* Int(trialTarget[j &+ ahead])) }
                let v = Int(trialTarget[j]), a = trialArc[j], m = trialBit[j]
                let r = 8 &* v
                let open = m & ~records[r]
                guard open != 0 else { continue }
                if records[r] == 0 && !hasChunks(v) { touched[touchedCount] = Int32(v); touchedCount += 1 }
                if records[r &+ 3] == 0 { candidates[candidateCount] = Int32(v); candidateCount += 1 }
                records[r &+ 3] |= open
                let w = influence[a]
                var rest = open
                while rest != 0 {
                    let g = rest.trailingZeroBitCount >> 4
                    let groupMask: UInt64 = 0xFFFF << UInt64(16 &* g)
                    var lanes = rest & groupMask
                    rest &= ~groupMask
                    var c = chunk(v, g)
                    if c < 0 { c = newChunk(); setChunk(v, g, c) }
                    var mask = drawn[c]
                    while lanes != 0 {
                        let l = lanes.trailingZeroBitCount & 15
                        lanes &= lanes &- 1
                        let lane = pool + (32 &* c &+ 2 &* l)
                        let bit: UInt16 = 1 << UInt16(l)
                        if mask & bit == 0 {
                            mask |= bit
                            switch th {
                            case .uniformRandom: lane[0] = rng.nextUnit()
                            case .fixed(let x): lane[0] = x
                            case .perNode(let xs): lane[0] = xs[v].isNaN ? rng.nextUnit() : xs[v]
                            }
                            lane[1] = w
                        } else {
                            lane[1] += w
                        }
                    }
                    drawn[c] = mask
                }
        }
        for i in 0..<candidateCount {
            if i &+ ahead < candidateCount { interstice_prefetch(records + 8 &* Int(candidates[i &+ ahead])) }
            let vi = Int(candidates[i])
            let r = 8 &* vi
            var open = records[r &+ 3]
            records[r &+ 3] = 0
            var won: UInt64 = 0
            while open != 0 {
                let bit = open.trailingZeroBitCount
                open &= open &- 1
                let c: Int = chunk(vi, bit >> 4)
                let lane = pool + (32 &* c &+ 2 &* (bit & 15))
                if lane[1] >= lane[0] - 1e-12 { won |= 1 << UInt64(bit) }
            }
            if won != 0 { adopt(vi, won) }
        }
    }

    /// A fresh chunk (no lane drawn); the pool doubles when full.
    mutating func newChunk() -> Int {
        if chunksUsed == poolChunks {
            let grown = max(4096, poolChunks * 2)
            let p = UnsafeMutablePointer<Double>.allocate(capacity: grown * 32)
            let d = UnsafeMutablePointer<UInt16>.allocate(capacity: grown)
            if poolChunks > 0 {
                // Lanes not drawn hold no value: copy the bytes, whatever they are.
                UnsafeMutableRawPointer(p).copyMemory(from: pool, byteCount: poolChunks * 32 * MemoryLayout<Double>.stride)
                d.update(from: drawn, count: poolChunks)
            }
            pool.deallocate(); drawn.deallocate()
            pool = p; drawn = d
            poolChunks = grown
        }
        let c = chunksUsed
        chunksUsed += 1
        drawn[c] = 0
        return c
    }
}
