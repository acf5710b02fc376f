import GraphAlgorithms
import GraphCore

/// The diffusion models of `diffuse`, `reach` and the manifest: one spelling each.
public enum ModelKind: String, CatalogueName, Hashable, Codable {
    /// The practice model (``PracticeParameters``): the default of `reach`.
    case practice
    case ic, lt, complex, si, sis, sir
    case sirContinuous = "sir-continuous"
    case bass

    /// Other spellings.
    public static let aliases: [String: ModelKind] = [
        "independent-cascade": .ic, "cascade": .ic, "linear-threshold": .lt, "threshold": .lt,
        "complex-contagion": .complex, "sir_continuous": .sirContinuous, "continuous-sir": .sirContinuous,
    ]

    public static let kindOfName = "model"

    /// The ``ModelSettings`` parameters this model reads.
    public var parameterNames: Set<String> {
        switch self {
        case .ic, .si: []
        case .lt: ["threshold", "threshold-attribute"]
        case .complex: ["k", "fraction"]
        case .sis, .sir, .sirContinuous: ["recovery"]
        case .bass: ["bass-p", "bass-q"]
        case .practice: Set(ModelSettings.practiceNames)
        }
    }
}

/// The models' own parameters. Each is nil until given; a model that does not read a given
/// parameter is an error (``check(for:)``), never silently ignored. The defaults, applied by
/// ``model(_:network:)``, are the static members.
public struct ModelSettings: Sendable, Hashable {
    /// Linear threshold: one threshold for every node (default: uniform random per run).
    public var threshold: Double?
    /// Linear threshold: the node attribute holding each node's threshold.
    public var thresholdAttribute: String?
    /// Complex contagion: adopting neighbours needed (default ``defaultK``).
    public var k: Int?
    /// Complex contagion: share of neighbours needed.
    public var fraction: Double?
    /// SIS/SIR: probability per step of stopping; sir-continuous: the rate (default ``defaultRecovery``).
    public var recovery: Double?
    /// Bass: outside influence per step and imitation (defaults ``defaultBassP``, ``defaultBassQ``).
    public var bassP: Double?
    public var bassQ: Double?
    /// Practice: forgetting δ, routinization R, turnover μ, who replaces a leaver, endorsement,
    /// formalization and compliance (defaults: ``PracticeParameters``'s).
    public var forgetting: Double?
    public var routinization: Int?
    public var turnover: Double?
    public var replace: PracticeParameters.Replacement?
    public var endorsement: Double?
    public var formalization: Double?
    public var compliance: Double?

    /// The practice model's parameter names.
    public static let practiceNames = ["forgetting", "routinization", "turnover", "replace", "endorsement",
                                       "formalization", "compliance"]

    /// The practice model's parameters: its documented defaults, overridden by those given.
    public var practice: PracticeParameters {
        var x = PracticeParameters()
        if let forgetting { x.forgetting = forgetting }
        if let routinization { x.routinization = routinization }
        if let turnover { x.turnover = turnover }
        if let replace { x.replacement = replace }
        if let endorsement { x.endorsement = endorsement }
        if let formalization { x.formalization = formalization }
        if let compliance { x.compliance = compliance }
        return x
    }

    public static let defaultK = 2
    public static let defaultRecovery = 0.2
    public static let defaultBassP = 0.01
    public static let defaultBassQ = 0.3

    public init(threshold: Double? = nil, thresholdAttribute: String? = nil, k: Int? = nil, fraction: Double? = nil,
                recovery: Double? = nil, bassP: Double? = nil, bassQ: Double? = nil) {
        self.threshold = threshold; self.thresholdAttribute = thresholdAttribute; self.k = k; self.fraction = fraction
        self.recovery = recovery; self.bassP = bassP; self.bassQ = bassQ
    }

    /// Sets the practice parameters given (nil: the model's default).
    public mutating func setPractice(forgetting: Double?, routinization: Int?, turnover: Double?,
                                     replace: PracticeParameters.Replacement?, endorsement: Double?,
                                     formalization: Double?, compliance: Double?) {
        self.forgetting = forgetting; self.routinization = routinization; self.turnover = turnover
        self.replace = replace; self.endorsement = endorsement; self.formalization = formalization
        self.compliance = compliance
    }

