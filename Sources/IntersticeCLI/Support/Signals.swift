import Dispatch
import Foundation
import Interstice

/// SIGINT and SIGTERM: temporary output files are removed (``TemporaryFiles``), a line says
/// the run was interrupted, and the process ends with 130 (SIGINT) or 143 (SIGTERM), the
/// shell's codes. The signals are received by dispatch sources, not by a C handler, so the
/// clean-up runs as ordinary code on a queue. A command that can stop more gently (a batch
/// finishing its jobs in flight) sets ``Signals/onInterrupt``; it is then called instead, once,
/// and a second signal ends the process at once.
enum Signals {
    nonisolated(unsafe) private static var sources: [DispatchSourceSignal] = []
    private static let lock = NSLock()
    nonisolated(unsafe) private static var handler: (@Sendable (Int32) -> Void)?
    nonisolated(unsafe) private static var received = 0

    /// Called on the first SIGINT/SIGTERM instead of ending the process.
    static var onInterrupt: (@Sendable (Int32) -> Void)? {
        get { lock.lock(); defer { lock.unlock() }; return handler }
        set { lock.lock(); handler = newValue; lock.unlock() }
    }

    /// Installs the handling (once, at start-up).
    static func install() {
        let queue = DispatchQueue(label: "interstice.signals")
        for sig in [SIGINT, SIGTERM] {
            signal(sig, SIG_IGN)
            let s = DispatchSource.makeSignalSource(signal: sig, queue: queue)
            s.setEventHandler { received(sig) }
            s.resume()
            sources.append(s)
        }
    }

    private static func received(_ sig: Int32) {
        lock.lock()
        received += 1
        let first = received == 1
        let h = handler
        lock.unlock()
        if first, let h {
            h(sig)
            return
        }
        TemporaryFiles.removeAllBeforeExit()
        printError("interstice: interrupted (\(sig == SIGINT ? "SIGINT" : "SIGTERM")); nothing was written")
        _exit(128 + sig)
    }
}
