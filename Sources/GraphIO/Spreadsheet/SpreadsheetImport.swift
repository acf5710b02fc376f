import GraphCore

/// Builds a native network from the two sheets an analyst keeps: PEOPLE (one row per person:
/// name, organization, function, whether they sit on the committee…) and TIES (one row per
/// tie: person 1, person 2, type of tie, frequency).
///
/// ```swift
/// let people = try Sheet.read("personnes.csv"), ties = try Sheet.read("liens.csv")
/// let result = try SpreadsheetImport.run(people: people, ties: ties)
/// try DatasetFolder.write(result.network, to: "chalon")
/// ```
///
/// What it makes (the model of the native format, README "The native dataset format"):
/// - an `actor` per person, its id the name as written (spaces and accents kept, whitespace
///   runs made one space); the function column becomes the attribute `role`, any other column
///   an attribute named by its header;
/// - an `organization` per distinct organization cell and a `member` edge person →
///   organization (a person on several rows with different organizations belongs to each);
/// - a `collective` per committee column, its id the column's header (`Comité de pilotage`),
///   and a `participant` edge from each person whose cell says yes;
/// - a tie per TIES row: `acquaintance` (undirected), `exchange` (directed, person 1 gives to
///   person 2) or `reports_to` (directed, person 1 → their superior), from the French or
///   English word in the relation column (connaissance, échange, hiérarchie…) or
///   ``Parameters/relationMap``; the weight from the frequency column (a decimal comma is
///   read), 1 when empty; other columns become edge attributes.
///
/// Columns are found by their headers (French or English, case and accents ignored) unless
/// named by the parameters. Every cell that cannot be read stops the import with its file, line
/// and column; a name TIES uses that PEOPLE does not have says which name is closest. A tie
/// listed twice (for an undirected relation, in either order) is kept once and reported.
///
/// Written by hand: no package maps spreadsheet columns to this domain's model.
/// - Complexity: O(cells) plus, for an error about an unknown name only, O(people · name length²).
public enum SpreadsheetImport {
    /// The column roles and words of an import; the initializer holds the defaults.
    public struct Parameters: Sendable, Hashable {
        /// PEOPLE: the column of names (a header, a 1-based number or a letter); nil: found by header.
        public var nameColumn: String?
        /// PEOPLE: the column of organizations; nil: found by header (none: no organizations).
        public var organizationColumn: String?
        /// PEOPLE: the column of functions (attribute `role`); nil: found by header.
        public var roleColumn: String?
        /// PEOPLE: the yes/no columns, one collective each; empty: found by header.
        public var collectiveColumns: [String]
        /// TIES: the first person's column; nil: found by header.
        public var sourceColumn: String?
        /// TIES: the second person's column; nil: found by header.
        public var targetColumn: String?
        /// TIES: the type of tie; nil: found by header (none: every tie is ``defaultRelation``).
        public var relationColumn: String?
        /// TIES: the weight; nil: found by header (none: every weight is 1).
        public var weightColumn: String?
        /// Words of the relation column → relation names, on top of the built-in French and
        /// English words (`formation` → `training`); compared case- and accent-insensitively.
        public var relationMap: [String: String]
        /// The relation of every tie when TIES has no relation column.
        public var defaultRelation: String

        public init(nameColumn: String? = nil, organizationColumn: String? = nil, roleColumn: String? = nil,
                    collectiveColumns: [String] = [], sourceColumn: String? = nil, targetColumn: String? = nil,
                    relationColumn: String? = nil, weightColumn: String? = nil,
                    relationMap: [String: String] = [:], defaultRelation: String = "acquaintance") {
            self.nameColumn = nameColumn
            self.organizationColumn = organizationColumn
            self.roleColumn = roleColumn
            self.collectiveColumns = collectiveColumns
            self.sourceColumn = sourceColumn
            self.targetColumn = targetColumn
            self.relationColumn = relationColumn
            self.weightColumn = weightColumn
            self.relationMap = relationMap
            self.defaultRelation = defaultRelation
        }

