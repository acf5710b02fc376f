import Foundation
import Testing
import TestSupport
@testable import GraphIO
import GraphCore

/// Issue 14, readers: no recursion on input depth, linear-time attribute parsing, and NaN,
/// infinite, overflowing and hexadecimal weights refused alike by every reader, at their line
/// and column.
@Suite("Hardening: readers")
struct HardeningReaderTests {
    static func decode(_ text: String, _ format: GraphFormat, name: String = "in") throws(GraphIOError) -> Network {
        try GraphFile.decode(SourceText(name: name, bytes: Array(text.utf8)), format: format)
    }

    static func failure(_ text: String, _ format: GraphFormat) -> GraphIOError? {
        do { _ = try decode(text, format); return nil } catch { return error }
    }

    // MARK: - Depth

    @Test("GraphML nested 20,000 deep is refused at the first element past the limit")
    func deepGraphML() {
        let depth = 10_000   // graph/node pairs: 20,000 nested elements
        var s = "<?xml version=\"1.0\"?>\n<graphml>\n"
        for i in 0..<depth { s += "<graph><node id=\"n\(i)\">" }
        for _ in 0..<depth { s += "</node></graph>" }
        s += "\n</graphml>\n"
        guard let e = Self.failure(s, .graphml) else { Issue.record("accepted"); return }
        #expect(e.kind == .badData)
        #expect(e.line == 3)
        // <graphml> is level 1, pair i opens levels 2i + 2 and 2i + 3: the node of pair 127
        // would be level 257.
        var column = 1 + "<graph>".utf8.count
        for i in 0..<127 { column += "<graph><node id=\"n\(i)\">".utf8.count }
        #expect(e.column == column)
        #expect(e.message.contains("nested more than \(XMLReader.maxDepth) deep"), "\(e)")
    }

    @Test("GEXF with nodes nested 20,000 deep is refused with its location")
    func deepGEXF() {
        var s = "<gexf><graph><nodes>\n"
        for i in 0..<10_000 { s += "<node id=\"n\(i)\"><nodes>\n" }
        for _ in 0..<10_000 { s += "</nodes></node>\n" }
        s += "</nodes></graph></gexf>\n"
        guard let e = Self.failure(s, .gexf) else { Issue.record("accepted"); return }
        #expect(e.kind == .badData)
        // Levels: gexf 1, graph 2, nodes 3, then each line adds node + nodes: the line that
        // would open level 257 (a <nodes>, the second tag of its line) is line 128.
        #expect(e.line == 128)
        #expect(e.column == "<node id=\"n126\">".utf8.count + 1)
        #expect(e.message.contains("nested more than"))
    }

    @Test("nesting at the limit is read")
    func nestingAtTheLimit() throws {
        // graphml + graph, then (node, graph) pairs up to exactly maxDepth levels.
        let pairs = (XMLReader.maxDepth - 2) / 2
        var s = "<graphml><graph>"
        for i in 0..<pairs { s += "<node id=\"n\(i)\"><graph>" }
        for _ in 0..<pairs { s += "</graph></node>" }
        s += "</graph></graphml>"
        let net = try Self.decode(s, .graphml)
        #expect(net.nodeCount == pairs)
    }

    // MARK: - Attributes

    @Test("a tag with 200,000 attributes is read; a repeated one among many is found at its column")
    func manyAttributes() throws {
        var s = "<graphml><graph><node id=\"a\""
        for i in 0..<200_000 { s += " x\(i)=\"\(i)\"" }
        s += "/></graph></graphml>"
        let net = try Self.decode(s, .graphml)
        #expect(net.nodeCount == 1)

        var bad = "<graphml><graph><node id=\"a\""
        for i in 0..<1_000 { bad += " x\(i)=\"1\"" }
        let column = bad.utf8.count + 2
        bad += " x17=\"2\"/></graph></graphml>"
        guard let e = Self.failure(bad, .graphml) else { Issue.record("accepted"); return }
        #expect(e.line == 1 && e.column == column)
        #expect(e.message == "the attribute x17 is repeated in <node>")
        // Below the hashing threshold too.
        guard let e2 = Self.failure("<graphml><graph><node id=\"a\" b=\"1\" id=\"c\"/></graph></graphml>", .graphml) else {
            Issue.record("accepted"); return
        }
        #expect(e2.column == 36 && e2.message == "the attribute id is repeated in <node>")
    }

    // MARK: - Weights

