import GraphCore
import HeapModule

/// Greedy selection of `budget` candidates for a set function estimated by Monte Carlo, with the
/// lazy evaluations of CELF (Leskovec, Krause, Guestrin, Faloutsos, VanBriesen and Glance 2007,
/// "Cost-effective outbreak detection in networks"): a candidate's marginal gain computed in an
/// earlier round is an upper bound of its gain now when the function is submodular, so a
/// candidate is re-evaluated only when it reaches the top of the priority queue, and chosen when
/// its fresh gain is still the largest.
///
/// `evaluate(set)` returns the function's value in each Monte Carlo run; every set is evaluated
/// with the same runs (common random numbers), so a gain is the mean of paired differences and its
/// interval comes from their variance. With `lazy == false` every remaining candidate is
/// re-evaluated in every round (plain greedy, Kempe, Kleinberg and Tardos 2003): the right choice
/// when the objective is far from submodular (institutionalization thresholds, complex
/// contagion), where CELF's bound does not hold.
///
/// Ties between equal gains go to the candidate with the smaller index, so the result depends
/// only on the estimates.
enum CELF {
    struct Step {
        let index: Int
        let gain: Estimate
        let objective: Estimate
    }

    struct Outcome {
        let base: Estimate
        let steps: [Step]
        let evaluations: Int
    }

    /// A queue entry: the gain of `index` measured when `round` relays had been chosen.
    struct Entry: Comparable {
        let gain: Double
        let index: Int
        let round: Int
        static func < (a: Entry, b: Entry) -> Bool { a.gain < b.gain || (a.gain == b.gain && a.index > b.index) }
        static func == (a: Entry, b: Entry) -> Bool { a.gain == b.gain && a.index == b.index }
    }

    /// Chooses up to `budget` of `0..<candidateCount`.
    /// - Parameter progress: called with the number of evaluations done.
    /// - Complexity: `candidateCount` evaluations in the first round; then, lazily, as many as the
    ///   queue needs (plain greedy: `candidateCount` per round); O(candidates log candidates) for
    ///   the queue; one `[Int32]` of runs per evaluation in memory at a time (plus the best of the
    ///   round).
    static func select(candidateCount: Int, budget: Int, lazy: Bool, evaluate: ([Int]) -> [Int32],
                       progress: ((Int) -> Void)? = nil) -> Outcome {
        var evaluations = 0
        func eval(_ set: [Int]) -> [Int32] {
            let v = evaluate(set)
            evaluations += 1
            progress?(evaluations)
            return v
        }
        var current = eval([])
        let base = PairedStatistics.mean(current)
        var chosen: [Int] = []
        var steps: [Step] = []
        let k = min(max(0, budget), candidateCount)
        guard k > 0 else { return Outcome(base: base, steps: [], evaluations: evaluations) }

        func accept(_ index: Int, _ values: [Int32]) {
            steps.append(Step(index: index, gain: PairedStatistics.gain(values, over: current),
                              objective: PairedStatistics.mean(values)))
            chosen.append(index)
            current = values
        }
        func meanGain(_ values: [Int32]) -> Double { PairedStatistics.gain(values, over: current).value }

        if !lazy {
            var remaining = Array(0..<candidateCount)
            while chosen.count < k {
                var best: (Entry, [Int32])?
                for c in remaining {
                    let v = eval(chosen + [c])
                    let e = Entry(gain: meanGain(v), index: c, round: chosen.count)
                    if best == nil || best!.0 < e { best = (e, v) }
                }
                guard let (e, v) = best else { break }
                accept(e.index, v)
                remaining.removeAll { $0 == e.index }
            }
            return Outcome(base: base, steps: steps, evaluations: evaluations)
        }

        // The best entry evaluated in the current round, with its per-run values: when the top of
        // the queue is fresh it is this one.
        var bestFresh: (Entry, [Int32])?
        var heap = Heap<Entry>()
        for c in 0..<candidateCount {
            let v = eval([c])
            let e = Entry(gain: meanGain(v), index: c, round: 0)
            heap.insert(e)
            if bestFresh == nil || bestFresh!.0 < e { bestFresh = (e, v) }
        }
        while chosen.count < k, let top = heap.popMax() {
            if top.round == chosen.count {
                let values = bestFresh.map { $0.0.index == top.index ? $0.1 : nil } ?? nil
                accept(top.index, values ?? eval(chosen + [top.index]))
                bestFresh = nil
            } else {
                let v = eval(chosen + [top.index])
                let e = Entry(gain: meanGain(v), index: top.index, round: chosen.count)
                heap.insert(e)
                if bestFresh == nil || bestFresh!.0 < e { bestFresh = (e, v) }
            }
        }
        return Outcome(base: base, steps: steps, evaluations: evaluations)
    }
}