        /// Reads `word=relation,word=relation` (the CLI's `--relation-map`).
        /// - Throws: `.unsupported` for an entry without `=` or with an empty side.
        public static func relationMap(parsing text: String) throws(GraphIOError) -> [String: String] {
            var out: [String: String] = [:]
            for part in text.split(separator: ",", omittingEmptySubsequences: true) {
                let kv = part.split(separator: "=", maxSplits: 1).map { String($0).trimmingCharacters(in: .whitespaces) }
                guard kv.count == 2, !kv[0].isEmpty, !kv[1].isEmpty, !kv[1].contains(where: \.isWhitespace) else {
                    throw GraphIOError(.unsupported, file: "--relation-map",
                                       "expected WORD=RELATION pairs separated by commas (formation=training), found \(GraphIOError.quote(String(part)))")
                }
                out[kv[0]] = kv[1]
            }
            return out
        }

        /// Checks the parameters that do not depend on the sheets.
        public func validate() throws(GraphIOError) {
            if defaultRelation.isEmpty || defaultRelation.contains(where: \.isWhitespace) {
                throw GraphIOError(.unsupported, file: "--default-relation", "a relation is one word, found \(GraphIOError.quote(defaultRelation))")
            }
            for (word, relation) in relationMap where TextMatching.folded(word).isEmpty || relation.isEmpty {
                throw GraphIOError(.unsupported, file: "--relation-map", "empty word or relation in \(GraphIOError.quote("\(word)=\(relation)"))")
            }
            if let s = sourceColumn, let t = targetColumn, TextMatching.folded(s) == TextMatching.folded(t) {
                throw GraphIOError(.unsupported, file: "--target-column", "the source and target columns are the same column \(GraphIOError.quote(s))")
            }
        }
    }

    /// The imported network and what was made, for the few lines the CLI prints.
    public struct Result: Sendable {
        public var network: Network
        public var people: Int
        public var organizations: [(id: String, members: Int)]
        public var peopleWithoutOrganization: Int
        public var collectives: [(id: String, participants: Int)]
        public var ties: [(relation: Relation, count: Int)]
        /// Lines of TIES whose tie was already listed (kept once).
        public var repeatedTieLines: [Int]
        /// How each column was understood, `header → role`, for the report.
        public var columns: [String]

        /// What was made, in a few lines of at most 100 characters (longer lists wrap, indented).
        public func summary(peopleName: String, tiesName: String) -> [String] {
            func plural(_ n: Int, _ one: String, _ many: String) -> String { "\(n) \(n == 1 ? one : many)" }
            func wrapped(_ text: String) -> [String] { ResultTable.wrap(text, 98).map { "  " + $0 } }
            var lines: [String] = []
            var head = "\(peopleName): \(plural(people, "person", "people")), "
            head += organizations.isEmpty ? "no organization column" : plural(organizations.count, "organization", "organizations")
            head += ", " + plural(collectives.count, "collective", "collectives")
            lines.append(head)
            if !organizations.isEmpty {
                // At most 12 named, so that the summary stays a few lines.
                var o = "organizations (members): " + organizations.prefix(12).map { "\($0.id) (\($0.members))" }.joined(separator: ", ")
                if organizations.count > 12 { o += ", … (\(organizations.count - 12) more; interstice info lists them)" }
                if peopleWithoutOrganization > 0 { o += "; \(peopleWithoutOrganization) without organization" }
                lines += wrapped(o)
            }
            for c in collectives {
                lines += wrapped("collective \"\(c.id)\": \(plural(c.participants, "participant", "participants"))")
            }
            let total = ties.reduce(0) { $0 + $1.count }
            var t = "\(tiesName): \(plural(total, "tie", "ties"))"
            if !ties.isEmpty { t += ": " + ties.map { "\($0.count) \($0.relation.rawValue)" }.joined(separator: ", ") }
            if !repeatedTieLines.isEmpty {
                let shown = repeatedTieLines.prefix(8).map(String.init).joined(separator: ", ")
                t += "; \(plural(repeatedTieLines.count, "repeated tie", "repeated ties")) kept once (line\(repeatedTieLines.count == 1 ? "" : "s") \(shown)\(repeatedTieLines.count > 8 ? ", …" : ""))"
            }
            lines.append(t)
            lines += wrapped("columns: " + columns.joined(separator: "; "))
            return lines
        }
    }

    // MARK: Words

    enum Role: String {
        case name, organization, role, collective, source, target, relation, weight

