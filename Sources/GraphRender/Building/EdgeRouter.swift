/// A point of a laid-out drawing, in points (1/72 inch), y up as in Graphviz's `pos`.
struct Point: Equatable {
    var x: Double
    var y: Double
    init(_ x: Double, _ y: Double) { self.x = x; self.y = y }
    static func + (a: Point, b: Point) -> Point { Point(a.x + b.x, a.y + b.y) }
    static func - (a: Point, b: Point) -> Point { Point(a.x - b.x, a.y - b.y) }
    static func * (a: Point, k: Double) -> Point { Point(a.x * k, a.y * k) }
    func distance(to b: Point) -> Double { ((x - b.x) * (x - b.x) + (y - b.y) * (y - b.y)).squareRoot() }
}

/// A node's outline in a laid-out drawing: an ellipse (ellipse, circle) or its bounding box
/// (box and every other shape, a superset of the shape's outline).
struct NodeOutline {
    enum Kind { case ellipse, box }
    var center: Point
    var halfWidth: Double
    var halfHeight: Double
    var kind: Kind

    /// The outline of a Graphviz `shape` (the ellipse family is drawn as ellipses).
    init(center: Point, width: Double, height: Double, shape: String) {
        self.center = center
        halfWidth = width / 2
        halfHeight = height / 2
        kind = ["ellipse", "circle", "oval", "point", "doublecircle", "Mcircle"].contains(shape) ? .ellipse : .box
    }

    /// Whether `p` lies inside the outline shrunk by `inset` points.
    func contains(_ p: Point, inset: Double = 0) -> Bool {
        let rx = halfWidth - inset, ry = halfHeight - inset
        guard rx > 0 && ry > 0 else { return false }
        let dx = p.x - center.x, dy = p.y - center.y
        switch kind {
        case .ellipse: return (dx / rx) * (dx / rx) + (dy / ry) * (dy / ry) < 1
        case .box: return abs(dx) < rx && abs(dy) < ry
        }
    }

    /// Whether the segment a–b passes inside the outline shrunk by `inset` points.
    func isCrossed(by a: Point, _ b: Point, inset: Double) -> Bool {
        let rx = halfWidth - inset, ry = halfHeight - inset
        guard rx > 0 && ry > 0 else { return false }
        switch kind {
        case .ellipse:
            // In the ellipse's unit-circle coordinates: the segment's distance to the origin.
            let p = Point((a.x - center.x) / rx, (a.y - center.y) / ry)
            let q = Point((b.x - center.x) / rx, (b.y - center.y) / ry)
            let d = q - p
            let len2 = d.x * d.x + d.y * d.y
            var t = len2 > 0 ? -(p.x * d.x + p.y * d.y) / len2 : 0
            t = min(1, max(0, t))
            let c = p + d * t
            return c.x * c.x + c.y * c.y < 1
        case .box:
            let poly = [Point(center.x - rx, center.y - ry), Point(center.x + rx, center.y - ry),
                        Point(center.x + rx, center.y + ry), Point(center.x - rx, center.y + ry)]
            return EdgeRouter.segmentEntersInterior(a, b, convex: poly)
        }
    }

    /// A convex polygon (counter-clockwise) around the outline grown by `margin`: an octagon
    /// circumscribing the grown ellipse, or the grown box.
    func obstacle(margin: Double) -> [Point] {
        let rx = halfWidth + margin, ry = halfHeight + margin
        switch kind {
        case .box:
            return [Point(center.x - rx, center.y - ry), Point(center.x + rx, center.y - ry),
                    Point(center.x + rx, center.y + ry), Point(center.x - rx, center.y + ry)]
        case .ellipse:
            // The affine image of a regular octagon circumscribing the unit circle (its
            // vertices at (±1, ±tan π/8) and (±tan π/8, ±1)).
            let t = 0.41421356237309503
            let unit = [(1, t), (t, 1), (-t, 1), (-1, t), (-1, -t), (-t, -1), (t, -1), (1, -t)]
            return unit.map { Point(center.x + rx * $0.0, center.y + ry * $0.1) }
        }
    }
}

/// Routes the straight edges of a laid-out drawing that pass through a node they do not
/// touch around it: the shortest path from centre to centre in the visibility graph of the
/// other nodes' outlines (each grown by a margin and taken as a convex polygon), found by A*
/// with visibility tested only for the vertices it reaches (Lozano-Pérez & Wesley 1979). The
/// path's straight pieces are written as a Bézier spline clipped at both nodes' outlines.
///
/// Written by hand: Graphviz's own router (`splines=true`) takes 8–12 s on the 57-node case
/// studies (its visibility graph is built for every pair of polygon vertices) and, in
/// Graphviz 2.43, crashes under fdp with clusters.
struct EdgeRouter {
    /// Above this many nodes edges stay straight (the drawing is a texture, not a map of ties,
    /// and routing would cost O(n²) per edge): the diagram says so in a note.
    static let nodeLimit = 300

