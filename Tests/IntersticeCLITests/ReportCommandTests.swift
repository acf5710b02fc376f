import Foundation
import Testing
import TestSupport

/// `interstice report`: the page is self-contained, in the asked language, and its numbers are
/// those of `centrality`, `structure` and `reach` run with the same parameters.
@Suite("interstice report (the built binary)")
struct ReportCommandTests {
    /// Modest Monte Carlo settings, the same for `report` and `reach`.
    static let reachFlags = ["--seed", "3", "--runs", "200", "--null-samples", "4", "--null-runs", "50"]
    /// A small sensitivity grid (2 p × 2 θ × {practice, ic}: 8 settings), the same for `report` and
    /// `reach --sensitivity`; 19 chance networks, so that p can reach 0.05.
    static let gridFlags = ["--grid-probability", "0.02,0.4", "--grid-theta", "0.3,0.5", "--grid-forgetting", "0.05",
                            "--grid-routinization", "6", "--grid-formalization", "0", "--grid-runs", "60", "--grid-null-samples", "19", "--grid-null-runs", "10"]

    func report(_ dataset: String, lang: String, extra: [String] = []) throws -> (html: String, stderr: String) {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("report.html").path
        let r = try CLI.run(["report", dataset, "-o", out, "--lang", lang] + Self.reachFlags + (extra.contains("--no-sensitivity") ? [] : Self.gridFlags) + extra)
        #expect(r.status == 0, "\(r.stderr)")
        let html = try String(contentsOfFile: out, encoding: .utf8)
        return (html, r.stderr)
    }

    /// Every `data-value` of the cells of column `col` in `text`, in order.
    func values(_ text: Substring, col: String) -> [Double] {
        var out: [Double] = []
        var rest = text
        let key = "data-col=\"\(col)\" data-value=\""
        while let r = rest.range(of: key) {
            rest = rest[r.upperBound...]
            let end = rest.firstIndex(of: "\"")!
            out.append(Double(rest[..<end]) ?? .nan)
        }
        return out
    }

    /// A JSON number (integers included) as a Double.
    func num(_ x: Any?) -> Double { (x as? NSNumber)?.doubleValue ?? .nan }

    /// The text of section `id`.
    func section(_ html: String, _ id: String) throws -> Substring {
        let start = try #require(html.range(of: "<section id=\"\(id)\">"))
        let end = try #require(html.range(of: "</section>", range: start.upperBound..<html.endIndex))
        return html[start.lowerBound..<end.upperBound]
    }

    /// Self-contained: no URL at all, every script inline, no stylesheet or image links.
    func expectSelfContained(_ html: String) {
        #expect(!html.contains("http://") && !html.contains("https://"))
        #expect(!html.contains("<script src") && !html.contains("<link") && !html.contains("<img"))
        #expect(html.components(separatedBy: "<script").count == html.components(separatedBy: "<script>").count)
        #expect(html.components(separatedBy: "<script>").count == html.components(separatedBy: "</script>").count)
        #expect(html.hasPrefix("<!DOCTYPE html>") && html.hasSuffix("</html>\n"))
    }

