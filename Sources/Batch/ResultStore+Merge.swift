import Foundation
import GRDB
import Interstice

extension ResultStore {
    /// Merges stores into `target` atomically: the target (when it exists) is copied to a
    /// temporary store beside it (`VACUUM INTO`), the sources are merged into the copy, and the
    /// copy is renamed over the target only when every source merged. The sources' diagrams are
    /// copied beside their places under temporary names and renamed into place after the store.
    /// A failure (a corrupt or missing source, a diagram that cannot be copied) leaves the target
    /// and its folder as they were, and no temporary file.
    /// - Returns: the jobs taken from each source, in order, and the merged status counts.
    public static func merge(_ sources: [String], into target: String) throws(GraphIOError) -> (taken: [Int], counts: [String: Int]) {
        let folder = (target as NSString).deletingLastPathComponent
        try? FileManager.default.createDirectory(atPath: folder.isEmpty ? "." : folder, withIntermediateDirectories: true)
        let tmp = (folder.isEmpty ? "." : folder) + "/.\((target as NSString).lastPathComponent).merge-\(UUID().uuidString.lowercased())"
        let token = TemporaryFiles.register(tmp)
        defer {
            TemporaryFiles.unregister(token)
            for suffix in ["", "-wal", "-shm", "-journal"] { unlink(tmp + suffix) }
        }
        if FileManager.default.fileExists(atPath: target) {
            let existing = try ResultStore(path: target)
            do { try existing.db.writeWithoutTransaction { try $0.execute(sql: "VACUUM INTO ?", arguments: [tmp]) } }
            catch { throw existing.io(error) }
            try existing.close()
        }
        let merged = try ResultStore(path: tmp)
        var taken: [Int] = []
        var copies: [(from: String, to: String)] = []
        do {
            for s in sources {
                let (n, files) = try merged.mergeRows(from: s)
                taken.append(n)
                copies += Self.copies(of: files, from: s, into: folder.isEmpty ? "." : folder)
            }
        } catch {
            try? merged.close()
            throw error
        }
        let counts = try merged.statusCounts()
        try merged.close()
        let staged = try Self.stage(copies)
        guard rename(tmp, target) == 0 else {
            let failure = errno
            Self.discard(staged[...])
            throw GraphIOError(.io, file: target, "cannot replace the merged store: \(String(cString: strerror(failure)))")
        }
        try Self.place(staged)
        return (taken, counts)
    }

    /// Renames staged diagrams into place, each under ``TemporaryFiles``' lock; on a failure
    /// removes the ones not placed and throws.
    static func place(_ staged: [(Int, String, String)]) throws(GraphIOError) {
        for (i, (token, t, dst)) in staged.enumerated() {
            var failure: Int32 = 0
            guard TemporaryFiles.commit(token, { if rename(t, dst) == 0 { return true }; failure = errno; return false }) else {
                discard(staged[i...])
                throw GraphIOError(.io, file: dst, "this diagram could not be put in place: \(String(cString: strerror(failure)))")
            }
        }
    }

    /// Where each diagram of a source store is, and where it goes in `folder`.
    static func copies(of files: [String], from store: String, into folder: String) -> [(from: String, to: String)] {
        let from = URL(fileURLWithPath: store).deletingLastPathComponent().path
        return files.map { ((from as NSString).appendingPathComponent($0), (folder as NSString).appendingPathComponent($0)) }
    }

    /// Removes staged copies and forgets them.
    static func discard(_ staged: ArraySlice<(Int, String, String)>) {
        for (token, t, _) in staged { unlink(t); TemporaryFiles.unregister(token) }
    }

