import GraphCore

/// The state of one read of a Pajek file (see ``PajekFormat`` for the mapping).
struct PajekReader {
    private var lines: PajekLines
    private var asm: NetworkAssembly
    private var source: SourceText { lines.source }

    /// Vertex count and two-mode split (`*Vertices n m`: the first m vertices are mode 1).
    private var n: Int?
    private var firstMode: Int?
    private var labels: [String?] = []
    private var vertexLineOffsets: [Int?] = []
    private var nodesCreated = false
    /// Relation names declared by `:k "name"` headers.
    private var relationNames: [Int: String] = [:]
    private var partitionsRead = 0

    private enum Section {
        case start
        case vertices
        case arcs(directed: Bool, relation: Int?)
        case lists(directed: Bool, relation: Int?)
        case matrix(relation: Int?, entries: Int)
        /// A partition or vector header, waiting for its `*Vertices k` line.
        case valuesHeader(name: String, isVector: Bool, offset: Int)
        case values(name: String, isVector: Bool, count: Int, read: Int, headerOffset: Int)
        /// A section we do not read (`*Permutation`, `*Cluster`, `*Hierarchy`, values of
        /// another size).
        case skipped
    }
    private var section = Section.start
    private var matrixHeaderOffset = 0

    init(_ source: SourceText) {
        lines = PajekLines(source)
        asm = NetworkAssembly(source: source)
    }

    /// Reads the whole file.
    /// - Complexity: O(length + n + m).
    mutating func read() throws(GraphIOError) -> Network {
        try source.requireText(format: "Pajek")
        while try lines.nextLine() {
            if lines.isHeader {
                // A partition's or vector's header is followed by its own *Vertices line.
                if case .valuesHeader = section, lines.keyword == "vertices" {} else { try endSection() }
                if try !header() { break }
            } else {
                try dataLine()
            }
        }
        try endSection()
        guard n != nil else {
            throw source.error(at: lines.lineStart, "no *Vertices line; expected a Pajek network starting with *Vertices <count>")
        }
        try createNodes()
        return asm.finish()
    }

    // MARK: Headers

    /// Starts the section of the current `*` line; false when the first network has ended.
    private mutating func header() throws(GraphIOError) -> Bool {
        let keyword = lines.keyword
        let words = lines.words
        switch keyword {
        case "network", "net":
            if n != nil { return false }      // a second network: read the first only
            let name = lines.restOfLine
            if !name.isEmpty { var m = asm.network.metadata; m.name = name; asm.setMetadata(m) }
            section = .start
        case "vertices":
            if case .valuesHeader(let name, let isVector, let offset) = section {
                let count = try integer(at: 1, what: "the number of values")
                if let n, count == n {
                    section = .values(name: name, isVector: isVector, count: count, read: 0, headerOffset: offset)
                } else if n == nil {
                    section = .skipped           // values before the network: not for it
                } else {
                    throw source.error(at: lines.offset(words[1]), "this \(isVector ? "vector" : "partition") has \(count) values but the network has \(n ?? 0) vertices; expected \(n ?? 0)")
                }
                return true
            }
            if n != nil { return false }      // a second network without *Network
            let count = try integer(at: 1, what: "the number of vertices")
            let limit = 1_000_000 + 16 * source.bytes.count
            guard count <= limit else {
                throw source.error(at: lines.offset(words[1]), "\(count) vertices is more than this \(source.bytes.count)-byte file can describe; expected at most \(limit)")
            }
            n = count
            if words.count > 2 {
                let m = try integer(at: 2, what: "the size of the first mode")
                guard m <= count else {
                    throw source.error(at: lines.offset(words[2]), "the first mode has \(m) vertices but there are only \(count); expected at most \(count)")
                }
                firstMode = m
            }
            labels = Array(repeating: nil, count: count)
            vertexLineOffsets = Array(repeating: nil, count: count)
            section = .vertices
        case "arcs", "edges", "arcslist", "edgeslist", "matrix":
            guard n != nil else {
                throw source.error(at: lines.lineStart, "\(GraphIOError.quote(keyword)) before *Vertices; expected *Vertices <count> first")
            }
            try createNodes()
            let relation = try relationHeader()
            let directed = keyword.hasPrefix("arcs") || keyword == "matrix"
            switch keyword {
            case "arcs", "edges": section = .arcs(directed: directed, relation: relation)
            case "arcslist", "edgeslist": section = .lists(directed: directed, relation: relation)
            default:
                section = .matrix(relation: relation, entries: 0)
                matrixHeaderOffset = lines.lineStart
            }
        case "partition", "vector":
            section = .valuesHeader(name: valuesName(keyword), isVector: keyword == "vector", offset: lines.lineStart)
        case "permutation", "cluster", "hierarchy":
            section = .skipped
        default:
            throw source.error(at: lines.lineStart, "unknown section \(GraphIOError.quote("*" + keyword)); expected *Network, *Vertices, *Arcs, *Edges, *Arcslist, *Edgeslist, *Matrix, *Partition or *Vector")
        }
        return true
    }

