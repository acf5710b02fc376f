import Foundation
import Interstice

/// The HTML page of `interstice report`: one self-contained file (inline SVG, CSS and scripts,
/// no reference to anything outside it) in English or French.
///
/// Sections: the diagram (zoom, pan, a tooltip per node with its scores), who bridges
/// organizations (top five by betweenness, a sentence each), how cross-organizational the ties
/// are (E-I index of Krackhardt & Stern 1988, ties within and between organizations), whether an
/// invention from the collective reaches the organizations (``ReachRequest``: P(institutionalized)
/// with its 95% interval against the networks of its null model), and how it was computed.
/// Every text from the data is HTML-escaped. Written by hand: no Swift HTML package in the local
/// cache does templating without a web framework.
/// - Complexity: O(n + m) besides the analyses it is given; the diagram is post-processed in one
///   pass over the SVG text.
struct ReportPage {
    enum Language: String, CaseIterable, Sendable { case en, fr }

    let net: Network
    let dataset: String
    let identity: InputIdentity
    let language: Language
    let svg: String
    let centrality: CentralityRequest.Result
    let reach: (outcome: ReachRequest.Outcome, request: ReachRequest, provenance: [(String, JSONValue)])?
    let mixing: GroupMixing.Result?
    /// The settings of the request's sensitivity sweep (nil: none was run).
    let sensitivity: [ReachSensitivity.Setting]?
    /// The adoption curves per organization (one panel per model), inline SVG.
    let curves: String?
    let groupLabels: [String]
    /// Organization label of every network node ("" when in none).
    let organizationOf: [String]
    /// Indices (into `centrality.nodes`) of the top brokers, by betweenness.
    let brokers: [Int]
    /// Number of organizations other than its own each broker has ties to.
    let brokerReach: [Int]

    static let brokerCount = 5

    init(network net: Network, dataset: String, identity: InputIdentity, language: Language, diagramSVG: String,
         centrality: CentralityRequest.Result,
         reach: (outcome: ReachRequest.Outcome, request: ReachRequest, provenance: [(String, JSONValue)])?,
         sensitivity: [ReachSensitivity.Setting]? = nil, curvesSVG: String? = nil) throws {
        self.sensitivity = sensitivity
        self.curves = curvesSVG.map { ReportPage.inlineSVG($0, tips: []) }
        self.net = net; self.dataset = dataset; self.identity = identity; self.language = language
        self.centrality = centrality; self.reach = reach
        let orgs = net.organizations()
        let groupLabels = (0..<orgs.groupCount).map { g in
            orgs.groupNodes[g] >= 0 ? net.displayLabel(orgs.groupNodes[g]) : orgs.groupNames[g]
        }
        let organizationOf = (0..<net.nodeCount).map { v in orgs.primary[v] >= 0 ? groupLabels[Int(orgs.primary[v])] : "" }
        self.groupLabels = groupLabels; self.organizationOf = organizationOf

        let (g, nodes) = try centrality.request.selection.graph(net)
        let labels = nodes.map { orgs.primary[Int($0)] }
        if orgs.groupCount > 0 && labels.contains(where: { $0 >= 0 }) {
            mixing = try GroupMixing.compute(g, partition: Partition(labels: labels, groupNames: orgs.groupNames))
        } else {
            mixing = nil
        }

        let b = centrality.columns[0].scores.scores
        let brokers = Array(b.indices.filter { b[$0].isFinite }.sorted { b[$0] != b[$1] ? b[$0] > b[$1] : $0 < $1 }
            .prefix(ReportPage.brokerCount))
        let sym = g.isDirected ? g.symmetrized() : g
        self.brokers = brokers
        brokerReach = brokers.map { i in
            let own = labels[i]
            var seen = Set<Int32>()
            for u in sym.neighbors(of: Int32(i)) where labels[Int(u)] >= 0 && labels[Int(u)] != own { seen.insert(labels[Int(u)]) }
            return seen.count
        }
        svg = ReportPage.inlineSVG(diagramSVG, tips: ReportPage.tooltips(net, centrality: centrality, organizationOf: organizationOf))
    }