    @Test(arguments: ["cucm-plie", "chalon-sur-saone"], ["en", "fr"])
    func sectionsInTheLanguage(dataset: String, lang: String) throws {
        let (html, _) = try report(Fixtures.dataset(dataset), lang: lang)
        expectSelfContained(html)
        #expect(html.contains("<html lang=\"\(lang)\">"))
        for id in ["diagram", "brokers", "crossing", "reach", "method"] {
            #expect(html.contains("<section id=\"\(id)\">"), "section \(id)")
        }
        #expect(html.contains("<svg"))
        #expect(html.contains("table class=\"sortable"))
        if lang == "fr" {
            #expect(html.contains("Qui relie les organisations") && html.contains("Comment cela a été calculé"))
            #expect(html.contains("l’institutionnalise dans") && !html.contains("Who bridges"))
            #expect(html.contains("Une invention part du collectif « ") && !html.contains("part de the collective"))
            #expect(html.contains("Adoption hors du collectif, par organisation") && html.contains("fin du collectif"))
        } else {
            #expect(html.contains("Who bridges organizations") && html.contains("How this was computed"))
            #expect(html.contains("institutionalizes it in") && !html.contains("Qui relie"))
        }
        // Five brokers, each with a sentence; each model of the request with a table.
        let brokers = try section(html, "brokers")
        #expect(brokers.components(separatedBy: "<tr data-node=").count - 1 == 5)
        #expect(brokers.components(separatedBy: "<li>").count - 1 == 5)
        let models = try #require(html.range(of: "<dd id=\"reach-models\">"))
        let modelCount = html[models.upperBound...].prefix { $0 != "<" }.split(separator: ",").count
        #expect(modelCount >= 1)
        #expect(html.components(separatedBy: "class=\"sortable reach-table\"").count - 1 == modelCount)
        // The adoption curves, inline.
        let reach = try section(html, "reach")
        #expect(reach.contains("<h3 id=\"curves\">") && reach.components(separatedBy: "<svg").count == 2)
        // How it was computed: seed, runs, θ, null samples, SHA-256 and the version.
        let method = try section(html, "method")
        for key in ["<dt>seed</dt><dd>3</dd>", "<dt>runs</dt><dd>200</dd>", "<dt>theta</dt><dd>0.5</dd>",
                    "<dt>null_samples</dt><dd>4</dd>", "<dt>null_runs</dt><dd>50</dd>", "<dt>SHA-256</dt>", "Interstice 0.1.0"] {
            #expect(method.contains(key), "\(key)")
        }
        // A node's hover text holds its scores.
        #expect(html.contains("betweenness: "))
    }

