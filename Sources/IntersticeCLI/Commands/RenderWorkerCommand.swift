import ArgumentParser
import Foundation
import GraphRender

/// `interstice _render-worker`: the child process of ``RenderWorker`` (hidden). Reads one
/// request on standard input, lays it out and renders it with Graphviz, answers on standard
/// output.
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

    /// This binary, for starting workers.
    static var executable: String {
        var buf = [CChar](repeating: 0, count: 4097)
        let n = readlink("/proc/self/exe", &buf, 4096)
        if n > 0 { return String(decoding: buf[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self) }
        return CommandLine.arguments[0]
    }
}
