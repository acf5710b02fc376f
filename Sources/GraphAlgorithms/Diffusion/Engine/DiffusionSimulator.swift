import GraphCore

/// Raw pointers to a ``DiffusionGraph`` and the organizational frame, valid during one
/// Monte Carlo call.
struct DiffusionView: @unchecked Sendable {
    let n: Int
    let offsets: UnsafePointer<Int>
    let targets: UnsafePointer<Int32>
    let probability: UnsafePointer<Double>
    let inOffsets: UnsafePointer<Int>
    /// LT influence aligned with out-arcs.
    let outInfluence: UnsafePointer<Double>
    /// Node → organizations (CSR).
    let orgOffsets: UnsafePointer<Int>
    let orgGroups: UnsafePointer<Int32>
    let participant: UnsafePointer<Bool>
    let isHead: UnsafePointer<Bool>
    /// The probability shared by every arc, when it is (enables geometric skipping).
    let uniformProbability: Double?
}

/// The counters of one run, kept by organization.
struct OrganizationCounters {
    var holding: [Int32]
    var reachedAt: [Int32]
    var institutionalizedAt: [Int32]
    /// Members holding it, participants included (practice: management is informed).
    var memberHolding: [Int32]
    /// Practice: consecutive step ends at which the share θ was met.
    var streak: [Int32]
    /// Practice: step of endorsement and of formalization (-1: not yet).
    var endorsedAt: [Int32]
    var formalizedAt: [Int32]
    /// Practice: participants who left the collective this run.
    var departures: Int32 = 0

    init(groups g: Int) {
        holding = Array(repeating: 0, count: g)
        reachedAt = Array(repeating: -1, count: g)
        institutionalizedAt = Array(repeating: -1, count: g)
        memberHolding = Array(repeating: 0, count: g)
        streak = Array(repeating: 0, count: g)
        endorsedAt = Array(repeating: -1, count: g)
        formalizedAt = Array(repeating: -1, count: g)
    }

    mutating func reset() {
        for g in holding.indices {
            holding[g] = 0; reachedAt[g] = -1; institutionalizedAt[g] = -1
            memberHolding[g] = 0; streak[g] = 0; endorsedAt[g] = -1; formalizedAt[g] = -1
        }
        departures = 0
    }
}

/// One worker's simulation state: arrays of n entries allocated once and reset through the list
/// of nodes a run touched, so a run costs what it changes, not O(n).
final class DiffusionSimulator {
    let view: DiffusionView
    let model: DiffusionModel
    /// The practice model's parameters (nil: another model).
    let practice: PracticeParameters?
    let frame: FrameInfo
    let horizon: Int

    /// Adoption step of each node (-1: never).
    let time: UnsafeMutablePointer<Int32>
    /// 0 never/susceptible, 1 holds and transmits, 2 lapsed (dropped out), 3 holds without
    /// transmitting (SIR recovered).
    let state: UnsafeMutablePointer<UInt8>
    /// LT: influence received; complex/Bass: number of adopting in-neighbours.
    let received: UnsafeMutablePointer<Double>
    /// LT: threshold, drawn when the node first receives influence (NaN: not drawn yet).
    let threshold: UnsafeMutablePointer<Double>
    /// Whether the node is in `touched`.
    let marked: UnsafeMutablePointer<Bool>
    /// The last step in which the node became a candidate (LT, complex).
    let stamp: UnsafeMutablePointer<Int32>
    var touched: [Int32] = []
    var frontier: [Int32] = []
    var next: [Int32] = []
    var counters: OrganizationCounters
    /// Holders at the end of each step 0…horizon, this run.
    var holdersByStep: [Int32]
    /// Non-participant holders by organization and step (org-major), this run.
    var orgHoldersByStep: [Int32]
    var holders: Int32 = 0
    var edgesExamined: Int = 0

    struct FrameInfo {
        let groupCount: Int
        /// Non-participant members needed for the share rule (Int32.max: impossible).
        let needed: [Int32]
        let rule: InstitutionalizationRule
        let collectiveEnd: Int?
        let heads: [Int32]
        /// The collective's participants, in increasing order.
        let participantList: [Int32]
        /// Members of each organization (CSR by group).
        let memberOffsets: [Int]
        let members: [Int32]
    }

