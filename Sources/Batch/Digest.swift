import Crypto
import Foundation
import Interstice

/// SHA-256 (swift-crypto) of manifests, datasets and job descriptions.
public enum Digest {
    /// Hex SHA-256 of bytes.
    public static func hex(of bytes: [UInt8]) -> String {
        hex(SHA256.hash(data: bytes))
    }

    static func hex(_ d: SHA256.Digest) -> String {
        var s = ""
        s.reserveCapacity(64)
        let digits = Array("0123456789abcdef")
        for b in d { s.append(digits[Int(b >> 4)]); s.append(digits[Int(b & 15)]) }
        return s
    }

    /// The digest of a dataset's bytes: a graph file's bytes, or for a native folder its
    /// `nodes.csv`, `edges.csv` and `dataset.json` (each name, length and bytes, in that order).
    /// - Throws: ``GraphIOError`` (`.missingInput`) when nothing can be read.
    /// - Returns: the hex digest and the number of bytes read.
    public static func dataset(_ d: Manifest.Dataset) throws(GraphIOError) -> (digest: String, bytes: Int) {
        try dataset(path: d.path)
    }

    /// The digest of the dataset at `path` (see ``dataset(_:)``).
    public static func dataset(path: String) throws(GraphIOError) -> (digest: String, bytes: Int) {
        let d = (path: path, ())
        var h = SHA256()
        var total = 0
        if DatasetFolder.isFolder(d.path) {
            var any = false
            for name in ["nodes.csv", "edges.csv", "dataset.json"] {
                let p = (d.path as NSString).appendingPathComponent(name)
                guard let data = FileManager.default.contents(atPath: p) else { continue }
                any = true
                total += data.count
                h.update(data: Array("\(name)\0\(data.count)\0".utf8))
                h.update(data: data)
            }
            guard any else { throw GraphIOError(.missingInput, file: d.path, "no nodes.csv or edges.csv in this folder") }
        } else {
            guard let data = FileManager.default.contents(atPath: d.path) else {
                throw GraphIOError(.missingInput, file: d.path, "cannot read the dataset")
            }
            h.update(data: data)
            total = data.count
        }
        return (hex(h.finalize()), total)
    }
}
