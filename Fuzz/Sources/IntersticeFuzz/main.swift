import Batch
import Foundation
import GraphRender
import Interstice

/// One libFuzzer entry point for every reader; `INTERSTICE_FUZZ_FORMAT` picks it: edgelist,
/// adjlist, native-nodes, native-edges, graphml, gexf, gml, pajek, json, dot, manifest.
/// Every input must end in a value or a `GraphIOError`; anything else (a crash, an
/// AddressSanitizer report, a Swift runtime trap) is a finding.
enum Fuzz {
    static let format: String = ProcessInfo.processInfo.environment["INTERSTICE_FUZZ_FORMAT"] ?? "edgelist"

    static func run(_ bytes: [UInt8]) {
        let text = SourceText(name: "fuzz", bytes: bytes)
        switch format {
        case "manifest":
            _ = try? Manifest.parse(bytes, file: "fuzz.yaml", folder: "/nonexistent-interstice-fuzz")
        case "native-nodes":
            _ = try? DatasetFolder.decode(nodes: text, edges: nil)
        case "native-edges":
            _ = try? DatasetFolder.decode(nodes: nil, edges: text)
        default:
            guard let f = GraphFormat(rawValue: format) else { fatalError("unknown INTERSTICE_FUZZ_FORMAT \(format)") }
            _ = try? GraphFile.decode(text, format: f, readers: .withDOT())
        }
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    Fuzz.run(bytes)
    return 0
}
