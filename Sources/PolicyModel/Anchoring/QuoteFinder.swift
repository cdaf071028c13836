/// Finds a passage for `termlens quote` and for `check`'s "quote not found" hint: the exact
/// place with what an evidence entry needs, or the nearest passage and where it first differs.
public enum QuoteFinder {
    public struct Found: Sendable, Hashable {
        public var anchor: Anchor
        /// The quote's text as it stands in the document (raw, markup included).
        public var raw: String
        /// Context that makes the occurrence unique, when the quote occurs more than once
        /// (the shorter of the two that work).
        public var prefix: String?
        public var suffix: String?
        /// How many times the quote occurs (the entry picks the requested one).
        public var occurrences: Int
    }

    public struct Near: Sendable, Hashable {
        /// The closest passage, its place, and how similar it is (0…1).
        public var text: String
        public var anchor: Anchor
        public var similarity: Double
        /// The first difference: its offset in the quote as written (Unicode scalars), the
        /// character the quote has there and the one the document has (nil at an end).
        public var offset: Int
        public var expected: Unicode.Scalar?
        public var found: Unicode.Scalar?
    }

    public enum Result: Sendable, Hashable {
        case found(Found)
        case near(Near)
        case nothing
    }

    /// Looks for `quote` in `text`; `occurrence` (1-based) picks one of several.
    public static func find(_ quote: String, in text: PreparedText, occurrence: Int = 1) -> Result {
        let needle = NormalizedText(quote)
        guard needle.count > 0 else { return .nothing }
        let hay = text.normalized
        let hits = hay.occurrences(of: needle.scalars)
        if !hits.isEmpty {
            let index = min(max(occurrence, 1), hits.count) - 1
            let start = hits[index]
            let range = hay.rawRange(start, start + needle.count)
            let anchor = Anchor(start: range.start, end: range.end, section: text.sections.section(at: range.start)?.label)
            var prefix: String?, suffix: String?
            if hits.count > 1, !QuoteAnchoring.repeatsWithSameSurroundings(hits, length: needle.count, in: hay) {
                prefix = uniqueContext(at: start, length: needle.count, quote: quote, in: text, before: true)
                suffix = uniqueContext(at: start, length: needle.count, quote: quote, in: text, before: false)
                if let p = prefix, let s = suffix {
                    if s.unicodeScalars.count < p.unicodeScalars.count { prefix = nil } else { suffix = nil }
                }
            }
            return .found(Found(anchor: anchor, raw: text.text(range.start, range.end), prefix: prefix, suffix: suffix,
                                occurrences: hits.count))
        }
        return nearest(needle, quote: quote, in: text).map(Result.near) ?? .nothing
    }

    /// The shortest run of whole words just before (or after) the occurrence at `start` that
    /// makes the quote unique there; runs of punctuation (a heading's underline) are left out
    /// at its far end.
    static func uniqueContext(at start: Int, length: Int, quote: String, in text: PreparedText, before: Bool) -> String? {
        let hay = text.normalized
        var view = String.UnicodeScalarView()
        view.append(contentsOf: before ? hay.slice(start - 400, start) : hay.slice(start + length, start + length + 400))
        let words = String(view).split(separator: " ").map(String.init)
        let target = hay.rawRange(start, start + 1).start
        let isPunctuation = { (w: String) in w.unicodeScalars.allSatisfy { !$0.properties.isAlphabetic && $0.properties.numericType == nil } }
        for k in 1...max(1, words.count) where k <= words.count {
            var picked = before ? Array(words.suffix(k)) : Array(words.prefix(k))
            while picked.count > 1, let far = before ? picked.first : picked.last, isPunctuation(far) {
                if before { picked.removeFirst() } else { picked.removeLast() }
            }
            let candidate = picked.joined(separator: " ")
            let result = before ? QuoteAnchoring.anchor(quote: quote, prefix: candidate, in: text)
                                : QuoteAnchoring.anchor(quote: quote, suffix: candidate, in: text)
            if case .success(let anchor) = result, anchor.start == target { return candidate }
        }
        return nil
    }

    /// The nearest passage: the longest prefix of the quote that occurs, continued for the
    /// quote's length, or the best fuzzy match; whichever is closer.
    static func nearest(_ needle: NormalizedText, quote: String, in text: PreparedText) -> Near? {
        let hay = text.normalized
        let n = needle.scalars
        // Longest prefix that occurs (binary search: occurring prefixes are closed downward).
        var lo = 0, hi = n.count - 1, bestStart: Int?
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if let hit = hay.occurrences(of: Array(n[0..<mid]), limit: 1).first {
                lo = mid
                bestStart = hit
            } else {
                hi = mid - 1
            }
        }
        var candidates: [(start: Int, end: Int)] = []
        if let s = bestStart, lo >= 4 { candidates.append((s, min(hay.count, s + n.count))) }
        let drift = DriftCheck.fuzzy(quote: quote, prefix: nil, suffix: nil, in: text, threshold: 0.4)
        if let a = drift.anchor {
            // Back to normalized offsets: the first normalized scalar at or after the raw start.
            let s = hay.rawOffsets.firstIndex { Int($0) >= a.start } ?? 0
            let e = hay.rawOffsets.firstIndex { Int($0) >= a.end } ?? hay.count
            candidates.append((s, e))
        }
        var best: Near?
        for c in candidates where c.end > c.start {
            let window = Array(hay.scalars[c.start..<c.end])
            let similarity = 1 - Double(EditDistance.levenshtein(n, window)) / Double(max(n.count, window.count))
            if let b = best, b.similarity >= similarity { continue }
            var k = 0
            while k < n.count && k < window.count && n[k] == window[k] { k += 1 }
            let range = hay.rawRange(c.start, c.end)
            let offset = k < needle.count ? Int(needle.rawOffsets[k]) : quote.unicodeScalars.count
            best = Near(text: text.text(range.start, range.end),
                        anchor: Anchor(start: range.start, end: range.end, section: text.sections.section(at: range.start)?.label),
                        similarity: similarity, offset: offset,
                        expected: k < n.count ? n[k] : nil, found: k < window.count ? window[k] : nil)
        }
        return best
    }
}

extension QuoteFinder {
    /// One line for an error message: the nearest passage and the first character that differs.
    public static func hint(_ quote: String, in text: PreparedText) -> String? {
        // A passage less alike than this is no hint: the quote is simply not there.
        guard case .near(let near) = find(quote, in: text), near.similarity >= 0.7 else { return nil }
        let percent = Int((near.similarity * 100).rounded(.down))
        let section = near.anchor.section.map { " in §\($0)" } ?? ""
        var line = "nearest passage\(section) is \(percent)% similar"
        switch (near.expected, near.found) {
        case (let e?, let f?):
            line += ", first difference at character \(near.offset + 1): the quote has \(describe(e)), the text has \(describe(f))"
        case (nil, _):
            line += ", the text goes on after the quote's character \(near.offset)"
        case (_?, nil):
            line += ", the text ends at the quote's character \(near.offset + 1)"
        }
        return line + " (termlens quote shows it)"
    }

    /// `’` (U+2019) — visible, and named when it could be mistaken for another.
    public static func describe(_ s: Unicode.Scalar) -> String {
        let hex = String(s.value, radix: 16, uppercase: true)
        let code = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        if s == " " { return "a space (U+0020)" }
        if s.properties.generalCategory == .control || s.properties.generalCategory == .format { return code }
        return "`\(s)` (\(code))"
    }
}
