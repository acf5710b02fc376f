extension SourceText {
    /// Checks that the input is text a reader of `format` can parse: no NUL byte (binary data
    /// given to a text reader) and valid UTF-8. The error points at the first offending byte.
    /// - Complexity: O(length).
    func requireText(format: String) throws(GraphIOError) {
        if let nul = bytes.firstIndex(of: 0) {
            throw error(at: nul, "a NUL byte: this looks like binary data, not a \(format) text file")
        }
        try validateUTF8()
    }
}
