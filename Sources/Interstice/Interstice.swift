// The umbrella module: `import Interstice` brings the graph core, the algorithms and the
// readers and writers.
@_exported import GraphCore
@_exported import GraphAlgorithms
@_exported import GraphIO
