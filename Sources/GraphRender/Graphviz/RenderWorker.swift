import Foundation
import GraphCore
import GraphIO
internal import CGraphviz

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
/// Protocol (pipes): the parent writes one JSON line (``Request``, which gives the byte count)
/// and the DOT bytes; the child answers one JSON line (``Response``, with its byte count) and
/// the output bytes, then waits for the next request. A worker that answered is kept idle and
/// reused (``WorkerPool``): one start-up serves a batch's or a gallery's many renders; one that
/// crashed or ran past its time is never reused, and the next render starts a new one. The
/// child sets `RLIMIT_AS` to its address space at start plus Graphviz's arena reservation plus
/// ``Limits/memoryBytes``; the parent kills it (SIGKILL) once ``Limits/timeout`` has passed
/// since the request; the child ends as soon as its parent does (``watchParent()``).
///
/// Written by hand: `posix_spawn` starts the child; no package on this machine
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
        /// The worker ends after this answer (see ``serve(memoryBytes:)``): not to be pooled.
        var retire: Bool?
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
        let deadline = WorkerProcess.monotonicNow() + UInt64(limits.timeout * 1e9)
        let worker: WorkerProcess
        if let w = WorkerPool.take(executable: executable, arguments: arguments, memoryBytes: limits.memoryBytes) {
            worker = w
        } else {
            worker = try WorkerProcess.start(executable: executable, arguments: arguments,
                                             memoryBytes: limits.memoryBytes, name: text.name)
        }
        var header = (try? JSONEncoder().encode(request)) ?? Data()
        header.append(10)
        // A worker that dies early closes its end: EPIPE, ignored (its status says why).
        try? OutputFile.writeAll(fd: worker.input, Array(header) + text.bytes, name: text.name, what: "the render worker")
        let (response, body): (Response, [UInt8])
        switch worker.readAnswer(until: deadline) {
        case .timeout:
            worker.stop()
            throw RenderError(.badInput, source: text.name,
                              "Graphviz did not finish within the \(Int(limits.timeout)) s time limit (--timeout); the render worker was stopped")
        case .ended:
            let status = worker.finish()
            let stderr = worker.errorText()
            if status & 0x7f != 0 && status & 0x7f != 0x7f {
                let sig = status & 0x7f
                let name = sig == SIGABRT ? "SIGABRT, an assertion" : sig == SIGSEGV ? "SIGSEGV" : sig == SIGTRAP ? "SIGTRAP, a runtime trap" : sig == SIGKILL ? "SIGKILL" : "signal \(sig)"
                throw RenderError(.graphviz, source: text.name,
                                  "Graphviz crashed (\(name)) laying out or rendering this file; only its worker process ended\(memoryHint(stderr, limit: limits.memoryBytes))")
            }
            let said = stderr.split(separator: "\n").first.map { ": \($0)" } ?? ""
            throw RenderError(.graphviz, source: text.name,
                              "the render worker ended (status \((status >> 8) & 0xff)) without an answer\(memoryHint(stderr, limit: limits.memoryBytes))\(said)")
        case .answer(let r, let b):
            (response, body) = (r, b)
            if r.retire == true { worker.finish() } else { WorkerPool.put(worker) }
        }
        guard response.ok else {
            let kind = RenderError.Kind(rawValue: response.kind ?? "") ?? .graphviz
            throw RenderError(kind, source: response.source, line: response.line, response.message ?? "the render worker failed")
        }
        let warnings = (response.warnings ?? []).compactMap { w -> GraphvizMessage? in
            guard w.count == 2, let level = GraphvizMessage.Level(rawValue: w[0]) else { return nil }
            return GraphvizMessage(level: level, text: w[1])
        }
        return Diagram(bytes: body, format: format, engine: LayoutEngine(rawValue: response.engine ?? "") ?? engine,
                       engineReason: response.engineReason ?? "", notes: [], warnings: warnings)
    }

    /// Stops the idle workers this process keeps for later renders (each ends when its
    /// standard input closes) and waits for them. The tool calls it at exit; a benchmark calls
    /// it to time a cold start.
    /// - Complexity: one process end per idle worker.
    public static func shutdown() {
        WorkerPool.shutdown()
    }

    /// What a dead worker's message adds: that it ran out of memory when its standard error
    /// says so, and in any case its limit (a crash in an allocation that failed says nothing).
    static func memoryHint(_ stderr: String, limit: Int) -> String {
        let s = stderr.lowercased()
        let mib = limit >> 20
        let size = mib % 1024 == 0 ? "\(mib >> 10)G" : "\(mib)M"
        if s.contains("out of memory") || s.contains("memory exhausted") || s.contains("cannot allocate")
            || s.contains("memory allocation failure") {
            return " (it ran out of its memory limit, --render-memory \(size))"
        }
        return " (its memory limit: --render-memory \(size))"
    }

    /// The child's side: warms Graphviz up, limits its memory, then serves requests read on
    /// standard input, one after another, each answered on standard output, until standard
    /// input ends. A thread watches standard input and ends the worker as soon as its parent's
    /// end closes, so a worker never outlives its parent, however the parent died (even by
    /// SIGKILL, mid-layout). The warm-up (one tiny layout and SVG with a label) loads Graphviz's
    /// plugins, Pango, Cairo and fontconfig's cache before the limit is measured, so the limit
    /// bounds what renders allocate, not the libraries' mappings (tens of megabytes).
    /// Returns the exit status (0 at the end of the input; an error answer is still an answer).
    public static func serve(memoryBytes: Int) -> Int32 {
        watchParent()
        _ = try? Diagram.render(dot: SourceText(name: "warm-up", bytes: Array("digraph { a [label=\"warm\"]; a -> b }".utf8)))
        guard limitMemory(memoryBytes) else {
            let line = "interstice: render worker: cannot reserve \(memoryBytes / 2) bytes of address space for Graphviz's graph objects\n"
            try? OutputFile.writeAll(fd: 2, Array(line.utf8), name: "-", what: "standard error")
            return 70
        }
        Budget.warm = addressSpace()
        Budget.limit = memoryBytes
        var input = FrameReader(fd: 0)
        while true {
            guard let line = input.line() else { return 0 }
            guard let request = try? JSONDecoder().decode(Request.self, from: Data(line)),
                  let engine = LayoutEngine(rawValue: request.engine), let format = DiagramFormat(rawValue: request.format),
                  request.bytes >= 0 else {
                _ = answer(Response(ok: false, kind: RenderError.Kind.graphviz.rawValue, message: "the render worker got a malformed request"), [])
                return 70
            }
            guard let body = input.take(request.bytes) else { return 0 }
            let status = handle(request, engine: engine, format: format, SourceText(name: request.name, bytes: body))
            if status != 0 || Budget.retiring { return status }
        }
    }

    /// The worker's memory once warm and its limit, for ``answer(_:_:)``'s retirement rule.
    enum Budget {
        nonisolated(unsafe) static var warm = 0
        nonisolated(unsafe) static var limit = 0
        nonisolated(unsafe) static var retiring = false

        /// Whether the worker should end after this answer: the limit holds for the worker's
        /// life, so one whose heap kept a quarter of it after a render (less the answer's bytes),
        /// or that still holds a graph (a leak would never let the ordered-memory region reset),
        /// is not reused. Decided before answering, so the parent never pools a worker that
        /// is about to end.
        static func retire(answerBytes: Int) -> Bool {
            guard limit > 0 else { return false }
            interstice_trim_heap()
            return addressSpace() - answerBytes > warm + limit / 4 || Graphviz.openGraphs != 0
        }
    }

    /// Renders one request in process and answers it.
    static func handle(_ request: Request, engine: LayoutEngine, format: DiagramFormat, _ text: SourceText) -> Int32 {
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

    /// Ends this process (the worker) when its standard input's writer is gone: poll reports
    /// POLLHUP on a pipe whose every write end is closed, which the kernel does when the
    /// parent exits in any way. Linux's PR_SET_PDEATHSIG would need a C shim (prctl is
    /// variadic) and fires on the end of the parent's spawning thread, not of the parent.
    static func watchParent() {
        Thread.detachNewThread {
            var p = pollfd(fd: 0, events: 0, revents: 0)
            while true {
                let r = poll(&p, 1, -1)
                if r < 0 && errno == EINTR { continue }
                if r < 0 || p.revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0 { _exit(0) }
            }
        }
    }

    static func answer(_ r: Response, _ body: [UInt8]) -> Int32 {
        var r = r
        r.bytes = body.count
        if Budget.retire(answerBytes: body.count) {
            Budget.retiring = true
            r.retire = true
        }
        var header = (try? JSONEncoder().encode(r)) ?? Data("{\"ok\":false,\"bytes\":0}".utf8)
        header.append(10)
        do { try OutputFile.writeAll(fd: 1, Array(header) + body, name: "-", what: "the parent") } catch { return 74 }
        return 0
    }

    /// Bounds the worker to `bytes` beyond what it holds once warm: half for Graphviz's graph
    /// objects, in the ordered-memory region reserved here at that size (instead of 64 GiB of
    /// address space, which `RLIMIT_AS` would count whole, touched or not), half for the rest,
    /// through `RLIMIT_AS` = the address space now, region included, + `bytes / 2`.
    /// - Returns: false when the region could not be reserved (the worker then refuses to run:
    ///   graph objects would be unbounded, and unordered).
    static func limitMemory(_ bytes: Int) -> Bool {
        let page = max(4096, Int(sysconf(Int32(_SC_PAGESIZE))))
        guard Graphviz.reserveOrderedMemory(bytes: (bytes / 2) / page * page) else { return false }
        let now = addressSpace()
        guard now > 0 else { return true }   // no /proc: no limit (Linux is the platform here)
        let space = rlim_t(now + bytes / 2)
        var limit = rlimit(rlim_cur: space, rlim_max: space)
        _ = setrlimit(Int32(RLIMIT_AS.rawValue), &limit)
        return true
    }

    /// This process's address space in bytes (`VmSize` in /proc/self/status, read with read(2):
    /// a /proc file has size 0, so Foundation's whole-file readers give an empty text); 0 when
    /// unreadable.
    static func addressSpace() -> Int {
        let fd = open("/proc/self/status", O_RDONLY)
        guard fd >= 0 else { return 0 }
        defer { close(fd) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress!, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { break }
            bytes += chunk[0..<n]
        }
        let status = String(decoding: bytes, as: UTF8.self)
        guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmSize:") }),
              let kb = Int(line.dropFirst("VmSize:".count).split(whereSeparator: { $0 == " " || $0 == "\t" }).first ?? "") else { return 0 }
        return kb * 1024
    }
}

