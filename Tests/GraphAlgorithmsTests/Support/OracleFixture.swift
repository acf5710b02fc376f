import Foundation
import GraphCore
import TestSupport

/// A graph of `Tests/Fixtures/algorithms/` and the oracle values `make_oracles.py` computed for
/// it with networkx. The edge lists are parsed here (a header `# nodes N directed|undirected
/// weighted|unweighted`, then `u v [w]` lines) so that these tests do not depend on GraphIO.
struct OracleFixture {
    let name: String
    let graph: CSRGraph
    let groups: [Int32]?
    let json: [String: Any]

    static let all = ["kite", "hand-directed", "hand-disconnected", "hand-weighted", "krack-advice",
                      "krack-friendship", "lazega-advice", "lazega-friendship", "davis-women", "davis-events",
                      "random-directed", "random-weighted", "email-eu-core"]
    /// Graphs small enough for the quadratic checks.
    static let small = all.filter { $0 != "email-eu-core" }

    nonisolated(unsafe) private static var cache: [String: OracleFixture] = [:]
    private static let lock = NSLock()

    static func load(_ name: String) throws -> OracleFixture {
        lock.lock(); defer { lock.unlock() }
        if let f = cache[name] { return f }
        let f = try OracleFixture(name: name)
        cache[name] = f
        return f
    }

    private init(name: String) throws {
        self.name = name
        let text = try String(contentsOfFile: Fixtures.path("algorithms/\(name).edges"), encoding: .utf8)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: true)
        let header = lines.removeFirst().split(separator: " ")
        guard header.count == 5, header[1] == "nodes", let n = Int(header[2]) else {
            throw FixtureError("bad header in \(name).edges")
        }
        let directed = header[3] == "directed", weighted = header[4] == "weighted"
        var b = GraphBuilder(nodeCount: n, direction: directed ? .directed : .undirected, weighted: weighted)
        for line in lines {
            let p = line.split(separator: " ")
            guard p.count >= 2, let u = Int32(p[0]), let v = Int32(p[1]) else { throw FixtureError("bad line \(line)") }
            b.addEdge(u, v, weight: weighted ? (Double(p[2]) ?? .nan) : 1)
        }
        graph = b.build()
        let gpath = Fixtures.path("algorithms/\(name).groups")
        if FileManager.default.fileExists(atPath: gpath) {
            groups = try String(contentsOfFile: gpath, encoding: .utf8).split(separator: "\n").map { Int32($0)! }
        } else {
            groups = nil
        }
        json = try Fixtures.json("algorithms/\(name).json") as! [String: Any]
    }

    /// The oracle vector of a measure (NaN where the JSON has null), or nil when not computed.
    func measure(_ key: String) -> [Double]? {
        guard let m = (json["measures"] as? [String: Any])?[key] as? [Any] else { return nil }
        return m.map { ($0 as? NSNumber)?.doubleValue ?? .nan }
    }

    func section(_ key: String) -> [String: Any] { json[key] as? [String: Any] ?? [:] }

    func scalar(_ section: String, _ key: String) -> Double? {
        (self.section(section)[key] as? NSNumber)?.doubleValue
    }
}

struct FixtureError: Error, CustomStringConvertible {
    let description: String
    init(_ d: String) { description = d }
}

/// Whether two values agree within `tol`, relative to the larger of 1 and |expected|; NaN
/// matches NaN.
func close(_ a: Double, _ b: Double, _ tol: Double) -> Bool {
    if a.isNaN || b.isNaN { return a.isNaN && b.isNaN }
    return abs(a - b) <= tol * max(1, abs(b))
}

/// The first index where two vectors disagree, with both values, or nil when they agree.
func firstMismatch(_ got: [Double], _ want: [Double], _ tol: Double) -> String? {
    guard got.count == want.count else { return "length \(got.count) ≠ \(want.count)" }
    for i in got.indices where !close(got[i], want[i], tol) {
        return "node \(i): got \(got[i]), expected \(want[i])"
    }
    return nil
}

import Testing

extension OracleFixture: CustomTestStringConvertible {
    /// Keeps failure messages short (the fixture holds whole graphs).
    var testDescription: String { "fixture \(name)" }
}
