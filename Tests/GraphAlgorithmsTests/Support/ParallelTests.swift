import Testing
import GraphCore
@testable import GraphAlgorithms

/// The chunked parallel loops and the shortest-path scratch.
@Suite struct ParallelTests {
    @Test(arguments: [1, 2, 3, 8])
    func everyIndexOnceAndSumsIndependentOfThreads(_ threads: Int) {
        let count = 10_007
        var hits = [Int](repeating: 0, count: count)
        hits.withUnsafeMutableBufferPointer { h in
            let p = SharedPointer(h.baseAddress!)
            Parallel.forEach(count: count, chunk: 64, threads: threads) { r in for i in r { p[i] += 1 } }
        }
        #expect(hits.allSatisfy { $0 == 1 })
        // Terms of very different magnitudes: a different grouping would change the last bits.
        var terms = [Double](repeating: 0, count: count)
        for i in 0..<count {
            let scale: Double = i % 7 == 0 ? 1e8 : 1
            terms[i] = scale / Double(i + 1)
        }
        let s = terms.withUnsafeBufferPointer { t in
            Parallel.sum(count: count, chunk: 100, threads: threads) { r in r.reduce(0.0) { $0 + t[$1] } }
        }
        let reference = terms.withUnsafeBufferPointer { t in
            Parallel.sum(count: count, chunk: 100, threads: 1) { r in r.reduce(0.0) { $0 + t[$1] } }
        }
        #expect(s == reference)
    }

    @Test func workersAreBounded() {
        #expect(Parallel.workers(4, work: 2) == 2)
        #expect(Parallel.workers(0, work: 1_000) >= 1)
        #expect(Parallel.workers(3, work: 0) == 1)
    }

    /// BFS and Dijkstra on a small weighted graph: distances, path counts and the reset.
    @Test func pathScratchCountsShortestPaths() {
        // 0–1 (1), 0–2 (1), 1–3 (1), 2–3 (1), 0–3 (3): two shortest 0→3 paths of length 2 when
        // weighted; one hop when unweighted.
        var b = GraphBuilder(nodeCount: 4, direction: .undirected, weighted: true)
        for (u, v, w) in [(0, 1, 1.0), (0, 2, 1), (1, 3, 1), (2, 3, 1), (0, 3, 3)] { b.addEdge(Int32(u), Int32(v), weight: w) }
        let g = b.build()
        let s = PathScratch(nodeCount: 4)
        g.withView { view in
            s.reset()
            s.dijkstra(view, from: 0, countPaths: true)
            #expect(s.dist[3] == 2 && s.sigma[3] == 2 && s.reached == 4)
            s.reset()
            #expect(s.dist[3] == .infinity && s.sigma[3] == 0 && s.level[3] == -1)
            s.bfs(view, from: 0, countPaths: true)
            #expect(s.level[3] == 1 && s.sigma[3] == 1)
            s.reset()
            s.bfs(view, from: 1, countPaths: true, stopAt: 2)
            #expect(s.level[2] == 2 && s.sigma[2] == 2)
        }
    }
}