    let outlines: [NodeOutline]
    let obstacles: [[Point]]
    /// Bounding boxes of ``obstacles`` (minX, minY, maxX, maxY).
    let boxes: [(Double, Double, Double, Double)]
    /// How far a route keeps from other nodes, in points.
    let margin: Double

    init(outlines: [NodeOutline], margin: Double = 5) {
        self.outlines = outlines
        self.margin = margin
        obstacles = outlines.map { $0.obstacle(margin: margin) }
        boxes = obstacles.map { p in
            (p.map(\.x).min()!, p.map(\.y).min()!, p.map(\.x).max()!, p.map(\.y).max()!)
        }
    }

    /// The nodes (other than `a` and `b`) whose outline, shrunk by `inset`, the straight
    /// segment between the points crosses.
    func crossed(_ p: Point, _ q: Point, except a: Int, _ b: Int, inset: Double = 1) -> [Int] {
        var out: [Int] = []
        for (i, o) in outlines.enumerated() where i != a && i != b {
            if o.isCrossed(by: p, q, inset: inset) { out.append(i) }
        }
        return out
    }

    /// Whether the segment p–q enters the interior of the convex polygon (counter-clockwise):
    /// Cyrus–Beck clipping against its sides, each moved inwards by a hair so that running
    /// along a side or through a vertex does not count.
    static func segmentEntersInterior(_ p: Point, _ q: Point, convex poly: [Point]) -> Bool {
        let eps = 1e-6
        var t0 = 0.0, t1 = 1.0
        let d = q - p
        for i in 0..<poly.count {
            let a = poly[i], b = poly[(i + 1) % poly.count]
            let e = b - a
            let len = (e.x * e.x + e.y * e.y).squareRoot()
            guard len > 0 else { continue }
            // Outward normal of a counter-clockwise side.
            let n = Point(e.y / len, -e.x / len)
            // Inside: n·(x − a) < −eps.
            let num = n.x * (p.x - a.x) + n.y * (p.y - a.y) + eps
            let den = n.x * d.x + n.y * d.y
            if den == 0 {
                if num >= 0 { return false }
            } else {
                let t = -num / den
                if den < 0 { t0 = max(t0, t) } else { t1 = min(t1, t) }
                if t0 >= t1 { return false }
            }
        }
        return t1 - t0 > 1e-9
    }

    /// Whether p–q crosses no obstacle but those of `a` and `b`.
    private func visible(_ p: Point, _ q: Point, except a: Int, _ b: Int) -> Bool {
        let lo = Point(min(p.x, q.x), min(p.y, q.y)), hi = Point(max(p.x, q.x), max(p.y, q.y))
        for i in obstacles.indices where i != a && i != b {
            let bx = boxes[i]
            if bx.2 <= lo.x || bx.0 >= hi.x || bx.3 <= lo.y || bx.1 >= hi.y { continue }
            if Self.segmentEntersInterior(p, q, convex: obstacles[i]) { return false }
        }
        return true
    }

    /// The shortest path from node `a`'s centre to node `b`'s around every other node's
    /// obstacle, nil when there is none (an endpoint enclosed by other nodes).
    /// - Complexity: O(k · V · P) for k vertices expanded, V polygon vertices, P polygons.
    func route(from a: Int, to b: Int) -> [Point]? {
        // First among the obstacles near the straight line (its box grown by half its length),
        // then, if that finds nothing, among all.
        let start = outlines[a].center, goal = outlines[b].center
        let grow = start.distance(to: goal) / 2 + 4 * margin
        let lo = Point(min(start.x, goal.x) - grow, min(start.y, goal.y) - grow)
        let hi = Point(max(start.x, goal.x) + grow, max(start.y, goal.y) + grow)
        let near = obstacles.indices.filter { i in
            boxes[i].0 < hi.x && boxes[i].2 > lo.x && boxes[i].1 < hi.y && boxes[i].3 > lo.y
        }
        if near.count < obstacles.count, let path = route(from: a, to: b, among: near) { return path }
        return route(from: a, to: b, among: Array(obstacles.indices))
    }

