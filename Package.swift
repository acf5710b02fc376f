// swift-tools-version:6.0
// Interstice: a network analytics engine for partnership cooperation.
// Module map and import rules: see README.md ("Module map") and DESIGN.md.
import PackageDescription

let package = Package(
    name: "Interstice",
    products: [
        .library(name: "Interstice", targets: ["Interstice"]),
        .library(name: "GraphRender", targets: ["GraphRender"]),
        .executable(name: "interstice", targets: ["IntersticeCLI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.1.0"),
    ],
    targets: [
        // Stdlib-only module; rounding calls need libm on Linux.
        .target(name: "GraphCore", linkerSettings: [.linkedLibrary("m", .when(platforms: [.linux]))]),
        .target(
            name: "GraphAlgorithms",
            dependencies: [
                "GraphCore",
                .product(name: "HeapModule", package: "swift-collections"),
            ]
        ),
        .systemLibrary(
            name: "CZlib",
            path: "Sources/CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        .target(name: "GraphIO", dependencies: ["GraphCore", "CZlib"]),
        .systemLibrary(
            name: "CGraphviz",
            path: "Sources/CGraphviz",
            pkgConfig: "libgvc",
            providers: [.apt(["libgraphviz-dev"])]
        ),
        .target(name: "GraphRender", dependencies: ["GraphCore", "GraphIO", "CGraphviz"]),
        .target(name: "Interstice", dependencies: ["GraphCore", "GraphAlgorithms", "GraphIO"]),
        .executableTarget(
            name: "IntersticeCLI",
            dependencies: [
                "Interstice", "GraphRender",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "IntersticeBench", dependencies: ["Interstice", "GraphRender"]),
        .target(name: "TestSupport", dependencies: ["Interstice"], path: "Tests/TestSupport"),
        .testTarget(name: "GraphCoreTests", dependencies: ["GraphCore", "TestSupport"]),
        .testTarget(name: "GraphAlgorithmsTests", dependencies: ["GraphAlgorithms", "TestSupport"]),
        .testTarget(name: "GraphIOTests", dependencies: ["GraphIO", "TestSupport"]),
        .testTarget(name: "GraphRenderTests", dependencies: ["GraphRender", "TestSupport"]),
        .testTarget(name: "IntersticeCLITests", dependencies: ["TestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
