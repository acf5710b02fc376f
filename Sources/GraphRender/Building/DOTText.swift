import GraphIO

/// Text helpers for the DOT that GraphRender builds.
enum DOTText {
    /// A CSS class token: lowercase letters, digits, `-` and `_`; anything else becomes `-`.
    ///
    /// ```swift
    /// DOTText.cssClass("Pôle emploi")   // "p-le-emploi"
    /// ```
    static func cssClass(_ s: String) -> String {
        var out = ""
        for c in s.unicodeScalars {
            switch c {
            case "a"..."z", "0"..."9", "-", "_": out.unicodeScalars.append(c)
            case "A"..."Z": out.unicodeScalars.append(Unicode.Scalar(c.value + 32)!)
            default: out.append("-")
            }
        }
        if out.isEmpty || out.first!.isNumber { out = "x" + out }
        return out
    }

    /// Text escaped for Graphviz HTML-like labels (XML character data).
    static func html(_ s: String) -> String {
        var out = ""
        for c in s.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\n": out += "<BR/>"
            case "\r", "\0": break
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }

    /// A label cut to at most `max` characters (at a word boundary when one is near; an
    /// ellipsis ends a cut label) and, when longer than
    /// `wrap`, broken at the space nearest its middle.
    static func shorten(_ s: String, max: Int, wrap: Int) -> String {
        var t = s.split(whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == "\t" }).joined(separator: " ")
        if t.count > max && max > 1 {
            // Cut at the last word boundary when it is near the end, else inside the word.
            var cut = String(t.prefix(max - 1))
            if let space = cut.lastIndex(of: " "), cut.distance(from: space, to: cut.endIndex) <= 10,
               space > cut.startIndex {
                cut = String(cut[..<space])
            }
            t = cut.trimmingCharacters() + "…"
        }
        guard t.count > wrap else { return t }
        let chars = Array(t)
        let mid = chars.count / 2
        var best: Int? = nil
        for (i, c) in chars.enumerated() where c == " " {
            if best == nil || abs(i - mid) < abs(best! - mid) { best = i }
        }
        guard let b = best else { return t }
        return String(chars[..<b]) + "\n" + String(chars[(b + 1)...])
    }

    /// A number in a legend: at most three significant digits, no exponent.
    static func number(_ x: Double) -> String {
        guard x.isFinite else { return x.isNaN ? "–" : (x > 0 ? "∞" : "−∞") }
        let a = abs(x)
        if a >= 100 || x == x.rounded() { return String(Int(x.rounded())) }
        let decimals = a >= 10 ? 1 : a >= 1 ? 2 : 3
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let r = (x * scale).rounded() / scale
        var s = String(r)
        if s.contains("e") { return String(Int(x.rounded())) }
        while s.contains(".") && (s.hasSuffix("0") || s.hasSuffix(".")) { s.removeLast() }
        return s
    }

    /// An inch dimension for DOT.
    static func inches(_ x: Double) -> String { number((x * 1000).rounded() / 1000) }

    static func quote(_ s: String) -> String { DOTWriter.quote(s) }
    static func quoteLabel(_ s: String) -> String { DOTWriter.quoteLabel(s) }
}