    /// The shortest path with the vertices of the obstacles `among` (visibility is still
    /// tested against every obstacle).
    private func route(from a: Int, to b: Int, among: [Int]) -> [Point]? {
        let start = outlines[a].center, goal = outlines[b].center
        // Vertices: start, goal, then every obstacle vertex not inside another obstacle.
        var vertices = [start, goal]
        for i in among where i != a && i != b {
            let poly = obstacles[i]
            for v in poly {
                var free = true
                for (j, other) in obstacles.enumerated() where j != i && j != a && j != b {
                    let bx = boxes[j]
                    if v.x > bx.0 && v.x < bx.2 && v.y > bx.1 && v.y < bx.3 && Self.inside(v, convex: other) {
                        free = false; break
                    }
                }
                if free { vertices.append(v) }
            }
        }
        let n = vertices.count
        var dist = [Double](repeating: .infinity, count: n)
        var previous = [Int](repeating: -1, count: n)
        var closed = [Bool](repeating: false, count: n)
        dist[0] = 0
        while true {
            // The open vertex with the least f = g + h (n is small: a linear scan).
            var u = -1, best = Double.infinity
            for i in 0..<n where !closed[i] && dist[i] < .infinity {
                let f = dist[i] + vertices[i].distance(to: goal)
                if f < best { best = f; u = i }
            }
            guard u >= 0 else { return nil }
            if u == 1 { break }
            closed[u] = true
            for w in 0..<n where !closed[w] {
                let d = dist[u] + vertices[u].distance(to: vertices[w])
                if d < dist[w] && visible(vertices[u], vertices[w], except: a, b) {
                    dist[w] = d; previous[w] = u
                }
            }
        }
        var path: [Point] = []
        var v = 1
        while v >= 0 { path.append(vertices[v]); v = previous[v] }
        return path.reversed()
    }

    /// Whether `p` is strictly inside a convex counter-clockwise polygon.
    static func inside(_ p: Point, convex poly: [Point]) -> Bool {
        for i in 0..<poly.count {
            let a = poly[i], b = poly[(i + 1) % poly.count]
            if (b.x - a.x) * (p.y - a.y) - (b.y - a.y) * (p.x - a.x) <= 1e-9 { return false }
        }
        return true
    }

    /// Where the segment from `inside` (in the outline) to `outside` leaves the outline
    /// (bisection to 0.01 pt).
    static func exit(_ o: NodeOutline, from inside: Point, to outside: Point) -> Point {
        var lo = 0.0, hi = 1.0
        let d = outside - inside
        guard o.contains(inside) else { return inside }
        for _ in 0..<40 {
            let mid = (lo + hi) / 2
            if o.contains(inside + d * mid) { lo = mid } else { hi = mid }
            if (hi - lo) * (d.x.magnitude + d.y.magnitude) < 0.01 { break }
        }
        return inside + d * hi
    }

    /// A Graphviz edge `pos` for a polyline from centre to centre: clipped at both nodes'
    /// outlines, each straight piece a cubic Bézier, with an arrowhead of `arrowLength` points
    /// at the head (`e,x,y`) and/or at the tail (`s,x,y`).
    func pos(path: [Point], from a: Int, to b: Int, arrowAtHead: Bool, arrowAtTail: Bool,
             arrowLength: Double) -> String {
        var p = path
        p[0] = Self.exit(outlines[a], from: p[0], to: p[1])
        p[p.count - 1] = Self.exit(outlines[b], from: p[p.count - 1], to: p[p.count - 2])
        var prefix = ""
        func back(_ tip: Point, toward q: Point) -> Point {
            let d = q - tip
            let len = (d.x * d.x + d.y * d.y).squareRoot()
            guard len > arrowLength else { return tip }
            return tip + d * (arrowLength / len)
        }
        if arrowAtTail {
            let tip = p[0]
            prefix += "s,\(Self.format(tip.x)),\(Self.format(tip.y)) "
            p[0] = back(tip, toward: p[1])
        }
        if arrowAtHead {
            let tip = p[p.count - 1]
            prefix += "e,\(Self.format(tip.x)),\(Self.format(tip.y)) "
            p[p.count - 1] = back(tip, toward: p[p.count - 2])
        }
        var points = [p[0]]
        for i in 1..<p.count {
            let u = p[i - 1], v = p[i]
            points += [u + (v - u) * (1.0 / 3), u + (v - u) * (2.0 / 3), v]
        }
        return prefix + points.map { "\(Self.format($0.x)),\(Self.format($0.y))" }.joined(separator: " ")
    }

    static func format(_ x: Double) -> String {
        let r = (x * 100).rounded() / 100
        return r == r.rounded() ? String(Int(r)) : String(r)
    }
}
