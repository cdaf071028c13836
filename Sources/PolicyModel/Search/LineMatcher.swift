/// How well a line (a paragraph of a document, or a whole quote) matches a query, best first:
/// the exact phrase; every word in order within a short window; every word somewhere in the
/// line; then the same three with the last word matched only as the start of a longer word.
public enum MatchTier: Int, Sendable, Comparable, CaseIterable {
    case phrase = 0, window, clause, prefixPhrase, prefixWindow, prefixClause

    /// The score reported with hits: 6 for the exact phrase down to 1.
    public var score: Int { 6 - rawValue }

    /// Whether the last word matched only as the start of a longer word.
    public var isPrefix: Bool { self >= .prefixPhrase }

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

/// The gap before each token of a line.
protocol GapSource {
    subscript(_ p: Int) -> Gap { get }
}

extension Array: GapSource where Element == Gap {}

/// Gaps read from tokens as the index stores them (in their top bits).
struct TokenGaps: GapSource {
    let tokens: UnsafeBufferPointer<UInt32>
    subscript(_ p: Int) -> Gap { Gap(rawValue: UInt8(truncatingIfNeeded: tokens[p] >> IndexTables.idBits)) ?? .strong }
}

/// Finds a line's tier from where each query word matches (recorded token by token, in order).
/// Works on those places only, so a long line with few matches costs little. Keeps its buffers.
struct LineEvaluator {
    static let prefix: UInt8 = 1, whole: UInt8 = 2

    /// Records in token order: word << 40 | token << 8 | kind.
    private var records: [UInt64] = []
    private var words = 0
    /// Per word, its places (token, kind) in token order: `places[placeStart[w]..<placeStart[w + 1]]`.
    private var placeStart: [Int] = []
    private var placeToken: [Int32] = []
    private var placeKind: [UInt8] = []
    /// Per unit, where it occurs: start token and kind, in token order.
    private var unitStart: [Int] = []
    private var unitToken: [Int32] = []
    private var unitKind: [UInt8] = []
    private var cursor: [Int] = []

    mutating func begin(words n: Int) {
        words = n
        records.removeAll(keepingCapacity: true)
    }

    /// Word `w` matches token `p` (`prefix` or `whole`); tokens come in ascending order.
    @inline(__always)
    mutating func record(word w: Int, token p: Int, kind: UInt8) {
        records.append(UInt64(truncatingIfNeeded: w) << 40 | UInt64(truncatingIfNeeded: p & 0xFFFF_FFFF) << 8 | UInt64(kind))
    }

    /// The tier of the line whose matches were recorded, or nil when some unit does not occur.
    mutating func evaluate<G: GapSource>(_ plan: QueryPlan, count: Int, gaps: G) -> LineMatch? {
        guard words == plan.wordCount, words > 0, count > 0 else { return nil }
        gatherPlaces()
        guard findUnits(plan, gaps: gaps) else { return nil }
        let allWhole = plan.units.indices.allSatisfy { u in unitRow(u).contains { unitKind[$0] == Self.whole } }
        let least = allWhole ? Self.whole : Self.prefix
        let tiers: (MatchTier, MatchTier, MatchTier) = allWhole ? (.phrase, .window, .clause) : (.prefixPhrase, .prefixWindow, .prefixClause)
        if let span = phrase(plan, least: least, gaps: gaps) { return LineMatch(tier: tiers.0, first: span.0, last: span.1) }
        if let span = window(plan, least: least) { return LineMatch(tier: tiers.1, first: span.0, last: span.1) }
        // Every unit is somewhere: show the first unit's earliest occurrence.
        guard let i = unitRow(0).first(where: { unitKind[$0] >= least }) else { return nil }
        return LineMatch(tier: tiers.2, first: Int(unitToken[i]), last: Int(unitToken[i]) + plan.units[0].count - 1)
    }

    /// Records where each of `words` matches a token of `line` (whole, or as its start for a
    /// word that may be a prefix).
    mutating func record(_ line: TokenizedLine, words: [SearchQuery.Word]) {
        begin(words: words.count)
        for p in 0..<line.count {
            let token = line.token(p)
            for (j, w) in words.enumerated() {
                if token.elementsEqual(w.bytes) {
                    record(word: j, token: p, kind: Self.whole)
                } else if w.prefix, token.count > w.bytes.count, token.starts(with: w.bytes) {
                    record(word: j, token: p, kind: Self.prefix)
                }
            }
        }
    }

    /// Token ranges of every occurrence of every unit of the recorded line, in order, whether
    /// or not the line holds the other units (what a reader highlights).
    mutating func anyOccurrences<G: GapSource>(_ plan: QueryPlan, gaps: G) -> [ClosedRange<Int>] {
        guard words == plan.wordCount, words > 0 else { return [] }
        gatherPlaces()
        _ = findUnits(plan, gaps: gaps, requireAll: false)
        return occurrences(plan)
    }

    /// Token ranges of every occurrence of every unit (after `evaluate`), in order; with
    /// `least` = `whole`, only where every word matched whole.
    func occurrences(_ plan: QueryPlan, least: UInt8 = Self.prefix) -> [ClosedRange<Int>] {
        var out: [ClosedRange<Int>] = []
        for (u, unit) in plan.units.enumerated() where u + 1 < unitStart.count {
            for i in unitRow(u) where unitKind[i] >= least { out.append(Int(unitToken[i])...(Int(unitToken[i]) + unit.count - 1)) }
        }
        return out.sorted { $0.lowerBound < $1.lowerBound }
    }

