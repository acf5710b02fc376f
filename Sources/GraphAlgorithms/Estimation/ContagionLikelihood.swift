/// Maximum likelihood of the discrete-time multiplex contagion process
///
/// ```
/// P(i adopts in t | not before) = 1 − Π_j (1 − q_j)^{x_ij(t)}
/// ```
///
/// over person-period rows, where the columns `x_j ≥ 0` are the outside-influence indicator(s)
/// (`q` = b, per period) and, per relation r, `A_r(t)`, the number of alters via r who adopted
/// strictly before t (`q` = p_r, the chance that one adopting alter passes it on in a period).
/// With `θ_j = −log(1 − q_j) ≥ 0` the non-adoption probability is `exp(−η)`, `η = Σ_j θ_j x_j`
/// linear in θ, so the log-likelihood
///
/// ```
/// ℓ(θ) = Σ_{adoptions} log(1 − e^{−η}) − Σ_{non-adoptions} η
/// ```
///
/// is concave: projected Newton on the box `0 ≤ θ_j ≤ θ_max` finds the global maximum, and the
/// profile likelihood of each `θ_j` is concave too (its 95% interval is where it stays within
/// χ²₁(0.95)/2 of the maximum; Venzon and Moolgavkar 1988). Written by hand: no Swift package
/// fits a constrained likelihood. Rows without adoption enter only through their column sums.
package struct ContagionLikelihood: Sendable {
    /// `θ_max = 40`: q = 1 − e^{−40}, indistinguishable from 1.
    package static let thetaMax = 40.0
    let k: Int
    /// Row-major `events × k` design of the rows with an adoption.
    let eventRows: [Double]
    let events: Int
    /// Column sums over the rows without adoption.
    let zeroSums: [Double]

    /// - Parameters: `x` row-major `rows × k` (non-negative), `y` 0/1.
    /// - Complexity: O(rows · k).
    package init(x: [Double], k: Int, y: [Double]) {
        self.k = k
        var ev: [Double] = [], zs = [Double](repeating: 0, count: k)
        var e = 0
        for i in 0..<y.count {
            if y[i] == 1 {
                ev.append(contentsOf: x[(i * k)..<(i * k + k)])
                e += 1
            } else {
                for j in 0..<k { zs[j] += x[i * k + j] }
            }
        }
        eventRows = ev; events = e; zeroSums = zs
    }

    /// ℓ(θ); −∞ when an adoption row has η = 0.
    /// - Complexity: O(events · k).
    package func logLikelihood(_ theta: [Double]) -> Double {
        var ll = 0.0
        for j in 0..<k { ll -= theta[j] * zeroSums[j] }
        eventRows.withUnsafeBufferPointer { xb in
            for e in 0..<events {
                var eta = 0.0
                for j in 0..<k { eta += xb[e * k + j] * theta[j] }
                if eta <= 0 { ll = -.infinity; return }
                ll += EstimationMath.log(-EstimationMath.expm1(-eta))
            }
        }
        return ll
    }

    /// Gradient and Hessian (row-major, full) of ℓ at θ (every η of an adoption row > 0).
    /// - Complexity: O(events · k²).
    package func derivatives(_ theta: [Double], gradient g: inout [Double], hessian h: inout [Double]) {
        for j in 0..<k { g[j] = -zeroSums[j] }
        for j in 0..<(k * k) { h[j] = 0 }
        eventRows.withUnsafeBufferPointer { xb in
            for e in 0..<events {
                let row = e * k
                var eta = 0.0
                for j in 0..<k { eta += xb[row + j] * theta[j] }
                let em1 = EstimationMath.expm1(eta)
                let d1 = 1 / em1                    // e^{−η}/(1 − e^{−η})
                let d2 = (em1 + 1) / (em1 * em1)    // e^{η}/(e^{η} − 1)²
                for a in 0..<k {
                    let xa = xb[row + a]
                    if xa == 0 { continue }
                    g[a] += xa * d1
                    for c in a..<k { h[a * k + c] -= xa * d2 * xb[row + c] }
                }
            }
        }
        for a in 0..<k { for c in 0..<a { h[a * k + c] = h[c * k + a] } }
    }

    /// Maximizes ℓ over the box with `θ_fixed` held at its current value (nil: none fixed), from
    /// `theta` (updated in place). Returns the maximum and whether it converged.
    /// - Complexity: O(iterations · (events · k² + k³)).
    package func maximize(_ theta: inout [Double], fixed: Int? = nil, maxIterations: Int = 500) -> (ll: Double, converged: Bool) {
        var g = [Double](repeating: 0, count: k), h = [Double](repeating: 0, count: k * k)
        var ll = logLikelihood(theta)
        if ll == -.infinity {
            // Start inside: every adoption row needs η > 0.
            for j in 0..<k where j != fixed { theta[j] = max(theta[j], 0.01) }
            ll = logLikelihood(theta)
        }
        var trial = theta
        for _ in 0..<maxIterations {
            derivatives(theta, gradient: &g, hessian: &h)
            // Free coordinates: not fixed, and not held at a bound by the gradient.
            var free: [Int] = []
            var projected = 0.0
            for j in 0..<k where j != fixed {
                let atLow = theta[j] <= 0 && g[j] <= 0
                let atHigh = theta[j] >= Self.thetaMax && g[j] >= 0
                if !atLow && !atHigh { free.append(j); projected = max(projected, abs(g[j])) }
            }
            if free.isEmpty || projected <= 1e-10 * (1 + abs(ll) / Double(max(1, events))) { return (ll, true) }
            let f = free.count
            var a = [Double](repeating: 0, count: f * f), step = [Double](repeating: 0, count: f)
            for (p, j) in free.enumerated() {
                step[p] = g[j]
                for (q, l) in free.enumerated() { a[p * f + q] = -h[j * k + l] }
            }
            if !LogisticRegression.choleskySolve(&a, k: f, rhs: &step) {
                for (p, j) in free.enumerated() { step[p] = g[j] * 1e-3 }
            }
            var scale = 1.0
            var accepted = false
            var newLL = ll
            for _ in 0..<60 {
                trial = theta
                for (p, j) in free.enumerated() { trial[j] = min(Self.thetaMax, max(0, theta[j] + scale * step[p])) }
                newLL = logLikelihood(trial)
                if newLL > ll || (newLL == ll && newLL > -.infinity) { accepted = true; break }
                scale /= 2
            }
            if !accepted { return (ll, projected <= 1e-6 * (1 + abs(ll))) }
            var moved = 0.0
            for j in 0..<k { moved = max(moved, abs(trial[j] - theta[j])) }
            let gain = newLL - ll
            theta = trial
            ll = newLL
            if moved <= 1e-13 * (1 + theta.max()!) && gain <= 1e-14 * (1 + abs(ll)) { return (ll, true) }
        }
        return (ll, false)
    }

    /// The profile log-likelihood of `θ_j = v`: ℓ maximized over the others, warm-started from `theta`.
    /// - Complexity: as ``maximize(_:fixed:maxIterations:)``.
    package func profile(_ j: Int, at v: Double, from theta: inout [Double]) -> Double {
        theta[j] = v
        return maximize(&theta, fixed: j).ll
    }

    /// The 95% profile-likelihood interval of `θ_j` around the maximum `best` (with `ll` its
    /// log-likelihood): the values where the profile stays within χ²₁(0.95)/2 of `ll`, clipped to
    /// `[0, θ_max]`; also the profile at 0 (for the likelihood-ratio test of `θ_j = 0`).
    /// - Complexity: about 2 × 30 profile maximizations.
    package func profileInterval(_ j: Int, best: [Double], ll: Double) -> (low: Double, high: Double, atZero: Double) {
        let target = ll - EstimationMath.chi2_95 / 2
        var theta = best
        let hat = best[j]
        let atZero = hat <= 0 ? ll : profile(j, at: 0, from: &theta)
        // f(v) = profile(v) − target: positive at the maximum, concave.
        func root(_ inside: Double, _ outside: Double, _ fOutside: Double) -> Double {
            var a = inside, fa = ll - target, b = outside, fb = fOutside
            var th = best
            var side = 0
            for _ in 0..<100 {
                if abs(b - a) <= 1e-10 * (1 + abs(a)) { break }
                // Illinois variant of regula falsi: bracketing, superlinear.
                var c = b - fb * (b - a) / (fb - fa)
                if !c.isFinite || c <= min(a, b) || c >= max(a, b) { c = (a + b) / 2 }
                let fc = profile(j, at: c, from: &th) - target
                if fc == 0 { return c }
                if fc > 0 {
                    a = c; fa = fc
                    if side == 1 { fb /= 2 }
                    side = 1
                } else {
                    b = c; fb = fc
                    if side == -1 { fa /= 2 }
                    side = -1
                }
            }
            return (a + b) / 2
        }
        var low = 0.0
        if hat > 0 && atZero < target { low = root(hat, 0, atZero - target) }
        var high = Self.thetaMax
        if hat < Self.thetaMax {
            var v = hat + max(0.05, hat)
            theta = best
            while v < Self.thetaMax {
                let f = profile(j, at: v, from: &theta) - target
                if f < 0 { high = root(hat, v, f); break }
                v = min(Self.thetaMax, hat + 2 * (v - hat))
                if v >= Self.thetaMax {
                    let fm = profile(j, at: Self.thetaMax, from: &theta) - target
                    if fm < 0 { high = root(hat, Self.thetaMax, fm) }
                    break
                }
            }
        }
        return (low, high, atZero)
    }

    /// Standard errors of θ at `theta` from the inverse observed information over the
    /// coordinates strictly inside the box (nil at a bound or when singular).
    /// - Complexity: O(events · k² + k³).
    package func standardErrors(_ theta: [Double]) -> [Double?] {
        var g = [Double](repeating: 0, count: k), h = [Double](repeating: 0, count: k * k)
        derivatives(theta, gradient: &g, hessian: &h)
        let inside = (0..<k).filter { theta[$0] > 1e-9 && theta[$0] < Self.thetaMax }
        let f = inside.count
        var info = [Double](repeating: 0, count: f * f)
        for (p, j) in inside.enumerated() { for (q, l) in inside.enumerated() { info[p * f + q] = -h[j * k + l] } }
        var out = [Double?](repeating: nil, count: k)
        guard f > 0, let inverse = LogisticRegression.choleskyInverse(info, k: f) else { return out }
        for (p, j) in inside.enumerated() { out[j] = inverse[p * f + p].squareRoot() }
        return out
    }
}