    /// The top broker and its betweenness are `interstice centrality`'s; the E-I index is
    /// `interstice structure`'s.
    @Test(arguments: ["cucm-plie", "chalon-sur-saone"])
    func brokersAndEIIndexMatchTheirCommands(dataset: String) throws {
        let path = Fixtures.dataset(dataset)
        let (html, _) = try report(path, lang: "en")
        let c = try CLI.run(["centrality", path, "--measure", "betweenness,degree", "--format", "json"])
        #expect(c.status == 0, "\(c.stderr)")
        let rows = try #require((try JSONSerialization.jsonObject(with: Data(c.stdout.utf8)) as? [String: Any])?["rows"] as? [[String: Any]])
        var best = rows[0]
        for r in rows where num(r["betweenness"]) > num(best["betweenness"]) { best = r }
        let brokers = try section(html, "brokers")
        let firstID = try #require(brokers.range(of: "<tr data-node=\""))
        let id = brokers[firstID.upperBound...].prefix { $0 != "\"" }
        #expect(String(id) == best["id"] as? String)
        let b = values(brokers, col: "betweenness")
        #expect(b.count == 5)
        #expect(abs(b[0] - num(best["betweenness"])) < 1e-12)
        #expect(b == b.sorted(by: >))

        let s = try CLI.run(["structure", path, "--format", "json"])
        let d = try #require(try JSONSerialization.jsonObject(with: Data(s.stdout.utf8)) as? [String: Any])
        let crossing = try section(html, "crossing")
        let ei = try #require(crossing.range(of: "id=\"ei-index\" data-value=\""))
        let eiValue = Double(crossing[ei.upperBound...].prefix { $0 != "\"" })
        #expect(abs(try #require(eiValue) - num(d["E-I index"])) < 1e-12)
        #expect(crossing.contains("<strong>\(d["ties within organizations"] as! Int)</strong>"))
        #expect(crossing.contains("<strong>\(d["ties between organizations"] as! Int)</strong>"))
        if dataset == "cucm-plie" { #expect(abs(eiValue! - (-109.0 / 151.0)) < 1e-12) }
    }

    /// The reach probabilities, intervals and p-values are `interstice reach --format json`'s with
    /// the same seed and parameters, model by model and organization by organization.
    @Test(arguments: ["cucm-plie", "chalon-sur-saone"])
    func reachMatchesReachJSON(dataset: String) throws {
        let path = Fixtures.dataset(dataset)
        let (html, _) = try report(path, lang: "fr")
        let r = try CLI.run(["reach", path, "--format", "json"] + Self.reachFlags)
        #expect(r.status == 0, "\(r.stderr)")
        let d = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let models = try #require(d["models"] as? [[String: Any]])
        let tables = html.components(separatedBy: "class=\"sortable reach-table\"").dropFirst()
        #expect(tables.count == models.count)
        for (m, table) in zip(models, tables) {
            let body = Substring(table[..<(table.range(of: "</table>")?.lowerBound ?? table.endIndex)])
            #expect(body.hasPrefix(" data-model=\"\(m["model"] as! String)\""))
            let orgs = m["organizations"] as! [[String: Any]]
            let p = values(body, col: "p_institutionalized"), lo = values(body, col: "p_institutionalized_low")
            let hi = values(body, col: "p_institutionalized_high"), pg = values(body, col: "p_greater")
            #expect(p.count == orgs.count && orgs.count > 0)
            for (i, o) in orgs.enumerated() where i < p.count {
                #expect(body.contains("data-org=\"\(o["organization"] as! String)\""))
                #expect(abs(p[i] - num(o["p_institutionalized"])) < 1e-12)
                #expect(abs(lo[i] - num(o["p_institutionalized_low"])) < 1e-12)
                #expect(abs(hi[i] - num(o["p_institutionalized_high"])) < 1e-12)
                #expect(abs(pg[i] - num((o["null"] as! [String: Any])["p_greater"])) < 1e-12)
            }
        }
    }

    /// The robustness paragraph: its settings are `reach --sensitivity --format json`'s with the
    /// same parameters, row by row; each model's conclusion is counted over the grid as the JSON's
    /// verdicts say, and the wording claims no more than the count.
    @Test(arguments: ["cucm-plie", "chalon-sur-saone"], ["en", "fr"])
    func robustnessMatchesReachSensitivityJSON(dataset: String, lang: String) throws {
        let path = Fixtures.dataset(dataset)
        let (html, _) = try report(path, lang: lang)
        let r = try CLI.run(["reach", path, "--format", "json", "--sensitivity", "--grid-nulls", "collective-preserving"]
                            + Self.reachFlags + Self.gridFlags)
        #expect(r.status == 0, "\(r.stderr)")
        let d = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let grid = try #require((d["sensitivity"] as? [String: Any])?["grid"] as? [[String: Any]])
        #expect(grid.count == 8)
        let reach = try section(html, "reach")
        let robust = try #require(reach.range(of: "<h3 id=\"robustness\">"))
        let part = reach[robust.lowerBound...]
        #expect(part.contains("id=\"sensitivity-settings\" data-value=\"8\""))
        // Every setting, in order, with its numbers and verdict.
        let table = try #require(part.range(of: "id=\"sensitivity-table\""))
        let rows = part[table.upperBound...].components(separatedBy: "<tr data-verdict=\"").dropFirst()
        #expect(rows.count == grid.count)
        for (g, row) in zip(grid, rows) {
            let cells = Substring(row)
            #expect(row.hasPrefix("\(g["verdict"] as! String)\""))
            #expect(cells.contains("<td data-col=\"model\">\(g["model"] as! String)</td>"))
            for (col, key) in [("p", "p"), ("theta", "theta"), ("observed", "organizations_institutionalized"),
                               ("null_mean", "null_mean"), ("p_less", "p_less"), ("p_greater", "p_greater")] {
                let v = values(cells, col: col)
                #expect(v.count == 1 && abs(v[0] - num(g[key])) < 1e-12, "\(col)")
            }
        }
        let observed = grid.map { num($0["organizations_institutionalized"]) }
        #expect(part.contains("id=\"sensitivity-min\" data-value=\"\(observed.min()!)\""))
        #expect(part.contains("id=\"sensitivity-max\" data-value=\"\(observed.max()!)\""))
        // Per value of the axes that vary, the verdict counts; an axis with one value has no row.
        #expect(!part.contains("<tr data-axis=\"δ\"") && !part.contains("<tr data-axis=\"R\""))
        for (axis, key) in [("p", "p"), ("θ", "theta")] {
            for v in Set(grid.map { num($0[key]) }) {
                let sub = grid.filter { num($0[key]) == v }
                let tr = try #require(part.range(of: "<tr data-axis=\"\(axis)\" data-axis-value=\"\(v)\">"))
                let line = part[tr.upperBound...].prefix { $0 != "\n" }
                #expect(values(line, col: "settings") == [Double(sub.count)])
                #expect(values(line, col: "fewer") == [Double(sub.filter { $0["verdict"] as? String == "fewer" }.count)])
                #expect(values(line, col: "more") == [Double(sub.filter { $0["verdict"] as? String == "more" }.count)])
            }
        }
        // Each model's conclusion above, counted over its own settings and over the whole grid.
        for m in try #require(d["models"] as? [[String: Any]]) {
            let name = m["model"] as! String
            let c = try #require((m["overall"] as? [[String: Any]])?.first)
            let verdict = num(c["p_less"]) <= 0.05 ? "fewer" : num(c["p_greater"]) <= 0.05 ? "more" : "no clear difference"
            let own = grid.filter { $0["model"] as? String == name }
            let k = own.filter { $0["verdict"] as? String == verdict }.count
            let all = grid.filter { $0["verdict"] as? String == verdict }.count
            #expect(part.contains("data-count=\"\(name)-model\" data-value=\"\(k)\" data-of=\"\(own.count)\""), "\(name)")
            #expect(part.contains("data-count=\"\(name)-all\" data-value=\"\(all)\" data-of=\"\(grid.count)\""), "\(name)")
            // The model's sentence: "holds everywhere" only when it does.
            let li = try #require(part.range(of: "<li><strong>\(name)</strong>"))
            let sentence = part[li.lowerBound...].prefix { $0 != "\n" }
            let everywhere = lang == "fr" ? "ne dépend pas des hypothèses" : "does not depend on the assumptions"
            let nowhere = lang == "fr" ? "tient entièrement aux paramètres" : "depends entirely on the parameters"
            let most = lang == "fr" ? "vaut dans la plupart des réglages, pas dans tous" : "holds in most settings but not all"
            let depends = lang == "fr" ? "elle vaut dans la moitié des réglages au plus" : "it holds in at most half of the settings"
            #expect(sentence.contains(everywhere) == (k == own.count), "\(sentence)")
            #expect(sentence.contains(nowhere) == (k == 0), "\(sentence)")
            #expect(sentence.contains(most) == (2 * k > own.count && k < own.count), "\(sentence)")
            #expect(sentence.contains(depends) == (k > 0 && 2 * k <= own.count), "\(sentence)")
            #expect(sentence.contains(lang == "fr" ? "\(k) réglages sur \(own.count)" : "\(k) of \(own.count) settings"), "\(sentence)")
        }
        // How it was computed: the grid and the command that repeats it.
        let method = try section(html, "method")
        for key in ["<dt>grid_runs</dt><dd>60</dd>", "<dt>grid_null_samples</dt><dd>19</dd>", "<dt>grid_null_runs</dt><dd>10</dd>",
                    "--grid-nulls collective-preserving --grid-runs 60"] {
            #expect(method.contains(key), "\(key)")
        }
    }

