#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The C math calls estimation needs (the standard library has none of them).
package enum EstimationMath {
    @inlinable package static func log(_ x: Double) -> Double { Glibc.log(x) }
    @inlinable package static func exp(_ x: Double) -> Double { Glibc.exp(x) }
    @inlinable package static func log1p(_ x: Double) -> Double { Glibc.log1p(x) }
    @inlinable package static func expm1(_ x: Double) -> Double { Glibc.expm1(x) }
    /// `log(1 + e^x)` without overflow.
    @inlinable package static func log1pExp(_ x: Double) -> Double { x > 0 ? x + Glibc.log1p(Glibc.exp(-x)) : Glibc.log1p(Glibc.exp(x)) }
    /// Two-sided p-value of a standard normal statistic: `P(|Z| ≥ |z|) = erfc(|z| / √2)`.
    @inlinable package static func normalTwoSided(_ z: Double) -> Double { Glibc.erfc(abs(z) / 2.0.squareRoot()) }
    /// Upper tail of χ² with one degree of freedom: `P(X ≥ x) = erfc(√(x/2))`.
    @inlinable package static func chiSquare1Upper(_ x: Double) -> Double { x <= 0 ? 1 : Glibc.erfc((x / 2).squareRoot()) }
    /// The 0.975 quantile of the standard normal.
    package static let z975 = 1.959963984540054
    /// The 0.95 quantile of χ² with one degree of freedom (= z975²).
    package static let chi2_95 = 3.841458820694124
}

/// A fitted logistic regression: estimates, their model-based and cluster-robust standard errors.
public struct LogisticFit: Sendable, Hashable {
    public let coefficients: [Double]
    /// Row-major `k × k` inverse of the observed information `(Xᵀ W X)⁻¹` at the estimates.
    public let covariance: [Double]
    /// Square roots of the covariance's diagonal.
    public let standardErrors: [Double]
    /// Sandwich standard errors clustered by the given clusters, with the small-sample factor
    /// `G/(G−1) · (N−1)/(N−k)` (Stata's and statsmodels' default); nil without clusters.
    public let clusterStandardErrors: [Double]?
    public let logLikelihood: Double
    /// Newton iterations used.
    public let iterations: Int
}

