import Testing
@testable import GraphCore

@Suite("SplitMix64 and CalendarDate")
struct SupportTypesTests {
    @Test func splitMixMatchesReferenceSequence() {
        // Reference values of Vigna's splitmix64.c with x = 0.
        var r = SplitMix64(seed: 0)
        #expect(r.next() == 0xE220_A839_7B1D_CDAF)
        #expect(r.next() == 0x6E78_9E6A_A1B9_65F4)
        #expect(r.next() == 0x06C4_5D18_8009_454F)
    }

    @Test func streamsAreReproducibleAndDistinct() {
        var a = SplitMix64(seed: 42, stream: 7), b = SplitMix64(seed: 42, stream: 7), c = SplitMix64(seed: 42, stream: 8)
        let x = (0..<5).map { _ in a.next() }
        #expect(x == (0..<5).map { _ in b.next() })
        #expect(x != (0..<5).map { _ in c.next() })
    }

    @Test func boundedDrawsAreInRangeAndUniform() {
        var r = SplitMix64(seed: 1)
        var counts = [Int](repeating: 0, count: 6)
        for _ in 0..<60_000 { counts[r.next(below: 6)] += 1 }
        // Each face within 5 standard deviations (sd ≈ 91) of 10,000.
        #expect(counts.allSatisfy { abs($0 - 10_000) < 460 })
        for _ in 0..<1000 { let u = r.nextUnit(); #expect(u >= 0 && u < 1) }
    }

    @Test func datesRoundTripAndRejectImpossibleDays() {
        #expect(CalendarDate(parsing: "1970-01-01")?.daysSinceEpoch == 0)
        #expect(CalendarDate(parsing: "2000-03-01")?.daysSinceEpoch == 11017)
        #expect(CalendarDate(parsing: "1969-12-31")?.daysSinceEpoch == -1)
        #expect(CalendarDate(parsing: "2024-02-29")?.description == "2024-02-29")
        #expect(CalendarDate(parsing: "2023-02-29") == nil)
        #expect(CalendarDate(parsing: "2023-13-01") == nil)
        #expect(CalendarDate(parsing: "23-01-01") == nil)
        for d in stride(from: -719_000, to: 2_900_000, by: 997) {  // years 0001 to 9909
            let c = CalendarDate(daysSinceEpoch: Int32(d))
            #expect(CalendarDate(parsing: c.description) == c)
        }
    }
}
