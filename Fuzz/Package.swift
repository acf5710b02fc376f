// swift-tools-version: 6.0
// libFuzzer targets for every reader (issue 14). Built apart from the main package so that the
// fuzzer's instrumentation never touches the normal build:
//   swift build --package-path Fuzz -c release -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library
// `make fuzz` builds it and runs each reader for FUZZ_SECONDS (see Fuzz/run.sh).
import PackageDescription

let package = Package(
    name: "IntersticeFuzz",
    platforms: [.macOS(.v15)],
    dependencies: [.package(name: "Interstice", path: "..")],
    targets: [
        .executableTarget(
            name: "IntersticeFuzz",
            dependencies: [
                .product(name: "Interstice", package: "Interstice"),
                .product(name: "GraphRender", package: "Interstice"),
                .product(name: "Batch", package: "Interstice"),
            ]
        ),
    ]
)
