import IntersticeCZlib
import GraphCore

/// A graph loaded straight into CSR form from an integer edge list.
public struct LoadedGraph: Sendable {
    /// The graph; its node `i` has the external integer id `id(of: i)`.
    public let graph: CSRGraph
    /// External ids by node, ascending; nil when the file's ids were exactly `0..<n` (the
    /// identity, stored as nothing).
    public let idMap: [Int64]?

    /// The external id of node `v`.
    /// - Complexity: O(1).
    public func id(of v: Int32) -> Int64 { idMap?[Int(v)] ?? Int64(v) }
}

extension EdgeListFormat {
    /// Loads an edge list of non-negative integer ids straight into a ``CSRGraph``, without a
    /// ``Network``: two streaming passes over the file (plain or gzip) in 1 MiB chunks, the first
    /// counting degrees, the second placing arcs; peak memory is the CSR plus one id map.
    ///
    /// Nodes are numbered by increasing external id (the identity when ids are `0..<n`). Only
    /// the first two columns are read (unweighted); comments and blank lines are skipped;
    /// parallel edges and self-loops are kept, as the file has them.
    ///
    /// - Returns: nil when the file is not a plain integer edge list (a header, a non-integer or
    ///   a huge id): use ``read(_:options:)`` then.
    /// - Complexity: O(file size + n + m log d).
    public static func loadGraph(path: String, directed: Bool) throws(GraphIOError) -> LoadedGraph? {
        // Pass 1: degrees by raw id.
        var degree: [Int32] = []
        var present: [Bool] = []
        var maxRaw = -1
        var ok = true
        let limit = 1 << 28
        let complete = try scan(path: path) { u, v in
            let hi = max(u, v)
            if hi >= limit { ok = false; return false }
            if hi > maxRaw {
                maxRaw = hi
                if hi >= degree.count {
                    let grow = max(hi + 1, degree.count * 2)
                    degree.append(contentsOf: repeatElement(0, count: grow - degree.count))
                    present.append(contentsOf: repeatElement(false, count: grow - present.count))
                }
            }
            present[u] = true
            if v >= 0 {
                present[v] = true
                degree[u] += 1
                if !directed { degree[v] += 1 }
            }
            return true
        }
        guard ok, complete else { return nil }
        let rawCount = maxRaw + 1
        // Dense numbering by increasing raw id; nothing to store when the ids are 0..<n.
        var n = 0
        for r in 0..<rawCount where present[r] { n += 1 }
        let identity = n == rawCount
        var dense: [Int32] = []
        var idMap: [Int64]? = nil
        if !identity {
            dense = [Int32](repeating: -1, count: rawCount)
            var map: [Int64] = []
            map.reserveCapacity(n)
            for r in 0..<rawCount where present[r] { dense[r] = Int32(map.count); map.append(Int64(r)) }
            idMap = map
        }
        present = []
        // Row starts; during placement offsets[v] serves as row v's cursor (each ends at the
        // next row's start), then the array is shifted back by one row.
        var offsets = [Int](repeating: 0, count: n + 1)
        for r in 0..<rawCount {
            let v = identity ? r : Int(dense.isEmpty ? -1 : dense[r])
            if v >= 0 { offsets[v + 1] = Int(degree[r]) }
        }
        degree = []
        for v in 0..<n { offsets[v + 1] += offsets[v] }
        var targets = [Int32](repeating: 0, count: offsets[n])
        var loops = 0
        // Pass 2: place arcs.
        try targets.withUnsafeMutableBufferPointer { (t: inout UnsafeMutableBufferPointer<Int32>) throws(GraphIOError) in
            try offsets.withUnsafeMutableBufferPointer { (c: inout UnsafeMutableBufferPointer<Int>) throws(GraphIOError) in
                try dense.withUnsafeBufferPointer { (d: UnsafeBufferPointer<Int32>) throws(GraphIOError) in
                    _ = try scan(path: path) { ru, rv in
                        guard rv >= 0 else { return true }
                        let u = identity ? ru : Int(d[ru]), v = identity ? rv : Int(d[rv])
                        t[c[u]] = Int32(truncatingIfNeeded: v); c[u] += 1
                        if !directed { t[c[v]] = Int32(truncatingIfNeeded: u); c[v] += 1 }
                        if u == v { loops += 1 }
                        return true
                    }
                }
                // c[v] now holds the end of row v = the start of row v + 1.
                var v = n
                while v > 0 { c[v] = c[v - 1]; v -= 1 }
                c[0] = 0
            }
        }
        dense = []
        var none: [Double]? = nil
        CSRGraph.sortRows(n: n, offsets: offsets, targets: &targets, weights: &none)
        let g = CSRGraph(nodeCount: n, direction: directed ? .directed : .undirected, offsets: offsets,
                         targets: targets, weights: nil, selfLoopCount: loops)
        return LoadedGraph(graph: g, idMap: idMap)
    }

