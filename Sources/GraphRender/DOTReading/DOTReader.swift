import GraphCore
import GraphIO

/// Reads Graphviz DOT into a ``Network`` through Graphviz's own parser (cgraph's
/// `agmemread`), so every DOT file Graphviz accepts is read as Graphviz reads it: string
/// concatenation, line continuations, HTML strings, ports, `strict`, default attributes.
///
/// ```swift
/// let (net, warnings) = try DOTReader.read(SourceText.read(path: "clust4.gv"))
/// net.nodeCount                       // 10
/// net.organizations().groupNames      // ["cluster_0", "cluster_1"]
/// ```
///
/// What becomes what:
/// - nodes keep their DOT names as ids; a `kind` attribute sets the ``NodeKind`` (else
///   `actor`), `label` the label (escapes such as `\n` and `\N` expanded; an HTML-like label
///   gives its text, its markup is kept in the `html_label` column); every other attribute
///   with a value becomes a column, typed when all its values are integers, numbers, booleans
///   or dates, text otherwise.
/// - edges go to the layer named by their `relation` attribute (else `edge`); `weight`, when
///   a number, is the edge weight; in a digraph a relation whose edges all have `dir=none` is
///   an undirected layer. Other attributes become columns of the layer.
/// - each `cluster*` subgraph becomes an organization node (a collective when it has
///   `kind=collective`) with a `member` (or `participant`) edge from every node directly in
///   it, and from a nested cluster's node to its enclosing one.
/// - a graph with `charset=latin1` is decoded as Latin-1; any other must be UTF-8.
///
/// Untrusted input: attributes that make Graphviz read local files (see
/// ``FileReferencePolicy``) are refused unless `options.allowFileReferences`.
public enum DOTReader {
    /// Reads a DOT text.
    /// - Returns: the network and Graphviz's warnings (parse ambiguities and the like).
    /// - Throws: ``GraphIOError`` for a syntax error (with its line), invalid UTF-8, a refused
    ///   file reference, or a name clash the model forbids.
    /// - Complexity: O((n + m) · attributes) plus Graphviz's parse; the parse holds the
    ///   process-wide Graphviz gate.
    public static func read(_ text: SourceText, options: ReadOptions = ReadOptions())
        throws(GraphIOError) -> (network: Network, warnings: [GraphvizMessage]) {
        if let nul = text.bytes.firstIndex(of: 0) {
            throw text.error(at: nul, "a NUL byte: this is not a DOT text")
        }
        let parsed: Result<(RawDOTGraph, [GraphvizMessage]), RenderError> = Result { () throws(RenderError) in
            try Graphviz.withSession { s throws(RenderError) in
                try s.withParsedGraph(text.bytes, name: text.name, ordered: false) { g throws(RenderError) in
                    (s.extract(g), s.takeMessages())
                }
            }
        }
        let raw: RawDOTGraph, messages: [GraphvizMessage]
        switch parsed {
        case .success(let r): (raw, messages) = r
        case .failure(let e): throw GraphIOError(e.kind == .unsupported ? .unsupported : .badData,
                                                 file: text.name, line: e.line, e.message)
        }
        let builder = DOTNetworkBuilder(raw: raw, text: text)
        try builder.checkEncoding()
        if !options.allowFileReferences { try builder.checkFileReferences() }
        let network = try builder.build()
        return (network, messages)
    }
}

extension ExternalReaders {
    /// The readers with cgraph's DOT reader, so `GraphFile.read("x.gv", readers: .withDOT())` works.
    /// - Parameter warnings: receives each Graphviz warning as `file: warning: text`; nil drops them.
    public static func withDOT(warnings: (@Sendable (String) -> Void)? = nil) -> ExternalReaders {
        ExternalReaders(dot: { (text: SourceText, options: ReadOptions) throws(GraphIOError) -> Network in
            let (network, messages) = try DOTReader.read(text, options: options)
            if let warnings { for m in messages { warnings("\(text.name): \(m)") } }
            return network
        })
    }
}