/// Reads a worker's requests: a line, then a given number of bytes.
struct FrameReader {
    let fd: Int32
    private var buffer: [UInt8] = []
    private var start = 0

    init(fd: Int32) { self.fd = fd }

    /// Reads more; false at the end of the input.
    private mutating func fill() -> Bool {
        if start > 0 { buffer.removeFirst(start); start = 0 }
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress!, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { return false }
            buffer.append(contentsOf: chunk[0..<n])
            return true
        }
    }

    /// The next line, without its newline; nil at the end of the input.
    mutating func line() -> [UInt8]? {
        var scanned = start
        while true {
            if let nl = buffer[scanned...].firstIndex(of: 10) {
                let line = Array(buffer[start..<nl])
                start = nl + 1
                return line
            }
            scanned = buffer.count
            let offset = scanned - start
            guard fill() else { return nil }
            scanned = offset
        }
    }

    /// The next `count` bytes; nil when the input ends first.
    mutating func take(_ count: Int) -> [UInt8]? {
        while buffer.count - start < count { guard fill() else { return nil } }
        let bytes = Array(buffer[start..<(start + count)])
        start += count
        return bytes
    }
}

/// A running worker: its process id and the parent's ends of its pipes. Started with
/// `posix_spawn` (cheaper than Foundation's `Process`, and its exit is ours to wait for).
final class WorkerProcess: @unchecked Sendable {
    let pid: pid_t
    /// The parent's end of the worker's standard input.
    let input: Int32
    /// The parent's end of the worker's standard output.
    let output: Int32
    let errors: PipeReader
    let executable: String
    let arguments: [String]
    let memoryBytes: Int
    private var status: Int32?
    private var closed = false

