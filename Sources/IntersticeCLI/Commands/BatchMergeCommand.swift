import ArgumentParser
import Batch
import Foundation
import Interstice

/// `interstice batch merge OUT STORE…`: join shard stores into one.
struct BatchMergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Join results stores (the shards of one manifest) into one.",
        discussion: """
        A job done in any input is taken with its rows; a job failed or pending everywhere is \
        taken as it is. OUT may exist already: inputs are added to it.

        Example:
          interstice batch merge all shards/1 shards/2 shards/3
        """
    )

    @Argument(help: ArgumentHelp("The merged results folder (or .sqlite file).", valueName: "out"))
    var out: String

    @Argument(help: ArgumentHelp("Results folders or their results.sqlite files.", valueName: "store"))
    var stores: [String]

    @Flag(help: "Wait for a batch that is using the output store, instead of failing.")
    var wait = false

    func validate() throws {
        guard !stores.isEmpty else { throw ValidationError("give at least one store to merge") }
    }

    func run() throws {
        try reportingFailures {
            let target = out.hasSuffix(".sqlite") ? out : (out as NSString).appendingPathComponent("results.sqlite")
            var text = ""
            var paths: [String] = []
            for s in stores {
                let path = BatchCommand.storePath(s)
                guard FileManager.default.fileExists(atPath: path) else {
                    throw GraphIOError(.missingInput, file: path, "no results store here")
                }
                guard URL(fileURLWithPath: path).standardizedFileURL != URL(fileURLWithPath: target).standardizedFileURL else {
                    throw GraphIOError(.unsupported, file: path, "cannot merge a store into itself")
                }
                paths.append(path)
            }
            let lock = try StoreLock(store: target, wait: wait)
            defer { lock.release() }
            let (taken, counts) = try ResultStore.merge(paths, into: target)
            for (path, n) in zip(paths, taken) { text += "\(path): \(n) jobs\n" }
            text += "\(target): " + counts.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ") + "\n"
            try OutputFile.write(Array(text.utf8), to: "-")
        }
    }
}
