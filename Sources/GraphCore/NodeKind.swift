/// The kind of a node: the three of the domain, or any user-named kind (`event`, `village`).
public struct NodeKind: RawRepresentable, Hashable, Sendable, Comparable, ExpressibleByStringLiteral,
    CustomStringConvertible {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ name: String) { rawValue = name }
    public init(stringLiteral value: String) { rawValue = value }

    /// A person: social worker, delegate, director, adviser, trainer.
    public static let actor: NodeKind = "actor"
    /// An employer that delegates actors, or a territorial scheme.
    public static let organization: NodeKind = "organization"
    /// A partnership collective (an "équipe", a follow-up commission).
    public static let collective: NodeKind = "collective"
    /// A local unit of an institution (a district's social service), linked to it by `part_of`.
    public static let unit: NodeKind = "unit"
    /// The recurring sessions of a collective (its regular meeting), linked to it by `meeting_of`.
    public static let meeting: NodeKind = "meeting"

    /// Whether nodes of this kind are context rather than people: organizations (`organizationKind`),
    /// collectives, units and meetings. They are left out of the one-mode tie graph (centrality,
    /// density, relay candidates); other kinds (`event` of a two-mode network) stay in it.
    /// - Complexity: O(1).
    public func isContext(organizationKind: NodeKind) -> Bool {
        self == organizationKind || self == .collective || self == .unit || self == .meeting
    }

    /// The domain's kind this name is another spelling of (`organisation`, `structure`,
    /// `collectif`, `acteur`…; compared lowercased, accents folded), nil for the domain's own
    /// names and other kinds.
    public var canonical: NodeKind? {
        guard ![NodeKind.actor, .organization, .collective].contains(self) else { return nil }
        return NodeKind.aliases[foldedKey(rawValue)]
    }

    static let aliases: [String: NodeKind] = [
        "organisation": .organization, "organisations": .organization, "organizations": .organization,
        "org": .organization, "structure": .organization, "structures": .organization, "institution": .organization,
        "employeur": .organization, "employer": .organization,
        "collectif": .collective, "collectifs": .collective, "collectives": .collective, "committee": .collective,
        "comite": .collective, "equipe": .collective, "team": .collective,
        "acteur": .actor, "acteurs": .actor, "actors": .actor, "personne": .actor, "person": .actor,
        "professionnel": .actor, "professional": .actor,
    ]

    public var description: String { rawValue }
    public static func < (a: NodeKind, b: NodeKind) -> Bool { a.rawValue < b.rawValue }
}

/// A relation (one layer of the multiplex network): the five of the domain, or a user-named one.
public struct Relation: RawRepresentable, Hashable, Sendable, Comparable, ExpressibleByStringLiteral,
    CustomStringConvertible {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ name: String) { rawValue = name }
    public init(stringLiteral value: String) { rawValue = value }

    /// Interconnaissance: undirected, weight = strength or trust.
    public static let acquaintance: Relation = "acquaintance"
    /// Exchange of services: directed giver → receiver, weight = count or frequency.
    public static let exchange: Relation = "exchange"
    /// Belongs to: actor → organization.
    public static let member: Relation = "member"
    /// Takes part in: actor → collective.
    public static let participant: Relation = "participant"
    /// Hierarchy: actor → superior.
    public static let reportsTo: Relation = "reports_to"

    /// The direction a layer of this relation has unless the data says otherwise: undirected for
    /// acquaintance (and unknown relations), directed for the other four (also when spelled
    /// otherwise: `échange` is directed, see ``canonical``).
    public var defaultDirection: EdgeDirection {
        switch canonical ?? self {
        case .exchange, .member, .participant, .reportsTo: .directed
        default: .undirected
        }
    }

    /// The domain's relation this name is another spelling of (`connaissance` → acquaintance,
    /// `échange` → exchange, `hiérarchie` → reports_to, `membre` → member, `participation` →
    /// participant; compared lowercased, accents folded), nil for the domain's own names and
    /// for other relations.
    public var canonical: Relation? {
        guard ![Relation.acquaintance, .exchange, .member, .participant, .reportsTo].contains(self) else { return nil }
        return Relation.aliases[foldedKey(rawValue)]
    }

    /// The domain's name for this relation: ``canonical`` when it is another spelling, else itself.
    public var canonicalized: Relation { canonical ?? self }

    static let aliases: [String: Relation] = [
        "connaissance": .acquaintance, "interconnaissance": .acquaintance, "knows": .acquaintance,
        "acquaintances": .acquaintance,
        "echange": .exchange, "echanges": .exchange, "exchanges": .exchange,
        "hierarchie": .reportsTo, "hierarchy": .reportsTo, "reports-to": .reportsTo, "reportsto": .reportsTo,
        "superieur": .reportsTo,
        "membre": .member, "members": .member, "membership": .member, "appartenance": .member,
        "participe": .participant, "participation": .participant, "participants": .participant,
    ]

    public var description: String { rawValue }
    public static func < (a: Relation, b: Relation) -> Bool { a.rawValue < b.rawValue }
}

/// Lowercased, with the accents of French folded (é → e), for matching spellings.
func foldedKey(_ s: String) -> String {
    var out = ""
    for c in s.lowercased().unicodeScalars {
        switch c {
        case "à", "â", "ä", "á": out.append("a")
        case "é", "è", "ê", "ë": out.append("e")
        case "î", "ï", "í": out.append("i")
        case "ô", "ö", "ó": out.append("o")
        case "ù", "û", "ü", "ú": out.append("u")
        case "ç": out.append("c")
        default: out.unicodeScalars.append(c)
        }
    }
    return out
}
