import Foundation

/// Writes a whole output atomically: to a temporary file beside the target, then renamed, so a
/// failed run leaves no partial file. `-` writes to standard output.
///
/// What is at the path decides how:
/// - nothing, or a regular file: a temporary file is created beside it exclusively, with an
///   unpredictable name (`mkstemp`: `O_CREAT | O_EXCL`, mode 0600, so a planted file or symlink
///   is never written through), filled, given the mode a new file gets (or the replaced file's),
///   and renamed over the path;
/// - a symbolic link: the same beside the link's final target, which is replaced (the link
///   stays a link);
/// - a device, FIFO or socket (`/dev/null`, a named pipe), or standard output through
///   `/dev/stdout` or `/proc/self/fd/N`: written directly, never replaced;
/// - a folder: an error.
///
/// Temporary files are registered with ``TemporaryFiles`` while they exist, so a SIGINT or
/// SIGTERM handler can remove them (`TemporaryFiles.removeAllBeforeExit()`), and are removed on every
/// failure. Short writes and `EINTR` are retried; a full disk or a full standard output is an
/// `.io` error (exit 74).
public enum OutputFile {
    /// Writes `bytes` to `path` (or standard output for `-`).
    /// - Complexity: O(bytes).
    /// - Throws: ``GraphIOError`` `.io` naming the path and the system's reason.
    public static func write(_ bytes: [UInt8], to path: String) throws(GraphIOError) {
        if path == "-" {
            try writeAll(fd: 1, bytes, name: "-", what: "standard output")
            return
        }
        var st = stat()
        if stat(path, &st) == 0 {
            let type = st.st_mode & S_IFMT
            if type == S_IFDIR { throw GraphIOError(.io, file: path, "is a folder; expected a file name") }
            if type != S_IFREG || isProcessStream(path) {
                try writeDirectly(bytes, to: path)
                return
            }
        }
        let target = try finalTarget(of: path)
        try writeAtomically(bytes, to: target, name: path)
    }