    private func unitRow(_ u: Int) -> Range<Int> { unitStart[u]..<unitStart[u + 1] }
    private func placeRow(_ w: Int) -> Range<Int> { placeStart[w]..<placeStart[w + 1] }

    /// Records grouped by word (a counting sort; each group stays in token order).
    private mutating func gatherPlaces() {
        placeStart.removeAll(keepingCapacity: true)
        placeStart.append(contentsOf: repeatElement(0, count: words + 1))
        for r in records { placeStart[Int(r >> 40) + 1] += 1 }
        for w in 0..<words { placeStart[w + 1] += placeStart[w] }
        cursor.removeAll(keepingCapacity: true)
        cursor.append(contentsOf: placeStart.dropLast())
        placeToken.removeAll(keepingCapacity: true)
        placeToken.append(contentsOf: repeatElement(0, count: records.count))
        placeKind.removeAll(keepingCapacity: true)
        placeKind.append(contentsOf: repeatElement(0, count: records.count))
        for r in records {
            let w = Int(r >> 40)
            placeToken[cursor[w]] = Int32(truncatingIfNeeded: (r >> 8) & 0xFFFF_FFFF)
            placeKind[cursor[w]] = UInt8(truncatingIfNeeded: r)
            cursor[w] += 1
        }
    }

    /// How word `w` matches token `p` (0 when it does not).
    private func kind(_ w: Int, at p: Int) -> UInt8 {
        var lo = placeStart[w], hi = placeStart[w + 1]
        while lo < hi {
            let mid = (lo + hi) / 2
            if Int(placeToken[mid]) < p { lo = mid + 1 } else { hi = mid }
        }
        return lo < placeStart[w + 1] && Int(placeToken[lo]) == p ? placeKind[lo] : 0
    }

    /// Where each unit occurs; false when one does not (with `requireAll`, as soon as one does not).
    private mutating func findUnits<G: GapSource>(_ plan: QueryPlan, gaps: G, requireAll: Bool = true) -> Bool {
        unitStart.removeAll(keepingCapacity: true)
        unitToken.removeAll(keepingCapacity: true)
        unitKind.removeAll(keepingCapacity: true)
        unitStart.append(0)
        for unit in plan.units {
            let first = unit.lowerBound
            for i in placeRow(first) {
                let p = Int(placeToken[i])
                var k = placeKind[i]
                for (offset, w) in unit.enumerated().dropFirst() {
                    let m = kind(w, at: p + offset)
                    if m == 0 || !QueryPlan.fits(text: gaps[p + offset], query: plan.gaps[w]) { k = 0; break }
                    k = min(k, m)
                }
                if k != 0 {
                    unitToken.append(Int32(truncatingIfNeeded: p))
                    unitKind.append(k)
                }
            }
            let found = unitToken.count > unitStart[unitStart.count - 1]
            unitStart.append(unitToken.count)
            if !found && requireAll { return false }
        }
        return true
    }

    /// Whether unit `u` occurs at token `p` at least as `least`.
    private func unit(_ u: Int, at p: Int, least: UInt8) -> Bool {
        var lo = unitStart[u], hi = unitStart[u + 1]
        while lo < hi {
            let mid = (lo + hi) / 2
            if Int(unitToken[mid]) < p { lo = mid + 1 } else { hi = mid }
        }
        return lo < unitStart[u + 1] && Int(unitToken[lo]) == p && unitKind[lo] >= least
    }

    /// The leftmost run of every unit one after another, as the query has them.
    private func phrase<G: GapSource>(_ plan: QueryPlan, least: UInt8, gaps: G) -> (Int, Int)? {
        for i in unitRow(0) where unitKind[i] >= least {
            let start = Int(unitToken[i])
            var p = start + plan.units[0].count
            var ok = true
            for u in plan.units.indices.dropFirst() {
                guard unit(u, at: p, least: least), QueryPlan.fits(text: gaps[p], query: plan.gaps[plan.units[u].lowerBound]) else {
                    ok = false
                    break
                }
                p += plan.units[u].count
            }
            if ok { return (start, p - 1) }
        }
        return nil
    }

    /// The leftmost start from which every unit follows in order, each as early as it can,
    /// within the query's length plus `windowSlack` tokens.
    private mutating func window(_ plan: QueryPlan, least: UInt8) -> (Int, Int)? {
        let limit = plan.wordCount + QueryPlan.windowSlack
        cursor.removeAll(keepingCapacity: true)
        cursor.append(contentsOf: plan.units.indices.map { unitStart[$0] })
        for i in unitRow(0) where unitKind[i] >= least {
            let start = Int(unitToken[i])
            var p = start + plan.units[0].count
            for u in plan.units.indices.dropFirst() {
                // The earliest place at or after `p`: later starts only ask for later places.
                var c = cursor[u]
                while c < unitStart[u + 1] && (Int(unitToken[c]) < p || unitKind[c] < least) { c += 1 }
                cursor[u] = c
                guard c < unitStart[u + 1] else { return nil }
                p = Int(unitToken[c]) + plan.units[u].count
            }
            if p - start <= limit { return (start, p - 1) }
        }
        return nil
    }
}