    /// The relation of an `*Arcs :k "name"` header (declaring its name), nil without `:k`.
    private mutating func relationHeader() throws(GraphIOError) -> Int? {
        let words = lines.words
        guard words.count > 1 else { return nil }
        let w = words[1]
        let text = lines.raw(w)
        guard !w.quoted, text.first == ":", let k = Int(text.dropFirst()) else {
            throw source.error(at: lines.offset(w), "expected a relation number such as :1 after \(GraphIOError.quote("*" + lines.keyword)), found \(GraphIOError.quote(text))")
        }
        if words.count > 2 {
            relationNames[k] = lines.text(words[2])
        }
        return k
    }

    /// The attribute name of a `*Partition` / `*Vector` (its file extension dropped).
    private mutating func valuesName(_ keyword: String) -> String {
        partitionsRead += 1
        var name = lines.restOfLine
        if name.count >= 2 && name.hasPrefix("\"") && name.hasSuffix("\"") { name = String(name.dropFirst().dropLast()) }
        for ext in [".clu", ".vec", ".per"] where name.lowercased().hasSuffix(ext) { name = String(name.dropLast(4)) }
        return name.isEmpty ? "\(keyword)\(partitionsRead)" : name
    }

    /// Checks the end of a section (a matrix or a value list must be complete).
    private mutating func endSection() throws(GraphIOError) {
        switch section {
        case .vertices:
            try createNodes()
        case .matrix(_, let entries):
            let (rows, cols) = matrixShape()
            if entries != rows * cols {
                throw source.error(at: lines.lineStart, "the matrix has \(entries) entries; expected \(rows) rows of \(cols)")
            }
        case .values(let name, _, let count, let read, _) where read < count:
            throw source.error(at: lines.lineStart, "\(GraphIOError.quote(name)) has \(read) values; expected \(count), one per vertex")
        case .valuesHeader(let name, _, _):
            throw source.error(at: lines.lineStart, "\(GraphIOError.quote(name)) has no *Vertices line; expected *Vertices <count> after it")
        default:
            break
        }
    }

    // MARK: Data lines

    private mutating func dataLine() throws(GraphIOError) {
        switch section {
        case .start:
            throw source.error(at: lines.lineStart, "a line outside any section; expected *Vertices <count> first")
        case .vertices:
            try vertexLine()
        case .arcs(let directed, let relation):
            try arcLine(directed: directed, relation: relation)
        case .lists(let directed, let relation):
            try listLine(directed: directed, relation: relation)
        case .matrix(let relation, let entries):
            section = .matrix(relation: relation, entries: try matrixLine(relation: relation, entries: entries))
        case .valuesHeader(let name, _, _):
            throw source.error(at: lines.lineStart, "expected *Vertices <count> after the header of \(GraphIOError.quote(name))")
        case .values(let name, let isVector, let count, var read, let offset):
            for w in lines.words {
                guard read < count else {
                    throw source.error(at: lines.offset(w), "\(GraphIOError.quote(name)) has more than the \(count) values it declares")
                }
                let text = lines.raw(w)
                let value: RawValue
                if let i = Int(text) { value = .integer(i) }
                else if isVector, let d = ValueText.double(text) { value = .double(d) }
                else {
                    throw source.error(at: lines.offset(w), "expected \(isVector ? "a number" : "an integer") in \(GraphIOError.quote(name)), found \(GraphIOError.quote(text))")
                }
                // Pajek's code for a missing value.
                if value != .integer(9_999_998) && value != .double(9_999_998) {
                    asm.nodeColumns.add(name, row: read, value)
                }
                read += 1
            }
            section = .values(name: name, isVector: isVector, count: count, read: read, headerOffset: offset)
        case .skipped:
            break
        }
    }

