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
        .package(url: "https://github.com/jpsim/Yams", from: "5.0.1"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        // .xlsx sheets are zip archives (the spreadsheet import reads them directly).
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        // Stdlib-only module; rounding calls need libm on Linux.
        .target(name: "GraphCore", linkerSettings: [.linkedLibrary("m", .when(platforms: [.linux]))]),
        // One inline C function: software prefetch for the diffusion engine's random reads.
        .target(name: "CPrefetch"),
        .target(
            name: "GraphAlgorithms",
            dependencies: [
                "GraphCore",
                "CPrefetch",
                .product(name: "HeapModule", package: "swift-collections"),
            ]
        ),
        // zlib for gzip input; not named CZlib, which is ZIPFoundation's own zlib module on Linux.
        .systemLibrary(
            name: "IntersticeCZlib",
            path: "Sources/CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        .target(
            name: "GraphIO",
            dependencies: ["GraphCore", "IntersticeCZlib", .product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
        .systemLibrary(
            name: "CGraphviz",
            path: "Sources/CGraphviz",
            pkgConfig: "libgvc",
            providers: [.apt(["libgraphviz-dev"])]
        ),
        .target(name: "GraphRender", dependencies: ["GraphCore", "GraphIO", "CGraphviz"]),
        .target(name: "Interstice", dependencies: ["GraphCore", "GraphAlgorithms", "GraphIO"]),
        // Batch runs: YAML manifests, job expansion, the SQLite results store, the runner (render jobs through GraphRender).
        .target(
            name: "Batch",
            dependencies: [
                "Interstice", "GraphRender",
                .product(name: "Yams", package: "Yams"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .executableTarget(
            name: "IntersticeCLI",
            dependencies: [
                "Interstice", "GraphRender", "Batch",
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
        .testTarget(name: "BatchTests", dependencies: ["Batch", "TestSupport", .product(name: "GRDB", package: "GRDB.swift")]),
    ],
    swiftLanguageModes: [.v6]
)
