import Foundation
import GRDB
import Interstice

/// The results of a batch in one SQLite file (`results.sqlite`), through GRDB: readable from R
/// (`DBI::dbReadTable`), pandas (`pd.read_sql`) or the `sqlite3` shell.
///
/// Tables (``ResultStore/schema``): `jobs` (one row per job: key, dataset, analysis, parameters
/// as JSON, status, error, seed, version, timing), `statistics`, `node_scores`,
/// `organization_reach`, `curves`, `files` (the rows a job produced, keyed by the job's key;
/// `files` names the diagrams render jobs wrote under `renders/`), `runs`
/// (each invocation: manifest, seed, version, shard, timing, counts) and `meta`.
///
/// Each job's rows and its `done` status are written in one transaction, in WAL mode: a crash or
/// `kill -9` loses at most the jobs still running, and a job is either fully there or not at all.
public final class ResultStore: Sendable {
    /// The practice model's columns of `organization_reach`, added after schema 1 first shipped
    /// (an older store gains them when opened; NULL for other models).
    static let practiceColumns = ["p_endorsed", "p_endorsed_low", "p_endorsed_high",
                                  "p_formalized", "p_formalized_low", "p_formalized_high"]

    /// The schema version in `meta`.
    public static let schemaVersion = "1"

    /// The file.
    public let path: String
    /// Its folder (where render jobs write `renders/`).
    public var folder: String { URL(fileURLWithPath: path).deletingLastPathComponent().path }
    let db: DatabaseQueue

    /// Timing columns: the ones that differ between two runs of the same jobs.
    public static let timingColumns: Set<String> = ["started", "finished", "seconds", "run"]

    /// The result tables with their key columns (the export order).
    public static let tables: [(name: String, key: [String])] = [
        ("jobs", ["ordinal", "key"]),
        ("statistics", ["job", "model", "name"]),
        ("node_scores", ["job", "measure", "node"]),
        ("organization_reach", ["job", "model", "organization"]),
        ("curves", ["job", "model", "organization", "step"]),
        ("files", ["job", "path"]),
        ("runs", ["started", "id"]),
    ]

    static let schema = """
    CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    CREATE TABLE IF NOT EXISTS runs (
      id TEXT PRIMARY KEY, name TEXT, manifest TEXT, manifest_sha256 TEXT, seed INTEGER, version TEXT,
      shard TEXT, jobs_option INTEGER, forced INTEGER, host TEXT, started TEXT, finished TEXT, seconds REAL,
      planned INTEGER, skipped INTEGER, done INTEGER, failed INTEGER, interrupted INTEGER);
    CREATE TABLE IF NOT EXISTS jobs (
      key TEXT PRIMARY KEY, ordinal INTEGER NOT NULL, dataset TEXT NOT NULL, dataset_sha256 TEXT NOT NULL,
      analysis TEXT NOT NULL, params TEXT NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('pending', 'done', 'failed')), error TEXT,
      seed INTEGER, version TEXT NOT NULL, started TEXT, finished TEXT, seconds REAL, run TEXT);
    CREATE INDEX IF NOT EXISTS jobs_status ON jobs (status);
    CREATE TABLE IF NOT EXISTS statistics (
      job TEXT NOT NULL, model TEXT NOT NULL, name TEXT NOT NULL, value REAL,
      PRIMARY KEY (job, model, name)) WITHOUT ROWID;
    CREATE TABLE IF NOT EXISTS node_scores (
      job TEXT NOT NULL, node TEXT NOT NULL, measure TEXT NOT NULL, value REAL,
      PRIMARY KEY (job, measure, node)) WITHOUT ROWID;
    CREATE TABLE IF NOT EXISTS organization_reach (
      job TEXT NOT NULL, model TEXT NOT NULL, organization TEXT NOT NULL,
      members INTEGER, beyond_collective INTEGER,
      p_reached REAL, p_reached_low REAL, p_reached_high REAL,
      mean_share REAL, mean_share_low REAL, mean_share_high REAL,
      p_institutionalized_before_end REAL, p_institutionalized_before_end_low REAL, p_institutionalized_before_end_high REAL,
      p_institutionalized REAL, p_institutionalized_low REAL, p_institutionalized_high REAL,
      time_to_reach_mean REAL, time_to_reach_median REAL,
      time_to_institutionalization_mean REAL, time_to_institutionalization_median REAL,
      null_p_institutionalized_mean REAL, p_less REAL, p_greater REAL,
      p_endorsed REAL, p_endorsed_low REAL, p_endorsed_high REAL,
      p_formalized REAL, p_formalized_low REAL, p_formalized_high REAL,
      PRIMARY KEY (job, model, organization)) WITHOUT ROWID;
    CREATE TABLE IF NOT EXISTS curves (
      job TEXT NOT NULL, model TEXT NOT NULL, organization TEXT NOT NULL, step INTEGER NOT NULL,
      value REAL, low REAL, high REAL,
      PRIMARY KEY (job, model, organization, step)) WITHOUT ROWID;
    CREATE TABLE IF NOT EXISTS files (
      job TEXT NOT NULL, path TEXT NOT NULL, format TEXT NOT NULL, bytes INTEGER NOT NULL, sha256 TEXT NOT NULL,
      PRIMARY KEY (job, path)) WITHOUT ROWID;
    """

