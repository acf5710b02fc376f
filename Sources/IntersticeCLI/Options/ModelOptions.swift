import ArgumentParser
import Interstice

/// Model parameters as named options.
struct ModelOptions: ParsableArguments {
    @Option(help: "Linear threshold: one threshold for every node (default: uniform random per run).")
    var threshold: Double?

    @Option(help: "Linear threshold: node attribute holding each node's threshold (missing: uniform random).")
    var thresholdAttribute: String?

    @Option(help: "Complex contagion: adopting neighbours needed (absolute threshold).")
    var k: Int?

    @Option(help: "Complex contagion: share of neighbours needed (fractional threshold).")
    var fraction: Double?

    @Option(help: "SIS/SIR: probability per step that a holder stops transmitting (SIR) or drops it (SIS); sir-continuous: the recovery rate.")
    var recovery = 0.2

    @Option(name: .customLong("bass-p"), help: "Bass: external influence per step.")
    var bassP = 0.01

    @Option(name: .customLong("bass-q"), help: "Bass: imitation (times the share of adopting neighbours).")
    var bassQ = 0.3

    @Option(help: "Practice: per step, probability that a holder not sustained by the collective or an institutionalized organization forgets (default 0.05).")
    var forgetting: Double?

    @Option(help: "Practice: steps the share θ must keep holding, after it is reached, before the organization is institutionalized (default 6).")
    var routinization: Int?

    @Option(help: "Practice: per step, probability that a participant leaves the collective while it lives (default 0.02).")
    var turnover: Double?

    @Option(help: "Practice: who replaces a leaving participant: colleague (same organization and ties, without the practice) or none (default colleague).")
    var replace: PracticeParameters.Replacement?

    @Option(help: "Practice: per step, probability that an informed management endorses the practice (default 0.2); endorsement alone institutionalizes nothing.")
    var endorsement: Double?

    @Option(help: "Practice: per step, probability that a management which endorsed it formalizes it, which institutionalizes it (default 0.02; 0: off).")
    var formalization: Double?

    @Option(help: "Practice: probability that a member adopts a formalized practice (default 0.5).")
    var compliance: Double?

    func validate() throws {
        if let t = threshold, !(0...1).contains(t) { throw ValidationError("--threshold must be in [0, 1]") }
        if let k, k < 1 { throw ValidationError("--k must be at least 1") }
        if let f = fraction, !(f > 0 && f <= 1) { throw ValidationError("--fraction must be in (0, 1]") }
        if k != nil && fraction != nil { throw ValidationError("--k and --fraction exclude each other") }
        guard recovery >= 0, (0...1).contains(bassP), (0...1).contains(bassQ) else {
            throw ValidationError("--recovery must be ≥ 0 (a probability in [0, 1] for sis and sir), --bass-p and --bass-q in [0, 1]")
        }
    }

    /// The practice options given on the command line, by name.
    var givenPracticeOptions: [String] {
        var out: [String] = []
        if forgetting != nil { out.append("--forgetting") }
        if routinization != nil { out.append("--routinization") }
        if turnover != nil { out.append("--turnover") }
        if replace != nil { out.append("--replace") }
        if endorsement != nil { out.append("--endorsement") }
        if formalization != nil { out.append("--formalization") }
        if compliance != nil { out.append("--compliance") }
        return out
    }

    /// The practice model's parameters: the library's defaults, overridden by the options
    /// given, validated; an option the model would ignore is an error naming it.
    func practiceParameters() throws -> PracticeParameters {
        var x = PracticeParameters()
        if let forgetting { x.forgetting = forgetting }
        if let routinization { x.routinization = routinization }
        if let turnover { x.turnover = turnover }
        if let replace { x.replacement = replace }
        if let endorsement { x.endorsement = endorsement }
        if let formalization { x.formalization = formalization }
        if let compliance { x.compliance = compliance }
        do { try x.validate() } catch { throw ValidationError(error.description) }
        if compliance != nil && x.formalization == 0 {
            throw ValidationError("--compliance: formalization is off (--formalization 0), so no member is ever asked to comply")
        }
        if replace != nil && x.turnover == 0 {
            throw ValidationError("--replace: turnover is off (--turnover 0), so nobody is ever replaced")
        }
        return x
    }

    /// Rejects practice options when none of `models` is the practice model.
    func checkIgnored(by models: [DiffusionModelName]) throws {
        let given = givenPracticeOptions
        guard !given.isEmpty, !models.contains(.practice) else { return }
        throw ValidationError("\(given.joined(separator: ", ")) only apply to the practice model, which is not among the models (\(models.map(\.rawValue).joined(separator: ", ")))")
    }

    func model(_ name: DiffusionModelName, network: Network) throws -> DiffusionModel {
        switch name {
        case .practice: return .practice(try practiceParameters())
        case .ic: return .independentCascade
        case .lt:
            if let attr = thresholdAttribute {
                guard let col = network.nodeAttributes[attr] else { throw ValidationError("no node attribute \"\(attr)\"") }
                return .linearThreshold(.perNode(col.values.map { $0?.numericValue ?? .nan }))
            }
            return .linearThreshold(threshold.map { .fixed($0) } ?? .uniformRandom)
        case .complex: return .complexContagion(fraction.map { .fractional($0) } ?? .absolute(k ?? 2))
        case .si: return .si
        case .sis: return .sis(recovery: recovery)
        case .sir: return .sir(recovery: recovery)
        case .bass: return .bass(p: bassP, q: bassQ)
        case .sirContinuous: return .continuousSIR(recoveryRate: recovery)
        }
    }
}
