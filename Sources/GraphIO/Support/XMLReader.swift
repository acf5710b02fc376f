import Foundation

/// Byte values of the ASCII characters XML markup uses.
enum ASCII {
    static let bang: UInt8 = 0x21
    static let amp: UInt8 = 0x26
    static let apos: UInt8 = 0x27
    static let dash: UInt8 = 0x2D
    static let dot: UInt8 = 0x2E
    static let slash: UInt8 = 0x2F
    static let colon: UInt8 = 0x3A
    static let semicolon: UInt8 = 0x3B
    static let lt: UInt8 = 0x3C
    static let equals: UInt8 = 0x3D
    static let gt: UInt8 = 0x3E
    static let question: UInt8 = 0x3F
    static let lbracket: UInt8 = 0x5B
    static let quot: UInt8 = 0x22
    static let rbracket: UInt8 = 0x5D
    static let underscore: UInt8 = 0x5F
}

/// A streaming pull tokenizer for the XML that GraphML and GEXF files are made of: start tags
/// with their attributes, end tags, text; no tree is ever built.
///
/// ```swift
/// try text.bytes.withUnsafeBufferPointer { (b) throws(GraphIOError) in
///     var xml = try XMLReader(text: text, bytes: b)
///     while true {
///         switch try xml.next() {
///         case .start: if xml.isNamed("node") { print(xml.value("id") ?? "?") }
///         case .end: break
///         case .endOfDocument: return
///         }
///     }
/// }
/// ```
///
/// Written by hand rather than on FoundationXML's `XMLParser` because, on Linux
/// (swift-corelibs-foundation 6.3), `XMLParser.parse()` returned failure
/// (`NSXMLParserErrorDomain` code 1) at the end of a valid 11 MB networkx-written GraphML file
/// after delivering every element, gives attributes as unordered `[String: String]`
/// dictionaries (an allocation per element), and reports positions only for its callbacks.
/// This reader works on the file's bytes, allocates nothing per element but the attribute
/// values a format asks for, gives every token its byte offset (so every error has a line and
/// column), and checks well-formedness: tags nest and match, attributes are quoted and not
/// repeated, references are valid, one root element, no truncation.
///
/// Security: entities are never expanded beyond the five predefined ones and character
/// references. A `<!DOCTYPE …>` is skipped without being read, and one that declares an
/// `<!ENTITY` is rejected, so no input can make Interstice read another file or expand a
/// "billion laughs".
///
/// Input must be UTF-8 (or ASCII): the reader checks the whole text first, and rejects
/// invalid UTF-8, control bytes (binary data), UTF-16 and declared encodings other than
/// UTF-8 that are not plain ASCII.
///
/// Namespaces are not resolved: a name's prefix is kept (`viz:color`); formats match their own
/// elements by local name when they carry no prefix, and skip prefixed (foreign) elements.
///
/// The reader is noncopyable: the format readers that hold it borrow it, where a copyable
/// struct would be copied (its arrays retained and released) on every method call in debug
/// builds. Scans for `<`, `&` and quotes use `memchr`, which runs at C speed even in debug.
///
/// Bounds: elements nest at most `maxDepth` deep (the format readers recurse on nested graphs
/// and nodes, so a deeper file is refused with its location rather than overflowing the stack),
/// and repeated attributes are found through a hash of the names once a tag has more than a
/// few, so a tag with a million attributes is read in linear time.
///
/// - Complexity: O(bytes) for the whole document; `next()` is amortized O(size of the token).
struct XMLReader: ~Copyable {
    /// The deepest nesting of elements accepted (GraphML's nested graphs and GEXF's nested
    /// nodes take two levels each; real files use a few dozen at most).
    static let maxDepth = 256

    /// What `next()` found.
    enum Event: Equatable {
        /// A start tag (`isEmptyElement` tells `<a/>`; its `.end` follows at once).
        case start
        /// An end tag, or the end of an empty element.
        case end
        /// The end of the document (after the root element closed).
        case endOfDocument
    }

