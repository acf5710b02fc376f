import Foundation
import GraphCore
import GraphIO
import Testing
import TestSupport
@testable import GraphRender

/// Issue 14, consistency: the DOT reader refuses NaN, infinite, overflowing, hexadecimal and
/// non-numeric edge weights at the value's line and column, as the other readers do
/// (HardeningReaderTests), and reads finite ones alike.
@Suite("Hardening: DOT weights")
struct DOTWeightTests {
    static func read(_ dot: String) throws(GraphIOError) -> Network {
        try DOTReader.read(SourceText(name: "w.gv", bytes: Array(dot.utf8))).network
    }

    /// Quoted, every value; bare, the ones DOT reads as a single identifier (`-Infinity`, `1e400`
    /// and `0x10` are not DOT identifiers unquoted).
    static let cases: [(String, Bool)] = ["NaN", "nan", "inf", "-Infinity", "1e400", "0x10", "heavy"].map { ($0, true) }
        + ["NaN", "inf", "heavy"].map { ($0, false) }

    @Test("NaN, inf, 1e400, 0x10 and words are refused at the value, bare or quoted", arguments: cases)
    func refused(weight: String, quoted: Bool) {
        let value = quoted ? "\"\(weight)\"" : weight
        // Line 3, the value starts after `  b -> c [weight=` (17 bytes), plus the quote.
        let dot = "digraph {\n  a -> b [weight=2];\n  b -> c [weight=\(value)];\n}\n"
        do {
            _ = try Self.read(dot)
            Issue.record("DOT accepted weight \(value)")
        } catch {
            #expect(error.kind == .badData)
            #expect(error.file == "w.gv")
            #expect(error.line == 3, "\(error)")
            #expect(error.column == (quoted ? 19 : 18), "\(error)")
            #expect(error.message == "expected a number for the weight, found \(GraphIOError.quote(weight))", "\(error)")
        }
    }

    @Test("a default weight from an edge statement is refused where it is written")
    func defaultWeight() {
        do {
            _ = try Self.read("graph {\n  edge [weight=inf]\n  a -- b\n}\n")
            Issue.record("DOT accepted edge [weight=inf]")
        } catch {
            #expect(error.line == 2 && error.column == 16, "\(error)")
        }
    }

    @Test("finite weights are read as numbers, as in the other readers")
    func finite() throws {
        let net = try Self.read("digraph {\n  a -> b [weight=\"2.5e-1\"];\n  b -> c [\"weight\" = \" 3 \"];\n  c -> a;\n}\n")
        let layer = try #require(net.layer("edge"))
        #expect(layer.weights == [0.25, 3, 1])
        #expect(layer.attributes["weight"] == nil)
    }

    @Test("the value is found bare, quoted, after a quoted name, or not at all")
    func offsets() {
        func at(_ s: String, _ v: String) -> Int? {
            DOTNetworkBuilder.valueOffset(attribute: "weight", value: Array(v.utf8), in: Array(s.utf8))
        }
        #expect(at("a -> b [weight=nan]", "nan") == 15)
        #expect(at("a -> b [weight = \"nan\"]", "nan") == 18)
        #expect(at("a -> b [\"weight\"=nan]", "nan") == 17)
        #expect(at("a -> b [xweight=nan, weight=nan]", "nan") == 28)
        #expect(at("a -> b [weight=1]", "nan") == nil)
    }

    @Test("through the tool: one line with file:line:column, exit 65, nothing written")
    func cli() throws {
        let tmp = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: tmp) }
        let input = tmp.appendingPathComponent("w.gv").path
        try "digraph {\n  a -> b [weight=\"0x10\"];\n}\n".write(toFile: input, atomically: true, encoding: .utf8)
        let out = tmp.appendingPathComponent("w.graphml").path
        let r = try CLI.run(["convert", input, out])
        #expect(r.status == 65, "\(r.stderr)")
        #expect(r.stderr == "interstice: \(input):2:19: expected a number for the weight, found \"0x10\"\n", "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out))
    }
}

/// Issue 14, fuzzing: a DOT file on which cgraph's agclose freed arena blocks with libc free()
/// (the in-process reader aborted: "double free or corruption"). Read now with plain memory: a
/// clean error at the file's invalid UTF-8, and the same file read again gives the same error.
@Suite("Hardening: DOT fuzz findings")
struct DOTFuzzFindingTests {
    @Test("crash-2009f9df: refused with its line, no crash, twice")
    func agcloseFreesArena() throws {
        let path = Fixtures.path("fuzz/dot/crash-2009f9df41e568c1813488182e548c4859a2176c.gv")
        for _ in 0..<2 {
            do {
                _ = try DOTReader.read(try SourceText.read(path: path))
                Issue.record("read an invalid UTF-8 file")
            } catch {
                #expect(error.kind == .badData)
                #expect(error.line == 23, "\(error)")
                #expect(error.message.hasPrefix("invalid UTF-8 (byte 0xFF)"), "\(error)")
            }
        }
    }

    @Test("through the tool: info exits 65 with one line")
    func cli() throws {
        let path = Fixtures.path("fuzz/dot/crash-2009f9df41e568c1813488182e548c4859a2176c.gv")
        let r = try CLI.run(["info", path])
        #expect(r.status == 65, "\(r.stderr)")
        #expect(r.stderr.hasPrefix("interstice: \(path):23"), "\(r.stderr)")
    }
}

extension DOTFuzzFindingTests {
    @Test("every DOT fuzz finding is read or refused with an error, never a crash")
    func everyFinding() throws {
        let folder = Fixtures.path("fuzz/dot")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".gv") }.sorted()
        #expect(files.count >= 2)
        for f in files {
            let text = try SourceText.read(path: folder + "/" + f)
            do { _ = try DOTReader.read(text) } catch { #expect(error.kind == .badData || error.kind == .unsupported, "\(f): \(error)") }
        }
    }
}
