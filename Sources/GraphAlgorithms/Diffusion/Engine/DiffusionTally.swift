/// Streaming statistics of Monte Carlo runs, kept as exact integer sums (counts, sums and sums of
/// squares of integer step times and shares): memory O(n + organizations × horizon) per worker,
/// never O(runs × n), and merging the workers' tallies gives the same numbers bit for bit
/// whatever the number of threads or the order of merging. (Welford's update is order
/// dependent in floating point; integer moments are exact, so they are used instead.)
struct DiffusionTally {
    let n: Int
    let groups: Int
    let h1: Int
    var runs = 0
    /// Per node: runs in which it adopted, runs in which it held at the end, sum of its
    /// adoption steps. Side by side (16 bytes per node), so updating a node costs one cache line.
    var nodes: [NodeCounts]

    struct NodeCounts: Sendable, Hashable {
        var ever: Int32 = 0
        var hold: Int32 = 0
        var timeSum: Int64 = 0
    }
    var spreadSum: Int64 = 0
    var spreadSq: Int64 = 0
    var holdSum: Int64 = 0
    var holdSq: Int64 = 0
    var edgesExamined: Int64 = 0
    var holdersByStep: [Int64]
    var holdersSqByStep: [Int64]
    var reached: [Int64]
    var reachedTimeSum: [Int64]
    var reachedTimeSq: [Int64]
    var reachedHist: [Int64]
    var instEnd: [Int64]
    var instHorizon: [Int64]
    var instTimeSum: [Int64]
    var instTimeSq: [Int64]
    var instHist: [Int64]
    var shareSum: [Int64]
    var shareSq: [Int64]
    var orgHoldByStep: [Int64]
    var orgHoldSqByStep: [Int64]
    /// Practice: runs in which each organization's management endorsed / formalized it.
    var endorsed: [Int64]
    var formalized: [Int64]
    /// Practice: participants who left, summed over runs, and its squares.
    var departuresSum: Int64 = 0
    var departuresSq: Int64 = 0
    /// Runs in which node v adopted at step t (v-major), when asked for.
    var nodeSteps: [Int32]

    init(n: Int, groups: Int, horizon: Int, nodeSteps recordNodeSteps: Bool = false) {
        self.n = n
        self.groups = groups
        h1 = horizon + 1
        nodes = Array(repeating: NodeCounts(), count: n)
        holdersByStep = Array(repeating: 0, count: h1)
        holdersSqByStep = Array(repeating: 0, count: h1)
        reached = Array(repeating: 0, count: groups)
        reachedTimeSum = Array(repeating: 0, count: groups)
        reachedTimeSq = Array(repeating: 0, count: groups)
        reachedHist = Array(repeating: 0, count: groups * h1)
        instEnd = Array(repeating: 0, count: groups)
        instHorizon = Array(repeating: 0, count: groups)
        instTimeSum = Array(repeating: 0, count: groups)
        instTimeSq = Array(repeating: 0, count: groups)
        instHist = Array(repeating: 0, count: groups * h1)
        shareSum = Array(repeating: 0, count: groups)
        shareSq = Array(repeating: 0, count: groups)
        orgHoldByStep = Array(repeating: 0, count: groups * h1)
        orgHoldSqByStep = Array(repeating: 0, count: groups * h1)
        endorsed = Array(repeating: 0, count: groups)
        formalized = Array(repeating: 0, count: groups)
        nodeSteps = recordNodeSteps ? Array(repeating: 0, count: n * (horizon + 1)) : []
    }

    /// Adds the run the simulator just finished.
    /// - Complexity: O(nodes the run touched + organizations × horizon).
    mutating func add(_ s: DiffusionSimulator, collectiveEnd: Int?) {
        runs += 1
        var spread: Int64 = 0
        for v in s.touched {
            let i = Int(v)
            let t = s.time[i]
            guard t >= 0 else { continue }
            spread += 1
            if !nodeSteps.isEmpty { nodeSteps[i * h1 + Int(t)] += 1 }
            nodes[i].ever += 1
            nodes[i].timeSum += Int64(t)
            if s.state[i] == 1 || s.state[i] == 3 { nodes[i].hold += 1 }
        }
        spreadSum += spread
        spreadSq += spread * spread
        let hold = Int64(s.holders)
        holdSum += hold
        holdSq += hold * hold
        edgesExamined += Int64(s.edgesExamined)
        for t in 0..<h1 {
            let x = Int64(s.holdersByStep[t])
            holdersByStep[t] += x
            holdersSqByStep[t] += x * x
        }
        let end = collectiveEnd ?? Int.max
        let d = Int64(s.counters.departures)
        departuresSum += d
        departuresSq += d * d
        for g in 0..<groups {
            if s.counters.endorsedAt[g] >= 0 { endorsed[g] += 1 }
            if s.counters.formalizedAt[g] >= 0 { formalized[g] += 1 }
            let r = s.counters.reachedAt[g]
            if r >= 0 {
                reached[g] += 1
                reachedTimeSum[g] += Int64(r)
                reachedTimeSq[g] += Int64(r) * Int64(r)
                reachedHist[g * h1 + Int(r)] += 1
            }
            let it = s.counters.institutionalizedAt[g]
            if it >= 0 {
                instHorizon[g] += 1
                if Int(it) <= end { instEnd[g] += 1 }
                instTimeSum[g] += Int64(it)
                instTimeSq[g] += Int64(it) * Int64(it)
                instHist[g * h1 + Int(it)] += 1
            }
            let k = Int64(s.counters.holding[g])
            shareSum[g] += k
            shareSq[g] += k * k
            for t in 0..<h1 {
                let x = Int64(s.orgHoldersByStep[g * h1 + t])
                orgHoldByStep[g * h1 + t] += x
                orgHoldSqByStep[g * h1 + t] += x * x
            }
        }
    }

    /// Adds another tally (integer sums: exact and order independent).
    mutating func merge(_ o: DiffusionTally) {
        runs += o.runs
        for i in 0..<n {
            nodes[i].ever += o.nodes[i].ever; nodes[i].hold += o.nodes[i].hold; nodes[i].timeSum += o.nodes[i].timeSum
        }
        for i in nodeSteps.indices { nodeSteps[i] += o.nodeSteps[i] }
        spreadSum += o.spreadSum; spreadSq += o.spreadSq
        holdSum += o.holdSum; holdSq += o.holdSq
        edgesExamined += o.edgesExamined
        departuresSum += o.departuresSum; departuresSq += o.departuresSq
        for t in 0..<h1 { holdersByStep[t] += o.holdersByStep[t]; holdersSqByStep[t] += o.holdersSqByStep[t] }
        for g in 0..<groups {
            reached[g] += o.reached[g]; reachedTimeSum[g] += o.reachedTimeSum[g]; reachedTimeSq[g] += o.reachedTimeSq[g]
            instEnd[g] += o.instEnd[g]; instHorizon[g] += o.instHorizon[g]
            instTimeSum[g] += o.instTimeSum[g]; instTimeSq[g] += o.instTimeSq[g]
            shareSum[g] += o.shareSum[g]; shareSq[g] += o.shareSq[g]
            endorsed[g] += o.endorsed[g]; formalized[g] += o.formalized[g]
        }
        for i in 0..<(groups * h1) {
            reachedHist[i] += o.reachedHist[i]; instHist[i] += o.instHist[i]
            orgHoldByStep[i] += o.orgHoldByStep[i]; orgHoldSqByStep[i] += o.orgHoldSqByStep[i]
        }
    }
}