    /// The parameters given, by name.
    public var given: [String] {
        var out: [String] = []
        if threshold != nil { out.append("threshold") }
        if thresholdAttribute != nil { out.append("threshold-attribute") }
        if k != nil { out.append("k") }
        if fraction != nil { out.append("fraction") }
        if recovery != nil { out.append("recovery") }
        if bassP != nil { out.append("bass-p") }
        if bassQ != nil { out.append("bass-q") }
        if forgetting != nil { out.append("forgetting") }
        if routinization != nil { out.append("routinization") }
        if turnover != nil { out.append("turnover") }
        if replace != nil { out.append("replace") }
        if endorsement != nil { out.append("endorsement") }
        if formalization != nil { out.append("formalization") }
        if compliance != nil { out.append("compliance") }
        return out
    }

    /// Ranges, and that every given parameter is read by one of `models`.
    public func check(for models: [ModelKind]) throws(RequestError) {
        if let t = threshold, !(0...1).contains(t) { throw .usage("threshold must be in [0, 1], found \(t)") }
        if let k, !(1...1_000_000).contains(k) { throw .usage("k must be in 1…1000000, found \(k)") }
        if let f = fraction, !(f > 0 && f <= 1) { throw .usage("fraction must be in (0, 1], found \(f)") }
        if k != nil && fraction != nil { throw .usage("k and fraction exclude each other") }
        if threshold != nil && thresholdAttribute != nil { throw .usage("threshold and threshold-attribute exclude each other") }
        if let r = recovery {
            guard r >= 0 && r <= 1e6 else { throw .usage("recovery must be in 0…1e6 (a probability in [0, 1] for sis and sir), found \(r)") }
            if r > 1 && models.contains(where: { $0 == .sis || $0 == .sir }) {
                throw .usage("recovery is a probability per step for sis and sir: at most 1, found \(r)")
            }
        }
        if let p = bassP, !(0...1).contains(p) { throw .usage("bass-p must be in [0, 1], found \(p)") }
        if let q = bassQ, !(0...1).contains(q) { throw .usage("bass-q must be in [0, 1], found \(q)") }
        if models.contains(.practice) {
            let x = practice
            do { try x.validate() } catch { throw .usage(String(error.description.dropFirst(2))) }
            if compliance != nil && x.formalization == 0 {
                throw .usage("compliance: formalization is off (formalization 0), so no member is ever asked to comply")
            }
            if replace != nil && x.turnover == 0 {
                throw .usage("replace: turnover is off (turnover 0), so nobody is ever replaced")
            }
        }
        let read = models.reduce(into: Set<String>()) { $0.formUnion($1.parameterNames) }
        for name in given where !read.contains(name) {
            let owners = ModelKind.allCases.filter { $0.parameterNames.contains(name) }.map(\.rawValue)
            throw .usage("\(name) is a parameter of \(owners.joined(separator: " and ")); \(models.map(\.rawValue).joined(separator: ", ")) \(models.count == 1 ? "does" : "do") not use it")
        }
    }

    /// The library's model, with the defaults filled in.
    /// - Throws: when the threshold attribute is missing or holds values outside [0, 1].
    public func model(_ kind: ModelKind, network: Network) throws(RequestError) -> DiffusionModel {
        switch kind {
        case .ic: return .independentCascade
        case .lt:
            if let attr = thresholdAttribute {
                guard let col = network.nodeAttributes[attr] else {
                    throw .badData("threshold-attribute: the dataset has no node attribute \"\(attr)\"")
                }
                var values: [Double] = []
                for v in 0..<network.nodeCount {
                    guard let cell = col.values[v] else { values.append(.nan); continue }
                    guard let x = cell.numericValue, (0...1).contains(x) else {
                        throw .badData("threshold-attribute \(attr): node \"\(network.ids[v])\" has \(cell), expected a number in [0, 1]")
                    }
                    values.append(x)
                }
                return .linearThreshold(.perNode(values))
            }
            return .linearThreshold(threshold.map { .fixed($0) } ?? .uniformRandom)
        case .complex: return .complexContagion(fraction.map { .fractional($0) } ?? .absolute(k ?? Self.defaultK))
        case .si: return .si
        case .sis: return .sis(recovery: recovery ?? Self.defaultRecovery)
        case .sir: return .sir(recovery: recovery ?? Self.defaultRecovery)
        case .sirContinuous: return .continuousSIR(recoveryRate: recovery ?? Self.defaultRecovery)
        case .bass: return .bass(p: bassP ?? Self.defaultBassP, q: bassQ ?? Self.defaultBassQ)
        case .practice: return .practice(practice)
        }
    }
}
