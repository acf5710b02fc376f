import Foundation
import Interstice
import TestSupport
import Testing
@testable import Batch

/// Parses manifest text with paths relative to the repository root.
func manifest(_ text: String, seed: UInt64? = nil) throws(GraphIOError) -> Manifest {
    try Manifest.parse(Array(text.utf8), file: "m.yaml", folder: Fixtures.root.path, seed: seed)
}

/// The error a manifest raises.
func manifestError(_ text: String) -> GraphIOError? {
    do { _ = try manifest(text); return nil } catch { return error }
}

@Suite("Batch: manifest")
struct ManifestTests {
    @Test("Datasets, analyses with defaults and grids, seed, output")
    func good() throws {
        let m = try manifest("""
        name: sweep
        seed: 7
        datasets:
          - Datasets/chalon-sur-saone
          - {path: Datasets/cucm-plie/}
        analyses:
          - info
          - centrality: {measures: [degree, pagerank]}
          - diffuse:
              model: [ic, lt, complex]
              theta: [0.1, 0.3, 0.5, 0.7, 0.9]
              runs: 200
        output: out/sweep
        """)
        #expect(m.name == "sweep")
        #expect(m.seed == 7)
        #expect(m.datasets.map(\.name) == ["Datasets/chalon-sur-saone", "Datasets/cucm-plie"])
        #expect(m.output == Fixtures.root.path + "/out/sweep")
        #expect(m.analyses.map(\.kind) == [.info, .centrality, .diffuse])
        #expect(m.analyses[1].fixed["measures"] == .array(["degree", "pagerank"]))
        #expect(m.analyses[1].grid.isEmpty)
        let d = m.analyses[2]
        #expect(d.grid.map(\.name) == ["model", "theta"])
        #expect(d.grid[1].values == [.double(0.1), .double(0.3), .double(0.5), .double(0.7), .double(0.9)])
        #expect(d.fixed["runs"] == .int(200))
        #expect(d.fixed["probability"] == nil)            // the model's own default (practice 0.02, others 0.2)
        #expect(d.fixed["horizon"] == .int(50))           // a default
        #expect(d.fixed["seed"] == nil)                   // filled per job from the manifest's seed
        #expect(d.combinations == 15)
    }

    @Test("A list of lists is a grid of a list parameter; one list is one value")
    func listGrid() throws {
        let m = try manifest("""
        datasets: [Datasets/cucm-plie]
        analyses:
          - reach: {models: [[ic], [ic, lt]], null: none, theta: 1}
        """)
        let a = m.analyses[0]
        #expect(a.grid.count == 1)
        #expect(a.grid[0].values == [.array(["ic"]), .array(["ic", "lt"])])
        #expect(a.fixed["theta"] == .double(1))   // an integer for a number parameter becomes a double
    }

    @Test("Globs expand to the sorted datasets they match, skipping other files")
    func globs() throws {
        let m = try manifest("""
        datasets: ["Datasets/c*"]
        analyses: [info]
        """)
        #expect(m.datasets.map(\.name) == ["Datasets/chalon-sur-saone", "Datasets/cucm-plie"])
        // Datasets/*.py and README.md are not datasets.
        let all = try manifest("datasets: [\"Datasets/*\"]\nanalyses: [info]")
        #expect(all.datasets.count == 8)
        #expect(!all.datasets.contains { $0.name.hasSuffix(".py") || $0.name.hasSuffix(".md") })
    }

    @Test("--seed overrides the manifest's seed")
    func seedOverride() throws {
        #expect(try manifest("seed: 3\ndatasets: [Datasets/cucm-plie]\nanalyses: [info]", seed: 99).seed == 99)
        #expect(try manifest("datasets: [Datasets/cucm-plie]\nanalyses: [info]").seed == 1)
    }

