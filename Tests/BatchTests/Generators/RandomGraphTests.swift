import Interstice
import Testing

/// Checks every invariant a generated simple graph must hold.
func expectSimple(_ g: GeneratedGraph, sourceLocation: SourceLocation = #_sourceLocation) {
    var last: (Int32, Int32)? = nil
    for i in 0..<g.edgeCount {
        let e = (g.sources[i], g.targets[i])
        #expect(e.0 >= 0 && e.1 < Int32(g.nodeCount), sourceLocation: sourceLocation)
        #expect(e.0 < e.1, "self-loop or unordered pair \(e)", sourceLocation: sourceLocation)
        if let l = last { #expect(l.0 < e.0 || (l.0 == e.0 && l.1 < e.1), "edges not sorted or repeated", sourceLocation: sourceLocation) }
        last = e
    }
}

@Suite("Generators: Barabási–Albert")
struct BarabasiAlbertTests {
    @Test("m(n − m) edges, as networkx (barabasi_albert_graph(100, 3) has 291)", arguments: [(100, 3), (10, 1), (50, 7), (8, 7), (1000, 2)])
    func edgeCount(n: Int, m: Int) throws {
        let g = try BarabasiAlbert(nodes: n, attachments: m).generate(seed: 11)
        #expect(g.nodeCount == n)
        #expect(g.edgeCount == m * (n - m))
        expectSimple(g)
    }

    @Test("Every node added after the star has degree ≥ m; the star's leaves ≥ 1; the degree sum is 2m(n − m)")
    func degrees() throws {
        let (n, m) = (500, 4)
        let d = try BarabasiAlbert(nodes: n, attachments: m).generate(seed: 3).degrees
        #expect(d.reduce(0, +) == 2 * m * (n - m))
        #expect(d[0] >= m)
        for v in 1...m { #expect(d[v] >= 1) }
        for v in (m + 1)..<n { #expect(d[v] >= m) }
        // Preferential attachment: the oldest nodes collect far more than the average degree 2m(n−m)/n ≈ 8.
        #expect(d[0..<10].max()! > 30)
    }

    @Test("m = 1 gives a tree: n − 1 edges, one component")
    func tree() throws {
        let g = try BarabasiAlbert(nodes: 300, attachments: 1).generate(seed: 9)
        #expect(g.edgeCount == 299)
        #expect(Components.weak(g.graph()).count == 1)
    }

    @Test("Same seed, same graph; another seed, another graph")
    func seeded() throws {
        let a = try BarabasiAlbert(nodes: 200, attachments: 2).generate(seed: 42)
        #expect(a == (try BarabasiAlbert(nodes: 200, attachments: 2).generate(seed: 42)))
        #expect(a != (try BarabasiAlbert(nodes: 200, attachments: 2).generate(seed: 43)))
    }

    @Test("m outside 1…n−1 is refused")
    func bad() {
        #expect(throws: AlgorithmError.self) { try BarabasiAlbert(nodes: 5, attachments: 5).generate(seed: 1) }
        #expect(throws: AlgorithmError.self) { try BarabasiAlbert(nodes: 5, attachments: 0).generate(seed: 1) }
    }
}

@Suite("Generators: Erdős–Rényi")
struct ErdosRenyiTests {
    @Test("G(n, m) has exactly m edges, from none to every pair", arguments: [(30, 0), (30, 1), (30, 200), (30, 435), (1000, 5000)])
    func gnmCount(n: Int, m: Int) throws {
        let g = try ErdosRenyiGNM(nodes: n, edges: m).generate(seed: 5)
        #expect(g.edgeCount == m)
        expectSimple(g)
    }

    @Test("G(n, m) pairs are uniform: the share of edges inside the first half of the nodes is ≈ 0.2497")
    func gnmUniform() throws {
        // Pairs inside nodes 0..<500 of 1000: 500·499/2 / 499500 = 0.24975; over 20 × 5000 edges the
        // binomial standard deviation of the share is 0.00137, so ±0.006 is over 4 sd.
        var inside = 0, total = 0
        for s in 1...20 {
            let g = try ErdosRenyiGNM(nodes: 1000, edges: 5000).generate(seed: UInt64(s))
            for i in 0..<g.edgeCount where g.targets[i] < 500 { inside += 1 }
            total += g.edgeCount
        }
        #expect(abs(Double(inside) / Double(total) - 0.24975) < 0.006)
    }

    @Test("G(n, p): p = 0 gives no edge, p = 1 every pair")
    func gnpExtremes() throws {
        #expect(try ErdosRenyiGNP(nodes: 50, probability: 0).generate(seed: 1).edgeCount == 0)
        let full = try ErdosRenyiGNP(nodes: 50, probability: 1).generate(seed: 1)
        #expect(full.edgeCount == 1225)
        expectSimple(full)
        #expect(try ErdosRenyiGNP(nodes: 1, probability: 1).generate(seed: 1).edgeCount == 0)
        #expect(try ErdosRenyiGNP(nodes: 0, probability: 0.5).generate(seed: 1).edgeCount == 0)
    }

    @Test("G(n, p) edge counts follow Binomial(n(n−1)/2, p), and pairs are uniform")
    func gnpCounts() throws {
        // n = 2000, p = 0.01: mean 19990, sd 140.7. Each draw within 5 sd; the mean of 10 within 4 sd/√10.
        var sum = 0, inside = 0
        for s in 1...10 {
            let g = try ErdosRenyiGNP(nodes: 2000, probability: 0.01).generate(seed: UInt64(s))
            expectSimple(g)
            #expect(abs(Double(g.edgeCount) - 19990) < 5 * 140.7)
            sum += g.edgeCount
            for i in 0..<g.edgeCount where g.targets[i] < 1000 { inside += 1 }
        }
        #expect(abs(Double(sum) / 10 - 19990) < 4 * 140.7 / 10.0.squareRoot())
        // Share of pairs inside the first half: 1000·999/2 / 1999000 = 0.24987.
        #expect(abs(Double(inside) / Double(sum) - 0.24987) < 0.006)
    }

    @Test("Same seed, same graph")
    func seeded() throws {
        #expect(try ErdosRenyiGNP(nodes: 300, probability: 0.05).generate(seed: 8) == ErdosRenyiGNP(nodes: 300, probability: 0.05).generate(seed: 8))
        #expect(try ErdosRenyiGNM(nodes: 300, edges: 900).generate(seed: 8) == ErdosRenyiGNM(nodes: 300, edges: 900).generate(seed: 8))
    }

    @Test("Bad parameters are refused")
    func bad() {
        #expect(throws: AlgorithmError.self) { try ErdosRenyiGNP(nodes: 5, probability: 1.5).generate(seed: 1) }
        #expect(throws: AlgorithmError.self) { try ErdosRenyiGNM(nodes: 5, edges: 11).generate(seed: 1) }
        #expect(throws: AlgorithmError.self) { try ErdosRenyiGNM(nodes: -1, edges: 0).generate(seed: 1) }
    }
}

@Suite("Generators: Watts–Strogatz")
struct WattsStrogatzTests {
    @Test("p = 0 is the ring lattice: every degree 2⌊k/2⌋, edges (u, u + j)")
    func ring() throws {
        let g = try WattsStrogatz(nodes: 20, neighbours: 4, rewiring: 0).generate(seed: 1)
        #expect(g.edgeCount == 40)
        #expect(g.degrees.allSatisfy { $0 == 4 })
        let pairs = Set(zip(g.sources, g.targets).map { "\($0)-\($1)" })
        for u in 0..<20 {
            for j in 1...2 {
                let v = (u + j) % 20
                #expect(pairs.contains("\(min(u, v))-\(max(u, v))"))
            }
        }
    }

    @Test("Rewiring keeps n·⌊k/2⌋ edges (networkx: watts_strogatz_graph(100, 5, 0.3) has 200)", arguments: [0.0, 0.1, 0.3, 1.0])
    func count(p: Double) throws {
        let g = try WattsStrogatz(nodes: 100, neighbours: 5, rewiring: p).generate(seed: 4)
        #expect(g.edgeCount == 200)
        #expect(g.degrees.reduce(0, +) == 400)
        expectSimple(g)
    }

    @Test("Rewiring moves about a share p of the ring's edges")
    func moved() throws {
        // 1000 nodes, k = 4: 2000 ring edges, each rewired with p = 0.2 (sd of the count 17.9).
        let g = try WattsStrogatz(nodes: 1000, neighbours: 4, rewiring: 0.2).generate(seed: 2)
        var ring = 0
        for i in 0..<g.edgeCount {
            let d = Int(g.targets[i] - g.sources[i])
            if d == 1 || d == 2 || d == 998 || d == 999 { ring += 1 }
        }
        // A rewired edge lands back on a ring pair with probability ≈ 4/1000: negligible.
        #expect(abs(Double(2000 - ring) - 400) < 5 * 17.9)
    }

    @Test("A dense ring (k = n − 1) cannot rewire and stays complete")
    func complete() throws {
        let g = try WattsStrogatz(nodes: 7, neighbours: 6, rewiring: 1).generate(seed: 1)
        #expect(g.edgeCount == 21)
        expectSimple(g)
    }

    @Test("Bad parameters are refused")
    func bad() {
        #expect(throws: AlgorithmError.self) { try WattsStrogatz(nodes: 5, neighbours: 5, rewiring: 0.1).generate(seed: 1) }
        #expect(throws: AlgorithmError.self) { try WattsStrogatz(nodes: 5, neighbours: 2, rewiring: -0.1).generate(seed: 1) }
    }
}
