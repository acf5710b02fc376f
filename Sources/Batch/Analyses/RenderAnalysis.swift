import Foundation
import GraphRender
import Interstice

/// `render`: a diagram of the dataset (`interstice render`), written under `renders/` beside
/// the store and recorded in the `files` table with its size and SHA-256.
enum RenderAnalysis {
    /// The file a render job writes, relative to the store's folder:
    /// `renders/<dataset's last path component>-<first 12 hex digits of the key>.<extension>`.
    static func relativePath(_ job: Job, format: DiagramFormat) -> String {
        let base = URL(fileURLWithPath: job.dataset.name).deletingPathExtension().lastPathComponent
        let safe = String(base.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == "." ? $0 : "_" })
        return "renders/\(safe.isEmpty ? "dataset" : safe)-\(job.key.prefix(12)).\(format.fileExtension)"
    }

    static func run(_ job: Job, _ net: Network, _ p: Parameters, folder: String) throws(JobFailure) -> JobOutput {
        let format = DiagramFormat(rawValue: p.string("format") ?? "svg") ?? .svg
        let engine = LayoutEngine(rawValue: p.string("engine") ?? "auto") ?? .auto
        var style = DiagramStyle()
        style.title = net.metadata.title ?? net.metadata.name ?? job.dataset.name
        if let r = p.strings("relations") {
            for x in r where net.layer(Relation(x)) == nil {
                throw JobFailure("the dataset has no relation \"\(x)\"; it has \(net.relations.map(\.rawValue).joined(separator: ", "))")
            }
            style.relations = r.map { Relation($0) }
        }
        switch p.string("membership") {
        case "clusters": style.membership = .clusters
        case "edges": style.membership = .edges
        case "hidden": style.membership = .hidden
        default: style.membership = .auto
        }
        switch p.string("color_by") {
        case "kind": style.coloring = .kind
        case "none": style.coloring = .none
        default: style.coloring = .organization
        }
        var caption = [job.dataset.name]
        if let m = p.string("size_by") {
            style.size = try size(net, measure: m)
            caption.append("size: \(m)")
        }
        style.caption = caption.joined(separator: "; ")
        let d: Diagram
        do { d = try RenderWorker.renderDiagram(network: net, style: style, engine: engine, format: format) }
        catch { throw JobFailure("render: \(error.message)") }
        let relative = relativePath(job, format: format)
        let target = (folder as NSString).appendingPathComponent(relative)
        do {
            try FileManager.default.createDirectory(atPath: (target as NSString).deletingLastPathComponent,
                                                    withIntermediateDirectories: true)
            try OutputFile.write(d.bytes, to: target)
        } catch let e as GraphIOError {
            throw JobFailure("render: cannot write \(relative): \(e.message)")
        } catch {
            throw JobFailure("render: cannot write \(relative): \(error)")
        }
        var out = JobOutput()
        out.files.append(JobOutput.File(path: relative, format: format.rawValue, bytes: d.bytes.count,
                                        sha256: Digest.hex(of: d.bytes)))
        out.stat("nodes", Double(net.nodeCount))
        out.stat("warnings", Double(d.warnings.count))
        return out
    }

    /// A centrality of the actors' tie graph as sizes (nil for organizations and collectives).
    static func size(_ net: Network, measure: String) throws(JobFailure) -> DiagramStyle.Size {
        let nodes = net.oneModeNodes
        let g = net.graph(selfLoops: .drop).induced(on: nodes)
        let s: NodeScores
        switch measure {
        case "degree": s = DegreeCentrality().scores(g)
        case "betweenness": s = Betweenness(threads: 1).scores(g)
        case "pagerank":
            do { s = try PageRank(threads: 1).scores(g) } catch { throw JobFailure("pagerank: \(error.message)") }
        case "closeness": s = Closeness(threads: 1).scores(g)
        case "harmonic": s = HarmonicCloseness(threads: 1).scores(g)
        default: s = EigenvectorCentrality(threads: 1).scores(g)
        }
        var out = [Double?](repeating: nil, count: net.nodeCount)
        for (i, v) in nodes.enumerated() { out[Int(v)] = s.scores[i] }
        return DiagramStyle.Size(scores: out, name: measure)
    }
}
