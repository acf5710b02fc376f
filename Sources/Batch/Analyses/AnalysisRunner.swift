import Interstice

/// Runs one job's analysis on its (already read) dataset.
enum AnalysisRunner {
    /// - Parameter threads: worker threads inside a diffusion job (its Monte Carlo tallies are
    ///   bit-identical for any count). Centrality jobs use their `threads` parameter instead,
    ///   part of their key, because some sums (betweenness) differ in the last bit between
    ///   thread counts: so the same manifest gives the same rows whatever `--jobs`.
    /// - Parameter folder: the store's folder, where render jobs write their diagrams.
    static func run(_ job: Job, network: Network, threads: Int, folder: String) throws(JobFailure) -> JobOutput {
        let p = Parameters(values: job.parameters)
        switch job.analysis {
        case .info: return InfoAnalysis.run(network)
        case .centrality: return try CentralityAnalysis.run(network, p)
        case .diffuse: return try DiffusionAnalysis.diffuse(network, p, threads: threads)
        case .reach: return try DiffusionAnalysis.reach(network, p, threads: threads)
        case .render: return try RenderAnalysis.run(job, network, p, folder: folder)
        }
    }
}
