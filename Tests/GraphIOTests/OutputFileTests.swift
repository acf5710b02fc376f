import Foundation
import Testing
import TestSupport
@testable import GraphIO

/// Issue 14, outputs: `-o` never replaces what is not a regular file, follows a symlink to write
/// its target atomically, creates its temporary file exclusively under an unpredictable name,
/// and leaves nothing behind on failure. Every test works in its own temporary folder.
@Suite("Hardening: output files")
struct OutputFileTests {
    static func mode(_ path: String) -> mode_t {
        var st = stat()
        _ = lstat(path, &st)
        return st.st_mode
    }

    static func entries(_ dir: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
    }

    @Test("a new file gets the content and the mode a new file gets; no temporary file is left")
    func newFile() throws {
        let dir = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("out.txt").path
        try OutputFile.write(Array("hello\n".utf8), to: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "hello\n")
        #expect(Self.mode(path) & 0o777 == 0o666 & ~OutputFile.processUmask)
        #expect(try Self.entries(dir) == ["out.txt"])
    }

    @Test("replacing a regular file keeps its mode")
    func keepsMode() throws {
        let dir = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("out.txt").path
        try Data("old".utf8).write(to: URL(fileURLWithPath: path))
        chmod(path, 0o640)
        try OutputFile.write(Array("new".utf8), to: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "new")
        #expect(Self.mode(path) & 0o777 == 0o640)
    }

    @Test("through a symlink: the link stays, its target is replaced, the temporary file was beside the target")
    func throughSymlink() throws {
        let dir = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let sub = dir.appendingPathComponent("real")
        try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: false)
        let target = sub.appendingPathComponent("target.svg").path
        try Data("old".utf8).write(to: URL(fileURLWithPath: target))
        let link = dir.appendingPathComponent("link.svg").path
        #expect(symlink("real/target.svg", link) == 0)
        try OutputFile.write(Array("new".utf8), to: link)
        #expect(Self.mode(link) & S_IFMT == S_IFLNK)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == "real/target.svg")
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "new")
        #expect(try Self.entries(sub) == ["target.svg"])
        // A dangling link: its target is created.
        let dangling = dir.appendingPathComponent("dangling").path
        #expect(symlink("real/new.txt", dangling) == 0)
        try OutputFile.write(Array("x".utf8), to: dangling)
        #expect(try String(contentsOfFile: sub.appendingPathComponent("new.txt").path, encoding: .utf8) == "x")
        #expect(Self.mode(dangling) & S_IFMT == S_IFLNK)
    }

    @Test("a FIFO is written to directly and stays a FIFO")
    func fifo() throws {
        let dir = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("pipe").path
        #expect(mkfifo(path, 0o600) == 0)
        let reader = Thread.detachNewThreadWithResult { () -> Data in
            // read(2) to the end (Foundation's contents(atPath:) does not read FIFOs).
            let fd = open(path, O_RDONLY)
            guard fd >= 0 else { return Data() }
            defer { close(fd) }
            var out = Data()
            var chunk = [UInt8](repeating: 0, count: 4096)
            while true {
                let n = read(fd, &chunk, chunk.count)
                if n <= 0 { break }
                out.append(contentsOf: chunk[0..<n])
            }
            return out
        }
        try OutputFile.write(Array("through the pipe".utf8), to: path)
        #expect(String(decoding: reader.wait(), as: UTF8.self) == "through the pipe")
        #expect(Self.mode(path) & S_IFMT == S_IFIFO)
        #expect(try Self.entries(dir) == ["pipe"])
    }

    @Test("a planted file or symlink at the old predictable temporary name is neither used nor followed")
    func plantedTemporary() throws {
        let dir = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let victim = dir.appendingPathComponent("victim").path
        try Data("precious".utf8).write(to: URL(fileURLWithPath: victim))
        let planted = dir.appendingPathComponent(".out.txt.tmp-\(ProcessInfo.processInfo.processIdentifier)").path
        #expect(symlink(victim, planted) == 0)
        try OutputFile.write(Array("result".utf8), to: dir.appendingPathComponent("out.txt").path)
        #expect(try String(contentsOfFile: victim, encoding: .utf8) == "precious")
        #expect(try String(contentsOfFile: dir.appendingPathComponent("out.txt").path, encoding: .utf8) == "result")
        #expect(try Self.entries(dir).count == 3)
    }

    @Test("a folder, a missing folder and a full device are .io errors; nothing is left behind")
    func failures() throws {
        let dir = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(throws: GraphIOError.self) { try OutputFile.write([1], to: dir.path) }
        do {
            try OutputFile.write([1], to: dir.appendingPathComponent("no/such/out").path)
            Issue.record("wrote into a missing folder")
        } catch {
            #expect(error.kind == .io)
        }
        // A read-only folder: mkstemp fails, nothing is created.
        let ro = dir.appendingPathComponent("ro")
        try FileManager.default.createDirectory(at: ro, withIntermediateDirectories: false)
        chmod(ro.path, 0o500)
        defer { chmod(ro.path, 0o700) }
        if getuid() != 0 {
            #expect(throws: GraphIOError.self) { try OutputFile.write([1], to: ro.appendingPathComponent("x").path) }
            #expect(try Self.entries(ro) == [])
        }
        // /dev/full is opened here only as a file descriptor to write to (the test never asks
        // OutputFile to replace anything under /dev).
        let fd = open("/dev/full", O_WRONLY)
        #expect(fd >= 0)
        defer { close(fd) }
        do {
            try OutputFile.writeAll(fd: fd, Array(repeating: 65, count: 100_000), name: "-", what: "standard output")
            Issue.record("a write to /dev/full succeeded")
        } catch {
            #expect(error.kind == .io)
            #expect(error.description == "-: cannot write to standard output: No space left on device")
        }
    }

    @Test("folders: written through a temporary folder with an unpredictable name")
    func folder() throws {
        let dir = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("ds").path
        try OutputFile.writeFolder([("nodes.csv", Array("id\n".utf8)), ("edges.csv", Array("source,target\n".utf8))], to: out)
        #expect(try Self.entries(URL(fileURLWithPath: out)) == ["edges.csv", "nodes.csv"])
        try Data("keep".utf8).write(to: URL(fileURLWithPath: out + "/README.md"))
        try OutputFile.writeFolder([("nodes.csv", Array("id\na\n".utf8))], to: out)
        #expect(try Self.entries(URL(fileURLWithPath: out)) == ["README.md", "edges.csv", "nodes.csv"])
        #expect(try String(contentsOfFile: out + "/nodes.csv", encoding: .utf8) == "id\na\n")
        #expect(try Self.entries(dir) == ["ds"])
    }
}

extension Thread {
    /// Runs `body` on a new thread; `wait()` returns its result.
    static func detachNewThreadWithResult<T: Sendable>(_ body: @escaping @Sendable () -> T) -> ThreadResult<T> {
        let r = ThreadResult<T>()
        Thread.detachNewThread { r.set(body()) }
        return r
    }
}

final class ThreadResult<T: Sendable>: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var value: T?
    func set(_ v: T) { value = v; done.signal() }
    func wait() -> T { done.wait(); return value! }
}