        /// Folded headers that name the role.
        var headers: Set<String> {
            switch self {
            case .name: ["nom", "name", "personne", "nom prenom", "prenom nom", "nom et prenom", "prenom et nom",
                         "nom complet", "full name", "person", "acteur", "actor", "professionnel", "professionnelle", "id"]
            case .organization: ["structure", "organisation", "organization", "organisme", "service", "institution",
                                 "employeur", "employer", "etablissement", "org", "structure employeuse"]
            case .role: ["fonction", "role", "poste", "metier", "job", "title", "job title", "profession", "statut"]
            case .collective: []
            case .source: ["personne 1", "personne1", "source", "de", "from", "qui", "acteur 1", "nom 1", "person 1",
                           "ego", "emetteur", "donneur", "giver", "personne a"]
            case .target: ["personne 2", "personne2", "target", "a", "vers", "to", "avec", "acteur 2", "nom 2", "person 2",
                           "alter", "destinataire", "receveur", "receiver", "with", "personne b"]
            case .relation: ["type de lien", "relation", "type", "lien", "type de relation", "nature du lien", "tie",
                             "tie type", "type of tie", "kind"]
            case .weight: ["frequence", "poids", "weight", "intensite", "frequency", "force", "strength", "nombre",
                           "count", "nombre d echanges"]
            }
        }

        /// The option that names the column, for messages.
        var option: String { "--\(rawValue)-column" }

        /// How the role is described to a person.
        var what: String {
            switch self {
            case .name: "the person's name (Nom, Name, Personne)"
            case .organization: "the organization (Structure, Organisation, Service)"
            case .role: "the function (Fonction, Rôle)"
            case .collective: "a committee (Comité…, Collectif)"
            case .source: "the first person (Personne 1, Source)"
            case .target: "the second person (Personne 2, Target)"
            case .relation: "the type of tie (Type de lien, Relation)"
            case .weight: "the weight (Fréquence, Poids, Weight)"
            }
        }
    }

    /// Whether a folded header names a committee: it starts with comité, collectif, committee,
    /// collective, commission, équipe or team.
    static func isCollectiveHeader(_ f: String) -> Bool {
        let first = f.split(separator: " ").first.map(String.init) ?? ""
        return ["comite", "collectif", "committee", "collective", "commission", "equipe", "team"].contains(first)
    }

    /// Built-in relation words (folded) → relations.
    static let relationWords: [String: String] = [
        "connaissance": "acquaintance", "connaissances": "acquaintance", "interconnaissance": "acquaintance",
        "se connaissent": "acquaintance", "connait": "acquaintance", "acquaintance": "acquaintance",
        "knows": "acquaintance", "know": "acquaintance",
        "echange": "exchange", "echanges": "exchange", "exchange": "exchange", "exchanges": "exchange",
        "echange de services": "exchange",
        "hierarchie": "reports_to", "hierarchique": "reports_to", "lien hierarchique": "reports_to",
        "reports to": "reports_to", "hierarchy": "reports_to", "superieur": "reports_to",
        "rend compte a": "reports_to",
    ]

    // MARK: Columns

    /// Resolves the column of a role: the parameter when given (header, number or letter), else
    /// the one header that names the role. Nil when no header names it.
    static func column(_ role: Role, given: String?, header: [Sheet.Cell], sheet: Sheet,
                       taken: Set<Int>) throws(GraphIOError) -> Int? {
        let names = header.map(\.text)
        if let given {
            if let i = header.firstIndex(where: { TextMatching.folded($0.text) == TextMatching.folded(given) }) { return i }
            if let k = Int(given), k >= 1, k <= header.count { return k - 1 }
            if given.count <= 2, let k = XLSXSheet.columnNumber(given), k >= 1, k <= header.count,
               given.allSatisfy(\.isLetter) { return k - 1 }
            throw sheet.error(at: header.first ?? Sheet.Cell("", line: 1, column: 1),
                              "no column \(GraphIOError.quote(given)) (\(role.option)); the header has \(names.map { GraphIOError.quote($0) }.joined(separator: ", "))\(TextMatching.suggestion(for: given, in: names))")
        }
        let matches = header.indices.filter { !taken.contains($0) && role.headers.contains(TextMatching.folded(header[$0].text)) }
        if matches.count > 1 {
            throw sheet.error(at: header[matches[1]],
                              "two columns could be \(role.what): \(GraphIOError.quote(names[matches[0]])) and \(GraphIOError.quote(names[matches[1]])); choose one with \(role.option)")
        }
        return matches.first
    }

