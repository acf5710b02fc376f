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

    /// A label broken into lines of at most `width` characters at word boundaries (greedy),
    /// never cut: a word longer than `width` stays whole on its own line. Line breaks, tabs and
    /// runs of spaces in the text count as one space.
    ///
    /// ```swift
    /// DOTText.wrap("Centre communal d'action sociale de Chalon", width: 14)
    /// // "Centre\ncommunal\nd'action\nsociale de\nChalon"
    /// ```
    /// - Complexity: O(length).
    static func wrap(_ s: String, width: Int) -> String {
        let words = s.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\r" || $0 == "\t" })
        var lines: [String] = []
        var line = ""
        for word in words {
            if line.isEmpty {
                line = String(word)
            } else if line.count + 1 + word.count <= width {
                line += " " + word
            } else {
                lines.append(line)
                line = String(word)
            }
        }
        if !line.isEmpty { lines.append(line) }
        return lines.joined(separator: "\n")
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
