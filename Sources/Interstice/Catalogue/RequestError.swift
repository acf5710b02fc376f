import GraphAlgorithms
import GraphCore
import GraphIO

/// What is wrong with an analysis request: the catalogue's one error type.
///
/// Every door (the CLI, a batch manifest) builds a request and hands it to the catalogue; the
/// catalogue validates it against the data and throws this when a value is out of range, a name
/// is not in the data, an option is ignored by the chosen model, or an iterative measure did not
/// converge. ``ExitStatus/code(for:)`` maps it, and the other layers' errors, to exit codes.
public struct RequestError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Kind: Sendable, Hashable {
        /// The request itself is malformed (an unknown name, a value out of range): exit 64.
        case usage
        /// The request does not fit the data, or the data does not allow an answer: exit 65.
        case badData
    }

    public let kind: Kind
    public let message: String

    public init(_ kind: Kind = .usage, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }

    /// A usage error.
    public static func usage(_ message: String) -> RequestError { RequestError(.usage, message) }
    /// A data error.
    public static func badData(_ message: String) -> RequestError { RequestError(.badData, message) }
}

/// The exit codes of DESIGN.md, in one place: 64 usage, 65 bad data, 66 missing input, 74 I/O,
/// 70 internal.
public enum ExitStatus {
    public static let usage: Int32 = 64
    public static let badData: Int32 = 65
    public static let missingInput: Int32 = 66
    public static let internalError: Int32 = 70
    public static let io: Int32 = 74

    /// The exit code for an error of any layer.
    public static func code(for error: any Error) -> Int32 {
        switch error {
        case let e as RequestError: return e.kind == .usage ? usage : badData
        case let e as GraphIOError:
            switch e.kind {
            case .badData: return badData
            case .missingInput: return missingInput
            case .io: return io
            case .unsupported: return usage
            }
        case is AlgorithmError, is NetworkError: return badData
        default: return internalError
        }
    }
}

extension Network {
    /// The relation names, for messages ("it has acquaintance, exchange").
    package var relationList: String {
        relations.isEmpty ? "none" : relations.map(\.rawValue).joined(separator: ", ")
    }

    /// The relations named, checked against the data.
    package func checkedRelations(_ names: [Relation], option: String) throws(RequestError) -> [Relation] {
        for r in names where layer(r) == nil {
            throw .badData("\(option): the dataset has no relation \"\(r)\"; it has \(relationList)")
        }
        return names
    }
}