    private init(pid: pid_t, input: Int32, output: Int32, errors: PipeReader,
                 executable: String, arguments: [String], memoryBytes: Int) {
        self.pid = pid; self.input = input; self.output = output; self.errors = errors
        self.executable = executable; self.arguments = arguments; self.memoryBytes = memoryBytes
    }

    /// Nanoseconds on the monotonic clock.
    static func monotonicNow() -> UInt64 {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return UInt64(t.tv_sec) * 1_000_000_000 + UInt64(t.tv_nsec)
    }

    /// Starts a worker: `executable arguments… --memory-bytes N`, its standard streams on
    /// pipes, signals at their defaults and none blocked.
    static func start(executable: String, arguments: [String], memoryBytes: Int,
                      name: String) throws(RenderError) -> WorkerProcess {
        // Pipes made close-on-exec: a worker started at the same time by another thread (a batch
        // renders several diagrams at once) must not inherit this worker's pipe ends.
        guard let input = ClosingPipe() else {
            throw RenderError(.graphviz, source: name, "cannot create pipes for the render worker: \(String(cString: strerror(errno)))")
        }
        guard let output = ClosingPipe() else {
            input.closeBoth()
            throw RenderError(.graphviz, source: name, "cannot create pipes for the render worker: \(String(cString: strerror(errno)))")
        }
        guard let errors = ClosingPipe() else {
            input.closeBoth(); output.closeBoth()
            throw RenderError(.graphviz, source: name, "cannot create pipes for the render worker: \(String(cString: strerror(errno)))")
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        // dup2 clears close-on-exec on the copies 0, 1 and 2 only.
        posix_spawn_file_actions_adddup2(&actions, input.read, 0)
        posix_spawn_file_actions_adddup2(&actions, output.write, 1)
        posix_spawn_file_actions_adddup2(&actions, errors.write, 2)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t(), defaults = sigset_t()
        sigemptyset(&noSignals)
        sigemptyset(&defaults)
        for s in [SIGPIPE, SIGINT, SIGTERM, SIGCHLD] { sigaddset(&defaults, s) }
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        let argv = [executable] + arguments + ["--memory-bytes", String(memoryBytes)]
        let cargs: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) } + [nil]
        defer { for p in cargs { free(p) } }
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, executable, &actions, &attributes, cargs, environ)
        // The child holds its ends now; the parent keeps only its own.
        close(input.read); close(output.write); close(errors.write)
        guard rc == 0 else {
            close(input.write); close(output.read); close(errors.read)
            throw RenderError(.graphviz, source: name, "cannot start the render worker \(executable): \(String(cString: strerror(rc)))")
        }
        return WorkerProcess(pid: pid, input: input.write, output: output.read, errors: PipeReader(fd: errors.read),
                             executable: executable, arguments: arguments, memoryBytes: memoryBytes)
    }

    enum Answer {
        case answer(RenderWorker.Response, [UInt8])
        /// The worker closed its output (it ended) or answered nonsense.
        case ended
        case timeout
    }

    /// Reads one answer (a JSON line, then as many bytes as it says) until `deadline`.
    func readAnswer(until deadline: UInt64) -> Answer {
        var buffer: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        var header: (response: RenderWorker.Response, end: Int)?
        while true {
            if header == nil, let nl = buffer.firstIndex(of: 10) {
                guard let r = try? JSONDecoder().decode(RenderWorker.Response.self, from: Data(buffer[..<nl])) else { return .ended }
                header = (r, nl + 1)
            }
            if let (r, end) = header, buffer.count >= end + (r.bytes ?? 0) {
                return .answer(r, Array(buffer[end..<(end + (r.bytes ?? 0))]))
            }
            let now = Self.monotonicNow()
            guard now < deadline else { return .timeout }
            var p = pollfd(fd: output, events: Int16(POLLIN), revents: 0)
            let waited = poll(&p, 1, Int32(min((deadline - now) / 1_000_000 + 1, UInt64(Int32.max))))
            if waited < 0 { if errno == EINTR { continue }; return .ended }
            if waited == 0 { continue }   // the deadline check above decides
            let n = chunk.withUnsafeMutableBytes { read(output, $0.baseAddress!, $0.count) }
            if n < 0 { if errno == EINTR || errno == EAGAIN { continue }; return .ended }
            if n == 0 { return .ended }
            buffer.append(contentsOf: chunk[0..<n])
        }
    }

    /// Whether the worker is alive and has nothing to say: its output neither closed nor readable.
    var isIdle: Bool {
        var p = pollfd(fd: output, events: Int16(POLLIN), revents: 0)
        return poll(&p, 1, 0) == 0
    }

    /// Kills the worker (if it still runs), waits for it, closes the pipes; its wait status.
    @discardableResult
    func stop() -> Int32 {
        if status == nil { kill(pid, SIGKILL) }
        return finish()
    }

    /// Closes the worker's input (it ends at the end of its input), waits for it, closes the
    /// pipes; its wait status.
    @discardableResult
    func finish() -> Int32 {
        if !closed { closed = true; close(input) }
        if let status { return status }
        var s: Int32 = 0
        while waitpid(pid, &s, 0) < 0 && errno == EINTR {}
        status = s
        close(output)
        return s
    }

    /// What the worker wrote on its standard error (waited for up to 5 s once it has ended).
    func errorText() -> String {
        _ = errors.wait(timeout: 5)
        return errors.text
    }
}