    /// Copies each diagram to a temporary name beside its destination, registered with
    /// ``TemporaryFiles`` (a SIGINT/SIGTERM clean-up removes it); on a failure removes the copies
    /// made and throws.
    /// - Returns: (token, temporary path, destination), to rename once the store is in place.
    static func stage(_ copies: [(from: String, to: String)]) throws(GraphIOError) -> [(Int, String, String)] {
        let fm = FileManager.default
        var staged: [(Int, String, String)] = []
        for (src, dst) in copies where src != dst && fm.fileExists(atPath: src) {
            let dir = (dst as NSString).deletingLastPathComponent
            let t = (dir as NSString).appendingPathComponent(".\((dst as NSString).lastPathComponent).merge-\(UUID().uuidString.lowercased())")
            var failure: Error?
            let token = TemporaryFiles.create {
                do {
                    try fm.createDirectory(atPath: dir, withIntermediateDirectories: true)
                    try fm.copyItem(atPath: src, toPath: t)
                    return t
                } catch {
                    failure = error
                    unlink(t)
                    return nil
                }
            }
            guard let token else {
                for (u, path, _) in staged { unlink(path); TemporaryFiles.unregister(u) }
                throw GraphIOError(.io, file: src, "cannot copy this diagram into the merged folder: \(failure?.localizedDescription ?? "unknown error")")
            }
            staged.append((token, t, dst))
        }
        return staged
    }

    /// Copies the jobs of another store (a shard's) into this one, with their rows, runs and the
    /// diagrams they wrote.
    ///
    /// A job done in `other` replaces the same job here; a job failed or pending in `other` is
    /// taken only when this store has not done it. Everything of one source store is copied in
    /// one transaction.
    /// - Returns: the number of jobs taken.
    @discardableResult
    public func merge(from other: String, filesInto filesFolder: String? = nil) throws(GraphIOError) -> Int {
        let folder = filesFolder ?? self.folder
        let (taken, files) = try mergeRows(from: other)
        // The diagrams themselves, from the source store's folder to this one's, staged and
        // renamed into place as in ``merge(_:into:)``.
        try Self.place(try Self.stage(Self.copies(of: files, from: other, into: folder)))
        return taken
    }

    /// The rows part of ``merge(from:filesInto:)``, in one transaction.
    /// - Returns: the number of jobs taken and the diagrams (paths relative to the store's
    ///   folder) those jobs wrote.
    func mergeRows(from other: String) throws(GraphIOError) -> (taken: Int, files: [String]) {
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
                        // The source's own columns: a store older than the practice columns has fewer.
                        "organization_reach": try Row.fetchAll(db, sql: "PRAGMA src.table_info(organization_reach)")
                            .map { $0["name"] as String }.joined(separator: ", "),
                        "curves": "job, model, organization, step, value, low, high",
                        "files": "job, path, format, bytes, sha256",
                    ]
                    for (t, c) in columns.sorted(by: { $0.key < $1.key }) {
                        try db.execute(sql: "DELETE FROM main.\(t) WHERE job IN (SELECT key FROM temp.take)")
                        try db.execute(sql: "INSERT INTO main.\(t) (\(c)) SELECT \(c) FROM src.\(t) WHERE job IN (SELECT key FROM temp.take)")
                    }
                    let jobColumns = "key, ordinal, dataset, dataset_sha256, analysis, params, status, error, seed, version, started, finished, seconds, run"
                    try db.execute(sql: "INSERT OR REPLACE INTO main.jobs (\(jobColumns)) SELECT \(jobColumns) FROM src.jobs WHERE key IN (SELECT key FROM temp.take)")
                    let hasInterrupted = try Row.fetchAll(db, sql: "PRAGMA src.table_info(runs)").contains { ($0["name"] as String) == "interrupted" }
                    let runColumns = "id, name, manifest, manifest_sha256, seed, version, shard, jobs_option, forced, host, started, finished, seconds, planned, skipped, done, failed" + (hasInterrupted ? ", interrupted" : "")
                    try db.execute(sql: "INSERT OR IGNORE INTO main.runs (\(runColumns)) SELECT \(runColumns) FROM src.runs")
                    files = try String.fetchAll(db, sql: "SELECT path FROM src.files WHERE job IN (SELECT key FROM temp.take)")
                    try db.execute(sql: "DROP TABLE temp.take")
                    return .commit
                }
                return (taken, files)
            }
        } catch { throw io(error) }
    }
}
