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

    /// The most bytes an input may have (after decompression) unless the caller says otherwise:
    /// 1 GiB. The CLI's `--max-input-bytes` overrides it.
    public static let defaultMaxBytes = 1 << 30

    /// Reads a file (or standard input for `-`), decompressing gzip by its magic number.
    /// - Parameter maxBytes: the most bytes the input may have, compressed or not; gzip is
    ///   inflated in pieces and refused as soon as its output passes the bound (never inflated
    ///   whole first), and standard input is read in pieces likewise.
    /// - Throws: `.badData` when the input is larger than `maxBytes`, `.missingInput`, `.io`.
    public static func read(path: String, maxBytes: Int = defaultMaxBytes) throws(GraphIOError) -> SourceText {
        let raw: [UInt8]
        if path == "-" {
            raw = try readStandardInput(maxBytes: maxBytes)
        } else {
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else {
                throw GraphIOError(.missingInput, file: path, "no such file")
            }
            guard !isDir.boolValue else { throw GraphIOError(.unsupported, file: path, "is a folder, not a file") }
            if let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int, size > maxBytes {
                throw tooLarge(path, maxBytes)
            }
            guard let d = FileManager.default.contents(atPath: path) else {
                throw GraphIOError(.io, file: path, "cannot be read (permissions?)")
            }
            raw = Array(d)
            if raw.count > maxBytes { throw tooLarge(path, maxBytes) }
        }
        if raw.count >= 2 && raw[0] == 0x1f && raw[1] == 0x8b {
            return SourceText(name: path, bytes: try Gzip.decompress(raw, name: path, maxBytes: maxBytes))
        }
        return SourceText(name: path, bytes: raw)
    }

    /// The error for an input over the bound.
    static func tooLarge(_ name: String, _ maxBytes: Int) -> GraphIOError {
        GraphIOError(.badData, file: name, "the input is larger than \(maxBytes) bytes (decompressed); raise --max-input-bytes to read it")
    }

    /// Standard input, read in 1 MiB pieces up to `maxBytes`.
    static func readStandardInput(maxBytes: Int) throws(GraphIOError) -> [UInt8] {
        var out: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let n = chunk.withUnsafeMutableBytes { Foundation.read(0, $0.baseAddress!, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw GraphIOError(.io, file: "-", "cannot read standard input: \(String(cString: strerror(errno)))")
            }
            if n == 0 { return out }
            guard out.count + n <= maxBytes else { throw tooLarge("-", maxBytes) }
            out.append(contentsOf: chunk[0..<n])
        }
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
    /// Inflates `input` (one or more gzip members) into at most `maxBytes` bytes.
    ///
    /// The output buffer is reserved once from the last member's size field (ISIZE, the size
    /// modulo 2³², capped at `maxBytes`), so a single-member file below 4 GiB is inflated
    /// without reallocation: the peak is its expanded size plus the compressed input. The
    /// size field is only a hint: the bound is checked on every 64 KiB piece.
    /// - Complexity: O(output).
    static func decompress(_ input: [UInt8], name: String, maxBytes: Int = SourceText.defaultMaxBytes) throws(GraphIOError) -> [UInt8] {
        var out: [UInt8] = []
        var hint = input.count * 4
        if input.count >= 18 {
            let k = input.count - 4
            hint = Int(input[k]) | Int(input[k + 1]) << 8 | Int(input[k + 2]) << 16 | Int(input[k + 3]) << 24
        }
        out.reserveCapacity(min(max(hint, 1 << 16), maxBytes) + 1)
        var tooLarge = false
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
                    let produced = c.count - Int(stream.avail_out)
                    if out.count + produced > maxBytes { tooLarge = true; return }
                    out.append(contentsOf: c[0..<produced])
                }
                if tooLarge { break }
                // Concatenated gzip members (as `cat a.gz b.gz` makes): start the next one.
                if status == Z_STREAM_END && stream.avail_in > 0 {
                    consumed = inp.count - Int(stream.avail_in)
                    if inflateReset(&stream) == Z_OK { status = Z_OK }
                }
            } while status == Z_OK
        }
        _ = consumed
        if tooLarge { throw SourceText.tooLarge(name, maxBytes) }
        guard status == Z_STREAM_END else {
            let what = status == Z_BUF_ERROR ? "the file is truncated" : "the data is corrupt"
            throw GraphIOError(.badData, file: name, "gzip: \(what) (after \(out.count) bytes of output)")
        }
        return out
    }
}
