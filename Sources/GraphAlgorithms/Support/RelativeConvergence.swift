/// The stopping rule of the iterative centralities when every score must be within a relative
/// tolerance of the fixed point (rather than networkx's "L1 change below n · tol", which leaves
/// low scores far off: on a 10,000-node graph up to 26% for eigenvector, 7% for PageRank).
///
/// At iteration k, let Δ_k = max_v |x_v(k) − x_v(k−1)| / s_v with s_v = max(|x_v(k)|, tol · ‖x(k)‖∞)
/// (each score relative to itself, scores below tol · max relative to the max). A power
/// iteration contracts geometrically, so the distance to the fixed point is about
/// Δ_k · ρ / (1 − ρ) with ρ the contraction ratio, estimated as the larger of the last two ratios
/// Δ_k / Δ_{k−1}. The iteration stops when that bound is at most `tolerance`, after at least
/// three iterations (so that ρ is estimated). Written by hand: the criterion is specific to these
/// loops and no package provides it.
/// - Complexity: O(n) per check.
package struct RelativeConvergence {
    package let tolerance: Double
    private var previous = Double.infinity
    private var ratio = 1.0
    private var checks = 0

    package init(tolerance: Double) { self.tolerance = tolerance }

    /// Whether `new` (after an iteration from `old`) is within the tolerance of the fixed point.
    package mutating func converged(new: [Double], old: [Double]) -> Bool {
        var top = 0.0
        for x in new { top = max(top, abs(x)) }
        let floor = max(tolerance * top, Double.leastNormalMagnitude)
        var delta = 0.0
        for i in new.indices {
            let d = abs(new[i] - old[i]) / max(abs(new[i]), floor)
            if d > delta { delta = d }
        }
        checks += 1
        defer { previous = delta }
        if delta == 0 { return true }
        let r = previous.isFinite && previous > 0 ? delta / previous : 1
        let rho = max(r, ratio)
        ratio = r
        guard checks >= 3, rho < 1 else { return false }
        return delta * rho / (1 - rho) <= tolerance
    }
}
