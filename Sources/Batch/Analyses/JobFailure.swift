/// Why a job failed; recorded in the store's `jobs.error`, and the other jobs go on.
public struct JobFailure: Error, Sendable, Hashable, CustomStringConvertible {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
