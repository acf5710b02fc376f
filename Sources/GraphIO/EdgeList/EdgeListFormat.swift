import GraphCore
public enum EdgeListFormat {
    public static func read(_ text: SourceText, options: ReadOptions) throws(GraphIOError) -> Network { throw GraphIOError(.unsupported, file: text.name, "wip") }
    public static func write(_ network: Network) -> [UInt8] { [] }
}
public enum AdjacencyListFormat {
    public static func read(_ text: SourceText, options: ReadOptions) throws(GraphIOError) -> Network { throw GraphIOError(.unsupported, file: text.name, "wip") }
    public static func write(_ network: Network) -> [UInt8] { [] }
}
