import GraphIO

/// Removes from an SVG everything that could run or fetch something when the SVG is opened in
/// a browser, inlined in a web page (the diffusion player) or embedded: what untrusted DOT can
/// smuggle through Graphviz (`URL`/`href` attributes, an HTML label's `HREF` or `FACE`, a
/// `stylesheet` attribute).
///
/// - Elements removed with their content: `script`, `style`, `foreignObject`, `iframe`,
///   `object`, `embed`, `handler`, `listener`, and the animation elements (`animate`, `set`,
///   `animateMotion`, `animateTransform`, which can rewrite an `href`).
/// - Processing instructions other than `<?xml …?>` (`<?xml-stylesheet …?>`) are removed.
/// - Attributes removed: every `on…` event handler; `href`/`xlink:href` unless it points inside
///   the document (`#…`), or links are allowed and its scheme is `http`, `https` or `mailto`
///   (an `<image>` never keeps an outside reference); a `style` holding `url(`, `expression(`,
///   `@import` or `javascript:`.
///
/// Everything else is copied byte for byte: an SVG with nothing to remove comes out identical
/// (the same bytes as `dot -Tsvg`). Attribute values keep Graphviz's XML escaping.
///
/// Written by hand because the SVG is Graphviz's output, a few tags per node, and the only
/// XML tool here (GraphIO's reader) builds no tree and cannot re-emit; this scanner copies
/// ranges and drops the ones that must go.
/// - Complexity: O(bytes).
public enum SVGSanitizer {
    /// What was removed, for a note.
    public struct Report: Sendable, Hashable {
        public var elements = 0
        public var attributes = 0
        public var instructions = 0
        /// Kept links whose value had to be escaped.
        public var escaped = 0
        public var isEmpty: Bool { elements == 0 && attributes == 0 && instructions == 0 && escaped == 0 }
    }

    static let droppedElements: Set<String> = [
        "script", "style", "foreignobject", "iframe", "object", "embed", "handler", "listener",
        "animate", "set", "animatemotion", "animatetransform", "animatecolor",
    ]

