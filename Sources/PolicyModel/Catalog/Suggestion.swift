/// "did you mean …?" for a mistyped id, answer or service name.
public enum Suggestion {
    /// The candidate closest to `word` (case-insensitive edit distance), if it is close enough
    /// to be a typo: at most 2 edits, or a third of the word's length for long names.
    public static func closest(_ word: String, in candidates: [String]) -> String? {
        let w = Array(word.lowercased().unicodeScalars)
        let scored = candidates.map { ($0, EditDistance.levenshtein(w, Array($0.lowercased().unicodeScalars))) }
        let limit = max(2, w.count / 3)
        guard let best = scored.min(by: { $0.1 < $1.1 }), best.1 <= limit, best.1 < w.count else { return nil }
        return best.0
    }

    /// What `word` may have meant: the candidates it begins (ignoring case; a start of two
    /// characters or more, so `trainin` names `training-opt-out`), else those it abbreviates
    /// (`tos` for `terms-of-service`), else the closest one.
    public static func candidates(_ word: String, in candidates: [String]) -> [String] {
        let start = word.lowercased()
        if start.count >= 2 {
            let begun = candidates.filter { $0.lowercased().hasPrefix(start) && $0.lowercased() != start }
            if !begun.isEmpty { return begun }
            let abbreviated = candidates.filter { initials($0) == start }
            if !abbreviated.isEmpty { return abbreviated }
        }
        return closest(word, in: candidates).map { [$0] } ?? []
    }

    /// The first letters of an id's words: `tos` for `terms-of-service`.
    static func initials(_ id: String) -> String {
        String(id.lowercased().split(whereSeparator: { $0 == "-" || $0 == "_" || $0 == " " }).compactMap(\.first))
    }

    /// ` (did you mean `x`?)`, ` (did you mean `x` or `y`?)`, or nothing.
    public static func hint(_ word: String, in candidates: [String]) -> String {
        let names = Self.candidates(word, in: candidates).map { "`\($0)`" }
        guard let last = names.last else { return "" }
        let listed = names.count == 1 ? last : names.dropLast().joined(separator: ", ") + " or " + last
        return " (did you mean \(listed)?)"
    }
}