    // MARK: words and numbers

    func t(_ en: String, _ fr: String) -> String { language == .fr ? fr : en }

    /// A number for reading, with `digits` decimals (decimal comma in French).
    func fmt(_ x: Double, _ digits: Int = 3) -> String {
        guard x.isFinite else { return "–" }
        let s = String(format: "%.\(digits)f", x)
        return language == .fr ? s.replacingOccurrences(of: ".", with: ",") : s
    }

    /// A probability as a percentage for reading.
    func pct(_ x: Double) -> String { fmt(100 * x, 1) + (language == .fr ? " %" : "%") }

    /// HTML-escapes text for element content and attribute values.
    static func escape(_ s: String) -> String {
        var o = ""
        o.reserveCapacity(s.utf8.count)
        for c in s {
            switch c {
            case "&": o += "&amp;"
            case "<": o += "&lt;"
            case ">": o += "&gt;"
            case "\"": o += "&quot;"
            case "'": o += "&#39;"
            default: o.append(c)
            }
        }
        return o
    }

    /// A table cell holding a number: full precision in `data-value` (for sorting and checking),
    /// `digits` decimals shown.
    func numCell(_ col: String, _ x: Double, _ digits: Int = 3) -> String {
        "<td data-col=\"\(col)\" data-value=\"\(x.isFinite ? "\(x)" : "NaN")\">\(fmt(x, digits))</td>"
    }

    func textCell(_ col: String, _ s: String) -> String { "<td data-col=\"\(col)\">\(Self.escape(s))</td>" }

    // MARK: the diagram

    /// The hover text of every node: id, label, organization, and the centrality scores.
    static func tooltips(_ net: Network, centrality: CentralityRequest.Result, organizationOf: [String]) -> [String] {
        var tips = (0..<net.nodeCount).map { v -> String in
            var s = net.ids[v]
            if let l = net.labels[v], l != s { s += " — " + l }
            if !organizationOf[v].isEmpty { s += " (" + organizationOf[v] + ")" }
            return s
        }
        for (i, v) in centrality.nodes.enumerated() {
            for c in centrality.columns {
                tips[Int(v)] += "\n\(c.measure.rawValue): \(String(format: "%.4f", c.scores.scores[i]))"
            }
        }
        return tips
    }

    /// Graphviz's SVG made fit for inlining: no XML prolog, DOCTYPE, comments or namespace URLs
    /// (the HTML parser knows `svg` and `xlink:`), and each node's `<title>` and link title
    /// replaced by its hover text (Graphviz names node groups `n<index>`).
    static func inlineSVG(_ text: String, tips: [String]) -> String {
        var s = text
        if let r = s.range(of: "<svg") { s = String(s[r.lowerBound...]) }
        while let a = s.range(of: "<!--"), let b = s.range(of: "-->", range: a.upperBound..<s.endIndex) {
            s.removeSubrange(a.lowerBound..<b.upperBound)
        }
        s = s.replacingOccurrences(of: " xmlns=\"http://www.w3.org/2000/svg\"", with: "")
        s = s.replacingOccurrences(of: " xmlns:xlink=\"http://www.w3.org/1999/xlink\"", with: "")
        var out = ""
        out.reserveCapacity(s.utf8.count + 64 * tips.count)
        var rest = s[...]
        while let open = rest.range(of: "<g id=\"n") {
            out += rest[..<open.upperBound]
            rest = rest[open.upperBound...]
            let digits = rest.prefix { $0.isNumber }
            guard let v = Int(digits), rest.dropFirst(digits.count).first == "\"", v < tips.count else { continue }
            let tip = escape(tips[v])
            if let a = rest.range(of: "<title>"), let b = rest.range(of: "</title>", range: a.upperBound..<rest.endIndex) {
                out += rest[..<a.upperBound]; out += tip
                rest = rest[b.lowerBound...]
            }
            let end = rest.range(of: "</g>")?.lowerBound ?? rest.endIndex
            if let a = rest.range(of: "xlink:title=\"", range: rest.startIndex..<end),
               let b = rest.range(of: "\"", range: a.upperBound..<rest.endIndex) {
                out += rest[..<a.upperBound]; out += tip
                rest = rest[b.lowerBound...]
            }
        }
        out += rest
        return out
    }

