/// Where a quote sits in a version's raw text.
public struct Anchor: Sendable, Hashable {
    /// Offsets in Unicode scalars of the raw version text; `end` is exclusive.
    public var start: Int
    public var end: Int
    /// The innermost enclosing section's label (`4.3`, `第四条`, a heading), if any.
    public var section: String?
}

public enum AnchorFailure: Error, Sendable, Hashable, CustomStringConvertible {
    case empty
    case notFound
    /// Several occurrences and no prefix/suffix to pick one.
    case ambiguous(count: Int)
    /// prefix/suffix given but no occurrence has them.
    case contextNotFound(count: Int)

    public var description: String {
        switch self {
        case .empty: return "the quote is empty"
        case .notFound: return "quote not found in the text: copy it verbatim from the version file (spacing and Markdown markup may differ)"
        case .ambiguous(let n): return "quote occurs \(n) times: add `prefix` or `suffix` to pick one"
        case .contextNotFound(let n): return "quote occurs \(n.counted("time")) but none with the given prefix/suffix"
        }
    }
}

/// A version's text prepared for anchoring: raw scalars, normalized form and sections.
public final class PreparedText: Sendable {
    public let raw: [Unicode.Scalar]
    public let normalized: NormalizedText
    public let sections: SectionIndex

    public init(_ text: String) {
        raw = Array(text.unicodeScalars)
        normalized = NormalizedText(scalars: raw)
        sections = SectionIndex(scalars: raw)
    }

    /// The raw text of a range, as a String.
    public func text(_ start: Int, _ end: Int) -> String {
        let lo = max(0, min(start, raw.count))
        let hi = max(lo, min(end, raw.count))
        var view = String.UnicodeScalarView()
        view.append(contentsOf: raw[lo..<hi])
        return String(view)
    }
}

public enum QuoteAnchoring {
    /// Finds exactly one occurrence of `quote` (narrowed by `prefix`/`suffix` when given).
    public static func anchor(quote: String, prefix: String? = nil, suffix: String? = nil, in text: PreparedText) -> Result<Anchor, AnchorFailure> {
        let needle = NormalizedText(quote).scalars
        guard !needle.isEmpty else { return .failure(.empty) }
        let hits = text.normalized.occurrences(of: needle)
        guard !hits.isEmpty else { return .failure(.notFound) }
        var picked = hits
        let pre = prefix.map { NormalizedText($0).scalars } ?? []
        let suf = suffix.map { NormalizedText($0).scalars } ?? []
        if !pre.isEmpty || !suf.isEmpty {
            picked = hits.filter { start in
                matchesBefore(pre, at: start, in: text.normalized) && matchesAfter(suf, at: start + needle.count, in: text.normalized)
            }
            if picked.isEmpty { return .failure(.contextNotFound(count: hits.count)) }
        }
        if picked.count > 1 && !repeatsWithSameSurroundings(picked, length: needle.count, in: text.normalized) {
            return .failure(.ambiguous(count: picked.count))
        }
        guard let start = picked.first else { return .failure(.notFound) }
        let range = text.normalized.rawRange(start, start + needle.count)
        return .success(Anchor(start: range.start, end: range.end, section: text.sections.section(at: range.start)?.label))
    }

    /// Where a quote is in a text if it is there at all: anchored as `anchor` does, else its
    /// first occurrence (several, or none with the given surroundings), else the same words
    /// with other punctuation or spacing. Nil when the text does not have it.
    static func presence(quote: String, prefix: String?, suffix: String?, in text: PreparedText) -> Anchor? {
        if case .success(let anchor) = anchor(quote: quote, prefix: prefix, suffix: suffix, in: text) { return anchor }
        let needle = NormalizedText(quote).scalars
        if let first = text.normalized.occurrences(of: needle, limit: 1).first {
            let range = text.normalized.rawRange(first, first + needle.count)
            return Anchor(start: range.start, end: range.end, section: text.sections.section(at: range.start)?.label)
        }
        return LooseMatch.anchor(quote: quote, prefix: prefix, suffix: suffix, in: text)
    }

    /// Scraped pages sometimes carry the same terms twice (one URL serving two regional
    /// variants). When every occurrence has the same surroundings, no prefix or suffix could
    /// tell them apart and they say the same thing: the quote anchors at the first.
    static let duplicateContext = 120

    static func repeatsWithSameSurroundings(_ starts: [Int], length: Int, in text: NormalizedText) -> Bool {
        guard let first = starts.first else { return false }
        let before = text.slice(first - duplicateContext, first)
        let after = text.slice(first + length, first + length + duplicateContext)
        guard before.count == duplicateContext, after.count == duplicateContext else { return false }
        return starts.dropFirst().allSatisfy { start in
            text.slice(start - duplicateContext, start).elementsEqual(before)
                && text.slice(start + length, start + length + duplicateContext).elementsEqual(after)
        }
    }

    /// Does the normalized text just before `index` end with `context` (ignoring one space between)?
    static func matchesBefore(_ context: [Unicode.Scalar], at index: Int, in text: NormalizedText) -> Bool {
        guard !context.isEmpty else { return true }
        var end = index
        if end > 0, text.scalars[end - 1] == " " { end -= 1 }
        let start = end - context.count
        guard start >= 0 else { return false }
        return Array(text.scalars[start..<end]) == context
    }

    static func matchesAfter(_ context: [Unicode.Scalar], at index: Int, in text: NormalizedText) -> Bool {
        guard !context.isEmpty else { return true }
        var start = index
        if start < text.count, text.scalars[start] == " " { start += 1 }
        let end = start + context.count
        guard end <= text.count else { return false }
        return Array(text.scalars[start..<end]) == context
    }
}