    /// A sheet's header row, trailing empty cells dropped.
    static func header(_ sheet: Sheet) throws(GraphIOError) -> [Sheet.Cell] {
        guard var h = sheet.rows.first else {
            throw GraphIOError(.badData, file: sheet.name, line: 1, column: 1, "the sheet is empty: it needs a header row and a row per \(sheet.isGrid ? "entry" : "line")")
        }
        while let last = h.last, last.text.allSatisfy(\.isWhitespace) { h.removeLast() }
        for c in h where c.text.allSatisfy(\.isWhitespace) {
            throw sheet.error(at: c, "empty column name in the header")
        }
        return h
    }

    /// A data row, checked against the header: cells past the header must be empty.
    static func cells(_ row: [Sheet.Cell], width: Int, sheet: Sheet) throws(GraphIOError) -> [Sheet.Cell] {
        var r = row
        if r.count > width {
            for c in r[width...] where !c.text.allSatisfy(\.isWhitespace) {
                throw sheet.error(at: c, "a value \(GraphIOError.quote(c.text)) in a column without a header (the header has \(width) columns)")
            }
            r.removeLast(r.count - width)
        }
        while r.count < width {
            let last = r.last ?? row.first!
            r.append(Sheet.Cell("", line: last.line, column: last.column + max(1, last.text.count + 1)))
        }
        return r
    }

    // MARK: Import

