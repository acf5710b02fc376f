import Foundation
import Testing
@testable import GraphIO

/// The adoption-curve figure: no legend name or caption cut, and event labels kept inside
/// their panel.
@Suite("LineFigure: legend, caption and markers")
struct LineFigureTests {
    @Test func wrapBreaksAtSpacesAndCutsOnlyOverlongWords() {
        #expect(LineFigure.wrap("CG71: Conseil général de Saône-et-Loire, departmental social service", width: 34)
                == ["CG71: Conseil général de", "Saône-et-Loire, departmental", "social service"])
        #expect(LineFigure.wrap("short", width: 34) == ["short"])
        #expect(LineFigure.wrap("", width: 10) == [""])
        #expect(LineFigure.wrap("abcdefghijkl xy", width: 5) == ["abcde", "fghij", "kl xy"])
    }

    @Test func longNamesAndCaptionAreShownWhole() throws {
        let long = "CG71: Conseil général de Saône-et-Loire, departmental social service"
        let caption = String(repeating: "parameter=0.05 ", count: 40).trimmingCharacters(in: .whitespaces)
        var f = LineFigure(title: "t", caption: caption, xLabel: "step", yLabel: "share", yRange: 0...1)
        f.panels = [.init(title: "practice", series: [.init(name: long, points: [.init(0, 0), .init(20, 1)]),
                                                      .init(name: "B", points: [.init(0, 0), .init(20, 0.5)])],
                          markers: [.init(x: 19, label: "collective ends"), .init(x: 2, label: "start")])]
        let svg = String(decoding: f.svg(), as: UTF8.self)
        #expect(!svg.contains("…"))
        // The legend entry: its lines, joined, are the whole name.
        let entry = try #require(svg.range(of: "<title>\(long)</title>"))
        let text = svg[entry.upperBound...].prefix { $0 != "\n" }
        let lines = text.components(separatedBy: "\">").dropFirst().map { $0.components(separatedBy: "</tspan>")[0] }
        #expect(lines.joined(separator: " ") == long && lines.count == 3)
        // The caption, in lines, is the whole caption; the picture is tall enough for them.
        let captionLines = svg.components(separatedBy: "<text class=\"caption\"").dropFirst()
            .map { $0.components(separatedBy: ">")[1].components(separatedBy: "</text")[0] }
        #expect(captionLines.count > 1 && captionLines.joined(separator: " ") == caption)
        // A long panel title wraps within its panel, whole.
        var g = f
        let long2 = "practice compliance=0.5 endorsement=0.2 forgetting=0.05 formalization=0.0 replace=colleague routinization=6 turnover=0.02"
        g.panels[0].title = long2
        let svg2 = String(decoding: g.svg(), as: UTF8.self)
        let title = try #require(svg2.components(separatedBy: "<text class=\"panel-title\"").dropFirst().first)
        let parts = title.components(separatedBy: "</text>")[0].components(separatedBy: "<tspan").dropFirst()
            .map { $0.components(separatedBy: "\">").dropFirst().joined(separator: "\">").components(separatedBy: "</tspan>")[0] }
        #expect(parts.count == 3 && parts.joined(separator: " ") == long2 && parts.allSatisfy { $0.count <= 60 })
        // A marker near the right edge puts its label left of the line; one on the left, right of it.
        #expect(svg.contains("class=\"marker-label\" x=\"459.0\" y=\"78.0\" text-anchor=\"end\""))
        #expect(svg.contains("class=\"marker-label\" x=\"110.0\" y=\"78.0\" fill"))
    }
}
