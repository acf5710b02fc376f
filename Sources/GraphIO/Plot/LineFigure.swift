/// Line charts with confidence bands as a standalone SVG: one or more panels side by side
/// sharing a legend, axes with round ticks, a title and a caption. Written by hand: no Swift
/// plotting package is available on Linux, and the output must not need network access.
///
/// ```swift
/// var f = LineFigure(title: "Adoption by organization", xLabel: "step", yLabel: "share")
/// f.panels = [.init(title: "IC", series: [.init(name: "cg71", points: [(0, 0, nil, nil), (1, 0.3, 0.2, 0.4)])])]
/// let svg = f.svg()
/// ```
public struct LineFigure: Sendable {
    public struct Point: Sendable {
        public var x: Double, y: Double, low: Double?, high: Double?
        public init(_ x: Double, _ y: Double, _ low: Double? = nil, _ high: Double? = nil) {
            self.x = x; self.y = y; self.low = low; self.high = high
        }
    }
    public struct Series: Sendable {
        public var name: String
        public var points: [Point]
        public init(name: String, points: [Point]) { self.name = name; self.points = points }
    }
    /// A vertical line across a panel at `x`, with a short label (an event: the collective's end).
    public struct Marker: Sendable, Hashable {
        public var x: Double
        public var label: String
        public init(x: Double, label: String) { self.x = x; self.label = label }
    }
    public struct Panel: Sendable {
        public var title: String
        public var series: [Series]
        public var markers: [Marker]
        public init(title: String, series: [Series], markers: [Marker] = []) {
            self.title = title; self.series = series; self.markers = markers
        }
    }

    public var title: String
    public var caption: String
    public var xLabel: String
    public var yLabel: String
    public var panels: [Panel] = []
    /// Fixed y range (nil: from the data, starting at 0).
    public var yRange: ClosedRange<Double>?

    public init(title: String, caption: String = "", xLabel: String, yLabel: String, yRange: ClosedRange<Double>? = nil) {
        self.title = title; self.caption = caption; self.xLabel = xLabel; self.yLabel = yLabel; self.yRange = yRange
    }

    /// Okabe and Ito's colour-blind-safe palette (yellow left out: too pale on white); series
    /// beyond it cycle with dashes.
    static let palette = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#56B4E9", "#E69F00", "#000000"]
    static let dashes = ["", "6,3", "2,3", "8,3,2,3"]

    /// Round tick values covering `lo…hi` (steps of 1, 2 or 5 × 10^k).
    static func ticks(_ lo: Double, _ hi: Double, count: Int = 5) -> [Double] {
        guard hi > lo else { return [lo] }
        let raw = (hi - lo) / Double(count)
        var mag = 1.0
        while mag * 10 <= raw { mag *= 10 }
        while mag > raw { mag /= 10 }
        let step = [1.0, 2, 5, 10].map { $0 * mag }.first { $0 >= raw } ?? 10 * mag
        var t = (lo / step).rounded(.up) * step
        var out: [Double] = []
        while t <= hi + step * 1e-9 { out.append(abs(t) < step * 1e-9 ? 0 : t); t += step }
        return out
    }

    static func label(_ v: Double) -> String {
        if v == v.rounded() && abs(v) < 1e9 { return String(Int(v)) }
        var s = String((v * 1000).rounded() / 1000)
        if s.hasPrefix("0.") { s = String(s) }
        return s
    }

    static func escape(_ s: String) -> String {
        var o = ""
        for c in s.unicodeScalars {
            switch c {
            case "&": o += "&amp;"
            case "<": o += "&lt;"
            case ">": o += "&gt;"
            case "\"": o += "&quot;"
            default: o.unicodeScalars.append(c)
            }
        }
        return o
    }

    static func f(_ x: Double) -> String { String((x * 10).rounded() / 10) }

