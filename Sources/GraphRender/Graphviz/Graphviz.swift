internal import CGraphviz
import Synchronization

/// The wall around the Graphviz C library: one process-wide context and one serial gate.
///
/// Graphviz is not thread-safe, even with one context per thread (its parser, its error
/// function and its layout engines keep global state), so every call into it — parsing,
/// layout, rendering, `agclose` — happens inside ``withSession(_:)``, which holds one
/// process-wide lock. Renders from many tasks are therefore correct and serialized; the work
/// around Graphviz (building the DOT text, post-processing the output) runs in parallel.
///
/// The context is created lazily, once, inside the gate, before any graph: `gvContext()` sets
/// the `\N` default label and loads the plugins Debian's package registers. It is never freed
/// (process lifetime). Before it, the shim installs an ID discipline that numbers named objects
/// in creation order (cgraph's default orders them by heap address, which made cluster order
/// and fdp layouts change between calls), and before each layout libc's random generators are
/// reseeded: the same DOT text gives the same bytes every time. Graphviz's messages go to ``GraphvizMessageBuffer`` through `agseterrf`
/// and come back as ``GraphvizMessage`` values; nothing is printed on stderr.
enum Graphviz {
    /// The gate; its value is the context, created on first use.
    private static let gate = Mutex<OpaquePointer?>(nil)

    /// Runs `body` inside the gate with the process-wide context. Messages Graphviz reports
    /// during `body` are handed to it through the session.
    /// - Complexity: waits for every other Graphviz call in the process.
    static func withSession<R: Sendable>(
        _ body: (borrowing GraphvizSession) throws(RenderError) -> R
    ) throws(RenderError) -> R {
        try gate.withLock { (context: inout OpaquePointer?) throws(RenderError) -> R in
            if context == nil {
                interstice_set_error_function(GraphvizMessageBuffer.callback)
                interstice_grow_message_buffer(GraphvizMessageBuffer.longestMessage)
                GraphvizMessageBuffer.bytes = []
                interstice_install_ordered_ids()
                interstice_install_ordered_memory()
                // gvContext opens cgraph's prototype graph (agattr(NULL, …)), which lives as long
                // as the process: plain memory, so the ordered region is free whenever no render
                // holds a graph (it is then reset, see the shim).
                interstice_set_ordered_memory(0)
                context = gvContext()
                interstice_set_ordered_memory(1)
            }
            guard let gvc = context else {
                throw RenderError(.graphviz, "Graphviz could not create its context (gvContext failed)")
            }
            _ = GraphvizMessageBuffer.take()
            _ = agreseterrors()
            let session = GraphvizSession(context: gvc)
            return try body(session)
        }
    }

    /// Reserves the ordered-memory region (see the shim) at `bytes` of address space, inside
    /// the gate. Here, in the file that installs the memory discipline: the shim's state is
    /// `static` C, one copy per Swift file that touches it when the module is not built whole.
    /// - Returns: false when the range could not be reserved (arenas then use calloc).
    static func reserveOrderedMemory(bytes: Int) -> Bool {
        (try? withSession { _ in interstice_reserve_region(bytes) != 0 }) ?? false
    }

    /// Graphs whose objects are in the ordered-memory region now (0 between renders).
    static var openGraphs: Int {
        (try? withSession { _ in Int(interstice_open_arenas()) }) ?? 0
    }

    /// The Graphviz library version (`gvcVersion`).
    static var version: String {
        (try? withSession { s in s.version }) ?? "unknown"
    }
}

/// What may be done with Graphviz while holding the gate. Not copyable and only lent to the
/// body of ``Graphviz/withSession(_:)``, so no Graphviz handle outlives the gate.
struct GraphvizSession: ~Copyable {
    let context: OpaquePointer

    var version: String { String(cString: gvcVersion(context)) }

    /// Messages Graphviz reported since the session began or since the last call.
    func takeMessages() -> [GraphvizMessage] { GraphvizMessageBuffer.take() }

    /// Parses DOT text with cgraph (`agmemread`) and runs `body` on the graph, which is closed
    /// (`agclose`) when `body` returns or throws.
    /// - Parameters:
    ///   - text: the DOT bytes (no NUL byte).
    ///   - name: the input's name for error messages.
    ///   - ordered: lay the graph's objects out in an arena (needed for a layout, see the shim);
    ///     false for reading only, where plain malloc memory avoids cgraph freeing arena blocks
    ///     with libc `free` (a heap corruption found by fuzzing).
    func withParsedGraph<R>(
        _ text: [UInt8], name: String, ordered: Bool = true,
        _ body: (UnsafeMutablePointer<Agraph_t>) throws(RenderError) -> R
    ) throws(RenderError) -> R {
        var cstring = text
        cstring.append(0)
        interstice_reset_input()
        interstice_set_ordered_memory(ordered ? 1 : 0)
        let parsed = cstring.withUnsafeBufferPointer { b in
            b.baseAddress!.withMemoryRebound(to: CChar.self, capacity: b.count) { agmemread($0) }
        }
        interstice_set_ordered_memory(1)
        guard let g = parsed else {
            throw Self.parseError(takeMessages(), name: name)
        }
        // cgraph can report an error ("memory exhausted") and still hand back a partial graph.
        if GraphvizMessageBuffer.peek().contains(where: { $0.level == .error }) {
            _ = agclose(g)
            throw Self.parseError(takeMessages(), name: name)
        }
        defer { _ = agclose(g) }
        return try body(g)
    }

