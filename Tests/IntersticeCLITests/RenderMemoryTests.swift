import Foundation
import TestSupport
import Testing

/// Issue 14, the render worker's memory limit (`--render-memory`): the worker's address space is
/// bounded to what it holds once warm + the limit (before, /proc/self/status read as empty text
/// gave "now = 0" and a limit of 64 GiB + the limit); Graphviz's graph objects share that limit
/// (their region is reserved at half of it); plugins still load under a small limit; a render
/// past it fails alone, naming the limit, in `render` and in a batch.
@Suite("Hardening: render worker memory", .serialized)
struct RenderMemoryTests {
    /// `Max address space` (soft) and `VmSize` of a process, in bytes.
    static func addressSpace(of pid: Int32) -> (limit: UInt64?, size: UInt64?) {
        func read(_ name: String) -> String { (try? String(contentsOfFile: "/proc/\(pid)/\(name)", encoding: .utf8)) ?? "" }
        let limit = read("limits").split(separator: "\n").first { $0.hasPrefix("Max address space") }
            .flatMap { $0.split(separator: " ", omittingEmptySubsequences: true).dropFirst(3).first }.flatMap { UInt64($0) }
        let size = read("status").split(separator: "\n").first { $0.hasPrefix("VmSize:") }
            .flatMap { $0.dropFirst(7).split(whereSeparator: { $0 == " " || $0 == "\t" }).first }.flatMap { UInt64($0) }.map { $0 * 1024 }
        return (limit, size)
    }

    @Test("the worker's address space is limited to what it holds once warm + half the limit, not 64 GiB more")
    func workerLimit() throws {
        let p = Process()
        p.executableURL = CLI.executable
        p.arguments = ["_render-worker", "--memory-bytes", "\(128 << 20)"]
        let input = Pipe()
        p.standardInput = input
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        defer {
            try? input.fileHandleForWriting.close()   // its input ends: the worker exits
            p.waitUntilExit()
        }
        var seen: (limit: UInt64?, size: UInt64?) = (nil, nil)
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline {
            seen = Self.addressSpace(of: p.processIdentifier)
            if seen.limit != nil { break }
            usleep(20_000)
        }
        let limit = try #require(seen.limit, "the worker never set RLIMIT_AS")
        let size = try #require(seen.size)
        // The limit leaves the worker 64 MiB beyond its size once warm (the region of graph
        // objects, 64 MiB, already counted in its size); less once it has mapped more (a thread's
        // first malloc reserves a 64 MiB glibc arena, which can take all of it).
        #expect(limit >= size, "limit \(limit), size \(size)")
        #expect(limit <= size + (64 << 20), "limit \(limit), size \(size): more than the 64 MiB left for malloc")
    }

    @Test("under a 256M limit a small file still lays out with every engine (plugins load before the limit)")
    func smallFileSmallLimit() throws {
        let tmp = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: tmp) }
        let input = tmp.appendingPathComponent("small.gv").path
        try "graph { a -- b -- c; c -- a; d [label=\"a label\"] }\n".write(toFile: input, atomically: true, encoding: .utf8)
        for engine in ["dot", "neato", "fdp", "sfdp", "circo", "twopi"] {
            let out = tmp.appendingPathComponent("small-\(engine).svg").path
            // 256M: under 64M a thread's first malloc may reserve a 64 MiB glibc arena, more than the
            // worker's headroom (flaky under a loaded suite; see session 5's closing note).
            let r = try CLI.run(["render", input, "--engine", engine, "--render-memory", "256M", "-o", out])
            #expect(r.status == 0, "\(engine): \(r.stderr)")
            #expect(FileManager.default.fileExists(atPath: out), "\(engine)")
        }
    }

    @Test("a file past the limit fails alone: exit 70 naming the file and the limit, nothing written")
    func pastTheLimit() throws {
        let tmp = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: tmp) }
        let input = tmp.appendingPathComponent("labels.gv").path
        // 100,000 nodes with 100-character labels: more graph objects than 32 MiB hold.
        var text = "digraph G {\n"
        for i in 0..<100_000 { text += "n\(i) [label=\"\(String(repeating: "x", count: 93))\(String(format: "%07d", i))\"];\n" }
        text += "}\n"
        try text.write(toFile: input, atomically: true, encoding: .utf8)
        let out = tmp.appendingPathComponent("labels.svg").path
        let r = try CLI.run(["render", input, "--engine", "sfdp", "--render-memory", "64M", "-o", out])
        #expect(r.status == 70, "\(r.stderr)")
        #expect(r.stderr.contains("\(input): Graphviz crashed"), "\(r.stderr)")
        #expect(r.stderr.contains("--render-memory 64M)"), "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out))
        #expect(try FileManager.default.contentsOfDirectory(atPath: tmp.path).sorted() == ["labels.gv"])
        // A limit out of range is refused before anything runs.
        for bad in ["1M", "2T", "lots"] {
            let e = try CLI.run(["render", input, "--render-memory", bad, "-o", out])
            #expect(e.status == 64 && e.stderr.contains("--render-memory takes a size from 64M to 1T"), "\(bad): \(e.stderr)")
        }
    }

    @Test("a batch whose diagram crashes its worker (past --render-memory) finishes every other job")
    func batchGoesOn() throws {
        let tmp = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: tmp) }
        for (name, nodes) in [("small", 30), ("huge", 100_000)] {
            let g = try CLI.run(["generate", "ba", tmp.appendingPathComponent(name).path, "--nodes", "\(nodes)", "--attachments", "2", "--seed", "1"])
            #expect(g.status == 0, "\(g.stderr)")
        }
        try """
        name: crashing-diagram
        seed: 1
        datasets: [small, huge]
        analyses:
          - info
          - centrality: {measures: [degree]}
          - render: {format: svg}
        """.write(to: tmp.appendingPathComponent("m.yaml"), atomically: true, encoding: .utf8)
        let out = tmp.appendingPathComponent("out").path
        let r = try CLI.run(["batch", tmp.appendingPathComponent("m.yaml").path, "--output", out, "--render-memory", "64M"])
        #expect(r.status == 1, "\(r.stderr)")
        #expect(r.stderr.contains("{\"event\":\"summary\",\"jobs\":6,\"in_shard\":6,\"done\":5,\"done_before\":0,\"failed\":1,"), "\(r.stderr)")
        #expect(r.stderr.contains("failed: render huge"), "\(r.stderr)")
        #expect(r.stderr.contains("Graphviz crashed") && r.stderr.contains("--render-memory 64M)"), "\(r.stderr)")
        let renders = try FileManager.default.contentsOfDirectory(atPath: out + "/renders")
        #expect(renders.count == 1 && renders[0].hasPrefix("small-") && renders[0].hasSuffix(".svg"), "\(renders)")
    }
}