    /// `--no-sensitivity` leaves the paragraph out and says so; grid options with it are an error.
    @Test func noSensitivity() throws {
        let (html, _) = try report(Fixtures.dataset("chalon-sur-saone"), lang: "en", extra: ["--no-sensitivity"])
        #expect(!html.contains("id=\"robustness\""))
        #expect(try section(html, "method").contains("not run (--no-sensitivity)"))
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let bad = try CLI.run(["report", Fixtures.dataset("chalon-sur-saone"), "-o", folder.appendingPathComponent("r.html").path,
                               "--no-sensitivity", "--grid-theta", "0.5"])
        #expect(bad.status == 64 && bad.stderr.contains("--grid-theta only apply without --no-sensitivity"), "\(bad.stderr)")
        let range = try CLI.run(["report", Fixtures.dataset("chalon-sur-saone"), "-o", folder.appendingPathComponent("r.html").path,
                                 "--grid-runs", "0"])
        #expect(range.status == 64 && range.stderr.contains("grid-runs must be in 1…1000000"), "\(range.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }

    /// Same seed, same page, whatever the thread count (which the page records).
    @Test func samePageWhateverTheThreads() throws {
        let a = try report(Fixtures.dataset("cucm-plie"), lang: "en", extra: ["--threads", "1"]).html
        let b = try report(Fixtures.dataset("cucm-plie"), lang: "en", extra: ["--threads", "2"]).html
        // Only the recorded thread count differs.
        #expect(a.replacingOccurrences(of: "<dt>threads</dt><dd>1</dd>", with: "<dt>threads</dt><dd>2</dd>") == b)
        #expect(a != b)
    }

    /// Labels and ids from the data are HTML-escaped, in the tables and in the diagram.
    @Test func labelsAreEscaped() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let copy = folder.appendingPathComponent("chalon")
        try FileManager.default.copyItem(at: URL(fileURLWithPath: Fixtures.dataset("chalon-sur-saone")), to: copy)
        let nodes = copy.appendingPathComponent("nodes.csv")
        var text = try String(contentsOf: nodes, encoding: .utf8)
        var lines = text.components(separatedBy: "\n")
        #expect(lines[0].hasPrefix("id,kind,label,"))
        // Every actor's label (third field, maybe quoted) gets markup, so whichever actor is the top broker shows it.
        for i in 1..<lines.count {
            guard let kind = lines[i].range(of: ",actor,") else { continue }
            let rest = lines[i][kind.upperBound...]
            let end = rest.hasPrefix("\"") ? rest.range(of: "\",", range: rest.index(after: rest.startIndex)..<rest.endIndex)!.upperBound
                                           : rest.range(of: ",")!.upperBound
            lines[i] = String(lines[i][..<kind.upperBound]) + "Zoé <b>&</b> n\(i)," + rest[end...]
        }
        text = lines.joined(separator: "\n")
        try text.write(to: nodes, atomically: true, encoding: .utf8)
        let (html, _) = try report(copy.path, lang: "en")
        expectSelfContained(html)
        #expect(!html.contains("<b>&</b>"))
        let brokers = try section(html, "brokers")
        #expect(brokers.contains("Zoé &lt;b&gt;&amp;&lt;/b&gt; n"))
        #expect(try section(html, "diagram").contains("Zoé &lt;b&gt;&amp;&lt;/b&gt; n"))
    }

    /// Bad input: the usual exit codes, one line, and no file left behind.
    @Test func badInputLeavesNoFile() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("r.html").path
        let missing = try CLI.run(["report", folder.appendingPathComponent("nowhere.graphml").path, "-o", out])
        #expect(missing.status == 66)
        #expect(missing.stderr.split(separator: "\n").count == 1, "\(missing.stderr)")
        let lang = try CLI.run(["report", Fixtures.dataset("cucm-plie"), "-o", out, "--lang", "de"])
        #expect(lang.status == 64)
        let ext = try CLI.run(["report", Fixtures.dataset("cucm-plie"), "-o", folder.appendingPathComponent("r.txt").path])
        #expect(ext.status == 64 && ext.stderr.contains("name the file .html"))
        let theta = try CLI.run(["report", Fixtures.dataset("cucm-plie"), "-o", out, "--theta", "2"])
        #expect(theta.status == 64, "\(theta.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }
}