/// Maximum likelihood logistic regression by Newton's method (iteratively reweighted least
/// squares) with step halving, on a dense row-major design. Written by hand: no Swift package
/// fits a GLM, and the design is small (tens of columns) while the rows are many.
///
/// Before iterating, the design is checked for columns that are linear combinations of earlier
/// ones (a pivot of the Cholesky factor of the scaled `XᵀX` below 1e-10): such a term is an
/// error, not an arbitrary estimate. Estimates that run away (|β| > 30, or no convergence with
/// |β| > 10) are reported as separation.
package enum LogisticRegression {
    /// - Parameters:
    ///   - x: row-major `rows × k` design.
    ///   - y: 0/1 outcomes.
    ///   - names: the `k` term names, for errors.
    ///   - clusters: a cluster label per row in `0..<clusterCount` for robust errors; nil: none.
    ///   - start: starting values (default zeros).
    ///   - covariance: false skips the covariance and standard errors (permutations).
    /// - Complexity: O(iterations · rows · k²) time, O(k²) memory besides the design.
    package static func fit(x: [Double], columns k: Int, y: [Double], names: [String], clusters: [Int32]? = nil,
                            clusterCount: Int = 0, start: [Double]? = nil, covariance wantCovariance: Bool = true,
                            checkAliasing: Bool = true, maxIterations: Int = 100) throws(EstimationError) -> LogisticFit {
        let rows = y.count
        precondition(x.count == rows * k && names.count == k, "LogisticRegression: design shape")
        guard rows > 0 else { throw .noRows }
        if checkAliasing, let bad = firstAliasedColumn(x: x, rows: rows, k: k) { throw .singularDesign(term: names[bad]) }
        let sparse = SparseRows(x: x, rows: rows, k: k)
        var beta = start ?? [Double](repeating: 0, count: k)
        var ll = sparse.logLikelihood(y: y, beta: beta)
        var gradient = [Double](repeating: 0, count: k)
        var hessian = [Double](repeating: 0, count: k * k)
        var converged = false
        var iterations = 0
        var trial = beta
        while iterations < maxIterations {
            iterations += 1
            sparse.information(y: y, beta: beta, gradient: &gradient, hessian: &hessian)
            var step = gradient
            guard choleskySolve(&hessian, k: k, rhs: &step) else {
                // Numerically singular information: the estimates are running off.
                throw .separation(terms: runaway(beta, names: names, above: 5))
            }
            var scale = 1.0
            var newLL = -Double.infinity
            for _ in 0..<40 {
                for j in 0..<k { trial[j] = beta[j] + scale * step[j] }
                newLL = sparse.logLikelihood(y: y, beta: trial)
                if newLL >= ll - 1e-12 * (1 + abs(ll)) { break }
                scale /= 2
            }
            var biggest = 0.0, size = 0.0
            for j in 0..<k { biggest = max(biggest, abs(scale * step[j])); size = max(size, abs(trial[j])) }
            let change = abs(newLL - ll)
            beta = trial
            ll = newLL
            if biggest <= 1e-10 * (1 + size) || (change <= 1e-14 * (1 + abs(ll)) && biggest <= 1e-6 * (1 + size)) {
                converged = true
                break
            }
        }
        if !converged {
            let far = runaway(beta, names: names, above: 10)
            if !far.isEmpty { throw .separation(terms: far) }
            throw .notConverged(iterations: iterations)
        }
        let far = runaway(beta, names: names, above: 30)
        if !far.isEmpty { throw .separation(terms: far) }
        guard wantCovariance else {
            return LogisticFit(coefficients: beta, covariance: [], standardErrors: [], clusterStandardErrors: nil,
                               logLikelihood: ll, iterations: iterations)
        }
        sparse.information(y: y, beta: beta, gradient: &gradient, hessian: &hessian)
        guard let inverse = choleskyInverse(hessian, k: k) else { throw .separation(terms: runaway(beta, names: names, above: 5)) }
        let se = (0..<k).map { inverse[$0 * k + $0].squareRoot() }
        var robust: [Double]? = nil
        if let clusters, clusterCount > 1 {
            robust = clusterErrors(x: x, k: k, y: y, beta: beta, inverse: inverse, clusters: clusters, clusterCount: clusterCount)
        }
        return LogisticFit(coefficients: beta, covariance: inverse, standardErrors: se, clusterStandardErrors: robust,
                           logLikelihood: ll, iterations: iterations)
    }

    /// The design's non-zero entries row by row (person-period designs are mostly zeros:
    /// one period dummy, one group dummy per row), so that a row costs O(nnz²), not O(k²).
    struct SparseRows {
        let k: Int
        let start: [Int]
        let column: [Int32]
        let value: [Double]

        init(x: [Double], rows: Int, k: Int) {
            self.k = k
            var st = [Int](repeating: 0, count: rows + 1), col: [Int32] = [], val: [Double] = []
            for i in 0..<rows {
                for j in 0..<k where x[i * k + j] != 0 { col.append(Int32(j)); val.append(x[i * k + j]) }
                st[i + 1] = col.count
            }
            start = st; column = col; value = val
        }

        /// `Σ y η − log(1 + e^η)`.
        /// - Complexity: O(nnz).
        func logLikelihood(y: [Double], beta: [Double]) -> Double {
            var ll = 0.0
            start.withUnsafeBufferPointer { st in
                column.withUnsafeBufferPointer { col in
                    value.withUnsafeBufferPointer { val in
                        beta.withUnsafeBufferPointer { b in
                            y.withUnsafeBufferPointer { yb in
                                for i in 0..<yb.count {
                                    var eta = 0.0
                                    for e in st[i]..<st[i + 1] { eta += val[e] * b[Int(col[e])] }
                                    ll += yb[i] * eta - EstimationMath.log1pExp(eta)
                                }
                            }
                        }
                    }
                }
            }
            return ll
        }

        /// The score `Xᵀ(y − p)` and the information `Xᵀ W X` (full symmetric matrix).
        /// - Complexity: O(Σ_rows nnz²).
        func information(y: [Double], beta: [Double], gradient: inout [Double], hessian: inout [Double]) {
            let k = self.k
            for j in 0..<k { gradient[j] = 0 }
            for j in 0..<(k * k) { hessian[j] = 0 }
            start.withUnsafeBufferPointer { st in
                column.withUnsafeBufferPointer { col in
                    value.withUnsafeBufferPointer { val in
                        beta.withUnsafeBufferPointer { b in
                            y.withUnsafeBufferPointer { yb in
                                gradient.withUnsafeMutableBufferPointer { g in
                                    hessian.withUnsafeMutableBufferPointer { h in
                                        for i in 0..<yb.count {
                                            var eta = 0.0
                                            for e in st[i]..<st[i + 1] { eta += val[e] * b[Int(col[e])] }
                                            let p = 1 / (1 + EstimationMath.exp(-eta))
                                            let w = p * (1 - p)
                                            let r = yb[i] - p
                                            for e in st[i]..<st[i + 1] {
                                                let a = Int(col[e]), wa = val[e] * w
                                                g[a] += val[e] * r
                                                // Columns ascend within a row: (a, c) with a ≤ c is the upper triangle.
                                                for f in e..<st[i + 1] { h[a * k + Int(col[f])] += wa * val[f] }
                                            }
                                        }
                                        for a in 0..<k { for c in 0..<a { h[a * k + c] = h[c * k + a] } }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    static func runaway(_ beta: [Double], names: [String], above: Double) -> [String] {
        beta.indices.filter { abs(beta[$0]) > above }.sorted { abs(beta[$0]) > abs(beta[$1]) }.map { names[$0] }
    }

    /// The first column (in order) whose pivot in the Cholesky factor of the column-scaled `XᵀX`
    /// falls below 1e-10: a linear combination of the columns before it (an all-zero column too).
    /// - Complexity: O(rows · k² + k³).
    static func firstAliasedColumn(x: [Double], rows: Int, k: Int) -> Int? {
        var a = [Double](repeating: 0, count: k * k)
        x.withUnsafeBufferPointer { xb in
            for i in 0..<rows {
                let row = i * k
                for p in 0..<k where xb[row + p] != 0 {
                    for q in p..<k { a[p * k + q] += xb[row + p] * xb[row + q] }
                }
            }
        }
        for p in 0..<k { if a[p * k + p] <= 0 { return p } }
        let d = (0..<k).map { a[$0 * k + $0].squareRoot() }
        for p in 0..<k { for q in p..<k { a[p * k + q] /= d[p] * d[q]; a[q * k + p] = a[p * k + q] } }
        // Cholesky, column by column; a tiny pivot means column j adds nothing new.
        for j in 0..<k {
            var s = a[j * k + j]
            for m in 0..<j { s -= a[j * k + m] * a[j * k + m] }
            if s <= 1e-10 { return j }
            let l = s.squareRoot()
            a[j * k + j] = l
            for i in (j + 1)..<max(j + 1, k) {
                var t = a[i * k + j]
                for m in 0..<j { t -= a[i * k + m] * a[j * k + m] }
                a[i * k + j] = t / l
            }
        }
        return nil
    }

    /// Solves `A x = b` for symmetric positive definite `A` (overwritten by its factor); false
    /// when `A` is not numerically positive definite.
    /// - Complexity: O(k³).
    static func choleskySolve(_ a: inout [Double], k: Int, rhs b: inout [Double]) -> Bool {
        guard cholesky(&a, k: k) else { return false }
        for i in 0..<k {
            var s = b[i]
            for m in 0..<i { s -= a[i * k + m] * b[m] }
            b[i] = s / a[i * k + i]
        }
        for i in stride(from: k - 1, through: 0, by: -1) {
            var s = b[i]
            for m in (i + 1)..<max(i + 1, k) { s -= a[m * k + i] * b[m] }
            b[i] = s / a[i * k + i]
        }
        return true
    }

    /// Lower Cholesky factor in place (lower triangle); false when a pivot is not positive.
    /// - Complexity: O(k³).
    static func cholesky(_ a: inout [Double], k: Int) -> Bool {
        var maxDiagonal = 0.0
        for j in 0..<k { maxDiagonal = max(maxDiagonal, a[j * k + j]) }
        for j in 0..<k {
            var s = a[j * k + j]
            for m in 0..<j { s -= a[j * k + m] * a[j * k + m] }
            if !(s > 1e-14 * maxDiagonal) { return false }
            let l = s.squareRoot()
            a[j * k + j] = l
            for i in (j + 1)..<max(j + 1, k) {
                var t = a[i * k + j]
                for m in 0..<j { t -= a[i * k + m] * a[j * k + m] }
                a[i * k + j] = t / l
            }
        }
        return true
    }

    /// The inverse of a symmetric positive definite matrix (row-major, full); nil when singular.
    /// - Complexity: O(k³).
    static func choleskyInverse(_ m: [Double], k: Int) -> [Double]? {
        var inverse = [Double](repeating: 0, count: k * k)
        for c in 0..<k {
            var a = m
            var e = [Double](repeating: 0, count: k)
            e[c] = 1
            guard choleskySolve(&a, k: k, rhs: &e) else { return nil }
            for r in 0..<k { inverse[r * k + c] = e[r] }
        }
        for r in 0..<k { for c in 0..<r { let v = (inverse[r * k + c] + inverse[c * k + r]) / 2; inverse[r * k + c] = v; inverse[c * k + r] = v } }
        return inverse
    }

    /// Sandwich errors `V = c · H⁻¹ (Σ_g u_g u_gᵀ) H⁻¹`, `u_g` the score summed over cluster `g`,
    /// `c = G/(G−1) · (N−1)/(N−k)`.
    /// - Complexity: O(rows · k + G · k² + k³).
    static func clusterErrors(x: [Double], k: Int, y: [Double], beta: [Double], inverse: [Double],
                              clusters: [Int32], clusterCount: Int) -> [Double] {
        var u = [Double](repeating: 0, count: clusterCount * k)
        for i in 0..<y.count {
            let row = i * k
            var eta = 0.0
            for j in 0..<k { eta += x[row + j] * beta[j] }
            let r = y[i] - 1 / (1 + EstimationMath.exp(-eta))
            let g = Int(clusters[i]) * k
            for j in 0..<k { u[g + j] += x[row + j] * r }
        }
        var meat = [Double](repeating: 0, count: k * k)
        for g in 0..<clusterCount {
            let o = g * k
            for a in 0..<k where u[o + a] != 0 { for c in 0..<k { meat[a * k + c] += u[o + a] * u[o + c] } }
        }
        // H⁻¹ meat H⁻¹
        var left = [Double](repeating: 0, count: k * k)
        for a in 0..<k { for c in 0..<k { var s = 0.0; for m in 0..<k { s += inverse[a * k + m] * meat[m * k + c] }; left[a * k + c] = s } }
        let n = Double(y.count), gCount = Double(clusterCount)
        let factor = gCount / (gCount - 1) * (n - 1) / (n - Double(k))
        return (0..<k).map { a in
            var s = 0.0
            for m in 0..<k { s += left[a * k + m] * inverse[m * k + a] }
            return (factor * s).squareRoot()
        }
    }
}
