/// A streaming pull tokenizer for the XML that GraphML and GEXF files are made of: start tags
/// with their attributes, end tags, text; no tree is ever built.
///
/// ```swift
/// try text.bytes.withUnsafeBufferPointer { (b) throws(GraphIOError) in
///     var xml = try XMLReader(text: text, bytes: b)
///     while true {
///         switch try xml.next() {
///         case .start: print(xml.localName, xml.attribute("id").map(xml.value) ?? "")
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
/// - Complexity: O(bytes) for the whole document; `next()` is amortized O(size of the token).
struct XMLReader {
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
    private let b: UnsafeBufferPointer<UInt8>
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

    /// Checks the encoding and prepares to read.
    /// - Throws: for UTF-16, invalid UTF-8 or control bytes, with their location.
    init(text: SourceText, bytes: UnsafeBufferPointer<UInt8>) throws(GraphIOError) {
        self.text = text
        b = bytes
        n = bytes.count
        attributes.reserveCapacity(8)
        stack.reserveCapacity(16)
        if n >= 2 && ((b[0] == 0xFF && b[1] == 0xFE) || (b[0] == 0xFE && b[1] == 0xFF)) {
            throw text.error(at: 0, "the file is UTF-16; Interstice reads XML in UTF-8 only: re-encode it as UTF-8")
        }
        if let (bad, control) = XMLReader.firstBadByte(b) {
            if control {
                throw text.error(at: bad, "byte 0x\(GraphIOError.hex(b[bad])) is not allowed in XML: is this a binary file?")
            }
            throw text.error(at: bad, "invalid UTF-8 (byte 0x\(GraphIOError.hex(b[bad]))); re-encode the file as UTF-8")
        }
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
            for k in 1..<len where b[i + k] & 0xC0 != 0x80 { return (i, false) }
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
    var name: String { String(decoding: UnsafeBufferPointer(rebasing: b[nameStart..<nameEnd]), as: UTF8.self) }

    /// Whether the current tag's name has a namespace prefix (`y:ShapeNode`).
    var hasPrefix: Bool {
        for i in nameStart..<nameEnd where b[i] == UInt8(ascii: ":") { return true }
        return false
    }

    /// The current tag's name after any prefix (`color` for `viz:color`).
    var localName: String {
        var s = nameStart
        for i in nameStart..<nameEnd where b[i] == UInt8(ascii: ":") { s = i + 1 }
        return String(decoding: UnsafeBufferPointer(rebasing: b[s..<nameEnd]), as: UTF8.self)
    }

    /// Whether the current tag is named exactly `name` (no prefix).
    func isNamed(_ name: StaticString) -> Bool {
        equal(nameStart, nameEnd, name)
    }

    private func equal(_ s: Int, _ e: Int, _ lit: StaticString) -> Bool {
        guard e - s == lit.utf8CodeUnitCount else { return false }
        let p = lit.utf8Start
        for k in 0..<(e - s) where b[s + k] != p[k] { return false }
        return true
    }

    /// The current start tag's attribute of that exact name.
    func attribute(_ name: StaticString) -> Attribute? {
        for a in attributes where equal(a.nameStart, a.nameEnd, name) { return a }
        return nil
    }

    /// An attribute's name.
    func name(of a: Attribute) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: b[a.nameStart..<a.nameEnd]), as: UTF8.self)
    }

    /// An attribute's value, references decoded and whitespace normalized as XML requires.
    mutating func value(of a: Attribute) -> String {
        if !a.needsDecoding {
            return String(decoding: UnsafeBufferPointer(rebasing: b[a.valueStart..<a.valueEnd]), as: UTF8.self)
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
            if b[pos] != UInt8(ascii: "<") {
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
            if b[pos] != UInt8(ascii: "<") {
                let s = pos
                while pos < n && b[pos] != UInt8(ascii: "<") { pos += 1 }
                if firstText < 0 { firstText = s }
                try appendChecked(s, pos)
                continue
            }
            if pos + 8 < n && b[pos + 1] == UInt8(ascii: "!") && b[pos + 2] == UInt8(ascii: "[") {
                // CDATA: raw text.
                let s = pos
                try expectLiteral("<![CDATA[", "a CDATA section")
                let body = pos
                guard let e = find("]]>", from: pos) else {
                    throw text.error(at: n, "the file ends inside a CDATA section opened at line \(line(of: s))")
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
        guard pos + 1 < n else { throw text.error(at: s, "the file ends inside a tag") }
        switch b[pos + 1] {
        case UInt8(ascii: "?"):
            guard let e = find("?>", from: pos + 2) else {
                throw text.error(at: s, "the processing instruction \(quoteAt(s)) is never closed by \"?>\" (truncated file?)")
            }
            if s == 0 { try checkDeclaration(end: e) }
            pos = e + 2
            return nil
        case UInt8(ascii: "!"):
            if starts(with: "<!--", at: pos) {
                guard let e = find("-->", from: pos + 4) else {
                    throw text.error(at: s, "the comment opened here is never closed by \"-->\" (truncated file?)")
                }
                pos = e + 3
                return nil
            }
            if starts(with: "<![CDATA[", at: pos) {
                guard !stack.isEmpty else { throw text.error(at: s, "a CDATA section outside the root element") }
                guard let e = find("]]>", from: pos + 9) else {
                    throw text.error(at: s, "the CDATA section opened here is never closed by \"]]>\" (truncated file?)")
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
        case UInt8(ascii: "/"):
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
            guard pos < n else { throw text.error(at: s, "the file ends inside the tag <\(str(ns, ne))> (truncated file?)") }
            let c = b[pos]
            if c == UInt8(ascii: ">") { pos += 1; isEmptyElement = false; break }
            if c == UInt8(ascii: "/") {
                guard pos + 1 < n, b[pos + 1] == UInt8(ascii: ">") else {
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
            stack.append((ns, ne, s))
        }
        return .start
    }

    private mutating func readAttribute(element es: Int, _ ee: Int) throws(GraphIOError) {
        let (as_, ae) = try readName("an attribute name")
        _ = skipSpace()
        guard pos < n, b[pos] == UInt8(ascii: "=") else {
            throw text.error(at: min(pos, n), "expected \"=\" after the attribute \(str(as_, ae)) in <\(str(es, ee))>, found \(quoteAt(pos))")
        }
        pos += 1
        _ = skipSpace()
        guard pos < n, b[pos] == UInt8(ascii: "\"") || b[pos] == UInt8(ascii: "'") else {
            throw text.error(at: min(pos, n), "expected a quoted value for the attribute \(str(as_, ae)), found \(quoteAt(pos))")
        }
        let q = b[pos]
        let open = pos
        pos += 1
        let vs = pos
        var decode = false
        while true {
            guard pos < n else {
                throw text.error(at: open, "the value of \(str(as_, ae)) is never closed by its quote (truncated file?)")
            }
            let c = b[pos]
            if c == q { break }
            if c == UInt8(ascii: "<") {
                throw text.error(at: pos, "\"<\" is not allowed in an attribute value (write &lt;), in \(str(as_, ae))")
            }
            if c == UInt8(ascii: "&") {
                decode = true
                pos = try reference(at: pos).end
                continue
            }
            if c == 9 || c == 10 || c == 13 { decode = true }
            pos += 1
        }
        let ve = pos
        pos += 1
        for a in attributes where a.nameEnd - a.nameStart == ae - as_ {
            if (0..<(ae - as_)).allSatisfy({ b[a.nameStart + $0] == b[as_ + $0] }) {
                throw text.error(at: as_, "the attribute \(str(as_, ae)) is repeated in <\(str(es, ee))>")
            }
        }
        attributes.append(Attribute(nameStart: as_, nameEnd: ae, valueStart: vs, valueEnd: ve, needsDecoding: decode))
    }

    private mutating func endTag() throws(GraphIOError) -> Event {
        let s = pos
        pos += 2
        let (ns, ne) = try readName("an element name after \"</\"")
        _ = skipSpace()
        guard pos < n, b[pos] == UInt8(ascii: ">") else {
            if pos >= n { throw text.error(at: s, "the file ends inside the end tag </\(str(ns, ne))> (truncated file?)") }
            throw text.error(at: pos, "expected \">\" to close </\(str(ns, ne))>, found \(quoteAt(pos))")
        }
        pos += 1
        guard let top = stack.last else {
            throw text.error(at: s, "the end tag </\(str(ns, ne))> closes no open element")
        }
        let same = top.nameEnd - top.nameStart == ne - ns
            && (0..<(ne - ns)).allSatisfy { b[top.nameStart + $0] == b[ns + $0] }
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
            throw text.error(at: n, "the file ends before <\(str(top.nameStart, top.nameEnd))> (line \(line(of: top.offset))) is closed (truncated file?)")
        }
        if !rootSeen { throw text.error(at: n, "no XML element found: the file is empty or not XML") }
        return .endOfDocument
    }

    /// Text between tags: checked (references, no stray text outside the root) and dropped.
    private mutating func skipText() throws(GraphIOError) {
        while pos < n {
            let c = b[pos]
            if c == UInt8(ascii: "<") { break }
            if c == UInt8(ascii: "&") { pos = try reference(at: pos).end; continue }
            if stack.isEmpty && !(c == 32 || c == 9 || c == 10 || c == 13) {
                if !rootSeen {
                    throw text.error(at: pos, "expected XML (markup starting with \"<\"), found \(quoteAt(pos))")
                }
                throw text.error(at: pos, "text \(quoteAt(pos)) outside the root element")
            }
            pos += 1
        }
    }

    /// `<!DOCTYPE name [SYSTEM|PUBLIC "…"] [ [internal subset] ]>`: skipped, never loaded;
    /// an entity declaration is rejected.
    private mutating func skipDoctype() throws(GraphIOError) {
        let s = pos
        pos += 9
        var inSubset = false
        var quote: UInt8 = 0
        while pos < n {
            let c = b[pos]
            if quote != 0 {
                if c == quote { quote = 0 }
            } else if c == UInt8(ascii: "\"") || c == UInt8(ascii: "'") {
                quote = c
            } else if c == UInt8(ascii: "[") {
                inSubset = true
            } else if c == UInt8(ascii: "]") {
                inSubset = false
            } else if c == UInt8(ascii: "<") && starts(with: "<!ENTITY", at: pos) {
                throw text.error(at: pos, "DTD entity declarations are not supported: Interstice never expands entities nor reads the files they name; remove the <!DOCTYPE …> (found \(quoteAt(pos)))")
            } else if c == UInt8(ascii: ">") && !inSubset {
                pos += 1
                return
            }
            pos += 1
        }
        throw text.error(at: s, "the DOCTYPE opened here is never closed by \">\" (truncated file?)")
    }

    /// `<?xml version="1.0" encoding="…"?>`: only UTF-8 (or ASCII-only text) is accepted.
    private mutating func checkDeclaration(end: Int) throws(GraphIOError) {
        guard starts(with: "<?xml", at: 0), end > 5, b[5] == 32 || b[5] == 9 || b[5] == 10 || b[5] == 13 else { return }
        guard let e = find("encoding", from: 5), e < end else { return }
        var i = e + 8
        while i < end && (b[i] == 32 || b[i] == UInt8(ascii: "=")) { i += 1 }
        guard i < end, b[i] == UInt8(ascii: "\"") || b[i] == UInt8(ascii: "'") else { return }
        let q = b[i]
        var j = i + 1
        while j < end && b[j] != q { j += 1 }
        let enc = str(i + 1, j).lowercased()
        if enc == "utf-8" || enc == "utf8" || enc == "us-ascii" || enc == "ascii" { return }
        if enc.hasPrefix("utf-16") || enc == "ucs-2" {
            throw text.error(at: i + 1, "the declared encoding \"\(enc)\" is not supported; re-encode the file as UTF-8")
        }
        // Latin-1 and friends agree with UTF-8 on ASCII: accept a file that is ASCII only.
        for k in 0..<n where b[k] >= 0x80 {
            throw text.error(at: k, "the file declares encoding \"\(enc)\" and has non-ASCII bytes; re-encode it as UTF-8")
        }
    }

    // MARK: - References and text

    /// Checks the reference at `&` and returns the code point and the offset after `;`.
    private func reference(at i: Int) throws(GraphIOError) -> (scalar: UInt32, end: Int) {
        var j = i + 1
        while j < n && j - i <= 12 && b[j] != UInt8(ascii: ";") && b[j] != UInt8(ascii: "<")
                && b[j] != UInt8(ascii: "&") && b[j] > 32 { j += 1 }
        guard j < n, b[j] == UInt8(ascii: ";") else {
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
            let c = b[i]
            if c == UInt8(ascii: "&") {
                appendRaw(run, i)
                let r = try reference(at: i)
                appendScalar(r.scalar)
                i = r.end
                run = i
            } else if c == 13 {
                appendRaw(run, i)
                scratch.append(10)
                i += (i + 1 < e && b[i + 1] == 10) ? 2 : 1
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
            let c = b[i]
            if c == UInt8(ascii: "&"), let r = try? reference(at: i) {
                appendScalar(r.scalar)
                i = r.end
            } else if c == 13 {
                scratch.append(32)
                i += (i + 1 < e && b[i + 1] == 10) ? 2 : 1
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
        if e > s { scratch.append(contentsOf: UnsafeBufferPointer(rebasing: b[s..<e])) }
    }

    private mutating func appendScalar(_ v: UInt32) {
        guard let u = Unicode.Scalar(v) else { return }
        scratch.append(contentsOf: UTF8.encode(u)!)
    }

    // MARK: - Small helpers

    private mutating func readName(_ what: String) throws(GraphIOError) -> (Int, Int) {
        let s = pos
        guard pos < n else { throw text.error(at: n, "the file ends where \(what) was expected (truncated file?)") }
        let c = b[pos]
        let isStart = (c >= 0x61 && c <= 0x7A) || (c >= 0x41 && c <= 0x5A) || c == UInt8(ascii: "_")
            || c == UInt8(ascii: ":") || c >= 0x80
        guard isStart else { throw text.error(at: pos, "expected \(what), found \(quoteAt(pos))") }
        pos += 1
        while pos < n {
            let c = b[pos]
            let ok = (c >= 0x61 && c <= 0x7A) || (c >= 0x41 && c <= 0x5A) || (c >= 0x30 && c <= 0x39)
                || c == UInt8(ascii: "_") || c == UInt8(ascii: ":") || c == UInt8(ascii: "-")
                || c == UInt8(ascii: ".") || c >= 0x80
            if !ok { break }
            pos += 1
        }
        return (s, pos)
    }

    /// Skips whitespace; whether there was any.
    private mutating func skipSpace() -> Bool {
        let s = pos
        while pos < n, b[pos] == 32 || b[pos] == 10 || b[pos] == 9 || b[pos] == 13 { pos += 1 }
        return pos > s
    }

    private func starts(with lit: StaticString, at i: Int) -> Bool {
        let k = lit.utf8CodeUnitCount
        guard i + k <= n else { return false }
        let p = lit.utf8Start
        for j in 0..<k where b[i + j] != p[j] { return false }
        return true
    }

    private mutating func expectLiteral(_ lit: StaticString, _ what: String) throws(GraphIOError) {
        guard starts(with: lit, at: pos) else { throw text.error(at: pos, "expected \(what), found \(quoteAt(pos))") }
        pos += lit.utf8CodeUnitCount
    }

    /// Offset of the first occurrence of `lit` at or after `from`.
    private func find(_ lit: StaticString, from: Int) -> Int? {
        let p = lit.utf8Start
        let k = lit.utf8CodeUnitCount
        var i = from
        while i + k <= n {
            if b[i] == p[0] {
                var j = 1
                while j < k && b[i + j] == p[j] { j += 1 }
                if j == k { return i }
            }
            i += 1
        }
        return nil
    }

    private func str(_ s: Int, _ e: Int) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: b[s..<e]), as: UTF8.self)
    }

    /// The input from `i` (to `end`, or 20 bytes), quoted for a message.
    private func quoteAt(_ i: Int, upTo end: Int? = nil) -> String {
        guard i < n else { return "the end of the file" }
        let e = min(n, end ?? i + 20)
        return GraphIOError.quote(bytes: UnsafeBufferPointer(rebasing: b[i..<e]))
    }
}
