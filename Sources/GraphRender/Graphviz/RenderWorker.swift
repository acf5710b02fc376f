import Foundation
import GraphCore
import GraphIO

/// Graphviz behind a process wall: DOT text Interstice did not build (a `.gv` file, a batch
/// render job's input) is parsed, laid out and rendered in a child process, the same binary
/// run with a hidden subcommand, under a time limit and a memory limit. A Graphviz abort
/// (`fastgr.c` assertions, `splines=ortho`), a hang (`dpi=-1`) or memory exhaustion ends the
/// child only: the caller gets a ``RenderError`` naming the file, and a batch goes on with its
/// other jobs.
///
/// The child runs ``Diagram/render(dot:engine:format:allowFileReferences:allowLinks:)``, the
/// in-process path, on the same bytes: both paths give byte-identical output.
///
/// Protocol (pipes): the parent writes one JSON line (``Request``) and the DOT bytes; the child
/// answers one JSON line (``Response``) and the output bytes. The child sets `RLIMIT_AS` to its
/// address space at start plus Graphviz's arena reservation plus ``Limits/memoryBytes``; the
/// parent kills it (SIGKILL) once ``Limits/timeout`` has passed.
///
/// Written by hand: Foundation's `Process` starts the child; no package on this machine
/// sandboxes a subprocess.
public enum RenderWorker {
    /// Time and memory granted to one worker.
    public struct Limits: Sendable, Hashable {
        /// Seconds before the worker is stopped (default 60).
        public var timeout: Double
        /// Bytes of memory the worker may allocate beyond what it holds at start (default 4 GiB).
        public var memoryBytes: Int

        public init(timeout: Double = 60, memoryBytes: Int = 4 << 30) {
            self.timeout = timeout
            self.memoryBytes = memoryBytes
        }

        /// - Throws: ``RenderError`` (`.unsupported`) for a timeout outside (0, 86400] s or a
        ///   memory limit outside 64 MiB…1 TiB.
        public func validate() throws(RenderError) {
            guard timeout > 0 && timeout <= 86_400 else {
                throw RenderError(.unsupported, "the render timeout must be in (0, 86400] seconds, found \(timeout)")
            }
            guard memoryBytes >= 64 << 20 && memoryBytes <= 1 << 40 else {
                throw RenderError(.unsupported, "the render memory limit must be in 64M…1T, found \(memoryBytes) bytes")
            }
        }
    }

    struct Request: Codable {
        /// `file`: a DOT text as it is (``Diagram/render(dot:engine:format:allowFileReferences:allowLinks:)``);
        /// `diagram`: Interstice's styled DOT text of a network, laid out with `engine` as
        /// ``Diagram/render(network:style:engine:format:)`` does.
        var mode: String = "file"
        var name: String
        var engine: String
        var format: String
        var allowFileReferences: Bool
        var allowLinks: Bool
        var bytes: Int
    }

    struct Response: Codable {
        var ok: Bool
        var kind: String?
        var source: String?
        var line: Int?
        var message: String?
        var engine: String?
        var engineReason: String?
        var warnings: [[String]]?
        var bytes: Int?
    }

    /// Renders DOT text in a worker process.
    /// - Parameters:
    ///   - executable: the binary that serves ``serve(memoryBytes:)`` when run with `arguments`
    ///     (the `interstice` tool: `/proc/self/exe`).
    /// - Throws: ``RenderError``: what the child reported (bad input 65, unsupported 64,
    ///   Graphviz 70); `.graphviz` when the child died by a signal (an abort); `.badInput` when
    ///   it ran past the timeout; each naming `text.name`.
    /// - Complexity: Graphviz's work, plus starting a process (about 20–40 ms).
    public static func render(dot text: SourceText, engine: LayoutEngine = .auto, format: DiagramFormat = .svg,
                              allowFileReferences: Bool = false, allowLinks: Bool = false, limits: Limits = Limits(),
                              executable: String, arguments: [String]) throws(RenderError) -> Diagram {
        let request = Request(name: text.name, engine: engine.rawValue, format: format.rawValue,
                              allowFileReferences: allowFileReferences, allowLinks: allowLinks, bytes: text.bytes.count)
        return try exchange(request, text, limits: limits, executable: executable, arguments: arguments)
    }

    /// Where the worker is, once the tool has said so (``install(executable:arguments:)``).
    nonisolated(unsafe) static var installed: (executable: String, arguments: [String], limits: Limits)?

    /// Makes ``renderDiagram(network:style:engine:format:)`` lay diagrams out in workers of this
    /// binary (the tool installs itself at start-up, as it installs the DOT reader).
    public static func install(executable: String, arguments: [String], limits: Limits = Limits()) {
        installed = (executable, arguments, limits)
    }