    /// Nodes that may adopt by outside influence (Bass); empty: all.
    let eligible: [Bool]

    init(view: DiffusionView, model: DiffusionModel, frame: FrameInfo, horizon: Int, eligible: [Bool] = []) {
        self.eligible = eligible.count == view.n ? eligible : []
        self.view = view
        self.model = model
        if case .practice(let x) = model { practice = x } else { practice = nil }
        self.frame = frame
        self.horizon = horizon
        let n = view.n
        time = .allocate(capacity: max(1, n)); time.initialize(repeating: -1, count: max(1, n))
        state = .allocate(capacity: max(1, n)); state.initialize(repeating: 0, count: max(1, n))
        received = .allocate(capacity: max(1, n)); received.initialize(repeating: 0, count: max(1, n))
        threshold = .allocate(capacity: max(1, n)); threshold.initialize(repeating: .nan, count: max(1, n))
        marked = .allocate(capacity: max(1, n)); marked.initialize(repeating: false, count: max(1, n))
        stamp = .allocate(capacity: max(1, n)); stamp.initialize(repeating: -1, count: max(1, n))
        let g = frame.groupCount
        counters = OrganizationCounters(groups: g)
        holdersByStep = Array(repeating: 0, count: horizon + 1)
        orgHoldersByStep = Array(repeating: 0, count: g * (horizon + 1))
    }

    deinit {
        time.deallocate(); state.deallocate(); received.deallocate(); threshold.deallocate()
        marked.deallocate(); stamp.deallocate()
    }

    /// Clears what the last run changed.
    func reset() {
        for v in touched {
            let i = Int(v)
            time[i] = -1; state[i] = 0; received[i] = 0; threshold[i] = .nan; marked[i] = false; stamp[i] = -1
        }
        touched.removeAll(keepingCapacity: true)
        frontier.removeAll(keepingCapacity: true)
        next.removeAll(keepingCapacity: true)
        counters.reset()
        holders = 0
        edgesExamined = 0
    }

    @inline(__always) func touch(_ v: Int) {
        if !marked[v] { marked[v] = true; touched.append(Int32(v)) }
    }

    /// Node `v` adopts at step `t`.
    @inline(__always) func adopt(_ v: Int, at t: Int32) {
        touch(v)
        if time[v] < 0 { time[v] = t }
        state[v] = 1
        holders += 1
        guard frame.groupCount > 0 else { return }
        let part = view.participant[v]
        let atAdoption = practice == nil
        for k in view.orgOffsets[v]..<view.orgOffsets[v + 1] {
            let g = Int(view.orgGroups[k])
            counters.memberHolding[g] += 1
            if !part {
                counters.holding[g] += 1
                if counters.reachedAt[g] < 0 { counters.reachedAt[g] = t }
            }
            if atAdoption { checkInstitutionalized(g, at: t) }
        }
    }

    /// Node `v` stops holding (SIS recovery, practice forgetting or departure); `newState` is
    /// 0 (may adopt again) or 2 (gone).
    @inline(__always) func drop(_ v: Int, to newState: UInt8 = 0) {
        state[v] = newState
        holders -= 1
        guard frame.groupCount > 0 else { return }
        let part = view.participant[v]
        for k in view.orgOffsets[v]..<view.orgOffsets[v + 1] {
            let g = Int(view.orgGroups[k])
            counters.memberHolding[g] -= 1
            if !part { counters.holding[g] -= 1 }
        }
    }

    /// The share rule, checked at adoption (every model but practice).
    @inline(__always) func checkInstitutionalized(_ g: Int, at t: Int32) {
        guard counters.institutionalizedAt[g] < 0 else { return }
        switch frame.rule.mode {
        case .share:
            if counters.holding[g] >= frame.needed[g] { counters.institutionalizedAt[g] = t }
        }
    }

