import Foundation
import Interstice

/// An exclusive lock on a results store, so two batches never run the same jobs twice nor
/// write one store at once: `flock` on `results.sqlite.lock` beside the store, held until
/// ``release()`` or the process ends (the kernel drops it even after `kill -9`, so a crash
/// never leaves a stale lock). The file records the holder's process id and host for the
/// message a second batch gets.
///
/// ```swift
/// let lock = try StoreLock(store: "out/results.sqlite", wait: false)
/// defer { lock.release() }
/// ```
public final class StoreLock: @unchecked Sendable {
    /// The lock file.
    public let path: String
    private var fd: Int32

    /// Takes the lock of the store at `store`.
    /// - Parameter wait: block until the other holder is done, instead of failing at once.
    /// - Throws: ``GraphIOError`` `.io` (exit 74) when another process holds it and `wait` is
    ///   false, naming that process; or when the lock file cannot be created.
    public init(store: String, wait: Bool) throws(GraphIOError) {
        path = store + ".lock"
        let folder = (path as NSString).deletingLastPathComponent
        try? FileManager.default.createDirectory(atPath: folder.isEmpty ? "." : folder, withIntermediateDirectories: true)
        fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw GraphIOError(.io, file: path, "cannot create the store's lock file: \(String(cString: strerror(errno)))")
        }
        if flock(fd, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK, wait else {
                let holder = (try? String(contentsOfFile: path, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
                close(fd)
                throw GraphIOError(.io, file: store, "another batch is using this results store\(holder.isEmpty ? "" : " (\(holder))"); wait for it to end, or pass --wait to wait for it")
            }
            while flock(fd, LOCK_EX) != 0 && errno == EINTR {}
        }
        let me = "process \(ProcessInfo.processInfo.processIdentifier) on \(ProcessInfo.processInfo.hostName)\n"
        _ = ftruncate(fd, 0)
        _ = me.withCString { Foundation.pwrite(fd, $0, strlen($0), 0) }
    }

    /// Releases the lock (also released when the process ends).
    public func release() {
        guard fd >= 0 else { return }
        _ = flock(fd, LOCK_UN)
        close(fd)
        fd = -1
    }

    deinit { release() }
}

/// A request to stop a batch gently: no new job starts, jobs in flight finish and commit. Set
/// from a signal handler's queue; read by the runner's workers.
public final class BatchStop: @unchecked Sendable {
    private let lock = NSLock()
    private var _requested = false
    private var _signal: Int32 = 0

    public init() {}

    /// Asks the run to stop after its jobs in flight.
    public func request(signal: Int32) {
        lock.lock(); defer { lock.unlock() }
        if !_requested { _requested = true; _signal = signal }
    }

    /// Whether a stop was requested.
    public var requested: Bool { lock.lock(); defer { lock.unlock() }; return _requested }

    /// The signal that asked (0 when none).
    public var signal: Int32 { lock.lock(); defer { lock.unlock() }; return _signal }
}
