import Foundation
import IntersticeCZlib

/// The bytes of an input file (decompressed when gzip), with its name for error messages, and
/// byte-offset → line/column conversion done only when an error is reported.
public struct SourceText: Sendable {
    /// The name used in messages: the path as given, or `-`.
    public let name: String
    /// The file's bytes (after gzip decompression, a UTF-8 byte-order mark removed).
    public let bytes: [UInt8]
    /// Bytes removed at the start (a BOM), so columns match the file.
    let skipped: Int

    public init(name: String, bytes: [UInt8]) {
        self.name = name
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            self.bytes = Array(bytes.dropFirst(3)); skipped = 3
        } else {
            self.bytes = bytes; skipped = 0
        }
    }

    /// Reads a file (or standard input for `-`), decompressing gzip by its magic number.
    public static func read(path: String) throws(GraphIOError) -> SourceText {
        let raw: [UInt8]
        if path == "-" {
            raw = Array(FileHandle.standardInput.readDataToEndOfFile())
        } else {
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else {
                throw GraphIOError(.missingInput, file: path, "no such file")
            }
            guard !isDir.boolValue else { throw GraphIOError(.unsupported, file: path, "is a folder, not a file") }
            guard let d = FileManager.default.contents(atPath: path) else {
                throw GraphIOError(.io, file: path, "cannot be read (permissions?)")
            }
            raw = Array(d)
        }
        if raw.count >= 2 && raw[0] == 0x1f && raw[1] == 0x8b {
            return SourceText(name: path, bytes: try Gzip.decompress(raw, name: path))
        }
        return SourceText(name: path, bytes: raw)
    }

    /// 1-based (line, column) of a byte offset; column counts bytes (as compilers do).
    /// - Complexity: O(offset).
    public func location(of offset: Int) -> (line: Int, column: Int) {
        var line = 1, lineStart = 0
        let end = min(offset, bytes.count)
        bytes.withUnsafeBufferPointer { b in
            for i in 0..<end where b[i] == 10 { line += 1; lineStart = i + 1 }
        }
        return (line, offset - lineStart + 1 + (line == 1 ? skipped : 0))
    }

    /// An error located at a byte offset.
    public func error(at offset: Int, _ message: String) -> GraphIOError {
        let (l, c) = location(of: offset)
        return GraphIOError(.badData, file: name, line: l, column: c, message)
    }

    /// Checks the text is UTF-8; the error points at the first invalid byte.
    /// A NUL byte is refused too: text formats never contain one, binary files almost always do.
    public func validateUTF8() throws(GraphIOError) {
        if let nul = bytes.firstIndex(of: 0) {
            throw error(at: nul, "binary data (a NUL byte): this is not a text file")
        }
        if let bad = SourceText.firstInvalidUTF8(bytes) {
            throw error(at: bad, "invalid UTF-8 (byte 0x\(GraphIOError.hex(bytes[bad]))); re-encode the file as UTF-8")
        }
    }

    /// Offset of the first byte that is not part of valid UTF-8, or nil.
    public static func firstInvalidUTF8(_ b: [UInt8]) -> Int? {
        var i = 0
        let n = b.count
        while i < n {
            let c = b[i]
            if c < 0x80 { i += 1; continue }
            let len: Int
            if c & 0xE0 == 0xC0 && c >= 0xC2 { len = 2 }
            else if c & 0xF0 == 0xE0 { len = 3 }
            else if c & 0xF8 == 0xF0 && c <= 0xF4 { len = 4 }
            else { return i }
            guard i + len <= n else { return i }
            for k in 1..<len where b[i + k] & 0xC0 != 0x80 { return i }
            if len == 3 {
                let v = (UInt32(c & 0x0F) << 12) | (UInt32(b[i + 1] & 0x3F) << 6)
                if v < 0x800 || (v >= 0xD800 && v <= 0xDFFF) { return i }
            }
            if len == 4 {
                let v = (UInt32(c & 0x07) << 18) | (UInt32(b[i + 1] & 0x3F) << 12)
                if v < 0x10000 || v > 0x10FFFF { return i }
            }
            i += len
        }
        return nil
    }

    /// Whether the first bytes look binary (a NUL byte in the first 8 KiB).
    public var looksBinary: Bool { bytes.prefix(8192).contains(0) }
}

/// gzip decompression through zlib. Written against zlib's C API because no Swift package on
/// this machine decompresses gzip without pulling in SwiftNIO.
enum Gzip {
    static func decompress(_ input: [UInt8], name: String) throws(GraphIOError) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(input.count * 4)
        var stream = z_stream()
        // 15 + 32: any window size, gzip or zlib header detected automatically.
        guard inflateInit2_(&stream, 15 + 32, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw GraphIOError(.io, file: name, "zlib could not start")
        }
        defer { inflateEnd(&stream) }
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        var status: Int32 = Z_OK
        var consumed = 0
        input.withUnsafeBufferPointer { inp in
            stream.next_in = UnsafeMutablePointer(mutating: inp.baseAddress)
            stream.avail_in = UInt32(inp.count)
            repeat {
                chunk.withUnsafeMutableBufferPointer { c in
                    stream.next_out = c.baseAddress
                    stream.avail_out = UInt32(c.count)
                    status = inflate(&stream, Z_NO_FLUSH)
                    out.append(contentsOf: c[0..<(c.count - Int(stream.avail_out))])
                }
                // Concatenated gzip members (as `cat a.gz b.gz` makes): start the next one.
                if status == Z_STREAM_END && stream.avail_in > 0 {
                    consumed = inp.count - Int(stream.avail_in)
                    if inflateReset(&stream) == Z_OK { status = Z_OK }
                }
            } while status == Z_OK
        }
        _ = consumed
        guard status == Z_STREAM_END else {
            let what = status == Z_BUF_ERROR ? "the file is truncated" : "the data is corrupt"
            throw GraphIOError(.badData, file: name, "gzip: \(what) (after \(out.count) bytes of output)")
        }
        return out
    }
}
