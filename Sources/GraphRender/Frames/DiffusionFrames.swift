/// The state of a diffusion at each step, for drawing one frame per step.
///
/// ```swift
/// // One simulated run: node v adopted at step times[v] (nil: never).
/// let frames = DiffusionFrames(adoptionTimes: times, steps: 12)
/// // Monte Carlo: share of runs in which v had adopted by step t.
/// let frames = DiffusionFrames(values: shareAdopted, valueName: "share of runs adopted")
/// ```
///
/// Each frame colours every node by its value (0…1, viridis) and outlines in vermillion the
/// nodes that have adopted by that step: value 1 in a single run, at least one half of the
/// runs in a Monte Carlo summary.
public struct DiffusionFrames: Sendable {
    /// `values[t][v]`: node v's value at step t, in 0…1.
    public var values: [[Double]]
    /// One label per step (default `step 0`, `step 1`, …).
    public var stepLabels: [String]
    /// What a value is, for the legend.
    public var valueName: String
    /// A value at or above this counts as adopted (outlined).
    public var adoptedThreshold: Double

    /// Frames from values per step and node (a Monte Carlo summary: the share of runs in
    /// which each node had adopted by each step).
    public init(values: [[Double]], stepLabels: [String]? = nil, valueName: String = "share of runs adopted",
                adoptedThreshold: Double = 0.5) {
        self.values = values
        self.stepLabels = stepLabels ?? values.indices.map { "step \($0)" }
        self.valueName = valueName
        self.adoptedThreshold = adoptedThreshold
    }

    /// Frames of a single run: a node's value is 0 before its adoption step and 1 from it on.
    /// - Parameters:
    ///   - adoptionTimes: per node, the step at which it adopted (0 for seeds), nil for never.
    ///   - steps: the last step drawn (frames 0…steps).
    /// - Complexity: O(n · steps).
    public init(adoptionTimes: [Int?], steps: Int) {
        let last = max(steps, 0)
        values = (0...last).map { t in adoptionTimes.map { time in time.map { $0 <= t ? 1 : 0 } ?? 0 } }
        stepLabels = (0...last).map { "step \($0)" }
        valueName = "adopted"
        adoptedThreshold = 0.5
    }

    /// The number of frames.
    public var count: Int { values.count }
}
