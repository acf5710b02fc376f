import GraphCore

/// Adoption times drawn from the discrete-time multiplex contagion process that
/// ``AdoptionModel/contagion`` estimates: in each period `t` of `window`, a population node that
/// has not adopted adopts with probability `1 − (1 − b) Π_r (1 − p_r)^{A_r(t)}`, `A_r(t)` its
/// alters via relation r who adopted strictly before t. For recovery and coverage studies.
///
/// ```swift
/// var rng = SplitMix64(seed: 1, stream: 0)
/// let times = ContagionSimulation.simulate(channels, outside: 0.02, transmission: [0.1], window: 1...10, rng: &rng)
/// ```
public enum ContagionSimulation {
    /// - Returns: one time per node: the period of adoption, or ``AdoptionTimes/never`` (also for
    ///   nodes outside the population).
    /// - Complexity: O(periods · (n + R · m)).
    public static func simulate(_ channels: AdoptionChannels, outside b: Double, transmission p: [Double],
                                window: ClosedRange<Int>, rng: inout SplitMix64) -> [Int] {
        precondition(p.count == channels.relations.count, "ContagionSimulation: one probability per relation")
        precondition((0...1).contains(b) && p.allSatisfy { (0...1).contains($0) }, "ContagionSimulation: probabilities in [0, 1]")
        let n = channels.nodeCount
        var times = [Int](repeating: AdoptionTimes.never, count: n)
        let logStay = p.map { EstimationMath.log1p(-$0) }
        let logOutside = EstimationMath.log1p(-b)
        var adoptingNow: [Int] = []
        for t in window {
            adoptingNow.removeAll(keepingCapacity: true)
            for i in 0..<n where channels.inPopulation[i] && times[i] == AdoptionTimes.never {
                var logQ = logOutside
                for r in 0..<p.count {
                    let al = channels.alters[r]
                    var a = 0
                    for e in al.offsets[i]..<al.offsets[i + 1] where times[Int(al.targets[e])] < t { a += 1 }
                    logQ += Double(a) * logStay[r]
                }
                if rng.nextUnit() >= EstimationMath.exp(logQ) { adoptingNow.append(i) }
            }
            for i in adoptingNow { times[i] = t }
        }
        return times
    }
}
