import GraphCore

/// Geometric variates, `P(G = g) = p (1 − p)^g` for g = 0, 1, 2, …: the gaps between successes
/// of independent trials of probability p, drawn without a logarithm.
///
/// Walker's alias method (Vose's construction) over 256 outcomes: g = 0…254, and a tail
/// outcome of probability `(1 − p)^255` after which, the law being memoryless, the draw goes on
/// from 255. One 64-bit draw per outcome: the top 8 bits pick a column, the low 56 bits are
/// compared with the column's threshold (so each outcome's probability is exact to 2⁻⁵⁶, finer
/// than a Double). When p is so small that the tail would be taken half the time or more,
/// ``next(_:)`` inverts the distribution function with one logarithm instead,
/// `⌊ln U / ln(1 − p)⌋`. Written here because the standard library and the available packages
/// have no alias sampler; the IC engine draws one gap per successful trial, and a logarithm
/// per draw was a tenth of its time.
struct GeometricSampler {
    let p: Double
    /// Acceptance threshold of each column, scaled to 2⁵⁶.
    private let threshold: [UInt64]
    private let alias: [UInt8]
    private let byTable: Bool
    private let inverseLogQ: Double

    /// - Precondition: 0 < p < 1.
    init(probability p: Double) {
        precondition(p > 0 && p < 1, "GeometricSampler needs 0 < p < 1")
        self.p = p
        let q = 1 - p
        inverseLogQ = 1 / DiffusionMath.log1p(-p)
        let tail = DiffusionMath.exp(255 * DiffusionMath.log1p(-p))
        byTable = tail < 0.5
        // Vose: scale the 256 probabilities to mean 1, pair each small column with a large one.
        var scaled = [Double](repeating: 0, count: 256)
        var w = p
        for g in 0..<255 { scaled[g] = w * 256; w *= q }
        scaled[255] = tail * 256
        var small: [Int] = [], large: [Int] = []
        for i in 0..<256 { if scaled[i] < 1 { small.append(i) } else { large.append(i) } }
        var accept = [Double](repeating: 1, count: 256)
        var other = [UInt8](repeating: 0, count: 256)
        for i in 0..<256 { other[i] = UInt8(i) }
        while let s = small.popLast(), let l = large.popLast() {
            accept[s] = scaled[s]
            other[s] = UInt8(l)
            scaled[l] = (scaled[l] + scaled[s]) - 1
            if scaled[l] < 1 { small.append(l) } else { large.append(l) }
        }
        // Leftovers (rounding) accept always.
        let scale = Double(UInt64(1) << 56)
        threshold = accept.map { a in a >= 1 ? UInt64(1) << 56 : UInt64((a * scale).rounded(.down)) }
        alias = other
    }

    /// The probability the table gives each of its 256 outcomes (255: the tail), for tests.
    func outcomeProbabilities() -> [Double] {
        var out = [Double](repeating: 0, count: 256)
        let scale = Double(UInt64(1) << 56)
        for i in 0..<256 {
            let a = Double(threshold[i]) / scale
            out[i] += a / 256
            out[Int(alias[i])] += (1 - a) / 256
        }
        return out
    }

    /// Whether draws use the table (else one logarithm each).
    var usesTable: Bool { byTable }

    /// The next gap; at least `Int.max / 4` stands for "beyond any row".
    @inline(__always) func next(_ rng: inout SplitMix64) -> Int {
        if !byTable {
            let g = DiffusionMath.log(1 - rng.nextUnit()) * inverseLogQ
            return g < Double(Int.max / 4) ? Int(g) : Int.max / 4
        }
        var base = 0
        while true {
            let r = rng.next()
            let column = Int(r >> 56)
            let outcome = (r & ((1 << 56) - 1)) < threshold[column] ? column : Int(alias[column])
            if outcome < 255 { return base + outcome }
            base += 255
            if base >= Int.max / 8 { return Int.max / 4 }
        }
    }
}