    /// One attribute of the current start tag, as byte ranges.
    struct Attribute {
        var nameStart: Int, nameEnd: Int
        var valueStart: Int, valueEnd: Int
        /// The value holds references or whitespace to normalize.
        var needsDecoding: Bool
    }

    let text: SourceText
    /// The bytes (`n > 0` of them).
    private let p: UnsafePointer<UInt8>
    private let n: Int
    /// Read position.
    private(set) var pos: Int = 0

    /// The current tag's name (for `.start` and `.end`).
    private(set) var nameStart = 0
    private(set) var nameEnd = 0
    /// Offset of the current tag's `<`.
    private(set) var tagOffset = 0
    /// Whether the current start tag is `<name …/>`.
    private(set) var isEmptyElement = false
    /// The current start tag's attributes, in document order.
    private(set) var attributes: [Attribute] = []

    /// Open elements: name range and offset of their `<`.
    private var stack: [(nameStart: Int, nameEnd: Int, offset: Int)] = []
    private var pendingEmptyEnd = false
    private var rootSeen = false
    private var rootClosed = false
    /// Scratch for decoding.
    private var scratch: [UInt8] = []
    /// Attribute-name hash → index of the first attribute with that hash, filled only for tags
    /// with more than `linearAttributes` attributes.
    private var attributeIndex: [UInt64: Int] = [:]
    private static let linearAttributes = 16

    /// Checks the encoding and prepares to read.
    /// - Throws: for UTF-16, invalid UTF-8 or control bytes, with their location.
    init(text: SourceText, bytes: UnsafeBufferPointer<UInt8>) throws(GraphIOError) {
        // Every check before any stored property is set (a noncopyable value must not be
        // left half-initialized).
        guard let base = bytes.baseAddress, bytes.count > 0 else {
            throw text.error(at: 0, "no XML element found: the file is empty")
        }
        let count = bytes.count
        if count >= 2 && ((base[0] == 0xFF && base[1] == 0xFE) || (base[0] == 0xFE && base[1] == 0xFF)) {
            throw text.error(at: 0, "the file is UTF-16; Interstice reads XML in UTF-8 only: re-encode it as UTF-8")
        }
        if let (bad, control) = XMLReader.firstBadByte(bytes) {
            if control {
                throw text.error(at: bad, "byte 0x\(GraphIOError.hex(base[bad])) is not allowed in XML: is this a binary file?")
            }
            throw text.error(at: bad, "invalid UTF-8 (byte 0x\(GraphIOError.hex(base[bad]))); re-encode the file as UTF-8")
        }
        self.text = text
        p = base
        n = count
        attributes.reserveCapacity(8)
        stack.reserveCapacity(16)
    }

    /// Offset of the first byte that is invalid UTF-8 or a control character XML forbids
    /// (anything below 0x20 but tab, line feed and carriage return), and which of the two.
    static func firstBadByte(_ b: UnsafeBufferPointer<UInt8>) -> (Int, control: Bool)? {
        var i = 0
        let n = b.count
        while i < n {
            let c = b[i]
            if c >= 0x20 && c < 0x80 { i += 1; continue }
            if c < 0x20 {
                if c == 9 || c == 10 || c == 13 { i += 1; continue }
                return (i, true)
            }
            let len: Int
            if c & 0xE0 == 0xC0 && c >= 0xC2 { len = 2 }
            else if c & 0xF0 == 0xE0 { len = 3 }
            else if c & 0xF8 == 0xF0 && c <= 0xF4 { len = 4 }
            else { return (i, false) }
            guard i + len <= n else { return (i, false) }
            var k = 1
            while k < len { if b[i + k] & 0xC0 != 0x80 { return (i, false) }; k += 1 }
            if len == 3 {
                let v = (UInt32(c & 0x0F) << 12) | (UInt32(b[i + 1] & 0x3F) << 6)
                if v < 0x800 || (v >= 0xD800 && v <= 0xDFFF) { return (i, false) }
            } else if len == 4 {
                let v = (UInt32(c & 0x07) << 18) | (UInt32(b[i + 1] & 0x3F) << 12)
                if v < 0x10000 || v > 0x10FFFF { return (i, false) }
            }
            i += len
        }
        return nil
    }