    /// Records the holders at the end of step t.
    @inline(__always) func record(step t: Int) {
        holdersByStep[t] = holders
        let h1 = horizon + 1
        for g in 0..<frame.groupCount { orgHoldersByStep[g * h1 + t] = counters.holding[g] }
    }

    // MARK: One run

    /// Simulates one run from `seeds` with generator `rng`.
    func run(seeds: [Int32], rng: inout SplitMix64) {
        reset()
        for s in seeds where time[Int(s)] < 0 {
            adopt(Int(s), at: 0)
            frontier.append(s)
        }
        if let practice {
            record(step: 0)
            runPractice(practice, &rng)
            return
        }
        if frame.collectiveEnd == 0 { lapse(at: 0) }
        record(step: 0)
        if case .continuousSIR(let gamma) = model {
            runContinuousSIR(recoveryRate: gamma, &rng)
            return
        }
        var t = 1
        var quiet = false
        while t <= horizon {
            if quiet && !model.continuesWhenQuiet {
                // Nothing changes any more, except the collective's end.
                if let end = frame.collectiveEnd, end >= t, end <= horizon {
                    for s in t..<end { record(step: s) }
                    t = end
                    record(step: t)
                    lapse(at: Int32(t))
                    record(step: t)
                    t += 1
                }
                while t <= horizon { record(step: t); t += 1 }
                break
            }
            let changed: Bool
            switch model {
            case .independentCascade: changed = stepIC(Int32(t), &rng)
            case .linearThreshold(let th): changed = stepLT(Int32(t), th, &rng)
            case .complexContagion(let c): changed = stepComplex(Int32(t), c)
            case .si: changed = stepEpidemic(Int32(t), recovery: 0, sis: false, &rng)
            case .sis(let r): changed = stepEpidemic(Int32(t), recovery: r, sis: true, &rng)
            case .sir(let r): changed = stepEpidemic(Int32(t), recovery: r, sis: false, &rng)
            case .bass(let p, let q): changed = stepBass(Int32(t), p: p, q: q, &rng)
            case .continuousSIR, .practice: changed = false  // handled above
            }
            if let end = frame.collectiveEnd, end == t { lapse(at: Int32(t)) }
            record(step: t)
            quiet = !changed
            t += 1
        }
    }

    /// The collective dissolves: participants whose organizations have not institutionalized
    /// the invention drop it and drop out.
    func lapse(at t: Int32) {
        var i = 0
        var removed = false
        while i < touched.count {
            let v = Int(touched[i])
            i += 1
            guard view.participant[v], state[v] == 1 || state[v] == 3 else { continue }
            var kept = false
            for k in view.orgOffsets[v]..<view.orgOffsets[v + 1] where counters.institutionalizedAt[Int(view.orgGroups[k])] >= 0 {
                kept = true
            }
            if kept { continue }
            state[v] = 2
            holders -= 1
            removed = true
            // Its pull on neighbours that have not adopted disappears.
            switch model {
            case .linearThreshold, .complexContagion, .bass:
                for a in view.offsets[v]..<view.offsets[v + 1] {
                    let w = Int(view.targets[a])
                    guard state[w] == 0 && time[w] < 0 else { continue }
                    switch model {
                    case .linearThreshold: received[w] -= view.outInfluence[a]
                    default: received[w] -= 1
                    }
                }
            default: break
            }
        }
        if removed {
            // Transmitting lists drop lapsed nodes.
            frontier.removeAll { state[Int($0)] == 2 }
        }
    }

    // MARK: Models

