internal import CGraphviz

/// Placeholder until the rendering issue: proves the Graphviz wall links.
package enum GraphvizVersion {
    /// The Graphviz library version string (from `gvcVersion`).
    package static var string: String {
        guard let gvc = gvContext() else { return "unknown" }
        defer { gvFreeContext(gvc) }
        return String(cString: gvcVersion(gvc))
    }
}