    // MARK: - Names and attributes of the current tag

    /// The current tag's qualified name (`viz:color`).
    var name: String { String(decoding: UnsafeBufferPointer(start: p + nameStart, count: nameEnd - (nameStart)), as: UTF8.self) }

    /// Whether the current tag's name has a namespace prefix (`y:ShapeNode`).
    var hasPrefix: Bool {
        return memchr(p + nameStart, Int32(ASCII.colon), nameEnd - nameStart) != nil
    }

    /// The current tag's name after any prefix (`color` for `viz:color`).
    var localName: String {
        var s = nameStart
        var i = nameStart
        while i < nameEnd { if p[i] == ASCII.colon { s = i + 1 }; i += 1 }
        return String(decoding: UnsafeBufferPointer(start: p + s, count: nameEnd - (s)), as: UTF8.self)
    }

    /// Whether the current tag is named exactly `name` (no prefix).
    func isNamed(_ name: StaticString) -> Bool {
        equal(nameStart, nameEnd, name)
    }

    private func equal(_ s: Int, _ e: Int, _ lit: StaticString) -> Bool {
        e - s == lit.utf8CodeUnitCount && memcmp(p + s, lit.utf8Start, e - s) == 0
    }

    /// The current start tag's attribute of that exact name.
    func attribute(_ name: StaticString) -> Attribute? {
        var i = 0
        while i < attributes.count {
            if equal(attributes[i].nameStart, attributes[i].nameEnd, name) { return attributes[i] }
            i += 1
        }
        return nil
    }

    /// An attribute's name.
    func name(of a: Attribute) -> String {
        String(decoding: UnsafeBufferPointer(start: p + a.nameStart, count: a.nameEnd - a.nameStart), as: UTF8.self)
    }

    /// An attribute's value, references decoded and whitespace normalized as XML requires.
    mutating func value(of a: Attribute) -> String {
        if !a.needsDecoding {
            return String(decoding: UnsafeBufferPointer(start: p + a.valueStart, count: a.valueEnd - a.valueStart), as: UTF8.self)
        }
        scratch.removeAll(keepingCapacity: true)
        appendDecoded(a.valueStart, a.valueEnd, attribute: true)
        return String(decoding: scratch, as: UTF8.self)
    }

    /// The value of an attribute of that name, or nil.
    mutating func value(_ name: StaticString) -> String? {
        guard let a = attribute(name) else { return nil }
        return value(of: a)
    }

    /// The value of a required attribute.
    /// - Throws: at the tag when it is missing.
    mutating func required(_ name: StaticString, _ what: String) throws(GraphIOError) -> String {
        guard let a = attribute(name) else {
            throw text.error(at: tagOffset, "<\(self.name)> needs a \(name) attribute (\(what))")
        }
        return value(of: a)
    }

    /// "unexpected end of file …", located just past the last byte.
    func eof(_ what: String) -> GraphIOError {
        text.error(at: n, "unexpected end of file \(what): is the file truncated?")
    }

    /// An error located at the current tag.
    func errorAtTag(_ message: String) -> GraphIOError { text.error(at: tagOffset, message) }

    /// 1-based line of an offset (for messages that point back at an earlier tag).
    func line(of offset: Int) -> Int { text.location(of: offset).line }

    // MARK: - Tokens

    /// Reads to the next start or end tag, skipping text, comments, processing instructions,
    /// CDATA and the DOCTYPE (all checked).
    /// - Throws: at the first place the document is not well-formed.
    mutating func next() throws(GraphIOError) -> Event {
        if pendingEmptyEnd {
            pendingEmptyEnd = false
            if stack.isEmpty { rootClosed = true }
            return .end
        }
        while true {
            if pos >= n { return try endOfInput() }
            if p[pos] != ASCII.lt {
                try skipText()
                continue
            }
            if let e = try markup() { return e }
        }
    }

