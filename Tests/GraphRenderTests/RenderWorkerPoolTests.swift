import Foundation
import GraphIO
import Testing
import TestSupport
@testable import GraphRender

/// Issue 14, the render worker's cost: one worker serves many renders (kept idle between them),
/// its SVG byte-identical to the in-process path's; a worker that crashed or ran out of time is
/// never reused, and the next render starts a new one. Serialized: the idle workers are
/// per-process state.
@Suite("Hardening: render worker reuse", .serialized)
struct RenderWorkerPoolTests {
    static let tool = CLI.executable.path
    static let args = ["_render-worker"]
    static let files = ["graphs/directed/clust4.gv", "graphs/directed/fsm.gv", "graphs/directed/structs.gv",
                        "graphs/undirected/Heawood.gv", "rtest/graphs/html.gv", "graphs/directed/world.gv"]

    static func text(_ file: String) throws -> SourceText {
        try SourceText.read(path: Fixtures.path("graphviz-gallery/" + file))
    }

    static var idlePids: [pid_t] {
        WorkerPool.lock.lock(); defer { WorkerPool.lock.unlock() }
        return WorkerPool.idle.map(\.pid)
    }

    @Test("one worker renders the gallery files one after another, byte for byte as in process")
    func reused() throws {
        RenderWorker.shutdown()
        #expect(Self.idlePids.isEmpty)
        var pid: pid_t?
        for file in Self.files {
            let t = try Self.text(file)
            let w = try RenderWorker.render(dot: t, executable: Self.tool, arguments: Self.args)
            let p = try Diagram.render(dot: t)
            #expect(w.bytes == p.bytes, "\(file)")
            #expect(w.bytes.count > 100)
            #expect(w.engine == p.engine && w.engineReason == p.engineReason && w.warnings == p.warnings, "\(file)")
            let idle = Self.idlePids
            #expect(idle.count == 1, "\(file): \(idle)")
            if pid == nil { pid = idle.first } else { #expect(idle.first == pid, "\(file): a new worker was started") }
        }
        // An error answer (bad input) leaves the worker reusable too.
        #expect(throws: RenderError.self) {
            _ = try RenderWorker.render(dot: SourceText(name: "bad.gv", bytes: Array("digraph { a -> }".utf8)),
                                        executable: Self.tool, arguments: Self.args)
        }
        #expect(Self.idlePids == [pid!])
        RenderWorker.shutdown()
        #expect(Self.idlePids.isEmpty)
        // The worker ended at the end of its input and was waited for: no such process now.
        #expect(kill(pid!, 0) == -1 && errno == ESRCH)
    }

    @Test("a crash ends that worker only; the next render starts a new one and succeeds")
    func restartAfterCrash() throws {
        RenderWorker.shutdown()
        let fsm = try Self.text("graphs/directed/fsm.gv")
        _ = try RenderWorker.render(dot: fsm, executable: Self.tool, arguments: Self.args)
        let first = try #require(Self.idlePids.first)
        // A cluster with rank=same: Graphviz 2.42's library aborts (fastgr.c).
        let aborting = SourceText(name: "abort.gv", bytes: Array("digraph { subgraph cluster_a { a; b } { rank=same; a; c } a -> b; }\n".utf8))
        do {
            _ = try RenderWorker.render(dot: aborting, executable: Self.tool, arguments: Self.args)
            Issue.record("the aborting file rendered")
        } catch {
            #expect(error.kind == .graphviz)
            #expect(error.message.hasPrefix("Graphviz crashed (SIGABRT, an assertion)"), "\(error)")
        }
        #expect(Self.idlePids.isEmpty, "the crashed worker was put back")
        #expect(kill(first, 0) == -1 && errno == ESRCH)
        let again = try RenderWorker.render(dot: fsm, executable: Self.tool, arguments: Self.args)
        #expect(again.bytes == (try Diagram.render(dot: fsm)).bytes)
        let second = try #require(Self.idlePids.first)
        #expect(second != first)
        RenderWorker.shutdown()
    }

    @Test("a worker whose heap kept a quarter of its memory limit says so in its answer and is not pooled; the next render gets a new one")
    func retiredNotPooled() throws {
        RenderWorker.shutdown()
        let limits = RenderWorker.Limits(memoryBytes: 64 << 20)
        // 10,000 labelled nodes laid out by sfdp leave the worker's heap above 16 MiB (a quarter of 64M).
        let nodes = (0..<10_000).map { "n\($0) [label=\"\(String(repeating: "y", count: 60))\($0)\"]; n\($0) -> n\(($0 * 7 + 1) % 10_000);" }
        let big = SourceText(name: "big.gv", bytes: Array(("digraph { layout=sfdp; " + nodes.joined(separator: " ") + " }").utf8))
        let d = try RenderWorker.render(dot: big, limits: limits, executable: Self.tool, arguments: Self.args)
        #expect(d.bytes.count > 1_000_000)
        // Not put back (a worker about to end would fail the next render with "ended without an answer").
        #expect(Self.idlePids.isEmpty)
        let fsm = try Self.text("graphs/directed/fsm.gv")
        let again = try RenderWorker.render(dot: fsm, limits: limits, executable: Self.tool, arguments: Self.args)
        #expect(again.bytes == (try Diagram.render(dot: fsm)).bytes)
        #expect(Self.idlePids.count == 1, "a small render keeps its worker")
        RenderWorker.shutdown()
    }

    @Test("a worker past its time limit is killed and never reused")
    func timeoutNotReused() throws {
        RenderWorker.shutdown()
        let world = try Self.text("graphs/directed/world.gv")
        do {
            _ = try RenderWorker.render(dot: world, limits: RenderWorker.Limits(timeout: 0.000_001),
                                        executable: Self.tool, arguments: Self.args)
            Issue.record("rendered within a microsecond")
        } catch {
            #expect(error.kind == .badInput)
            #expect(error.message.contains("did not finish within the 0 s time limit"), "\(error)")
        }
        #expect(Self.idlePids.isEmpty)
        // A worker that died while idle is noticed and replaced, not handed a request.
        _ = try RenderWorker.render(dot: world, executable: Self.tool, arguments: Self.args)
        let idle = try #require(Self.idlePids.first)
        kill(idle, SIGKILL)
        usleep(100_000)
        let after = try RenderWorker.render(dot: world, executable: Self.tool, arguments: Self.args)
        #expect(after.bytes == (try Diagram.render(dot: world)).bytes)
        #expect(Self.idlePids.count == 1 && Self.idlePids.first != idle)
        RenderWorker.shutdown()
    }
}