    // MARK: the page

    func html() -> String {
        let name = net.metadata.title ?? net.metadata.name ?? dataset
        var h = "<!DOCTYPE html>\n<html lang=\"\(language.rawValue)\">\n<head>\n<meta charset=\"utf-8\">\n"
        h += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        h += "<title>\(Self.escape(t("Report", "Rapport"))): \(Self.escape(name))</title>\n<style>\n\(Self.css)</style>\n</head>\n<body>\n"
        h += "<h1>\(Self.escape(name))</h1>\n"
        h += "<p class=\"lead\">\(Self.escape(t("A network report by Interstice \(IntersticeVersion.string) on", "Rapport de réseau produit par Interstice \(IntersticeVersion.string) sur"))) <code>\(Self.escape(dataset))</code>.</p>\n"
        h += "<nav><a href=\"#diagram\">\(t("Diagram", "Diagramme"))</a> · <a href=\"#brokers\">\(t("Who bridges organizations", "Qui relie les organisations"))</a> · "
        h += "<a href=\"#crossing\">\(t("Ties across organizations", "Liens entre organisations"))</a> · "
        h += "<a href=\"#reach\">\(t("Does an invention reach the organizations?", "Une invention atteint-elle les organisations ?"))</a> · "
        h += "<a href=\"#method\">\(t("How this was computed", "Comment cela a été calculé"))</a></nav>\n"
        h += diagramSection() + brokersSection() + crossingSection() + reachSection() + methodSection()
        h += "<script>\n\(Self.script)</script>\n</body>\n</html>\n"
        return h
    }

    func diagramSection() -> String {
        var h = "<section id=\"diagram\">\n<h2>\(t("Diagram", "Diagramme"))</h2>\n"
        h += "<p>\(t("Organizations are drawn as clusters; node size follows betweenness; assumed nodes and ties (not documented by the study) are faded and dashed. Scroll to zoom, drag to pan, hover a node for its scores.", "Les organisations sont dessinées comme des groupes ; la taille des nœuds suit l’intermédiarité ; les nœuds et liens supposés (non documentés par l’étude) sont pâles et en pointillés. Molette pour zoomer, glisser pour déplacer, survoler un nœud pour voir ses scores."))"
        h += " <button type=\"button\" id=\"diagram-reset\">\(t("Reset view", "Vue initiale"))</button></p>\n"
        h += "<div id=\"diagram-box\">\n\(svg)\n</div>\n</section>\n"
        return h
    }