    /// After `.start`: consumes the element's content and end tag (checking them).
    mutating func skipElement() throws(GraphIOError) {
        var depth = 1
        while depth > 0 {
            switch try next() {
            case .start: depth += 1
            case .end: depth -= 1
            case .endOfDocument: return
            }
        }
    }

    /// After `.start`: the element's text content up to its end tag (consumed): character data
    /// and CDATA, references decoded; child elements are skipped and reported.
    /// - Returns: the text, the offset where it starts (for errors), and whether there were
    ///   child elements.
    mutating func readText() throws(GraphIOError) -> (text: String, offset: Int, hadChildren: Bool) {
        let startOffset = pos
        if isEmptyElement {
            _ = try next()
            return ("", startOffset, false)
        }
        scratch.removeAll(keepingCapacity: true)
        var children = false
        var firstText = -1
        while true {
            guard pos < n else { _ = try endOfInput(); return ("", startOffset, children) }
            if p[pos] != ASCII.lt {
                let s = pos
                pos = index(of: ASCII.lt, from: pos, to: n) ?? n
                if firstText < 0 { firstText = s }
                try appendChecked(s, pos)
                continue
            }
            if pos + 8 < n && p[pos + 1] == ASCII.bang && p[pos + 2] == ASCII.lbracket {
                // CDATA: raw text.
                let s = pos
                try expectLiteral("<![CDATA[", "a CDATA section")
                let body = pos
                guard let e = find("]]>", from: pos) else {
                    throw eof("inside the CDATA section opened at line \(line(of: s))")
                }
                if firstText < 0 { firstText = body }
                appendRaw(body, e)
                pos = e + 3
                continue
            }
            switch try markup() {
            case .start?:
                children = true
                try skipElement()
            case .end?:
                let t = String(decoding: scratch, as: UTF8.self)
                return (t, firstText < 0 ? startOffset : firstText, children)
            case .endOfDocument?:
                return ("", startOffset, children)
            case nil:
                continue
            }
        }
    }

    // MARK: - Markup

    /// Reads one piece of markup at `<`: a tag (returned), or a comment/PI/DOCTYPE (nil).
    private mutating func markup() throws(GraphIOError) -> Event? {
        let s = pos
        guard pos + 1 < n else { throw eof("after \"<\"") }
        switch p[pos + 1] {
        case ASCII.question:
            guard let e = find("?>", from: pos + 2) else {
                throw eof("inside the processing instruction opened at line \(line(of: s)) (no \"?>\")")
            }
            if s == 0 { try checkDeclaration(end: e) }
            pos = e + 2
            return nil
        case ASCII.bang:
            if starts(with: "<!--", at: pos) {
                guard let e = find("-->", from: pos + 4) else {
                    throw eof("inside the comment opened at line \(line(of: s)) (no \"-->\")")
                }
                pos = e + 3
                return nil
            }
            if starts(with: "<![CDATA[", at: pos) {
                guard !stack.isEmpty else { throw text.error(at: s, "a CDATA section outside the root element") }
                guard let e = find("]]>", from: pos + 9) else {
                    throw eof("inside the CDATA section opened at line \(line(of: s)) (no \"]]>\")")
                }
                pos = e + 3
                return nil
            }
            if starts(with: "<!DOCTYPE", at: pos) {
                guard !rootSeen else { throw text.error(at: s, "a DOCTYPE after the root element started") }
                try skipDoctype()
                return nil
            }
            throw text.error(at: s, "expected a comment \"<!--\", CDATA or DOCTYPE, found \(quoteAt(s))")
        case ASCII.slash:
            return try endTag()
        default:
            return try startTag()
        }
    }

