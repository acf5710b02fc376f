import Foundation
import GraphCore
import GraphIO
import Testing
@testable import GraphRender

@Suite("Diffusion frames player")
struct DiffusionPlayerTests {
    static let net = SampleNetworks.partnership()

    /// Adoption steps: the collective's participants at 0, then along their ties; some never.
    static func times() -> [Int?] {
        let steps: [String: Int] = ["dir": 0, "as1": 0, "as2": 0, "ci1": 0, "del": 0, "equipe": 0,
                                    "anim": 1, "as3": 1, "ci2": 2, "cds": 2, "chef": 3, "vol": 4, "form": 4]
        return net.ids.map { steps[$0] }
    }

    /// A frame's SVG with what may change between frames removed: colours, pen widths,
    /// classes and the frame prefix of ids.
    static func geometry(_ svg: Substring) -> String {
        var s = String(svg)
        for attribute in ["fill", "stroke", "stroke-width", "class"] {
            s = s.replacing(try! Regex(" \(attribute)=\"[^\"]*\""), with: "")
        }
        return s.replacing(try! Regex(" id=\"f[0-9]+-"), with: " id=\"")
    }

    @Test("one layout for every frame; colours and outlines change; ids unique; nothing fetched")
    func player() throws {
        var style = DiagramStyle()
        style.title = "Invention from the équipe"
        style.caption = "one run, seed 7"
        let frames = DiffusionFrames(adoptionTimes: Self.times(), steps: 5)
        #expect(frames.count == 6)
        let d = try Diagram.diffusionPlayer(network: Self.net, style: style, frames: frames)
        #expect(d.format == .html)
        #expect(d.engine == .fdp)
        #expect(d.warnings == [])
        let html = String(decoding: d.bytes, as: UTF8.self)

        // Well-formed (XHTML-compatible), every id unique across the frames.
        let page = try SVGDocument(d.bytes)
        #expect(Set(page.ids).count == page.ids.count)
        #expect(page.nodes.count == 17 * 6)

        // Six frames, each one SVG; the first shown, the others hidden.
        let svgs = html.split(separator: "<svg").dropFirst().map { $0.prefix { _ in true } }
        #expect(svgs.count == 6)
        #expect(html.components(separatedBy: "<div class=\"frame\"").count - 1 == 6)
        #expect(html.components(separatedBy: "hidden=\"hidden\"").count - 1 == 5)
        #expect(html.contains("<input id=\"step\" type=\"range\" min=\"0\" max=\"5\""))
        #expect(html.contains("<button id=\"play\""))

        // The layout is pinned: apart from colours and classes, every frame is the same drawing.
        let bodies = html.split(separator: "<svg").dropFirst().map { $0.prefix(while: { _ in true }) }
        let first = Self.geometry(bodies[0].split(separator: "</svg>")[0])
        for body in bodies.dropFirst() { #expect(Self.geometry(body.split(separator: "</svg>")[0]) == first) }

        // Outlines follow adoption: chef adopts at step 3.
        let chef = Self.net.index(of: "chef")!
        for t in 0..<6 {
            let group = try #require(page.groups.first { $0.id == "f\(t)-n\(chef)" })
            #expect(group.classes.contains("outlined") == (t >= 3))
        }
        #expect(html.contains("fill=\"#fde725\""))   // adopted: viridis' top
        #expect(html.contains("fill=\"#440154\""))   // not adopted: viridis' bottom

        // Self-contained: no fetch of any kind; "http" only in XML namespace names.
        for banned in ["src=", "<link", "url(", "@import", "fetch(", "XMLHttpRequest"] {
            #expect(!html.contains(banned))
        }
        let httpCount = html.components(separatedBy: "http").count - 1
        let xmlnsCount = html.components(separatedBy: "xmlns=\"http").count - 1
            + html.components(separatedBy: "xmlns:xlink=\"http").count - 1
        #expect(httpCount == xmlnsCount)
    }

    @Test("every frame keeps the organizations' shaded areas in their colours, named in the legend")
    func organizationColours() throws {
        let frames = DiffusionFrames(adoptionTimes: Self.times(), steps: 3)
        let d = try Diagram.diffusionPlayer(network: Self.net, frames: frames)
        let page = try SVGDocument(d.bytes)
        let html = String(decoding: d.bytes, as: UTF8.self)
        let orgs = Self.net.organizations()
        let bodies = html.split(separator: "<svg").dropFirst()
        #expect(bodies.count == 4)
        for g in 0..<orgs.groupCount {
            let color = Palette.categorical(g, name: orgs.groupNames[g])
            let area = color.mixed(with: .white, 0.84).description.lowercased()
            let swatch = color.mixed(with: .white, 0.6).description.lowercased()
            let name = Self.net.displayLabel(orgs.groupNodes[g])
            for (t, body) in bodies.enumerated() {
                let svg = String(body.split(separator: "</svg>")[0]).lowercased()
                // The cluster's area in its organization's colour, in every frame.
                let cluster = try #require(page.clusters.first { $0.id == "f\(t)-c\(g)" })
                #expect(cluster.texts.joined(separator: " ") == name)
                #expect(svg.contains("fill=\"\(area)\""), "frame \(t), \(name)")
                // The legend's swatch of that colour, then the name.
                #expect(svg.contains("fill=\"\(swatch)\""), "frame \(t), legend swatch of \(name)")
            }
            #expect(page.texts.filter { $0.trimmingCharacters(in: .whitespaces.union(["\u{A0}"])) == name }.count == 8)   // 4 cluster labels and 4 legend entries
        }
        #expect(page.texts.filter { $0.hasPrefix("areas: organization") }.count == 4)
    }

    /// The frames are drawn on the engine's layout, not laid out again: the laid-out DOT keeps
    /// `layout=fdp`, which Graphviz lets override the pinning engine unless it is cleared (the
    /// cucm-plie player came out 1.6× wider and 3× taller than its diagram before).
    @Test("frames keep the size of the one layout")
    func framesKeepTheLayoutSize() throws {
        func size(_ svg: Substring) -> (Double, Double) {
            let head = svg.prefix(300)
            func value(_ name: String) -> Double {
                let m = head.firstMatch(of: try! Regex("\(name)=\"([0-9.]+)pt\""))!
                return Double(m.output[1].substring!)!
            }
            return (value("width"), value("height"))
        }
        let frames = DiffusionFrames(adoptionTimes: Self.times(), steps: 3)
        let player = String(decoding: try Diagram.diffusionPlayer(network: Self.net, frames: frames).bytes, as: UTF8.self)
        let still = String(decoding: try Diagram.render(network: Self.net, engine: .fdp, format: .svg).bytes, as: UTF8.self)
        let (fw, fh) = size(player.split(separator: "<svg").dropFirst().first!)
        let (sw, sh) = size(still.split(separator: "<svg").dropFirst().first!)
        #expect(abs(fw - sw) <= 0.1 * sw && abs(fh - sh) <= 0.1 * sh, "frame \(fw)×\(fh) pt, diagram \(sw)×\(sh) pt")
    }

    @Test("Monte Carlo shares: colour by share, outline at one half")
    func shares() throws {
        let n = Self.net.nodeCount
        let values = (0..<3).map { t in (0..<n).map { v in min(1, Double((v + t) % 5) / 4) } }
        let frames = DiffusionFrames(values: values, valueName: "share of runs adopted")
        let d = try Diagram.diffusionPlayer(network: Self.net, engine: .neato, frames: frames)
        let page = try SVGDocument(d.bytes)
        for t in 0..<3 {
            for v in 0..<n where Self.net.kinds[v] != .organization {
                let group = try #require(page.groups.first { $0.id == "f\(t)-n\(v)" })
                #expect(group.classes.contains("outlined") == (values[t][v] >= 0.5))
            }
        }
        #expect(String(decoding: d.bytes, as: UTF8.self).contains("adopted in at least half of the runs by this step"))
    }

    @Test("bad frames are refused")
    func refusals() {
        let n = Self.net.nodeCount
        #expect(throws: RenderError.self) {
            try Diagram.diffusionPlayer(network: Self.net, frames: DiffusionFrames(values: []))
        }
        #expect(throws: RenderError.self) {
            try Diagram.diffusionPlayer(network: Self.net, frames: DiffusionFrames(values: [[0.5]]))
        }
        let error = #expect(throws: RenderError.self) {
            try Diagram.diffusionPlayer(network: Self.net,
                                        frames: DiffusionFrames(values: [[Double](repeating: 1.5, count: n)]))
        }
        #expect(error?.message.contains("not in 0…1") == true)
    }

    @Test("adoption times give 0/1 frames")
    func fromTimes() {
        let f = DiffusionFrames(adoptionTimes: [0, 2, nil], steps: 3)
        #expect(f.values == [[1, 0, 0], [1, 0, 0], [1, 1, 0], [1, 1, 0]])
        #expect(f.stepLabels == ["step 0", "step 1", "step 2", "step 3"])
    }
}