    func brokersSection() -> String {
        let b = centrality.columns[0].scores.scores, d = centrality.columns[1].scores.scores
        var h = "<section id=\"brokers\">\n<h2>\(t("Who bridges organizations", "Qui relie les organisations"))</h2>\n"
        h += "<p>\(t("The \(brokers.count) actors with the highest betweenness: the share of shortest paths between two other actors that pass through them (normalized as networkx does).", "Les \(brokers.count) acteurs dont l’intermédiarité est la plus forte : la part des plus courts chemins entre deux autres acteurs qui passent par eux (normalisée comme dans networkx)."))</p>\n<ul class=\"sentences\">\n"
        for (k, i) in brokers.enumerated() {
            let v = Int(centrality.nodes[i])
            let who = Self.escape(net.displayLabel(Int32(v)))
            let org = organizationOf[v].isEmpty ? t("no organization", "aucune organisation") : organizationOf[v]
            let n = brokerReach[k]
            h += "<li>" + t("<strong>\(who)</strong> (\(Self.escape(org))) lies on \(pct(b[i])) of the shortest paths between two other actors (betweenness \(fmt(b[i], 4))) and has ties to \(n) other organization\(n == 1 ? "" : "s").",
                            "<strong>\(who)</strong> (\(Self.escape(org))) se trouve sur \(pct(b[i])) des plus courts chemins entre deux autres acteurs (intermédiarité \(fmt(b[i], 4))) et a des liens avec \(n) autre\(n > 1 ? "s" : "") organisation\(n > 1 ? "s" : "").") + "</li>\n"
        }
        h += "</ul>\n<table class=\"sortable\" id=\"brokers-table\">\n<thead><tr><th>#</th><th>id</th><th>\(t("label", "libellé"))</th><th>\(t("organization", "organisation"))</th>"
        h += "<th>\(t("betweenness", "intermédiarité"))</th><th>\(t("degree", "degré"))</th><th>\(t("other organizations tied", "autres organisations liées"))</th></tr></thead>\n<tbody>\n"
        for (k, i) in brokers.enumerated() {
            let v = Int(centrality.nodes[i])
            h += "<tr data-node=\"\(Self.escape(net.ids[v]))\"><td data-value=\"\(k + 1)\">\(k + 1)</td>" + textCell("id", net.ids[v])
            h += textCell("label", net.displayLabel(Int32(v))) + textCell("organization", organizationOf[v])
            h += numCell("betweenness", b[i], 4) + numCell("degree", d[i], 4)
            h += "<td data-col=\"other_organizations\" data-value=\"\(brokerReach[k])\">\(brokerReach[k])</td></tr>\n"
        }
        h += "</tbody>\n</table>\n</section>\n"
        return h
    }

    func crossingSection() -> String {
        var h = "<section id=\"crossing\">\n<h2>\(t("How cross-organizational the ties are", "À quel point les liens traversent les organisations"))</h2>\n"
        guard let m = mixing else {
            h += "<p class=\"note\">\(t("The dataset has no organizations: nothing to compare.", "Le jeu de données n’a pas d’organisations : rien à comparer."))</p>\n</section>\n"
            return h
        }
        let total = m.internalTies + m.externalTies
        h += "<p>" + t("Of the \(total) ties between actors, <strong>\(m.internalTies)</strong> are within an organization and <strong>\(m.externalTies)</strong> between organizations: the E-I index (between − within) / total is <strong id=\"ei-index\" data-value=\"\(m.eiIndex)\">\(fmt(m.eiIndex))</strong> (−1: every tie within, +1: every tie between; Krackhardt and Stern 1988).",
                       "Sur les \(total) liens entre acteurs, <strong>\(m.internalTies)</strong> sont internes à une organisation et <strong>\(m.externalTies)</strong> relient des organisations : l’indice E-I (externes − internes) / total vaut <strong id=\"ei-index\" data-value=\"\(m.eiIndex)\">\(fmt(m.eiIndex))</strong> (−1 : tous internes, +1 : tous externes ; Krackhardt et Stern 1988).") + "</p>\n"
        h += "<table class=\"sortable\" id=\"crossing-table\">\n<thead><tr><th>\(t("organization", "organisation"))</th><th>\(t("members", "membres"))</th>"
        h += "<th>\(t("ties within", "liens internes"))</th><th>\(t("ties to other organizations", "liens vers d’autres organisations"))</th><th>E-I</th></tr></thead>\n<tbody>\n"
        for i in 0..<m.sizes.count {
            let within = m.ties[i][i], out = m.ties[i].reduce(0, +) - within
            h += "<tr>" + textCell("organization", groupLabels[i]) + "<td data-value=\"\(m.sizes[i])\">\(m.sizes[i])</td>"
            h += "<td data-value=\"\(within)\">\(within)</td><td data-value=\"\(out)\">\(out)</td>" + numCell("ei", m.groupEIIndex[i]) + "</tr>\n"
        }
        h += "</tbody>\n</table>\n</section>\n"
        return h
    }

