import Foundation
import Interstice

/// A batch manifest: datasets, analyses with parameter grids, where results go.
///
/// ```yaml
/// seed: 1
/// datasets:
///   - Datasets/chalon-sur-saone          # a folder or a graph file
///   - Datasets/*-*/                      # a glob (sorted matches)
///   - {path: graph.edges, directed: true, relation: exchange}
/// analyses:
///   - info
///   - centrality: {measures: [degree, betweenness, pagerank]}
///   - diffuse:
///       model: [ic, lt, complex]         # a list for a scalar parameter is a grid
///       theta: [0.1, 0.3, 0.5, 0.7, 0.9]
///       runs: 500
/// output: results/theta-sweep            # relative to the manifest's folder
/// ```
///
/// Paths are relative to the manifest's folder. Every problem found while reading (YAML syntax,
/// an unknown key or analysis, a parameter of the wrong type, a dataset that does not exist) is
/// a ``GraphIOError`` with the manifest's line and column, raised before any job runs.
public struct Manifest: Sendable {
    /// A position in the manifest (1-based line and column).
    public struct Location: Sendable, Hashable, CustomStringConvertible {
        public let line: Int
        public let column: Int
        public var description: String { "\(line):\(column)" }
    }

    /// A dataset a job reads.
    public struct Dataset: Sendable, Hashable {
        /// The path as the manifest wrote it, or a glob's match relative to the manifest's
        /// folder: what the results store records (the same on every machine).
        public let name: String
        /// Where to read it from the current directory.
        public let path: String
        /// The input format (nil: from the name).
        public let format: GraphFormat?
        /// Edge and adjacency lists: direction and relation.
        public let options: ReadOptions
        /// A node attribute whose values are the organizations (`organizations_from`).
        public var organizationsFrom: String? = nil

        /// The catalogue's request for reading it.
        public var request: DatasetRequest {
            DatasetRequest(path: path, format: format, options: options, organizationsFrom: organizationsFrom)
        }

        /// The read options as they enter a job's key.
        public var optionsJSON: JSONValue {
            var fields: [(String, JSONValue)] = [("format", format.map { .string($0.rawValue) } ?? .null),
                                                 ("directed", options.directed.map { .bool($0) } ?? .null),
                                                 ("relation", .string(options.relation.rawValue))]
            if let organizationsFrom { fields.append(("organizations_from", .string(organizationsFrom))) }
            return .object(fields)
        }
    }

    /// One analysis entry: fixed parameters and grid axes.
    public struct Analysis: Sendable, Hashable {
        public let kind: AnalysisKind
        public let location: Location
        /// Parameters with one value, canonical, including defaults.
        public let fixed: [String: JSONValue]
        /// Grid axes in manifest order: each parameter and its values.
        public let grid: [Axis]

        public struct Axis: Sendable, Hashable {
            public let name: String
            public let values: [JSONValue]
        }

        /// Number of parameter combinations.
        /// Number of parameter combinations (`Int.max` when it overflows).
        public var combinations: Int {
            grid.reduce(1) { c, axis in
                let (p, o) = c.multipliedReportingOverflow(by: axis.values.count)
                return o ? Int.max : p
            }
        }
    }

    /// The manifest file (as given).
    public let file: String
    /// The folder relative paths start from.
    public let folder: String
    /// A name for the run (default: the file's name without extension).
    public let name: String
    /// The seed of every randomized analysis that does not set its own.
    public let seed: UInt64
    public let datasets: [Dataset]
    public let analyses: [Analysis]
    /// The output folder from the manifest, resolved against its folder.
    public let output: String?
    /// SHA-256 of the manifest's bytes, hex.
    public let digest: String
    /// Things to know that are not errors, with their location (a dataset listed twice).
    public let warnings: [String]
}
