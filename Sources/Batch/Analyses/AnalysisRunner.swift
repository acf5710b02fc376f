import Interstice

/// Runs one job's analysis on its (already read) dataset.
enum AnalysisRunner {
    /// - Parameter threads: worker threads inside the job (results do not depend on it: the
    ///   library's parallel loops and Monte Carlo tallies are bit-identical for any count).
    static func run(_ job: Job, network: Network, threads: Int) throws(JobFailure) -> JobOutput {
        let p = Parameters(values: job.parameters)
        switch job.analysis {
        case .info: return InfoAnalysis.run(network)
        case .centrality: return try CentralityAnalysis.run(network, p, threads: threads)
        case .diffuse: return try DiffusionAnalysis.diffuse(network, p, threads: threads)
        case .reach: return try DiffusionAnalysis.reach(network, p, threads: threads)
        case .render: throw JobFailure("render: this build has no renderer")
        }
    }
}