    func reachSection() -> String {
        var h = "<section id=\"reach\">\n<h2>\(t("Does an invention from the collective reach the organizations?", "Une invention du collectif atteint-elle les organisations ?"))</h2>\n"
        guard let (o, q, _) = reach else {
            h += "<p class=\"note\">\(t("The dataset has no collective: this section is left out (`interstice reach --seeds` starts from chosen seeds).", "Le jeu de données n’a pas de collectif : cette section est omise (`interstice reach --seeds` part de graines choisies)."))</p>\n</section>\n"
            return h
        }
        let a = o.result.analysis, f = q.settings.frame
        h += "<p>" + t("An invention starts with \(Self.escape(o.start.label)) (\(o.start.seeds.count) participants) and spreads along the ties; \(a.runs) simulated runs per model (seed \(a.seed)). An organization has <em>institutionalized</em> it when a share θ = \(fmt(f.theta, 2)) of its members outside the collective hold it (rule: \(f.rule.rawValue)).",
                       "Une invention part \(Self.escape(o.start.collective.map { "du collectif « " + net.displayLabel($0.node) + " »" } ?? "de " + o.start.label)) (\(o.start.seeds.count) participants) et se diffuse le long des liens ; \(a.runs) simulations par modèle (graine \(a.seed)). Une organisation l’a <em>institutionnalisée</em> quand une part θ = \(fmt(f.theta, 2)) de ses membres hors du collectif la portent (règle : \(f.rule.rawValue)).")
        if let nm = a.nullModel {
            h += " " + t("Chance is \(a.nullSamples) networks of the \(nm.rawValue) null model (\(a.nullRuns) runs each); a difference is called significant when the share of chance networks at least as extreme is at most 0.05.",
                         "Le hasard, ce sont \(a.nullSamples) réseaux du modèle nul \(nm.rawValue) (\(a.nullRuns) simulations chacun) ; une différence est dite significative quand la part des réseaux au hasard au moins aussi extrêmes est au plus 0,05.")
        } else {
            h += " " + t("No comparison with chance was asked (--null-samples 0).", "Aucune comparaison avec le hasard n’a été demandée (--null-samples 0).")
        }
        h += "</p>\n"
        for m in o.result.models {
            h += "<h3>\(Self.escape(modelHeading(m.observed.parameters.model.name, m.model.description)))</h3>\n<ul class=\"sentences\">\n"
            for (i, org) in m.observed.organizations.enumerated() {
                let label = org.node >= 0 ? net.displayLabel(org.node) : org.name
                let e = org.institutionalizedAtHorizon, c = m.perOrganization[i]
                var s = t("<strong>\(Self.escape(label))</strong> institutionalizes it in \(pct(e.value)) of runs (95% interval \(pct(e.low)) to \(pct(e.high))).",
                          "<strong>\(Self.escape(label))</strong> l’institutionnalise dans \(pct(e.value)) des simulations (intervalle à 95 % : \(pct(e.low)) à \(pct(e.high))).")
                if c.samples > 0 {
                    let verdict: String
                    if c.pGreater <= 0.05 { verdict = t("more often than chance", "plus souvent que le hasard") + " (p = \(fmt(c.pGreater, 3)))" }
                    else if c.pLess <= 0.05 { verdict = t("less often than chance", "moins souvent que le hasard") + " (p = \(fmt(c.pLess, 3)))" }
                    else { verdict = t("not distinguishable from chance", "pas distinguable du hasard") + " (p = \(fmt(min(c.pLess, c.pGreater), 3)))" }
                    s += " " + t("On chance networks: \(pct(c.nullMean)); so \(verdict).", "Sur les réseaux au hasard : \(pct(c.nullMean)) ; donc \(verdict).")
                }
                h += "<li>\(s)</li>\n"
            }
            h += "</ul>\n<table class=\"sortable reach-table\" data-model=\"\(Self.escape(m.observed.parameters.model.name))\">\n<thead><tr><th>\(t("organization", "organisation"))</th>"
            h += "<th>\(t("members beyond the collective", "membres hors collectif"))</th><th>P(\(t("reached", "atteinte")))</th>"
            h += "<th>P(\(t("institutionalized", "institutionnalisée")))</th><th>95% \(t("low", "bas"))</th><th>95% \(t("high", "haut"))</th>"
            h += "<th>\(t("chance", "hasard"))</th><th>p (\(t("less", "moins")))</th><th>p (\(t("greater", "plus")))</th></tr></thead>\n<tbody>\n"
            for (i, org) in m.observed.organizations.enumerated() {
                let c = m.perOrganization[i], e = org.institutionalizedAtHorizon
                let label = org.node >= 0 ? net.displayLabel(org.node) : org.name
                h += "<tr data-org=\"\(Self.escape(org.name))\">" + textCell("organization", label)
                h += "<td data-value=\"\(org.nonParticipantMembers)\">\(org.nonParticipantMembers)</td>"
                h += numCell("p_reached", org.reached.value) + numCell("p_institutionalized", e.value)
                h += numCell("p_institutionalized_low", e.low) + numCell("p_institutionalized_high", e.high)
                h += c.samples > 0 ? numCell("null_mean", c.nullMean) + numCell("p_less", c.pLess) + numCell("p_greater", c.pGreater)
                                   : "<td>–</td><td>–</td><td>–</td>"
                h += "</tr>\n"
            }
            h += "</tbody>\n</table>\n"
        }
        h += robustnessPart()
        if let curves {
            h += "<h3 id=\"curves\">\(t("Adoption curves", "Courbes d’adoption"))</h3>\n<p>\(t("Share of each organization's members beyond the collective holding the invention, step by step, with 95% bands (one panel per model).", "Part des membres de chaque organisation hors du collectif qui portent l’invention, pas à pas, avec bandes à 95 % (un panneau par modèle)."))</p>\n"
            h += "<div class=\"curves\">\n\(curves)\n</div>\n"
        }
        h += "</section>\n"
        return h
    }

