import Foundation
import GraphCore

public enum DatasetFolder {
    public static func isFolder(_ path: String) -> Bool {
        var d: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &d) && d.boolValue
    }
    public static func read(_ path: String) throws(GraphIOError) -> Network { throw GraphIOError(.unsupported, file: path, "wip") }
    public static func write(_ network: Network, to path: String) throws(GraphIOError) {}
}
