import Foundation
import Testing
import TestSupport

/// The report in a real browser: headless Chromium (`make setup` installs it) loads the page of
/// a case study, its scripts run to the end without a single console message, and the DOM they
/// leave holds the numbers of the CLI's JSON. Never skipped: without Chromium the test fails,
/// saying how to install it.
@Suite("interstice report in headless Chromium")
struct ReportBrowserTests {
    /// Small Monte Carlo settings and grid, so that a page is written in a few seconds.
    static let flags = ["--seed", "5", "--runs", "100", "--null-samples", "4", "--null-runs", "20",
                        "--grid-probability", "0.05,0.4", "--grid-theta", "0.5", "--grid-forgetting", "0.05",
                        "--grid-routinization", "6", "--grid-formalization", "0", "--grid-runs", "40", "--grid-null-samples", "4", "--grid-null-runs", "10"]

    func num(_ x: Any?) -> Double { (x as? NSNumber)?.doubleValue ?? .nan }

    /// Every number held by `data-value` after `key` in `text` (`data-col="c" data-value="`).
    func values(_ text: Substring, after key: String) -> [Double] {
        var out: [Double] = []
        var rest = text
        while let r = rest.range(of: key) {
            rest = rest[r.upperBound...]
            out.append(Double(rest.prefix { $0 != "\"" }) ?? .nan)
        }
        return out
    }

    /// Whether some value is within 1e-12 (relative) of `x`.
    func holds(_ xs: [Double], _ x: Double) -> Bool { xs.contains { abs($0 - x) <= 1e-12 * max(1, abs(x)) } }

    func json(_ args: [String]) throws -> [String: Any] {
        let r = try CLI.run(args + ["--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
    }

    /// The harness sees what it must: a page with a console message and an uncaught error is
    /// caught, and its DOM is the one after its script ran.
    @Test func theHarnessCatchesConsoleErrors() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let page = folder.appendingPathComponent("broken.html")
        try """
        <!DOCTYPE html><html><body><p id="x">0</p><script>
        document.getElementById('x').textContent = String(6 * 7); console.error('bad'); undefinedFunction();
        </script></body></html>
        """.write(to: page, atomically: true, encoding: .utf8)
        let loaded = try Browser.load(page)
        #expect(loaded.status == 0, "\(loaded.stderr)")
        #expect(loaded.dom.contains("<p id=\"x\">42</p>"))
        #expect(loaded.console.count == 2, "\(loaded.console)")
        #expect(loaded.console.contains { $0.contains("Uncaught ReferenceError: undefinedFunction is not defined") })
    }

    @Test(arguments: [("cucm-plie", "en"), ("chalon-sur-saone", "fr")])
    func reportLoadsCleanAndShowsTheNumbers(dataset: String, lang: String) throws {
        let path = Fixtures.dataset(dataset)
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("report.html")
        let r = try CLI.run(["report", path, "-o", out.path, "--lang", lang] + Self.flags)
        #expect(r.status == 0, "\(r.stderr)")

        let page = try Browser.load(out)
        #expect(page.status == 0, "\(page.stderr)")
        #expect(page.console.isEmpty, "console: \(page.console)")
        let dom = page.dom
        let all = Substring(dom)
        // The scripts ran to their end (the last statement marks the root element).
        #expect(dom.contains("<html lang=\"\(lang)\" data-scripts=\"ran\">"))
        for id in ["diagram", "brokers", "crossing", "reach", "method"] { #expect(dom.contains("<section id=\"\(id)\">"), "\(id)") }
        // The diagram is an inline SVG with a node per network node.
        #expect(dom.contains("<svg") && dom.contains("<g id=\"n0\" class=\"node"))

        // Brokers: the top betweenness of `centrality`.
        let c = try json(["centrality", path, "--measure", "betweenness,degree"])
        let rows = try #require(c["rows"] as? [[String: Any]])
        let top = rows.map { num($0["betweenness"]) }.max()!
        #expect(holds(values(all, after: "data-col=\"betweenness\" data-value=\""), top))
        // The E-I index of `structure`, shown with three decimals in the page's language.
        let s = try json(["structure", path])
        let ei = num(s["E-I index"])
        let shown = String(format: "%.3f", ei).replacingOccurrences(of: ".", with: lang == "fr" ? "," : ".")
        let eiShown = try #require(dom.range(of: "id=\"ei-index\" data-value=\""))
        #expect(holds(values(all[eiShown.lowerBound...], after: "data-value=\"").prefix(1).map { $0 }, ei))
        #expect(dom[eiShown.upperBound...].prefix { $0 != "<" }.hasSuffix("\">\(shown)"))
        // Reach and its sweep: `reach --sensitivity` with the same parameters.
        let reach = try json(["reach", path, "--sensitivity", "--grid-nulls", "collective-preserving"] + Self.flags)
        for m in try #require(reach["models"] as? [[String: Any]]) {
            for o in try #require(m["organizations"] as? [[String: Any]]) {
                let name = o["organization"] as! String
                let tr = try #require(dom.range(of: "<tr data-org=\"\(name)\">"), "\(name)")
                let row = dom[tr.upperBound...].prefix { $0 != "\n" }
                #expect(holds(values(row, after: "data-col=\"p_institutionalized\" data-value=\""), num(o["p_institutionalized"])), "\(name)")
            }
        }
        let grid = try #require((reach["sensitivity"] as? [String: Any])?["grid"] as? [[String: Any]])
        #expect(dom.contains("id=\"sensitivity-settings\" data-value=\"\(grid.count)\""))
        #expect(dom.components(separatedBy: "<tr data-verdict=").count - 1 == grid.count)
        let observed = values(all, after: "data-col=\"observed\" data-value=\"")
        #expect(observed.count == grid.count)
        for (x, g) in zip(observed, grid) { #expect(holds([x], num(g["organizations_institutionalized"]))) }
    }
}