    /// A model's name in plain words.
    func modelHeading(_ name: String, _ description: String) -> String {
        switch name {
        case "ic": t("Independent cascade (ic): each tie passes it on once, with its probability",
                     "Cascade indépendante (ic) : chaque lien la transmet une fois, avec sa probabilité")
        case "lt": t("Linear threshold (lt): an actor adopts once enough of its ties have",
                     "Seuil linéaire (lt) : un acteur l’adopte quand assez de ses liens l’ont adoptée")
        case "complex": t("Complex contagion (complex): an actor adopts once k of its ties have",
                          "Contagion complexe (complex) : un acteur l’adopte quand k de ses liens l’ont adoptée")
        case "practice": t("Practice (practice): people pass it on while they hold it, forget it unless their organization makes it routine, leave the collective and are replaced",
                           "Pratique (practice) : les personnes la transmettent tant qu’elles la portent, l’oublient si leur organisation n’en fait pas une routine, quittent le collectif et sont remplacées")
        default: description
        }
    }

    func methodSection() -> String {
        var h = "<section id=\"method\">\n<h2>\(t("How this was computed", "Comment cela a été calculé"))</h2>\n<dl>\n"
        func row(_ k: String, _ v: String) { h += "<dt>\(Self.escape(k))</dt><dd>\(Self.escape(v))</dd>\n" }
        row(t("dataset", "jeu de données"), identity.path)
        row("SHA-256", identity.sha256 ?? "–")
        row("version", "Interstice \(identity.version)")
        let cq = centrality.request
        row(t("centrality", "centralité"), "betweenness, degree; normalized = \(cq.normalized); relations = \(cq.selection.relations.map { $0.map(\.rawValue).joined(separator: ",") } ?? "every tie relation"); direction = \(cq.selection.direction.rawValue); weighted = \(cq.selection.weighted); nodes = \(cq.selection.nodes.rawValue); graph: \(centrality.nodes.count) nodes, \(centrality.edges) edges")
        row(t("brokers", "intermédiaires"), t("top \(ReportPage.brokerCount) by betweenness (ties broken by node order)", "les \(ReportPage.brokerCount) premiers par intermédiarité (ex æquo : ordre des nœuds)"))
        row("E-I", t("Krackhardt and Stern (1988) on the same tie graph, each actor in its first organization", "Krackhardt et Stern (1988) sur le même graphe de liens, chaque acteur dans sa première organisation"))
        if let (o, q, provenance) = reach {
            h += "<dt>\(t("reach models", "modèles de diffusion"))</dt><dd id=\"reach-models\">\(Self.escape(q.models.map(\.rawValue).joined(separator: ", ")))</dd>\n"
            row(t("null model", "modèle nul"), o.result.analysis.nullModel?.rawValue ?? "none")
            row("null_samples", "\(o.result.analysis.nullModel == nil ? 0 : o.result.analysis.nullSamples)")
            row("null_runs", "\(o.result.analysis.nullRuns)")
            for (k, v) in provenance {
                if case .string(let s) = v { row(k, s) } else { row(k, v.text(pretty: false)) }
            }
            if let s = q.sensitivity, let settings = sensitivity {
                let g = s.grid
                row(t("sensitivity grid", "grille de sensibilité"),
                    "\(settings.count) settings: p = \(g.probabilities.map { "\($0)" }.joined(separator: ",")) on every channel relation; theta = \(g.thetas.map { "\($0)" }.joined(separator: ",")); forgetting = \(g.forgetting.map { "\($0)" }.joined(separator: ",")); routinization = \(g.routinization.map { "\($0)" }.joined(separator: ",")); formalization = \(g.formalization.map { "\($0)" }.joined(separator: ",")); models = \(g.models.map(\.rawValue).joined(separator: ",")); nulls = \(g.nulls.map(\.rawValue).joined(separator: ",")); level 0.05")
                row("grid_runs", "\(s.runs)")
                row("grid_null_samples", "\(s.nullSamples)")
                row("grid_null_runs", "\(s.nullRuns)")
                row(t("same as", "équivaut à"), "interstice reach \(Self.shellQuoted(dataset)) --seed \(q.settings.monteCarlo.seed) --horizon \(q.settings.monteCarlo.horizon) --sensitivity --grid-probability \(g.probabilities.map { "\($0)" }.joined(separator: ",")) --grid-theta \(g.thetas.map { "\($0)" }.joined(separator: ",")) --grid-forgetting \(g.forgetting.map { "\($0)" }.joined(separator: ",")) --grid-routinization \(g.routinization.map { "\($0)" }.joined(separator: ",")) --grid-formalization \(g.formalization.map { "\($0)" }.joined(separator: ",")) --grid-models \(g.models.map(\.rawValue).joined(separator: ",")) --grid-nulls \(g.nulls.map(\.rawValue).joined(separator: ",")) --grid-runs \(s.runs) --grid-null-samples \(s.nullSamples) --grid-null-runs \(s.nullRuns)")
            } else {
                row(t("sensitivity grid", "grille de sensibilité"), t("not run (--no-sensitivity)", "non calculée (--no-sensitivity)"))
            }
        }
        h += "</dl>\n</section>\n"
        return h
    }