    /// Opens (creating when needed) the store at `path`; its folder is created too.
    /// - Complexity: O(1) (schema creation when new).
    /// - Throws: ``GraphIOError`` (`.io`) when the file cannot be opened or is not a store.
    public init(path: String) throws(GraphIOError) {
        self.path = path
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            var config = Configuration()
            config.busyMode = .timeout(30)
            config.label = "interstice-results"
            db = try DatabaseQueue(path: path, configuration: config)
            try db.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA journal_mode = WAL")
                try db.execute(sql: "PRAGMA synchronous = NORMAL")
            }
            try db.write { db in
                try db.execute(sql: ResultStore.schema)
                // Stores made before runs had `interrupted` gain the column (NULL for old runs).
                let runColumns = try Row.fetchAll(db, sql: "PRAGMA table_info(runs)").map { $0["name"] as String }
                if !runColumns.contains("interrupted") {
                    try db.execute(sql: "ALTER TABLE runs ADD COLUMN interrupted INTEGER")
                }
                // Stores made before the practice model's endorsement columns gain them (NULL).
                let reachColumns = try Row.fetchAll(db, sql: "PRAGMA table_info(organization_reach)").map { $0["name"] as String }
                for c in ResultStore.practiceColumns where !reachColumns.contains(c) {
                    try db.execute(sql: "ALTER TABLE organization_reach ADD COLUMN \(c) REAL")
                }
                let v = try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'schema_version'")
                if let v, v != ResultStore.schemaVersion {
                    throw GraphIOError(.badData, file: path, "results store schema \(v); this Interstice writes schema \(ResultStore.schemaVersion)")
                }
                try db.execute(sql: "INSERT OR IGNORE INTO meta (key, value) VALUES ('schema_version', ?), ('created', ?)",
                               arguments: [ResultStore.schemaVersion, ResultStore.timestamp(Date())])
            }
        } catch let e as GraphIOError {
            throw e
        } catch {
            throw GraphIOError(.io, file: path, "cannot open the results store: \(error)")
        }
    }

    /// ISO 8601 UTC with milliseconds.
    static func timestamp(_ d: Date) -> String {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        f.timeZone = TimeZone(identifier: "UTC")
        return f.string(from: d)
    }

    func io(_ error: Error) -> GraphIOError {
        if let e = error as? GraphIOError { return e }
        return GraphIOError(.io, file: path, "results store: \(error)")
    }

    // MARK: runs

    /// What one invocation was.
    public struct RunInfo: Sendable {
        public var id: String
        public var name: String
        public var manifest: String
        public var manifestDigest: String
        public var seed: UInt64
        public var version: String
        public var shard: Shard
        public var jobs: Int
        public var forced: Bool

        public init(id: String = UUID().uuidString.lowercased(), name: String, manifest: String, manifestDigest: String,
                    seed: UInt64, version: String, shard: Shard, jobs: Int, forced: Bool) {
            self.id = id; self.name = name; self.manifest = manifest; self.manifestDigest = manifestDigest
            self.seed = seed; self.version = version; self.shard = shard; self.jobs = jobs; self.forced = forced
        }
    }

    /// Records the start of a run.
    public func beginRun(_ r: RunInfo, started: Date) throws(GraphIOError) {
        do {
            try db.write { db in
                try db.execute(sql: """
                    INSERT INTO runs (id, name, manifest, manifest_sha256, seed, version, shard, jobs_option, forced, host, started)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [r.id, r.name, r.manifest, r.manifestDigest, Int64(bitPattern: r.seed), r.version,
                                     r.shard.description, r.jobs, r.forced, ProcessInfo.processInfo.hostName,
                                     ResultStore.timestamp(started)])
            }
        } catch { throw io(error) }
    }

    /// Records the end of a run and its counts; an interrupted run (SIGINT, SIGTERM) has
    /// `interrupted = 1`.
    public func finishRun(_ id: String, started: Date, finished: Date, planned: Int, skipped: Int, done: Int, failed: Int,
                          interrupted: Bool = false) throws(GraphIOError) {
        do {
            try db.write { db in
                try db.execute(sql: "UPDATE runs SET finished = ?, seconds = ?, planned = ?, skipped = ?, done = ?, failed = ?, interrupted = ? WHERE id = ?",
                               arguments: [ResultStore.timestamp(finished), finished.timeIntervalSince(started), planned, skipped,
                                           done, failed, interrupted ? 1 : 0, id])
            }
        } catch { throw io(error) }
    }

    // MARK: jobs

    /// Registers the jobs of a run: those done already are left as they are (unless `force`),
    /// the others become `pending` with no rows. Returns the jobs to run, in order.
    /// - Complexity: one transaction, O(jobs).
    public func prepare(_ jobs: [Job], version: String, force: Bool) throws(GraphIOError) -> [Job] {
        do {
            return try db.write { db in
                var todo: [Job] = []
                let status = try db.cachedStatement(sql: "SELECT status FROM jobs WHERE key = ?")
                let upsert = try db.cachedStatement(sql: """
                    INSERT INTO jobs (key, ordinal, dataset, dataset_sha256, analysis, params, status, error, seed, version)
                    VALUES (?, ?, ?, ?, ?, ?, 'pending', NULL, ?, ?)
                    ON CONFLICT (key) DO UPDATE SET ordinal = excluded.ordinal, dataset = excluded.dataset,
                      status = 'pending', error = NULL, started = NULL, finished = NULL, seconds = NULL, run = NULL
                    """)
                for j in jobs {
                    let s = try String.fetchOne(status, arguments: [j.key])
                    if s == "done" && !force {
                        try db.execute(sql: "UPDATE jobs SET ordinal = ?, dataset = ? WHERE key = ?",
                                       arguments: [j.ordinal, j.dataset.name, j.key])
                        continue
                    }
                    if s != nil { try ResultStore.deleteRows(db, job: j.key) }
                    try upsert.execute(arguments: [j.key, j.ordinal, j.dataset.name, j.datasetDigest, j.analysis.rawValue,
                                                   j.parametersJSON, j.seed.map { Int64(bitPattern: $0) }, version])
                    todo.append(j)
                }
                return todo
            }
        } catch { throw io(error) }
    }

    static func deleteRows(_ db: Database, job: String) throws {
        for t in ["statistics", "node_scores", "organization_reach", "curves", "files"] {
            try db.cachedStatement(sql: "DELETE FROM \(t) WHERE job = ?").execute(arguments: [job])
        }
    }

    /// Writes a finished job's rows and marks it done, in one transaction.
    /// - Complexity: O(rows), one commit.
    public func record(_ job: Job, output o: JobOutput, run: String, started: Date, finished: Date) throws(GraphIOError) {
        do {
            try db.write { db in
                try ResultStore.deleteRows(db, job: job.key)
                let st = try db.cachedStatement(sql: "INSERT INTO statistics (job, model, name, value) VALUES (?, ?, ?, ?)")
                for s in o.statistics { try st.execute(arguments: [job.key, s.model, s.name, ResultStore.real(s.value)]) }
                let ns = try db.cachedStatement(sql: "INSERT INTO node_scores (job, node, measure, value) VALUES (?, ?, ?, ?)")
                for s in o.nodeScores { try ns.execute(arguments: [job.key, s.node, s.measure, ResultStore.real(s.value)]) }
                let orgs = try db.cachedStatement(sql: """
                    INSERT INTO organization_reach VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """)
                for r in o.organizations {
                    var args: [(any DatabaseValueConvertible)?] = [job.key, r.model, r.organization, r.members, r.beyondCollective]
                    for e in [r.reached, r.meanShare, r.institutionalizedBeforeEnd, r.institutionalized] {
                        args += [ResultStore.real(e.value), ResultStore.real(e.low), ResultStore.real(e.high)]
                    }
                    args += [ResultStore.real(r.timeToReachMean), ResultStore.real(r.timeToReachMedian),
                             ResultStore.real(r.timeToInstitutionalizationMean), ResultStore.real(r.timeToInstitutionalizationMedian),
                             r.nullMean.flatMap(ResultStore.real), r.pLess.flatMap(ResultStore.real), r.pGreater.flatMap(ResultStore.real)]
                    for e in [r.endorsed, r.formalized] {
                        args += [e.flatMap { ResultStore.real($0.value) }, e.flatMap { ResultStore.real($0.low) },
                                 e.flatMap { ResultStore.real($0.high) }]
                    }
                    try orgs.execute(arguments: StatementArguments(args))
                }
                let cv = try db.cachedStatement(sql: "INSERT INTO curves (job, model, organization, step, value, low, high) VALUES (?, ?, ?, ?, ?, ?, ?)")
                for c in o.curves {
                    try cv.execute(arguments: [job.key, c.model, c.organization, c.step, ResultStore.real(c.value.value),
                                               ResultStore.real(c.value.low), ResultStore.real(c.value.high)])
                }
                let fs = try db.cachedStatement(sql: "INSERT INTO files (job, path, format, bytes, sha256) VALUES (?, ?, ?, ?, ?)")
                for f in o.files { try fs.execute(arguments: [job.key, f.path, f.format, f.bytes, f.sha256]) }
                try db.cachedStatement(sql: """
                    UPDATE jobs SET status = 'done', error = NULL, started = ?, finished = ?, seconds = ?, run = ? WHERE key = ?
                    """).execute(arguments: [ResultStore.timestamp(started), ResultStore.timestamp(finished),
                                             finished.timeIntervalSince(started), run, job.key])
            }
        } catch { throw io(error) }
    }

    /// Marks a job failed with its error, in one transaction.
    public func recordFailure(_ job: Job, error message: String, run: String, started: Date, finished: Date) throws(GraphIOError) {
        do {
            try db.write { db in
                try ResultStore.deleteRows(db, job: job.key)
                try db.execute(sql: """
                    UPDATE jobs SET status = 'failed', error = ?, started = ?, finished = ?, seconds = ?, run = ? WHERE key = ?
                    """, arguments: [message, ResultStore.timestamp(started), ResultStore.timestamp(finished),
                                     finished.timeIntervalSince(started), run, job.key])
            }
        } catch { throw io(error) }
    }

    /// A finite double, or nil (SQL NULL) for NaN and infinities.
    static func real(_ d: Double) -> Double? { d.isFinite ? d : nil }

    /// Jobs by status.
    public func statusCounts() throws(GraphIOError) -> [String: Int] {
        do {
            return try db.read { db in
                var out: [String: Int] = [:]
                for row in try Row.fetchAll(db, sql: "SELECT status, COUNT(*) AS n FROM jobs GROUP BY status") {
                    out[row["status"]] = row["n"]
                }
                return out
            }
        } catch { throw io(error) }
    }

    /// The failed jobs: dataset, analysis, parameters and error, in ordinal order.
    public func failures() throws(GraphIOError) -> [(dataset: String, analysis: String, params: String, error: String)] {
        do {
            return try db.read { db in
                try Row.fetchAll(db, sql: "SELECT dataset, analysis, params, error FROM jobs WHERE status = 'failed' ORDER BY ordinal")
                    .map { ($0["dataset"], $0["analysis"], $0["params"], $0["error"] ?? "") }
            }
        } catch { throw io(error) }
    }

    /// Closes the file (checkpointing the WAL into it).
    public func close() throws(GraphIOError) {
        do { try db.close() } catch { throw io(error) }
    }
}
