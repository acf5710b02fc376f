import Foundation
import Testing
import TestSupport

/// Issue 14, classes of failure a review found handled in the code but untested: each test
/// fails if the old behaviour (an abort, a hang, a bypassed limit, an empty graph with exit 0,
/// a 0-byte PNG, script in the output, a replaced device, a temporary file left by a signal)
/// comes back.
@Suite("Hardening: regressions for the review's gaps")
struct HardeningGapsTests {
    static let cucm = Fixtures.dataset("cucm-plie")

    /// The names in a folder (temporary files start with a dot).
    static func contents(_ folder: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
    }

    // MARK: - splines=ortho abort (row 15)

    /// twopi with splines=ortho and a port on a self-loop: Graphviz 2.42 aborts in `maze.c`
    /// (`chkSgraph: Assertion np->cells[1] failed`), the `dot` command too.
    static let ortho = Fixtures.path("hardening/ortho-abort.gv")

    @Test("splines=ortho aborting Graphviz: exit 70 naming the file, no output, no temporary file")
    func orthoAbortInWorker() throws {
        let tmp = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: tmp) }
        let out = tmp.appendingPathComponent("out.svg").path
        let r = try CLI.run(["render", Self.ortho, "-o", out])
        #expect(r.status == 70, "\(r.stderr)")
        #expect(r.stderr.contains("\(Self.ortho): Graphviz crashed (SIGABRT, an assertion) laying out or rendering this file; only its worker process ended"), "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out))
        #expect(Self.contents(tmp).isEmpty)
    }

    @Test("the ortho fixture still aborts Graphviz in the process (it stays a real reproducer)")
    func orthoAbortsInProcess() throws {
        let tmp = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: tmp) }
        let p = Process()
        p.executableURL = CLI.executable
        p.arguments = ["render", Self.ortho, "--in-process", "-o", tmp.appendingPathComponent("out.svg").path]
        var env = ProcessInfo.processInfo.environment
        env["SWIFT_BACKTRACE"] = "enable=no"
        p.environment = env
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        p.waitUntilExit()
        #expect(p.terminationReason == .uncaughtSignal)
        #expect(p.terminationStatus == SIGABRT)
        #expect(!FileManager.default.fileExists(atPath: tmp.appendingPathComponent("out.svg").path))
    }

    // MARK: - dpi=-1 (row 16)

    @Test("a DOT file's dpi outside 72…1200 is refused before layout: exit 65, file:line, nothing written",
          arguments: ["svg", "png"])
    func negativeDPI(format: String) throws {
        let tmp = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: tmp) }
        let input = tmp.appendingPathComponent("dpi.gv").path
        try "digraph {\n  dpi=-1; a -> b\n}\n".write(toFile: input, atomically: true, encoding: .utf8)
        let out = tmp.appendingPathComponent("out.\(format)").path
        let start = Date()
        let r = try CLI.run(["render", input, "--timeout", "2", "-o", out])
        #expect(r.status == 65, "\(r.stderr)")
        #expect(r.stderr == "interstice: \(input):2: dpi=\"-1\": a DOT file's resolution must be in 72…1200 dots per inch, as --dpi (or 0, Graphviz's default)\n", "\(r.stderr)")
        #expect(Date().timeIntervalSince(start) < 2, "refused up front, not by the time limit")
        #expect(!FileManager.default.fileExists(atPath: out))
        #expect(Self.contents(tmp) == ["dpi.gv"])
    }

    @Test("resolution (dpi's synonym) is checked too; 0 and 96 are drawn")
    func resolutionSynonym() throws {
        let tmp = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: tmp) }
        let input = tmp.appendingPathComponent("r.gv").path
        let out = tmp.appendingPathComponent("r.png").path
        try "digraph { graph [resolution=5000]; a -> b }\n".write(toFile: input, atomically: true, encoding: .utf8)
        let r = try CLI.run(["render", input, "-o", out])
        #expect(r.status == 65 && r.stderr.contains("\(input):1: resolution=\"5000\": a DOT file's resolution must be in 72…1200"), "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out))
        try "digraph { dpi=96; resolution=0; a -> b }\n".write(toFile: input, atomically: true, encoding: .utf8)
        let ok = try CLI.run(["render", input, "-o", out])
        #expect(ok.status == 0, "\(ok.stderr)")
        #expect(FileManager.default.fileExists(atPath: out))
    }

    // MARK: - the file's layout=dot past the node limit (row 17)

    static func thousandAndOne(in tmp: URL) throws -> String {
        let input = tmp.appendingPathComponent("big.gv").path
        let nodes = (0...1000).map { "n\($0);" }.joined(separator: " ")
        try "digraph { layout=dot; \(nodes) }\n".write(toFile: input, atomically: true, encoding: .utf8)
        return input
    }

    @Test("layout=dot in the file with 1,001 nodes: refused (exit 64) with --engine auto and --engine dot", arguments: ["auto", "dot"])
    func fileLayoutDotPastLimit(engine: String) throws {
        let tmp = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: tmp) }
        let input = try Self.thousandAndOne(in: tmp)
        let out = tmp.appendingPathComponent("out.svg").path
        let r = try CLI.run(["render", input, "--engine", engine, "-o", out])
        #expect(r.status == 64, "\(r.stderr)")
        let why = engine == "auto" ? "the file sets layout=dot" : "engine dot as requested"
        #expect(r.stderr == "interstice: \(input): dot cannot lay out 1001 nodes in reasonable time (\(why)); use --engine sfdp\n", "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out))
        #expect(Self.contents(tmp) == ["big.gv"])
    }

    @Test("an explicit --engine sfdp wins over the file's layout=dot (dot used to run, past its limit)")
    func explicitEngineWins() throws {
        let tmp = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: tmp) }
        let input = try Self.thousandAndOne(in: tmp)
        let out = tmp.appendingPathComponent("out.svg").path
        let r = try CLI.run(["render", input, "--engine", "sfdp", "-o", out])
        #expect(r.status == 0, "\(r.stderr)")
        let svg = try String(contentsOfFile: out, encoding: .utf8)
        #expect(svg.contains("<!-- Interstice: engine sfdp as requested (over the file's layout=dot) -->"))
        // dot puts 1,001 unconnected nodes on one rank (one y); sfdp spreads them in two dimensions.
        let ys = Set(svg.matches(of: #/cy="(-?[0-9.]+)"/#).map { String($0.1) })
        #expect(ys.count > 10, "\(ys.count) distinct y: laid out by dot?")
    }

    @Test("a layout attribute that names no engine Interstice draws with is bad input naming the file, before layout",
          arguments: ["DOT", "dot:x", "nop2"])
    func unknownLayoutAttribute(layout: String) throws {
        let tmp = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: tmp) }
        let input = tmp.appendingPathComponent("odd.gv").path
        // "dot:x" runs dot in Graphviz (engine of plugin x) and slipped past the 1,001-node check.
        let nodes = (0...1_000).map { "n\($0)" }.joined(separator: "; ")
        try "digraph { layout=\"\(layout)\"; \(nodes) }\n".write(toFile: input, atomically: true, encoding: .utf8)
        let out = tmp.appendingPathComponent("out.svg").path
        let r = try CLI.run(["render", input, "-o", out])
        #expect(r.status == 65, "\(r.stderr)")
        #expect(r.stderr == "interstice: \(input): layout=\"\(layout)\" is not a Graphviz layout engine Interstice draws with: dot, neato, fdp, sfdp, circo, twopi, osage, patchwork\n", "\(r.stderr)")
        #expect(Self.contents(tmp) == ["odd.gv"])
    }

    // MARK: - "memory exhausted" parse error (row 19)

    @Test("20,000 nested subgraphs overflow the DOT parser: exit 65 naming the file, no empty graph")
    func deeplyNestedDOT() throws {
        let tmp = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: tmp) }
        let input = tmp.appendingPathComponent("deep.gv").path
        let text = "digraph { a; " + String(repeating: "{", count: 20_000) + String(repeating: "}", count: 20_000) + " }\n"
        try text.write(toFile: input, atomically: true, encoding: .utf8)
        let message = "interstice: \(input):1: DOT memory exhausted near '{' (the parser's stack: subgraphs or brackets nested too deeply)\n"
        let info = try CLI.run(["info", input])
        #expect(info.status == 65, "\(info.stderr)")
        #expect(info.stderr == message, "\(info.stderr)")
        #expect(info.stdout.isEmpty, "no report of an empty graph: \(info.stdout)")
        for format in ["svg", "gv"] {
            let out = tmp.appendingPathComponent("out.\(format)").path
            let r = try CLI.run(["render", input, "-o", out])
            #expect(r.status == 65, "\(r.stderr)")
            #expect(r.stderr == message, "\(r.stderr)")
            #expect(!FileManager.default.fileExists(atPath: out))
        }
        #expect(Self.contents(tmp) == ["deep.gv"])
    }

    // MARK: - oversized PNG (row 20)

    @Test("a PNG of 32,767 × 32,767 pixels: exit 70 naming the file, no (0-byte) output")
    func oversizedPNG() throws {
        let tmp = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: tmp) }
        let input = tmp.appendingPathComponent("huge.gv").path
        // 400 in at 600 dpi, clamped by Graphviz to 32,767 px a side: 4.3 GB of pixels.
        try "digraph { size=\"400,400!\"; ratio=fill; dpi=600; a -> b }\n".write(toFile: input, atomically: true, encoding: .utf8)
        let out = tmp.appendingPathComponent("huge.png").path
        let start = Date()
        let r = try CLI.run(["render", input, "-o", out])
        #expect(r.status == 70, "\(r.stderr)")
        #expect(r.stderr.contains(input), "\(r.stderr)")
        #expect(r.stderr.contains("rendering png gave no output") || r.stderr.contains("ran out of its memory limit"), "\(r.stderr)")
        #expect(Date().timeIntervalSince(start) < 5)
        #expect(!FileManager.default.fileExists(atPath: out))
        #expect(Self.contents(tmp) == ["huge.gv"])
    }

    // MARK: - script from a one-line .gv (row 23)

    /// No script element, event handler attribute or `javascript:` URL.
    static func expectInert(_ text: String, _ what: String) throws {
        let lower = text.lowercased()
        #expect(!lower.contains("<script"), "\(what)")
        #expect(!lower.contains("javascript:"), "\(what)")
        #expect(!lower.contains(try Regex(#"\son[a-z]+\s*="#)), "\(what)")
        #expect(!lower.contains("xml-stylesheet"), "\(what)")
    }

    static func scriptCount(_ text: String) -> Int { text.lowercased().ranges(of: "<script").count }

    /// One-line DOT files whose SVG from the `dot` command holds a live `<script>` (the
    /// stylesheet's processing instruction, a font name) or an `onload=` handler.
    @Test("one-line .gv files that make Graphviz write script: the SVG and the HTML page are inert", arguments: [
        ("hardening/script-stylesheet.gv", false), ("hardening/script-fontname.gv", true), ("hardening/onload-fontname.gv", false),
    ])
    func scriptFromDOT(fixture: String, needsFileReferences: Bool) throws {
        let tmp = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: tmp) }
        let input = Fixtures.path(fixture)
        let flags = needsFileReferences ? ["--allow-file-references"] : []
        let benign = tmp.appendingPathComponent("benign.gv").path
        try "digraph { a }\n".write(toFile: benign, atomically: true, encoding: .utf8)
        let benignHTML = tmp.appendingPathComponent("benign.html").path
        #expect(try CLI.run(["render", benign, "-o", benignHTML]).status == 0)
        for format in ["svg", "html"] {
            let out = tmp.appendingPathComponent("out.\(format)").path
            let r = try CLI.run(["render", input, "-o", out] + flags)
            #expect(r.status == 0, "\(fixture) \(format): \(r.stderr)")
            let text = try String(contentsOfFile: out, encoding: .utf8)
            if format == "svg" {
                try Self.expectInert(text, "\(fixture) svg")
            } else {
                #expect(Self.scriptCount(text) == Self.scriptCount(try String(contentsOfFile: benignHTML, encoding: .utf8)), "\(fixture) html")
                #expect(!text.lowercased().contains("alert(1)</script"), "\(fixture) html")
                #expect(!text.lowercased().contains(try Regex(#"<[a-z]+[^>]*\son[a-z]+\s*="#)), "\(fixture) html")
            }
        }
        if needsFileReferences {
            let r = try CLI.run(["render", input, "-o", tmp.appendingPathComponent("refused.svg").path])
            #expect(r.status == 65 && r.stderr.contains("\(input):1: the attribute fontname names a font file by its path"), "\(r.stderr)")
        }
    }

    @Test("SVG Graphviz wrote unreadably from a hostile font name: refused naming the file, not \"diagram\"")
    func malformedSVGNamesFile() throws {
        let tmp = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: tmp) }
        let input = tmp.appendingPathComponent("slash.gv").path
        try #"digraph { a [fontname="x\"><g onload=\"alert(1)\"><script>alert(2)<\/script>"] }"#.appending("\n")
            .write(toFile: input, atomically: true, encoding: .utf8)
        let out = tmp.appendingPathComponent("out.svg").path
        let r = try CLI.run(["render", input, "--allow-file-references", "-o", out])
        #expect(r.status == 65, "\(r.stderr)")
        #expect(r.stderr == "interstice: \(input): the SVG Graphviz produced is not well-formed (\"/\" inside a tag); it is not written\n", "\(r.stderr)")
        #expect(Self.contents(tmp) == ["slash.gv"])
    }

    @Test("a hostile graph name is escaped in the HTML player's title")
    func hostileGraphName() throws {
        let tmp = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: tmp) }
        let input = tmp.appendingPathComponent("name.gv").path
        try "digraph \"</title><script>alert(1)</script>\" {a}\n".write(toFile: input, atomically: true, encoding: .utf8)
        let out = tmp.appendingPathComponent("name.html").path
        let r = try CLI.run(["render", input, "-o", out])
        #expect(r.status == 0, "\(r.stderr)")
        let html = try String(contentsOfFile: out, encoding: .utf8)
        #expect(html.contains("<title>&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;</title>"))
        #expect(!html.lowercased().contains("<script"))
    }

    // MARK: - -o to /dev/stdout and a character device (row 28)

    @Test("-o /dev/stdout writes to the pipe that is standard output")
    func outputToDevStdout() throws {
        let r = try CLI.run(["info", Self.cucm, "--format", "json", "-o", "/dev/stdout"])
        #expect(r.status == 0, "\(r.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]
        #expect(json?["analysis"] as? String == "info")
        let direct = try CLI.run(["info", Self.cucm, "--format", "json"])
        #expect(r.stdout == direct.stdout)
    }

    @Test("-o /dev/null: exit 0, and /dev/null is still a character device")
    func outputToDevNull() throws {
        let r = try CLI.run(["info", Self.cucm, "--format", "json", "-o", "/dev/null"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.isEmpty)
        var st = stat()
        #expect(lstat("/dev/null", &st) == 0)
        #expect(st.st_mode & S_IFMT == S_IFCHR)
    }

    // MARK: - a signal during a write (row 44)

    /// Runs `generate gnm` into a GraphML file and sends `sig` as soon as its temporary file
    /// appears (while the output is being written); a run that finishes first is repeated
    /// with a larger graph.
    func interruptDuringWrite(_ sig: Int32, status: Int32, name: String) throws {
        for edges in [1_000_000, 2_000_000, 4_000_000] {
            let tmp = try Fixtures.temporaryFolder()
            defer { try? FileManager.default.removeItem(at: tmp) }
            let out = tmp.appendingPathComponent("out.graphml").path
            let p = Process()
            p.executableURL = CLI.executable
            p.arguments = ["generate", "gnm", out, "--nodes", "100000", "--edges", String(edges), "--seed", "1"]
            let errURL = tmp.deletingLastPathComponent().appendingPathComponent("\(tmp.lastPathComponent).stderr")
            FileManager.default.createFile(atPath: errURL.path, contents: nil)
            defer { try? FileManager.default.removeItem(at: errURL) }
            let err = try FileHandle(forWritingTo: errURL)
            p.standardOutput = FileHandle.nullDevice
            p.standardError = err
            try p.run()
            var sent = false
            let deadline = Date().addingTimeInterval(20)
            while p.isRunning && Date() < deadline {
                if Self.contents(tmp).contains(where: { $0.hasPrefix(".out.graphml.tmp-") }) {
                    kill(p.processIdentifier, sig)
                    sent = true
                    break
                }
                usleep(200)
            }
            if !sent && p.isRunning { kill(p.processIdentifier, SIGKILL) }
            p.waitUntilExit()
            try err.close()
            guard sent else { continue }   // finished (or timed out) before the write was seen
            let stderr = String(decoding: (try? Data(contentsOf: errURL)) ?? Data(), as: UTF8.self)
            #expect(p.terminationReason == .exit)
            #expect(p.terminationStatus == status, "\(stderr)")
            #expect(stderr.hasSuffix("interstice: interrupted (\(name)); nothing was written\n"), "\(stderr)")
            #expect(Self.contents(tmp).isEmpty, "left: \(Self.contents(tmp))")
            return
        }
        Issue.record("the temporary file was never seen while the output was written")
    }

    @Test("SIGTERM while the output is written: exit 143, no output, no temporary file")
    func sigtermDuringWrite() throws {
        try interruptDuringWrite(SIGTERM, status: 143, name: "SIGTERM")
    }

    @Test("SIGINT while the output is written: exit 130, no output, no temporary file")
    func sigintDuringWrite() throws {
        try interruptDuringWrite(SIGINT, status: 130, name: "SIGINT")
    }
}