    /// `n "label" [x y [z]] [shape] [key value …]`.
    private mutating func vertexLine() throws(GraphIOError) {
        let words = lines.words
        let count = n ?? 0
        let v = try vertex(words[0], count: count) - 1
        if let previous = vertexLineOffsets[v] {
            let (l, _) = source.location(of: previous)
            throw source.error(at: lines.offset(words[0]), "vertex \(v + 1) is listed twice (first at line \(l)); expected one line per vertex")
        }
        vertexLineOffsets[v] = lines.lineStart
        guard words.count > 1 else { return }
        labels[v] = lines.text(words[1])
        var i = 2
        for axis in ["x", "y", "z"] {
            guard i < words.count, !words[i].quoted, let d = ValueText.double(lines.raw(words[i])) else { break }
            asm.nodeColumns.add(axis, row: v, .double(d))
            i += 1
        }
        if i < words.count, !words[i].quoted, PajekFormat.shapes.contains(lines.raw(words[i]).lowercased()) {
            asm.nodeColumns.add("shape", row: v, .string(String(lines.raw(words[i]))))
            i += 1
        }
        for (key, value) in try parameters(from: i) { asm.nodeColumns.add(key, row: v, value) }
    }

    /// `[k:] u v [weight] [key value …]`.
    private mutating func arcLine(directed: Bool, relation: Int?) throws(GraphIOError) {
        let (relation, first) = try linePrefix(relation)
        let words = lines.words
        guard words.count >= first + 2 else {
            let end = words.last.map { $0.quoted ? $0.end + 1 : $0.end } ?? lines.lineStart
            if end == source.bytes.count {
                throw source.error(at: end, "unexpected end of file in the middle of a line; expected a source and a target vertex")
            }
            throw source.error(at: end, "expected a source and a target vertex on this line")
        }
        let count = n ?? 0
        let u = try vertex(words[first], count: count), v = try vertex(words[first + 1], count: count)
        var weight = 1.0
        var i = first + 2
        if i < words.count {
            if !words[i].quoted, let w = ValueText.weight(lines.raw(words[i])) {
                weight = w
                i += 1
            } else if words[i].quoted || !PajekFormat.edgeParameters.contains(String(lines.raw(words[i]))) || i + 1 == words.count {
                throw source.error(at: lines.offset(words[i]), "expected \(ValueText.weightExpected) for the weight, found \(GraphIOError.quote(lines.text(words[i])))")
            }
        }
        let row = try asm.addEdge(Int32(u - 1), Int32(v - 1), relation: relation, weight: weight, directed: directed,
                                  at: lines.lineStart)
        for (key, value) in try parameters(from: i) { asm.edgeColumns.add(key, row: row, value) }
    }

    /// `[k:] u v1 v2 …`.
    private mutating func listLine(directed: Bool, relation: Int?) throws(GraphIOError) {
        let (relation, first) = try linePrefix(relation)
        let words = lines.words
        let count = n ?? 0
        guard first < words.count else { return }
        let u = try vertex(words[first], count: count)
        for w in words[(first + 1)...] {
            let v = try vertex(w, count: count)
            try asm.addEdge(Int32(u - 1), Int32(v - 1), relation: relation, weight: 1, directed: directed,
                            at: lines.offset(w))
        }
    }