    private mutating func startTag() throws(GraphIOError) -> Event {
        let s = pos
        if rootClosed {
            throw text.error(at: s, "a second root element \(quoteAt(s)): an XML document has one root element")
        }
        pos += 1
        let (ns, ne) = try readName("an element name after \"<\"")
        attributes.removeAll(keepingCapacity: true)
        while true {
            let hadSpace = skipSpace()
            guard pos < n else { throw eof("inside the tag <\(str(ns, ne))> opened at line \(line(of: s))") }
            let c = p[pos]
            if c == ASCII.gt { pos += 1; isEmptyElement = false; break }
            if c == ASCII.slash {
                guard pos + 1 < n else { throw eof("inside the tag <\(str(ns, ne))> opened at line \(line(of: s))") }
                guard p[pos + 1] == ASCII.gt else {
                    throw text.error(at: pos, "expected \"/>\" in <\(str(ns, ne))>, found \(quoteAt(pos))")
                }
                pos += 2
                isEmptyElement = true
                break
            }
            guard hadSpace else {
                throw text.error(at: pos, "expected a space, \">\" or \"/>\" in <\(str(ns, ne))>, found \(quoteAt(pos))")
            }
            try readAttribute(element: ns, ne)
        }
        nameStart = ns; nameEnd = ne; tagOffset = s
        rootSeen = true
        if isEmptyElement {
            pendingEmptyEnd = true
        } else {
            guard stack.count < XMLReader.maxDepth else {
                throw text.error(at: s, "elements nested more than \(XMLReader.maxDepth) deep (at <\(str(ns, ne))>): Interstice reads at most \(XMLReader.maxDepth) levels")
            }
            stack.append((ns, ne, s))
        }
        return .start
    }

    private mutating func readAttribute(element es: Int, _ ee: Int) throws(GraphIOError) {
        let (as_, ae) = try readName("an attribute name")
        _ = skipSpace()
        guard pos < n else { throw eof("inside the tag <\(str(es, ee))>") }
        guard p[pos] == ASCII.equals else {
            throw text.error(at: min(pos, n), "expected \"=\" after the attribute \(str(as_, ae)) in <\(str(es, ee))>, found \(quoteAt(pos))")
        }
        pos += 1
        _ = skipSpace()
        guard pos < n else { throw eof("inside the tag <\(str(es, ee))>") }
        guard p[pos] == ASCII.quot || p[pos] == ASCII.apos else {
            throw text.error(at: min(pos, n), "expected a quoted value for the attribute \(str(as_, ae)), found \(quoteAt(pos))")
        }
        let q = p[pos]
        let open = pos
        pos += 1
        let vs = pos
        guard let close = index(of: q, from: pos, to: n) else {
            throw eof("inside the value of the attribute \(str(as_, ae)) opened at line \(line(of: open))")
        }
        // One pass over the (usually short) value: "<" is an error, "&" starts a reference
        // to check, control characters need normalizing.
        var decode = false
        var i = vs
        while i < close {
            let c = p[i]
            if c == ASCII.amp {
                decode = true
                i = try reference(at: i).end
                continue
            }
            if c == ASCII.lt {
                throw text.error(at: i, "\"<\" is not allowed in an attribute value (write &lt;), in \(str(as_, ae))")
            }
            if c < 32 { decode = true }
            i += 1
        }
        pos = close
        let ve = pos
        pos += 1
        let a = Attribute(nameStart: as_, nameEnd: ae, valueStart: vs, valueEnd: ve, needsDecoding: decode)
        if attributes.count < XMLReader.linearAttributes {
            var j = 0
            while j < attributes.count {
                if sameName(attributes[j], a) {
                    throw text.error(at: as_, "the attribute \(str(as_, ae)) is repeated in <\(str(es, ee))>")
                }
                j += 1
            }
        } else {
            if attributes.count == XMLReader.linearAttributes {
                attributeIndex.removeAll(keepingCapacity: true)
                for (k, b) in attributes.enumerated() where attributeIndex[nameHash(b)] == nil { attributeIndex[nameHash(b)] = k }
            }
            let h = nameHash(a)
            if let first = attributeIndex[h] {
                // Equal hashes: compare with every attribute from the first that has it.
                var j = first
                while j < attributes.count {
                    if sameName(attributes[j], a) {
                        throw text.error(at: as_, "the attribute \(str(as_, ae)) is repeated in <\(str(es, ee))>")
                    }
                    j += 1
                }
            } else {
                attributeIndex[h] = attributes.count
            }
        }
        attributes.append(a)
    }

