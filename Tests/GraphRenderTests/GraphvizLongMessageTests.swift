import GraphIO
import Testing
@testable import GraphRender

/// Issue 14: Graphviz 2.42 formats messages longer than 1 KB with a consumed va_list (garbage,
/// "(null)", or a crash); the message buffer grown at start-up makes them come through whole.
@Suite("Hardening: long Graphviz messages")
struct GraphvizLongMessageTests {
    @Test("a 3,000-character colour name comes back whole in the warning", arguments: [1_000, 3_000, 100_000])
    func longWarning(length: Int) throws {
        let name = String(repeating: "y", count: length)
        let dot = "digraph { a -> b [color=\"\(name)\"] }\n"
        let d = try Diagram.render(dot: SourceText(name: "long.gv", bytes: Array(dot.utf8)), engine: .dot, format: .svg)
        #expect(d.warnings.contains(GraphvizMessage(level: .warning, text: "\(name) is not a known color.")), "\(d.warnings.map { String($0.text.prefix(60)) })")
    }

    @Test("a syntax error near a 5,000-digit token is a located error")
    func longSyntaxError() {
        let digits = String(repeating: "1", count: 5_000)
        let dot = "digraph { a -> b [label=\(digits)]; \(digits) -> }\n"
        do {
            _ = try Diagram.render(dot: SourceText(name: "long.gv", bytes: Array(dot.utf8)), engine: .dot, format: .svg)
            Issue.record("rendered")
        } catch {
            #expect(error.kind == .badInput && error.line == 1, "\(error)")
        }
    }
}
