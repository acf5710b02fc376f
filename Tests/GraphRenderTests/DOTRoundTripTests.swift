import GraphCore
import GraphIO
import Testing
@testable import GraphRender

@Suite("DOT writer → cgraph reader round trip")
struct DOTRoundTripTests {
    @Test("a multiplex, typed network reads back the same")
    func roundTrip() throws {
        var net = Network()
        net.metadata.name = "weird \"name\""
        let ids = ["as1", "node", "-3", "<b>", #"back\slash"#, #"odd\"#, #"q\"x"#, "two\nlines", "été", "cg71"]
        for id in ids { _ = net.node(id) }
        net.setKind(.organization, of: 9)
        net.setLabel("AS \"1\"\nCG71 \\ x", of: 0)
        net.setLabel("<i>not html</i>", of: 3)
        try net.setNodeAttribute("age", of: 0, .integer(34))
        try net.setNodeAttribute("age", of: 2, .integer(-5))
        try net.setNodeAttribute("score", of: 1, .double(0.125))
        try net.setNodeAttribute("senior", of: 4, .boolean(false))
        try net.setNodeAttribute("since", of: 5, .date(CalendarDate(parsing: "2001-02-03")!))
        try net.setNodeAttribute("note", of: 6, .string(#"x\"#))
        try net.addEdge(0, 9, relation: .member)
        try net.addEdge(1, 9, relation: .member)
        try net.addEdge(0, 1, relation: .acquaintance, weight: 2.5)
        try net.addEdge(1, 2, relation: .acquaintance)
        let e = try net.addEdge(2, 0, relation: .exchange, weight: 3)
        try net.setEdgeAttribute("mode", relation: .exchange, edge: e, .string("phone"))

        let (back, warnings) = try DOTReader.read(SourceText(name: "rt.gv", bytes: DOTWriter.write(net)))
        #expect(warnings == [])
        #expect(back.metadata.name == net.metadata.name)
        #expect(back.ids == net.ids)
        #expect(back.kinds == net.kinds)
        #expect(back.labels == net.labels)
        #expect(back.nodeAttributes == net.nodeAttributes)
        #expect(back.relations == net.relations)
        for layer in net.layers {
            let b = try #require(back.layer(layer.relation))
            #expect(b.direction == layer.direction)
            #expect(b.sources == layer.sources && b.targets == layer.targets && b.weights == layer.weights)
            #expect(b.attributes == layer.attributes)
        }
    }
}
