import Foundation
import GRDB
import Interstice
import TestSupport
import Testing
@testable import Batch

/// Every table of a store, timing columns left out.
func contents(_ path: String) throws -> [String: [[JSONValue]]] {
    let s = try ResultStore(path: path)
    defer { try? s.close() }
    var out: [String: [[JSONValue]]] = [:]
    for t in ResultStore.tables where t.name != "runs" {
        out[t.name] = try s.rows(t.name, excluding: ResultStore.timingColumns).rows
    }
    return out
}

/// Expects two stores to hold the same rows (timing left out), naming the first difference.
func expectSameRows(_ a: String, _ b: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let (c1, c2) = (try contents(a), try contents(b))
    #expect(c1.keys.sorted() == c2.keys.sorted(), sourceLocation: sourceLocation)
    for t in c1.keys.sorted() where c1[t] != c2[t] {
        let first = zip(c1[t]!, c2[t]!).first { $0 != $1 }.map { "\($0)\n\($1)" } ?? "(one table is a prefix of the other)"
        Issue.record("table \(t) differs: \(c1[t]!.count) vs \(c2[t]?.count ?? 0) rows; first difference:\n\(first)",
                     sourceLocation: sourceLocation)
    }
}

@Suite("Batch: runner and store")
struct RunnerTests {
    static let text = """
    datasets: [Datasets/chalon-sur-saone, Datasets/cucm-plie, Datasets/krackhardt-hightech]
    analyses:
      - info
      - centrality: {measures: [degree, betweenness, pagerank]}
      - diffuse: {model: [ic, lt], theta: [0.3, 0.6], runs: 200, horizon: 20}
    """

    func run(_ text: String = RunnerTests.text, into folder: URL, jobs: Int = 1, shard: Shard = .all, force: Bool = false)
        throws -> (BatchRunner.Summary, String) {
        let plan = try JobPlan(try manifest(text), version: "test")
        let path = folder.appendingPathComponent("results.sqlite").path
        let store = try ResultStore(path: path)
        defer { try? store.close() }
        let options = BatchRunner.Options(version: "test", jobs: jobs, shard: shard, force: force)
        return (try BatchRunner(options: options).run(plan, into: store, manifestPath: "m.yaml"), path)
    }

