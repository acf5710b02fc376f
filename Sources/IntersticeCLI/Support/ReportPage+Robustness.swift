import Foundation
import Interstice

/// The robustness part of the report's reach section: reach swept over a grid of assumptions
/// (``ReachRequest/Sensitivity``), and, for each model of the page, in how many of the grid's
/// settings the page's conclusion about chance holds. It states the counts, never more: "holds
/// in every setting" only when it does, and a breakdown by axis when it depends on them.
/// - Complexity: O(settings × axes).
extension ReportPage {
    /// The level of the verdicts (that of ``ReachSensitivity``'s default).
    static let alpha = 0.05

    /// A sweep verdict in words.
    func verdictText(_ v: ReachSensitivity.Verdict) -> String {
        switch v {
        case .fewer: t("fewer organizations institutionalized than chance", "moins d’organisations institutionnalisées que le hasard")
        case .more: t("more organizations institutionalized than chance", "plus d’organisations institutionnalisées que le hasard")
        case .unclear: t("no clear difference from chance", "pas de différence nette avec le hasard")
        }
    }

    /// The verdict of a comparison at ``alpha``, as the sweep decides it (nil without chance networks).
    static func verdict(_ c: ReachAnalysis.Comparison) -> ReachSensitivity.Verdict? {
        guard c.samples > 0 else { return nil }
        return c.pLess <= alpha ? .fewer : c.pGreater <= alpha ? .more : .unclear
    }

    /// A list of grid values, `{a, b}`.
    func values(_ xs: [String]) -> String { "{" + xs.joined(separator: ", ") + "}" }

    /// "k of n settings" with the counts in elements a test can read.
    func count(_ k: Int, _ n: Int, id: String) -> String {
        "<strong data-count=\"\(id)\" data-value=\"\(k)\" data-of=\"\(n)\">" + t("\(k) of \(n) settings", "\(k) réglages sur \(n)") + "</strong>"
    }

