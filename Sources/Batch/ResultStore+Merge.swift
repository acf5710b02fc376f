import Foundation
import GRDB
import Interstice

extension ResultStore {
    /// Copies the jobs of another store (a shard's) into this one, with their rows, runs and the
    /// diagrams they wrote.
    ///
    /// A job done in `other` replaces the same job here; a job failed or pending in `other` is
    /// taken only when this store has not done it. Everything of one source store is copied in
    /// one transaction.
    /// - Returns: the number of jobs taken.
    @discardableResult
    public func merge(from other: String) throws(GraphIOError) -> Int {
        guard FileManager.default.fileExists(atPath: other) else {
            throw GraphIOError(.missingInput, file: other, "no such results store")
        }
        do {
            return try db.writeWithoutTransaction { db in
                try db.execute(sql: "ATTACH DATABASE ? AS src", arguments: [other])
                defer { try? db.execute(sql: "DETACH DATABASE src") }
                let v = try String.fetchOne(db, sql: "SELECT value FROM src.meta WHERE key = 'schema_version'")
                guard v == ResultStore.schemaVersion else {
                    throw GraphIOError(.badData, file: other, "not a results store of schema \(ResultStore.schemaVersion) (found \(v ?? "none"))")
                }
                var taken = 0
                var files: [String] = []
                try db.inTransaction {
                    try db.execute(sql: "DROP TABLE IF EXISTS temp.take")
                    try db.execute(sql: """
                        CREATE TEMP TABLE take AS SELECT s.key FROM src.jobs s
                        WHERE s.status = 'done' OR NOT EXISTS (SELECT 1 FROM main.jobs m WHERE m.key = s.key AND m.status = 'done')
                        """)
                    taken = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM temp.take") ?? 0
                    let columns: [String: String] = [
                        "statistics": "job, model, name, value",
                        "node_scores": "job, node, measure, value",
                        "organization_reach": "*",
                        "curves": "job, model, organization, step, value, low, high",
                        "files": "job, path, format, bytes, sha256",
                    ]
                    for (t, c) in columns.sorted(by: { $0.key < $1.key }) {
                        try db.execute(sql: "DELETE FROM main.\(t) WHERE job IN (SELECT key FROM temp.take)")
                        let list = c == "*" ? "" : "(\(c))"
                        try db.execute(sql: "INSERT INTO main.\(t) \(list) SELECT \(c) FROM src.\(t) WHERE job IN (SELECT key FROM temp.take)")
                    }
                    let jobColumns = "key, ordinal, dataset, dataset_sha256, analysis, params, status, error, seed, version, started, finished, seconds, run"
                    try db.execute(sql: "INSERT OR REPLACE INTO main.jobs (\(jobColumns)) SELECT \(jobColumns) FROM src.jobs WHERE key IN (SELECT key FROM temp.take)")
                    let runColumns = "id, name, manifest, manifest_sha256, seed, version, shard, jobs_option, forced, host, started, finished, seconds, planned, skipped, done, failed"
                    try db.execute(sql: "INSERT OR IGNORE INTO main.runs (\(runColumns)) SELECT \(runColumns) FROM src.runs")
                    files = try String.fetchAll(db, sql: "SELECT path FROM src.files WHERE job IN (SELECT key FROM temp.take)")
                    try db.execute(sql: "DROP TABLE temp.take")
                    return .commit
                }
                // The diagrams themselves, from the source store's folder to this one's.
                let from = URL(fileURLWithPath: other).deletingLastPathComponent().path
                let fm = FileManager.default
                for f in files {
                    let src = (from as NSString).appendingPathComponent(f), dst = (folder as NSString).appendingPathComponent(f)
                    guard src != dst, fm.fileExists(atPath: src) else { continue }
                    try fm.createDirectory(atPath: (dst as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                    if fm.fileExists(atPath: dst) { try fm.removeItem(atPath: dst) }
                    try fm.copyItem(atPath: src, toPath: dst)
                }
                return taken
            }
        } catch { throw io(error) }
    }
}