    @Test("A run stores every job's rows; the values are those of the analyses")
    func values() throws {
        let tmp = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: tmp) }
        let (s, path) = try run(into: tmp)
        // Per dataset: info, centrality, 4 diffuse jobs. krackhardt has no collective: its 4
        // diffuse jobs fail (no seeds), recorded with their error.
        #expect(s.total == 18 && s.done == 14 && s.failed == 4 && s.skipped == 0)
        let c = try contents(path)
        let jobs = try #require(c["jobs"])
        #expect(jobs.count == 18)
        let store = try ResultStore(path: path)
        defer { try? store.close() }
        let failures = try store.failures()
        #expect(failures.count == 4)
        #expect(failures.allSatisfy { $0.dataset == "Datasets/krackhardt-hightech" && $0.error.contains("no collective") })
        // info of cucm-plie: 39 actors + 7 organizations + 2 units + 1 collective + 1 meeting, 220 edges (its README).
        let stats = try #require(c["statistics"])
        let cucmInfo = try #require(jobs.first { $0[2] == "Datasets/cucm-plie" && $0[4] == "info" })[0]
        func stat(_ job: JSONValue, _ name: String) -> JSONValue? { stats.first { $0[0] == job && $0[2] == .string(name) }?[3] }
        #expect(stat(cucmInfo, "nodes") == .double(50))
        #expect(stat(cucmInfo, "edges") == .double(220))
        #expect(stat(cucmInfo, "nodes:organization") == .double(7))
        // Centrality: one row per actor and measure (organizations and the collective left out).
        let scores = try #require(c["node_scores"])
        let cucmCentrality = try #require(jobs.first { $0[2] == "Datasets/cucm-plie" && $0[4] == "centrality" })[0]
        #expect(scores.filter { $0[0] == cucmCentrality }.count == 39 * 3)
        // Diffusion: a row per organization and model, curves of horizon + 1 steps.
        let reach = try #require(c["organization_reach"])
        let diffuse = jobs.filter { $0[2] == "Datasets/cucm-plie" && $0[4] == "diffuse" }.map { $0[0] }
        #expect(diffuse.count == 4)
        // Six organizations: the PLIE is a scheme (employer=false), not counted.
        for j in diffuse { #expect(reach.filter { $0[0] == j }.count == 6) }
        let curves = try #require(c["curves"])
        #expect(curves.filter { $0[0] == diffuse[0] }.count == 6 * 21)
    }

    @Test("The practice model and the collective-preserving null run from a manifest; practice parameters with another model fail the job, naming them")
    func practice() throws {
        let tmp = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: tmp) }
        let text = """
        datasets: [Datasets/cucm-plie]
        analyses:
          - diffuse: {model: practice, forgetting: 0.1, turnover: 0.05, replace: none, runs: 100, horizon: 12}
          - diffuse: {model: ic, forgetting: 0.1, runs: 100, horizon: 12}
          - reach: {null: collective-preserving, null_samples: 3, null_runs: 20, runs: 100, horizon: 12}
        """
        let (s, path) = try run(text, into: tmp)
        #expect(s.total == 3 && s.done == 2 && s.failed == 1)
        let store = try ResultStore(path: path)
        defer { try? store.close() }
        let failures = try store.failures()
        #expect(failures.count == 1 && failures[0].error.contains("forgetting is a parameter of practice"), "\(failures.first?.error ?? "")")
        let c = try contents(path)
        let jobs = try #require(c["jobs"])
        let reach = try #require(c["organization_reach"])
        // One row per organization counted (the PLIE, a scheme, is left out).
        for j in jobs where j[4] != "diffuse" || reach.contains(where: { $0[0] == j[0] }) {
            #expect(reach.filter { $0[0] == j[0] }.count == 6)
        }
        #expect(Set(reach.map { $0[0] }).count == 2)
    }

    @Test("Practice jobs store P(endorsed), P(formalized) and departures; a store made before those columns gains them when opened and merges into a new one")
    func practiceColumnsAndOlderStores() throws {
        let tmp = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: tmp) }
        let text = """
        datasets: [Datasets/cucm-plie]
        analyses:
          - diffuse: {model: practice, turnover: 0.1, endorsement: 0.3, formalization: 0.05, runs: 200, horizon: 12}
        """
        let newer = tmp.appendingPathComponent("new"), older = tmp.appendingPathComponent("old")
        let (s, path) = try run(text, into: newer)
        #expect(s.done == 1)
        let (columns, rows) = try { let st = try ResultStore(path: path); defer { try? st.close() }; return try st.rows("organization_reach") }()
        let e = try #require(columns.firstIndex(of: "p_endorsed")), f = try #require(columns.firstIndex(of: "p_formalized"))
        let lo = try #require(columns.firstIndex(of: "p_endorsed_low")), hi = try #require(columns.firstIndex(of: "p_endorsed_high"))
        #expect(rows.count == 6)
        for r in rows {
            guard case .double(let pe) = r[e], case .double(let pf) = r[f], case .double(let l) = r[lo], case .double(let h) = r[hi] else {
                Issue.record("practice columns missing in \(r)"); continue
            }
            #expect(0 < pf && pf <= pe && pe <= 1 && l <= pe && pe <= h)  // formalized only after endorsed
        }
        let stats = try contents(path)["statistics"] ?? []
        #expect(stats.contains { row in
            guard row[2] == .string("departures"), case .double(let d) = row[3] else { return false }
            return d > 0
        })

        // The same store as an older Interstice wrote it: without the practice columns.
        let (_, oldPath) = try run(text, into: older)
        let q = try DatabaseQueue(path: oldPath)
        try q.write { db in
            for c in ["p_endorsed", "p_endorsed_low", "p_endorsed_high", "p_formalized", "p_formalized_low", "p_formalized_high"] {
                try db.execute(sql: "ALTER TABLE organization_reach DROP COLUMN \(c)")
            }
        }
        try q.close()
        let merged = try ResultStore(path: tmp.appendingPathComponent("merged/results.sqlite").path)
        #expect(try merged.merge(from: oldPath) == 1)
        let m = try merged.rows("organization_reach")
        try merged.close()
        #expect(m.rows.count == 6 && m.rows.allSatisfy { $0[m.columns.firstIndex(of: "p_endorsed")!] == .null })
        let reopened = try ResultStore(path: oldPath)
        #expect(try reopened.rows("organization_reach").columns == columns)
        try reopened.close()
    }

    @Test("The same rows whatever --jobs; a second run resumes (skips done jobs), --force runs again")
    func determinismAndResume() throws {
        let a = try Fixtures.temporaryFolder(), b = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: a); try? FileManager.default.removeItem(at: b) }
        let (s1, p1) = try run(into: a, jobs: 1)
        let (_, p2) = try run(into: b, jobs: 3)
        try expectSameRows(p1, p2)
        let (again, _) = try run(into: a, jobs: 2)
        // Failed jobs are tried again; done ones are skipped.
        #expect(again.skipped == s1.done && again.done == 0 && again.failed == 4)
        let (forced, _) = try run(into: a, jobs: 2, force: true)
        #expect(forced.skipped == 0 && forced.done == s1.done)
        try expectSameRows(p1, p2)
    }

    @Test("Shards run disjoint subsets; merged, they equal the whole run")
    func shardsAndMerge() throws {
        let whole = try Fixtures.temporaryFolder(), s1 = try Fixtures.temporaryFolder(), s2 = try Fixtures.temporaryFolder()
        let merged = try Fixtures.temporaryFolder()
        defer { for u in [whole, s1, s2, merged] { try? FileManager.default.removeItem(at: u) } }
        let (_, pw) = try run(into: whole, jobs: 2)
        let (r1, p1) = try run(into: s1, shard: Shard(index: 1, count: 2))
        let (r2, p2) = try run(into: s2, jobs: 2, shard: Shard(index: 2, count: 2))
        #expect(r1.inShard == 9 && r2.inShard == 9)
        let m = try ResultStore(path: merged.appendingPathComponent("results.sqlite").path)
        #expect(try m.merge(from: p1) == 9)
        #expect(try m.merge(from: p2) == 9)
        #expect(try m.rows("runs").rows.count == 2)
        try m.close()
        try expectSameRows(merged.appendingPathComponent("results.sqlite").path, pw)
    }

    @Test("Export: one CSV and one JSON Lines file per table, rows in key order")
    func export() throws {
        let tmp = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: tmp) }
        let (_, path) = try run(into: tmp)
        let store = try ResultStore(path: path)
        defer { try? store.close() }
        let csv = try store.export(to: tmp.path, format: .csv)
        #expect(csv.map { URL(fileURLWithPath: $0).lastPathComponent } ==
                ["jobs.csv", "statistics.csv", "node_scores.csv", "organization_reach.csv", "curves.csv", "files.csv", "runs.csv"])
        let jobs = try String(contentsOfFile: tmp.appendingPathComponent("jobs.csv").path, encoding: .utf8)
        #expect(jobs.hasPrefix("key,ordinal,dataset,dataset_sha256,analysis,params,status,error,seed,version,started,finished,seconds,run\n"))
        #expect(jobs.split(separator: "\n").count == 19)
        _ = try store.export(to: tmp.path, format: .jsonl, tables: ["organization_reach"])
        let lines = try String(contentsOfFile: tmp.appendingPathComponent("organization_reach.jsonl").path, encoding: .utf8)
            .split(separator: "\n")
        let stored = try store.rows("organization_reach").rows.count
        #expect(lines.count == stored)
        let first = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        #expect(first["model"] as? String != nil && first["p_reached"] as? Double != nil)
    }
}