    /// IC: nodes that adopted last step try each out-arc once.
    ///
    /// With one probability p on every arc (0 < p < 1), the successful arcs of a row are found
    /// by geometric skipping: the gap to the next success is ⌊ln U / ln(1 − p)⌋, the same
    /// distribution as one Bernoulli trial per arc, with one draw and one memory access per
    /// success instead of per arc.
    func stepIC(_ t: Int32, _ rng: inout SplitMix64) -> Bool {
        next.removeAll(keepingCapacity: true)
        let skip = view.uniformProbability.flatMap { $0 > 0 && $0 < 1 ? 1 / DiffusionMath.log1p(-$0) : nil }
        for u in frontier {
            let ui = Int(u)
            guard state[ui] == 1 else { continue }
            let lo = view.offsets[ui], hi = view.offsets[ui + 1]
            edgesExamined &+= hi - lo
            if let inverseLogQ = skip {
                var a = lo - 1
                while true {
                    // U in (0, 1]: ln U ≤ 0, so the gap is a non-negative whole number.
                    // The gap is ⌊g⌋; g < N ⇔ ⌊g⌋ < N for a whole N, and Int(g) truncates = ⌊g⌋ for g ≥ 0
                        // (no floor call, and no conversion until g is known to fit).
                        let gap = DiffusionMath.log(1 - rng.nextUnit()) * inverseLogQ
                    guard gap < Double(hi - a) else { break }
                    a += 1 + Int(gap)
                    guard a < hi else { break }
                    let v = Int(view.targets[a])
                    if time[v] >= 0 || state[v] == 2 { continue }
                    adopt(v, at: t)
                    next.append(Int32(v))
                }
                continue
            }
            for a in lo..<hi {
                let v = Int(view.targets[a])
                if time[v] >= 0 || state[v] == 2 { continue }
                if rng.nextUnit() < view.probability[a] {
                    adopt(v, at: t)
                    next.append(Int32(v))
                }
            }
        }
        swap(&frontier, &next)
        return !frontier.isEmpty
    }

    /// LT: neighbours of last step's adopters gather influence; those over threshold adopt.
    /// Thresholds are drawn when a node first receives influence, in a fixed order, so a run
    /// costs what it reaches.
    func stepLT(_ t: Int32, _ th: DiffusionModel.Thresholds, _ rng: inout SplitMix64) -> Bool {
        next.removeAll(keepingCapacity: true)
        for u in frontier {
            let ui = Int(u)
            guard state[ui] == 1 else { continue }
            let lo = view.offsets[ui], hi = view.offsets[ui + 1]
            edgesExamined &+= hi - lo
            for a in lo..<hi {
                let v = Int(view.targets[a])
                if time[v] >= 0 || state[v] == 2 { continue }
                touch(v)
                if threshold[v].isNaN {
                    switch th {
                    case .uniformRandom: threshold[v] = rng.nextUnit()
                    case .fixed(let x): threshold[v] = x
                    case .perNode(let xs): threshold[v] = xs[v].isNaN ? rng.nextUnit() : xs[v]
                    }
                }
                if stamp[v] != t { stamp[v] = t; next.append(Int32(v)) }
                received[v] += view.outInfluence[a]
            }
        }
        // Adopt, synchronously, those whose influence reached their threshold.
        var k = 0
        for v in next where received[Int(v)] >= threshold[Int(v)] - 1e-12 { next[k] = v; k += 1 }
        next.removeLast(next.count - k)
        for v in next { adopt(Int(v), at: t) }
        swap(&frontier, &next)
        return !frontier.isEmpty
    }

    /// Complex contagion: count adopting in-neighbours.
    func stepComplex(_ t: Int32, _ c: DiffusionModel.ComplexThreshold) -> Bool {
        next.removeAll(keepingCapacity: true)
        for u in frontier {
            let ui = Int(u)
            guard state[ui] == 1 else { continue }
            let lo = view.offsets[ui], hi = view.offsets[ui + 1]
            edgesExamined &+= hi - lo
            for a in lo..<hi {
                let v = Int(view.targets[a])
                if time[v] >= 0 || state[v] == 2 { continue }
                touch(v)
                if stamp[v] != t { stamp[v] = t; next.append(Int32(v)) }
                received[v] += 1
            }
        }
        var adopted: [Int32] = []
        for v in next {
            let vi = Int(v)
            let k = view.inOffsets[vi + 1] - view.inOffsets[vi]
            let ok: Bool
            switch c {
            case .absolute(let need): ok = received[vi] >= Double(need)
            case .fractional(let f): ok = k > 0 && received[vi] >= f * Double(k) - 1e-12
            }
            if ok { adopted.append(v) }
        }
        for v in adopted { adopt(Int(v), at: t) }
        // Nodes that did not adopt stay candidates only through new adopters' arcs.
        frontier = adopted
        return !adopted.isEmpty
    }

