import GraphCore

/// How a diagram looks: a value applied when the DOT text is built.
///
/// ```swift
/// var style = DiagramStyle()
/// style.title = "CUCM follow-up commission"
/// style.caption = "Size: betweenness (Brandes 2001). Seed 7."
/// style.size = .init(scores: betweenness.scores, name: "betweenness")
/// let svg = try Diagram.render(network: net, style: style).bytes
/// ```
///
/// Defaults: nodes coloured by organization (Okabe–Ito, then hashed hues), shaped by kind
/// (actor ellipse, organization box, collective double octagon), organizations drawn as
/// clusters when every actor has at most one, the collectives highlighted, a legend.
public struct DiagramStyle: Sendable {
    /// What fills the nodes.
    public enum Coloring: Sendable {
        /// The node's organization (its first one); organizations themselves in their colour.
        case organization
        /// The node's kind.
        case kind
        /// The categories of a node attribute column (text or numbers taken as names).
        case attribute(String)
        /// One score per node on a sequential palette (viridis: dark = low, yellow = high), for
        /// an adoption probability or a mean adoption time; nil or non-finite is "no value".
        /// The palette spans `range` (default: the scores' minimum to maximum); `reversed`
        /// makes low values bright (early adopters stand out when colouring by time).
        case scores([Double?], name: String, reversed: Bool = false, range: ClosedRange<Double>? = nil)
        /// White fills.
        case none
    }

    /// How memberships (actor → organization edges) are drawn.
    public enum Membership: Sendable, Hashable {
        /// Clusters when every actor has at most one organization and the engine draws
        /// clusters; otherwise thin edges.
        case auto
        /// Organizations as boxes containing their members.
        case clusters
        /// Thin grey edges to organization nodes.
        case edges
        /// Not drawn (the colour still tells the organization).
        case hidden
    }

    /// Which nodes get a text label.
    public enum Labels: Sendable, Hashable {
        /// All up to ``DiagramStyle/labelLimit`` nodes; above it, only the `labelLimit` largest
        /// by the size score (none when there is no size score).
        case auto
        case all
        case none
    }

    /// Node sizes from a score.
    public struct Size: Sendable {
        /// One score per node (nil or non-finite: the smallest size).
        public var scores: [Double?]
        /// What the score is (legend).
        public var name: String

        /// Sizes from optional scores.
        public init(scores: [Double?], name: String) { self.scores = scores; self.name = name }
        /// Sizes from scores (a centrality result's `scores`).
        public init(scores: [Double], name: String) { self.init(scores: scores.map { Optional($0) } as [Double?], name: name) }
    }

    /// Which organization nodes count as organizations (say, hospitals but not towns).
    public struct OrganizationFilter: Sendable, Hashable {
        /// The node attribute column.
        public var attribute: String
        /// The value (compared as text) that makes an organization node count.
        public var value: String
        /// Organizations whose `attribute` has the text `value`.
        public init(attribute: String, equals value: String) { self.attribute = attribute; self.value = value }
    }

    /// Title, drawn above the legend.
    public var title: String?
    /// Caption: dataset, measure, seed.
    public var caption: String?
    /// What fills the nodes (default: their organization).
    public var coloring: Coloring = .organization
    /// Node areas from a score (nil: sized by their labels).
    public var size: Size?
    /// How memberships are drawn.
    public var membership: Membership = .auto
    /// Only organization nodes whose attribute has this value are organizations (colours and
    /// clusters); nil: every node of the network's organization kind.
    public var organizationFilter: OrganizationFilter?
    /// Which nodes are labelled.
    public var labels: Labels = .auto
    /// Above this many nodes, `.auto` labels only the largest nodes.
    public var labelLimit = 100
    /// The node attribute column whose values are the labels (nil: the network's labels, else ids).
    public var labelColumn: String?
    /// Labels are broken at spaces into lines of at most this many characters; no label is
    /// ever cut (a longer word keeps its own line). Cluster labels use 2.5 times this width.
    public var wrapLabelLength = 14
    /// The relations to draw (nil: all); `member` and `participant` follow ``membership`` and
    /// ``highlightCollectives``.
    public var relations: [Relation]?
    /// Draw collectives as black double octagons with their participants outlined and
    /// participation edges dashed.
    public var highlightCollectives = true
    /// Nodes outlined in vermillion (adopters at step t), with ``outlineName`` in the legend.
    public var outlined: [Int32] = []
    /// The legend's words for ``outlined``.
    public var outlineName = "adopted"
    /// Draw the nodes and edges whose `basis` attribute is `assumed` distinctly: faded fill with
    /// a dashed outline, faded dashed lines (dotted for relations already dashed), with a legend
    /// row. Only for networks that carry a `basis` column (``GraphCore/Network/hasBasis``).
    public var distinguishAssumed = true
    /// Draw the legend (colours, sizes, shapes, edge styles) under the title.
    public var legend = true
    /// The font of labels and legend (fontconfig finds a match: Liberation Sans on Debian).
    public var fontName = "Helvetica"
    /// PNG and JPEG resolution in dots per inch (default ``defaultDPI``, print resolution);
    /// must lie in ``dpiRange``.
    public var dpi: Double = DiagramStyle.defaultDPI

    /// The default bitmap resolution: 300 dpi, print resolution.
    public static let defaultDPI = 300.0
    /// The resolutions accepted: screen (72) to 1200 dpi (beyond, a case-study diagram's
    /// bitmap passes cairo's 32,767-pixel side limit).
    public static let dpiRange: ClosedRange<Double> = 72...1200

    /// The defaults.
    public init() {}
}