    /// `text` broken at spaces into lines of at most `width` characters (a longer word is cut
    /// only when it alone exceeds the width), so that no legend entry or caption is truncated.
    /// - Complexity: O(characters).
    static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            var w = Substring(word)
            while w.count > width {
                if !line.isEmpty { lines.append(line); line = "" }
                lines.append(String(w.prefix(width)))
                w = w.dropFirst(width)
            }
            if line.isEmpty { line = String(w) }
            else if line.count + 1 + w.count <= width { line += " " + w }
            else { lines.append(line); line = String(w) }
        }
        if !line.isEmpty || lines.isEmpty { lines.append(line) }
        return lines
    }

    /// Characters per legend line.
    static let legendChars = 34

    /// The figure as SVG bytes.
    public func svg(panelWidth: Double = 420, panelHeight: Double = 300) -> [UInt8] {
        let names = panels.flatMap { $0.series.map(\.name) }.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        let legendLines = names.map { Self.wrap($0, width: Self.legendChars) }
        let legendWidth = 44 + Double(legendLines.flatMap { $0 }.map(\.count).max() ?? 0) * 6.6
        let left = 64.0, right = 30.0
        // Panel titles wrap to their panel's width (13 px bold: about 7.4 px a character).
        let titleLines = panels.map { Self.wrap($0.title, width: max(20, Int((panelWidth + right - 8) / 7.4))) }
        let top = 64.0 + 16 * Double((titleLines.map(\.count).max() ?? 1) - 1)
        let cols = max(1, panels.count)
        let width = left + Double(cols) * (panelWidth + right) + legendWidth
        // The caption wraps to the figure's width (11 px text: about 5.8 px a character).
        let captionLines = caption.isEmpty ? [] : Self.wrap(caption, width: max(40, Int((width - left - 10) / 5.8)))
        let bottom = 56.0 + (captionLines.isEmpty ? 0 : 6 + 14 * Double(captionLines.count))
        let legendHeight = 8 + Double(legendLines.reduce(0) { $0 + $1.count }) * 15 + Double(names.count) * 5
        let height = top + max(panelHeight, legendHeight) + bottom
        var xs: [Double] = [], ys: [Double] = [0]
        for p in panels { for s in p.series { for pt in s.points { xs.append(pt.x); ys.append(pt.high ?? pt.y); ys.append(pt.low ?? pt.y) } } }
        let x0 = xs.min() ?? 0, x1 = max(xs.max() ?? 1, x0 + 1)
        let yr = yRange ?? (0...max(ys.max() ?? 1, 1e-9))
        var o = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        o += "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Self.f(width))\" height=\"\(Self.f(height))\" viewBox=\"0 0 \(Self.f(width)) \(Self.f(height))\" font-family=\"Liberation Sans, Arial, Helvetica, sans-serif\" font-size=\"12\">\n"
        o += "<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n"
        o += "<text x=\"\(Self.f(left))\" y=\"26\" font-size=\"17\" font-weight=\"bold\">\(Self.escape(title))</text>\n"
        for (pi, panel) in panels.enumerated() {
            let px = left + Double(pi) * (panelWidth + right)
            func sx(_ x: Double) -> Double { px + (x - x0) / (x1 - x0) * panelWidth }
            func sy(_ y: Double) -> Double { top + panelHeight - (y - yr.lowerBound) / max(1e-12, yr.upperBound - yr.lowerBound) * panelHeight }
            o += "<g class=\"panel\" id=\"panel-\(pi)\">\n"
            let lines = titleLines[pi]
            o += "<text class=\"panel-title\" x=\"\(Self.f(px))\" y=\"\(Self.f(top - 12 - 16 * Double(lines.count - 1)))\" font-size=\"13\" font-weight=\"bold\">"
            for (i, line) in lines.enumerated() {
                o += "<tspan x=\"\(Self.f(px))\"\(i == 0 ? "" : " dy=\"16\"")>\(Self.escape(line))</tspan>"
            }
            o += "</text>\n"
            for t in Self.ticks(yr.lowerBound, yr.upperBound) {
                let y = sy(t)
                o += "<line x1=\"\(Self.f(px))\" x2=\"\(Self.f(px + panelWidth))\" y1=\"\(Self.f(y))\" y2=\"\(Self.f(y))\" stroke=\"#e5e5e5\"/>\n"
                if pi == 0 { o += "<text x=\"\(Self.f(px - 6))\" y=\"\(Self.f(y + 4))\" text-anchor=\"end\" fill=\"#333\">\(Self.label(t))</text>\n" }
            }
            for t in Self.ticks(x0, x1, count: 6) {
                let x = sx(t)
                o += "<line x1=\"\(Self.f(x))\" x2=\"\(Self.f(x))\" y1=\"\(Self.f(top + panelHeight))\" y2=\"\(Self.f(top + panelHeight + 4))\" stroke=\"#333\"/>\n"
                o += "<text x=\"\(Self.f(x))\" y=\"\(Self.f(top + panelHeight + 18))\" text-anchor=\"middle\" fill=\"#333\">\(Self.label(t))</text>\n"
            }
            o += "<rect x=\"\(Self.f(px))\" y=\"\(Self.f(top))\" width=\"\(Self.f(panelWidth))\" height=\"\(Self.f(panelHeight))\" fill=\"none\" stroke=\"#333\"/>\n"
            for s in panel.series {
                let k = names.firstIndex(of: s.name) ?? 0
                let colour = Self.palette[k % Self.palette.count]
                let dash = Self.dashes[(k / Self.palette.count) % Self.dashes.count]
                let band = s.points.filter { $0.low != nil && $0.high != nil }
                if band.count > 1 {
                    let upper = band.map { "\(Self.f(sx($0.x))),\(Self.f(sy($0.high!)))" }
                    let lower = band.reversed().map { "\(Self.f(sx($0.x))),\(Self.f(sy($0.low!)))" }
                    o += "<polygon class=\"band\" points=\"\((upper + lower).joined(separator: " "))\" fill=\"\(colour)\" fill-opacity=\"0.15\" stroke=\"none\"/>\n"
                }
                let line = s.points.map { "\(Self.f(sx($0.x))),\(Self.f(sy($0.y)))" }.joined(separator: " ")
                o += "<polyline class=\"series\" data-series=\"\(Self.escape(s.name))\" points=\"\(line)\" fill=\"none\" stroke=\"\(colour)\" stroke-width=\"2\"\(dash.isEmpty ? "" : " stroke-dasharray=\"\(dash)\"")/>\n"
            }
            for m in panel.markers where m.x >= x0 && m.x <= x1 {
                let x = sx(m.x)
                o += "<line class=\"marker\" x1=\"\(Self.f(x))\" x2=\"\(Self.f(x))\" y1=\"\(Self.f(top))\" y2=\"\(Self.f(top + panelHeight))\" stroke=\"#555\" stroke-dasharray=\"4,3\"/>\n"
                // Right of the line, or left of it when the label would leave the panel.
                let fits = x + 4 + Double(m.label.count) * 5.8 <= px + panelWidth
                o += "<text class=\"marker-label\" x=\"\(Self.f(fits ? x + 4 : x - 4))\" y=\"\(Self.f(top + 14))\"\(fits ? "" : " text-anchor=\"end\"") fill=\"#555\" font-size=\"11\">\(Self.escape(m.label))</text>\n"
            }
            o += "<text x=\"\(Self.f(px + panelWidth / 2))\" y=\"\(Self.f(top + panelHeight + 38))\" text-anchor=\"middle\">\(Self.escape(xLabel))</text>\n"
            o += "</g>\n"
        }
        let ly = top + panelHeight / 2
        o += "<text transform=\"translate(18,\(Self.f(ly))) rotate(-90)\" text-anchor=\"middle\">\(Self.escape(yLabel))</text>\n"
        let lx = left + Double(cols) * (panelWidth + right) + 8
        o += "<g class=\"legend\">\n"
        var y = top + 8
        for (k, name) in names.enumerated() {
            defer { y += Double(legendLines[k].count) * 15 + 5 }
            let colour = Self.palette[k % Self.palette.count]
            let dash = Self.dashes[(k / Self.palette.count) % Self.dashes.count]
            o += "<line x1=\"\(Self.f(lx))\" x2=\"\(Self.f(lx + 22))\" y1=\"\(Self.f(y))\" y2=\"\(Self.f(y))\" stroke=\"\(colour)\" stroke-width=\"2\"\(dash.isEmpty ? "" : " stroke-dasharray=\"\(dash)\"")/>\n"
            o += "<text x=\"\(Self.f(lx + 28))\" y=\"\(Self.f(y + 4))\"><title>\(Self.escape(name))</title>"
            for (i, line) in legendLines[k].enumerated() {
                o += "<tspan x=\"\(Self.f(lx + 28))\"\(i == 0 ? "" : " dy=\"15\"")>\(Self.escape(line))</tspan>"
            }
            o += "</text>\n"
        }
        o += "</g>\n"
        for (i, line) in captionLines.enumerated() {
            let y = height - 12 - 14 * Double(captionLines.count - 1 - i)
            o += "<text class=\"caption\" x=\"\(Self.f(left))\" y=\"\(Self.f(y))\" fill=\"#555\" font-size=\"11\">\(Self.escape(line))</text>\n"
        }
        o += "</svg>\n"
        return Array(o.utf8)
    }
}