    /// SI transmission, shared by SI/SIS/SIR and the practice model: each of the frontier's
    /// holders (state 1) tries each out-arc once; a susceptible target (never adopted, or
    /// dropped it; not adopted in this step) adopts with the arc's probability and joins
    /// `next` (cleared first). Returns whether anyone adopted.
    @inline(__always)
    func transmitFromFrontier(_ t: Int32, _ rng: inout SplitMix64) -> Bool {
        next.removeAll(keepingCapacity: true)
        var changed = false
        for i in 0..<frontier.count {
            let ui = Int(frontier[i])
            guard state[ui] == 1 else { continue }
            let lo = view.offsets[ui], hi = view.offsets[ui + 1]
            edgesExamined &+= hi - lo
            for a in lo..<hi {
                let v = Int(view.targets[a])
                guard state[v] == 0, time[v] != t else { continue }
                if rng.nextUnit() < view.probability[a] {
                    adopt(v, at: t)  // a re-adoption keeps the first adoption time
                    next.append(Int32(v))
                    changed = true
                }
            }
        }
        return changed
    }

    /// SI / SIS / SIR: every transmitting holder tries each out-arc at every step.
    func stepEpidemic(_ t: Int32, recovery: Double, sis: Bool, _ rng: inout SplitMix64) -> Bool {
        let infectious = frontier.count
        var changed = transmitFromFrontier(t, &rng)
        // Recoveries among those who were transmitting at the start of the step.
        var stillInfectious: [Int32] = []
        stillInfectious.reserveCapacity(infectious + next.count)
        for i in 0..<infectious {
            let u = frontier[i], ui = Int(u)
            guard state[ui] == 1 else { continue }
            if recovery > 0 && rng.nextUnit() < recovery {
                changed = true
                if sis { drop(ui) } else { state[ui] = 3 }
            } else {
                stillInfectious.append(u)
            }
        }
        stillInfectious.append(contentsOf: next)
        frontier = stillInfectious
        return changed || !frontier.isEmpty
    }

    /// Bass: every non-adopter adopts with probability p + q·a/k.
    func stepBass(_ t: Int32, p: Double, q: Double, _ rng: inout SplitMix64) -> Bool {
        // Influence counts from last step's adopters.
        for u in frontier {
            let ui = Int(u)
            guard state[ui] == 1 else { continue }
            let lo = view.offsets[ui], hi = view.offsets[ui + 1]
            edgesExamined &+= hi - lo
            for a in lo..<hi {
                let v = Int(view.targets[a])
                if time[v] >= 0 || state[v] == 2 { continue }
                touch(v)
                received[v] += 1
            }
        }
        var adopted: [Int32] = []
        let all = eligible.isEmpty
        for v in 0..<view.n where time[v] < 0 && state[v] == 0 && (all || eligible[v]) {
            let k = view.inOffsets[v + 1] - view.inOffsets[v]
            let hazard = p + (k > 0 ? q * received[v] / Double(k) : 0)
            if rng.nextUnit() < hazard { adopted.append(Int32(v)) }
        }
        for v in adopted { adopt(Int(v), at: t) }
        frontier = adopted
        return true
    }
}

/// An organizational frame laid out for the hot loop: each node's organizations as CSR, the
/// participant and head flags, and per organization its members beyond the collective and how
/// many of them must hold the invention. Built once per simulation by the Monte Carlo engine and
/// by the relay evaluator.
struct FrameLayout {
    let orgOffsets: [Int]
    let orgGroups: [Int32]
    let participant: [Bool]
    let isHead: [Bool]
    /// Members of each organization who are not participants.
    let nonParticipants: [Int]
    let info: DiffusionSimulator.FrameInfo

