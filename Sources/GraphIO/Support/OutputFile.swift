import Foundation

/// Writes a whole output atomically: to a temporary file beside the target, then renamed, so a
/// failed run leaves no partial file. `-` writes to standard output.
public enum OutputFile {
    /// Writes `bytes` to `path` (or standard output for `-`).
    public static func write(_ bytes: [UInt8], to path: String) throws(GraphIOError) {
        if path == "-" {
            FileHandle.standardOutput.write(Data(bytes))
            return
        }
        let url = URL(fileURLWithPath: path)
        let dir = url.deletingLastPathComponent()
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: dir.path, isDirectory: &isDir), isDir.boolValue else {
            throw GraphIOError(.io, file: path, "the folder \(dir.path) does not exist")
        }
        let tmp = dir.appendingPathComponent(".\(url.lastPathComponent).tmp-\(ProcessInfo.processInfo.processIdentifier)")
        do {
            try Data(bytes).write(to: tmp)
            // rename(2) replaces an existing file atomically.
            guard rename(tmp.path, url.path) == 0 else {
                throw GraphIOError(.io, file: path, "cannot write: \(String(cString: strerror(errno)))")
            }
        } catch {
            try? FileManager.default.removeItem(at: tmp)
            throw GraphIOError(.io, file: path, "cannot write: \(error.localizedDescription)")
        }
    }

    /// Writes several files into a folder atomically as a whole: they are written into a
    /// temporary folder that is then renamed to `path` (an existing folder is replaced).
    public static func writeFolder(_ files: [(name: String, bytes: [UInt8])], to path: String) throws(GraphIOError) {
        let url = URL(fileURLWithPath: path)
        let parent = url.deletingLastPathComponent()
        let tmp = parent.appendingPathComponent(".\(url.lastPathComponent).tmp-\(ProcessInfo.processInfo.processIdentifier)")
        let fm = FileManager.default
        do {
            try? fm.removeItem(at: tmp)
            try fm.createDirectory(at: tmp, withIntermediateDirectories: false)
            for f in files { try Data(f.bytes).write(to: tmp.appendingPathComponent(f.name)) }
            if fm.fileExists(atPath: path) {
                // Keep files we do not write (a README) by moving ours over them one by one.
                for f in files {
                    let dst = url.appendingPathComponent(f.name)
                    if fm.fileExists(atPath: dst.path) { try fm.removeItem(at: dst) }
                    try fm.moveItem(at: tmp.appendingPathComponent(f.name), to: dst)
                }
                try fm.removeItem(at: tmp)
            } else {
                try fm.moveItem(at: tmp, to: url)
            }
        } catch {
            try? fm.removeItem(at: tmp)
            throw GraphIOError(.io, file: path, "cannot write: \(error.localizedDescription)")
        }
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
