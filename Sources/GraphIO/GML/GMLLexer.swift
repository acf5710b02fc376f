/// A GML token: its kind and byte range in the source.
struct GMLToken: Sendable {
    enum Kind: Sendable, Equatable {
        /// `[A-Za-z_][A-Za-z0-9_]*` (networkx allows `_` after the first letter; we also accept it first).
        case key
        case integer(Int)
        case real(Double)
        /// A quoted string; the range includes the quotes.
        case string
        case open
        case close
        case end
    }
    var kind: Kind
    var start: Int
    var end: Int
}

/// Splits GML text into tokens (Himsolt's GML spec, with networkx's extensions: reals in
/// exponent form, `NAN`, `INF`, `+INF`, `-INF`).
///
/// Written by hand: no package on the machine reads GML, and errors need line and column.
struct GMLLexer {
    let source: SourceText
    private(set) var position = 0

    init(_ source: SourceText) { self.source = source }

    private static func isLetter(_ c: UInt8) -> Bool { (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A }
    private static func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }
    private static func isKeyByte(_ c: UInt8) -> Bool { isLetter(c) || isDigit(c) || c == 0x5F }

    /// The text of a token's range.
    func text(_ t: GMLToken) -> String {
        String(decoding: source.bytes[t.start..<t.end], as: UTF8.self)
    }

    /// The content of a string token, character references decoded.
    func stringValue(_ t: GMLToken) -> String {
        CharacterReferences.decode(String(decoding: source.bytes[(t.start + 1)..<(t.end - 1)], as: UTF8.self))
    }

    /// Whether a key token spells `word`.
    func keyIs(_ t: GMLToken, _ word: StaticString) -> Bool {
        guard t.end - t.start == word.utf8CodeUnitCount else { return false }
        return word.withUTF8Buffer { w in
            for k in 0..<w.count where source.bytes[t.start + k] != w[k] { return false }
            return true
        }
    }

    /// The next token.
    /// - Complexity: O(length of the token and the whitespace before it).
    mutating func next() throws(GraphIOError) -> GMLToken {
        let b = source.bytes
        let n = b.count
        // Whitespace and `#` comments.
        while position < n {
            let c = b[position]
            if c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D || c == 0x0C || c == 0x0B {
                position += 1
            } else if c == 0x23 {
                while position < n && b[position] != 0x0A { position += 1 }
            } else {
                break
            }
        }
        let start = position
        guard position < n else { return GMLToken(kind: .end, start: n, end: n) }
        let c = b[position]
        switch c {
        case 0x5B:
            position += 1
            return GMLToken(kind: .open, start: start, end: position)
        case 0x5D:
            position += 1
            return GMLToken(kind: .close, start: start, end: position)
        case 0x22:
            position += 1
            while position < n && b[position] != 0x22 { position += 1 }
            guard position < n else {
                throw source.error(at: start, "this string is never closed: unexpected end of file; expected a closing quote '\"'")
            }
            position += 1
            return GMLToken(kind: .string, start: start, end: position)
        default:
            break
        }
        if GMLLexer.isLetter(c) || c == 0x5F {
            while position < n && GMLLexer.isKeyByte(b[position]) { position += 1 }
            return GMLToken(kind: .key, start: start, end: position)
        }
        if GMLLexer.isDigit(c) || c == 0x2B || c == 0x2D || c == 0x2E {
            return try number(from: start)
        }
        throw source.error(at: start, "unexpected \(GraphIOError.quote(bytes: b[start..<min(n, start + 1)])); expected a key, a number, a string, '[' or ']'")
    }

    /// A number: `[+-]digits`, `[+-]digits.digits[e[+-]digits]`, `[+-]INF`.
    private mutating func number(from start: Int) throws(GraphIOError) -> GMLToken {
        let b = source.bytes
        let n = b.count
        var i = start
        if b[i] == 0x2B || b[i] == 0x2D { i += 1 }
        // networkx writes infinity as `+INF` / `-INF`.
        if i + 3 <= n && (b[i] | 0x20) == 0x69 && (b[i + 1] | 0x20) == 0x6E && (b[i + 2] | 0x20) == 0x66
            && (i + 3 == n || !GMLLexer.isKeyByte(b[i + 3])) {
            position = i + 3
            return GMLToken(kind: .real(b[start] == 0x2D ? -.infinity : .infinity), start: start, end: position)
        }
        var digits = 0, isReal = false
        while i < n && GMLLexer.isDigit(b[i]) { i += 1; digits += 1 }
        if i < n && b[i] == 0x2E {
            isReal = true
            i += 1
            while i < n && GMLLexer.isDigit(b[i]) { i += 1; digits += 1 }
        }
        if digits > 0 && i < n && (b[i] | 0x20) == 0x65 {
            var j = i + 1
            if j < n && (b[j] == 0x2B || b[j] == 0x2D) { j += 1 }
            let expStart = j
            while j < n && GMLLexer.isDigit(b[j]) { j += 1 }
            if j > expStart { isReal = true; i = j }
        }
        if digits == 0 || (i < n && (GMLLexer.isKeyByte(b[i]) || b[i] == 0x2E)) {
            var e = i
            while e < n && (GMLLexer.isKeyByte(b[e]) || b[e] == 0x2E || b[e] == 0x2B || b[e] == 0x2D) { e += 1 }
            throw source.error(at: start, "\(GraphIOError.quote(bytes: b[start..<max(e, start + 1)])) is not a number; expected an integer like 12 or a real like 1.5")
        }
        position = i
        let text = String(decoding: b[start..<i], as: UTF8.self)
        if !isReal, let v = Int(text) {
            return GMLToken(kind: .integer(v), start: start, end: i)
        }
        // Reals, and integers too long for 64 bits.
        guard let d = Double(text) else {
            throw source.error(at: start, "\(GraphIOError.quote(text)) is not a number")
        }
        return GMLToken(kind: .real(d), start: start, end: i)
    }
}
