import Batch

/// The batch manifest's libFuzzer entry point, built by Fuzz/build-readers.sh: Yams (with
/// libyaml) and Batch instrumented, the rest of the package linked from the release build.
/// Every input must end in a `Manifest` or a `GraphIOError`; a crash, a sanitizer report or a
/// Swift runtime trap is a finding. Dataset paths resolve under a folder that does not exist,
/// so no input reads the machine's files.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    _ = try? Manifest.parse(bytes, file: "fuzz.yaml", folder: "/nonexistent-interstice-fuzz")
    return 0
}
