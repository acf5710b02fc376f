import Foundation
import Interstice
import TestSupport
import Testing
@testable import Batch

/// Issue 14: a manifest nested thousands deep is refused with its location before Yams (which
/// composes recursively) sees it.
@Suite("Hardening: manifest depth")
struct ManifestDepthTests {
    static func check(_ text: String) -> GraphIOError? {
        do { try ManifestParser.checkDepth(Array(text.utf8), file: "m.yaml"); return nil } catch { return error }
    }

    @Test("5,000 nested flow sequences: refused at the bracket past the limit")
    func flow() {
        let text = "datasets: " + String(repeating: "[", count: 5_000) + String(repeating: "]", count: 5_000) + "\n"
        guard let e = Self.check(text) else { Issue.record("accepted"); return }
        // "datasets:" is level 1; the 64th bracket would be level 65, at column 11 + 63.
        #expect(e.line == 1 && e.column == 11 + ManifestParser.maxDepth - 1, "\(e)")
        #expect(e.kind == .badData)
        // And through the public entry point (no crash in Yams).
        do { _ = try manifest(text); Issue.record("parsed") } catch { #expect(error.column == e.column) }
    }

    @Test("5,000 nested block mappings and compact sequences are refused")
    func block() {
        var text = ""
        for i in 0..<5_000 { text += String(repeating: " ", count: i) + "k\(i):\n" }
        guard let e = Self.check(text) else { Issue.record("accepted"); return }
        #expect(e.line == ManifestParser.maxDepth + 1 && e.column == ManifestParser.maxDepth + 1, "\(e)")

        let compact = "a:\n" + String(repeating: "- ", count: 5_000) + "x\n"
        guard let c = Self.check(compact) else { Issue.record("accepted"); return }
        #expect(c.line == 2, "\(c)")
    }

    @Test("brackets inside quotes, comments and block scalars do not count; real manifests pass")
    func notCounted() throws {
        let brackets = String(repeating: "[", count: 500)
        #expect(Self.check("name: \"\(brackets)\"\nseed: 1 # \(brackets)\nnote: '\(brackets)'\n") == nil)
        var scalar = "text: |\n"
        for i in 0..<500 { scalar += "  " + String(repeating: " ", count: i) + "line\n" }
        scalar += "seed: 1\n"
        #expect(Self.check(scalar) == nil)
        for file in ["Datasets/case-studies-sweep.yaml", "Datasets/throughput-1000.yaml"] {
            let bytes = Array(try Data(contentsOf: Fixtures.root.appendingPathComponent(file)))
            try ManifestParser.checkDepth(bytes, file: file)
        }
        // Exactly at the limit: 64 levels of flow after the key's own level … 63 brackets.
        #expect(Self.check("a: " + String(repeating: "[", count: ManifestParser.maxDepth - 1) + String(repeating: "]", count: ManifestParser.maxDepth - 1)) == nil)
    }
}
