import GraphCore

/// The result of ``Exposure/analyze(_:adoption:_:)``: exposure of every node in every period,
/// thresholds, adopter and threshold classes, the exposed-adopter test, and the parameters
/// that produced them.
public struct ExposureResult: Sendable {
    public let parameters: ExposureParameters
    /// The relations whose ties were used (combined).
    public let relations: [Relation]
    /// The periods of the exposure matrix: from the first to the last adoption.
    public let periods: ClosedRange<Int>
    /// `E_i(t)`, row-major by node (`periods.count` values per node); NaN for nodes outside the
    /// population or without alters.
    public let exposureMatrix: [Double]
    /// Alters of each node (population members other than itself, tied by a chosen relation).
    public let alterCount: [Int]
    /// `Σ_j w_ij` over those alters (their number when unweighted).
    public let alterWeight: [Double]
    /// Alters who adopted strictly before the node (for a never-adopter: alters who adopted).
    public let adoptingAltersBefore: [Int]
    /// `τ_i = E_i(t_i − lag)`; nil for non-adopters, nodes without alters, adopters whose
    /// `t_i − lag` precedes the first period, and (unless `includeCensored`) adopters of the
    /// first period.
    public let threshold: [Double?]
    /// Mean of the defined thresholds.
    public let meanThreshold: Double?
    /// Category by time of adoption (the same for every relation).
    public let adopterCategory: [AdopterCategory?]
    public let timeCutoffs: ClassCutoffs?
    /// Class by threshold (nil where the threshold is).
    public let thresholdClass: [ThresholdClass?]
    public let thresholdCutoffs: ClassCutoffs?
    public let exposedAdopters: ExposedAdopterTest

    /// The relations joined by `+` (`advice+discussion`).
    public var relationName: String { relations.map(\.rawValue).joined(separator: "+") }

    /// `E_v(t)`: 0 before the first period, the last period's value after it; nil for a node
    /// outside the population or without alters.
    /// - Complexity: O(1).
    public func exposure(of v: Int32, at t: Int) -> Double? {
        let width = periods.count
        let k = min(max(t, periods.lowerBound), periods.upperBound) - periods.lowerBound
        let e = exposureMatrix[Int(v) * width + k]
        guard !e.isNaN else { return nil }
        return t < periods.lowerBound ? 0 : e
    }

    /// Nodes with a threshold.
    /// - Complexity: O(n).
    public var thresholdCount: Int { threshold.reduce(0) { $0 + ($1 == nil ? 0 : 1) } }
}
