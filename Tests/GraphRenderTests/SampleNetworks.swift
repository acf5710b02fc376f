import GraphCore

/// Small hand-made networks for the rendering tests.
enum SampleNetworks {
    /// A stylized partnership: 5 organizations, 16 actors (one per organization), a collective
    /// with 5 participants, acquaintance, weighted exchange and reports_to ties.
    static func partnership() -> Network {
        var net = Network()
        net.metadata.name = "sample"
        let orgs: [(String, String)] = [("ccas", "CCAS Maison de quartier"), ("cg71", "CG71 service social"),
                                        ("pe", "Pôle emploi"), ("afpa", "Organisme de formation"), ("plie", "PLIE")]
        var orgIndex: [Int32] = []
        for (id, label) in orgs { orgIndex.append(try! net.addNode(id, kind: .organization, label: label)) }
        let actors: [(String, String, Int)] = [
            ("dir", "Directeur MQ", 0), ("anim", "Animatrice", 0), ("as1", "AS 1", 1), ("as2", "AS 2", 1),
            ("as3", "AS 3 <new>", 1), ("cds", "Chef de service", 1), ("ci1", "Conseiller 1", 2), ("ci2", "Conseillère 2", 2),
            ("dirpe", "Directrice agence", 2), ("form", "Formatrice", 3), ("coord", "Coordinatrice \"AFPA\"", 3),
            ("del", "Déléguée insertion", 4), ("del2", "Délégué 2", 4), ("chef", "Cheffe de projet PLIE", 4),
            ("tr", "Trésorier", 4), ("vol", "Bénévole", 0),
        ]
        var a: [String: Int32] = [:]
        for (id, label, o) in actors {
            let v = try! net.addNode(id, kind: .actor, label: label)
            a[id] = v
            try! net.addEdge(v, orgIndex[o], relation: .member)
        }
        let team = try! net.addNode("equipe", kind: .collective, label: "Équipe chantier")
        for p in ["dir", "as1", "as2", "ci1", "del"] { try! net.addEdge(a[p]!, team, relation: .participant) }
        let acq: [(String, String, Double)] = [("as1", "dir", 3), ("as1", "as2", 2), ("as1", "as3", 1), ("as2", "del", 2),
                                               ("del", "ci1", 1), ("dir", "anim", 3), ("ci1", "ci2", 2), ("form", "coord", 1),
                                               ("chef", "del", 2), ("del2", "chef", 1), ("cds", "as1", 1), ("vol", "anim", 1)]
        for (u, v, w) in acq { try! net.addEdge(a[u]!, a[v]!, relation: .acquaintance, weight: w) }
        let ex: [(String, String, Double)] = [("as1", "dir", 5), ("dir", "as1", 2), ("del", "ci1", 4), ("ci1", "form", 1),
                                              ("as2", "del", 3), ("del", "as2", 3), ("coord", "del", 1), ("tr", "chef", 1)]
        for (u, v, w) in ex { try! net.addEdge(a[u]!, a[v]!, relation: .exchange, weight: w) }
        let reports: [(String, String)] = [("as1", "cds"), ("as2", "cds"), ("as3", "cds"), ("ci1", "dirpe"),
                                           ("ci2", "dirpe"), ("del", "chef"), ("del2", "chef")]
        for (u, v) in reports { try! net.addEdge(a[u]!, a[v]!, relation: .reportsTo) }
        return net
    }

    /// A random graph of `n` nodes and about `m` undirected edges (SplitMix64, seeded), with
    /// `groups` departments as an integer attribute.
    static func random(n: Int, m: Int, groups: Int = 8, seed: UInt64 = 1) -> Network {
        var net = Network()
        var rng = SplitMix64(seed: seed)
        for i in 0..<n {
            let v = net.node("v\(i)")
            try! net.setNodeAttribute("department", of: v, .integer(Int(rng.next() % UInt64(groups))))
        }
        for _ in 0..<m {
            let u = Int32(rng.next() % UInt64(n)), v = Int32(rng.next() % UInt64(n))
            if u != v { try! net.addEdge(u, v, relation: "email") }
        }
        return net
    }
}
