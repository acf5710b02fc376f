import GraphCore

/// Reciprocity of a directed relation (exchanges: referrals, files, feedback).
///
/// - overall (networkx `overall_reciprocity`): the share of arcs whose reverse arc exists;
/// - per node (networkx `reciprocity(G, nodes)`): `2·|pred ∩ succ| / (|pred| + |succ|)`, NaN for a
///   node without arcs;
/// - dyad census (Holland and Leinhardt): mutual, asymmetric and null pairs, and the dyadic
///   reciprocity `mutual / (mutual + asymmetric)`;
/// - give/receive balance per node (Mauss's gift cycle): `(out-strength − in-strength) /
///   (out-strength + in-strength)`, +1 only gives, −1 only receives, NaN without arcs.
///
/// For an undirected graph every tie is mutual. Self-loops count as arcs in the overall share (as
/// networkx) and are otherwise ignored.
public enum Reciprocity {
    public struct Result: Sendable, Hashable {
        public let overall: Double
        public let perNode: NodeScores
        public let mutualDyads: Int
        public let asymmetricDyads: Int
        public let nullDyads: Int
        /// `mutual / (mutual + asymmetric)`, NaN without ties.
        public let dyadic: Double
        public let balance: NodeScores
    }

    /// - Parameter weighted: strengths for the balance use arc weights.
    /// - Complexity: O(m log d).
    public static func compute(_ g: CSRGraph, weighted: Bool = true) -> Result {
        let n = g.nodeCount
        var reciprocated = 0
        var perNode = [Double](repeating: .nan, count: n)
        var mutualArcs = 0, asym = 0
        for u in 0..<n {
            var both = 0, outs = 0
            var prev: Int32 = -1
            for i in g.offsets[u]..<g.offsets[u + 1] {
                let v = g.targets[i]
                if Int(v) == u { continue }
                if g.hasEdge(v, Int32(u)) { reciprocated += 1 }
                if v == prev { continue }     // parallel arcs: the neighbour once
                prev = v
                outs += 1
                if g.hasEdge(v, Int32(u)) { both += 1; mutualArcs += 1 } else { asym += 1 }
            }
            var ins = 0
            prev = -1
            for i in g.inOffsets[u]..<g.inOffsets[u + 1] {
                let v = g.inSources[i]
                if Int(v) == u || v == prev { continue }
                prev = v
                ins += 1
            }
            if !g.isDirected { ins = outs; both = outs }
            if outs + ins > 0 { perNode[u] = 2 * Double(both) / Double(outs + ins) }
        }
        let m = g.isDirected ? g.arcCount : g.edgeCount
        let overall = g.isDirected ? (m > 0 ? Double(reciprocated) / Double(m) : .nan) : (m > 0 ? 1 : .nan)
        let mutual = g.isDirected ? mutualArcs / 2 : mutualArcs / 2
        let asymmetric = g.isDirected ? asym : 0
        let pairs = n * (n - 1) / 2
        let outS = Strength(mode: .out).scores(weighted ? g : g.unweightedView).scores
        let inS = Strength(mode: .in).scores(weighted ? g : g.unweightedView).scores
        let balance = (0..<n).map { v in outS[v] + inS[v] > 0 ? (outS[v] - inS[v]) / (outS[v] + inS[v]) : .nan }
        return Result(overall: overall,
                      perNode: NodeScores(scores: perNode, metadata: ScoreMetadata(measure: "reciprocity", normalized: true)),
                      mutualDyads: mutual, asymmetricDyads: asymmetric, nullDyads: pairs - mutual - asymmetric,
                      dyadic: mutual + asymmetric > 0 ? Double(mutual) / Double(mutual + asymmetric) : .nan,
                      balance: NodeScores(scores: balance, metadata: ScoreMetadata(measure: "give-receive-balance",
                                                                                   parameters: ["weighted": "\(weighted && g.isWeighted)"],
                                                                                   normalized: true)))
    }
}

extension CSRGraph {
    /// The same arcs without weights.
    var unweightedView: CSRGraph {
        weights == nil ? self : CSRGraph(nodeCount: nodeCount, direction: direction, offsets: offsets, targets: targets,
                                         weights: nil, selfLoopCount: selfLoopCount)
    }
}
