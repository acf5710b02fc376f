import GraphCore

/// Null models: networks that keep some features of the observed one and randomize the rest,
/// to tell whether a reach differs from chance.
public enum NullModel: String, Sendable, Hashable, CaseIterable {
    /// Degree-preserving rewiring of every tie relation (Maslov and Sneppen 2002 double-edge
    /// swaps, directed swaps for directed relations) that also keeps each actor's memberships and
    /// the number of ties between organizations: a swap is accepted only when it leaves the
    /// count of cross-organization ties unchanged.
    case organizationPreserving = "organization-preserving"
    /// Plain degree-preserving rewiring (the configuration model by swaps).
    case configuration
    /// Permutation of organization labels: the `member` edges' organizations are shuffled among
    /// the actors (organization sizes and each actor's number of memberships are kept), ties kept.
    case labelPermutation = "label-permutation"
    /// Keeps every tie that touches a participant of the collective, and rewires only the ties
    /// among non-participants, as ``organizationPreserving`` does (degrees in each relation,
    /// memberships, so organization sizes, and the number of cross-organization ties among them).
    /// It asks whether the organizations' own fabric, around a collective taken as it is
    /// documented, carries an invention further than chance would; the organization-preserving
    /// null instead re-points the collective's internal ties (which carry nothing out, since
    /// participants all hold the invention) towards non-participants, so any collective "fails"
    /// that comparison by construction.
    case collectivePreserving = "collective-preserving"

    /// A randomized copy of `network`.
    ///
    /// - Parameters:
    ///   - swapsPerEdge: attempted swaps per edge of each rewired relation (10 is customary).
    ///   - relations: the tie relations to rewire (default: all but `member` and `participant`).
    ///   - participants: the collective's participants, whose ties `collectivePreserving`
    ///     keeps (nil: the participants of every collective of the network); the other models
    ///     do not use it.
    /// - Complexity: O(swapsPerEdge · m) for rewiring (with a hash set of the edges for
    ///   simplicity checks), O(m_member) for the permutation.
    public func sample(_ network: Network, rng: inout SplitMix64, swapsPerEdge: Int = 10,
                       relations: [Relation]? = nil, participants: [Int32]? = nil) -> Network {
        switch self {
        case .labelPermutation: return permuteLabels(network, &rng)
        case .configuration, .organizationPreserving, .collectivePreserving:
            let orgs = self == .configuration ? nil : network.organizations()
            var out = network
            let chosen = Set(network.selectedLayers(relations).map(\.relation))
            var frozen: [Bool]? = nil
            if self == .collectivePreserving {
                var f = [Bool](repeating: false, count: network.nodeCount)
                for v in participants ?? network.collectives.flatMap(\.participants.members) where Int(v) < f.count {
                    f[Int(v)] = true
                }
                frozen = f
            }
            out.rewire(relations: chosen, organizations: orgs, swapsPerEdge: swapsPerEdge, rng: &rng, frozen: frozen)
            return out
        }
    }

    func permuteLabels(_ network: Network, _ rng: inout SplitMix64) -> Network {
        guard let l = network.layer(.member) else { return network }
        let orgKind = network.organizationKind
        // Positions of member edges whose target is an organization; shuffle those targets.
        var positions: [Int] = []
        for e in 0..<l.edgeCount where network.kinds[Int(l.targets[e])] == orgKind { positions.append(e) }
        var targets = positions.map { l.targets[$0] }
        for i in stride(from: targets.count - 1, to: 0, by: -1) { targets.swapAt(i, rng.next(below: i + 1)) }
        var out = network
        out.replaceTargets(relation: .member, positions: positions, with: targets)
        return out
    }
}

extension Network {
    /// Rewires the given relations in place by double-edge swaps that keep every node's degree in
    /// each relation (in- and out-degree for directed ones), never creating a self-loop or a
    /// parallel edge; with `organizations`, only swaps that keep the number of ties between
    /// organizations are accepted; with `frozen`, only edges between two nodes that are not
    /// frozen are swapped (every edge touching a frozen node stays as it is).
    mutating func rewire(relations: Set<Relation>, organizations: Partition?, swapsPerEdge: Int,
                         rng: inout SplitMix64, frozen: [Bool]? = nil) {
        func sharesOrganization(_ a: Int32, _ b: Int32) -> Bool {
            guard let p = organizations else { return true }
            let ga = p.groups(of: a), gb = p.groups(of: b)
            if ga.isEmpty && gb.isEmpty { return true }
            return ga.contains { gb.contains($0) }
        }
        for layer in layers where relations.contains(layer.relation) {
            let directed = layer.direction == .directed
            var src = layer.sources, dst = layer.targets
            // The edges that may move (all, unless some nodes are frozen), in edge order.
            let pool: [Int]
            if let frozen {
                pool = (0..<src.count).filter { !frozen[Int(src[$0])] && !frozen[Int(dst[$0])] }
            } else {
                pool = Array(0..<src.count)
            }
            let m = pool.count
            guard m >= 2 else { continue }
            func key(_ u: Int32, _ v: Int32) -> UInt64 {
                let (a, b) = directed || u < v ? (u, v) : (v, u)
                return UInt64(UInt32(a)) << 32 | UInt64(UInt32(b))
            }
            var present = Set<UInt64>(minimumCapacity: m)
            for e in 0..<src.count { present.insert(key(src[e], dst[e])) }
            for _ in 0..<(swapsPerEdge * m) {
                let e1 = pool[rng.next(below: m)], e2 = pool[rng.next(below: m)]
                guard e1 != e2 else { continue }
                var a = src[e1], b = dst[e1]
                let c = src[e2], d = dst[e2]
                // Undirected edges may be swapped in either orientation.
                if !directed && rng.next() & 1 == 1 { swap(&a, &b) }
                // (a, b), (c, d) → (a, d), (c, b)
                guard a != d, c != b, a != c, b != d else { continue }
                guard !present.contains(key(a, d)), !present.contains(key(c, b)) else { continue }
                if organizations != nil {
                    let before = (sharesOrganization(a, b) ? 0 : 1) + (sharesOrganization(c, d) ? 0 : 1)
                    let after = (sharesOrganization(a, d) ? 0 : 1) + (sharesOrganization(c, b) ? 0 : 1)
                    guard before == after else { continue }
                }
                present.remove(key(a, b)); present.remove(key(c, d))
                present.insert(key(a, d)); present.insert(key(c, b))
                src[e1] = a; dst[e1] = d
                src[e2] = c; dst[e2] = b
            }
            replaceEndpoints(relation: layer.relation, sources: src, targets: dst)
        }
    }

    /// Replaces the targets of some edges of a relation.
    mutating func replaceTargets(relation: Relation, positions: [Int], with targets: [Int32]) {
        guard let l = layer(relation) else { return }
        var dst = l.targets
        for (k, e) in positions.enumerated() { dst[e] = targets[k] }
        replaceEndpoints(relation: relation, sources: l.sources, targets: dst)
    }
}
