import Foundation
import GraphCore
import GraphIO

/// The readers' libFuzzer entry point, built by Fuzz/build-readers.sh from GraphCore and GraphIO
/// alone (minutes, where the whole package with its SQLite, crypto and YAML dependencies takes
/// much longer under sanitizers). `INTERSTICE_FUZZ_FORMAT`: edgelist, adjlist, native-nodes,
/// native-edges, graphml, gexf, gml, pajek, json. DOT (Fuzz/DOT) and the manifest
/// (Fuzz/Manifest) have their own entry points.
enum ReadersFuzz {
    static let format: String = ProcessInfo.processInfo.environment["INTERSTICE_FUZZ_FORMAT"] ?? "edgelist"

    static func run(_ bytes: [UInt8]) {
        let text = SourceText(name: "fuzz", bytes: bytes)
        switch format {
        case "native-nodes": _ = try? DatasetFolder.decode(nodes: text, edges: nil)
        case "native-edges": _ = try? DatasetFolder.decode(nodes: nil, edges: text)
        default:
            guard let f = GraphFormat(rawValue: format), f != .dot, f != .native else { fatalError("unsupported INTERSTICE_FUZZ_FORMAT \(format)") }
            _ = try? GraphFile.decode(text, format: f)
        }
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    ReadersFuzz.run(data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? [])
    return 0
}
