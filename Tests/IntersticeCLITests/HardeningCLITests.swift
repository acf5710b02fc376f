import Foundation
import Testing
import TestSupport

/// Issue 14 through the built binary: numeric options range-checked (exit 64 with a message,
/// never a crash), weights that overflow community detection refused (65), a full standard
/// output reported (74), ids a format cannot hold refused by convert (65).
@Suite("Hardening: the interstice tool")
struct HardeningCLITests {
    static let cucm = Fixtures.dataset("cucm-plie")

    @Test("huge, negative and NaN numeric options are usage errors naming the option", arguments: [
        (["diffuse", cucm, "--runs", "1000000000000000000"], "runs must be in 1…100000000, found 1000000000000000000"),
        (["diffuse", cucm, "--threads", "100000"], "threads must be in 1…1024, found 100000"),
        (["diffuse", cucm, "--target-half-width", "nan"], "target-half-width must be in (0, 1), found nan"),
        (["diffuse", cucm, "--step-days", "inf"], "step-days must be in (0, 36500], found inf"),
        (["diffuse", cucm, "--model", "sir", "--recovery", "inf"], "recovery must be in 0…1e6"),
        (["reach", cucm, "--null-samples", "10000000000"], "null-samples must be in 0…100000, found 10000000000"),
        (["reach", cucm, "--null-runs", "0"], "null-runs must be in 1…100000000, found 0"),
        (["relays", cucm, "--budget", "1000000000000"], "--budget must be in 1…10000, found 1000000000000"),
        (["communities", cucm, "--resolution", "nan"], "--resolution must be a number in (0, 1e6], found nan"),
        (["communities", cucm, "--resolution", "1e308"], "--resolution must be a number in (0, 1e6], found 1e+308"),
        (["batch", "x.yaml", "--memory", "1e30G"], "--memory takes bytes or a size such as 512M or 4G (below 4E), found \"1e30G\""),
        (["batch", "x.yaml", "--max-jobs", "0"], "--max-jobs must be in 1…1000000000, found 0"),
        (["generate", "gnm", "-", "--to", "edgelist", "--nodes", "3037000500", "--edges", "1"], "--nodes must be in 0…100000000, found 3037000500"),
        (["generate", "gnp", "-", "--to", "edgelist", "--nodes", "100000000", "--probability", "0.5"], "edges; at most 500000000 can be generated"),
        (["generate", "ba", "-", "--to", "edgelist", "--nodes", "100000000", "--attachments", "50000000"], "edges; at most 500000000 can be generated"),
        (["generate", "ws", "-", "--to", "edgelist", "--nodes", "100000000", "--neighbours", "99999999"], "edges; at most 500000000 can be generated"),
        (["generate", "sbm", "t", "--organizations", "4611686018427387904", "--size", "4"], "--organizations must be in 1…1000000, found 4611686018427387904"),
        (["generate", "sbm", "t", "--organizations", "1000000", "--size", "1000"], "--organizations × --size must be at most 100000000 actors"),
        (["info", cucm, "--max-input-bytes", "lots"], "--max-input-bytes takes bytes or a size such as 512M or 4G, found \"lots\""),
    ])
    func numericOptions(args: [String], message: String) throws {
        let r = try CLI.run(args)
        #expect(r.status == 64, "\(args): \(r.stderr)")
        #expect(r.stderr.contains(message), "\(args): \(r.stderr)")
    }

