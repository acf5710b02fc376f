import Foundation
import Testing
import TestSupport

/// The README's shell examples run as printed, in a fresh folder holding a copy of `Datasets/`
/// and of the import fixtures (a fresh clone, as far as the examples can tell), with the built
/// `interstice` first on the PATH. Lines that need a file the repository does not have (a
/// SNAP download, the user's own graph or manifest) or another tool (make, swift, python3)
/// are the ones `needsOutsideFile` names; every other line runs, block by block, under `set -e`.
@Suite("README examples (the built binary)", .serialized)
struct ReadmeExamplesTests {
    /// Words that mark a line needing something outside the repository.
    static let outside = ["soc-Slashdot0902", "karate.gml", "graph.gml", "graph.gv", "graph.edges", " sweep.yaml",
                          "MANIFEST.yaml", "STORE", "shards/", "../shared", "python3", "make ", "swift ", ".build/",
                          "bash .ci", "pip ", "interstice batch merge results", "interstice batch export results"]

    static func needsOutsideFile(_ line: String) -> Bool {
        outside.contains { line.contains($0) }
    }

    /// The README's fenced blocks that are shell (no language, `bash`, `sh`), with their first line number.
    static func shellBlocks(_ readme: String) -> [(line: Int, text: [String])] {
        var blocks: [(Int, [String])] = []
        var current: [String]?
        var inOther = false
        var start = 0
        for (i, l) in readme.components(separatedBy: "\n").enumerated() {
            if l.hasPrefix("```") {
                if let c = current {
                    blocks.append((start, c))
                    current = nil
                } else if inOther {
                    inOther = false
                } else {
                    let lang = l.dropFirst(3).trimmingCharacters(in: .whitespaces)
                    if lang.isEmpty || lang == "bash" || lang == "sh" {
                        current = []
                        start = i + 1
                    } else {
                        inOther = true
                    }
                }
            } else if current != nil {
                current!.append(l)
            }
        }
        return blocks
    }

    /// A block's commands: continuation lines joined, a `for … done` loop kept whole, comments dropped.
    static func commands(_ lines: [String]) -> [String] {
        var out: [String] = []
        var pending = ""
        var loop: [String]?
        for raw in lines {
            let l = raw.trimmingCharacters(in: .whitespaces)
            if l.hasPrefix("#") || l.isEmpty { continue }
            if loop != nil {
                loop!.append(raw)
                if l == "done" || l.hasPrefix("done ") { out.append(loop!.joined(separator: "\n")); loop = nil }
                continue
            }
            if l.hasPrefix("for ") { loop = [raw]; continue }
            if l.hasSuffix("\\") { pending += String(l.dropLast()) + " "; continue }
            out.append(pending + l)
            pending = ""
        }
        return out
    }

    func readme() throws -> String {
        try String(contentsOf: Fixtures.root.appendingPathComponent("README.md"), encoding: .utf8)
    }

    func freshFolder() throws -> URL {
        let dir = try Fixtures.temporaryFolder()
        let fm = FileManager.default
        try fm.copyItem(at: Fixtures.root.appendingPathComponent("Datasets"), to: dir.appendingPathComponent("Datasets"))
        try fm.createDirectory(at: dir.appendingPathComponent("Tests/Fixtures"), withIntermediateDirectories: true)
        try fm.copyItem(at: Fixtures.root.appendingPathComponent("Tests/Fixtures/import"),
                        to: dir.appendingPathComponent("Tests/Fixtures/import"))
        return dir
    }