    /// Writes several files into a folder atomically as a whole: they are written into a
    /// temporary folder (created by `mkdtemp`, unpredictable name) that is then renamed to
    /// `path`; into an existing folder they are moved one by one (files not written, a README,
    /// stay).
    public static func writeFolder(_ files: [(name: String, bytes: [UInt8])], to path: String) throws(GraphIOError) {
        let url = URL(fileURLWithPath: path)
        let parent = url.deletingLastPathComponent()
        var template = Array(parent.appendingPathComponent(".\(url.lastPathComponent).tmp-XXXXXX").path.utf8CString)
        var made: String?, failure: Int32 = 0
        let created = TemporaryFiles.create {
            made = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }.map { String(cString: $0) }
            failure = errno
            return made
        }
        guard let token = created, let tmpPath = made else {
            throw GraphIOError(.io, file: path, "cannot create a temporary folder in \(parent.path): \(String(cString: strerror(failure)))")
        }
        let tmp = URL(fileURLWithPath: tmpPath)
        defer { TemporaryFiles.unregister(token) }
        let fm = FileManager.default
        do {
            for f in files {
                try writeAtomically(f.bytes, to: tmp.appendingPathComponent(f.name).path, name: path)
            }
            var isDir: ObjCBool = false
            let existing = fm.fileExists(atPath: path, isDirectory: &isDir)
            if existing && !isDir.boolValue { throw GraphIOError(.io, file: path, "exists and is not a folder") }
            // The renames under TemporaryFiles' lock, as for a file: a SIGINT/SIGTERM clean-up
            // runs before them (nothing moved) or after (all moved), never between.
            var failed: GraphIOError?
            let moved = TemporaryFiles.commit(token) {
                if existing {
                    for f in files {
                        let dst = url.appendingPathComponent(f.name)
                        guard rename(tmp.appendingPathComponent(f.name).path, dst.path) == 0 else {
                            failed = GraphIOError(.io, file: dst.path, "cannot write: \(String(cString: strerror(errno)))")
                            return false
                        }
                    }
                    try? fm.removeItem(at: tmp)
                    return true
                }
                guard rename(tmpPath, path) == 0 else {
                    failed = GraphIOError(.io, file: path, "cannot write: \(String(cString: strerror(errno)))")
                    return false
                }
                return true
            }
            if let failed, !moved { throw failed }
            if !existing { _ = chmod(path, 0o777 & ~processUmask) }
        } catch let e as GraphIOError {
            try? fm.removeItem(at: tmp)
            throw e
        } catch {
            try? fm.removeItem(at: tmp)
            throw GraphIOError(.io, file: path, "cannot write: \(error.localizedDescription)")
        }
    }

    // MARK: - Pieces

    /// `/dev/stdout`, `/dev/stderr`, `/dev/fd/N`, `/proc/self/fd/N` (and what they lead to):
    /// the caller's own streams, written in place.
    static func isProcessStream(_ path: String) -> Bool {
        if path.hasPrefix("/dev/") || path.hasPrefix("/proc/") { return true }
        guard let r = realpath(path, nil) else { return false }
        defer { free(r) }
        let resolved = String(cString: r)
        return resolved.hasPrefix("/proc/") || resolved.hasPrefix("/dev/")
    }

    /// Follows symbolic links (at most 40, as the kernel does) to the path a write replaces.
    static func finalTarget(of path: String) throws(GraphIOError) -> String {
        var current = path
        for _ in 0..<40 {
            var st = stat()
            guard lstat(current, &st) == 0, st.st_mode & S_IFMT == S_IFLNK else { return current }
            var buf = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let n = readlink(current, &buf, buf.count - 1)
            guard n > 0 else { return current }
            let link = String(decoding: buf[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            current = link.hasPrefix("/") ? link
                : URL(fileURLWithPath: current).deletingLastPathComponent().appendingPathComponent(link).path
        }
        throw GraphIOError(.io, file: path, "too many levels of symbolic links")
    }

    /// Opens an existing non-regular file (no `O_CREAT`, no `O_TRUNC`) and writes to it.
    static func writeDirectly(_ bytes: [UInt8], to path: String) throws(GraphIOError) {
        let fd = open(path, O_WRONLY | O_CLOEXEC)
        guard fd >= 0 else { throw GraphIOError(.io, file: path, "cannot open for writing: \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        try writeAll(fd: fd, bytes, name: path, what: path)
    }

    /// mkstemp beside `target`, write, set the mode, rename over `target`; the temporary file is
    /// removed on any failure.
    static func writeAtomically(_ bytes: [UInt8], to target: String, name: String) throws(GraphIOError) {
        let url = URL(fileURLWithPath: target)
        let dir = url.deletingLastPathComponent()
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: dir.path, isDirectory: &isDir), isDir.boolValue else {
            throw GraphIOError(.io, file: name, "the folder \(dir.path) does not exist")
        }
        var template = Array(dir.appendingPathComponent(".\(url.lastPathComponent).tmp-XXXXXX").path.utf8CString)
        // Created and registered in one step under TemporaryFiles' lock: a SIGINT/SIGTERM
        // between mkstemp and the registration used to leave the temporary file behind.
        var fd: Int32 = -1, failure: Int32 = 0
        guard let token = TemporaryFiles.create({
            fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
            failure = errno
            return fd >= 0 ? template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) } : nil
        }) else {
            throw GraphIOError(.io, file: name, "cannot create a temporary file in \(dir.path): \(String(cString: strerror(failure)))")
        }
        _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        let tmp = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        defer { TemporaryFiles.unregister(token) }
        var ok = false
        defer { if !ok { unlink(tmp) } }
        do {
            defer { close(fd) }
            try writeAll(fd: fd, bytes, name: name, what: name)
            // The mode a new file would get, or the replaced file's own.
            var st = stat()
            let mode = stat(target, &st) == 0 ? st.st_mode & 0o7777 : 0o666 & ~processUmask
            _ = fchmod(fd, mode)
        }
        // Renamed under TemporaryFiles' lock: a SIGINT/SIGTERM handler removing the temporary
        // files either runs before (no rename follows) or after (the output is whole).
        var renameError: Int32 = 0
        guard TemporaryFiles.commit(token, { if rename(tmp, target) == 0 { return true }; renameError = errno; return false }) else {
            throw GraphIOError(.io, file: name, "cannot write: \(String(cString: strerror(renameError)))")
        }
        ok = true
    }

    /// Writes every byte to `fd`, retrying short writes and `EINTR`.
    /// - Throws: `.io` with the system's reason (`No space left on device` for a full disk or
    ///   `/dev/full`, a closed pipe, …).
    public static func writeAll(fd: Int32, _ bytes: [UInt8], name: String, what: String) throws(GraphIOError) {
        let failure: Int32? = bytes.withUnsafeBytes { raw in
            var done = 0
            while done < raw.count {
                let n = Foundation.write(fd, raw.baseAddress! + done, raw.count - done)
                if n < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                if n == 0 { return EIO }
                done += n
            }
            return nil
        }
        if let e = failure {
            throw GraphIOError(.io, file: name, "cannot write to \(what): \(String(cString: strerror(e)))")
        }
    }

    /// The process's umask, read once (by setting and restoring it) on first use.
    static let processUmask: mode_t = {
        let m = umask(0o022)
        umask(m)
        return m
    }()
}