    /// Reads a matrix line; returns the number of entries read so far.
    private mutating func matrixLine(relation: Int?, entries: Int) throws(GraphIOError) -> Int {
        let (rows, cols) = matrixShape()
        let offset = firstMode ?? 0
        let twoMode = firstMode != nil
        let name = relationName(relation)
        var k = entries
        for w in lines.words {
            guard k < rows * cols else {
                throw source.error(at: lines.offset(w), "the matrix has more than \(rows) rows of \(cols) entries")
            }
            guard !w.quoted, let a = ValueText.weight(lines.raw(w)) else {
                throw source.error(at: lines.offset(w), "expected \(ValueText.weightExpected) in the matrix, found \(GraphIOError.quote(lines.raw(w)))")
            }
            if a != 0 {
                let r = k / cols, c = k % cols
                try asm.addEdge(Int32(r), Int32(c + offset), relation: name, weight: a, directed: !twoMode,
                                at: lines.offset(w))
            }
            k += 1
        }
        return k
    }

    /// Rows and columns of a `*Matrix`: n × n, or m × (n − m) for a two-mode network.
    private func matrixShape() -> (Int, Int) {
        let count = n ?? 0
        if let m = firstMode { return (m, count - m) }
        return (count, count)
    }

    // MARK: Pieces

    /// The relation of a line: its `k:` prefix, else the section's, else `edge`; and the
    /// position of the line's first vertex.
    private func linePrefix(_ sectionRelation: Int?) throws(GraphIOError) -> (Relation, Int) {
        let first = lines.words[0]
        if !first.quoted && source.bytes[first.end - 1] == 0x3A {
            let text = lines.raw(first)
            guard let k = Int(text.dropLast()) else {
                throw source.error(at: lines.offset(first), "expected a relation number such as 1: at the start of the line, found \(GraphIOError.quote(text))")
            }
            return (relationName(k), 1)
        }
        return (relationName(sectionRelation), 0)
    }

    private func relationName(_ k: Int?) -> Relation {
        guard let k else { return NetworkAssembly.defaultRelation }
        if let name = relationNames[k], !name.isEmpty { return Relation(name) }
        return Relation(String(k))
    }

    /// A vertex number in 1…count.
    private func vertex(_ w: PajekWord, count: Int) throws(GraphIOError) -> Int {
        guard let v = lines.integer(w) else {
            throw source.error(at: lines.offset(w), "expected a vertex number, found \(GraphIOError.quote(lines.text(w)))")
        }
        guard v >= 1 && v <= count else {
            throw source.error(at: lines.offset(w), "vertex \(v) is out of range; the network has \(count) vertices, numbered 1 to \(count)")
        }
        return v
    }

    /// A non-negative integer at word `i` of the current line.
    private func integer(at i: Int, what: String) throws(GraphIOError) -> Int {
        let words = lines.words
        guard i < words.count else {
            throw source.error(at: lines.lineStart, "expected \(what) after \(GraphIOError.quote("*" + lines.keyword))")
        }
        guard let v = Int(lines.raw(words[i])), v >= 0 else {
            throw source.error(at: lines.offset(words[i]), "expected \(what) (an integer ≥ 0), found \(GraphIOError.quote(lines.raw(words[i])))")
        }
        return v
    }

    /// `key value` pairs from word `i` on (Pajek's drawing parameters, networkx's extra string
    /// attributes): quoted values are strings, bare ones typed as numbers when they are.
    private func parameters(from i: Int) throws(GraphIOError) -> [(String, RawValue)] {
        let words = lines.words
        var out: [(String, RawValue)] = []
        var i = i
        while i + 1 < words.count {
            let key = lines.text(words[i])
            let w = words[i + 1]
            out.append((key, w.quoted ? .string(lines.text(w)) : RawValue(inferring: lines.raw(w))))
            i += 2
        }
        if i < words.count {
            throw source.error(at: lines.offset(words[i]), "\(GraphIOError.quote(lines.text(words[i]))) has no value; expected parameters in pairs such as c Blue")
        }
        return out
    }

    /// Creates the vertices once their section is over: ids are the vertex numbers, labels the
    /// labels.
    private mutating func createNodes() throws(GraphIOError) {
        guard !nodesCreated, let n else { return }
        nodesCreated = true
        asm.reserveNodes(n)
        for v in 0..<n {
            let kind: NodeKind = firstMode.map { v < $0 ? .actor : "event" } ?? .actor
            try asm.addNode(String(v + 1), kind: kind, label: labels[v], at: vertexLineOffsets[v] ?? lines.lineStart)
        }
    }
}
