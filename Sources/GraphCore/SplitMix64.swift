/// SplitMix64 (Steele, Lea and Flood 2014, "Fast splittable pseudorandom number generators"):
/// a 64-bit generator with a Weyl-sequence state and a strong output mix. Written by hand
/// because the standard library's generator cannot be seeded, and no package offers a seedable,
/// splittable one with a stable sequence across versions.
///
/// Monte Carlo run `r` of a job with seed `s` uses `SplitMix64(seed: s, stream: r)`, so results
/// do not depend on which thread runs which run.
///
/// ```swift
/// var rng = SplitMix64(seed: 42, stream: 7)
/// let u = rng.nextUnit()        // in [0, 1)
/// let k = rng.next(below: 10)   // in 0..<10, unbiased
/// ```
public struct SplitMix64: RandomNumberGenerator, Sendable, Hashable {
    public var state: UInt64

    /// A generator whose sequence is fixed by `seed`.
    public init(seed: UInt64) { state = seed }

    /// The generator of stream `stream` (a Monte Carlo run, a worker) under `seed`: the pair is
    /// mixed so that neighbouring streams are uncorrelated.
    public init(seed: UInt64, stream: UInt64) {
        state = SplitMix64.mix(seed &+ SplitMix64.mix(stream &+ 0x632B_E59B_D9B4_E019))
    }

    /// The finalizer of SplitMix64 (variant 13 of Stafford's mixers).
    @inlinable public static func mix(_ x: UInt64) -> UInt64 {
        var z = x
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Next 64 random bits.
    /// - Complexity: O(1).
    @inlinable public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return SplitMix64.mix(state)
    }

    /// A uniform double in [0, 1) with 53 random bits.
    @inlinable public mutating func nextUnit() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// A uniform integer in `0..<bound` (Lemire's multiply-shift with rejection: unbiased).
    @inlinable public mutating func next(below bound: Int) -> Int {
        precondition(bound > 0, "SplitMix64.next(below:) needs a positive bound")
        let b = UInt64(bound)
        var m = next().multipliedFullWidth(by: b)
        if m.low < b {
            let t = (0 &- b) % b
            while m.low < t { m = next().multipliedFullWidth(by: b) }
        }
        return Int(m.high)
    }
}
