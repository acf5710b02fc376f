import Dispatch

/// A pointer that may cross into the workers of a parallel loop. The loops below give each
/// worker its own slots (per-worker scratch) or disjoint index ranges, so no two workers write
/// the same element.
@usableFromInline
package struct SharedPointer<T>: @unchecked Sendable {
    @usableFromInline package let base: UnsafeMutablePointer<T>
    @inlinable package init(_ base: UnsafeMutablePointer<T>) { self.base = base }
    @inlinable package subscript(i: Int) -> T {
        get { base[i] }
        nonmutating set { base[i] = newValue }
    }
}

/// Chunked parallel loops over `DispatchQueue.concurrentPerform`, written here because neither
/// Dispatch nor the available packages offer a loop with a bounded number of workers, per-worker
/// scratch and a fixed chunking.
///
/// Work `0..<count` is cut into chunks of `chunk` indices that do not depend on the number of
/// threads; worker `w` of `W` takes chunks `w, w + W, w + 2W, …` (static round-robin, no atomics).
/// Reductions that must not depend on the thread count (``sum(count:chunk:threads:_:)``) keep one
/// partial per chunk and add the partials in chunk order.
package enum Parallel {
    /// The number of workers for `threads` (nil or ≤ 0: every core), at most `work` and at least 1.
    @inlinable package static func workers(_ threads: Int?, work: Int) -> Int {
        let t = (threads ?? 0) > 0 ? threads! : Platform.processorCount
        return max(1, min(t, work))
    }

    /// Runs `body(worker)` for `worker` in `0..<workers`, concurrently when `workers > 1`.
    /// - Complexity: the cost of the bodies, spread over the workers.
    @inlinable package static func run(workers: Int, _ body: (Int) -> Void) {
        if workers <= 1 { body(0); return }
        withoutActuallyEscaping(body) { b in
            let box = UncheckedBox(b)
            DispatchQueue.concurrentPerform(iterations: workers) { w in box.value(w) }
        }
    }

    /// Calls `body(worker, range)` for each fixed chunk of `0..<count`; chunk `c` goes to worker
    /// `c % workers`, and each worker visits its chunks in increasing order.
    @inlinable package static func forEachChunk(count: Int, chunk: Int, workers: Int,
                                                _ body: (Int, Range<Int>) -> Void) {
        guard count > 0 else { return }
        let size = max(1, chunk)
        let chunks = (count + size - 1) / size
        run(workers: min(workers, chunks)) { w in
            var c = w
            let stride = min(workers, chunks)
            while c < chunks {
                let lo = c * size
                body(w, lo..<min(count, lo + size))
                c += stride
            }
        }
    }

    /// Applies `body` to each fixed chunk of `0..<count` in parallel (disjoint writes only).
    @inlinable package static func forEach(count: Int, chunk: Int, threads: Int?, _ body: (Range<Int>) -> Void) {
        let size = max(1, chunk)
        let w = workers(threads, work: (count + size - 1) / size)
        forEachChunk(count: count, chunk: size, workers: w) { _, r in body(r) }
    }

    /// The sum of `body(range)` over the fixed chunks of `0..<count`, added in chunk order: the
    /// result is the same bit for bit for any number of threads.
    @inlinable package static func sum(count: Int, chunk: Int, threads: Int?, _ body: (Range<Int>) -> Double) -> Double {
        sum(count: count, chunk: chunk, workers: workers(threads, work: (count + max(1, chunk) - 1) / max(1, chunk))) { _, r in body(r) }
    }

    /// ``sum(count:chunk:threads:_:)`` with the worker's index passed to `body` (for per-worker
    /// scratch allocated beforehand, `workers` slots).
    @inlinable package static func sum(count: Int, chunk: Int, workers: Int, _ body: (Int, Range<Int>) -> Double) -> Double {
        guard count > 0 else { return 0 }
        let size = max(1, chunk)
        let chunks = (count + size - 1) / size
        var partial = [Double](repeating: 0, count: chunks)
        partial.withUnsafeMutableBufferPointer { p in
            let out = SharedPointer(p.baseAddress!)
            forEachChunk(count: count, chunk: size, workers: workers) { w, r in
                out[r.lowerBound / size] = body(w, r)
            }
        }
        var total = 0.0
        for x in partial { total += x }
        return total
    }
}

/// Lets a non-Sendable closure run on the workers of ``Parallel/run(workers:_:)``; the loops
/// guarantee that workers write disjoint memory.
@usableFromInline
package struct UncheckedBox<T>: @unchecked Sendable {
    @usableFromInline package let value: T
    @inlinable package init(_ value: T) { self.value = value }
}
