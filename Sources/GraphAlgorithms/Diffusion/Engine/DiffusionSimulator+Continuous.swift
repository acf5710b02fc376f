import GraphCore
import HeapModule

/// A pending infection: `target` is reached from `source` at `time`.
struct InfectionEvent: Comparable {
    let time: Double
    let target: Int32
    let source: Int32
    static func < (a: InfectionEvent, b: InfectionEvent) -> Bool {
        (a.time, a.target, a.source) < (b.time, b.target, b.source)
    }
}

extension DiffusionSimulator {
    /// Continuous-time SIR, event-driven: when u adopts at time t it draws its recovery
    /// `t + Exp(γ)` and, for each out-arc, a transmission delay `Exp(β)`; the arc infects its head
    /// at `t + delay` if that comes before u's recovery (and the head is still susceptible).
    /// Events are processed in time order with a binary heap (swift-collections' `Heap`), which
    /// is an exact simulation of the Markov process (Kiss, Miller and Simon 2017).
    /// Steps are closed (recorded, the collective's lapse applied) as time passes each integer.
    func runContinuousSIR(recoveryRate gamma: Double, _ rng: inout SplitMix64) {
        var heap = Heap<InfectionEvent>()
        func exponential(_ rate: Double) -> Double {
            guard rate.isFinite else { return 0 }
            guard rate > 0 else { return .infinity }
            return -DiffusionMath.log(1 - rng.nextUnit()) / rate
        }
        func infectFrom(_ u: Int, at t: Double) {
            let recovery = t + exponential(gamma)
            let lo = view.offsets[u], hi = view.offsets[u + 1]
            edgesExamined &+= hi - lo
            for a in lo..<hi {
                let p = view.probability[a]
                guard p > 0 else { continue }
                let beta = p >= 1 ? Double.infinity : -DiffusionMath.log1p(-p)
                let at = t + exponential(beta)
                if at < recovery { heap.insert(InfectionEvent(time: at, target: view.targets[a], source: Int32(u))) }
            }
        }
        for s in frontier where state[Int(s)] == 1 { infectFrom(Int(s), at: 0) }
        var nextStep = 1
        func close(through step: Int) {
            while nextStep <= min(step, horizon) {
                if let end = frame.collectiveEnd, end == nextStep { lapse(at: Int32(nextStep)) }
                record(step: nextStep)
                nextStep += 1
            }
        }
        while let e = heap.popMin() {
            let step = Int(e.time.rounded(.up))
            if step > horizon { break }
            close(through: step - 1)
            let v = Int(e.target)
            // A lapsed source no longer transmits after its collective ended.
            if state[Int(e.source)] == 2 { continue }
            guard time[v] < 0, state[v] == 0 else { continue }
            adopt(v, at: Int32(max(0, step)))
            infectFrom(v, at: e.time)
        }
        close(through: horizon)
    }
}
