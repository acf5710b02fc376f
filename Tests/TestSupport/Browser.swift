import Foundation

/// Headless Chromium (Debian package `chromium`, installed by `make setup`), for tests that load
/// a page in a real browser: the DOM after its scripts ran (`--dump-dom`) and every message the
/// page wrote to the console, uncaught exceptions included.
public enum Browser {
    public struct Page: Sendable {
        /// The serialized DOM once the page's scripts ran.
        public let dom: String
        /// The console messages (`console.log`, `console.error`, uncaught errors, failed loads).
        public let console: [String]
        public let status: Int32
        public let stderr: String
    }

    public struct Missing: Error, CustomStringConvertible {
        public var description: String {
            "headless Chromium not found (chromium, chromium-browser or $CHROMIUM): `make setup` installs the Debian package chromium"
        }
    }

    /// The browser: `$CHROMIUM`, else `chromium` or `chromium-browser` on the PATH.
    public static func executable() throws -> URL {
        var candidates: [String] = []
        if let env = ProcessInfo.processInfo.environment["CHROMIUM"], !env.isEmpty { candidates.append(env) }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for dir in path.split(separator: ":") {
            for name in ["chromium", "chromium-browser"] { candidates.append("\(dir)/\(name)") }
        }
        for c in candidates where FileManager.default.isExecutableFile(atPath: c) { return URL(fileURLWithPath: c) }
        throw Missing()
    }

    /// Loads `file` in headless Chromium (a fresh profile in a temporary folder, no network
    /// needed) and returns its DOM and console. `extra`: more switches (`--screenshot=…`).
    public static func load(_ file: URL, extra: [String] = [], timeout: TimeInterval = 60) throws -> Page {
        let profile = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: profile) }
        let p = Process()
        p.executableURL = try executable()
        p.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions",
                       "--user-data-dir=\(profile.path)", "--enable-logging=stderr", "--v=0"] + extra
            + ["--dump-dom", file.absoluteString]
        let out = Pipe()
        let errURL = profile.appendingPathComponent("stderr.txt")
        FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let err = try FileHandle(forWritingTo: errURL)
        p.standardOutput = out
        p.standardError = err
        p.standardInput = FileHandle.nullDevice
        try p.run()
        let timer = DispatchSource.makeTimerSource()
        timer.schedule(deadline: .now() + timeout)
        timer.setEventHandler { if p.isRunning { p.terminate() } }
        timer.resume()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        timer.cancel()
        try err.close()
        let e = String(decoding: (try? Data(contentsOf: errURL)) ?? Data(), as: UTF8.self)
        // Chromium logs each console message as `[pid:tid:date:LEVEL:CONSOLE(line)] "text", source: url (line)`.
        let console = e.split(separator: "\n").filter { $0.contains(":CONSOLE") }.map(String.init)
        return Page(dom: String(decoding: o, as: UTF8.self), console: console, status: p.terminationStatus, stderr: e)
    }
}