    /// Draws a network as ``Diagram/render(network:style:engine:format:)`` does, byte for byte,
    /// with Graphviz's layout and rendering in a worker when one is installed (in process
    /// otherwise): the styled DOT text is built here, laid out there.
    /// - Throws: ``RenderError`` as ``Diagram/render(network:style:engine:format:)``, and as
    ///   ``render(dot:engine:format:allowFileReferences:allowLinks:limits:executable:arguments:)``
    ///   for a worker that crashed or ran out of time.
    public static func renderDiagram(network: Network, style: DiagramStyle = DiagramStyle(), engine: LayoutEngine = .auto,
                                     format: DiagramFormat = .svg, name: String = "diagram") throws(RenderError) -> Diagram {
        guard let w = installed, format != .dot else {
            return try Diagram.render(network: network, style: style, engine: engine, format: format)
        }
        let plan = try DiagramPlan(network: network, style: style, engine: engine)
        let dot = plan.dotText(bitmap: format == .png || format == .jpg)
        let request = Request(mode: "diagram", name: name, engine: plan.engine.rawValue, format: format.graphvizName,
                              allowFileReferences: false, allowLinks: false, bytes: dot.count)
        let raw = try exchange(request, SourceText(name: name, bytes: dot), limits: w.limits, executable: w.executable, arguments: w.arguments)
        return Diagram.finish(raw.bytes, warnings: raw.warnings, plan: plan, network: network, style: style, format: format)
    }

    static func exchange(_ request: Request, _ text: SourceText, limits: Limits,
                         executable: String, arguments: [String]) throws(RenderError) -> Diagram {
        try limits.validate()
        let engine = LayoutEngine(rawValue: request.engine) ?? .auto
        let format = DiagramFormat(rawValue: request.format) ?? .svg
        let p = Process()
        p.executableURL = URL(fileURLWithPath: executable)
        p.arguments = arguments + ["--memory-bytes", String(limits.memoryBytes)]
        // Pipes made close-on-exec: a worker started at the same time by another thread (a batch
        // renders several diagrams at once) must not inherit this worker's pipe ends, or their
        // end-of-file would wait for that other worker.
        guard let input = ClosingPipe(), let output = ClosingPipe(), let errors = ClosingPipe() else {
            throw RenderError(.graphviz, source: text.name, "cannot create pipes for the render worker: \(String(cString: strerror(errno)))")
        }
        p.standardInput = FileHandle(fileDescriptor: input.read, closeOnDealloc: false)
        p.standardOutput = FileHandle(fileDescriptor: output.write, closeOnDealloc: false)
        p.standardError = FileHandle(fileDescriptor: errors.write, closeOnDealloc: false)
        do { try p.run() } catch {
            input.closeBoth(); output.closeBoth(); errors.closeBoth()
            throw RenderError(.graphviz, source: text.name, "cannot start the render worker \(executable): \(error)")
        }
        // The child holds its ends now; the parent keeps only its own.
        close(input.read); close(output.write); close(errors.write)
        // The child's answer and its messages, read while it runs (a full pipe would block it).
        let answer = PipeReader(fd: output.read)
        let stderrText = PipeReader(fd: errors.read)
        var header = (try? JSONEncoder().encode(request)) ?? Data()
        header.append(10)
        // A child that dies early closes its end: EPIPE, ignored (its status says why).
        try? OutputFile.writeAll(fd: input.write, Array(header) + text.bytes, name: text.name, what: "the render worker")
        close(input.write)
        let finished = answer.wait(timeout: limits.timeout)
        if !finished {
            kill(p.processIdentifier, SIGKILL)
            p.waitUntilExit()
            _ = answer.wait(timeout: 5)
            throw RenderError(.badInput, source: text.name,
                              "Graphviz did not finish within the \(Int(limits.timeout)) s time limit (--timeout); the render worker was stopped")
        }
        p.waitUntilExit()
        _ = stderrText.wait(timeout: 5)
        if p.terminationReason == .uncaughtSignal {
            let sig = p.terminationStatus
            let name = sig == SIGABRT ? "SIGABRT, an assertion" : sig == SIGSEGV ? "SIGSEGV" : sig == SIGKILL ? "SIGKILL" : "signal \(sig)"
            throw RenderError(.graphviz, source: text.name,
                              "Graphviz crashed (\(name)) laying out or rendering this file; only its worker process ended\(memoryHint(stderrText.text))")
        }
        let bytes = answer.bytes
        guard let nl = bytes.firstIndex(of: 10),
              let response = try? JSONDecoder().decode(Response.self, from: Data(bytes[..<nl])) else {
            throw RenderError(.graphviz, source: text.name,
                              "the render worker ended (status \(p.terminationStatus)) without an answer\(memoryHint(stderrText.text))")
        }
        guard response.ok else {
            let kind = RenderError.Kind(rawValue: response.kind ?? "") ?? .graphviz
            throw RenderError(kind, source: response.source, line: response.line, response.message ?? "the render worker failed")
        }
        let body = Array(bytes[(nl + 1)...])
        guard body.count == response.bytes ?? -1 else {
            throw RenderError(.graphviz, source: text.name, "the render worker's answer was cut short (\(body.count) of \(response.bytes ?? 0) bytes)")
        }
        let warnings = (response.warnings ?? []).compactMap { w -> GraphvizMessage? in
            guard w.count == 2, let level = GraphvizMessage.Level(rawValue: w[0]) else { return nil }
            return GraphvizMessage(level: level, text: w[1])
        }
        return Diagram(bytes: body, format: format, engine: LayoutEngine(rawValue: response.engine ?? "") ?? engine,
                       engineReason: response.engineReason ?? "", notes: [], warnings: warnings)
    }

