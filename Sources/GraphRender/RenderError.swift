/// An error from drawing a diagram or from Graphviz, with what a user needs to fix it.
///
/// ```
/// gallery/bad.gv:3: syntax error near "->"
/// layout: neato failed: the graph has no nodes
/// ```
public struct RenderError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong, which also picks the CLI's exit code.
    public enum Kind: String, Sendable, Hashable {
        /// The input (a DOT text, a network, a style) is malformed or refused (exit 65).
        case badInput
        /// An engine, a format or an option is not supported here (exit 64).
        case unsupported
        /// Graphviz failed on input it accepted (exit 70).
        case graphviz
    }

    /// What went wrong.
    public let kind: Kind
    /// The input's name (a file path, `-`), when the error concerns an input.
    public let source: String?
    /// 1-based line in the input, when Graphviz reported one.
    public let line: Int?
    /// What was expected and what was found.
    public let message: String

    /// An error; `source` and `line` locate it in an input when known.
    public init(_ kind: Kind, source: String? = nil, line: Int? = nil, _ message: String) {
        self.kind = kind
        self.source = source
        self.line = line
        self.message = message
    }

    /// `source:line: message`, the parts that are known.
    public var description: String {
        guard let source else { return message }
        if let line { return "\(source):\(line): \(message)" }
        return "\(source): \(message)"
    }
}
