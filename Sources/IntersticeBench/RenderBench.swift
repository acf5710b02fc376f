import Foundation
import Interstice
import GraphRender

/// sfdp inside the process against the `sfdp` command on the same DOT text (issue 5's ratio).
///
/// The graph is a seeded G(n, m) (default 10,000 nodes, 30,000 edges) drawn with the default
/// style. Each repeat times, interleaved: building the styled DOT text; `Diagram.render(network:)`
/// (building + parse + layout + SVG, in process); `Diagram.render(dot:)` on the same bytes; and
/// `sfdp -Tsvg FILE -o OUT` as a child process. Prints one JSON line with the medians, the ratio
/// in-process ÷ command, and the DOT building's share of the in-process total.
enum RenderBench {
    static func run(nodes: Int, edges: Int, seed: UInt64, repeats: Int, engine: String) throws {
        let generated = try ErdosRenyiGNM(nodes: nodes, edges: edges).generate(seed: seed)
        let net = generated.network()
        let layout = LayoutEngine(rawValue: engine) ?? .sfdp
        let tmp = FileManager.default.temporaryDirectory.appendingPathComponent("interstice-render-bench-\(getpid())")
        try FileManager.default.createDirectory(at: tmp, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: tmp) }
        let dotPath = tmp.appendingPathComponent("g.gv").path
        let svgPath = tmp.appendingPathComponent("g.svg").path

        var build: [Double] = [], inNetwork: [Double] = [], inDOT: [Double] = [], command: [Double] = []
        var sizes: (Int, Int, Int) = (0, 0, 0)
        for _ in 0..<max(1, repeats) {
            var t0 = Measure.now()
            let dot = try Diagram.source(network: net, style: DiagramStyle(), engine: layout)
            build.append(Measure.now() - t0)
            try Data(dot).write(to: URL(fileURLWithPath: dotPath))

            t0 = Measure.now()
            let a = try Diagram.render(network: net, style: DiagramStyle(), engine: layout, format: .svg)
            inNetwork.append(Measure.now() - t0)

            t0 = Measure.now()
            let b = try Diagram.render(dot: SourceText(name: dotPath, bytes: dot), engine: layout, format: .svg)
            inDOT.append(Measure.now() - t0)

            t0 = Measure.now()
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            p.arguments = [engine, "-Tsvg", dotPath, "-o", svgPath]
            try p.run()
            p.waitUntilExit()
            command.append(Measure.now() - t0)
            guard p.terminationStatus == 0 else { throw GraphIOError(.io, file: dotPath, "\(engine) exited with \(p.terminationStatus)") }
            let c = (try? FileManager.default.attributesOfItem(atPath: svgPath)[.size] as? Int) ?? 0
            sizes = (a.bytes.count, b.bytes.count, c ?? 0)
            blackHole(a); blackHole(b)
        }
        let mBuild = Measure.median(build), mNet = Measure.median(inNetwork)
        let mDOT = Measure.median(inDOT), mCmd = Measure.median(command)
        emit(.object([
            ("suite", "render"), ("engine", .string(engine)), ("nodes", .int(nodes)), ("edges", .int(generated.edgeCount)),
            ("repeats", .int(max(1, repeats))),
            ("dot_build_seconds_median", .double(Measure.round(mBuild))),
            ("in_process_seconds_median", .double(Measure.round(mNet))),
            ("in_process_from_dot_seconds_median", .double(Measure.round(mDOT))),
            ("command_seconds_median", .double(Measure.round(mCmd))),
            ("ratio_in_process_to_command", .double(Measure.round(mNet / mCmd))),
            ("ratio_from_dot_to_command", .double(Measure.round(mDOT / mCmd))),
            ("dot_build_share", .double(Measure.round(mBuild / mNet))),
            ("in_process_seconds", .array(inNetwork.map { .double(Measure.round($0)) })),
            ("command_seconds", .array(command.map { .double(Measure.round($0)) })),
            ("svg_bytes", .array([.int(sizes.0), .int(sizes.1), .int(sizes.2)])),
            ("graphviz", .string(Diagram.graphvizVersion)),
        ]))
    }
}
