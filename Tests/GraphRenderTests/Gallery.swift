import Foundation
import TestSupport

/// The Graphviz gallery fixture: each DOT file with the counts of its `dot -Tplain` oracle.
enum Gallery {
    /// Paths under `Tests/Fixtures/graphviz-gallery/`.
    static let files: [String] = [
        "graphs/directed/KW91.gv", "graphs/directed/NaN.gv", "graphs/directed/alf.gv",
        "graphs/directed/biological.gv", "graphs/directed/clust4.gv", "graphs/directed/crazy.gv",
        "graphs/directed/fsm.gv", "graphs/directed/hashtable.gv", "graphs/directed/japanese.gv",
        "graphs/directed/pgram.gv", "graphs/directed/records.gv", "graphs/directed/sdh.gv",
        "graphs/directed/structs.gv", "graphs/directed/table.gv", "graphs/directed/triedds.gv",
        "graphs/directed/world.gv", "graphs/undirected/Heawood.gv", "graphs/undirected/ngk10_4.gv",
        "rtest/graphs/b34.gv", "rtest/graphs/html.gv",
    ]

    /// Clusters per file (from the `subgraph cluster` lines of the `-Tcanon` oracles).
    static let clusters: [String: Int] = [
        "graphs/directed/KW91.gv": 2, "graphs/directed/biological.gv": 1, "graphs/directed/clust4.gv": 2,
    ]

    static func path(_ file: String) -> String { Fixtures.path("graphviz-gallery/" + file) }

    /// The oracle's `node` and `edge` line counts.
    static func oracleCounts(_ file: String) throws -> (nodes: Int, edges: Int) {
        let name = file.replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: ".gv", with: ".plain")
        return plainCounts(try Fixtures.bytes("graphviz-gallery/oracle/" + name))
    }

    /// Counts of `node` and `edge` lines in a `-Tplain` output.
    static func plainCounts(_ bytes: [UInt8]) -> (nodes: Int, edges: Int) {
        var nodes = 0, edges = 0
        for line in String(decoding: bytes, as: UTF8.self).split(separator: "\n") {
            if line.hasPrefix("node ") { nodes += 1 } else if line.hasPrefix("edge ") { edges += 1 }
        }
        return (nodes, edges)
    }
}