    private func sameName(_ a: Attribute, _ b: Attribute) -> Bool {
        a.nameEnd - a.nameStart == b.nameEnd - b.nameStart && memcmp(p + a.nameStart, p + b.nameStart, b.nameEnd - b.nameStart) == 0
    }

    /// FNV-1a of an attribute's name.
    private func nameHash(_ a: Attribute) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        var i = a.nameStart
        while i < a.nameEnd {
            h = (h ^ UInt64(p[i])) &* 0x0000_0100_0000_01b3
            i += 1
        }
        return h
    }

    private mutating func endTag() throws(GraphIOError) -> Event {
        let s = pos
        pos += 2
        let (ns, ne) = try readName("an element name after \"</\"")
        _ = skipSpace()
        guard pos < n, p[pos] == ASCII.gt else {
            if pos >= n { throw eof("inside the end tag </\(str(ns, ne))>") }
            throw text.error(at: pos, "expected \">\" to close </\(str(ns, ne))>, found \(quoteAt(pos))")
        }
        pos += 1
        guard let top = stack.last else {
            throw text.error(at: s, "the end tag </\(str(ns, ne))> closes no open element")
        }
        let same = top.nameEnd - top.nameStart == ne - ns && memcmp(p + top.nameStart, p + ns, ne - ns) == 0
        guard same else {
            throw text.error(at: s, "mismatched tags: found </\(str(ns, ne))> but <\(str(top.nameStart, top.nameEnd))> (line \(line(of: top.offset))) is open")
        }
        stack.removeLast()
        nameStart = ns; nameEnd = ne; tagOffset = s
        isEmptyElement = false
        if stack.isEmpty { rootClosed = true }
        return .end
    }

    private mutating func endOfInput() throws(GraphIOError) -> Event {
        if let top = stack.last {
            throw eof("before <\(str(top.nameStart, top.nameEnd))> (line \(line(of: top.offset))) is closed")
        }
        if !rootSeen { throw text.error(at: n, "no XML element found: the file is empty or not XML") }
        return .endOfDocument
    }

    /// Text between tags: checked (references, no stray text outside the root) and dropped.
    private mutating func skipText() throws(GraphIOError) {
        let lt = index(of: ASCII.lt, from: pos, to: n) ?? n
        var i = pos
        while let a = index(of: ASCII.amp, from: i, to: lt) { i = try reference(at: a).end }
        if stack.isEmpty {
            for k in pos..<lt where !(p[k] == 32 || p[k] == 9 || p[k] == 10 || p[k] == 13) {
                if !rootSeen {
                    throw text.error(at: k, "expected XML (markup starting with \"<\"), found \(quoteAt(k))")
                }
                throw text.error(at: k, "text \(quoteAt(k)) outside the root element")
            }
        }
        pos = lt
    }

    /// `<!DOCTYPE name [SYSTEM|PUBLIC "…"] [ [internal subset] ]>`: skipped, never loaded;
    /// an entity declaration is rejected.
    private mutating func skipDoctype() throws(GraphIOError) {
        let s = pos
        pos += 9
        var inSubset = false
        var quote: UInt8 = 0
        while pos < n {
            let c = p[pos]
            if quote != 0 {
                if c == quote { quote = 0 }
            } else if c == ASCII.quot || c == ASCII.apos {
                quote = c
            } else if c == ASCII.lbracket {
                inSubset = true
            } else if c == ASCII.rbracket {
                inSubset = false
            } else if c == ASCII.lt && starts(with: "<!ENTITY", at: pos) {
                throw text.error(at: pos, "DTD entity declarations are not supported: Interstice never expands entities nor reads the files they name; remove the <!DOCTYPE …> (found \(quoteAt(pos)))")
            } else if c == ASCII.gt && !inSubset {
                pos += 1
                return
            }
            pos += 1
        }
        throw eof("inside the DOCTYPE opened at line \(line(of: s))")
    }

    /// `<?xml version="1.0" encoding="…"?>`: only UTF-8 (or ASCII-only text) is accepted.
    private mutating func checkDeclaration(end: Int) throws(GraphIOError) {
        guard starts(with: "<?xml", at: 0), end > 5, p[5] == 32 || p[5] == 9 || p[5] == 10 || p[5] == 13 else { return }
        guard let e = find("encoding", from: 5), e < end else { return }
        var i = e + 8
        while i < end && (p[i] == 32 || p[i] == ASCII.equals) { i += 1 }
        guard i < end, p[i] == ASCII.quot || p[i] == ASCII.apos else { return }
        let q = p[i]
        var j = i + 1
        while j < end && p[j] != q { j += 1 }
        let enc = str(i + 1, j).lowercased()
        if enc == "utf-8" || enc == "utf8" || enc == "us-ascii" || enc == "ascii" { return }
        if enc.hasPrefix("utf-16") || enc == "ucs-2" {
            throw text.error(at: i + 1, "the declared encoding \"\(enc)\" is not supported; re-encode the file as UTF-8")
        }
        // Latin-1 and friends agree with UTF-8 on ASCII: accept a file that is ASCII only.
        for k in 0..<n where p[k] >= 0x80 {
            throw text.error(at: k, "the file declares encoding \"\(enc)\" and has non-ASCII bytes; re-encode it as UTF-8")
        }
    }

    // MARK: - References and text

    /// Checks the reference at `&` and returns the code point and the offset after `;`.
    private func reference(at i: Int) throws(GraphIOError) -> (scalar: UInt32, end: Int) {
        var j = i + 1
        while j < n && j - i <= 12 && p[j] != ASCII.semicolon && p[j] != ASCII.lt
                && p[j] != ASCII.amp && p[j] != ASCII.quot && p[j] != ASCII.apos
                && p[j] > 32 { j += 1 }
        if j >= n { throw eof("inside the reference \(quoteAt(i))") }
        guard p[j] == ASCII.semicolon else {
            throw text.error(at: i, "\"&\" must start a reference such as &amp; or &#38;, found \(quoteAt(i))")
        }
        let body = str(i + 1, j)
        switch body {
        case "lt": return (60, j + 1)
        case "gt": return (62, j + 1)
        case "amp": return (38, j + 1)
        case "quot": return (34, j + 1)
        case "apos": return (39, j + 1)
        default: break
        }
        if body.hasPrefix("#") {
            let hex = body.hasPrefix("#x")
            let digits = body.dropFirst(hex ? 2 : 1)
            if let v = UInt32(digits, radix: hex ? 16 : 10), !digits.isEmpty, digits.first != "+", digits.first != "-",
               v == 9 || v == 10 || v == 13 || (v >= 0x20 && v <= 0xD7FF) || (v >= 0xE000 && v <= 0xFFFD)
                || (v >= 0x10000 && v <= 0x10FFFF) {
                return (v, j + 1)
            }
            throw text.error(at: i, "\(quoteAt(i, upTo: j + 1)) is not a valid character reference")
        }
        throw text.error(at: i, "unknown entity \(quoteAt(i, upTo: j + 1)): only &lt; &gt; &amp; &quot; &apos; and character references are read (DTD entities are never expanded)")
    }

    /// Appends bytes `s..<e` of text content to `scratch`, decoding references and turning
    /// CR LF / CR into LF.
    private mutating func appendChecked(_ s: Int, _ e: Int) throws(GraphIOError) {
        var i = s
        var run = s
        while i < e {
            let c = p[i]
            if c == ASCII.amp {
                appendRaw(run, i)
                let r = try reference(at: i)
                appendScalar(r.scalar)
                i = r.end
                run = i
            } else if c == 13 {
                appendRaw(run, i)
                scratch.append(10)
                i += (i + 1 < e && p[i + 1] == 10) ? 2 : 1
                run = i
            } else {
                i += 1
            }
        }
        appendRaw(run, e)
    }

    /// Appends an attribute value (already checked) decoded and normalized into `scratch`.
    private mutating func appendDecoded(_ s: Int, _ e: Int, attribute: Bool) {
        var i = s
        while i < e {
            let c = p[i]
            if c == ASCII.amp, let r = try? reference(at: i) {
                appendScalar(r.scalar)
                i = r.end
            } else if c == 13 {
                scratch.append(32)
                i += (i + 1 < e && p[i + 1] == 10) ? 2 : 1
            } else if c == 9 || c == 10 {
                scratch.append(32)
                i += 1
            } else {
                scratch.append(c)
                i += 1
            }
        }
    }

    private mutating func appendRaw(_ s: Int, _ e: Int) {
        if e > s { scratch.append(contentsOf: UnsafeBufferPointer(start: p + s, count: e - (s))) }
    }

    private mutating func appendScalar(_ v: UInt32) {
        guard let u = Unicode.Scalar(v) else { return }
        scratch.append(contentsOf: UTF8.encode(u)!)
    }

    // MARK: - Small helpers

    private mutating func readName(_ what: String) throws(GraphIOError) -> (Int, Int) {
        let s = pos
        guard pos < n else { throw eof("where \(what) was expected") }
        let c = p[pos]
        let isStart = (c | 0x20) &- 0x61 < 26 || c == ASCII.underscore || c == ASCII.colon || c >= 0x80
        guard isStart else { throw text.error(at: pos, "expected \(what), found \(quoteAt(pos))") }
        pos += 1
        while pos < n {
            let c = p[pos]
            // Letters, "_" and non-ASCII bytes are all above ">"; then digits, ":", "-", ".".
            if c > ASCII.gt || (c &- 0x30 < 11) || c == ASCII.dash || c == ASCII.dot {
                pos += 1
            } else {
                break
            }
        }
        return (s, pos)
    }

    /// Skips whitespace; whether there was any.
    private mutating func skipSpace() -> Bool {
        let s = pos
        while pos < n, p[pos] == 32 || p[pos] == 10 || p[pos] == 9 || p[pos] == 13 { pos += 1 }
        return pos > s
    }

    private func starts(with lit: StaticString, at i: Int) -> Bool {
        let k = lit.utf8CodeUnitCount
        return i + k <= n && memcmp(p + i, lit.utf8Start, k) == 0
    }

    private mutating func expectLiteral(_ lit: StaticString, _ what: String) throws(GraphIOError) {
        guard starts(with: lit, at: pos) else { throw text.error(at: pos, "expected \(what), found \(quoteAt(pos))") }
        pos += lit.utf8CodeUnitCount
    }

    /// Offset of the first occurrence of `lit` at or after `from`.
    private func find(_ lit: StaticString, from: Int) -> Int? {
        let l = lit.utf8Start
        let k = lit.utf8CodeUnitCount
        var i = from
        while let j = index(of: l[0], from: i, to: n) {
            guard j + k <= n else { return nil }
            if memcmp(p + j, l, k) == 0 { return j }
            i = j + 1
        }
        return nil
    }

    /// Offset of the first `byte` in `from..<end` (memchr: the scans over text and values run
    /// at C speed even in debug builds).
    @inline(__always)
    private func index(of byte: UInt8, from: Int, to end: Int) -> Int? {
        guard from < end, let r = memchr(p + from, Int32(byte), end - from) else { return nil }
        return p.distance(to: r.assumingMemoryBound(to: UInt8.self))
    }

    private func str(_ s: Int, _ e: Int) -> String {
        String(decoding: UnsafeBufferPointer(start: p + s, count: e - (s)), as: UTF8.self)
    }

    /// The input from `i` (to `end`, or 20 bytes), quoted for a message.
    private func quoteAt(_ i: Int, upTo end: Int? = nil) -> String {
        guard i < n else { return "the end of the file" }
        let e = min(n, end ?? i + 20)
        return GraphIOError.quote(bytes: UnsafeBufferPointer(start: p + i, count: e - (i)))
    }
}
