import Interstice

/// One unit of work: an analysis with one parameter combination on one dataset.
public struct Job: Sendable, Hashable {
    /// Position in the manifest's expansion (datasets × analyses × combinations, last grid axis
    /// fastest); shards and exports use it as the stable order.
    public let ordinal: Int
    /// SHA-256 (hex) of the dataset's bytes, its read options, the analysis, its canonical
    /// parameters and the Interstice version: the same work has the same key on every machine.
    public let key: String
    public let dataset: Manifest.Dataset
    public let datasetDigest: String
    /// Size of the dataset's files, for the memory budget (not part of the key).
    public let datasetBytes: Int
    public let analysis: AnalysisKind
    /// Every parameter, defaults included, keys sorted.
    public let parameters: [String: JSONValue]

    /// The parameters as canonical JSON (sorted keys, numbers of number parameters as doubles).
    public var parametersJSON: String { Job.canonicalJSON(parameters) }

    /// The seed of a randomized analysis.
    public var seed: UInt64? {
        if case .int(let s)? = parameters["seed"] { return UInt64(bitPattern: Int64(s)) }
        return nil
    }

    /// A short description for progress lines: `diffuse Datasets/cucm-plie model=lt theta=0.5`.
    public func label(varying: [String]) -> String {
        var s = "\(analysis.rawValue) \(dataset.name)"
        for name in varying { if let v = parameters[name] { s += " \(name)=\(Job.plain(v))" } }
        return s
    }

    static func plain(_ v: JSONValue) -> String {
        switch v {
        case .string(let s): return s
        case .array(let a): return a.map(plain).joined(separator: ",")
        default: return v.text(pretty: false)
        }
    }

    static func canonicalJSON(_ p: [String: JSONValue]) -> String {
        JSONValue.object(p.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }).text(pretty: false)
    }

    /// The key of a job.
    static func key(datasetDigest: String, options: JSONValue, analysis: AnalysisKind,
                    parameters: [String: JSONValue], version: String) -> String {
        let material = "interstice-batch-job/1\n\(datasetDigest)\n\(options.text(pretty: false))\n\(analysis.rawValue)\n\(canonicalJSON(parameters))\n\(version)\n"
        return Digest.hex(of: Array(material.utf8))
    }
}

/// A shard `k/n` of a plan: the jobs whose ordinal is `k − 1` modulo `n`.
public struct Shard: Sendable, Hashable, CustomStringConvertible {
    public let index: Int
    public let count: Int

    /// Parses `k/n` with 1 ≤ k ≤ n.
    public init?(_ text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let k = Int(parts[0]), let n = Int(parts[1]), n >= 1, k >= 1, k <= n else { return nil }
        index = k; count = n
    }

    public init(index: Int, count: Int) { self.index = index; self.count = count }

    public static let all = Shard(index: 1, count: 1)

    public func contains(_ job: Job) -> Bool { job.ordinal % count == index - 1 }

    public var description: String { "\(index)/\(count)" }
}

/// The jobs of a manifest.
public struct JobPlan: Sendable {
    public let manifest: Manifest
    /// Every job, in ordinal order.
    public let jobs: [Job]
    /// Parameters that take more than one value somewhere (for progress labels).
    public let varying: [String]

    /// Expands a manifest: datasets × analyses × parameter combinations.
    /// - Parameter version: the Interstice version, part of every key.
    /// - Throws: ``GraphIOError`` when a dataset cannot be read for its digest.
    /// - Complexity: O(jobs + dataset bytes).
    /// The most jobs a manifest may expand to unless told otherwise (`--max-jobs`).
    public static let defaultMaxJobs = 1_000_000

    /// The number of jobs a manifest expands to (before identical jobs are merged), or nil
    /// when it passes `Int.max`. Computed without expanding anything.
    /// - Complexity: O(analyses × grid axes).
    public static func count(_ manifest: Manifest) -> Int? {
        var perDataset = 0
        for a in manifest.analyses {
            var c = 1
            for axis in a.grid {
                let (p, o) = c.multipliedReportingOverflow(by: axis.values.count)
                if o { return nil }
                c = p
            }
            let (s, o) = perDataset.addingReportingOverflow(c)
            if o { return nil }
            perDataset = s
        }
        let (total, o) = perDataset.multipliedReportingOverflow(by: manifest.datasets.count)
        return o ? nil : total
    }

    /// - Parameter maxJobs: the most jobs the manifest may ask for, checked before any grid
    ///   expands or dataset is read.
    public init(_ manifest: Manifest, version: String, maxJobs: Int = JobPlan.defaultMaxJobs) throws(GraphIOError) {
        let asked = JobPlan.count(manifest)
        guard let asked, asked <= maxJobs else {
            throw GraphIOError(.badData, file: manifest.file,
                               "the manifest asks for \(asked.map(String.init) ?? "more than \(Int.max)") jobs (datasets × analyses × grid values); at most \(maxJobs) are allowed: split it, or raise --max-jobs")
        }
        self.manifest = manifest
        var jobs: [Job] = []
        var keys = Set<String>()
        var varying: [String] = []
        for a in manifest.analyses { for axis in a.grid where !varying.contains(axis.name) { varying.append(axis.name) } }
        self.varying = varying
        for d in manifest.datasets {
            let (digest, bytes) = try Digest.dataset(d)
            for a in manifest.analyses {
                for combination in JobPlan.combinations(a.grid) {
                    var p = a.fixed
                    for (k, v) in combination { p[k] = v }
                    if (a.kind == .diffuse || a.kind == .reach || a.kind == .centrality) && p["seed"] == nil { p["seed"] = .int(Int(truncatingIfNeeded: manifest.seed)) }
                    let key = Job.key(datasetDigest: digest, options: d.optionsJSON, analysis: a.kind, parameters: p, version: version)
                    // The same work listed twice (two identical datasets, overlapping grids) runs once.
                    guard keys.insert(key).inserted else { continue }
                    jobs.append(Job(ordinal: jobs.count, key: key, dataset: d, datasetDigest: digest, datasetBytes: bytes,
                                    analysis: a.kind, parameters: p))
                }
            }
        }
        self.jobs = jobs
    }

    /// The Cartesian product of the grid axes (the last axis varies fastest).
    static func combinations(_ grid: [Manifest.Analysis.Axis]) -> [[(String, JSONValue)]] {
        var out: [[(String, JSONValue)]] = [[]]
        for axis in grid {
            var next: [[(String, JSONValue)]] = []
            next.reserveCapacity(out.count * axis.values.count)
            for prefix in out { for v in axis.values { next.append(prefix + [(axis.name, v)]) } }
            out = next
        }
        return out
    }

    /// The jobs of one shard.
    public func jobs(in shard: Shard) -> [Job] { jobs.filter { shard.contains($0) } }
}