@Suite("Batch: render jobs")
struct RenderJobTests {
    @Test("A render job writes its diagram beside the store, recorded in files; the same bytes every run; merge copies it")
    func render() throws {
        let a = try Fixtures.temporaryFolder(), b = try Fixtures.temporaryFolder(), m = try Fixtures.temporaryFolder()
        defer { for u in [a, b, m] { try? FileManager.default.removeItem(at: u) } }
        let text = """
        datasets: [Datasets/chalon-sur-saone]
        analyses: [{render: {format: [svg, dot], size_by: betweenness}}]
        """
        let plan = try JobPlan(try manifest(text), version: "test")
        for (folder, jobs) in [(a, 1), (b, 2)] {
            let store = try ResultStore(path: folder.appendingPathComponent("results.sqlite").path)
            let s = try BatchRunner(options: .init(version: "test", jobs: jobs)).run(plan, into: store, manifestPath: "m.yaml")
            try store.close()
            #expect(s.done == 2 && s.failed == 0)
        }
        let rows = try #require(try contents(a.appendingPathComponent("results.sqlite").path)["files"])
        #expect(rows.count == 2)
        for row in rows {
            guard case .string(let path) = row[1], case .string(let sha) = row[4], case .int(let size) = row[3] else {
                Issue.record("bad files row \(row)"); continue
            }
            #expect(path.hasPrefix("renders/chalon-sur-saone-"))
            let bytes = try Fixtures.bytesAt(a.appendingPathComponent(path).path)
            #expect(bytes.count == size && Digest.hex(of: bytes) == sha)
            if path.hasSuffix(".svg") { #expect(String(decoding: bytes, as: UTF8.self).contains("<svg")) }
            if path.hasSuffix(".gv") { #expect(String(decoding: bytes, as: UTF8.self).contains("graph")) }
        }
        try expectSameRows(a.appendingPathComponent("results.sqlite").path, b.appendingPathComponent("results.sqlite").path)
        let merged = try ResultStore(path: m.appendingPathComponent("results.sqlite").path)
        #expect(try merged.merge(from: a.appendingPathComponent("results.sqlite").path) == 2)
        try merged.close()
        for row in rows {
            guard case .string(let path) = row[1] else { continue }
            #expect(FileManager.default.fileExists(atPath: m.appendingPathComponent(path).path))
        }
    }
}

extension Fixtures {
    static func bytesAt(_ path: String) throws -> [UInt8] { Array(try Data(contentsOf: URL(fileURLWithPath: path))) }
}