    /// Lays `g` out with a Graphviz engine and runs `body` on the laid-out graph; the layout
    /// is freed (`gvFreeLayout`) when `body` returns or throws.
    func withLayout<R>(
        _ g: UnsafeMutablePointer<Agraph_t>, engine: String,
        _ body: () throws(RenderError) -> R
    ) throws(RenderError) -> R {
        interstice_reset_random()
        let rc = gvLayout(context, g, engine)
        defer { _ = gvFreeLayout(context, g) }
        guard rc == 0 else {
            let errors = takeMessages().filter { $0.level == .error }.map(\.text)
            let why = errors.isEmpty ? "gvLayout returned \(rc)" : errors.joined(separator: "; ")
            throw RenderError(.graphviz, "layout with \(engine) failed: \(why)")
        }
        return try body()
    }

    /// Sets a root graph attribute (declaring it if the graph has none).
    func setGraphAttribute(_ g: UnsafeMutablePointer<Agraph_t>, _ name: String, _ value: String) {
        _ = interstice_agsafeset(UnsafeMutableRawPointer(g), name, value, "")
    }

    /// Renders a laid-out graph to bytes in a Graphviz output format (`svg`, `png`, `json`…);
    /// Graphviz's buffer is freed (`gvFreeRenderData`) before returning. SVG passes through
    /// ``SVGSanitizer`` (no script, event handler, outside link or stylesheet; `http(s)` and
    /// `mailto` links kept only with `allowLinks`). Empty output (Graphviz gives 0 bytes for a
    /// bitmap too large to allocate) is an error, never an empty file.
    func render(_ g: UnsafeMutablePointer<Agraph_t>, format: String, allowLinks: Bool = false,
                name: String = "diagram") throws(RenderError) -> [UInt8] {
        var data: UnsafeMutablePointer<CChar>? = nil
        var length: UInt32 = 0
        let rc = gvRenderData(context, g, format, &data, &length)
        defer { if let data { gvFreeRenderData(data) } }
        guard rc == 0, let data else {
            let errors = takeMessages().filter { $0.level == .error }.map(\.text)
            let why = errors.isEmpty ? "gvRenderData returned \(rc)" : errors.joined(separator: "; ")
            throw RenderError(.graphviz, "rendering \(format) failed: \(why)")
        }
        guard length > 0 else {
            let errors = takeMessages().map(\.text)
            throw RenderError(.graphviz, "rendering \(format) gave no output\(errors.isEmpty ? " (is the drawing too large for this format? try svg)" : ": " + errors.joined(separator: "; "))")
        }
        let bytes = data.withMemoryRebound(to: UInt8.self, capacity: Int(length)) {
            Array(UnsafeBufferPointer(start: $0, count: Int(length)))
        }
        guard format.hasPrefix("svg") else { return bytes }
        return try SVGSanitizer.sanitize(bytes, allowLinks: allowLinks, name: name).0
    }

    /// A parse failure as an error: Graphviz's `syntax error in line N near 'x'` becomes a
    /// located message.
    static func parseError(_ messages: [GraphvizMessage], name: String) -> RenderError {
        let errors = messages.filter { $0.level == .error }
        guard let first = errors.first else {
            return RenderError(.badInput, source: name, "Graphviz could not parse the DOT text (no graph found)")
        }
        // "<stdin>: syntax error in line 3 near '->'" (the prefix varies with the version).
        var text = first.text
        if let colon = text.firstRange(of: ": syntax error") { text = String(text[text.index(after: colon.lowerBound)...]).trimmingCharacters() }
        // "<input>: memory exhausted near '{'": bison's stack, full on deeply nested brackets.
        if text.hasPrefix("<"), let close = text.firstRange(of: ">: ") { text = String(text[close.upperBound...]) }
        if text.hasPrefix("memory exhausted") { text += " (the parser's stack: subgraphs or brackets nested too deeply)" }
        var line: Int? = nil
        if let r = text.firstRange(of: " in line ") {
            let digits = text[r.upperBound...].prefix { $0.isNumber }
            line = Int(digits)
            text.removeSubrange(r.lowerBound..<text.index(r.upperBound, offsetBy: digits.count))
        }
        return RenderError(.badInput, source: name, line: line, "DOT " + text)
    }
}
