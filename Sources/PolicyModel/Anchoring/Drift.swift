/// What became of a quote pinned to an older version when the newest version is read.
public enum DriftStatus: String, Sendable, Codable {
    /// Found in the newest version, in the same section.
    case still
    /// Found in the newest version, under another section.
    case moved
    /// Not found as written, but a close match is there (the sentence was edited).
    case changed
    /// Nothing close enough in the newest version.
    case gone
}

public struct DriftResult: Sendable, Hashable {
    public var status: DriftStatus
    /// Where the quote (or its closest match) is in the newest version.
    public var anchor: Anchor?
    /// For `changed`: the closest text found, and how similar it is (0…1).
    public var closest: String?
    public var similarity: Double?
}

/// Re-anchors quotes in a newer version, scoring quote, prefix and suffix the way Hypothesis
/// re-anchors annotations: exact first, then the best fuzzy match near where shingles agree.
public enum DriftCheck {
    /// Matches at least this similar count as `changed`; below it the quote is `gone`.
    public static let changedThreshold = 0.75

    public static func recheck(quote: String, prefix: String?, suffix: String?, oldSection: String?, in newest: PreparedText) -> DriftResult {
        switch QuoteAnchoring.anchor(quote: quote, prefix: prefix, suffix: suffix, in: newest) {
        case .success(let anchor):
            let same = anchor.section == oldSection
            return DriftResult(status: same ? .still : .moved, anchor: anchor)
        case .failure(.ambiguous), .failure(.contextNotFound):
            // Still there (more than once, or with new surroundings): treat as moved, at the first place.
            if case .success(let anchor) = QuoteAnchoring.anchor(quote: quote, in: newest) {
                return DriftResult(status: .moved, anchor: anchor)
            }
            return loose(quote: quote, prefix: prefix, suffix: suffix, oldSection: oldSection, in: newest)
        case .failure:
            return loose(quote: quote, prefix: prefix, suffix: suffix, oldSection: oldSection, in: newest)
        }
    }

    /// The same words with only punctuation or spacing changed is the same quote (still or
    /// moved); anything else is matched fuzzily.
    private static func loose(quote: String, prefix: String?, suffix: String?, oldSection: String?, in newest: PreparedText) -> DriftResult {
        if let anchor = LooseMatch.anchor(quote: quote, prefix: prefix, suffix: suffix, in: newest) {
            return DriftResult(status: anchor.section == oldSection ? .still : .moved, anchor: anchor)
        }
        return fuzzy(quote: quote, prefix: prefix, suffix: suffix, in: newest)
    }

    static func fuzzy(quote: String, prefix: String?, suffix: String?, in text: PreparedText,
                      threshold: Double = changedThreshold) -> DriftResult {
        let needle = NormalizedText(quote).scalars
        let hay = text.normalized
        guard needle.count >= 8, hay.count > 0 else { return DriftResult(status: .gone) }
        // Candidate windows: where many k-grams of the quote occur.
        let k = needle.count >= 40 ? 8 : 4
        var grams: [Int: [Int]] = [:] // hash of k-gram -> offsets in the quote
        var q = 0
        while q + k <= needle.count {
            grams[hash(needle, q, k), default: []].append(q)
            q += max(1, k / 2)
        }
        var votes: [Int: Int] = [:] // bucket of probable quote start -> votes
        let bucket = max(16, needle.count / 4)
        var i = 0
        while i + k <= hay.count {
            if let offsets = grams[hash(hay.scalars, i, k)] {
                for o in offsets { votes[(i - o) / bucket, default: 0] += 1 }
            }
            i += 1
        }
        let candidates = votes.sorted { $0.value > $1.value }.prefix(3)
        var best: (score: Double, start: Int, end: Int)? = nil
        for (b, _) in candidates {
            let lo = max(0, b * bucket - needle.count / 2)
            let hi = min(hay.count, b * bucket + bucket + needle.count + needle.count / 2)
            guard let match = EditDistance.bestSubstringMatch(needle[...], in: hay.scalars[lo..<hi]) else { continue }
            var score = 1.0 - Double(match.distance) / Double(needle.count)
            // The match's start, found backwards from its end: an edit that shortened the quote
            // must not pull the text before it (the end of the previous section) into the match.
            let end = match.end
            let start = EditDistance.bestMatchStart(needle[...], endingWith: hay.scalars[lo..<end])
            score += contextBonus(prefix: prefix, suffix: suffix, start: start, end: end, in: hay)
            if let current = best, current.score >= score { continue }
            best = (score, start, end)
        }
        guard let found = best, found.score >= threshold else { return DriftResult(status: .gone) }
        let range = hay.rawRange(found.start, found.end)
        let anchor = Anchor(start: range.start, end: range.end, section: text.sections.section(at: range.start)?.label)
        return DriftResult(status: .changed, anchor: anchor, closest: text.text(range.start, range.end), similarity: min(1, found.score))
    }

    /// A small bonus when the old prefix/suffix still surround the match.
    private static func contextBonus(prefix: String?, suffix: String?, start: Int, end: Int, in hay: NormalizedText) -> Double {
        var bonus = 0.0
        if let prefix, !prefix.isEmpty {
            let p = NormalizedText(prefix).scalars
            if QuoteAnchoring.matchesBefore(p, at: start, in: hay) { bonus += 0.05 }
        }
        if let suffix, !suffix.isEmpty {
            let s = NormalizedText(suffix).scalars
            if QuoteAnchoring.matchesAfter(s, at: end, in: hay) { bonus += 0.05 }
        }
        return bonus
    }

    private static func hash(_ s: [Unicode.Scalar], _ at: Int, _ k: Int) -> Int {
        var h = 1469598103934665603 as UInt64
        for j in at..<(at + k) { h = (h ^ UInt64(s[j].value)) &* 1099511628211 }
        return Int(truncatingIfNeeded: h)
    }
}
