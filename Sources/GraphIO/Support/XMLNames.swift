import GraphCore

/// How the GraphML and GEXF writers name attribute columns.
///
/// `kind` and `label` (nodes) and `relation` and `weight` (edges) carry the model's own fields,
/// so a column of the same name is written as `<name>_attr` (it reads back under that name). A
/// string column named `id` on a relation is written as the edges' XML `id`, which both readers
/// (and networkx's) turn back into an `id` attribute.
enum XMLNames {
    static func nodeColumnName(_ name: String) -> String {
        name == "kind" || name == "label" ? name + "_attr" : name
    }

    static func edgeColumnName(_ name: String) -> String {
        name == "relation" || name == "weight" ? name + "_attr" : name
    }

    /// Whether a layer's column is its edges' XML id.
    static func isEdgeID(_ c: AttributeColumn) -> Bool { c.name == "id" && c.type == .string }

    /// The edge keys over all layers, one per (name, type) in first-seen order, and for each
    /// layer its columns with their key number.
    /// - Complexity: O(layers × columns).
    static func edgeColumns(_ network: Network) -> (keys: [(name: String, type: AttributeType)],
                                                     columns: [[(AttributeColumn, Int)]]) {
        var keys: [(name: String, type: AttributeType)] = []
        var number: [String: Int] = [:]
        var perLayer: [[(AttributeColumn, Int)]] = []
        for layer in network.layers {
            var cols: [(AttributeColumn, Int)] = []
            for c in layer.attributes.columns where !isEdgeID(c) {
                let k = c.name + "\u{0}" + c.type.rawValue
                let i: Int
                if let j = number[k] { i = j } else {
                    i = keys.count
                    keys.append((c.name, c.type))
                    number[k] = i
                }
                cols.append((c, i))
            }
            perLayer.append(cols)
        }
        return (keys, perLayer)
    }
}
