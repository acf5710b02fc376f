import Foundation
import Testing
import TestSupport

/// The case studies' basis through the built binary: render marks assumed rows unless
/// --hide-basis; every organization-level relation stays out of the actors' tie graph.
@Suite("interstice render and centrality on datasets with a basis (the built binary)")
struct BasisCommandTests {
    @Test func renderMarksAssumedRowsUnlessHidden() throws {
        let on = try CLI.run(["render", Fixtures.dataset("cucm-plie"), "--format", "dot", "-o", "-"])
        #expect(on.status == 0, "\(on.stderr)")
        // 27 assumed nodes (the README's count), each with the class and a dashed outline.
        let nodeLines = on.stdout.split(separator: "\n").filter { $0.contains("[id=\"n") && $0.contains(" assumed\"") }
        #expect(nodeLines.count == 27)
        #expect(nodeLines.allSatisfy { $0.contains("dashed") })
        #expect(on.stdout.contains("faded, dashed outline: assumed node (27 of 50)"))
        let off = try CLI.run(["render", Fixtures.dataset("cucm-plie"), "--format", "dot", "--hide-basis", "-o", "-"])
        #expect(off.status == 0, "\(off.stderr)")
        #expect(!off.stdout.contains("assumed"))
    }

    @Test func centralityCoversTheActorsOnly() throws {
        // 30 actors at Chalon: units, the meeting, organizations and the collective are left out.
        let r = try CLI.run(["centrality", Fixtures.dataset("chalon-sur-saone"), "--measure", "degree", "--format", "csv"])
        #expect(r.status == 0, "\(r.stderr)")
        let rows = r.stdout.split(separator: "\n").dropFirst()
        #expect(rows.count == 30)
        #expect(!rows.contains { $0.hasPrefix("cg71-chalon,") || $0.hasPrefix("equipe-meeting,") || $0.hasPrefix("ccas-house,") })
    }
}
