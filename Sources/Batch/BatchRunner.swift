import Foundation
import GraphRender
import Interstice

/// Runs a plan's jobs into a store: `jobs` at a time within a memory budget, each job committed
/// on its own; a failing job is recorded with its error and the others go on.
///
/// ```swift
/// let plan = try JobPlan(try Manifest.load("sweep.yaml"), version: "0.1.0")
/// let store = try ResultStore(path: "out/results.sqlite")
/// let summary = try BatchRunner(options: .init(version: "0.1.0", jobs: 2)).run(plan, into: store)
/// ```
///
/// Results do not depend on `jobs`, `threadsPerJob` or the shard: each job's randomness comes
/// from its own seed, and the library's parallel loops give the same bits for any thread count.
public struct BatchRunner: Sendable {
    public struct Options: Sendable {
        /// The Interstice version (part of every key, recorded in the store).
        public var version: String
        /// Jobs run at the same time.
        public var jobs: Int
        /// Worker threads inside each job (default: the cores shared out among the jobs).
        public var threadsPerJob: Int?
        /// Memory the running jobs may use together, in bytes, as estimated by
        /// ``BatchRunner/estimatedMemory(_:)``; a job that alone exceeds it still runs, alone.
        public var memoryBudget: UInt64
        /// The subset of the plan this invocation runs.
        public var shard: Shard
        /// Run jobs already done again.
        public var force: Bool
        /// Set to stop the run gently (SIGINT, SIGTERM): no new job starts, the jobs in flight
        /// finish and commit, and the run is recorded as interrupted.
        public var stop: BatchStop?
        /// The most bytes a dataset's file may have once decompressed (`--max-input-bytes`); a
        /// larger one fails its jobs. Not part of a job's key: it refuses, it never changes a result.
        public var maxInputBytes: Int = SourceText.defaultMaxBytes

        public init(version: String, jobs: Int = ProcessInfo.processInfo.activeProcessorCount, threadsPerJob: Int? = nil,
                    memoryBudget: UInt64 = ProcessInfo.processInfo.physicalMemory / 2, shard: Shard = .all, force: Bool = false) {
            self.version = version; self.jobs = max(1, jobs); self.threadsPerJob = threadsPerJob
            self.memoryBudget = memoryBudget; self.shard = shard; self.force = force
        }
    }

    /// What happens, for progress displays (called from worker threads).
    public enum Event: Sendable {
        /// The plan: jobs in the manifest, in this shard, and those to run now.
        case planned(total: Int, inShard: Int, toRun: Int)
        case started(Job)
        case finished(Job, failed: String?, seconds: Double)
    }

    /// The outcome of a run.
    public struct Summary: Sendable {
        public let total: Int
        public let inShard: Int
        public let skipped: Int
        public let done: Int
        public let failed: Int
        public let seconds: Double
        public let runID: String
        /// The run was stopped (``Options/stop``) before every job ran.
        public var interrupted = false
    }

    public let options: Options

    public init(options: Options) { self.options = options }

    /// A rough bound on what a job holds in memory: the parsed network and its graphs (about 48
    /// bytes per byte of CSV), plus scratch.
    public static func estimatedMemory(_ job: Job) -> UInt64 {
        UInt64(job.datasetBytes) * 48 + (8 << 20)
    }

    /// Runs the plan's jobs of this shard that are not done yet.
    /// - Complexity: the jobs' own work, spread over `jobs` workers; each dataset is read once
    ///   while jobs still need it.
    /// - Parameter events: progress, from worker threads.
    /// - Throws: ``GraphIOError`` when the store cannot be written (the jobs committed so far
    ///   stay); a failing job is not an error of the run.
    public func run(_ plan: JobPlan, into store: ResultStore, manifestPath: String,
                    events: @escaping @Sendable (Event) -> Void = { _ in }) throws(GraphIOError) -> Summary {
        let started = Date()
        let mine = plan.jobs(in: options.shard)
        let info = ResultStore.RunInfo(name: plan.manifest.name, manifest: manifestPath, manifestDigest: plan.manifest.digest,
                                       seed: plan.manifest.seed, version: options.version, shard: options.shard,
                                       jobs: options.jobs, forced: options.force)
        try store.beginRun(info, started: started)
        let todo = try store.prepare(mine, version: options.version, force: options.force)
        events(.planned(total: plan.jobs.count, inShard: mine.count, toRun: todo.count))
        let workers = min(options.jobs, max(1, todo.count))
        let threads = options.threadsPerJob ?? max(1, ProcessInfo.processInfo.activeProcessorCount / workers)
        let state = RunState(jobs: todo, budget: options.memoryBudget, stop: options.stop, maxInputBytes: options.maxInputBytes)
        let group = DispatchGroup()
        for _ in 0..<workers {
            group.enter()
            let t = Thread {
                BatchRunner.work(state, store: store, run: info.id, threads: threads, events: events)
                group.leave()
            }
            t.stackSize = 16 << 20
            t.start()
        }
        group.wait()
        let finished = Date()
        let (done, failed, storeError) = state.outcome
        let interrupted = (options.stop?.requested ?? false) && done + failed < todo.count
        try store.finishRun(info.id, started: started, finished: finished, planned: mine.count,
                            skipped: mine.count - todo.count, done: done, failed: failed, interrupted: interrupted)
        if let storeError { throw storeError }
        var summary = Summary(total: plan.jobs.count, inShard: mine.count, skipped: mine.count - todo.count, done: done,
                              failed: failed, seconds: finished.timeIntervalSince(started), runID: info.id)
        summary.interrupted = interrupted
        return summary
    }