/// The temporary files and folders outputs are being written to, so that a signal handler can
/// remove them before the process ends (a run killed by SIGINT or SIGTERM leaves nothing
/// behind). Thread-safe.
public enum TemporaryFiles {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var paths: [Int: String] = [:]
    nonisolated(unsafe) private static var next = 0

    /// Remembers a temporary path; returns the token that ``unregister(_:)`` takes.
    public static func register(_ path: String) -> Int {
        lock.lock(); defer { lock.unlock() }
        next += 1
        paths[next] = path
        return next
    }

    /// Creates a temporary file or folder with `make` (which returns its path, or nil when it
    /// failed) and registers it, both under the lock that ``removeAllBeforeExit()`` keeps: a
    /// signal's clean-up never falls between the creation and the registration.
    /// - Returns: the token for ``unregister(_:)``, or nil when `make` failed.
    public static func create(_ make: () -> String?) -> Int? {
        lock.lock(); defer { lock.unlock() }
        guard let path = make() else { return nil }
        next += 1
        paths[next] = path
        return next
    }

    /// Forgets a temporary path (it was renamed or removed).
    public static func unregister(_ token: Int) {
        lock.lock(); defer { lock.unlock() }
        paths[token] = nil
    }

    /// Removes every registered temporary file or folder (for a signal handler, which then
    /// ends the process).
    public static func removeAll() {
        lock.lock(); defer { lock.unlock() }
        for p in paths.values { try? FileManager.default.removeItem(atPath: p) }
        paths.removeAll()
    }

    /// Runs `rename` (which moves the temporary path of `token` into place) and forgets the
    /// path, holding the lock that ``removeAllBeforeExit()`` keeps: a rename never follows the
    /// signal handler's clean-up.
    public static func commit(_ token: Int, _ rename: () -> Bool) -> Bool {
        lock.lock(); defer { lock.unlock() }
        guard rename() else { return false }
        paths[token] = nil
        return true
    }

    /// Removes every registered temporary file or folder and keeps the lock, so that no
    /// ``commit(_:_:)`` can rename one afterwards; only for a handler that then ends the process.
    public static func removeAllBeforeExit() {
        lock.lock()
        for p in paths.values { try? FileManager.default.removeItem(atPath: p) }
        paths.removeAll()
    }

    /// How many temporary paths are registered (for tests).
    public static var count: Int {
        lock.lock(); defer { lock.unlock() }
        return paths.count
    }
}

/// A growable byte buffer for writers, with fast appends of text and numbers.
public struct ByteWriter: Sendable {
    public var bytes: [UInt8] = []

    public init(capacity: Int = 1 << 16) { bytes.reserveCapacity(capacity) }

    @inlinable public mutating func write(_ s: String) { bytes.append(contentsOf: s.utf8) }
    @inlinable public mutating func write(byte: UInt8) { bytes.append(byte) }
    @inlinable public mutating func newline() { bytes.append(10) }

    /// Appends a decimal integer without going through String.
    public mutating func write(int value: Int) {
        if value == 0 { bytes.append(48); return }
        var v = value.magnitude
        if value < 0 { bytes.append(45) }
        var tmp: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                  UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var n = 0
        withUnsafeMutableBytes(of: &tmp) { t in
            while v > 0 { t[n] = UInt8(v % 10) + 48; v /= 10; n += 1 }
            for i in stride(from: n - 1, through: 0, by: -1) { bytes.append(t[i]) }
        }
    }
}
