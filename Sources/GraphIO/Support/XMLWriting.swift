import GraphCore

/// XML output on a ``ByteWriter``: escaped text and attribute values.
extension ByteWriter {
    /// Writes `s` escaped for XML character data (`&`, `<`, `>`; CR as `&#13;` so it survives
    /// line-end normalization).
    ///
    /// Characters XML 1.0 cannot hold at all (control characters other than tab, line feed and
    /// carriage return; U+FFFE, U+FFFF) are written as U+FFFD.
    /// - Complexity: O(bytes of `s`).
    mutating func writeXMLText(_ s: String) { writeXMLEscaped(s, attribute: false) }

    /// Writes `s` escaped for a double-quoted attribute value (also `"`, and tab, line feed and
    /// carriage return as character references, which attribute normalization would turn into
    /// spaces).
    /// - Complexity: O(bytes of `s`).
    mutating func writeXMLAttribute(_ s: String) { writeXMLEscaped(s, attribute: true) }

    /// ` name="value"` with the value escaped.
    mutating func writeXMLAttribute(_ name: String, _ value: String) {
        write(byte: 32)
        write(name)
        write("=\"")
        writeXMLEscaped(value, attribute: true)
        write(byte: 34)
    }

    private mutating func writeXMLEscaped(_ s: String, attribute: Bool) {
        var s = s
        s.withUTF8 { u in
            var run = 0
            var i = 0
            let n = u.count
            while i < n {
                let c = u[i]
                var rep: StaticString? = nil
                switch c {
                case UInt8(ascii: "&"): rep = "&amp;"
                case UInt8(ascii: "<"): rep = "&lt;"
                case UInt8(ascii: ">"): rep = "&gt;"
                case UInt8(ascii: "\""): if attribute { rep = "&quot;" }
                case 13: rep = "&#13;"
                case 10: if attribute { rep = "&#10;" }
                case 9: if attribute { rep = "&#9;" }
                case 0xEF:
                    // U+FFFE / U+FFFF are EF BF BE / EF BF BF.
                    if i + 2 < n, u[i + 1] == 0xBF, u[i + 2] >= 0xBE {
                        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: u[run..<i]))
                        bytes.append(contentsOf: [0xEF, 0xBF, 0xBD])
                        i += 3
                        run = i
                        continue
                    }
                default:
                    if c < 0x20 { rep = "\u{FFFD}" }
                }
                if let rep {
                    bytes.append(contentsOf: UnsafeBufferPointer(rebasing: u[run..<i]))
                    bytes.append(contentsOf: UnsafeBufferPointer(start: rep.utf8Start, count: rep.utf8CodeUnitCount))
                    run = i + 1
                }
                i += 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: u[run..<n]))
        }
    }
}
