import ArgumentParser
import Interstice

extension GraphDirection: ExpressibleByArgument {}

/// Which graph a structural command analyses: relations, direction, weights, nodes.
struct GraphSelectionOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Relations to combine (default: every relation but member and participant).", valueName: "r,r"))
    var relations: String?

    @Option(help: "Direction: asStored (directed when any chosen relation is), directed, undirected.")
    var direction: GraphDirection = .asStored

    @Flag(help: "Use edge weights (summed over parallel edges).")
    var weighted = false

    @Flag(help: "Keep organizations, collectives, units and meetings as nodes (default: the one-mode nodes only).")
    var allNodes = false

    /// The chosen graph and, for each of its nodes, the network node.
    func graph(_ net: Network) throws -> (graph: CSRGraph, nodes: [Int32]) {
        let rels = relations.map { $0.split(separator: ",").map { Relation(String($0)) } }
        if let rels {
            for r in rels where net.layer(r) == nil {
                throw ValidationError("the dataset has no relation \"\(r)\"; it has \(net.relations.map(\.rawValue).joined(separator: ", "))")
            }
        }
        let g = net.graph(relations: rels, direction: direction, weights: weighted ? .weight : .unweighted, selfLoops: .drop)
        if allNodes { return (g, Array(0..<Int32(net.nodeCount))) }
        let keep = net.oneModeNodes
        return (g.induced(on: keep), keep)
    }
}
