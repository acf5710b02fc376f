#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The few C library calls GraphAlgorithms needs (processor count, logarithms), kept in one file.
/// The standard library has neither, and Foundation is not a dependency of this module.
package enum Platform {
    /// Number of online processors (at least 1).
    package static let processorCount: Int = {
        #if canImport(Glibc) || canImport(Musl) || canImport(Darwin)
        let c = sysconf(Int32(_SC_NPROCESSORS_ONLN))
        return c > 0 ? Int(c) : 1
        #else
        return 1
        #endif
    }()

    /// `count` zeroed values, page-aligned, from an anonymous mapping: the kernel hands out zero
    /// pages as they are first touched, so a run pays only for the pages it uses (no memset of
    /// the whole block). Release with ``unmap(_:count:)``.
    package static func zeroedPages<T>(_ type: T.Type, count: Int) -> UnsafeMutablePointer<T> {
        let bytes = max(1, count) * MemoryLayout<T>.stride
        guard let raw = mmap(nil, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0),
              raw != MAP_FAILED else { fatalError("out of memory: cannot map \(bytes) bytes") }
        return raw.bindMemory(to: T.self, capacity: max(1, count))
    }

    /// Releases a block from ``zeroedPages(_:count:)``.
    package static func unmap<T>(_ p: UnsafeMutablePointer<T>, count: Int) {
        munmap(UnsafeMutableRawPointer(p), max(1, count) * MemoryLayout<T>.stride)
    }

    /// Natural logarithm.
    @inlinable package static func ln(_ x: Double) -> Double { log(x) }
    /// Exponential.
    @inlinable package static func exponential(_ x: Double) -> Double { exp(x) }
    /// Cube root.
    @inlinable package static func cubeRoot(_ x: Double) -> Double { cbrt(x) }
    /// Square root.
    @inlinable package static func sqrt(_ x: Double) -> Double { x.squareRoot() }
    /// `⌊log₂ k⌋` for `k ≥ 1`, exactly (bit arithmetic, no floating point).
    @inlinable package static func floorLog2(_ k: Int) -> Int { Int.bitWidth - 1 - k.leadingZeroBitCount }
}