    /// Imports the two sheets.
    /// - Throws: ``GraphIOError`` located at the first cell that cannot be read.
    /// - Complexity: O(cells), see the type's note.
    public static func run(people: Sheet, ties: Sheet, parameters p: Parameters = Parameters()) throws(GraphIOError) -> Result {
        try p.validate()
        var net = Network()
        var columnsNote: [String] = []

        // PEOPLE: columns.
        let ph = try header(people)
        var taken: Set<Int> = []
        guard let nameC = try column(.name, given: p.nameColumn, header: ph, sheet: people, taken: taken) else {
            throw people.error(at: ph[0], "no column for \(Role.name.what); the header has \(ph.map { GraphIOError.quote($0.text) }.joined(separator: ", ")); name one with --name-column")
        }
        taken.insert(nameC)
        let orgC = try column(.organization, given: p.organizationColumn, header: ph, sheet: people, taken: taken)
        if let orgC { taken.insert(orgC) }
        let roleC = try column(.role, given: p.roleColumn, header: ph, sheet: people, taken: taken)
        if let roleC { taken.insert(roleC) }
        var collC: [Int] = []
        if p.collectiveColumns.isEmpty {
            collC = ph.indices.filter { !taken.contains($0) && isCollectiveHeader(TextMatching.folded(ph[$0].text)) }
        } else {
            for g in p.collectiveColumns {
                guard let c = try column(.collective, given: g, header: ph, sheet: people, taken: taken) else { continue }
                collC.append(c)
            }
        }
        var roleOf: Set<Int> = []
        for c in [nameC] + [orgC, roleC].compactMap({ $0 }) + collC where !roleOf.insert(c).inserted {
            throw people.error(at: ph[c], "the column \(GraphIOError.quote(ph[c].text)) is given two roles")
        }
        taken.formUnion(collC)
        let attrC = ph.indices.filter { !taken.contains($0) }
        columnsNote.append("\(ph[nameC].text) → name")
        if let orgC { columnsNote.append("\(ph[orgC].text) → organization") }
        if let roleC { columnsNote.append("\(ph[roleC].text) → role") }
        for c in collC { columnsNote.append("\(ph[c].text) → collective") }
        for c in attrC { columnsNote.append("\(ph[c].text) → attribute") }

        // PEOPLE: rows.
        struct Person { var v: Int32; var orgs: [String]; var line: Int }
        var personAt: [String: Person] = [:]
        var order: [String] = []
        var orgOrder: [String] = []
        var orgFirst: [String: Sheet.Cell] = [:]
        var membership: [(person: String, org: String)] = []
        var participants: [[String]] = Array(repeating: [], count: collC.count)
        var roles: [(Int32, String)] = []
        var attrCells: [[(Int32, Sheet.Cell)]] = Array(repeating: [], count: attrC.count)
        for raw in people.rows.dropFirst() {
            let row = try cells(raw, width: ph.count, sheet: people)
            let name = TextMatching.tidyName(row[nameC].text)
            guard !name.isEmpty else {
                throw people.error(at: row[nameC], "empty name (column \(GraphIOError.quote(ph[nameC].text))): every row needs the person's name")
            }
            let org = orgC.map { TextMatching.tidyName(row[$0].text) } ?? ""
            if var listed = personAt[name] {
                guard !org.isEmpty, !listed.orgs.contains(org) else {
                    throw people.error(at: row[nameC], "\(GraphIOError.quote(name)) is listed twice (line \(listed.line)); a second row is only for a second organization")
                }
                listed.orgs.append(org)
                personAt[name] = listed
            } else {
                let v: Int32
                do { v = try net.addNode(name, kind: .actor) } catch {
                    throw people.error(at: row[nameC], "\(error)")
                }
                personAt[name] = Person(v: v, orgs: org.isEmpty ? [] : [org], line: row[nameC].line)
                order.append(name)
                if let roleC {
                    let r = row[roleC].text.trimmingCharacters(in: .whitespacesAndNewlines)
                    if !r.isEmpty { roles.append((v, r)) }
                }
                for (k, c) in attrC.enumerated() where !row[c].text.allSatisfy(\.isWhitespace) {
                    attrCells[k].append((v, row[c]))
                }
            }
            if !org.isEmpty {
                if orgFirst[org] == nil { orgFirst[org] = row[orgC!]; orgOrder.append(org) }
                membership.append((name, org))
            }
            for (k, c) in collC.enumerated() {
                guard let yes = TextMatching.yesNo(row[c].text) else {
                    throw people.error(at: row[c], "expected oui/non (yes/no) for \(GraphIOError.quote(ph[c].text)), found \(GraphIOError.quote(row[c].text))")
                }
                if yes && !participants[k].contains(name) { participants[k].append(name) }
            }
        }
        // Organizations and collectives: their names must not be a person's.
        func addGroup(_ id: String, _ kind: NodeKind, at cell: Sheet.Cell) throws(GraphIOError) -> Int32 {
            if let other = personAt[id] {
                throw people.error(at: cell, "the \(kind.rawValue) \(GraphIOError.quote(id)) has the name of a person (line \(other.line)); rename one of them")
            }
            do { return try net.addNode(id, kind: kind) } catch {
                throw people.error(at: cell, "the \(kind.rawValue) \(GraphIOError.quote(id)) has the name of another organization or collective")
            }
        }
        var orgIndex: [String: Int32] = [:]
        for o in orgOrder { orgIndex[o] = try addGroup(o, .organization, at: orgFirst[o]!) }
        var collIndex: [Int32] = []
        for c in collC { collIndex.append(try addGroup(TextMatching.tidyName(ph[c].text), .collective, at: ph[c])) }
        do {
            if !membership.isEmpty { _ = try net.addLayer("member", direction: .directed) }
            for m in membership { _ = try net.addEdge(personAt[m.person]!.v, orgIndex[m.org]!, relation: "member") }
            if participants.contains(where: { !$0.isEmpty }) { _ = try net.addLayer("participant", direction: .directed) }
            for (k, list) in participants.enumerated() {
                for name in list { _ = try net.addEdge(personAt[name]!.v, collIndex[k], relation: "participant") }
            }
            if !roles.isEmpty {
                try net.addNodeAttribute("role", type: .string)
                for (v, r) in roles { try net.setNodeAttribute("role", of: v, .string(r)) }
            }
        } catch { throw GraphIOError(error, file: people.name) }
        try addAttributes(attrC.map { ph[$0].text }, attrCells, to: &net, sheet: people, reserved: ["id", "kind", "label", "role"])

        // TIES: columns.
        let th = try header(ties)
        var tTaken: Set<Int> = []
        guard let srcC = try column(.source, given: p.sourceColumn, header: th, sheet: ties, taken: tTaken) else {
            throw ties.error(at: th[0], "no column for \(Role.source.what); the header has \(th.map { GraphIOError.quote($0.text) }.joined(separator: ", ")); name one with --source-column")
        }
        tTaken.insert(srcC)
        guard let dstC = try column(.target, given: p.targetColumn, header: th, sheet: ties, taken: tTaken) else {
            throw ties.error(at: th[0], "no column for \(Role.target.what); the header has \(th.map { GraphIOError.quote($0.text) }.joined(separator: ", ")); name one with --target-column")
        }
        guard dstC != srcC else { throw ties.error(at: th[dstC], "the same column is both persons of a tie") }
        tTaken.insert(dstC)
        let relC = try column(.relation, given: p.relationColumn, header: th, sheet: ties, taken: tTaken)
        if let relC { tTaken.insert(relC) }
        let wC = try column(.weight, given: p.weightColumn, header: th, sheet: ties, taken: tTaken)
        if let wC { tTaken.insert(wC) }
        let tAttrC = th.indices.filter { !tTaken.contains($0) }
        columnsNote.append("\(th[srcC].text) → person 1")
        columnsNote.append("\(th[dstC].text) → person 2")
        columnsNote.append(relC.map { "\(th[$0].text) → relation" } ?? "no relation column: every tie is \(p.defaultRelation)")
        if let wC { columnsNote.append("\(th[wC].text) → weight") }
        for c in tAttrC { columnsNote.append("\(th[c].text) → tie attribute") }

        // TIES: rows.
        var words = relationWords
        for (w, r) in p.relationMap { words[TextMatching.folded(w)] = r }
        let known = ["connaissance", "échange", "hiérarchie", "acquaintance", "exchange", "reports_to"] + p.relationMap.keys.sorted()
        let everyone = order
        func person(_ cell: Sheet.Cell, _ which: String) throws(GraphIOError) -> Int32 {
            let name = TextMatching.tidyName(cell.text)
            guard !name.isEmpty else { throw ties.error(at: cell, "empty \(which): every tie needs two persons") }
            if let p = personAt[name] { return p.v }
            if orgIndex[name] != nil {
                throw ties.error(at: cell, "\(GraphIOError.quote(name)) is an organization in \(people.name); ties join persons")
            }
            throw ties.error(at: cell, "unknown person \(GraphIOError.quote(name)): not in \(people.name)\(TextMatching.suggestion(for: name, in: everyone))")
        }
        var seen: Set<[Int32]> = []
        var repeated: [Int] = []
        var relOrder: [Relation] = []
        var relCount: [Relation: Int] = [:]
        var tieAttr: [[(Relation, Int, Sheet.Cell)]] = Array(repeating: [], count: tAttrC.count)
        for raw in ties.rows.dropFirst() {
            let row = try cells(raw, width: th.count, sheet: ties)
            let u = try person(row[srcC], "person 1 (column \(GraphIOError.quote(th[srcC].text)))")
            let v = try person(row[dstC], "person 2 (column \(GraphIOError.quote(th[dstC].text)))")
            guard u != v else { throw ties.error(at: row[dstC], "a tie from \(GraphIOError.quote(net.ids[Int(u)])) to the same person") }
            var relation = Relation(p.defaultRelation)
            if let relC {
                let word = TextMatching.folded(row[relC].text)
                guard !word.isEmpty else {
                    throw ties.error(at: row[relC], "empty type of tie (column \(GraphIOError.quote(th[relC].text))); write connaissance, échange or hiérarchie")
                }
                guard let r = words[word] else {
                    throw ties.error(at: row[relC], "unknown type of tie \(GraphIOError.quote(row[relC].text))\(TextMatching.suggestion(for: row[relC].text, in: known)); known: connaissance (acquaintance), échange (exchange), hiérarchie (reports_to); map others with --relation-map WORD=RELATION")
                }
                relation = Relation(r)
            }
            var weight = 1.0
            if let wC {
                var t = row[wC].text.trimmingCharacters(in: .whitespacesAndNewlines)
                if !t.isEmpty {
                    if !t.contains("."), t.filter({ $0 == "," }).count == 1 { t = t.replacingOccurrences(of: ",", with: ".") }
                    guard let w = Double(t), w.isFinite, w > 0 else {
                        throw ties.error(at: row[wC], "expected a positive number for \(GraphIOError.quote(th[wC].text)), found \(GraphIOError.quote(row[wC].text))")
                    }
                    weight = w
                }
            }
            if relCount[relation] == nil {
                relOrder.append(relation)
                relCount[relation] = 0
                do { _ = try net.addLayer(relation) } catch { throw ties.error(at: row[relC ?? srcC], "\(error)") }
            }
            let undirected = net.layer(relation)!.direction == .undirected
            let key: [Int32] = [undirected ? min(u, v) : u, undirected ? max(u, v) : v, Int32(relOrder.firstIndex(of: relation)!)]
            guard seen.insert(key).inserted else {
                repeated.append(row[srcC].line)
                continue
            }
            let e: Int
            do { e = try net.addEdge(u, v, relation: relation, weight: weight) } catch { throw ties.error(at: row[srcC], "\(error)") }
            relCount[relation]! += 1
            for (k, c) in tAttrC.enumerated() where !row[c].text.allSatisfy(\.isWhitespace) {
                tieAttr[k].append((relation, e, row[c]))
            }
        }
        try addTieAttributes(tAttrC.map { th[$0].text }, tieAttr, to: &net, sheet: ties)

        net.metadata.source = "imported by interstice import from \(people.name) and \(ties.name)"
        let meanings: [String: String] = [
            "member": "belongs to: person → organization",
            "participant": "takes part in: person → collective",
            "acquaintance": "knowing each other (interconnaissance)",
            "exchange": "exchange of services: giver (person 1) → receiver (person 2)",
            "reports_to": "hierarchy: person 1 → their superior (person 2)",
        ]
        for r in net.relations { if let m = meanings[r.rawValue] { net.metadata.relations[r.rawValue] = m } }

        var members: [String: Int] = [:]
        for m in membership { members[m.org, default: 0] += 1 }
        return Result(
            network: net, people: order.count,
            organizations: orgOrder.map { ($0, members[$0] ?? 0) },
            peopleWithoutOrganization: order.filter { personAt[$0]!.orgs.isEmpty }.count,
            collectives: collC.indices.map { (TextMatching.tidyName(ph[collC[$0]].text), participants[$0].count) },
            ties: relOrder.map { ($0, relCount[$0]!) }, repeatedTieLines: repeated, columns: columnsNote)
    }

