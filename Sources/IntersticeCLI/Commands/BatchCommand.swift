import ArgumentParser
import Batch
import Foundation
import Interstice

/// `interstice batch MANIFEST.yaml` (and `batch export`, `batch merge`): many jobs over many
/// datasets into one results store.
struct BatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batch",
        abstract: "Run a manifest's analyses over its datasets into a resumable SQLite results store; export or merge stores.",
        discussion: """
        interstice batch MANIFEST.yaml runs every job of the manifest (datasets × analyses × \
        parameter combinations) into OUTPUT/results.sqlite. Run it again to resume: jobs done \
        already are skipped (unless --force). --shard k/n runs every n-th job, so n machines \
        share one manifest; batch merge joins their stores.

        Example:
          interstice batch Datasets/case-studies-sweep.yaml --jobs 2
          interstice batch sweep.yaml --shard 3/8 --output shards/3
          interstice batch merge all shards/1 shards/2 shards/3
          interstice batch export all --format csv
        """,
        subcommands: [BatchRunCommand.self, BatchExportCommand.self, BatchMergeCommand.self],
        defaultSubcommand: BatchRunCommand.self
    )

    /// A store given as its folder or its file.
    static func storePath(_ path: String) -> String {
        DatasetFolder.isFolder(path) ? (path as NSString).appendingPathComponent("results.sqlite") : path
    }
}
