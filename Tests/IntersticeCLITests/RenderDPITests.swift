import Foundation
import Testing
import TestSupport

/// `render --dpi`: print resolution by default, range-checked, refused where it means nothing.
@Suite("render --dpi (the built binary)")
struct RenderDPITests {
    static func pixels(_ path: String) throws -> (Int, Int) {
        let b = Array(try Data(contentsOf: URL(fileURLWithPath: path)).prefix(24))
        return (b[16..<20].reduce(0) { $0 << 8 | Int($1) }, b[20..<24].reduce(0) { $0 << 8 | Int($1) })
    }

    @Test("PNG: 300 dpi by default, --dpi 150 halves each side; out of range or with SVG: exit 64, nothing written")
    func dpi() throws {
        let tmp = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: tmp) }
        let ds = Fixtures.dataset("krackhardt-hightech")
        let full = tmp.appendingPathComponent("full.png").path, half = tmp.appendingPathComponent("half.png").path
        let a = try CLI.run(["render", ds, "-o", full])
        #expect(a.status == 0, "\(a.stderr)")
        let b = try CLI.run(["render", ds, "--dpi", "150", "-o", half])
        #expect(b.status == 0, "\(b.stderr)")
        let (w, h) = try Self.pixels(full), (w2, h2) = try Self.pixels(half)
        #expect(abs(w - 2 * w2) <= 2 && abs(h - 2 * h2) <= 2, "\(w)×\(h) and \(w2)×\(h2)")
        // The drawing's size in points, from the plain output: pixels = inches × 300.
        let plain = try CLI.run(["render", ds, "--format", "plain", "-o", "-"])
        let first = try #require(plain.stdout.split(separator: "\n").first?.split(separator: " "))
        let (inW, inH) = (try #require(Double(first[2])), try #require(Double(first[3])))
        #expect(abs(Double(w) - (inW + 0.6) * 300) <= 3 && abs(Double(h) - (inH + 0.6) * 300) <= 3, "\(w)×\(h) for \(inW)×\(inH) in")

        for bad in ["50", "1201", "nan"] {
            let out = tmp.appendingPathComponent("bad-\(bad).png").path
            let r = try CLI.run(["render", ds, "--dpi", bad, "-o", out])
            #expect(r.status == 64 && r.stderr.contains("--dpi must be in 72"), "\(bad): \(r.stderr)")
            #expect(!FileManager.default.fileExists(atPath: out))
        }
        let svg = tmp.appendingPathComponent("d.svg").path
        let r = try CLI.run(["render", ds, "--dpi", "300", "-o", svg])
        #expect(r.status == 64 && r.stderr.contains("applies to png and jpg, not svg"), "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: svg))
    }
}
