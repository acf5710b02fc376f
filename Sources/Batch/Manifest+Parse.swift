import Foundation
import Interstice
import Yams

extension Manifest {
    /// Reads and validates a manifest file; relative paths start from its folder.
    ///
    /// ```swift
    /// let m = try Manifest.load("Datasets/case-studies-sweep.yaml")
    /// m.analyses.map(\.combinations)   // [1, 1, 1, 15]
    /// ```
    /// - Complexity: O(manifest size + glob matches); datasets are checked to exist, not read.
    /// - Throws: ``GraphIOError`` with line and column: `.missingInput` (exit 66) for a missing
    ///   manifest or dataset, `.badData` (exit 65) for everything else.
    /// - Parameter allowOutside: let dataset paths lead outside the manifest's folder (absolute
    ///   paths, `..`, symlinks); otherwise such a dataset is an error at its line and column.
    public static func load(_ path: String, seed: UInt64? = nil, allowOutside: Bool = false) throws(GraphIOError) -> Manifest {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw GraphIOError(.missingInput, file: path, "cannot read the manifest (no such file, or not readable)")
        }
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        return try parse(Array(data), file: path, folder: folder, seed: seed, allowOutside: allowOutside)
    }

    /// Validates manifest text.
    /// - Parameters:
    ///   - file: the name errors carry.
    ///   - folder: where relative dataset paths start.
    ///   - seed: overrides the manifest's seed.
    ///   - allowOutside: let dataset paths lead outside `folder`.
    public static func parse(_ bytes: [UInt8], file: String, folder: String, seed: UInt64? = nil,
                             allowOutside: Bool = false) throws(GraphIOError) -> Manifest {
        var p = ManifestParser(file: file, folder: folder)
        p.allowOutside = allowOutside
        return try p.parse(bytes, seedOverride: seed)
    }
}

/// The validation pass over the composed YAML tree.
struct ManifestParser {
    let file: String
    let folder: String
    var warnings: [String] = []
    /// Dataset paths may lead outside `folder`.
    var allowOutside = false

    init(file: String, folder: String) {
        self.file = file
        self.folder = folder
    }

    func error(_ node: Node?, _ message: String, _ kind: GraphIOError.Kind = .badData) -> GraphIOError {
        GraphIOError(kind, file: file, line: node?.mark?.line, column: node?.mark?.column, message)
    }

    func location(_ node: Node) -> Manifest.Location {
        Manifest.Location(line: node.mark?.line ?? 0, column: node.mark?.column ?? 0)
    }

    static func yamlError(_ e: Error, file: String) -> GraphIOError {
        guard let y = e as? YamlError else { return GraphIOError(.badData, file: file, "not a YAML manifest: \(e)") }
        switch y {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let c = context.map { "\($0.text); " } ?? ""
            return GraphIOError(.badData, file: file, line: mark.line, column: mark.column, "YAML: \(c)\(problem)")
        case .reader(let problem, _, _, _):
            return GraphIOError(.badData, file: file, "YAML: \(problem)")
        default:
            return GraphIOError(.badData, file: file, "YAML: \(y)")
        }
    }

