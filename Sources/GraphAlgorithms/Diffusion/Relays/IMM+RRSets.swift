import GraphCore

/// Reverse-reachable (RR) sets in flat storage (Borgs, Brautbar, Chayes and Lucier 2014; Tang,
/// Xiao and Shi 2014): set `i` of the live sets is `nodes[offsets[i]..<offsets[i + 1]]`.
///
/// With fixed seeds `C` (the collective), a set that reaches a node of `C` is covered whatever is
/// added; it is counted in `dead` and not stored. Only candidate nodes are stored (the others can
/// never be chosen), so a live set may be empty.
struct RRSets {
    /// Sets drawn, dead and live.
    var count = 0
    /// Sets that reached a fixed seed.
    var dead = 0
    /// Offsets of the live sets (live count + 1).
    var offsets: [Int] = [0]
    /// Candidate nodes of the live sets.
    var nodes: [Int32] = []
    /// In-arcs looked at while sampling.
    var edgesExamined = 0

    var liveCount: Int { offsets.count - 1 }
}

/// One worker's scratch for RR sampling: a visit stamp per node and a queue of n slots, allocated
/// once (raw storage: the hot loop touches no Swift array header).
final class RRScratch {
    let n: Int
    let mark: UnsafeMutablePointer<UInt32>
    let queue: UnsafeMutablePointer<Int32>
    var stamp: UInt32 = 0

    init(n: Int) {
        self.n = max(1, n)
        mark = .allocate(capacity: self.n); mark.initialize(repeating: 0, count: self.n)
        queue = .allocate(capacity: self.n); queue.initialize(repeating: 0, count: self.n)
    }

    deinit { mark.deallocate(); queue.deallocate() }

    /// A fresh stamp (marks cleared on wrap-around).
    func nextStamp() -> UInt32 {
        if stamp == .max {
            mark.update(repeating: 0, count: n)
            stamp = 0
        }
        stamp += 1
        return stamp
    }
}

/// Raw views of the sampler's arrays, valid during one ``RRSampler/extend`` call.
struct RRView: @unchecked Sendable {
    let inOffsets: UnsafePointer<Int>
    let inSources: UnsafePointer<Int32>
    let inWeight: UnsafePointer<Double>
    let fixed: UnsafePointer<Bool>
    let candidate: UnsafePointer<Bool>
}

/// Samples RR sets of a ``DiffusionGraph`` under IC or LT.
///
/// IC: a reverse breadth-first search from a uniform random root in which in-arc `(w, u)` is live
/// with its probability (each arc's coin is flipped at most once per set). LT: a reverse random
/// walk, each node choosing at most one in-neighbour with probability equal to its influence
/// weight and stopping on none or on a node already visited (the live-edge form of LT, Kempe et al.
/// 2003). Set `i` draws from `SplitMix64(seed: seed, stream: base + i)`, so a set does not depend
/// on which worker drew it, and sets are stored in index order: the same sets for any thread count.
struct RRSampler {
    let n: Int
    let model: IMM.Model
    let inOffsets: [Int]
    let inSources: [Int32]
    /// IC: the arc's probability; LT: its influence; aligned with the in-arcs.
    let inWeight: [Double]
    let fixed: [Bool]
    let candidate: [Bool]

    /// Per-chunk output, stored by chunk so that merging keeps the index order.
    struct Chunk {
        var nodes: [Int32] = []
        var lengths: [Int32] = []
        var dead = 0
        var edges = 0
    }

    init(_ g: DiffusionGraph, model: IMM.Model, fixed: [Bool], candidate: [Bool]) {
        n = g.nodeCount
        self.model = model
        inOffsets = g.inOffsets
        inSources = g.inSources
        switch model {
        case .linearThreshold:
            inWeight = g.influence
        case .independentCascade:
            // Out-arc probabilities moved to the in-arcs: in-rows are sorted by source and out-rows
            // are visited by increasing source, so a cursor per target walks each in-row in step.
            var w = [Double](repeating: 0, count: g.arcCount)
            var cursor = Array(g.inOffsets[0..<g.nodeCount])
            for u in 0..<g.nodeCount {
                for a in g.offsets[u]..<g.offsets[u + 1] {
                    let v = Int(g.targets[a])
                    w[cursor[v]] = g.probability[a]
                    cursor[v] += 1
                }
            }
            inWeight = w
        }
        self.fixed = fixed
        self.candidate = candidate
    }

