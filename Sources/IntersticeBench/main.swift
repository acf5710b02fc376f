import Foundation
import Interstice

// IntersticeBench: benchmark suites printing one JSON line per measurement.
//
//   IntersticeBench generate-edgelist FILE [--nodes N] [--edges M] [--seed S]
//   IntersticeBench load-edgelist FILE [--runs R] [--directed]
//   IntersticeBench datasets [SHARED_DATASETS_DIR]
//   IntersticeBench algorithms --graph FILE [--task …] [--threads N]
//   IntersticeBench relays GRAPH.edgelist [--k 10] [--epsilon 0.1]
//   IntersticeBench render [--nodes 10000] [--edges 30000] [--engine sfdp] [--repeats 3]
//   IntersticeBench render-worker --tool PATH/interstice [--gallery Tests/Fixtures/graphviz-gallery] [--repeats 5] [--cli]
//   IntersticeBench diffusion GRAPH.edgelist [--models ic,lt,si,practice] [--runs 1000] [--threads T] [--repeats 3]
//   IntersticeBench fit-coverage [--replicates 1000] [--nodes 300] [--periods 8] [--seed 2024]
//   IntersticeBench fit-speed DATASET --adoption toa [--never N] --relations a,b [--by G] [--permutations 1000] [--threads T]
//
// Speed and memory live here, never in timed tests. Compare with ../shared/bench/peers.py
// measured in the same session.

let args = Array(CommandLine.arguments.dropFirst())
guard let suite = args.first else {
    FileHandle.standardError.write(Data("usage: IntersticeBench generate-edgelist|load-edgelist|datasets …\n".utf8))
    exit(64)
}

func option(_ name: String) -> String? {
    guard let i = args.firstIndex(of: name), i + 1 < args.count else { return nil }
    return args[i + 1]
}

func emit(_ v: JSONValue) { print(v.text(pretty: false)) }

do {
    switch suite {
    case "generate-edgelist":
        try LoadBench.generate(path: args[1], nodes: Int(option("--nodes") ?? "") ?? 1_000_000,
                               edges: Int(option("--edges") ?? "") ?? 5_000_000,
                               seed: UInt64(option("--seed") ?? "") ?? 1)
    case "load-edgelist":
        try LoadBench.load(path: args[1], runs: Int(option("--runs") ?? "") ?? 3, directed: args.contains("--directed"))
    case "diffusion":
        try DiffusionBench.run(path: args[1], models: (option("--models") ?? "ic,lt").split(separator: ",").map(String.init),
                               runs: Int(option("--runs") ?? "") ?? 1000, threads: Int(option("--threads") ?? ""),
                               repeats: Int(option("--repeats") ?? "") ?? 3)
    case "algorithms":
        AlgorithmsBench.main(arguments: Array(args.dropFirst()))
    case "relays":
        try RelaysBench.run(path: args[1], k: Int(option("--k") ?? "") ?? 10, epsilon: Double(option("--epsilon") ?? "") ?? 0.1,
                            models: (option("--models") ?? "ic,lt").split(separator: ",").map(String.init),
                            threads: Int(option("--threads") ?? ""), repeats: Int(option("--repeats") ?? "") ?? 3)
    case "render":
        try RenderBench.run(nodes: Int(option("--nodes") ?? "") ?? 10_000, edges: Int(option("--edges") ?? "") ?? 30_000,
                            seed: UInt64(option("--seed") ?? "") ?? 1, repeats: Int(option("--repeats") ?? "") ?? 3,
                            engine: option("--engine") ?? "sfdp")
    case "render-worker":
        try RenderWorkerBench.run(tool: option("--tool") ?? ".build-release/release/interstice",
                                  gallery: option("--gallery") ?? "Tests/Fixtures/graphviz-gallery",
                                  repeats: Int(option("--repeats") ?? "") ?? 5, cli: args.contains("--cli"))
    case "render-worker-once":   // the cold measurement's child process (RenderWorkerBench.once)
        try RenderWorkerBench.once(tool: option("--tool") ?? ".build-release/release/interstice",
                                   gallery: option("--gallery") ?? "Tests/Fixtures/graphviz-gallery", worker: args.contains("--worker"))
    case "fit-coverage":
        try FitBench.coverage(replicates: Int(option("--replicates") ?? "") ?? 1000, nodes: Int(option("--nodes") ?? "") ?? 300,
                              periods: Int(option("--periods") ?? "") ?? 8, truth: [0.03, 0.1, 0.05],
                              seed: UInt64(option("--seed") ?? "") ?? 2024)
    case "fit-speed":
        try FitBench.speed(path: args[1], adoption: option("--adoption") ?? "toa", never: option("--never").flatMap { Int($0) },
                           relations: (option("--relations") ?? "").split(separator: ",").map(String.init), by: option("--by"),
                           permutations: Int(option("--permutations") ?? "") ?? 1000, threads: Int(option("--threads") ?? ""),
                           repeats: Int(option("--repeats") ?? "") ?? 3)
    case "datasets":
        try DatasetBench.run(root: args.count > 1 ? args[1] : "../shared/datasets")
    default:
        FileHandle.standardError.write(Data("unknown suite \(suite)\n".utf8))
        exit(64)
    }
} catch {
    FileHandle.standardError.write(Data("IntersticeBench: \(error)\n".utf8))
    exit(1)
}