    func robustnessPart() -> String {
        guard let (o, q, _) = reach, let settings = sensitivity, let s = q.sensitivity else { return "" }
        let g = s.grid
        var h = "<h3 id=\"robustness\">\(t("How robust is this answer?", "Cette réponse est-elle solide ?"))</h3>\n"
        let p = values(g.probabilities.map { fmt($0, 2) }), th = values(g.thetas.map { fmt($0, 2) })
        let d = values(g.forgetting.map { fmt($0, 2) }), r = values(g.routinization.map { "\($0)" })
        let fz = values(g.formalization.map { fmt($0, 2) })
        let models = values(g.models.map(\.rawValue)), nulls = values(g.nulls.map(\.rawValue))
        h += "<p>" + t("The answer above rests on values the study does not fix: how likely a tie passes the invention on in a step (p), the share θ of members that makes an organization count as institutionalized, and, in the practice model, forgetting δ, routinization R and management's formalization F. Reach was run again over a grid of them: p ∈ \(p) on every channel relation, θ ∈ \(th), δ ∈ \(d), R ∈ \(r), F ∈ \(fz) (δ, R and F only for practice), models \(models), against the \(nulls) null model: <strong id=\"sensitivity-settings\" data-value=\"\(settings.count)\">\(settings.count)</strong> settings. Each setting has \(s.runs) runs and \(s.nullSamples) chance networks of \(s.nullRuns) runs, fewer than above, so each is less precise. The statistic compared with chance is the expected number of organizations institutionalized, all organizations together; the sweep does not test each organization's sentence above.",
                       "La réponse ci-dessus repose sur des valeurs que l’étude ne fixe pas : la probabilité qu’un lien transmette l’invention à chaque pas (p), la part θ des membres à partir de laquelle une organisation compte comme l’ayant institutionnalisée et, dans le modèle de pratique, l’oubli δ, la routinisation R et la formalisation F par la direction. La diffusion a été recalculée sur une grille de ces valeurs : p ∈ \(p) sur chaque relation de transmission, θ ∈ \(th), δ ∈ \(d), R ∈ \(r), F ∈ \(fz) (δ, R et F pour practice seulement), modèles \(models), face au modèle nul \(nulls) : <strong id=\"sensitivity-settings\" data-value=\"\(settings.count)\">\(settings.count)</strong> réglages. Chaque réglage compte \(s.runs) simulations et \(s.nullSamples) réseaux au hasard de \(s.nullRuns) simulations, moins que ci-dessus : chacun est moins précis. La statistique comparée au hasard est le nombre attendu d’organisations qui institutionnalisent l’invention, toutes ensemble ; la grille ne teste pas chaque phrase par organisation ci-dessus.") + "</p>\n"
        let observed = settings.map(\.comparison.observed)
        if let lo = observed.min(), let hi = observed.max() {
            h += "<p>" + t("Across the grid, the expected number of organizations institutionalized ranges from <strong id=\"sensitivity-min\" data-value=\"\(lo)\">\(fmt(lo, 2))</strong> to <strong id=\"sensitivity-max\" data-value=\"\(hi)\">\(fmt(hi, 2))</strong>.",
                           "Sur la grille, le nombre attendu d’organisations qui l’institutionnalisent va de <strong id=\"sensitivity-min\" data-value=\"\(lo)\">\(fmt(lo, 2))</strong> à <strong id=\"sensitivity-max\" data-value=\"\(hi)\">\(fmt(hi, 2))</strong>.") + "</p>\n"
        }
        h += "<ul class=\"sentences\" id=\"robustness-sentences\">\n"
        for m in o.result.models {
            let name = m.observed.parameters.model.name
            let orgs = m.observed.organizations.filter { $0.nonParticipantMembers > 0 }
            let total = orgs.reduce(0) { $0 + $1.institutionalizedAtHorizon.value }
            guard let c = m.overall.first, let v = Self.verdict(c) else {
                h += "<li>" + t("<strong>\(Self.escape(name))</strong>: no comparison with chance was run above, so there is no conclusion to test.",
                                "<strong>\(Self.escape(name))</strong> : aucune comparaison avec le hasard n’a été faite ci-dessus, il n’y a donc pas de conclusion à éprouver.") + "</li>\n"
                continue
            }
            var line = t("<strong>\(Self.escape(name))</strong>, above: an expected \(fmt(total, 2)) of \(orgs.count) organizations institutionalized, against \(fmt(c.nullMean, 2)) on chance networks (p = \(fmt(v == .more ? c.pGreater : v == .fewer ? c.pLess : min(c.pLess, c.pGreater), 3))): <em>\(verdictText(v))</em>.",
                         "<strong>\(Self.escape(name))</strong>, ci-dessus : \(fmt(total, 2)) organisations sur \(orgs.count) l’institutionnalisent en moyenne, contre \(fmt(c.nullMean, 2)) sur les réseaux au hasard (p = \(fmt(v == .more ? c.pGreater : v == .fewer ? c.pLess : min(c.pLess, c.pGreater), 3))) : <em>\(verdictText(v))</em>.")
            let all = settings.filter { $0.verdict == v }.count
            if let gm = ReachSensitivity.GridModel(rawValue: name), case let own = settings.filter({ $0.model == gm }), !own.isEmpty {
                let k = own.filter { $0.verdict == v }.count
                line += " " + t("This conclusion holds in \(count(k, own.count, id: "\(name)-model")) of the \(Self.escape(name)) model, and in \(count(all, settings.count, id: "\(name)-all")) of the whole grid.",
                                "Cette conclusion vaut dans \(count(k, own.count, id: "\(name)-model")) du modèle \(Self.escape(name)), et dans \(count(all, settings.count, id: "\(name)-all")) de toute la grille.")
                line += " " + qualifier(k, own.count)
            } else {
                line += " " + t("The grid does not hold this model; this conclusion holds in \(count(all, settings.count, id: "\(name)-all")) of the grid's other models.",
                                "La grille ne contient pas ce modèle ; cette conclusion vaut dans \(count(all, settings.count, id: "\(name)-all")) des autres modèles de la grille.")
                line += " " + qualifier(all, settings.count)
            }
            h += "<li>\(line)</li>\n"
        }
        h += "</ul>\n"
        h += axisTable(settings)
        h += settingsTable(settings)
        return h
    }

    /// What k of n allows one to say, and no more.
    func qualifier(_ k: Int, _ n: Int) -> String {
        if k == n {
            return t("Within these ranges, it does not depend on the assumptions.", "Dans ces limites, elle ne dépend pas des hypothèses.")
        } else if k == 0 {
            return t("It depends entirely on the parameters chosen above: read it with caution.",
                     "Elle tient entièrement aux paramètres choisis ci-dessus : à lire avec prudence.")
        }
        if 2 * k > n {
            return t("It holds in most settings but not all: the table below shows under which values it does not.",
                     "Elle vaut dans la plupart des réglages, pas dans tous : le tableau ci-dessous montre sous quelles valeurs elle ne vaut pas.")
        }
        return t("It depends on the assumptions: it holds in at most half of the settings; the table below shows under which values.",
                 "Elle dépend des hypothèses : elle vaut dans la moitié des réglages au plus ; le tableau ci-dessous montre sous quelles valeurs.")
    }

