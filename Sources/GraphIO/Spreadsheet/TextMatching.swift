import Foundation

/// How the import compares what people type: headers, yes/no cells, relation words, and the
/// names of a sheet with a near miss ("did you mean Loïc Müller?").
enum TextMatching {
    /// `s` lowercased, accents removed, every run of non-letters and non-digits one space,
    /// trimmed: `"Comité de pilotage ?"` → `"comite de pilotage"`.
    /// - Complexity: O(length).
    static func folded(_ s: String) -> String {
        let f = s.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
        var out = ""
        var space = false
        for ch in f.unicodeScalars {
            if CharacterSet.alphanumerics.contains(ch) {
                if space && !out.isEmpty { out.append(" ") }
                space = false
                out.unicodeScalars.append(ch)
            } else {
                space = true
            }
        }
        return out
    }

    /// A name as an id: trimmed, every run of whitespace (no-break spaces included, which
    /// French Excel puts before `:` and in numbers) one space.
    static func tidyName(_ s: String) -> String {
        var out = ""
        var space = false
        for ch in s.unicodeScalars {
            if ch.properties.isWhitespace {
                space = true
            } else {
                if space && !out.isEmpty { out.append(" ") }
                space = false
                out.unicodeScalars.append(ch)
            }
        }
        return out
    }

    /// A yes/no cell in French or English: oui/non, yes/no, o/n, y/n, vrai/faux, true/false,
    /// x, 1/0; an empty cell or `-` is no. Nil for anything else.
    static func yesNo(_ s: String) -> Bool? {
        let t = s.trimmingCharacters(in: .whitespacesAndNewlines)
        if t == "✓" || t == "✔" || t == "☑" { return true }
        switch folded(t) {
        case "oui", "o", "yes", "y", "x", "vrai", "true", "1": return true
        case "non", "n", "no", "faux", "false", "0", "": return false
        default: return nil
        }
    }

    /// Levenshtein distance between two strings' Unicode scalars.
    /// - Complexity: O(|a|·|b|) time, O(|b|) space.
    static func distance(_ a: String, _ b: String) -> Int {
        let x = Array(a.unicodeScalars), y = Array(b.unicodeScalars)
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var previous = Array(0...y.count)
        var current = [Int](repeating: 0, count: y.count + 1)
        for i in 1...x.count {
            current[0] = i
            for j in 1...y.count {
                let cost = x[i - 1] == y[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &current)
        }
        return previous[y.count]
    }

    /// The candidate closest to `s` (compared folded: case and accents do not count), when it is
    /// close enough to be a likely typo: at most 2 edits, or a third of the name's length.
    /// - Complexity: O(candidates · length²).
    static func closest(to s: String, in candidates: [String]) -> String? {
        let f = folded(s)
        var best: (String, Int)?
        for c in candidates {
            let d = distance(f, folded(c))
            if best == nil || d < best!.1 { best = (c, d) }
        }
        guard let (c, d) = best, d <= max(2, f.unicodeScalars.count / 3) else { return nil }
        return c
    }

    /// ` (did you mean "X"?)`, or nothing.
    static func suggestion(for s: String, in candidates: [String]) -> String {
        closest(to: s, in: candidates).map { "; did you mean \(GraphIOError.quote($0))?" } ?? ""
    }
}
