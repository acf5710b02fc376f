/// Adopter categories by time of adoption (Rogers 1962/2003, as operationalized in Valente
/// 1995 and netdiffuseR's `classify_adopters`): cut at the mean and one standard deviation
/// either side of the adopters' times.
public enum AdopterCategory: String, Sendable, Hashable, CaseIterable {
    /// `t < mean − sd`.
    case earlyAdopter = "early adopter"
    /// `mean − sd ≤ t < mean`.
    case earlyMajority = "early majority"
    /// `mean ≤ t < mean + sd`.
    case lateMajority = "late majority"
    /// `t ≥ mean + sd`.
    case laggard
    /// A population member that never adopted.
    case nonAdopter = "non-adopter"
}

/// Threshold classes (Valente 1996, "Social network thresholds in the diffusion of
/// innovations"; netdiffuseR's `classify_adopters`): the adopters' network thresholds cut at
/// the mean and one standard deviation either side.
public enum ThresholdClass: String, Sendable, Hashable, CaseIterable {
    /// `τ < mean − sd`: adopted with few or no adopting alters (innovators relative to
    /// their network).
    case veryLow = "very low"
    /// `mean − sd ≤ τ < mean`.
    case low
    /// `mean ≤ τ < mean + sd`.
    case high
    /// `τ ≥ mean + sd`: waited until most alters had adopted.
    case veryHigh = "very high"
}

/// The mean and sample standard deviation that cut a variable into four classes, with the
/// three cut points `mean − sd`, `mean`, `mean + sd`.
public struct ClassCutoffs: Sendable, Hashable {
    public let mean: Double
    /// Sample standard deviation (denominator n − 1), as R's `sd`.
    public let standardDeviation: Double
    /// How many values were classified.
    public let count: Int

    /// `[mean − sd, mean, mean + sd]`.
    /// - Complexity: O(1).
    public var cutPoints: [Double] { [mean - standardDeviation, mean, mean + standardDeviation] }

    /// The cut-offs of `values`; nil with fewer than two values or no spread (then the classes
    /// would say nothing).
    /// - Complexity: O(values).
    public static func of(_ values: [Double]) -> ClassCutoffs? {
        guard values.count >= 2 else { return nil }
        var sum = 0.0
        for x in values { sum += x }
        let m = sum / Double(values.count)
        var ss = 0.0
        for x in values { ss += (x - m) * (x - m) }
        let sd = (ss / Double(values.count - 1)).squareRoot()
        guard sd > 0 else { return nil }
        return ClassCutoffs(mean: m, standardDeviation: sd, count: values.count)
    }

    /// The class index 0…3 of `x` as R's `findInterval(x, cutPoints)`: intervals closed on the
    /// left, so a value on a cut point goes to the class above it.
    /// - Complexity: O(1).
    public func interval(_ x: Double) -> Int {
        let c = cutPoints
        return x < c[0] ? 0 : x < c[1] ? 1 : x < c[2] ? 2 : 3
    }
}

extension AdoptionTimes {
    /// The adopter category of every node (nil outside the population, and for every adopter
    /// when fewer than two adopted or all adopted in the same period), with the cut-offs used.
    ///
    /// Only adopters enter the mean and standard deviation; never-adopters are
    /// ``AdopterCategory/nonAdopter``. netdiffuseR's medInnovations object codes non-adopters
    /// as adopting in month 18 and so counts them as laggards: here they are not adopters.
    /// - Complexity: O(n).
    public func adopterCategories() -> (categories: [AdopterCategory?], cutoffs: ClassCutoffs?) {
        var values: [Double] = []
        for v in 0..<nodeCount where inPopulation[v] && times[v] != AdoptionTimes.never { values.append(Double(times[v])) }
        let cut = ClassCutoffs.of(values)
        let order: [AdopterCategory] = [.earlyAdopter, .earlyMajority, .lateMajority, .laggard]
        let cats: [AdopterCategory?] = (0..<nodeCount).map { v in
            guard inPopulation[v] else { return nil }
            guard times[v] != AdoptionTimes.never else { return .nonAdopter }
            return cut.map { order[$0.interval(Double(times[v]))] }
        }
        return (cats, cut)
    }
}