    /// Per value of each axis that varies: how many settings give each verdict.
    func axisTable(_ settings: [ReachSensitivity.Setting]) -> String {
        var h = "<table class=\"sortable\" id=\"sensitivity-axes\">\n<thead><tr><th>\(t("assumption", "hypothèse"))</th><th>\(t("value", "valeur"))</th><th>\(t("settings", "réglages"))</th>"
        h += "<th>\(t("fewer than chance", "moins que le hasard"))</th><th>\(t("no clear difference", "pas de différence nette"))</th><th>\(t("more than chance", "plus que le hasard"))</th></tr></thead>\n<tbody>\n"
        func axis(_ name: String, _ key: (ReachSensitivity.Setting) -> String?) {
            var seen: [String] = []
            for x in settings { if let v = key(x), !seen.contains(v) { seen.append(v) } }
            // An axis with one value is stated in the paragraph above; the table shows what varies.
            guard seen.count > 1 else { return }
            for v in seen {
                let sub = settings.filter { key($0) == v }
                // Shown in the page's language (decimal comma in French); the raw value stays in data-axis-value.
                let shown = Double(v).map { $0 == $0.rounded() && name != "p" && name != "θ" && name != "δ" && name != "F" ? v : fmt($0, 2) } ?? v
                h += "<tr data-axis=\"\(Self.escape(name))\" data-axis-value=\"\(Self.escape(v))\">" + textCell("axis", name) + textCell("value", shown)
                h += "<td data-col=\"settings\" data-value=\"\(sub.count)\">\(sub.count)</td>"
                for verdict in [ReachSensitivity.Verdict.fewer, .unclear, .more] {
                    let k = sub.filter { $0.verdict == verdict }.count
                    h += "<td data-col=\"\(verdict == .unclear ? "unclear" : verdict.rawValue)\" data-value=\"\(k)\">\(k)</td>"
                }
                h += "</tr>\n"
            }
        }
        axis("p") { "\($0.probability)" }
        axis("θ") { "\($0.theta)" }
        axis(t("model", "modèle")) { $0.model.rawValue }
        axis("δ") { $0.forgetting.map { "\($0)" } }
        axis("R") { $0.routinization.map { "\($0)" } }
        axis("F") { $0.formalization.map { "\($0)" } }
        axis(t("null model", "modèle nul")) { $0.null.rawValue }
        h += "</tbody>\n</table>\n"
        return h
    }

    /// Every setting, folded.
    func settingsTable(_ settings: [ReachSensitivity.Setting]) -> String {
        var h = "<details><summary>\(t("All \(settings.count) settings", "Les \(settings.count) réglages"))</summary>\n"
        h += "<table class=\"sortable\" id=\"sensitivity-table\">\n<thead><tr><th>\(t("null model", "modèle nul"))</th><th>\(t("model", "modèle"))</th><th>p</th><th>θ</th><th>δ</th><th>R</th><th>F</th>"
        h += "<th>\(t("organizations institutionalized", "organisations institutionnalisées"))</th><th>\(t("chance", "hasard"))</th><th>p (\(t("less", "moins")))</th><th>p (\(t("greater", "plus")))</th><th>\(t("verdict", "verdict"))</th></tr></thead>\n<tbody>\n"
        for s in settings {
            h += "<tr data-verdict=\"\(s.verdict.rawValue)\">" + textCell("null", s.null.rawValue) + textCell("model", s.model.rawValue)
            h += numCell("p", s.probability, 2) + numCell("theta", s.theta, 2)
            h += s.forgetting.map { numCell("forgetting", $0, 2) } ?? "<td>–</td>"
            h += s.routinization.map { "<td data-col=\"routinization\" data-value=\"\($0)\">\($0)</td>" } ?? "<td>–</td>"
            h += s.formalization.map { numCell("formalization", $0, 2) } ?? "<td>–</td>"
            h += numCell("observed", s.comparison.observed, 2) + numCell("null_mean", s.comparison.nullMean, 2)
            h += numCell("p_less", s.comparison.pLess, 3) + numCell("p_greater", s.comparison.pGreater, 3)
            h += textCell("verdict", verdictText(s.verdict)) + "</tr>\n"
        }
        h += "</tbody>\n</table>\n</details>\n"
        return h
    }
}
