/// A Graphviz layout engine, or `auto` to let Interstice choose one by the graph's size and
/// shape.
public enum LayoutEngine: String, Sendable, Hashable, CaseIterable {
    /// Choose: see ``LayoutEngine/choose(nodeCount:edgeCount:hasClusters:directedAcyclic:)``.
    case auto
    /// Layered drawing of directed graphs (Sugiyama); superlinear: never above a few hundred nodes.
    case dot
    /// Stress majorization (spring model); O(n²) memory and time per iteration.
    case neato
    /// Force-directed (Fruchterman–Reingold) with clusters.
    case fdp
    /// Multiscale force-directed for large graphs (Hu 2005).
    case sfdp
    /// Circular layout of biconnected components.
    case circo
    /// Radial layout around a root.
    case twopi
    /// Clusters packed as boxes.
    case osage
    /// Squarified treemap of clusters.
    case patchwork

    /// Engines that draw `cluster` subgraphs as boxes; the others ignore them.
    public var drawsClusters: Bool { [.dot, .fdp, .osage, .patchwork].contains(self) }

    /// Above this many nodes `auto` uses sfdp.
    public static let largeGraphNodes = 300
    /// Above this many edges `auto` uses sfdp.
    public static let largeGraphEdges = 3000
    /// Above this many nodes an explicit `dot` is refused: dot's crossing minimization and
    /// network-simplex ranking do not finish on a random 1,000-node graph in 30 minutes.
    public static let dotNodeLimit = 1000

    /// The engine `auto` picks, with the reason in words (for the output's metadata).
    ///
    /// - more than ``largeGraphNodes`` nodes or ``largeGraphEdges`` edges: sfdp, the only
    ///   engine that scales (dot and neato are quadratic or worse);
    /// - organizations drawn as clusters: fdp, a force layout that keeps clusters together
    ///   without imposing a hierarchy on a social network;
    /// - every drawn edge directed and no cycle (a hierarchy): dot, in layers;
    /// - otherwise neato (stress majorization), the most faithful drawing of distances in a
    ///   small network.
    /// - Complexity: O(1).
    public static func choose(nodeCount n: Int, edgeCount m: Int, hasClusters: Bool,
                              directedAcyclic: Bool) -> (engine: LayoutEngine, reason: String) {
        if n > largeGraphNodes || m > largeGraphEdges {
            return (.sfdp, "auto chose sfdp: \(n) nodes and \(m) edges is beyond what dot and neato lay out in reasonable time (limit \(largeGraphNodes) nodes, \(largeGraphEdges) edges); sfdp is multiscale")
        }
        if hasClusters {
            return (.fdp, "auto chose fdp: organizations are drawn as clusters, which fdp keeps together without imposing a hierarchy")
        }
        if directedAcyclic && m > 0 {
            return (.dot, "auto chose dot: every edge is directed and there is no cycle, so the graph reads best in layers")
        }
        return (.neato, "auto chose neato: a network of \(n) nodes with undirected or cyclic ties, drawn by stress majorization")
    }
}

/// An output format of a diagram.
public enum DiagramFormat: String, Sendable, Hashable, CaseIterable {
    /// SVG, with ids and classes on every node, edge and cluster.
    case svg
    /// PNG (cairo), at the style's resolution (``DiagramStyle/dpi``, 300 dpi by default).
    case png
    /// JPEG (Graphviz's gd renderer), for documents that take no PNG.
    case jpg
    /// PDF (cairo).
    case pdf
    /// The styled DOT text Interstice builds, with the `layout` it chose: any Graphviz tool
    /// draws the same diagram from it.
    case dot
    /// Graphviz's JSON: the layout's coordinates, with every attribute.
    case json
    /// Graphviz's plain text: `graph`, `node` and `edge` lines with coordinates in inches.
    case plain
    /// A self-contained HTML page holding the SVG (with diffusion frames: a player).
    case html

    /// The usual file extension.
    public var fileExtension: String { self == .dot ? "gv" : rawValue }

    /// The format a file name asks for (`x.svg`, `x.jpeg`, `x.gv`), nil when its extension is
    /// not one of the formats.
    public static func from(extension ext: String) -> DiagramFormat? {
        switch ext.lowercased() {
        case "svg": .svg
        case "png": .png
        case "jpg", "jpeg": .jpg
        case "pdf": .pdf
        case "gv", "dot": .dot
        case "json": .json
        case "plain", "txt": .plain
        case "html", "htm": .html
        default: nil
        }
    }

    /// The Graphviz `-T` name (an HTML page wraps Graphviz's SVG).
    var graphvizName: String { self == .html ? "svg" : rawValue }
}