    static func memoryHint(_ stderr: String) -> String {
        let s = stderr.lowercased()
        if s.contains("out of memory") || s.contains("memory exhausted") || s.contains("cannot allocate") {
            return " (it ran out of its memory limit)"
        }
        return ""
    }

    /// The child's side: limits its memory, reads one request on standard input, renders it in
    /// process and answers on standard output. Returns the exit status (0 when an answer was
    /// written, even an error's).
    public static func serve(memoryBytes: Int) -> Int32 {
        limitMemory(memoryBytes)
        var input: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(0, $0.baseAddress!, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { break }
            input.append(contentsOf: chunk[0..<n])
        }
        guard let nl = input.firstIndex(of: 10),
              let request = try? JSONDecoder().decode(Request.self, from: Data(input[..<nl])),
              let engine = LayoutEngine(rawValue: request.engine), let format = DiagramFormat(rawValue: request.format),
              input.count - nl - 1 == request.bytes else {
            return answer(Response(ok: false, kind: RenderError.Kind.graphviz.rawValue, message: "the render worker got a malformed request"), [])
        }
        let text = SourceText(name: request.name, bytes: Array(input[(nl + 1)...]))
        if request.mode == "diagram" {
            do {
                let (bytes, warnings) = try Diagram.layoutAndRender(text.bytes, name: request.name, engine: request.engine,
                                                                    format: request.format)
                return answer(Response(ok: true, engine: request.engine, engineReason: "",
                                       warnings: warnings.map { [$0.level.rawValue, $0.text] }, bytes: bytes.count), bytes)
            } catch {
                return answer(Response(ok: false, kind: error.kind.rawValue, source: error.source, line: error.line, message: error.message), [])
            }
        }
        do {
            let d = try Diagram.render(dot: text, engine: engine, format: format,
                                       allowFileReferences: request.allowFileReferences, allowLinks: request.allowLinks)
            return answer(Response(ok: true, engine: d.engine.rawValue, engineReason: d.engineReason,
                                   warnings: d.warnings.map { [$0.level.rawValue, $0.text] }, bytes: d.bytes.count), d.bytes)
        } catch {
            return answer(Response(ok: false, kind: error.kind.rawValue, source: error.source, line: error.line, message: error.message), [])
        }
    }

    static func answer(_ r: Response, _ body: [UInt8]) -> Int32 {
        var header = (try? JSONEncoder().encode(r)) ?? Data("{\"ok\":false}".utf8)
        header.append(10)
        do { try OutputFile.writeAll(fd: 1, Array(header) + body, name: "-", what: "the parent") } catch { return 74 }
        return 0
    }

    /// `RLIMIT_AS` = the address space now + the arena Graphviz's memory discipline reserves
    /// (address space only, never committed) + `bytes`.
    static func limitMemory(_ bytes: Int) {
        var now = 0
        if let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
           let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmSize:") }),
           let kb = Int(line.split(separator: " ").dropFirst().first ?? "") {
            now = kb * 1024
        }
        let arena = 1 << 36
        var limit = rlimit(rlim_cur: rlim_t(now + arena + bytes), rlim_max: rlim_t(now + arena + bytes))
        _ = setrlimit(Int32(RLIMIT_AS.rawValue), &limit)
    }
}

/// A pipe whose two ends are close-on-exec; the child gets its end
/// through `dup2`, which clears the flag on the copy.
struct ClosingPipe {
    let read: Int32
    let write: Int32

    init?() {
        var fds: [Int32] = [-1, -1]
        // pipe2(O_CLOEXEC) is not exported to Swift by Glibc: the flag is set right after; the
        // window in between is a few instructions.
        guard pipe(&fds) == 0 else { return nil }
        _ = fcntl(fds[0], F_SETFD, FD_CLOEXEC)
        _ = fcntl(fds[1], F_SETFD, FD_CLOEXEC)
        read = fds[0]
        write = fds[1]
    }

    func closeBoth() { close(read); close(write) }
}

/// Reads a pipe to its end on a thread of its own, then closes it.
final class PipeReader: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private let lock = NSLock()
    private var data: [UInt8] = []

    init(fd: Int32) {
        Thread.detachNewThread { [self] in
            defer { close(fd) }
            var chunk = [UInt8](repeating: 0, count: 1 << 16)
            while true {
                let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress!, $0.count) }
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { break }
                lock.lock(); data.append(contentsOf: chunk[0..<n]); lock.unlock()
            }
            done.signal()
        }
    }

    /// Waits for the end of the pipe; false when `timeout` seconds passed first.
    func wait(timeout: Double) -> Bool {
        done.wait(timeout: .now() + timeout) == .success
    }

    var bytes: [UInt8] { lock.lock(); defer { lock.unlock() }; return data }
    var text: String { String(decoding: bytes, as: UTF8.self) }
}
