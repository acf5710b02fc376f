import Foundation
import Testing
import TestSupport
@testable import GraphIO
import GraphCore

/// Every reader, given truncated, binary, wrongly encoded or malformed files
/// (Tests/Fixtures/bad, made by make_bad.py), returns a bad-data error at the location that
/// manifest.json records, and reads the valid control file each bad case was made from.
@Suite("Bad input: located errors, no crash")
struct BadInputTests {
    static func manifest() -> [String: Any] {
        (try? Fixtures.json("bad/manifest.json")) as? [String: Any] ?? [:]
    }

    static func cases() -> [String] {
        (manifest()["files"] as? [[String: Any]] ?? []).compactMap { $0["path"] as? String }.sorted()
    }

    static func controls() -> [String] {
        (manifest()["controls"] as? [[String: Any]] ?? []).compactMap { $0["path"] as? String }.sorted()
    }

    static func read(_ entry: [String: Any]) throws(GraphIOError) -> Network {
        let format = GraphFormat(rawValue: entry["format"] as! String)!
        let path = Fixtures.path("bad/" + ((entry["dataset"] as? String) ?? (entry["path"] as! String)))
        return try GraphFile.read(path, format: format)
    }

    @Test func corpusCoversEveryFormat() {
        let formats = Set((Self.manifest()["files"] as? [[String: Any]] ?? []).compactMap { $0["format"] as? String })
        #expect(formats == ["native", "edgelist", "adjlist", "graphml", "gexf", "gml", "pajek", "json"])
    }

    @Test(arguments: controls())
    func controlFileReads(path: String) throws {
        let entry = (Self.manifest()["controls"] as! [[String: Any]]).first { $0["path"] as? String == path }!
        let net = try Self.read(entry)
        #expect(net.nodeCount > 0 && net.edgeCount > 0)
    }

    @Test(arguments: cases())
    func badFileIsRejectedAtItsLocation(path: String) {
        let entry = (Self.manifest()["files"] as! [[String: Any]]).first { $0["path"] as? String == path }!
        let failure: GraphIOError?
        do { _ = try Self.read(entry); failure = nil } catch { failure = error }
        guard let e = failure else { Issue.record("\(path) was accepted"); return }
        #expect(e.kind == .badData, "\(e)")
        let phrases = entry["message_contains_any"] as? [String] ?? []
        #expect(phrases.contains { e.message.lowercased().contains($0.lowercased()) }, "\(path): \(e)")
        if let line = entry["line"] as? Int, let column = entry["column"] as? Int {
            #expect(e.line == line && e.column == column, "\(path): expected \(line):\(column), got \(e)")
        } else if let accepted = entry["accepted_locations"] as? [[String: Int]], let l = e.line {
            #expect(accepted.contains { $0["line"] == l && $0["column"] == e.column }, "\(path): \(e)")
        }
        #expect(!e.description.contains("\n"), "one line")
    }
}
