import Foundation

/// The geometry of a drawing as Graphviz reports it in its JSON output (`-Tjson`): each node's
/// outline from its xdot drawing operations (ellipse, largest polygon, or the box of a rounded
/// outline's Bézier points), its text runs, and each edge's Bézier curves. Used to check what a
/// reader sees: edges through nodes, labels outside their shapes.
struct LayoutGeometry {
    enum Outline {
        case ellipse(cx: Double, cy: Double, rx: Double, ry: Double)
        case polygon([(Double, Double)])

        /// Whether (x, y) lies inside the outline by more than `inset` points.
        func contains(_ x: Double, _ y: Double, inset: Double) -> Bool {
            switch self {
            case let .ellipse(cx, cy, rx, ry):
                let a = rx - inset, b = ry - inset
                guard a > 0 && b > 0 else { return false }
                return ((x - cx) / a) * ((x - cx) / a) + ((y - cy) / b) * ((y - cy) / b) < 1
            case .polygon(let p):
                var area = 0.0
                for i in p.indices { let q = p[(i + 1) % p.count]; area += p[i].0 * q.1 - q.0 * p[i].1 }
                let sign = area > 0 ? 1.0 : -1.0
                for i in p.indices {
                    let (ax, ay) = p[i], (bx, by) = p[(i + 1) % p.count]
                    let len = ((bx - ax) * (bx - ax) + (by - ay) * (by - ay)).squareRoot()
                    guard len > 0 else { continue }
                    if sign * ((bx - ax) * (y - ay) - (by - ay) * (x - ax)) / len <= inset { return false }
                }
                return true
            }
        }
    }

    /// A text run: its anchor point, alignment, width and font size.
    struct Text { var x: Double; var y: Double; var align: String; var width: Double; var size: Double; var text: String }

    struct Node {
        var name: String
        var gvid: Int
        var outline: Outline?
        var label: String
        var xlabel: String
        var texts: [Text]
    }

    struct Edge { var tail: Int; var head: Int; var curves: [[(Double, Double)]] }

    var nodes: [Int: Node] = [:]
    var edges: [Edge] = []

    init(json bytes: [UInt8]) throws {
        guard let root = try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any] else {
            throw NSError(domain: "LayoutGeometry", code: 1)
        }
        let subgraphs = root["_subgraph_cnt"] as? Int ?? 0
        let objects = root["objects"] as? [[String: Any]] ?? []
        for o in objects.dropFirst(subgraphs) {
            let gvid = o["_gvid"] as? Int ?? -1
            var node = Node(name: o["name"] as? String ?? "", gvid: gvid, outline: Self.outline(o["_draw_"]),
                            label: o["label"] as? String ?? "", xlabel: o["xlabel"] as? String ?? "", texts: [])
            var size = 14.0
            for op in o["_ldraw_"] as? [[String: Any]] ?? [] {
                switch op["op"] as? String {
                case "F": size = op["size"] as? Double ?? size
                case "T":
                    let pt = op["pt"] as? [Double] ?? [0, 0]
                    node.texts.append(Text(x: pt[0], y: pt[1], align: op["align"] as? String ?? "c",
                                           width: op["width"] as? Double ?? 0, size: size, text: op["text"] as? String ?? ""))
                default: break
                }
            }
            nodes[gvid] = node
        }
        for e in root["edges"] as? [[String: Any]] ?? [] {
            var curves: [[(Double, Double)]] = []
            for op in e["_draw_"] as? [[String: Any]] ?? [] where ["b", "B"].contains(op["op"] as? String ?? "") {
                curves.append((op["points"] as? [[Double]] ?? []).map { ($0[0], $0[1]) })
            }
            edges.append(Edge(tail: e["tail"] as? Int ?? -1, head: e["head"] as? Int ?? -1, curves: curves))
        }
    }

    static func outline(_ draw: Any?) -> Outline? {
        var best: (Double, Outline)? = nil
        for op in draw as? [[String: Any]] ?? [] {
            let kind = op["op"] as? String ?? ""
            if kind == "e" || kind == "E", let r = op["rect"] as? [Double] {
                return .ellipse(cx: r[0], cy: r[1], rx: r[2], ry: r[3])
            }
            guard ["p", "P", "b", "B"].contains(kind), let raw = op["points"] as? [[Double]], !raw.isEmpty else { continue }
            let xs = raw.map { $0[0] }, ys = raw.map { $0[1] }
            let area = (xs.max()! - xs.min()!) * (ys.max()! - ys.min()!)
            let outline: Outline = kind.lowercased() == "p"
                ? .polygon(raw.map { ($0[0], $0[1]) })
                : .polygon([(xs.min()!, ys.min()!), (xs.max()!, ys.min()!), (xs.max()!, ys.max()!), (xs.min()!, ys.max()!)])
            if best == nil || area > best!.0 { best = (area, outline) }
        }
        return best?.1
    }

    /// Points along a piecewise cubic Bézier (3k + 1 control points), 20 per piece.
    static func sample(_ p: [(Double, Double)]) -> [(Double, Double)] {
        var out: [(Double, Double)] = []
        var k = 0
        while k + 3 < p.count {
            for i in 0...20 {
                let t = Double(i) / 20, u = 1 - t
                let a = u * u * u, b = 3 * u * u * t, c = 3 * u * t * t, d = t * t * t
                out.append((a * p[k].0 + b * p[k + 1].0 + c * p[k + 2].0 + d * p[k + 3].0,
                            a * p[k].1 + b * p[k + 1].1 + c * p[k + 2].1 + d * p[k + 3].1))
            }
            k += 3
        }
        return out
    }

    /// Every edge drawn through a node it does not touch, as `tail -> head through node`
    /// (sorted; a sampled point inside the node's outline by more than `inset` points).
    func crossings(inset: Double = 1.5) -> [String] {
        var out: Set<String> = []
        for e in edges {
            let points = e.curves.flatMap(Self.sample)
            for (g, node) in nodes where g != e.tail && g != e.head {
                guard let o = node.outline else { continue }
                if points.contains(where: { o.contains($0.0, $0.1, inset: inset) }) {
                    out.insert("\(nodes[e.tail]?.name ?? "?") -> \(nodes[e.head]?.name ?? "?") through \(node.name)")
                }
            }
        }
        return out.sorted()
    }

    /// The corners and centre of a text run's glyph box (baseline − 0.2 size to baseline +
    /// 0.72 size: descenders to capitals).
    static func box(_ t: Text) -> [(Double, Double)] {
        let left = t.align == "l" ? t.x : t.align == "r" ? t.x - t.width : t.x - t.width / 2
        let lo = t.y - 0.2 * t.size, hi = t.y + 0.72 * t.size
        return [(left, lo), (left + t.width, lo), (left, hi), (left + t.width, hi), (left + t.width / 2, (lo + hi) / 2)]
    }
}
