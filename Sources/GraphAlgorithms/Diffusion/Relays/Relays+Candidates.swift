import GraphCore

/// Which relays a search may propose.
public enum RelayCandidateSet: Sendable, Hashable {
    /// Actors: every actor outside the collective. Ties: a participant with an actor outside the
    /// collective in another organization (a delegate meets a colleague of a partner).
    case actorsOutside
    /// Actors: the managers outside the collective (someone reports to them, or they head an
    /// organization). Ties: a participant with a manager of another organization.
    case managers
    /// Actors: every node outside the collective but organizations and collectives. Ties: every
    /// pair of actors in different organizations.
    case all
    /// Actors: these ids. Ties: `a:b` is the tie a–b; a lone id `a` stands for every tie from `a`
    /// to an actor of another organization.
    case ids([String])

    /// Parses `actors-outside`, `managers`, `all`, or comma-separated ids.
    public init(parsing text: String) throws(RelayError) {
        switch text {
        case "actors-outside": self = .actorsOutside
        case "managers": self = .managers
        case "all": self = .all
        default:
            let ids = text.split(separator: ",").map { String($0).trimmingSpaces }.filter { !$0.isEmpty }
            guard !ids.isEmpty else { throw RelayError("--candidates: expected actors-outside, managers, all or ids, found \"\(text)\"") }
            self = .ids(ids)
        }
    }
}

/// What a relay adds.
public enum RelayKind: String, Sendable, Hashable, CaseIterable {
    /// Actors who join the collective.
    case actors
    /// Ties between actors.
    case ties
}

extension String {
    fileprivate var trimmingSpaces: String {
        var s = Substring(self)
        while s.first == " " { s.removeFirst() }
        while s.last == " " { s.removeLast() }
        return String(s)
    }
}

extension Network {
    /// The managers outside the collective: actors someone reports to (`reports_to` targets) and
    /// the heads of the frame's organizations, ascending.
    /// - Complexity: O(n + m_reports_to).
    public func relayManagers(frame: OrganizationFrame) -> [Int32] {
        var isManager = [Bool](repeating: false, count: nodeCount)
        if let l = layer(.reportsTo) {
            for e in 0..<l.edgeCount where l.sources[e] != l.targets[e] { isManager[Int(l.targets[e])] = true }
        }
        for h in frame.heads where h >= 0 && Int(h) < nodeCount { isManager[Int(h)] = true }
        let participant = frame.participants.mask(nodeCount: nodeCount)
        return (0..<nodeCount).filter { isManager[$0] && !participant[$0] && kinds[$0] == .actor }.map { Int32($0) }
    }

    /// The candidate relays of a search, in a fixed order (ascending nodes; ties by endpoints).
    ///
    /// Tie candidates join actors of different organizations (sharing none) that are not yet tied
    /// through the channels: no arc either way when the added tie transmits both ways, no arc
    /// `from → to` when it is directed (then both orientations are candidates).
    ///
    /// - Parameter graph: the diffusion graph of the channels, to know who is already tied.
    /// - Throws: ``RelayError`` for an unknown id, or an actor already in the collective.
    /// - Complexity: O(n + m) for actors; O(pairs) for ties.
    public func relayCandidates(_ set: RelayCandidateSet, adding kind: RelayKind, frame: OrganizationFrame,
                                graph: DiffusionGraph, tie: RelayTie) throws(RelayError) -> [RelayCandidate] {
        let n = nodeCount
        let participant = frame.participants.mask(nodeCount: n)
        let orgKind = organizationKind
        func isActor(_ v: Int) -> Bool { kinds[v] == .actor }
        func node(_ id: String) throws(RelayError) -> Int32 {
            guard let v = index(of: id) else { throw RelayError("no node has the id \"\(id)\"") }
            return v
        }
        switch kind {
        case .actors:
            switch set {
            case .actorsOutside:
                return (0..<n).filter { isActor($0) && !participant[$0] }.map { .actor(Int32($0)) }
            case .managers:
                return relayManagers(frame: frame).map { .actor($0) }
            case .all:
                return (0..<n).filter { !participant[$0] && !kinds[$0].isContext(organizationKind: orgKind) }
                    .map { .actor(Int32($0)) }
            case .ids(let ids):
                var out = Set<Int32>()
                for id in ids {
                    guard !id.contains(":") else { throw RelayError("\"\(id)\" is a tie; give actor ids with --add actors") }
                    let v = try node(id)
                    guard !participant[Int(v)] else { throw RelayError("\"\(id)\" is already in the collective") }
                    out.insert(v)
                }
                return out.sorted().map { .actor($0) }
            }
        case .ties:
            let orgs = frame.organizations
            var arcs = Set<UInt64>(minimumCapacity: graph.arcCount)
            for u in 0..<graph.nodeCount {
                for a in graph.offsets[u]..<graph.offsets[u + 1] {
                    arcs.insert(UInt64(UInt32(u)) << 32 | UInt64(UInt32(graph.targets[a])))
                }
            }
            func tied(_ u: Int32, _ v: Int32) -> Bool { arcs.contains(UInt64(UInt32(u)) << 32 | UInt64(UInt32(v))) }
            func acrossOrganizations(_ u: Int32, _ v: Int32) -> Bool {
                guard Int(u) < orgs.nodeCount, Int(v) < orgs.nodeCount else { return true }
                let gv = orgs.groups(of: v)
                return !orgs.groups(of: u).contains { gv.contains($0) }
            }
            var out: [RelayCandidate] = []
            var seen = Set<RelayCandidate>()
            func consider(_ u: Int32, _ v: Int32) {
                guard u != v, acrossOrganizations(u, v) else { return }
                if tie.bothWays {
                    guard !tied(u, v), !tied(v, u) else { return }
                    let c = RelayCandidate.tie(min(u, v), max(u, v))
                    if seen.insert(c).inserted { out.append(c) }
                } else {
                    for (a, b) in [(u, v), (v, u)] where !tied(a, b) {
                        let c = RelayCandidate.tie(a, b)
                        if seen.insert(c).inserted { out.append(c) }
                    }
                }
            }
            let actors = (0..<n).filter(isActor).map { Int32($0) }
            let inside = actors.filter { participant[Int($0)] }
            switch set {
            case .actorsOutside:
                for p in inside { for a in actors where !participant[Int(a)] { consider(p, a) } }
            case .managers:
                let managers = relayManagers(frame: frame)
                for p in inside { for m in managers { consider(p, m) } }
            case .all:
                for (i, u) in actors.enumerated() { for v in actors[(i + 1)...] { consider(u, v) } }
            case .ids(let ids):
                for id in ids {
                    let parts = id.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
                    if parts.count == 2 {
                        let u = try node(parts[0]), v = try node(parts[1])
                        guard u != v else { throw RelayError("the tie \"\(id)\" joins a node to itself") }
                        let c = RelayCandidate.tie(tie.bothWays ? min(u, v) : u, tie.bothWays ? max(u, v) : v)
                        if seen.insert(c).inserted { out.append(c) }
                    } else if parts.count == 1 {
                        let u = try node(id)
                        for a in actors { consider(u, a) }
                    } else {
                        throw RelayError("expected an id or a tie a:b, found \"\(id)\"")
                    }
                }
            }
            return out.sorted { a, b in
                guard case .tie(let a0, let a1) = a, case .tie(let b0, let b1) = b else { return false }
                return (a0, a1) < (b0, b1)
            }
        }
    }
}
