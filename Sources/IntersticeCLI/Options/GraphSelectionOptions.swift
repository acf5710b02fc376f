import ArgumentParser
import Interstice

extension GraphDirection: ExpressibleByArgument {}

/// Which graph a structural command analyses: translated into the catalogue's ``GraphSelection``.
struct GraphSelectionOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Relations to combine (default: every relation but member and participant).", valueName: "r,r"))
    var relations: String?

    @Option(help: "Direction: as-stored (directed when any chosen relation is), directed, undirected.")
    var direction: GraphDirection = GraphSelection().direction

    @Flag(help: "Use edge weights (summed over parallel edges).")
    var weighted = false

    @Flag(help: "Keep organizations and collectives as nodes (default: the one-mode nodes only).")
    var allNodes = false

    /// The catalogue's selection.
    var selection: GraphSelection {
        GraphSelection(relations: relations.map(relationList), direction: direction, weighted: weighted,
                       nodes: allNodes ? .all : .ties)
    }

    /// The chosen graph and, for each of its nodes, the network node.
    func graph(_ net: Network) throws -> (graph: CSRGraph, nodes: [Int32]) {
        try selection.graph(net)
    }
}

/// `a,b` as relations, other spellings mapped (`échange` → exchange).
func relationList(_ text: String) -> [Relation] {
    text.split(separator: ",").map { s in
        Relation(String(s).trimmedSpaces).canonicalized
    }
}
