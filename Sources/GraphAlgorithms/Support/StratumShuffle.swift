import GraphCore

/// Fisher–Yates shuffle of `values` into `shuffled` within each stratum (a list of positions),
/// drawing from `rng`: the permutation step shared by the exposure permutation test and the
/// adoption-fit permutation test, so that both permute adoption times the same way, draw for
/// draw. Written by hand: four lines over positions that are not contiguous.
/// - Complexity: O(values + Σ strata).
@inline(__always)
func shuffleWithinStrata<T>(_ values: [T], into shuffled: inout [T], strata: [[Int]], rng: inout SplitMix64) {
    for i in values.indices { shuffled[i] = values[i] }
    for stratum in strata {
        var i = stratum.count - 1
        while i > 0 {
            shuffled.swapAt(stratum[i], stratum[rng.next(below: i + 1)])
            i -= 1
        }
    }
}