    /// The sanitized SVG and what was removed.
    /// - Parameter allowLinks: keep `http(s)`/`mailto` links (`--allow-links`).
    /// - Throws: ``RenderError`` (`.badInput`) when the bytes are not well-formed enough to be
    ///   checked (an unterminated tag, comment or quote): such output is never written.
    public static func sanitize(_ svg: [UInt8], allowLinks: Bool = false, name: String = "diagram") throws(RenderError) -> ([UInt8], Report) {
        var out: [UInt8] = []
        out.reserveCapacity(svg.count)
        var report = Report()
        let n = svg.count
        var i = 0
        var skipDepth = 0   // > 0: inside a removed element
        func bad(_ what: String) -> RenderError {
            RenderError(.badInput, source: name, "the SVG Graphviz produced is not well-formed (\(what)); it is not written")
        }
        func find(_ lit: [UInt8], from: Int) -> Int? {
            guard lit.count <= n else { return nil }
            var k = from
            while k + lit.count <= n {
                var m = 0
                while m < lit.count && svg[k + m] == lit[m] { m += 1 }
                if m == lit.count { return k }
                k += 1
            }
            return nil
        }
        while i < n {
            guard svg[i] == 0x3C else {   // text
                var k = i
                while k < n && svg[k] != 0x3C { k += 1 }
                if skipDepth == 0 { out += svg[i..<k] }
                i = k
                continue
            }
            if svg[i...].starts(with: Array("<!--".utf8)) {
                guard let e = find(Array("-->".utf8), from: i + 4) else { throw bad("a comment without -->") }
                if skipDepth == 0 { out += svg[i..<(e + 3)] }
                i = e + 3
                continue
            }
            if svg[i...].starts(with: Array("<![CDATA[".utf8)) {
                guard let e = find(Array("]]>".utf8), from: i + 9) else { throw bad("a CDATA section without ]]>") }
                if skipDepth == 0 { out += svg[i..<(e + 3)] }
                i = e + 3
                continue
            }
            if svg[i...].starts(with: Array("<?".utf8)) {
                guard let e = find(Array("?>".utf8), from: i + 2) else { throw bad("a processing instruction without ?>") }
                let isDeclaration = svg[i...].starts(with: Array("<?xml ".utf8)) || svg[i...].starts(with: Array("<?xml?".utf8))
                if skipDepth == 0 {
                    if isDeclaration { out += svg[i..<(e + 2)] } else { report.instructions += 1 }
                }
                i = e + 2
                continue
            }
            if svg[i...].starts(with: Array("<!".utf8)) {   // DOCTYPE: copied (browsers never fetch its DTD)
                var k = i + 2, bracket = 0, quote: UInt8 = 0
                while k < n {
                    let c = svg[k]
                    if quote != 0 { if c == quote { quote = 0 } }
                    else if c == 0x22 || c == 0x27 { quote = c }
                    else if c == 0x5B { bracket += 1 }
                    else if c == 0x5D { bracket -= 1 }
                    else if c == 0x3E && bracket <= 0 { break }
                    k += 1
                }
                guard k < n else { throw bad("a declaration without >") }
                if skipDepth == 0 { out += svg[i...k] }
                i = k + 1
                continue
            }
            // A tag: name, attributes, end.
            let end = svg[i + 1] == 0x2F
            var k = i + (end ? 2 : 1)
            let ns = k
            while k < n, !isSpace(svg[k]), svg[k] != 0x3E, svg[k] != 0x2F { k += 1 }
            let name = String(decoding: svg[ns..<k], as: UTF8.self).lowercased()
            let local = name.split(separator: ":").last.map(String.init) ?? name
            var attributes: [(start: Int, nameEnd: Int, valueStart: Int, valueEnd: Int, end: Int)] = []
            var selfClosing = false
            while true {
                let spaceStart = k
                while k < n && isSpace(svg[k]) { k += 1 }
                guard k < n else { throw bad("a tag without >") }
                if svg[k] == 0x3E { k += 1; break }
                if svg[k] == 0x2F {
                    guard k + 1 < n, svg[k + 1] == 0x3E else { throw bad("\"/\" inside a tag") }
                    selfClosing = true
                    k += 2
                    break
                }
                let an = k
                while k < n, svg[k] != 0x3D, !isSpace(svg[k]), svg[k] != 0x3E, svg[k] != 0x2F { k += 1 }
                let anEnd = k
                while k < n && isSpace(svg[k]) { k += 1 }
                guard k < n, svg[k] == 0x3D else { throw bad("an attribute without a value") }
                k += 1
                while k < n && isSpace(svg[k]) { k += 1 }
                guard k < n, svg[k] == 0x22 || svg[k] == 0x27 else { throw bad("an unquoted attribute value") }
                let q = svg[k]
                let vs = k + 1
                k = vs
                while k < n && svg[k] != q { k += 1 }
                guard k < n else { throw bad("an attribute value without its closing quote") }
                attributes.append((spaceStart, anEnd, vs, k, k + 1))
                _ = an
                k += 1
            }
            if end {
                if skipDepth > 0 {
                    skipDepth -= 1
                } else {
                    out += svg[i..<k]
                }
                i = k
                continue
            }
            if skipDepth > 0 {
                if !selfClosing { skipDepth += 1 }
                i = k
                continue
            }
            if droppedElements.contains(local) {
                report.elements += 1
                if !selfClosing { skipDepth = 1 }
                i = k
                continue
            }
            // Copy the tag without the attributes that must go.
            var cursor = i
            for a in attributes {
                var s = a.start
                while s < a.nameEnd && isSpace(svg[s]) { s += 1 }
                let attr = String(decoding: svg[s..<a.nameEnd], as: UTF8.self).lowercased()
                let value = String(decoding: svg[a.valueStart..<a.valueEnd], as: UTF8.self)
                if keep(attribute: attr, value: value, element: local, allowLinks: allowLinks) {
                    // A kept outside link is written escaped (Graphviz leaves "&" bare in URLs).
                    let l = attr.split(separator: ":").last.map(String.init) ?? attr
                    if l == "href" && !value.hasPrefix("#") {
                        let escaped = escape(unescape(value))
                        if escaped != value {
                            report.escaped += 1
                            out += svg[cursor..<a.valueStart]
                            out += Array(escaped.utf8)
                            cursor = a.valueEnd
                        }
                    }
                    continue
                }
                report.attributes += 1
                out += svg[cursor..<a.start]
                cursor = a.end
            }
            out += svg[cursor..<k]
            i = k
        }
        guard skipDepth == 0 else { throw bad("an element left open") }
        return (report.isEmpty ? svg : out, report)
    }