    @Test("render takes its parameters; a dataset listed twice is warned about and kept once")
    func renderAndRepeats() throws {
        let m = try manifest("""
        datasets: [Datasets/cucm-plie, "Datasets/cu*"]
        analyses: [info, {render: {format: [svg, dot], size_by: betweenness}}]
        """)
        #expect(m.analyses.map(\.kind) == [.info, .render])
        #expect(m.analyses[1].grid.first?.values == ["svg", "dot"])
        #expect(m.analyses[1].fixed["engine"] == "auto" && m.analyses[1].fixed["size_by"] == "betweenness")
        #expect(m.datasets.map(\.name) == ["Datasets/cucm-plie"])
        #expect(m.warnings == ["m.yaml:1:32: dataset \"Datasets/cucm-plie\" is listed already; its jobs run once"])
        #expect(manifestError("datasets: [Datasets/cucm-plie]\nanalyses: [{render: {format: gif}}]")?.message
                == "render: format must be one of svg, png, pdf, dot, found \"gif\"")
    }

    /// (manifest, line, column, kind, message fragment)
    static let bad: [(String, Int, Int, GraphIOError.Kind, String)] = [
        ("datasets: [Datasets/cucm-plie]\nanalyses:\n  - info\n  - difuse: {model: ic}\n",
         4, 5, .badData, "unknown analysis \"difuse\"; analyses are info, centrality, diffuse, reach, render"),
        ("datasets:\n  - Datasets/cucm-plie\n  - Datasets/no-such-thing\nanalyses: [info]\n",
         3, 5, .missingInput, "dataset \"Datasets/no-such-thing\" does not exist"),
        ("datasets: [Datasets/cucm-plie]\nanalyses:\n  - diffuse:\n      theta: [0.1, high, 0.5]\n",
         4, 20, .badData, "diffuse: theta must be a number in (0, 1], found \"high\""),
        ("datasets: [Datasets/cucm-plie]\nanalyses:\n  - diffuse:\n      runs: 2.5\n",
         4, 13, .badData, "diffuse: runs must be an integer in 1…100000000, found \"2.5\""),
        ("datasets: [Datasets/cucm-plie]\nanalyses:\n  - diffuse: {model: sirs}\n",
         3, 22, .badData, "diffuse: model must be one of practice, ic, lt, complex, si, sis, sir, sir-continuous, bass, found \"sirs\""),
        ("datasets: [Datasets/cucm-plie]\nanalyses:\n  - diffuse: {thetaa: 0.5}\n",
         3, 15, .badData, "diffuse has no parameter \"thetaa\"; it takes model, seeds, probability"),
        ("datasets: [Datasets/cucm-plie]\nanalyses:\n  - centrality: {measures: [degree, closenes]}\n",
         3, 37, .badData, "centrality: measures must be a list of values each one of degree"),
        ("datasets: [Datasets/cucm-plie]\nanalyses:\n  - diffuse: {theta: \"0.5\"}\n",
         3, 22, .badData, "diffuse: theta must be a number in (0, 1], found \"0.5\""),
        ("datasets: [Datasets/cucm-plie]\nanalyses:\n  - diffuse: {weighted: 1}\n",
         3, 25, .badData, "diffuse: weighted must be true or false, found \"1\""),
        ("datasets: [\"Datasets/zz*\"]\nanalyses: [info]\n",
         1, 12, .missingInput, "the glob \"Datasets/zz*\" matches no dataset"),
        ("datasets: [Datasets/cucm-plie]\nanalyses: [info]\nouptut: x\n",
         3, 1, .badData, "unknown key \"ouptut\""),
        ("datasets: [Datasets/cucm-plie]\nanalyses:\n  - diffuse: {model: ic\n",
         4, 1, .badData, "YAML:"),
        ("datasets: [Datasets/cucm-plie]\n",
         1, 1, .badData, "the manifest has no analyses: list"),
        ("datasets: [Datasets/cucm-plie]\nanalyses:\n  - diffuse: {k: 2, fraction: 0.5}\n",
         3, 31, .badData, "diffuse: k and fraction exclude each other"),
        ("datasets: [Datasets/cucm-plie]\nanalyses:\n  - diffuse: {seeds: \"top:3:fame\"}\n",
         3, 22, .badData, "diffuse: seeds:"),
        ("datasets: [Datasets/cucm-plie]\nanalyses:\n  - diffuse: {theta: []}\n",
         3, 22, .badData, "diffuse: theta: an empty list gives no job"),
        ("seed: -4\ndatasets: [Datasets/cucm-plie]\nanalyses: [info]\n",
         1, 7, .badData, "seed must be an integer ≥ 0, found \"-4\""),
    ]

    @Test("A bad manifest is refused with the line and column of the problem", arguments: 0..<ManifestTests.bad.count)
    func refused(_ i: Int) throws {
        let (text, line, column, kind, fragment) = ManifestTests.bad[i]
        let e = try #require(manifestError(text))
        #expect(e.file == "m.yaml")
        #expect(e.line == line, "\(e)")
        #expect(e.column == column, "\(e)")
        #expect(e.kind == kind, "\(e)")
        #expect(e.message.contains(fragment), "\(e)")
    }
}
