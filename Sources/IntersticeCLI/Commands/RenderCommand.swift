import ArgumentParser
import Foundation
import GraphRender
import Interstice

extension LayoutEngine: ExpressibleByArgument {}
extension DiagramFormat: ExpressibleByArgument {}

/// `interstice render DATASET -o OUT`: a diagram through Graphviz, in the process.
struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Draw a network (or any DOT file) with Graphviz: organizations as clusters, the collective highlighted, nodes sized by a measure or coloured by adoption.",
        discussion: """
        A DOT file (.gv, .dot) with no styling option is drawn as it is. --engine auto picks \
        by size and shape (never dot above \(LayoutEngine.dotNodeLimit) nodes: sfdp). \
        --diffusion reads the JSON of `interstice diffuse --format json` and colours nodes by \
        adoption probability; with --format html it writes a self-contained player of the \
        spread step by step (one layout, pinned).

        Example:
          interstice render Datasets/cucm-plie --size-by betweenness -o cucm.svg
          interstice diffuse Datasets/cucm-plie --format json -o ic.json && interstice render Datasets/cucm-plie --diffusion ic.json -o cucm-ic.svg
          interstice render Datasets/cucm-plie --frames 12 --format html -o cucm-diffusion.html
          interstice render graph.gv --format png -o graph.png
        """
    )

    @OptionGroup var input: DatasetOptions
    @Option(help: "Layout engine: auto, dot, neato, fdp, sfdp, circo, twopi, osage, patchwork.")
    var engine: LayoutEngine = .auto
    @Option(help: "Output format: svg, png, jpg, pdf, dot (styled DOT), json (coordinates), plain, html (default: from the output's extension; svg for standard output).")
    var format: DiagramFormat?
    @Option(name: [.customShort("o"), .customLong("output")], help: "Output file (format from its extension unless --format), or - for standard output.")
    var output: String
    @Option(help: "Node size by a measure of the tie graph: degree, betweenness, pagerank, closeness, harmonic, eigenvector, constraint.")
    var sizeBy: String?
    @Option(help: "Node colour: organization, kind, none, a node attribute (categories), or score:ATTRIBUTE (a numeric attribute on a sequential palette, low values bright).")
    var colorBy = "organization"
    @Option(help: ArgumentHelp("Only organizations whose attribute has this value are drawn as organizations (for example level=hospital).", valueName: "attr=value"))
    var organizations: String?
    @Option(help: ArgumentHelp("Colour by adoption probability from a `diffuse --format json` result.", valueName: "result.json"))
    var diffusion: String?
    @Option(help: "With --format html: simulate IC (as `diffuse` with its defaults) and play the first N steps.")
    var frames: Int?
    @Option(help: ArgumentHelp("Relations to draw (default: all).", valueName: "r,r"))
    var relations: String?
    @Option(help: "Membership: auto, clusters, edges, hidden.")
    var membership = "auto"
    @Option(help: "Title (default: the dataset's).")
    var title: String?
    @Option(help: ArgumentHelp("PNG and JPEG resolution in dots per inch, 72 to 1200 (default 300, print resolution).", valueName: "dpi"))
    var dpi: Double?
    @Flag(help: "Draw assumed nodes and ties (basis = assumed) like the others (default: faded and dashed, when the dataset has a basis column).")
    var hideBasis = false

    /// The format: the output's extension decides (an unknown extension is an error, and so is
    /// a --format that contradicts it); standard output takes --format or SVG.
    static func format(output: String, given: DiagramFormat?) throws -> DiagramFormat {
        if output == "-" { return given ?? .svg }
        let ext = URL(fileURLWithPath: output).pathExtension
        guard !ext.isEmpty else {
            if let given { return given }
            throw ValidationError("-o \(output): no extension to tell the format; name it .svg, .png, .jpg, .pdf, .gv, .json, .plain or .html, or give --format")
        }
        guard let byName = DiagramFormat.from(extension: ext) else {
            throw ValidationError("-o \(output): unknown extension \".\(ext)\"; formats are svg, png, jpg, pdf, gv (dot), json, plain, html")
        }
        if let given, given != byName {
            throw ValidationError("-o \(output) names \(byName.rawValue) but --format is \(given.rawValue)")
        }
        return byName
    }

    @Flag(help: "DOT files: keep their http(s) and mailto links (URL, href) in SVG output; other links, scripts and event handlers are always removed.")
    var allowLinks = false
    @Option(help: "DOT files: seconds Graphviz may take before its worker process is stopped.")
    var timeout = 60.0
    @Option(name: .customLong("render-memory"), help: ArgumentHelp("DOT files: memory Graphviz's worker process may allocate: bytes or 512M, 4G (default 4G).", valueName: "size"))
    var renderMemory: String?
    @Flag(help: .hidden)
    var inProcess = false

    func validate() throws {
        try OptionRange.check(dpi, DiagramStyle.dpiRange, "--dpi")
        guard timeout > 0 && timeout <= 86_400 else { throw ValidationError("--timeout must be in (0, 86400] seconds, found \(timeout)") }
        _ = try BatchRunCommand.renderMemoryBytes(renderMemory)
    }

    var limits: RenderWorker.Limits {
        RenderWorker.Limits(timeout: timeout, memoryBytes: (try? BatchRunCommand.renderMemoryBytes(renderMemory)) ?? RenderWorker.Limits().memoryBytes)
    }

    func run() throws {
        try reportingFailures {
            let fmt = try RenderCommand.format(output: output, given: format)
            if dpi != nil && fmt != .png && fmt != .jpg {
                throw ValidationError("--dpi sets a bitmap's resolution: it applies to png and jpg, not \(fmt.rawValue)")
            }
            let isDOT = ["gv", "dot"].contains(URL(fileURLWithPath: input.dataset).pathExtension.lowercased()) || input.from == .dot
            let styled = sizeBy != nil || diffusion != nil || frames != nil || relations != nil || colorBy != "organization"
                || membership != "auto" || title != nil || organizations != nil
            if isDOT && !styled {
                if dpi != nil { throw ValidationError("--dpi applies to diagrams of datasets; a DOT file drawn as it is sets its own dpi attribute") }
                let text = try SourceText.read(path: input.dataset)
                let d: Diagram
                do throws(RenderError) {
                    if inProcess {
                        d = try Diagram.render(dot: text, engine: engine, format: fmt, allowFileReferences: input.allowFileReferences,
                                               allowLinks: allowLinks)
                    } else {
                        d = try RenderWorker.render(dot: text, engine: engine, format: fmt, allowFileReferences: input.allowFileReferences,
                                                    allowLinks: allowLinks, limits: limits,
                                                    executable: RenderWorkerCommand.executable, arguments: [RenderWorkerCommand.name])
                    }
                } catch { throw RenderCommand.ioError(error, input.dataset) }
                for w in d.warnings { printError("interstice: warning: \(w)") }
                try OutputFile.write(d.bytes, to: output)
                return
            }
            let net = try input.load()
            var style = DiagramStyle()
            style.title = title ?? net.metadata.title ?? net.metadata.name
            style.distinguishAssumed = !hideBasis
            if let dpi { style.dpi = dpi }
            if let r = relations { style.relations = r.split(separator: ",").map { Relation(String($0)) } }
            switch membership {
            case "clusters": style.membership = .clusters
            case "edges": style.membership = .edges
            case "hidden": style.membership = .hidden
            default: style.membership = .auto
            }
            switch colorBy {
            case "organization": style.coloring = .organization
            case "kind": style.coloring = .kind
            case "none": style.coloring = .none
            case let c where c.hasPrefix("score:"):
                let name = String(c.dropFirst(6))
                guard let col = net.nodeAttributes[name] else { throw ValidationError("--color-by: no node attribute \"\(name)\"") }
                style.coloring = .scores(col.values.map { $0?.numericValue }, name: name, reversed: true)
            default:
                guard net.nodeAttributes[colorBy] != nil else { throw ValidationError("--color-by: no node attribute \"\(colorBy)\"") }
                style.coloring = .attribute(colorBy)
            }
            if let f = organizations {
                let kv = f.split(separator: "=", maxSplits: 1).map(String.init)
                guard kv.count == 2 else { throw ValidationError("--organizations takes attr=value") }
                style.organizationFilter = DiagramStyle.OrganizationFilter(attribute: kv[0], equals: kv[1])
            }
            if let m = sizeBy { style.size = try RenderCommand.size(net, measure: m) }
            if let path = diffusion { style.coloring = try RenderCommand.adoption(net, resultPath: path) }
            var captionParts: [String] = [net.metadata.name ?? input.dataset]
            if let m = sizeBy { captionParts.append("size: \(m)") }
            if diffusion != nil { captionParts.append("colour: adoption probability") }
            style.caption = captionParts.joined(separator: "; ")
            var playerFrames: DiffusionFrames?
            if let steps = frames {
                let result = try RenderCommand.simulate(net, steps: steps)
                playerFrames = DiffusionFrames(values: (0...steps).map { t in result.map { $0[t] } },
                                               stepLabels: (0...steps).map { "step \($0)" })
            }
            let d: Diagram
            do throws(RenderError) {
                if let playerFrames {
                    d = try Diagram.diffusionPlayer(network: net, style: style, engine: engine, frames: playerFrames)
                } else {
                    d = try Diagram.render(network: net, style: style, engine: engine, format: fmt)
                }
            } catch { throw RenderCommand.ioError(error, input.dataset) }
            for w in d.warnings { printError("interstice: warning: \(w)") }
            try OutputFile.write(d.bytes, to: output)
        }
    }

    /// A rendering error as the CLI reports it (bad input 65, unsupported 64, Graphviz 70).
    static func ioError(_ e: RenderError, _ dataset: String) -> Error {
        switch e.kind {
        case .badInput: return GraphIOError(.badData, file: e.source ?? dataset, line: e.line, e.message)
        case .unsupported: return GraphIOError(.unsupported, file: e.source ?? dataset, line: e.line, e.message)
        default: return e
        }
    }

    /// A centrality of the actors' tie graph, as sizes for every node (nil for organizations).
    static func size(_ net: Network, measure: String) throws -> DiagramStyle.Size {
        let sel = try GraphSelectionOptions.parse([])
        let (g, nodes) = try sel.graph(net)
        let s: NodeScores
        switch measure {
        case "degree": s = DegreeCentrality().scores(g)
        case "betweenness": s = Betweenness().scores(g)
        case "pagerank": s = try PageRank().scores(g)
        case "closeness": s = Closeness().scores(g)
        case "harmonic": s = HarmonicCloseness().scores(g)
        case "eigenvector": s = EigenvectorCentrality().scores(g)
        case "constraint": s = StructuralHoles().compute(g).constraint
        default: throw ValidationError("--size-by takes degree, betweenness, pagerank, closeness, harmonic, eigenvector or constraint")
        }
        var out = [Double?](repeating: nil, count: net.nodeCount)
        for (i, v) in nodes.enumerated() { out[Int(v)] = s.scores[i] }
        return DiagramStyle.Size(scores: out, name: measure)
    }

    /// Adoption probabilities from a `diffuse --format json` result, by node id.
    static func adoption(_ net: Network, resultPath: String) throws -> DiagramStyle.Coloring {
        guard let data = FileManager.default.contents(atPath: resultPath) else {
            throw GraphIOError(.missingInput, file: resultPath, "no such file")
        }
        guard let obj = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let rows = obj["rows"] as? [[String: Any]] else {
            throw GraphIOError(.badData, file: resultPath, "expected the JSON of `interstice diffuse --format json` (an object with rows)")
        }
        var p = [Double?](repeating: nil, count: net.nodeCount)
        for r in rows {
            guard let id = r["id"] as? String, let v = net.index(of: id) else { continue }
            p[Int(v)] = r["adoption_probability"] as? Double
        }
        return .scores(p, name: "adoption probability", range: 0...1)
    }

    /// P(adopted by step t) per node, from IC with `diffuse`'s defaults (probability 0.2 on the
    /// standard channels, 2000 runs, seed 1).
    static func simulate(_ net: Network, steps: Int) throws -> [[Double]] {
        var settings = DiffusionSettings()
        settings.monteCarlo.runs = 2000
        settings.monteCarlo.horizon = steps
        var prepared = try DiffusionRequest(model: .ic, settings: settings).prepare(net)
        prepared.parameters.recordNodeSteps = true
        return prepared.run().nodeAdoptionByStep ?? []
    }
}
