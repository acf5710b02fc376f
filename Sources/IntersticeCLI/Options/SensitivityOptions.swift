import ArgumentParser
import Interstice

/// The sensitivity grid's options, shared by `reach --sensitivity` and `report` (whose
/// robustness section runs a reduced sweep by default): each translates into
/// ``ReachRequest/Sensitivity``, axis by axis over a base.
struct SensitivityOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Sensitivity grid: transmission probabilities, on every channel relation (default 0.01,0.02,0.05,0.1,0.2).", valueName: "p,p"))
    var gridProbability: String?
    @Option(help: ArgumentHelp("Sensitivity grid: shares θ (default 0.3,0.5).", valueName: "θ,θ"))
    var gridTheta: String?
    @Option(help: ArgumentHelp("Sensitivity grid: forgetting δ of the practice model (default 0.05,0.3).", valueName: "δ,δ"))
    var gridForgetting: String?
    @Option(help: ArgumentHelp("Sensitivity grid: routinization R of the practice model (default 0,6).", valueName: "R,R"))
    var gridRoutinization: String?
    @Option(help: ArgumentHelp("Sensitivity grid: formalization of the practice model (default 0,0.02).", valueName: "F,F"))
    var gridFormalization: String?
    @Option(help: ArgumentHelp("Sensitivity grid: models, among practice, ic, lt, complex (default practice,ic).", valueName: "m,m"))
    var gridModels: String?
    @Option(help: ArgumentHelp("Sensitivity grid: null models (default: reach collective-preserving,organization-preserving; report its own null model).", valueName: "null,null"))
    var gridNulls: String?
    @Option(help: "Sensitivity: Monte Carlo runs per setting (default: reach \(ReachRequest.Sensitivity().runs), report \(ReachRequest.Sensitivity.report(null: .collectivePreserving).runs)).")
    var gridRuns: Int?
    @Option(help: "Sensitivity: randomized networks per setting (default \(ReachRequest.Sensitivity().nullSamples)).")
    var gridNullSamples: Int?
    @Option(help: "Sensitivity: runs on each randomized network (default: reach \(ReachRequest.Sensitivity().nullRuns), report \(ReachRequest.Sensitivity.report(null: .collectivePreserving).nullRuns)).")
    var gridNullRuns: Int?

    /// The options given, by their flag (for "only apply with --sensitivity").
    var given: [String] {
        let all: [(String, Bool)] = [("--grid-probability", gridProbability != nil), ("--grid-theta", gridTheta != nil),
                                     ("--grid-forgetting", gridForgetting != nil), ("--grid-routinization", gridRoutinization != nil),
                                     ("--grid-formalization", gridFormalization != nil),
                                     ("--grid-models", gridModels != nil), ("--grid-nulls", gridNulls != nil),
                                     ("--grid-runs", gridRuns != nil), ("--grid-null-samples", gridNullSamples != nil),
                                     ("--grid-null-runs", gridNullRuns != nil)]
        return all.filter(\.1).map(\.0)
    }

    /// `base` with the options given replacing its axes and counts.
    func sensitivity(over base: ReachRequest.Sensitivity) throws(RequestError) -> ReachRequest.Sensitivity {
        var s = base
        func list<T>(_ text: String?, _ name: String, _ parse: (String) -> T?) throws(RequestError) -> [T]? {
            guard let text else { return nil }
            var out: [T] = []
            for part in text.split(separator: ",") {
                guard let x = parse(String(part)) else { throw .usage("--\(name): cannot read \"\(part)\"") }
                out.append(x)
            }
            return out
        }
        if let v = try list(gridProbability, "grid-probability", { Double($0) }) { s.grid.probabilities = v }
        if let v = try list(gridTheta, "grid-theta", { Double($0) }) { s.grid.thetas = v }
        if let v = try list(gridForgetting, "grid-forgetting", { Double($0) }) { s.grid.forgetting = v }
        if let v = try list(gridRoutinization, "grid-routinization", { Int($0) }) { s.grid.routinization = v }
        if let v = try list(gridFormalization, "grid-formalization", { Double($0) }) { s.grid.formalization = v }
        if let v = try list(gridModels, "grid-models", { ReachSensitivity.GridModel(rawValue: $0) }) { s.grid.models = v }
        if let v = try list(gridNulls, "grid-nulls", { NullModel(rawValue: $0) }) { s.grid.nulls = v }
        if let gridRuns { s.runs = gridRuns }
        if let gridNullSamples { s.nullSamples = gridNullSamples }
        if let gridNullRuns { s.nullRuns = gridNullRuns }
        try s.validate()
        return s
    }
}
