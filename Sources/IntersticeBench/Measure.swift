import Foundation

/// Wall-clock and memory measurement helpers.
enum Measure {
    /// Seconds since an arbitrary origin (monotonic).
    static func now() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) * 1e-9
    }

    /// A field of /proc/self/status in MiB (VmRSS: now, VmHWM: peak so far).
    static func status(_ field: String) -> Double {
        guard let s = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return .nan }
        for line in s.split(separator: "\n") where line.hasPrefix(field + ":") {
            let kb = line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first.flatMap { Double($0) }
            return (kb ?? .nan) / 1024
        }
        return .nan
    }

    /// CPU seconds used by this process so far (user + system), from getrusage: a figure that a
    /// busy machine inflates far less than wall time.
    static func cpuSeconds() -> Double {
        var u = rusage()
        getrusage(RUSAGE_SELF.rawValue, &u)
        return Double(u.ru_utime.tv_sec) + Double(u.ru_utime.tv_usec) * 1e-6
            + Double(u.ru_stime.tv_sec) + Double(u.ru_stime.tv_usec) * 1e-6
    }

    static func median(_ xs: [Double]) -> Double {
        let s = xs.sorted()
        return s.isEmpty ? .nan : (s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2)
    }

    static func round(_ x: Double, _ digits: Int = 4) -> Double {
        let f = pow(10.0, Double(digits))
        return (x * f).rounded() / f
    }
}

/// Keeps a value alive so the optimizer cannot delete the work that made it.
@inline(never) func blackHole<T>(_ x: T) { withExtendedLifetime(x) {} }
