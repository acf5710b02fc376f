import GraphCore

/// Reader and writer for this format: being written (see the foundation issue).
public enum GEXFFormat {
    public static func read(_ text: SourceText) throws(GraphIOError) -> Network {
        throw GraphIOError(.unsupported, file: text.name, "format not available yet")
    }
    public static func write(_ network: Network) -> [UInt8] { [] }
}
