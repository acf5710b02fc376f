import Foundation

/// Paths of files inside the repository, for tests (tests read nothing outside it).
public enum Fixtures {
    /// The repository's root folder.
    public static let root: URL = {
        // Tests/TestSupport/Fixtures.swift → repository root.
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }()

    /// A path under `Tests/Fixtures/`.
    public static func path(_ relative: String) -> String {
        root.appendingPathComponent("Tests/Fixtures").appendingPathComponent(relative).path
    }

    /// A path under `Datasets/`.
    public static func dataset(_ name: String) -> String {
        root.appendingPathComponent("Datasets").appendingPathComponent(name).path
    }

    /// The bytes of a fixture file.
    public static func bytes(_ relative: String) throws -> [UInt8] {
        Array(try Data(contentsOf: URL(fileURLWithPath: path(relative))))
    }

    /// A fresh temporary folder, removed by the caller (or left in /tmp).
    public static func temporaryFolder() throws -> URL {
        let u = FileManager.default.temporaryDirectory.appendingPathComponent("interstice-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: u, withIntermediateDirectories: true)
        return u
    }

    /// Decodes a JSON fixture into Foundation objects.
    public static func json(_ relative: String) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path(relative))))
    }
}