    static func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D }

    /// Whether an attribute may stay.
    static func keep(attribute name: String, value: String, element: String, allowLinks: Bool) -> Bool {
        let local = name.split(separator: ":").last.map(String.init) ?? name
        if local.hasPrefix("on") { return false }
        if local == "href" || local == "src" || local == "action" || local == "formaction" {
            let v = decoded(value)
            if v.hasPrefix("#") { return true }
            guard allowLinks, element != "image" else { return false }
            return v.hasPrefix("http://") || v.hasPrefix("https://") || v.hasPrefix("mailto:")
        }
        if local == "style" {
            let v = decoded(value)
            for bad in ["url(", "expression(", "@import", "javascript:"] where v.contains(bad) { return false }
        }
        return true
    }

    /// XML's five predefined references and character references decoded; anything else kept.
    static func unescape(_ value: String) -> String {
        guard value.contains("&") else { return value }
        var out = ""
        var s = Substring(value)
        while let c = s.first {
            if c == "&", let semi = s.firstIndex(of: ";"), s.distance(from: s.startIndex, to: semi) <= 10 {
                let ref = String(s[s.index(after: s.startIndex)..<semi])
                var scalar: Unicode.Scalar?
                switch ref {
                case "amp": scalar = "&"
                case "lt": scalar = "<"
                case "gt": scalar = ">"
                case "quot": scalar = "\""
                case "apos": scalar = "'"
                default:
                    if ref.hasPrefix("#x") { scalar = UInt32(ref.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init) }
                    else if ref.hasPrefix("#") { scalar = UInt32(ref.dropFirst(1)).flatMap(Unicode.Scalar.init) }
                }
                if let scalar { out.unicodeScalars.append(scalar); s = s[s.index(after: semi)...]; continue }
            }
            out.append(c)
            s = s.dropFirst()
        }
        return out
    }

    /// Text escaped for a double- or single-quoted XML attribute.
    static func escape(_ value: String) -> String {
        var out = ""
        for c in value.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }

    /// A value as a browser compares it: character references decoded, controls and spaces
    /// removed, lower case (`&#106;avascript:` is `javascript:`).
    static func decoded(_ value: String) -> String {
        var out = ""
        var s = Substring(value)
        while let c = s.first {
            if c == "&", let semi = s.firstIndex(of: ";") {
                let ref = s[s.index(after: s.startIndex)..<semi]
                var scalar: Unicode.Scalar?
                if ref.hasPrefix("#x") || ref.hasPrefix("#X") { scalar = UInt32(ref.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init) }
                else if ref.hasPrefix("#") { scalar = UInt32(ref.dropFirst(1)).flatMap(Unicode.Scalar.init) }
                else {
                    switch ref {
                    case "amp": scalar = "&"
                    case "lt": scalar = "<"
                    case "gt": scalar = ">"
                    case "quot": scalar = "\""
                    case "apos": scalar = "'"
                    case "colon": scalar = ":"
                    case "Tab", "NewLine": scalar = " "
                    default: scalar = nil
                    }
                }
                if let scalar { out.unicodeScalars.append(scalar); s = s[s.index(after: semi)...]; continue }
            }
            out.append(c)
            s = s.dropFirst()
        }
        return String(out.unicodeScalars.filter { $0.value > 0x20 }).lowercased()
    }
}