    /// A word for a shell command line: as it is when it holds only safe characters, else in single quotes.
    static func shellQuoted(_ s: String) -> String {
        let safe = s.unicodeScalars.allSatisfy { CharacterSet.alphanumerics.contains($0) || "/._-+=,:@".unicodeScalars.contains($0) }
        return safe && !s.isEmpty ? s : "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    static let css = """
    body{font-family:"Liberation Sans",Arial,Helvetica,sans-serif;margin:0 auto;max-width:1100px;padding:1em 2em;color:#1a1a1a;line-height:1.45}
    h1{font-size:1.6em;margin-bottom:.2em}h2{border-bottom:2px solid #0072B2;padding-bottom:.2em;margin-top:2em}
    nav{margin:1em 0;font-size:.95em}nav a{color:#0072B2}
    #diagram-box{border:1px solid #ccc;height:70vh;overflow:hidden;cursor:grab;background:#fff}
    #diagram-box svg{width:100%;height:100%}
    table{border-collapse:collapse;margin:1em 0;font-size:.92em}th,td{border:1px solid #ddd;padding:.3em .6em;text-align:left}
    th{background:#f2f5f8;cursor:pointer;user-select:none}th[data-dir=asc]::after{content:" ▲"}th[data-dir=desc]::after{content:" ▼"}
    td[data-value]{text-align:right;font-variant-numeric:tabular-nums}
    .curves svg{max-width:100%;height:auto}
    .note{background:#fff6e0;padding:.5em 1em;border-left:4px solid #E69F00}
    dl{display:grid;grid-template-columns:max-content auto;gap:.2em 1em;font-size:.9em}dt{font-weight:bold}dd{margin:0;overflow-wrap:anywhere}
    """

    /// Zoom and pan of the diagram (viewBox), and sortable tables (numbers by `data-value`).
    static let script = """
    (function(){
    var box=document.getElementById('diagram-box');var svg=box&&box.querySelector('svg');
    if(svg&&svg.viewBox&&svg.viewBox.baseVal){
    var vb=svg.viewBox.baseVal;var o={x:vb.x,y:vb.y,w:vb.width,h:vb.height};
    svg.removeAttribute('width');svg.removeAttribute('height');
    box.addEventListener('wheel',function(e){e.preventDefault();var r=svg.getBoundingClientRect();var k=e.deltaY<0?0.8:1.25;
    var mx=vb.x+(e.clientX-r.left)/r.width*vb.width,my=vb.y+(e.clientY-r.top)/r.height*vb.height;
    vb.x=mx-(mx-vb.x)*k;vb.y=my-(my-vb.y)*k;vb.width*=k;vb.height*=k;},{passive:false});
    var drag=null;box.addEventListener('mousedown',function(e){drag={x:e.clientX,y:e.clientY};e.preventDefault();});
    window.addEventListener('mouseup',function(){drag=null;});
    window.addEventListener('mousemove',function(e){if(!drag)return;var r=svg.getBoundingClientRect();
    vb.x-=(e.clientX-drag.x)*vb.width/r.width;vb.y-=(e.clientY-drag.y)*vb.height/r.height;drag={x:e.clientX,y:e.clientY};});
    var reset=document.getElementById('diagram-reset');
    if(reset)reset.addEventListener('click',function(){vb.x=o.x;vb.y=o.y;vb.width=o.w;vb.height=o.h;});
    }
    document.querySelectorAll('table.sortable th').forEach(function(th){th.addEventListener('click',function(){
    var t=th.closest('table'),b=t.tBodies[0],i=th.cellIndex,asc=th.getAttribute('data-dir')!=='asc';
    t.querySelectorAll('th').forEach(function(h){h.removeAttribute('data-dir');});th.setAttribute('data-dir',asc?'asc':'desc');
    var rows=Array.prototype.slice.call(b.rows);
    rows.sort(function(a,c){var x=a.cells[i],y=c.cells[i],u=x.getAttribute('data-value'),v=y.getAttribute('data-value'),d;
    if(u!==null&&v!==null){d=(parseFloat(u)||0)-(parseFloat(v)||0);}else{d=x.textContent.localeCompare(y.textContent);}
    return asc?d:-d;});
    rows.forEach(function(r){b.appendChild(r);});});});
    document.documentElement.setAttribute('data-scripts','ran');
    })();

    """
}
