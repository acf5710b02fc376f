import GraphCore

/// Why a model of observed adoption could not be estimated (or its parameters are invalid).
///
/// Every case names what a user has to change: a term that is a linear combination of others, the
/// terms whose estimates run off to infinity, a node attribute that is missing or not numeric.
public enum EstimationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A parameter is out of range (the text says which and why).
    case invalidParameter(String)
    /// The dataset has no relation of that name.
    case unknownRelation(String, available: [String])
    /// A covariate names no node attribute.
    case unknownCovariate(String, available: [String])
    /// A covariate is text or a date.
    case nonNumericCovariate(String)
    /// A population node lacks a covariate's value.
    case missingCovariate(String, node: String, count: Int)
    /// The grouping (`--by`) names neither organizations nor a node attribute.
    case unknownGrouping(String)
    /// A population node has no group.
    case ungroupedNode(String, grouping: String, count: Int)
    /// No person-period rows (nobody at risk in the window).
    case noRows
    /// Nobody adopted inside the window, or everyone at risk did.
    case constantOutcome(events: Int, rows: Int)
    /// A term is (numerically) a linear combination of the terms before it.
    case singularDesign(term: String)
    /// Estimates diverge: the outcome is perfectly predicted by these terms.
    case separation(terms: [String])
    /// Newton's method did not converge.
    case notConverged(iterations: Int)
    /// A relation never exposes anyone at risk: its parameter is not identified.
    case noExposure(relation: String)

    public var description: String {
        switch self {
        case .invalidParameter(let s): s
        case let .unknownRelation(r, available):
            "no relation \"\(r)\"; the dataset has \(available.joined(separator: ", "))"
        case let .unknownCovariate(c, available):
            "no node attribute \"\(c)\" for a covariate; the nodes have \(available.isEmpty ? "no attributes" : available.joined(separator: ", "))"
        case .nonNumericCovariate(let c):
            "covariate \"\(c)\" is not numeric (integers, numbers or true/false are needed)"
        case let .missingCovariate(c, node, count):
            "covariate \"\(c)\" is missing for \(count) node\(count == 1 ? "" : "s") of the population (first: \"\(node)\"); give a complete attribute or leave those nodes out (--missing exclude on a recoded adoption attribute)"
        case .unknownGrouping(let g):
            "no node attribute \"\(g)\" to group by (nor organizations, with \"organization\")"
        case let .ungroupedNode(node, grouping, count):
            "\(count) node\(count == 1 ? "" : "s") of the population (first: \"\(node)\") belong to no \(grouping) group"
        case .noRows:
            "no person-period rows: nobody is at risk of adopting in the observed periods"
        case let .constantOutcome(events, rows):
            "the outcome does not vary: \(events) adoptions in \(rows) person-period rows"
        case .singularDesign(let t):
            "term \"\(t)\" is a linear combination of the terms before it (constant, duplicated or collinear): drop it"
        case .separation(let ts):
            "the estimates diverge (perfect prediction, separation) for \(ts.joined(separator: ", ")): drop or merge these terms"
        case .notConverged(let n):
            "the likelihood maximization did not converge in \(n) iterations"
        case .noExposure(let r):
            "relation \"\(r)\" never exposes anyone at risk (no alter via it adopted before a node at risk): its effect is not identified; drop it"
        }
    }
}
