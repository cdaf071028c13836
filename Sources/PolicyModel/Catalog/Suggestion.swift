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

    /// ` (did you mean `x`?)`, or nothing.
    public static func hint(_ word: String, in candidates: [String]) -> String {
        closest(word, in: candidates).map { " (did you mean `\($0)`?)" } ?? ""
    }
}