    func bash(_ script: String, in dir: URL) throws -> (status: Int32, output: String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/bash")
        p.arguments = ["-c", script]
        p.currentDirectoryURL = dir
        var env = ProcessInfo.processInfo.environment
        env["PATH"] = CLI.executable.deletingLastPathComponent().path + ":" + (env["PATH"] ?? "/usr/bin:/bin")
        p.environment = env
        let log = dir.appendingPathComponent(".readme-test.log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        let h = try FileHandle(forWritingTo: log)
        p.standardOutput = h
        p.standardError = h
        try p.run()
        p.waitUntilExit()
        try h.close()
        return (p.terminationStatus, (try? String(contentsOf: log, encoding: .utf8)) ?? "")
    }

    @Test func everyShellExampleThatNeedsNoOutsideFileRuns() throws {
        let dir = try freshFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        var ran = 0
        for block in Self.shellBlocks(try readme()) {
            if block.text.first == "#!/bin/bash" { continue }  // the Slurm script: checked below
            let cmds = Self.commands(block.text).filter { !Self.needsOutsideFile($0) }
            guard !cmds.isEmpty else { continue }
            let r = try bash("set -euo pipefail\n" + cmds.joined(separator: "\n") + "\n", in: dir)
            #expect(r.status == 0, "README block at line \(block.line):\n\(cmds.joined(separator: "\n"))\n---\n\(String(r.output.suffix(3000)))")
            ran += cmds.count
        }
        // The examples that must have run: import → info, the generate loop, a batch sweep.
        #expect(ran >= 25)
        let fm = FileManager.default
        #expect(fm.fileExists(atPath: dir.appendingPathComponent("chalon-equipe/nodes.csv").path))
        let territories = try fm.contentsOfDirectory(atPath: dir.appendingPathComponent("territories").path).sorted()
        #expect(territories.count == 41 && territories.contains("bridging-0.2-1") && territories.contains("bridging-0.8-20"))
        let meta = try String(contentsOf: dir.appendingPathComponent("territories/bridging-0.2-7/dataset.json"), encoding: .utf8)
        #expect(meta.contains("\"name\" : \"bridging-0.2-7\""))
        #expect(fm.fileExists(atPath: dir.appendingPathComponent("territories-results/results.sqlite").path))
    }

    @Test func slurmScriptAndPythonSnippetAsPrinted() throws {
        let text = try readme()
        let slurm = try #require(Self.shellBlocks(text).first { $0.text.first == "#!/bin/bash" })
        #expect(slurm.text.filter { $0.hasPrefix("#SBATCH ") }.count == 6)
        #expect(!text.contains("##SBATCH") && !text.contains("##!/bin/bash"))
        let dir = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try bash("bash -n <<'EOF'\n" + slurm.text.joined(separator: "\n") + "\nEOF\n", in: dir)
        #expect(r.status == 0, "\(r.output)")
        // The Python snippet opens the store of the manifest printed above it.
        let output = try #require(text.components(separatedBy: "\n").first { $0.hasPrefix("output: ") })
        let folder = output.dropFirst("output: ".count).split(separator: " ").first.map(String.init) ?? ""
        #expect(text.contains("sqlite3.connect(\"\(folder)/results.sqlite\")"))
        // The system packages the Makefile installs are the ones the README lists.
        let makefile = try String(contentsOf: Fixtures.root.appendingPathComponent("Makefile"), encoding: .utf8)
        for pkg in ["libgraphviz-dev", "graphviz", "fonts-liberation2", "zlib1g-dev", "libsqlite3-dev", "pkg-config"] {
            #expect(makefile.contains(pkg) && text.contains("`libgraphviz-dev graphviz fonts-liberation2 zlib1g-dev libsqlite3-dev pkg-config`"), "\(pkg)")
        }
    }

    @Test func makeInstallPutsTheToolUnderPrefix() throws {
        let dir = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        // The install recipe, with the built binary standing in for the release build.
        let r = try bash("make -s -C '\(Fixtures.root.path)' -o build install PREFIX='\(dir.path)/prefix' BIN='\(CLI.executable.path)' && '\(dir.path)/prefix/bin/interstice' --version", in: dir)
        #expect(r.status == 0, "\(r.output)")
        #expect(r.output.contains("installed \(dir.path)/prefix/bin/interstice"))
        #expect(r.output.hasSuffix("0.1.0\n"))
    }
}
