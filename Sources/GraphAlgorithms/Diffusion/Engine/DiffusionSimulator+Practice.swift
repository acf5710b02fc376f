import GraphCore

extension DiffusionSimulator {
    /// Steps 1…horizon of the practice model (``PracticeParameters`` gives the order of the
    /// events within a step). Transmission and forgetting draw from `rng`, in the order SI and
    /// SIS draw; turnover and organization events from a second generator derived from the
    /// run's starting state (without advancing `rng`).
    func runPractice(_ x: PracticeParameters, _ rng: inout SplitMix64) {
        var aux = SplitMix64(seed: rng.state, stream: 0x5052_4143_5449_4345)  // "PRACTICE"
        let end = frame.collectiveEnd
        var t = 1
        while t <= horizon {
            let step = Int32(t)
            let alive = end.map { t <= $0 } ?? true
            stepPractice(step, x, alive: alive, &rng, &aux)
            record(step: t)
            t += 1
        }
    }

    /// Whether node `v` keeps the practice without forgetting: a participant while the
    /// collective lives, or a member of an organization that institutionalized it.
    @inline(__always) func sustained(_ v: Int, alive: Bool) -> Bool {
        if alive && view.participant[v] { return true }
        for k in view.orgOffsets[v]..<view.orgOffsets[v + 1] where counters.institutionalizedAt[Int(view.orgGroups[k])] >= 0 {
            return true
        }
        return false
    }

    /// One step of the practice model.
    func stepPractice(_ t: Int32, _ x: PracticeParameters, alive: Bool, _ rng: inout SplitMix64,
                      _ aux: inout SplitMix64) {
        let infectious = frontier.count
        // 1. Transmission from the holders at the start of the step (as SI).
        _ = transmitFromFrontier(t, &rng)
        // 2. Turnover of the participants while the collective lives.
        if alive && x.turnover > 0 {
            for p in frame.participantList {
                let v = Int(p)
                guard state[v] != 2 else { continue }
                guard aux.nextUnit() < x.turnover else { continue }
                counters.departures += 1
                touch(v)
                let gone: UInt8 = x.replacement == .none ? 2 : 0
                if state[v] == 1 { drop(v, to: gone) } else { state[v] = gone }
            }
        }
        // 3. Forgetting among the holders at the start of the step.
        if x.forgetting > 0 {
            for i in 0..<infectious {
                let ui = Int(frontier[i])
                guard state[ui] == 1, !sustained(ui, alive: alive) else { continue }
                if rng.nextUnit() < x.forgetting { drop(ui) }
            }
        }
        // The holders that transmit next step: those still holding, then this step's adopters.
        var k = 0
        for i in 0..<infectious where state[Int(frontier[i])] == 1 {
            frontier[k] = frontier[i]
            k += 1
        }
        frontier.removeLast(infectious - k)
        for v in next where state[Int(v)] == 1 { frontier.append(v) }
        // 4. Organizations at the end of the step.
        for g in 0..<frame.groupCount {
            if counters.institutionalizedAt[g] < 0 {
                if counters.holding[g] >= frame.needed[g] {
                    counters.streak[g] += 1
                    if Int(counters.streak[g]) > x.routinization { counters.institutionalizedAt[g] = t }
                } else {
                    counters.streak[g] = 0
                }
            }
            if counters.endorsedAt[g] < 0 {
                if x.endorsement > 0 && counters.memberHolding[g] > 0 && aux.nextUnit() < x.endorsement {
                    counters.endorsedAt[g] = t
                }
            } else if counters.formalizedAt[g] < 0 && x.formalization > 0 && counters.memberHolding[g] > 0
                        && aux.nextUnit() < x.formalization {
                counters.formalizedAt[g] = t
                if counters.institutionalizedAt[g] < 0 { counters.institutionalizedAt[g] = t }
                // Compliance: members who do not hold it adopt it now.
                for m in frame.members[frame.memberOffsets[g]..<frame.memberOffsets[g + 1]] {
                    let v = Int(m)
                    guard state[v] == 0 else { continue }
                    if aux.nextUnit() < x.compliance {
                        adopt(v, at: t)
                        frontier.append(m)
                    }
                }
            }
        }
    }
}
