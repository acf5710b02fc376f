import Foundation
import Interstice
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Shell-style globs over dataset paths, through the C library's `glob(3)` (neither Foundation
/// on Linux nor the available packages match globs).
enum Glob {
    /// The datasets matching `pattern` (relative to `folder` unless absolute), as paths written
    /// like the pattern, sorted by bytes: folders holding `nodes.csv` or `edges.csv`, and files
    /// whose name tells a graph format. Other matches (a README, a script) are left out.
    static func datasets(matching pattern: String, in folder: String) -> [String] {
        let absolute = pattern.hasPrefix("/")
        let full = absolute ? pattern : (folder as NSString).appendingPathComponent(pattern)
        var g = glob_t()
        defer { globfree(&g) }
        guard glob(full, 0, nil, &g) == 0 else { return [] }
        var out: [String] = []
        let prefix = (folder as NSString).standardizingPath + "/"
        for i in 0..<Int(g.gl_pathc) {
            guard let c = g.gl_pathv[i] else { continue }
            let path = String(cString: c)
            let isDataset: Bool
            if DatasetFolder.isFolder(path) {
                let fm = FileManager.default
                isDataset = fm.fileExists(atPath: (path as NSString).appendingPathComponent("nodes.csv"))
                    || fm.fileExists(atPath: (path as NSString).appendingPathComponent("edges.csv"))
            } else {
                isDataset = GraphFormat.infer(fromPath: path) != nil
            }
            guard isDataset else { continue }
            if absolute { out.append(path); continue }
            // Back to the pattern's relative form.
            let std = (path as NSString).standardizingPath
            out.append(std.hasPrefix(prefix) ? String(std.dropFirst(prefix.count)) : path)
        }
        return out.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
    }
}
