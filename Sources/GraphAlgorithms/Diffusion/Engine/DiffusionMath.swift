#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The C math calls the diffusion code needs (the standard library has none of them).
package enum DiffusionMath {
    @inlinable package static func log1p(_ x: Double) -> Double { Glibc.log1p(x) }
    @inlinable package static func expm1(_ x: Double) -> Double { Glibc.expm1(x) }
    @inlinable package static func log(_ x: Double) -> Double { Glibc.log(x) }
    @inlinable package static func exp(_ x: Double) -> Double { Glibc.exp(x) }
    @inlinable package static func sqrt(_ x: Double) -> Double { x.squareRoot() }
}