    mutating func parse(_ bytes: [UInt8], seedOverride: UInt64?) throws(GraphIOError) -> Manifest {
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw GraphIOError(.badData, file: file, line: 1, column: 1, "the manifest is not UTF-8 text")
        }
        try Self.checkDepth(bytes, file: file)
        let root: Node?
        do { root = try Yams.compose(yaml: text) } catch { throw Self.yamlError(error, file: file) }
        guard let root, let top = root.mapping else {
            throw error(root, "a manifest is a mapping with datasets: and analyses: (and optionally seed:, name:, output:)")
        }
        var seed: UInt64 = 1
        var name = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
        var output: String? = nil
        var datasetsNode: Node? = nil, analysesNode: Node? = nil
        var seen = Set<String>()
        for (k, v) in top {
            guard let key = k.scalar?.string else { throw error(k, "a manifest key is a word") }
            guard seen.insert(key).inserted else { throw error(k, "\(GraphIOError.quote(key)) appears twice") }
            switch key {
            case "seed":
                guard case .int(let s)? = scalarValue(v), s >= 0 else {
                    throw error(v, "seed must be an integer ≥ 0, found \(describe(v))")
                }
                seed = UInt64(s)
            case "name":
                guard let s = v.scalar?.string, !s.isEmpty else { throw error(v, "name must be a text, found \(describe(v))") }
                name = s
            case "output":
                guard let s = v.scalar?.string, !s.isEmpty else { throw error(v, "output must be a folder path, found \(describe(v))") }
                output = s.hasPrefix("/") ? s : (folder as NSString).appendingPathComponent(s)
            case "datasets": datasetsNode = v
            case "analyses": analysesNode = v
            default:
                throw error(k, "unknown key \(GraphIOError.quote(key)); a manifest has datasets, analyses, seed, name, output")
            }
        }
        if let seedOverride { seed = seedOverride }
        guard let datasetsNode else { throw error(root, "the manifest has no datasets: list") }
        guard let analysesNode else { throw error(root, "the manifest has no analyses: list") }
        let analyses = try parseAnalyses(analysesNode)
        let datasets = try parseDatasets(datasetsNode)
        return Manifest(file: file, folder: folder, name: name, seed: seed, datasets: datasets, analyses: analyses,
                        output: output, digest: Digest.hex(of: bytes), warnings: warnings)
    }

    // MARK: values

    /// A scalar as a typed value: plain scalars are integers, numbers, booleans or null when
    /// they read as such; quoted scalars are always text.
    func scalarValue(_ node: Node) -> JSONValue? {
        guard let s = node.scalar else { return nil }
        let t = s.string
        if s.style == .singleQuoted || s.style == .doubleQuoted { return .string(t) }
        if t.isEmpty || t == "~" || t == "null" || t == "Null" || t == "NULL" { return .null }
        if let i = Int(t) { return .int(i) }
        if let d = Double(t), d.isFinite, t.first.map({ $0.isNumber || $0 == "-" || $0 == "+" || $0 == "." }) ?? false { return .double(d) }
        switch t {
        case "true", "True", "TRUE": return .bool(true)
        case "false", "False", "FALSE": return .bool(false)
        default: return .string(t)
        }
    }

    /// How a node reads in an error message.
    func describe(_ node: Node) -> String {
        switch node {
        case .scalar(let s): return s.string.isEmpty ? "nothing" : GraphIOError.quote(s.string)
        case .sequence: return "a list"
        case .mapping: return "a mapping"
        }
    }

    /// A value of a list parameter, or nil with the offending node.
    func listValue(_ node: Node, _ element: ParameterType) -> Result<JSONValue, GraphIOError> {
        guard let seq = node.sequence else {
            if let v = scalarValue(node), element.accepts(v) { return .success(.array([element.canonical(v)])) }
            return .failure(error(node, "expected a list of values each \(element), found \(describe(node))"))
        }
        var out: [JSONValue] = []
        for item in seq {
            guard let v = scalarValue(item), element.accepts(v) else {
                return .failure(error(item, "expected \(element), found \(describe(item))"))
            }
            out.append(element.canonical(v))
        }
        return .success(.array(out))
    }

    // MARK: analyses

    mutating func parseAnalyses(_ node: Node) throws(GraphIOError) -> [Manifest.Analysis] {
        guard let seq = node.sequence, seq.count > 0 else {
            throw error(node, "analyses must be a non-empty list, e.g. [info, {diffuse: {model: ic}}]")
        }
        var out: [Manifest.Analysis] = []
        for item in seq {
            let nameNode: Node, params: Node?
            if item.scalar != nil {
                nameNode = item; params = nil
            } else if let m = item.mapping, m.count == 1, let first = m.first {
                nameNode = first.key; params = first.value
            } else {
                throw error(item, "an analysis is a name, or one name with its parameters (diffuse: {model: ic, theta: [0.3, 0.5]}), found \(describe(item))")
            }
            let word = nameNode.scalar?.string ?? ""
            guard let kind = AnalysisKind(rawValue: word) else {
                throw error(nameNode, "unknown analysis \(GraphIOError.quote(word)); analyses are \(AnalysisKind.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            out.append(try parseParameters(kind, nameNode: nameNode, params))
        }
        return out
    }

    func parseParameters(_ kind: AnalysisKind, nameNode: Node, _ params: Node?) throws(GraphIOError) -> Manifest.Analysis {
        var fixed: [String: JSONValue] = [:]
        for spec in kind.parameters { if let d = spec.defaultValue { fixed[spec.name] = d } }
        var grid: [Manifest.Analysis.Axis] = []
        var given: [String: Node] = [:]
        if let params, !(params.scalar.map { $0.string.isEmpty || $0.string == "~" || $0.string == "null" } ?? false) {
            guard let m = params.mapping else {
                throw error(params, "\(kind.rawValue): parameters are a mapping (name: value), found \(describe(params))")
            }
            for (k, v) in m {
                let key = k.scalar?.string ?? ""
                guard let spec = kind.parameter(key) else {
                    let names = kind.parameters.map(\.name)
                    throw error(k, "\(kind.rawValue) has no parameter \(GraphIOError.quote(key))" +
                                (names.isEmpty ? "; it takes none" : "; it takes \(names.joined(separator: ", "))"))
                }
                guard given[key] == nil else { throw error(k, "\(kind.rawValue): \(GraphIOError.quote(key)) appears twice") }
                given[key] = v
                let expected = "\(kind.rawValue): \(key) must be \(spec.type)"
                if case .list(let element) = spec.type {
                    // A list of lists is a grid of lists.
                    if let seq = v.sequence, seq.count > 0, seq.allSatisfy({ $0.sequence != nil }) {
                        var values: [JSONValue] = []
                        for item in seq {
                            switch listValue(item, element) {
                            case .success(let x): values.append(x)
                            case .failure(let e): throw GraphIOError(e.kind, file: e.file, line: e.line, column: e.column, "\(expected): \(e.message)")
                            }
                        }
                        grid.append(.init(name: key, values: values))
                    } else {
                        switch listValue(v, element) {
                        case .success(let x): fixed[key] = x
                        case .failure(let e): throw GraphIOError(e.kind, file: e.file, line: e.line, column: e.column, "\(expected): \(e.message)")
                        }
                    }
                } else if let seq = v.sequence {
                    guard !seq.isEmpty else { throw error(v, "\(kind.rawValue): \(key): an empty list gives no job") }
                    var values: [JSONValue] = []
                    var seenValues = Set<JSONValue>()   // linear time for long grids
                    for item in seq {
                        guard let x = scalarValue(item), spec.type.accepts(x) else {
                            throw error(item, "\(expected), found \(describe(item))")
                        }
                        guard seenValues.insert(spec.type.canonical(x)).inserted else {
                            throw error(item, "\(kind.rawValue): \(key): \(describe(item)) appears twice in the grid")
                        }
                        values.append(spec.type.canonical(x))
                    }
                    fixed[key] = nil
                    grid.append(.init(name: key, values: values))
                } else {
                    guard let x = scalarValue(v), spec.type.accepts(x) else { throw error(v, "\(expected), found \(describe(v))") }
                    fixed[key] = spec.type.canonical(x)
                }
            }
        }
        try crossCheck(kind, fixed: fixed, grid: grid, given: given, nameNode: nameNode)
        return Manifest.Analysis(kind: kind, location: location(nameNode), fixed: fixed, grid: grid)
    }

    /// Rules between parameters, and values whose syntax is richer than their type.
    func crossCheck(_ kind: AnalysisKind, fixed: [String: JSONValue], grid: [Manifest.Analysis.Axis],
                    given: [String: Node], nameNode: Node) throws(GraphIOError) {
        func values(_ name: String) -> [JSONValue] {
            if let a = grid.first(where: { $0.name == name }) { return a.values }
            return fixed[name].map { [$0] } ?? []
        }
        if given["k"] != nil && given["fraction"] != nil {
            throw error(given["fraction"], "\(kind.rawValue): k and fraction exclude each other")
        }
        for v in values("seeds") {
            guard case .string(let s) = v else { continue }
            do { _ = try SeedSelection(parsing: s) } catch {
                throw self.error(given["seeds"], "\(kind.rawValue): seeds: \(error.description)")
            }
        }
        if kind == .centrality {
            for v in values("measures") where v == .array([]) {
                throw error(given["measures"], "centrality: measures must name at least one measure")
            }
        }
        if kind == .reach {
            for v in values("models") where v == .array([]) {
                throw error(given["models"], "reach: models must name at least one model")
            }
        }
    }

    // MARK: datasets

    mutating func parseDatasets(_ node: Node) throws(GraphIOError) -> [Manifest.Dataset] {
        guard let seq = node.sequence, seq.count > 0 else {
            throw error(node, "datasets must be a non-empty list of paths or globs")
        }
        var out: [Manifest.Dataset] = []
        var names = Set<String>()
        for item in seq {
            var pattern: String
            var format: GraphFormat? = nil
            var directed: Bool? = nil
            var relation = "edge"
            var organizationsFrom: String? = nil
            var patternNode = item
            if let s = item.scalar?.string {
                pattern = s
            } else if let m = item.mapping {
                pattern = ""
                for (k, v) in m {
                    let key = k.scalar?.string ?? ""
                    switch key {
                    case "path":
                        guard let s = v.scalar?.string else { throw error(v, "path must be a text, found \(describe(v))") }
                        pattern = s; patternNode = v
                    case "from":
                        guard let s = v.scalar?.string, let f = GraphFormat(rawValue: s) else {
                            throw error(v, "from must be one of \(GraphFormat.allCases.map(\.rawValue).joined(separator: ", ")), found \(describe(v))")
                        }
                        format = f
                    case "directed":
                        guard case .bool(let b)? = scalarValue(v) else { throw error(v, "directed must be true or false, found \(describe(v))") }
                        directed = b
                    case "relation":
                        guard let s = v.scalar?.string, !s.isEmpty else { throw error(v, "relation must be a word, found \(describe(v))") }
                        relation = s
                    case "organizations_from":
                        guard let s = v.scalar?.string, !s.isEmpty else { throw error(v, "organizations_from must be a node attribute's name, found \(describe(v))") }
                        organizationsFrom = s
                    default:
                        throw error(k, "unknown dataset key \(GraphIOError.quote(key)); a dataset has path, from, directed, relation, organizations_from")
                    }
                }
                guard !pattern.isEmpty else { throw error(item, "a dataset mapping needs path:") }
            } else {
                throw error(item, "a dataset is a path, a glob, or {path: …, from: …, directed: …, relation: …, organizations_from: …}")
            }
            guard !pattern.isEmpty else { throw error(patternNode, "a dataset path cannot be empty") }
            let options = ReadOptions(directed: directed, relation: Relation(relation))
            let matches: [String]
            if pattern.contains(where: { "*?[".contains($0) }) {
                // The glob's fixed part is confined before anything is listed: "/*/*/*.csv"
                // must not walk the machine's folders to be refused afterwards.
                if !allowOutside {
                    let fixed = pattern.split(separator: "/", omittingEmptySubsequences: false)
                        .prefix { !$0.contains(where: { "*?[".contains($0) }) }.joined(separator: "/")
                    let base = resolve(fixed.isEmpty && pattern.hasPrefix("/") ? "/" : fixed)
                    let real = Self.realPath(base) ?? (base as NSString).standardizingPath
                    if !Self.isInside(real, Self.realPath(folder) ?? folder) {
                        throw error(patternNode, "dataset \(GraphIOError.quote(pattern)) leads outside the manifest's folder (to \(real)); move it inside, or pass --allow-outside")
                    }
                }
                matches = Glob.datasets(matching: pattern, in: folder)
                guard !matches.isEmpty else {
                    throw error(patternNode, "the glob \(GraphIOError.quote(pattern)) matches no dataset (a folder with nodes.csv or edges.csv, or a graph file)", .missingInput)
                }
            } else {
                let path = resolve(pattern)
                let isDir = DatasetFolder.isFolder(path)
                guard isDir || FileManager.default.isReadableFile(atPath: path) else {
                    throw error(patternNode, "dataset \(GraphIOError.quote(pattern)) does not exist (looked for \(path))", .missingInput)
                }
                if !isDir && format == nil && GraphFormat.infer(fromPath: path) == nil {
                    throw error(patternNode, "cannot tell the format of \(GraphIOError.quote(pattern)) from its name; add from: FORMAT")
                }
                matches = [pattern]
            }
            for m in matches.map(Self.trimmed) {
                if !allowOutside, let real = Self.realPath(resolve(m)), !Self.isInside(real, Self.realPath(folder) ?? folder) {
                    throw error(patternNode, "dataset \(GraphIOError.quote(m)) leads outside the manifest's folder (to \(real)); move it inside, or pass --allow-outside")
                }
                guard names.insert(m).inserted else {
                    warnings.append("\(file):\(location(patternNode)): dataset \(GraphIOError.quote(m)) is listed already; its jobs run once")
                    continue
                }
                var d = Manifest.Dataset(name: m, path: resolve(m), format: format, options: options)
                d.organizationsFrom = organizationsFrom
                out.append(d)
            }
        }
        return out
    }

    /// The path with symlinks, `.` and `..` resolved (nil when it does not exist).
    static func realPath(_ p: String) -> String? {
        guard let r = realpath(p, nil) else { return nil }
        defer { free(r) }
        return String(cString: r)
    }

    /// Whether `path` is `folder` or inside it (both resolved).
    static func isInside(_ path: String, _ folder: String) -> Bool {
        path == folder || path.hasPrefix(folder.hasSuffix("/") ? folder : folder + "/")
    }

    func resolve(_ p: String) -> String {
        p.hasPrefix("/") ? p : (folder as NSString).appendingPathComponent(p)
    }

    /// A dataset name without a trailing slash.
    static func trimmed(_ s: String) -> String {
        var t = s
        while t.count > 1 && t.hasSuffix("/") { t.removeLast() }
        return t
    }
}