    /// Streams integer pairs from a file: `body(u, -1)` for a one-token line; `body` returns
    /// false to stop early.
    /// - Returns: false when a line is not integer tokens (the file is no plain integer list).
    @discardableResult
    static func scan(path: String, _ body: (Int, Int) -> Bool) throws(GraphIOError) -> Bool {
        guard let f = gzopen(path, "rb") else { throw GraphIOError(.missingInput, file: path, "no such file") }
        defer { gzclose(f) }
        gzbuffer(f, 1 << 20)
        let chunkSize = 1 << 20
        var buf = [UInt8](repeating: 0, count: chunkSize + 4096)
        var carry = 0
        var failed = false
        var stop = false
        while !stop {
            let got = buf.withUnsafeMutableBytes { raw in
                gzread(f, raw.baseAddress! + carry, UInt32(chunkSize))
            }
            if got < 0 { throw GraphIOError(.badData, file: path, "gzip: the data is corrupt or truncated") }
            let end = carry + Int(got)
            let atEOF = got == 0
            if end == 0 { break }
            // Process complete lines; keep the tail for the next chunk.
            var consumed = 0
            buf.withUnsafeBufferPointer { b in
                var i = 0
                while i < end {
                    var j = i
                    while j < end && b[j] != 10 { j += 1 }
                    if j == end && !atEOF { break }
                    // line b[i..<j]
                    var k = i
                    while k < j && (b[k] == 32 || b[k] == 9) { k += 1 }
                    if k < j && b[k] != 35 && b[k] != 37 && b[k] != 13 {
                        var vals = (-1, -1)
                        var count = 0
                        while k < j && count < 2 {
                            var x = 0, digits = 0
                            while k < j, b[k] >= 48, b[k] <= 57 {
                                x = x &* 10 &+ Int(b[k] - 48); digits += 1; k += 1
                                if digits > 12 { break }
                            }
                            if digits == 0 || digits > 12 || (k < j && !(b[k] == 32 || b[k] == 9 || b[k] == 44 || b[k] == 13)) {
                                failed = true; stop = true; return
                            }
                            if count == 0 { vals.0 = x } else { vals.1 = x }
                            count += 1
                            while k < j && (b[k] == 32 || b[k] == 9 || b[k] == 44 || b[k] == 13) { k += 1 }
                        }
                        if !body(vals.0, vals.1) { stop = true; return }
                    }
                    i = j + 1
                    consumed = min(i, end)
                }
                consumed = min(i, end)
            }
            if stop || atEOF { break }
            let tail = end - consumed
            if tail > 0 {
                if consumed > 0 { buf.withUnsafeMutableBufferPointer { b in
                    for q in 0..<tail { b[q] = b[consumed + q] }
                } }
                if tail >= chunkSize {  // a single line longer than a chunk: not an edge list
                    failed = true; break
                }
            }
            carry = tail
        }
        return !failed
    }
}
