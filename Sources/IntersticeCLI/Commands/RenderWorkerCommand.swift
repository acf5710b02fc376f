import ArgumentParser
import Foundation
import GraphRender

/// `interstice _render-worker`: the child process of ``RenderWorker`` (hidden). Reads
/// requests on standard input, lays each out and renders it with Graphviz, answers on standard
/// output, until its input ends (or its parent does).
struct RenderWorkerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: RenderWorkerCommand.name,
        abstract: "Lay out one DOT text with Graphviz for a parent interstice process (internal).",
        shouldDisplay: false
    )

    static let name = "_render-worker"

    @Option(help: "Bytes of memory the worker may allocate.")
    var memoryBytes: Int

    func run() throws {
        throw ExitCode(RenderWorker.serve(memoryBytes: memoryBytes))
    }

    /// The worker's memory limit in `[_render-worker, --memory-bytes, N]` (the exact form
    /// ``RenderWorker`` starts it with); nil for anything else, left to the parser.
    static func memoryBytes(in arguments: [String]) -> Int? {
        guard arguments.count == 4, arguments[1] == name, arguments[2] == "--memory-bytes" else { return nil }
        return Int(arguments[3])
    }

    /// This binary, for starting workers.
    static var executable: String {
        var buf = [CChar](repeating: 0, count: 4097)
        let n = readlink("/proc/self/exe", &buf, 4096)
        if n > 0 { return String(decoding: buf[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self) }
        return CommandLine.arguments[0]
    }
}
