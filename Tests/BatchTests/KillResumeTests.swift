import Foundation
import Interstice
import TestSupport
import Testing
@testable import Batch

/// The issue's check: a sweep killed with SIGKILL part way, resumed, equals an uninterrupted run.
@Suite("Batch: kill -9 and resume", .serialized)
struct KillResumeTests {
    /// Four datasets: the two case studies and two generated territories.
    static func prepare(_ folder: URL) throws -> String {
        for (i, sizes) in [[14, 10, 12, 8], [20, 15, 15]].enumerated() {
            var t = PartnershipTerritory(organizationSizes: sizes)
            t.collectiveSize = 6; t.bridging = 0.7; t.within = 0.25; t.between = 0.03
            try DatasetFolder.write(try t.generate(seed: UInt64(i + 1), name: "territory-\(i + 1)"),
                                    to: folder.appendingPathComponent("territory-\(i + 1)").path)
        }
        let manifest = folder.appendingPathComponent("sweep.yaml").path
        try """
        name: theta-sweep
        seed: 11
        datasets:
          - \(Fixtures.dataset("chalon-sur-saone"))
          - \(Fixtures.dataset("cucm-plie"))
          - territory-*
        analyses:
          - diffuse:
              model: [ic, lt, complex]
              theta: [0.1, 0.3, 0.5, 0.7, 0.9]
              runs: 2000
              horizon: 30
        """.write(toFile: manifest, atomically: true, encoding: .utf8)
        return manifest
    }

    /// Runs `interstice batch` and kills it with SIGKILL once `after` jobs have reported done.
    /// Returns the number of jobs it reported.
    static func runAndKill(_ args: [String], after: Int) throws -> Int {
        let p = Process()
        p.executableURL = CLI.executable
        p.arguments = args
        let err = Pipe()
        p.standardError = err
        p.standardOutput = FileHandle.nullDevice
        try p.run()
        var seen = 0
        var buffer = Data()
        let deadline = Date().addingTimeInterval(600)
        while seen < after && p.isRunning && Date() < deadline {
            let chunk = err.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            buffer.append(chunk)
            seen = String(decoding: buffer, as: UTF8.self).components(separatedBy: "\"event\":\"job\"").count - 1
        }
        kill(p.processIdentifier, SIGKILL)
        p.waitUntilExit()
        #expect(p.terminationReason == .uncaughtSignal)
        return seen
    }

    @Test("SIGKILL after some jobs committed, resume, compare with an uninterrupted run: the same rows")
    func killAndResume() throws {
        let tmp = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: tmp) }
        let manifest = try Self.prepare(tmp)
        let killed = tmp.appendingPathComponent("killed").path
        let whole = tmp.appendingPathComponent("whole").path

        let reported = try Self.runAndKill(["batch", manifest, "--allow-outside", "--output", killed, "--jobs", "2"], after: 8)
        #expect(reported >= 8)
        let store = try ResultStore(path: killed + "/results.sqlite")
        let counts = try store.statusCounts()
        try store.close()
        let doneAtKill = counts["done"] ?? 0
        // Everything reported was committed; the jobs in flight were lost, not half-written.
        #expect(doneAtKill >= reported)
        #expect(doneAtKill < 60, "the sweep finished before the kill: make its jobs longer")
        #expect((counts["pending"] ?? 0) == 60 - doneAtKill)

        let resumed = try CLI.run(["batch", manifest, "--allow-outside", "--output", killed, "--jobs", "2"])
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(resumed.stdout.contains("theta-sweep: 60 jobs; \(60 - doneAtKill) done now, \(doneAtKill) done before, 0 failed"))

        let uninterrupted = try CLI.run(["batch", manifest, "--allow-outside", "--output", whole, "--jobs", "1"])
        #expect(uninterrupted.status == 0, "\(uninterrupted.stderr)")
        let a = try contents(killed + "/results.sqlite"), b = try contents(whole + "/results.sqlite")
        #expect(a["jobs"]?.count == 60)
        #expect(a["organization_reach"]?.count == b["organization_reach"]?.count)
        #expect((a["curves"]?.count ?? 0) > 0)
        try expectSameRows(killed + "/results.sqlite", whole + "/results.sqlite")
    }
}
