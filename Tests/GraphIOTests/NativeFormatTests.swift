import Foundation
import Testing
import TestSupport
@testable import GraphIO
import GraphCore

@Suite("Native dataset folder")
struct NativeFormatTests {
    /// Writes a dataset folder from strings and returns its path.
    func folder(nodes: String?, edges: String?, json: String? = nil) throws -> String {
        let dir = try Fixtures.temporaryFolder()
        if let nodes { try Data(nodes.utf8).write(to: dir.appendingPathComponent("nodes.csv")) }
        if let edges { try Data(edges.utf8).write(to: dir.appendingPathComponent("edges.csv")) }
        if let json { try Data(json.utf8).write(to: dir.appendingPathComponent("dataset.json")) }
        return dir.path
    }

    func error(_ body: () throws -> Void) -> GraphIOError? {
        do { try body() } catch let e as GraphIOError { return e } catch { return nil }
        return nil
    }

    @Test func readsTypedAttributesQuotesAndDefaults() throws {
        let path = try folder(
            nodes: "\u{FEFF}id,kind,label,age,code:string,since:date,head:bool,score\r\n"
                + "a,actor,\"Smith, \"\"Jo\"\"\",41,007,2001-05-02,true,1.5\r\n"
                + "b,,\"two\nlines\",,12,,false,2\r\n"
                + "o,organization,,,,,,\r\n",
            edges: "source,target,relation,weight,directed,note\n"
                + "a,b,acquaintance,2.5,,hello\n"
                + "a,o,member,,true,\n"
                + "b,a,exchange,,,\n",
            json: #"{"name": "tiny", "licence": "CC0", "relations": {"exchange": "gives to"}}"#)
        let net = try DatasetFolder.read(path)
        #expect(net.metadata.name == "tiny" && net.metadata.licence == "CC0")
        #expect(net.metadata.relations["exchange"] == "gives to")
        #expect(net.ids == ["a", "b", "o"])
        #expect(net.kinds == [.actor, .actor, .organization])
        #expect(net.labels == ["Smith, \"Jo\"", "two\nlines", nil])
        #expect(net.nodeAttributes["age"]?.type == .integer)
        #expect(net.nodeAttribute("age", of: 0) == .integer(41))
        #expect(net.nodeAttribute("age", of: 1) == nil)
        #expect(net.nodeAttribute("code", of: 0) == .string("007"))
        #expect(net.nodeAttribute("since", of: 0) == .date(CalendarDate(year: 2001, month: 5, day: 2)!))
        #expect(net.nodeAttribute("head", of: 1) == .boolean(false))
        #expect(net.nodeAttributes["score"]?.type == .double)
        #expect(net.relations == [.acquaintance, .member, .exchange])
        #expect(net.layer(.acquaintance)?.direction == .undirected)
        #expect(net.layer(.acquaintance)?.weights == [2.5])
        #expect(net.layer(.exchange)?.direction == .directed)
        #expect(net.layer(.acquaintance)?.attributes["note"]?[0] == .string("hello"))
        #expect(net.layer(.member)?.attributes["note"] == nil)
    }

    @Test func roundTripsThroughTheWriter() throws {
        let original = try DatasetFolder.read(Fixtures.dataset("cucm-plie"))
        let out = try Fixtures.temporaryFolder().appendingPathComponent("copy").path
        try DatasetFolder.write(original, to: out)
        let back = try DatasetFolder.read(out)
        #expect(back.ids == original.ids)
        #expect(back.kinds == original.kinds)
        #expect(back.labels == original.labels)
        #expect(back.nodeAttributes == original.nodeAttributes)
        #expect(back.layers == original.layers)
        #expect(back.metadata == original.metadata)
    }

    @Test func writerKeepsTextThatLooksNumeric() throws {
        var net = Network()
        try net.addNode("x")
        try net.setNodeAttribute("zip", of: 0, .string("01200"))
        let out = try Fixtures.temporaryFolder().appendingPathComponent("z").path
        try DatasetFolder.write(net, to: out)
        let header = try String(contentsOfFile: out + "/nodes.csv", encoding: .utf8).split(separator: "\n")[0]
        #expect(header == "id,kind,label,zip:string")
        #expect(try DatasetFolder.read(out).nodeAttribute("zip", of: 0) == .string("01200"))
    }

    @Test(arguments: [
        // (nodes.csv, edges.csv, file, line, column, phrase)
        ("id,kind\na,actor\n", "source,target,weight\na,b,1\n", "edges.csv", 2, 3, "unknown node \"b\""),
        ("id\na\nb\n", "source,target,relation,weight\na,b,x,1\nb,a,x,abc\n", "edges.csv", 3, 7, "expected a number for weight, found \"abc\""),
        ("id\na\na\n", "source,target\n", "nodes.csv", 3, 1, "defined twice"),
        ("id,age:int\na,4\nb,x\n", "source,target\n", "nodes.csv", 3, 3, "expected an integer for age"),
        ("id,age:weird\na,4\n", "source,target\n", "nodes.csv", 1, 4, "unknown column type"),
        ("kind\nactor\n", "source,target\n", "nodes.csv", 1, 1, "missing required column \"id\""),
        ("id\na\nb\n", "source,target,relation,directed\na,b,r,true\nb,a,r,false\n", "edges.csv", 3, 7, "a relation has one direction"),
        ("id\na\nb\n", "source,target,directed\na,b,maybe\n", "edges.csv", 2, 5, "expected true or false"),
        ("id,x\na,\"open\nb,2\n", "source,target\n", "nodes.csv", 2, 3, "unclosed quote"),
        ("id,x\na,1,2\n", "source,target\n", "nodes.csv", 2, 5, "expected 2 fields"),
        ("id,x\na,b\"c\n", "source,target\n", "nodes.csv", 2, 4, "a quote inside an unquoted field"),
        ("id\na\u{00}\n", "source,target\n", "nodes.csv", 2, 2, "NUL byte"),
    ])
    func badInputIsLocated(nodes: String, edges: String, file: String, line: Int, column: Int, phrase: String) throws {
        let path = try folder(nodes: nodes, edges: edges)
        let e = error { _ = try DatasetFolder.read(path) }
        #expect(e != nil)
        #expect(e?.file.hasSuffix(file) == true)
        #expect(e?.line == line)
        #expect(e?.column == column)
        #expect(e?.message.contains(phrase) == true, "\(e?.description ?? "no error")")
        #expect(e?.kind == .badData)
    }

    @Test func invalidUTF8IsLocatedAtTheFirstBadByte() throws {
        let dir = try Fixtures.temporaryFolder()
        try Data([UInt8]("id,label\na,caf".utf8) + [0xE9] + [UInt8](",\n".utf8)).write(to: dir.appendingPathComponent("nodes.csv"))
        let e = error { _ = try DatasetFolder.read(dir.path) }
        #expect(e?.line == 2 && e?.column == 6)
        #expect(e?.message.contains("invalid UTF-8") == true)
    }

    @Test func missingFolderIsMissingInput() {
        let e = error { _ = try GraphFile.read("/nonexistent/folder/x.graphml") }
        #expect(e?.kind == .missingInput)
        let f = error { _ = try DatasetFolder.read(FileManager.default.temporaryDirectory.path) }
        #expect(f?.kind == .missingInput)
    }

    @Test func edgesWithoutNodesFileCreateActors() throws {
        let path = try folder(nodes: nil, edges: "source,target\nx,y\ny,z\n")
        let net = try DatasetFolder.read(path)
        #expect(net.ids == ["x", "y", "z"] && net.edgeCount == 2)
        #expect(net.relations == ["edge"])
    }
}