    /// An attribute name from a header: trimmed, `:` (the native format's type marker) made `-`,
    /// a reserved name given a trailing `_`.
    static func attributeName(_ header: String, reserved: Set<String>) -> String {
        var n = TextMatching.tidyName(header).replacingOccurrences(of: ":", with: "-")
        while reserved.contains(n) { n += "_" }
        return n
    }

    /// Other PEOPLE columns as node attributes, typed as the native format infers them.
    static func addAttributes(_ headers: [String], _ cells: [[(Int32, Sheet.Cell)]], to net: inout Network,
                              sheet: Sheet, reserved: Set<String>) throws(GraphIOError) {
        var used = reserved
        for (k, h) in headers.enumerated() {
            let name = attributeName(h, reserved: used)
            used.insert(name)
            let texts = cells[k].map { $0.1.text.trimmingCharacters(in: .whitespaces) }
            let type = ValueText.inferType(texts)
            do {
                try net.addNodeAttribute(name, type: type)
                for (i, (v, _)) in cells[k].enumerated() { try net.setNodeAttribute(name, of: v, ValueText.parse(texts[i], as: type)) }
            } catch { throw GraphIOError(error, file: sheet.name) }
        }
    }

    /// Other TIES columns as edge attributes of the relations that have values in them.
    static func addTieAttributes(_ headers: [String], _ cells: [[(Relation, Int, Sheet.Cell)]], to net: inout Network,
                                 sheet: Sheet) throws(GraphIOError) {
        var used: Set<String> = ["source", "target", "relation", "weight", "directed"]
        for (k, h) in headers.enumerated() {
            let name = attributeName(h, reserved: used)
            used.insert(name)
            let texts = cells[k].map { $0.2.text.trimmingCharacters(in: .whitespaces) }
            let type = ValueText.inferType(texts)
            do {
                var declared: Set<Relation> = []
                for (i, (rel, e, _)) in cells[k].enumerated() {
                    if declared.insert(rel).inserted { try net.addEdgeAttribute(name, type: type, relation: rel) }
                    try net.setEdgeAttribute(name, relation: rel, edge: e, ValueText.parse(texts[i], as: type))
                }
            } catch { throw GraphIOError(error, file: sheet.name) }
        }
    }
}
