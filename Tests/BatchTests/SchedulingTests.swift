import Foundation
import Interstice
import TestSupport
import Testing
@testable import Batch

/// Counts the jobs running at once from the runner's events.
final class Concurrency: @unchecked Sendable {
    private let lock = NSLock()
    private var now = 0
    private(set) var most = 0
    private(set) var started = 0

    func handle(_ e: BatchRunner.Event) {
        lock.lock(); defer { lock.unlock() }
        switch e {
        case .started: now += 1; started += 1; most = max(most, now)
        case .finished: now -= 1
        case .planned: break
        }
    }
}

@Suite("Batch: scheduling within --jobs and the memory budget")
struct SchedulingTests {
    static let text = """
    datasets: [Datasets/chalon-sur-saone, Datasets/cucm-plie]
    analyses:
      - diffuse: {model: [ic, lt, complex], runs: 300, horizon: 20}
    """

    func run(jobs: Int, budget: UInt64) throws -> (Int, BatchRunner.Summary, [String: [[JSONValue]]]) {
        let tmp = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: tmp) }
        let plan = try JobPlan(try manifest(Self.text), version: "test")
        let path = tmp.appendingPathComponent("results.sqlite").path
        let store = try ResultStore(path: path)
        let c = Concurrency()
        let s = try BatchRunner(options: .init(version: "test", jobs: jobs, threadsPerJob: 1, memoryBudget: budget))
            .run(plan, into: store, manifestPath: "m.yaml") { c.handle($0) }
        try store.close()
        #expect(c.started == 6)
        return (c.most, s, try contents(path))
    }

    @Test("A budget smaller than any job runs them one at a time, still all of them")
    func tinyBudget() throws {
        let (most, s, _) = try run(jobs: 3, budget: 1)
        #expect(most == 1)
        #expect(s.done == 6)
    }

    @Test("A budget for two jobs holds three workers to two; rows do not depend on it")
    func twoJobBudget() throws {
        let plan = try JobPlan(try manifest(Self.text), version: "test")
        let need = plan.jobs.map(BatchRunner.estimatedMemory).max()!
        let (most, _, rows) = try run(jobs: 3, budget: 2 * need + need / 2)
        #expect(most <= 2)
        let (_, _, free) = try run(jobs: 3, budget: .max)
        #expect(rows == free)
    }
}