    /// Draws sets `count` sets with streams `base + sets.count …` and appends them to `sets`.
    /// - Complexity: O(Σ in-arcs examined) spread over `workers`, plus O(stored nodes) to merge.
    func extend(_ sets: inout RRSets, by count: Int, base: UInt64, seed: UInt64, workers: Int, scratch: [RRScratch]) {
        guard count > 0 else { return }
        let chunk = 1024
        let chunks = (count + chunk - 1) / chunk
        var out = [Chunk](repeating: Chunk(), count: chunks)
        let first = sets.count
        inOffsets.withUnsafeBufferPointer { io in
        inSources.withUnsafeBufferPointer { src in
        inWeight.withUnsafeBufferPointer { wt in
        fixed.withUnsafeBufferPointer { fx in
        candidate.withUnsafeBufferPointer { cd in
        out.withUnsafeMutableBufferPointer { ob in
            let view = RRView(inOffsets: io.baseAddress!, inSources: src.baseAddress ?? UnsafePointer(_emptyInt32),
                              inWeight: wt.baseAddress ?? UnsafePointer(_emptyDouble), fixed: fx.baseAddress ?? UnsafePointer(_emptyBool),
                              candidate: cd.baseAddress ?? UnsafePointer(_emptyBool))
            let res = SharedPointer(ob.baseAddress!)
            let box = UncheckedBox(scratch)
            Parallel.forEachChunk(count: count, chunk: chunk, workers: min(workers, scratch.count)) { w, range in
                var c = Chunk()
                let s = box.value[w]
                for i in range {
                    var rng = SplitMix64(seed: seed, stream: base &+ UInt64(first + i))
                    draw(&rng, view, s, &c)
                }
                res[range.lowerBound / chunk] = c
            }
        }}}}}}
        for c in out {
            var at = sets.nodes.count
            sets.nodes.append(contentsOf: c.nodes)
            for len in c.lengths {
                at += Int(len)
                sets.offsets.append(at)
            }
            sets.dead += c.dead
            sets.edgesExamined += c.edges
        }
        sets.count += count
    }

    /// One RR set into `out`.
    @inline(__always) func draw(_ rng: inout SplitMix64, _ v: RRView, _ s: RRScratch, _ out: inout Chunk) {
        let stamp = s.nextStamp()
        let mark = s.mark, queue = s.queue
        let root = rng.next(below: n)
        if v.fixed[root] { out.dead += 1; return }
        mark[root] = stamp
        queue[0] = Int32(root)
        var size = 1
        var dead = false
        var edges = 0
        switch model {
        case .independentCascade:
            var head = 0
            search: while head < size {
                let u = Int(queue[head])
                head += 1
                let lo = v.inOffsets[u], hi = v.inOffsets[u + 1]
                edges &+= hi - lo
                for a in lo..<hi {
                    let w = Int(v.inSources[a])
                    if mark[w] == stamp { continue }
                    if rng.nextUnit() < v.inWeight[a] {
                        if v.fixed[w] { dead = true; break search }
                        mark[w] = stamp
                        queue[size] = Int32(w)
                        size += 1
                    }
                }
            }
        case .linearThreshold:
            var cur = root
            while true {
                let lo = v.inOffsets[cur], hi = v.inOffsets[cur + 1]
                guard hi > lo else { break }
                let r = rng.nextUnit()
                var acc = 0.0
                var chosen = -1
                for a in lo..<hi {
                    edges &+= 1
                    acc += v.inWeight[a]
                    if r < acc { chosen = a; break }
                }
                guard chosen >= 0 else { break }
                let w = Int(v.inSources[chosen])
                if mark[w] == stamp { break }
                if v.fixed[w] { dead = true; break }
                mark[w] = stamp
                queue[size] = Int32(w)
                size += 1
                cur = w
            }
        }
        out.edges &+= edges
        if dead { out.dead += 1; return }
        var len: Int32 = 0
        for i in 0..<size where v.candidate[Int(queue[i])] { out.nodes.append(queue[i]); len += 1 }
        out.lengths.append(len)
    }
}