    static func work(_ state: RunState, store: ResultStore, run: String, threads: Int,
                     events: @Sendable (Event) -> Void) {
        while let job = state.take() {
            events(.started(job))
            let t0 = Date()
            var failure: String? = nil
            var output = JobOutput()
            switch state.network(for: job) {
            case .failure(let e): failure = "\(e)"
            case .success(let net):
                do { output = try AnalysisRunner.run(job, network: net, threads: threads, folder: store.folder) }
                catch { failure = error.message }
            }
            let t1 = Date()
            do {
                if let failure {
                    try store.recordFailure(job, error: failure, run: run, started: t0, finished: t1)
                } else {
                    try store.record(job, output: output, run: run, started: t0, finished: t1)
                }
                events(.finished(job, failed: failure, seconds: t1.timeIntervalSince(t0)))
                state.release(job, failed: failure != nil)
            } catch {
                state.abort(error)
            }
        }
    }
}

/// The shared state of a run's workers: the queue, the memory in use, the datasets read.
final class RunState: @unchecked Sendable {
    private let lock = NSCondition()
    private let jobs: [Job]
    private var next = 0
    private let budget: UInt64
    private var inUse: UInt64 = 0
    private var running = 0
    private var done = 0
    private var failed = 0
    private var storeError: GraphIOError? = nil
    /// Datasets by path: the network (or its error) and how many jobs still need it.
    private var cache: [String: (result: Result<Network, GraphIOError>?, remaining: Int)] = [:]
    /// Datasets a worker is reading now.
    private var loading = Set<String>()

    private let stop: BatchStop?
    private let maxInputBytes: Int

    init(jobs: [Job], budget: UInt64, stop: BatchStop? = nil, maxInputBytes: Int = SourceText.defaultMaxBytes) {
        self.jobs = jobs
        self.budget = budget
        self.stop = stop
        self.maxInputBytes = maxInputBytes
        for j in jobs { cache[RunState.cacheKey(j), default: (nil, 0)].remaining += 1 }
    }

    static func cacheKey(_ j: Job) -> String { j.dataset.path + "\u{0}" + j.dataset.optionsJSON.text(pretty: false) }

    /// The next job, once the memory budget allows it (nil when none is left or the run stops).
    func take() -> Job? {
        lock.lock(); defer { lock.unlock() }
        while true {
            guard storeError == nil, next < jobs.count, !(stop?.requested ?? false) else { return nil }
            let need = BatchRunner.estimatedMemory(jobs[next])
            if running == 0 || (inUse <= budget && need <= budget - inUse) {
                let j = jobs[next]
                next += 1
                running += 1
                inUse += need
                return j
            }
            lock.wait()
        }
    }

    /// A job is over: free its memory and, when no later job needs it, its dataset.
    func release(_ job: Job, failed f: Bool) {
        lock.lock(); defer { lock.unlock() }
        running -= 1
        inUse -= BatchRunner.estimatedMemory(job)
        if f { failed += 1 } else { done += 1 }
        let key = RunState.cacheKey(job)
        if var entry = cache[key] {
            entry.remaining -= 1
            if entry.remaining <= 0 { cache[key] = nil } else { cache[key] = entry }
        }
        lock.broadcast()
    }

    /// The store failed: stop handing out jobs.
    func abort(_ error: Error) {
        lock.lock(); defer { lock.unlock() }
        running -= 1
        if storeError == nil {
            storeError = (error as? GraphIOError) ?? GraphIOError(.io, file: "results store", "\(error)")
        }
        lock.broadcast()
    }

    var outcome: (done: Int, failed: Int, storeError: GraphIOError?) {
        lock.lock(); defer { lock.unlock() }
        return (done, failed, storeError)
    }

    /// The job's dataset, read once and shared by the jobs that use it.
    func network(for job: Job) -> Result<Network, GraphIOError> {
        let key = RunState.cacheKey(job)
        lock.lock()
        while loading.contains(key) { lock.wait() }
        if let r = cache[key]?.result { lock.unlock(); return r }
        loading.insert(key)
        lock.unlock()
        let result: Result<Network, GraphIOError>
        do {
            var request = job.dataset.request
            request.options.maxInputBytes = maxInputBytes
            result = .success(try request.load(readers: .withDOT()).network)
        } catch let e as GraphIOError {
            result = .failure(e)
        } catch {
            result = .failure(GraphIOError(.badData, file: job.dataset.path, "\(error)"))
        }
        lock.lock()
        loading.remove(key)
        cache[key]?.result = result
        lock.broadcast()
        lock.unlock()
        return result
    }
}