/// Idle workers kept for the next render (a batch's many diagrams, a benchmark's gallery):
/// one start-up serves many renders. A worker that crashed or timed out is never put back; one
/// that died while idle is noticed (its output closed) and replaced.
enum WorkerPool {
    static let lock = NSLock()
    nonisolated(unsafe) static var idle: [WorkerProcess] = []
    /// At most this many idle workers are kept.
    static let capacity = 8
    nonisolated(unsafe) static var registeredExit = false

    static func take(executable: String, arguments: [String], memoryBytes: Int) -> WorkerProcess? {
        var stale: [WorkerProcess] = []
        defer { for w in stale { w.stop() } }
        lock.lock(); defer { lock.unlock() }
        while let i = idle.lastIndex(where: { $0.executable == executable && $0.arguments == arguments && $0.memoryBytes == memoryBytes }) {
            let w = idle.remove(at: i)
            if w.isIdle { return w }
            stale.append(w)
        }
        return nil
    }

    static func put(_ worker: WorkerProcess) {
        lock.lock()
        if idle.count < capacity {
            idle.append(worker)
            if !registeredExit {
                registeredExit = true
                atexit { WorkerPool.shutdown() }
            }
            lock.unlock()
        } else {
            lock.unlock()
            worker.finish()
        }
    }

    static func shutdown() {
        lock.lock()
        let all = idle
        idle = []
        lock.unlock()
        for w in all { w.finish() }
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
                lock.lock()
                data.append(contentsOf: chunk[0..<n])
                if data.count > 1 << 20 { data.removeFirst(data.count - (1 << 19)) }   // the last 512 KiB
                lock.unlock()
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
