import Foundation
import Testing
import TestSupport

/// The two bundled case studies exported back to French sheets by
/// Tests/Fixtures/import/make_case_sheets.py (labels as names, with spaces, commas and
/// parentheses; `;`; BOM; decimal commas), imported again: the same nodes by kind and edges by
/// relation as the datasets themselves.
@Suite("interstice import on the case studies' own sheets (the built binary)")
struct ImportCaseSheetsTests {
    func info(_ path: String) throws -> [String: Any] {
        let r = try CLI.run(["info", path, "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        return try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any]
    }

    func counts(_ d: [String: Any]) -> ([String: Int], [String: Int]) {
        let kinds = (d["nodes"] as! [String: Any])["by_kind"] as! [String: Int]
        let rel = ((d["edges"] as! [String: Any])["by_relation"] as! [String: [String: Any]]).mapValues { $0["count"] as! Int }
        return (kinds, rel)
    }

    @Test(arguments: [("chalon-sur-saone", ["--collective-column", "4"]),
                      ("cucm-plie", ["--collective-column", "4"])])
    func roundTrip(_ c: (name: String, options: [String])) throws {
        let dir = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent(c.name).path
        let r = try CLI.run(["import", Fixtures.path("import/\(c.name)-personnes.csv"), Fixtures.path("import/\(c.name)-liens.csv"),
                             "-o", out] + c.options)
        #expect(r.status == 0, "\(r.stderr)")
        let (kinds, relations) = counts(try info(out))
        let (k0, r0) = counts(try info(Fixtures.dataset(c.name)))
        // Two sheets carry people, their organizations, the committee and the ties between
        // people; the datasets' units, meetings and organization-level ties have no column.
        #expect(kinds["actor"] == k0["actor"] && kinds["collective"] == 1)
        for r in ["acquaintance", "exchange", "reports_to"] { #expect(relations[r] == r0[r], "\(r)") }
        #expect(!r.stdout.contains("repeated"))
    }
}
