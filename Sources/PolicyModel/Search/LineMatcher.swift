/// How well a line (a paragraph of a document, or a whole quote) matches a query, best first:
/// the exact phrase; every word in order within a short window; every word somewhere in the
/// line; then the same three with the last word matched only as the start of a longer word.
public enum MatchTier: Int, Sendable, Comparable, CaseIterable {
    case phrase = 0, window, clause, prefixPhrase, prefixWindow, prefixClause

    /// The score reported with hits: 6 for the exact phrase down to 1.
    public var score: Int { 6 - rawValue }

    public static func < (a: MatchTier, b: MatchTier) -> Bool { a.rawValue < b.rawValue }
}

/// A query's words grouped into units that must appear as one (a quoted phrase, a run of CJK
/// characters, or a single word), with what may separate them.
struct QueryPlan: Sendable {
    /// Word index ranges of the units, in query order.
    let units: [Range<Int>]
    let gaps: [Gap]
    let wordCount: Int

    /// Extra words a window may hold beyond the query's own.
    static let windowSlack = 5

    init(_ words: [SearchQuery.Word]) {
        var units: [Range<Int>] = []
        for (i, w) in words.enumerated() {
            if w.joined, let last = units.last { units[units.count - 1] = last.lowerBound..<(i + 1) } else { units.append(i..<(i + 1)) }
        }
        self.units = units
        gaps = words.map(\.gap)
        wordCount = words.count
    }

    /// Whether a text gap may stand where the query has `query` between two words: a strong
    /// separator in the query (`4.3`) asks for one in the text; anything else asks for no strong one.
    static func fits(text: Gap, query: Gap) -> Bool { query == .strong ? text == .strong : text != .strong }
}

/// The result of matching one line: its tier and the token span shown as the match.
struct LineMatch: Sendable, Hashable {
    var tier: MatchTier
    /// First and last token (inclusive) of the match.
    var first: Int
    var last: Int
}

/// Finds a line's tier from which words match which tokens. Keeps its scratch buffers.
struct LineEvaluator {
    static let none: UInt8 = 0, prefix: UInt8 = 1, whole: UInt8 = 2

    /// `kinds[p * wordCount + w]`: how word `w` matches token `p` (none, prefix, whole).
    var kinds: [UInt8] = []
    /// `unitKind[u * count + p]`: how unit `u` matches starting at token `p`.
    private var unitKind: [UInt8] = []

    /// Sizes `kinds` for a line of `count` tokens, cleared.
    mutating func reset(count: Int, words: Int) {
        kinds.removeAll(keepingCapacity: true)
        kinds.append(contentsOf: repeatElement(0, count: count * words))
    }

    /// The tier of the line whose `kinds` were filled, or nil when some unit does not occur.
    mutating func evaluate(_ plan: QueryPlan, gaps: [Gap]) -> LineMatch? {
        let count = gaps.count
        let n = plan.wordCount
        guard n > 0, count > 0, kinds.count == count * n else { return nil }
        unitKind.removeAll(keepingCapacity: true)
        unitKind.append(contentsOf: repeatElement(0, count: plan.units.count * count))
        var allWhole = true
        for (u, unit) in plan.units.enumerated() {
            var any = false, whole = false
            var p = 0
            while p + unit.count <= count {
                var kind = Self.whole
                for (k, w) in unit.enumerated() {
                    let m = kinds[(p + k) * n + w]
                    if m == Self.none || (k > 0 && !QueryPlan.fits(text: gaps[p + k], query: plan.gaps[w])) { kind = Self.none; break }
                    kind = min(kind, m)
                }
                unitKind[u * count + p] = kind
                if kind != Self.none { any = true }
                if kind == Self.whole { whole = true }
                p += 1
            }
            if !any { return nil }
            if !whole { allWhole = false }
        }
        let least = allWhole ? Self.whole : Self.prefix
        let base = allWhole ? 0 : 3
        if let span = phrase(plan, least: least, gaps: gaps) { return LineMatch(tier: MatchTier(rawValue: base)!, first: span.0, last: span.1) }
        if let span = window(plan, least: least) { return LineMatch(tier: MatchTier(rawValue: base + 1)!, first: span.0, last: span.1) }
        // Every unit is somewhere: show the first unit's earliest occurrence.
        let count0 = count
        for p in 0..<count0 where unitKind[p] >= least {
            return LineMatch(tier: MatchTier(rawValue: base + 2)!, first: p, last: p + plan.units[0].count - 1)
        }
        return nil
    }

    /// The leftmost run of every unit one after another, as the query has them.
    private func phrase(_ plan: QueryPlan, least: UInt8, gaps: [Gap]) -> (Int, Int)? {
        let count = gaps.count
        for start in 0..<count where unitKind[start] >= least {
            var p = start + plan.units[0].count
            var ok = true
            for u in 1..<max(1, plan.units.count) {
                guard p < count, unitKind[u * count + p] >= least,
                      QueryPlan.fits(text: gaps[p], query: plan.gaps[plan.units[u].lowerBound]) else { ok = false; break }
                p += plan.units[u].count
            }
            if ok { return (start, p - 1) }
        }
        return nil
    }

    /// The leftmost start from which every unit follows in order, each as early as it can,
    /// within the query's length plus `windowSlack` tokens.
    private func window(_ plan: QueryPlan, least: UInt8) -> (Int, Int)? {
        let count = unitKind.count / max(1, plan.units.count)
        let limit = plan.wordCount + QueryPlan.windowSlack
        for start in 0..<count where unitKind[start] >= least {
            var p = start + plan.units[0].count
            var ok = true
            for u in 1..<max(1, plan.units.count) {
                while p < count && unitKind[u * count + p] < least { p += 1 }
                guard p < count else { ok = false; break }
                p += plan.units[u].count
            }
            if !ok { return nil }
            if p - start <= limit { return (start, p - 1) }
        }
        return nil
    }

    /// Token ranges of every occurrence of every unit (for highlighting), in order.
    func occurrences(_ plan: QueryPlan, count: Int) -> [ClosedRange<Int>] {
        var out: [ClosedRange<Int>] = []
        for (u, unit) in plan.units.enumerated() {
            for p in 0..<count where unitKind[u * count + p] != Self.none { out.append(p...(p + unit.count - 1)) }
        }
        return out.sorted { $0.lowerBound < $1.lowerBound }
    }
}