    @Test("communities --weighted with weights of 1e308: a clear error, exit 65")
    func overflowingWeights() throws {
        let tmp = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: tmp) }
        let path = tmp.appendingPathComponent("w.edges").path
        try "a b 1e308\nb c 1e308\nc a 1\n".write(toFile: path, atomically: true, encoding: .utf8)
        for method in ["louvain", "leiden", "lpa"] {
            let r = try CLI.run(["communities", path, "--weighted", "--method", method])
            #expect(r.status == 65, "\(method): \(r.stderr)")
            #expect(r.stderr.hasPrefix("interstice: \(path): the edge weights add up to more than the largest double"), "\(r.stderr)")
            #expect(r.stdout.isEmpty)
        }
        // Finite weights whose total fits: read and partitioned.
        try "a b 1e300\nb c 1e300\nc a 1\n".write(toFile: path, atomically: true, encoding: .utf8)
        let ok = try CLI.run(["communities", path, "--weighted", "--method", "lpa"])
        #expect(ok.status == 0, "\(ok.stderr)")
    }

    @Test("a full standard output is exit 74 with one line", arguments: ["info", "import"])
    func fullStandardOutput(command: String) throws {
        let tmp = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: tmp) }
        let p = Process()
        p.executableURL = CLI.executable
        // import prints its summary on standard output (it used print(), which lost it and exited 0).
        p.arguments = command == "info" ? ["info", Self.cucm]
            : ["import", Fixtures.path("import/personnes.csv"), Fixtures.path("import/liens.csv"), "-o", tmp.appendingPathComponent("imported").path]
        // /dev/full is used only as this child's standard output.
        p.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: "/dev/full"))
        let err = Pipe()
        p.standardError = err
        try p.run()
        let e = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        #expect(p.terminationReason == .exit)
        #expect(p.terminationStatus == 74, "\(e)")
        #expect(e == "interstice: -: cannot write to standard output: No space left on device\n")
    }

    @Test("convert refuses ids its output format cannot hold; nothing is written", arguments: [
        ("{\"nodes\": [{\"id\": \"a\\u0000b\"}], \"links\": []}", "out.gml", "cannot write the node id \"a\\u{0}b\" as gml: it holds a NUL character, which no format can hold"),
        ("{\"nodes\": [{\"id\": \"a\\u0001b\"}], \"links\": []}", "out.graphml", "cannot write the node id \"a\\u{1}b\" as graphml: it holds the control character U+1, which XML cannot hold"),
        ("{\"nodes\": [{\"id\": \"a b\"}, {\"id\": \"a_b\"}], \"links\": []}", "out.edges", "cannot write the node id \"a b\" as edgelist"),
        ("{\"nodes\": [{\"id\": \"%x\"}, {\"id\": \"y\"}], \"links\": []}", "out.gv", "cannot write the node id \"%x\" as dot: Graphviz reads names that start with % as anonymous and renames them"),
    ])
    func unwritableIds(input: String, output: String, message: String) throws {
        let tmp = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: tmp) }
        let inPath = tmp.appendingPathComponent("in.json").path
        try input.write(toFile: inPath, atomically: true, encoding: .utf8)
        let out = tmp.appendingPathComponent(output).path
        let r = try CLI.run(["convert", inPath, out])
        #expect(r.status == 65, "\(r.stderr)")
        #expect(r.stderr == "interstice: \(out): \(message)\n" || r.stderr.hasPrefix("interstice: \(out): \(message)"), "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out))
        #expect(try FileManager.default.contentsOfDirectory(atPath: tmp.path) == ["in.json"])
    }

    // MARK: - Graphviz behind a process wall

    /// A 71-byte DOT file whose cluster and rank=same make Graphviz 2.42's library abort
    /// (a `fastgr.c` assertion) while the `dot` command draws it.
    static let aborting = "digraph { subgraph cluster_a { a; b } { rank=same; a; c } a -> b; }\n"

    @Test("a Graphviz abort ends the worker, not the tool: exit 70 naming the file, nothing written")
    func abortInWorker() throws {
        let tmp = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: tmp) }
        let input = tmp.appendingPathComponent("abort.gv").path
        try Self.aborting.write(toFile: input, atomically: true, encoding: .utf8)
        let out = tmp.appendingPathComponent("abort.svg").path
        let r = try CLI.run(["render", input, "-o", out])
        #expect(r.status == 70, "\(r.stderr)")
        #expect(r.stderr.contains("\(input): Graphviz crashed (SIGABRT, an assertion) laying out or rendering this file; only its worker process ended"), "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test("a layout past --timeout is stopped: exit 65 naming the file")
    func timeoutInWorker() throws {
        let tmp = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: tmp) }
        let out = tmp.appendingPathComponent("world.svg").path
        let input = Fixtures.path("graphviz-gallery/graphs/directed/world.gv")
        let r = try CLI.run(["render", input, "--timeout", "0.01", "-o", out])
        #expect(r.status == 65, "\(r.stderr)")
        #expect(r.stderr.contains("\(input): Graphviz did not finish within the 0 s time limit (--timeout); the render worker was stopped")
                || r.stderr.contains("did not finish within"), "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out))
        let bad = try CLI.run(["render", input, "--timeout", "nan", "-o", out])
        #expect(bad.status == 64 && bad.stderr.contains("--timeout must be in (0, 86400] seconds, found nan"))
    }

    @Test("the worker and the in-process path give byte-identical output", arguments: [
        "graphs/directed/clust4.gv", "graphs/directed/fsm.gv", "graphs/directed/structs.gv", "graphs/undirected/Heawood.gv",
        "rtest/graphs/html.gv",
    ])
    func sameBytes(file: String) throws {
        let input = Fixtures.path("graphviz-gallery/" + file)
        guard FileManager.default.fileExists(atPath: input) else { return }
        let tmp = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: tmp) }
        for format in ["svg", "png"] {
            let a = tmp.appendingPathComponent("worker.\(format)").path, b = tmp.appendingPathComponent("process.\(format)").path
            let w = try CLI.run(["render", input, "-o", a])
            let p = try CLI.run(["render", input, "--in-process", "-o", b])
            #expect(w.status == 0 && p.status == 0, "\(w.stderr) \(p.stderr)")
            let wa = try Data(contentsOf: URL(fileURLWithPath: a)), pb = try Data(contentsOf: URL(fileURLWithPath: b))
            #expect(wa.count > 100)
            #expect(wa == pb, "\(file) \(format)")
        }
    }

    @Test("in a batch, a render job whose Graphviz worker is stopped fails alone; the other jobs are done")
    func batchRenderIsolated() throws {
        let tmp = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: tmp) }
        try FileManager.default.copyItem(atPath: Self.cucm, toPath: tmp.appendingPathComponent("cucm-plie").path)
        let manifest = tmp.appendingPathComponent("m.yaml").path
        try "datasets: [cucm-plie]\nanalyses:\n  - info\n  - centrality: {measures: [degree]}\n  - render\n"
            .write(toFile: manifest, atomically: true, encoding: .utf8)
        let out = tmp.appendingPathComponent("out").path
        let r = try CLI.run(["batch", manifest, "--output", out, "--render-timeout", "0.001"])
        #expect(r.status == 1, "\(r.stderr)")
        #expect(r.stdout.hasPrefix("m: 3 jobs; 2 done now, 0 done before, 1 failed"), "\(r.stdout)")
        #expect(r.stderr.contains("interstice: failed: render cucm-plie"), "\(r.stderr)")
        #expect(r.stderr.contains("did not finish within"), "\(r.stderr)")
        // The same manifest with the default limit: the render job is done too.
        let again = try CLI.run(["batch", manifest, "--output", out])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout.hasPrefix("m: 3 jobs; 1 done now, 2 done before, 0 failed"), "\(again.stdout)")
    }
}
