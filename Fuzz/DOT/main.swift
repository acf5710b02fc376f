import Foundation
import GraphCore
import GraphIO
import GraphRender

/// The DOT reader's libFuzzer entry point, built by Fuzz/build-readers.sh from GraphCore,
/// GraphIO and GraphRender (Graphviz's cgraph parses; the Swift side is instrumented, Graphviz
/// itself is not, so a fault inside it shows as a crash without an AddressSanitizer report).
/// Only the reader: layout is Graphviz's and runs behind the worker's process wall.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    _ = try? DOTReader.read(SourceText(name: "fuzz.gv", bytes: bytes))
    return 0
}
