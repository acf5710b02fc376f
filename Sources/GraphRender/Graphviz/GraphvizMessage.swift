internal import CGraphviz

/// A message Graphviz reported through its error function (never printed by Graphviz itself).
public struct GraphvizMessage: Sendable, Hashable, CustomStringConvertible {
    /// Graphviz's level.
    public enum Level: String, Sendable, Hashable {
        case warning, error
    }

    /// Warning or error.
    public let level: Level
    /// The text without Graphviz's `Error: ` / `Warning: ` prefix, on one line.
    public let text: String

    public var description: String { "\(level.rawValue): \(text)" }
}

/// Collects what Graphviz writes through `agseterrf`: the C callback appends bytes here. Only
/// ever touched while holding the Graphviz gate, which is what makes the unchecked global safe.
enum GraphvizMessageBuffer {
    nonisolated(unsafe) static var bytes: [UInt8] = []

    /// The longest message Graphviz can format safely: its message buffer is grown to this
    /// once, when the context is created (`interstice_grow_message_buffer` in the shim says why:
    /// Graphviz 2.42 crashes on longer messages with arguments). DOT files are laid out in the
    /// worker process, where a longer message only ends that worker.
    static let longestMessage = 4 << 20

    /// The callback installed with `agseterrf` once, when the context is created. Graphviz calls
    /// it with pieces of a message (`"Error"`, `": "`, the formatted text).
    static let callback: @convention(c) (UnsafeMutablePointer<CChar>?) -> Int32 = { text in
        guard let text else { return 0 }
        var n = 0
        while text[n] != 0 { n += 1 }
        text.withMemoryRebound(to: UInt8.self, capacity: n) { p in
            GraphvizMessageBuffer.bytes.append(contentsOf: UnsafeBufferPointer(start: p, count: n))
        }
        return 0
    }

    /// Empties the buffer and returns its messages: a line that starts with `Error: ` or
    /// `Warning: ` starts a message, other lines continue the one before.
    /// - Complexity: O(bytes).
    static func take() -> [GraphvizMessage] {
        defer { bytes.removeAll(keepingCapacity: true) }
        return peek()
    }

    /// The messages so far, left in the buffer.
    /// - Complexity: O(bytes).
    static func peek() -> [GraphvizMessage] {
        guard !bytes.isEmpty else { return [] }
        let text = String(decoding: bytes, as: UTF8.self)
        var out: [GraphvizMessage] = []
        for raw in text.split(separator: "\n", omittingEmptySubsequences: true) {
            let line = raw.trimmingCharacters()
            guard !line.isEmpty else { continue }
            if line.hasPrefix("Error: ") || line.hasPrefix("Error:") {
                out.append(GraphvizMessage(level: .error, text: String(line.dropFirst(6)).trimmingCharacters()))
            } else if line.hasPrefix("Warning: ") || line.hasPrefix("Warning:") {
                out.append(GraphvizMessage(level: .warning, text: String(line.dropFirst(8)).trimmingCharacters()))
            } else if let last = out.last {
                out[out.count - 1] = GraphvizMessage(level: last.level, text: last.text + " " + line)
            } else {
                out.append(GraphvizMessage(level: .warning, text: line))
            }
        }
        return out
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces, tabs and carriage returns.
    func trimmingCharacters() -> String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" || f == "\r" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\t" || l == "\r" { s.removeLast() }
        return String(s)
    }
}
