import ArgumentParser
import Foundation
import Interstice

/// Runs a command body, turning errors into one line on stderr and the exit codes of
/// DESIGN.md: 64 usage, 65 bad data, 66 missing input, 74 I/O, 70 internal.
func reportingFailures(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let e as ExitCode {
        throw e
    } catch let e as ValidationError {
        throw e
    } catch let e as CleanExit {
        throw e
    } catch let e where e is RequestError || e is GraphIOError || e is AlgorithmError || e is NetworkError {
        printError("interstice: \(e)")
        throw ExitCode(ExitStatus.code(for: e))
    } catch {
        printError("interstice: internal error: \(error)")
        throw ExitCode(ExitStatus.internalError)
    }
}

/// Writes one line to standard error (a failing standard error is ignored: there is nowhere
/// left to say so).
func printError(_ s: String) {
    try? OutputFile.writeAll(fd: 2, Array((s + "\n").utf8), name: "-", what: "standard error")
}
