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

    func validate() throws {
        if let t = threshold, !(0...1).contains(t) { throw ValidationError("--threshold must be in [0, 1]") }
        try OptionRange.check(k, 1...1_000_000, "--k")
        if let f = fraction, !(f > 0 && f <= 1) { throw ValidationError("--fraction must be in (0, 1]") }
        if k != nil && fraction != nil { throw ValidationError("--k and --fraction exclude each other") }
        guard recovery >= 0, recovery <= 1e6, (0...1).contains(bassP), (0...1).contains(bassQ) else {
            throw ValidationError("--recovery must be in 0…1e6 (a probability in [0, 1] for sis and sir), --bass-p and --bass-q in [0, 1]")
        }
    }

    func model(_ name: DiffusionModelName, network: Network) throws -> DiffusionModel {
        switch name {
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