    /// - Complexity: O(n + memberships).
    init(_ frame: OrganizationFrame?, nodeCount n: Int) {
        let groups = frame?.organizations.groupCount ?? 0
        var offsets = [Int](repeating: 0, count: n + 1), memberships: [Int32] = []
        var participant = [Bool](repeating: false, count: n), isHead = [Bool](repeating: false, count: n)
        var beyond = [Int](repeating: 0, count: groups), needed = [Int32](repeating: .max, count: groups)
        if let frame {
            let p = frame.organizations
            for v in 0..<n {
                if v < p.nodeCount { memberships.append(contentsOf: p.groups(of: Int32(v))) }
                offsets[v + 1] = memberships.count
            }
            for v in frame.participants.members where Int(v) < n { participant[Int(v)] = true }
            for h in frame.heads where h >= 0 && Int(h) < n { isHead[Int(h)] = true }
            for gi in 0..<groups {
                let np = p.members(of: Int32(gi)).filter { !participant[Int($0)] }.count
                beyond[gi] = np
                if np > 0 {
                    let need = (frame.rule.threshold * Double(np) - 1e-9).rounded(.up)
                    needed[gi] = Int32(max(1, min(Double(np), need)))
                }
            }
        }
        orgOffsets = offsets; orgGroups = memberships
        self.participant = participant; self.isHead = isHead; nonParticipants = beyond
        var memberOffsets = [Int](repeating: 0, count: groups + 1), members: [Int32] = []
        if let frame {
            for gi in 0..<groups {
                members.append(contentsOf: frame.organizations.members(of: Int32(gi)).filter { Int($0) < n })
                memberOffsets[gi + 1] = members.count
            }
        }
        info = DiffusionSimulator.FrameInfo(
            groupCount: groups, needed: needed, rule: frame?.rule ?? InstitutionalizationRule(),
            collectiveEnd: frame?.collectiveEnd, heads: frame?.heads ?? [],
            participantList: (0..<n).filter { participant[$0] }.map { Int32($0) },
            memberOffsets: memberOffsets, members: members)
    }

    /// Calls `body` with the view of `g` and these arrays.
    func withView<R>(_ g: DiffusionGraph, _ body: (DiffusionView) -> R) -> R {
        DiffusionView.with(g, orgOffsets: orgOffsets, orgGroups: orgGroups, participant: participant, isHead: isHead, body)
    }
}

extension DiffusionView {
    /// Calls `body` with a view of a diffusion graph and the organization arrays, valid for the
    /// call's duration (see ``FrameLayout/withView(_:_:)``).
    static func with<R>(_ g: DiffusionGraph, orgOffsets: [Int], orgGroups: [Int32], participant: [Bool], isHead: [Bool],
                        _ body: (DiffusionView) -> R) -> R {
        g.offsets.withUnsafeBufferPointer { off in
        g.targets.withUnsafeBufferPointer { tgt in
        g.probability.withUnsafeBufferPointer { prob in
        g.inOffsets.withUnsafeBufferPointer { ioff in
        g.outInfluence.withUnsafeBufferPointer { infl in
        orgOffsets.withUnsafeBufferPointer { oo in
        orgGroups.withUnsafeBufferPointer { og in
        participant.withUnsafeBufferPointer { part in
        isHead.withUnsafeBufferPointer { head in
            body(DiffusionView(
                n: g.nodeCount, offsets: off.baseAddress ?? UnsafePointer(_emptyIntPointer),
                targets: tgt.baseAddress ?? UnsafePointer(_emptyInt32),
                probability: prob.baseAddress ?? UnsafePointer(_emptyDouble),
                inOffsets: ioff.baseAddress ?? UnsafePointer(_emptyIntPointer),
                outInfluence: infl.baseAddress ?? UnsafePointer(_emptyDouble),
                orgOffsets: oo.baseAddress ?? UnsafePointer(_emptyIntPointer),
                orgGroups: og.baseAddress ?? UnsafePointer(_emptyInt32),
                participant: part.baseAddress ?? UnsafePointer(_emptyBool),
                isHead: head.baseAddress ?? UnsafePointer(_emptyBool),
                uniformProbability: g.uniformProbability))
        }}}}}}}}}
    }
}