    /// One edge of weight `w` in each format, and the (line, column) where the weight is.
    static func weighted(_ w: String, _ format: GraphFormat) -> (text: String, line: Int, column: Int) {
        switch format {
        case .edgelist: return ("a b 1\na c \(w)\n", 2, 5)
        case .pajek: return ("*Vertices 2\n1 \"a\"\n2 \"b\"\n*Edges\n1 2 \(w)\n", 5, 5)
        case .gml: return ("graph [\n node [ id 1 ]\n node [ id 2 ]\n edge [ source 1 target 2 weight \(w) ]\n]\n", 4, 34)
        case .json: return ("{\"nodes\": [{\"id\": 1}, {\"id\": 2}],\n \"links\": [{\"source\": 1, \"target\": 2, \"weight\": \(w)}]}\n", 2, 49)
        case .graphml:
            return ("<graphml><key id=\"w\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/><graph>\n<node id=\"a\"/><node id=\"b\"/>\n<edge source=\"a\" target=\"b\"><data key=\"w\">\(w)</data></edge>\n</graph></graphml>\n", 3, 29)
        case .gexf:
            return ("<gexf><graph><nodes><node id=\"a\"/><node id=\"b\"/></nodes><edges>\n<edge source=\"a\" target=\"b\" weight=\"\(w)\"/>\n</edges></graph></gexf>\n", 2, 1)
        default: fatalError()
        }
    }

    static let textFormats: [GraphFormat] = [.edgelist, .pajek, .gml, .json, .graphml, .gexf]

    @Test("NaN, inf, 1e400 and 0x10 weights are refused by every reader at the weight",
          arguments: ["NaN", "nan", "inf", "-Infinity", "1e400", "0x10"], textFormats)
    func badWeight(weight: String, format: GraphFormat) {
        // GML's and JSON's lexers refuse what is not a number token (NaN, -Infinity, 0x10) on
        // their own, at the same place; the weight check refuses the numbers that are not finite.
        let (text, line, column) = Self.weighted(weight, format)
        guard let e = Self.failure(text, format) else { Issue.record("\(format) accepted weight \(weight)"); return }
        #expect(e.kind == .badData)
        #expect(e.line == line, "\(format) \(weight): \(e)")
        #expect(e.column == column, "\(format) \(weight): \(e)")
        let lexical = (format == .gml && ["NaN", "-Infinity", "0x10"].contains(weight))
            || (format == .json && ["nan", "inf", "0x10"].contains(weight))
        if !lexical {
            #expect(e.message.contains(ValueText.weightExpected), "\(format) \(weight): \(e)")
        }
    }

    @Test("the same finite weight is read alike by every reader", arguments: textFormats)
    func goodWeight(format: GraphFormat) throws {
        let net = try Self.decode(Self.weighted("2.5e-1", format).text, format)
        let weights = net.layers.flatMap(\.weights)
        #expect(weights.contains(0.25))
    }

    @Test("the native reader refuses the same weights at the cell")
    func nativeWeights() throws {
        for w in ["NaN", "inf", "1e400", "0x10"] {
            let dir = try Fixtures.temporaryFolder()
            defer { try? FileManager.default.removeItem(at: dir) }
            try Data("id\na\nb\n".utf8).write(to: dir.appendingPathComponent("nodes.csv"))
            try Data("source,target,weight\na,b,1\nb,a,\(w)\n".utf8).write(to: dir.appendingPathComponent("edges.csv"))
            do {
                _ = try DatasetFolder.read(dir.path)
                Issue.record("native accepted \(w)")
            } catch {
                #expect(error.line == 3 && error.column == 5, "\(error)")
                #expect(error.message.contains(ValueText.weightExpected))
            }
        }
    }

    @Test("hexadecimal is not a number for typed attributes either")
    func hexadecimal() {
        #expect(ValueText.double("0x10") == nil)
        #expect(ValueText.double("0X1p3") == nil)
        #expect(ValueText.double("16") == 16)
        #expect(ValueText.double("-inf") == -.infinity)
        #expect(ValueText.weight("-inf") == nil)
        #expect(ValueText.weight("1e308") == 1e308)
        #expect(ValueText.inferType(["0x10", "0x20"]) == .string)
    }

    // MARK: - Bounds

    @Test("gzip is inflated against the bound: a 64 KB bomb of 64 MiB is refused past the bound, read up to it")
    func gzipBomb() throws {
        let path = Fixtures.path("hardening/gzip-bomb.edges.gz")
        let raw = try Fixtures.bytes("hardening/gzip-bomb.edges.gz")
        #expect(raw.count < 70_000)
        do {
            _ = try SourceText.read(path: path, maxBytes: 1 << 20)
            Issue.record("inflated past the bound")
        } catch {
            #expect(error.kind == .badData)
            #expect(error.description == "\(path): the input is larger than 1048576 bytes (decompressed); raise --max-input-bytes to read it")
        }
        #expect(try Gzip.decompress(raw, name: "bomb", maxBytes: 64 << 20).count == 64 << 20)
        #expect(throws: GraphIOError.self) { try Gzip.decompress(raw, name: "bomb", maxBytes: (64 << 20) - 1) }
        // The bound applies to plain files and to GraphFile.read's options.
        do {
            _ = try GraphFile.read(Fixtures.dataset("cucm-plie"), options: ReadOptions(maxInputBytes: 100))
            Issue.record("read past the bound")
        } catch {
            #expect(error.message.hasPrefix("the input is larger than 100 bytes"))
        }
    }
}
