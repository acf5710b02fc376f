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

    @Test("lines end where libyaml's do: CR, NEL, LS and PS before deep brackets hide nothing (a fuzz finding)")
    func otherLineBreaks() throws {
        // The long fuzz run's manifest target: "\r{{{…[{{…" overflowed Yams' stack under
        // AddressSanitizer; the scan had read the whole file as one blank line (it began with CR).
        let found = try Data(contentsOf: URL(fileURLWithPath: Fixtures.path("fuzz/manifest/crash-b2a4ecb4e3f62f9c88d3ca328abb82af774bede9.yaml")))
        do {
            _ = try Manifest.parse(Array(found), file: "m.yaml", folder: "/nonexistent-interstice-test")
            Issue.record("parsed")
        } catch {
            #expect(error.message.hasPrefix("the manifest nests collections more than 64 deep"), "\(error)")
        }
        for (name, lineBreak) in [("CR", "\r"), ("CRLF", "\r\n"), ("NEL", "\u{85}"), ("LS", "\u{2028}"), ("PS", "\u{2029}")] {
            let text = "a: 1" + lineBreak + "b: " + String(repeating: "{", count: 5_000) + String(repeating: "}", count: 5_000) + lineBreak
            guard let e = Self.check(text) else { Issue.record("\(name): accepted"); continue }
            // Line 2 (libyaml counts these breaks too); "b:" is level 1, the 64th brace level 65.
            #expect(e.line == 2 && e.column == 4 + ManifestParser.maxDepth - 1, "\(name): \(e)")
        }
        // A lone CR ends a line for the block structure too: "a:\r  b:\r    c: 1" is three levels deep.
        #expect(Self.check("a:\r  b:\r    c: 1\r") == nil)
        var deep = ""
        for i in 0..<100 { deep += String(repeating: " ", count: i) + "k\(i):\r" }
        #expect(Self.check(deep)?.line == ManifestParser.maxDepth + 1)
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
