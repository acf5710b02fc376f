/// XML/HTML character references in GML strings (and igraph's Pajek labels): `&#1234;`,
/// `&#x4D2;`, and the named entities of XML and ISO 8859-1 (`&quot;`, `&amp;`, `&auml;` …), as
/// the GML spec (Himsolt 1996, §2.3) and networkx's `escape`/`unescape` use them.
///
/// ```swift
/// CharacterReferences.decode("Caf&#233; &quot;X&quot;")   // "Café \"X\""
/// CharacterReferences.encode("Café \"X\"")                 // "Caf&#233; &#34;X&#34;"
/// ```
///
/// Written by hand: Foundation on Linux has no HTML entity decoder, and XMLParser would need the
/// text wrapped in a document.
enum CharacterReferences {
    /// Replaces character references by their characters; an unknown name or a code point that
    /// is not a Unicode scalar is left as written (as networkx does).
    /// - Complexity: O(length).
    static func decode(_ s: String) -> String {
        guard s.utf8.contains(UInt8(ascii: "&")) else { return s }
        var out = ""
        out.reserveCapacity(s.utf8.count)
        var rest = s[...]
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            let after = rest[rest.index(after: amp)...]
            guard let semi = after.prefix(12).firstIndex(of: ";") else {
                out += "&"; rest = after; continue
            }
            let name = after[..<semi]
            if let scalar = scalar(named: name) {
                out.unicodeScalars.append(scalar)
                rest = after[after.index(after: semi)...]
            } else {
                out += "&"; rest = after
            }
        }
        out += rest
        return out
    }

    /// The scalar of a reference's name (`#233`, `#xE9`, `eacute`), nil when unknown.
    static func scalar(named name: Substring) -> Unicode.Scalar? {
        if name.first == "#" {
            let digits = name.dropFirst()
            let code: UInt32?
            if digits.first == "x" || digits.first == "X" { code = UInt32(digits.dropFirst(), radix: 16) }
            else { code = UInt32(digits) }
            return code.flatMap(Unicode.Scalar.init)
        }
        switch name {
        case "quot": return "\""
        case "amp": return "&"
        case "apos": return "'"
        case "lt": return "<"
        case "gt": return ">"
        default:
            if let i = latin1Names.firstIndex(of: String(name)) { return Unicode.Scalar(UInt8(160 + i)) }
            return nil
        }
    }

    /// The HTML 4 names of U+00A0 … U+00FF, in order.
    static let latin1Names: [String] = """
        nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr deg plusmn \
        sup2 sup3 acute micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest Agrave \
        Aacute Acirc Atilde Auml Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml \
        ETH Ntilde Ograve Oacute Ocirc Otilde Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN \
        szlig agrave aacute acirc atilde auml aring aelig ccedil egrave eacute ecirc euml igrave iacute \
        icirc iuml eth ntilde ograve oacute ocirc otilde ouml divide oslash ugrave uacute ucirc uuml \
        yacute thorn yuml
        """.split(separator: " ").map(String.init)

    /// Writes `s` as printable ASCII: every character outside `' '…'~'`, and `&` and `"`,
    /// becomes `&#N;` (networkx's `escape`), so the result fits in a GML or Pajek string.
    /// - Complexity: O(length).
    static func encode(_ s: String, into w: inout ByteWriter) {
        for u in s.unicodeScalars {
            let v = u.value
            if v >= 0x20 && v <= 0x7E && v != 0x22 && v != 0x26 {
                w.write(byte: UInt8(v))
            } else {
                w.write("&#")
                w.write(int: Int(v))
                w.write(byte: UInt8(ascii: ";"))
            }
        }
    }
}
