/// Which DOT attributes make Graphviz read local files, for refusing them in untrusted input.
///
/// Graphviz opens files named by `image` (node images), `shapefile` (custom and `epsf`
/// shapes), `<IMG SRC=…>` in HTML-like labels, font files named by a path in `fontname` /
/// `labelfontname` (the gd renderer), and searches the folders of `imagepath` and `fontpath`;
/// `_background` may draw images too. `fontnames` only chooses how SVG names fonts, and
/// `stylesheet` / `URL` / `href` are only copied into the output, so they are allowed.
enum FileReferencePolicy {
    /// Attributes refused whatever their value.
    static let fileAttributes: Set<String> = ["image", "shapefile", "imagepath", "fontpath", "_background"]
    /// Attributes refused when the value is a path (contains `/`).
    static let fontAttributes: Set<String> = ["fontname", "labelfontname"]

    /// Why an attribute value would make Graphviz read a local file, or nil when it would not.
    /// - Complexity: O(value length).
    static func refusal(attribute name: String, value: [UInt8], isHTML: Bool) -> String? {
        if fileAttributes.contains(name) {
            return "the attribute \(name) makes Graphviz read local files"
        }
        if fontAttributes.contains(name) && value.contains(UInt8(ascii: "/")) {
            return "the attribute \(name) names a font file by its path"
        }
        if isHTML && containsImageTag(value) {
            return "the HTML-like label of \(name) has an <IMG> element, which reads a local file"
        }
        return nil
    }

    /// Whether HTML bytes contain `<img` in any case.
    static func containsImageTag(_ b: [UInt8]) -> Bool {
        guard b.count >= 4 else { return false }
        for i in 0..<(b.count - 3) where b[i] == UInt8(ascii: "<") {
            if b[i + 1] | 0x20 == UInt8(ascii: "i") && b[i + 2] | 0x20 == UInt8(ascii: "m")
                && b[i + 3] | 0x20 == UInt8(ascii: "g") { return true }
        }
        return false
    }

    /// The byte offset of the first `name =` in a DOT text (a best guess at where an attribute
    /// is set, for the error's line and column), or nil.
    /// - Complexity: O(text length).
    static func offset(of name: String, in text: [UInt8], html: Bool) -> Int? {
        let key = html ? Array("<img".utf8) : Array(name.utf8)
        guard !key.isEmpty, text.count >= key.count else { return nil }
        var i = 0
        while i + key.count <= text.count {
            var match = true
            for k in 0..<key.count where text[i + k] | (html ? 0x20 : 0) != key[k] { match = false; break }
            if match {
                if html { return i }
                let before = i == 0 ? UInt8(ascii: " ") : text[i - 1]
                var j = i + key.count
                while j < text.count && (text[j] == 32 || text[j] == 9) { j += 1 }
                let isWord = before == UInt8(ascii: "_") || (before | 0x20 >= 97 && before | 0x20 <= 122)
                    || (before >= 48 && before <= 57)
                if !isWord && j < text.count && text[j] == UInt8(ascii: "=") { return i }
            }
            i += 1
        }
        return nil
    }
}
