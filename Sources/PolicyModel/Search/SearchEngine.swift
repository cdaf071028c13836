/// A straightforward search over quotes and document texts, written for clarity, not speed:
/// the index's reference in tests. Each line is folded scalar by scalar (`FoldedText`), cut
/// into words, and every way of placing the query's words is tried in order.
/// It covers what the index does except merging a quote with its document line.
public struct SearchEngine {
    public let catalog: Catalog

    public init(catalog: Catalog) { self.catalog = catalog }

    public func search(_ query: SearchQuery) -> [SearchHit] {
        guard !query.words.isEmpty else { return [] }
        // (tier, importance, date, order, hit) sorted, then cut at the limit.
        var ranked: [(tier: MatchTier, importance: Int, date: SimpleDate?, order: Int, hit: SearchHit)] = []
        var order = 0
        if query.scope != .documents {
            for vendor in catalog.vendors {
                for verdict in vendor.verdicts where query.surface?.accepts(verdict.surface) ?? true {
                    guard query.question?.accepts(verdict.question) ?? true else { continue }
                    for e in verdict.evidence {
                        order += 1
                        let doc = catalog.document(vendor: e.vendor, id: e.document)
                        guard query.vendor?.accepts(e.vendor) ?? true, query.document?.accepts(e.document) ?? true,
                              query.language?.accepts(doc?.language) ?? true,
                              let (tier, hit) = quoteHit(e, verdict: verdict, query: query) else { continue }
                        ranked.append((tier, 0, doc?.version(e.version)?.date ?? e.version, order, hit))
                    }
                }
            }
        }
        if query.scope != .quotes && query.surface == nil && query.question == nil {
            for vendor in catalog.vendors where query.vendor?.accepts(vendor.id) ?? true {
                for doc in vendor.documents where (query.document?.accepts(doc.id) ?? true) && (query.language?.accepts(doc.language) ?? true) {
                    let versions = query.allVersions ? doc.versions.reversed() : (doc.newest.map { [$0] } ?? [])
                    for version in versions {
                        order += 1
                        guard case .success(let text) = catalog.text(of: version) else { continue }
                        for (tier, hit) in documentHits(doc, version: version, text: text, query: query) {
                            ranked.append((tier, vendor.verdicts.isEmpty ? 2 : 1, version.date, order, hit))
                        }
                    }
                }
            }
        }
        // A stable sort: lines of one version stay in text order.
        let sorted = ranked.enumerated().sorted { a, b in
            let x = a.element, y = b.element
            if x.tier != y.tier { return x.tier < y.tier }
            if x.importance != y.importance { return x.importance < y.importance }
            if x.date != y.date { return SearchIndex.isNewer(x.date, than: y.date) }
            if x.order != y.order { return x.order < y.order }
            return a.offset < b.offset
        }
        return Array(sorted.map(\.element.hit).prefix(query.limit ?? .max))
    }

    private func quoteHit(_ e: Evidence, verdict: Verdict, query: SearchQuery) -> (MatchTier, SearchHit)? {
        let quote = Array(e.quote.unicodeScalars)
        guard let found = Self.match(query.words, in: quote[...]) else { return nil }
        let snippet = Snippet.make(quote, matchStart: found.start, matchEnd: found.end, highlights: found.highlights)
        var hit = SearchHit(kind: .quote, kinds: [.quote], vendor: e.vendor, document: e.document, version: e.version,
                            section: nil, start: nil, end: nil, snippet: snippet.text, snippetMatch: snippet.match,
                            matches: snippet.highlights, score: found.tier.score, surface: verdict.surface,
                            question: verdict.question, citedBy: [Citation(surface: verdict.surface, question: verdict.question)])
        let resolved = catalog.resolve(e)
        if let anchor = resolved.anchor, let version = resolved.version, case .success(let text) = catalog.text(of: version) {
            hit.version = version.date
            hit.section = anchor.section
            // The quote's normalized form lines up with the document's: map the match through it.
            let docNorm = text.normalized
            let quoteNorm = NormalizedText(e.quote)
            if let normStart = Self.firstIndex(in: docNorm.rawOffsets, atLeast: anchor.start) {
                let qs = Self.firstIndex(in: quoteNorm.rawOffsets, atLeast: found.start) ?? 0
                let qe = Self.firstIndex(in: quoteNorm.rawOffsets, atLeast: found.end) ?? quoteNorm.count
                let lo = normStart + qs
                let hi = normStart + max(qs + 1, qe)
                if hi <= docNorm.count {
                    let raw = docNorm.rawRange(lo, hi)
                    hit.start = raw.start
                    hit.end = raw.end
                    hit.section = text.sections.section(at: raw.start)?.label
                }
            }
        }
        return (found.tier, hit)
    }

    private func documentHits(_ doc: PolicyDocument, version: DocumentVersion, text: PreparedText, query: SearchQuery) -> [(MatchTier, SearchHit)] {
        var hits: [(MatchTier, SearchHit)] = []
        let raw = text.raw
        var lineStart = 0
        // Lines are the unit: all words must occur in one line (Markdown paragraphs are lines).
        while lineStart < raw.count {
            var lineEnd = lineStart
            while lineEnd < raw.count && raw[lineEnd] != "\n" { lineEnd += 1 }
            if let found = Self.match(query.words, in: raw[lineStart..<lineEnd]) {
                let start = lineStart + found.start, end = lineStart + found.end
                let snippet = Snippet.make(raw, matchStart: start, matchEnd: end, lineStart: lineStart, lineEnd: lineEnd,
                                           highlights: found.highlights.map { ($0.lowerBound + lineStart)..<($0.upperBound + lineStart) })
                hits.append((found.tier, SearchHit(kind: .document, kinds: [.document], vendor: doc.vendor, document: doc.id,
                                                   version: version.date, section: text.sections.section(at: start)?.label,
                                                   start: start, end: end, snippet: snippet.text, snippetMatch: snippet.match,
                                                   matches: snippet.highlights, score: found.tier.score, surface: nil,
                                                   question: nil, citedBy: [])))
            }
            lineStart = lineEnd + 1
        }
        return hits
    }

    /// A word of a line: its folded scalars, the gap before it, and its raw scalar range in the line.
    struct Word {
        var folded: [Unicode.Scalar]
        var gap: Gap
        var raw: Range<Int>
    }

    /// The words of a line, folded.
    static func words(_ line: ArraySlice<Unicode.Scalar>) -> [Word] {
        let folded = FoldedText(NormalizedText(scalars: Array(line)))
        var out: [Word] = []
        var gap = Gap.strong
        var inWord = false
        for (i, s) in folded.scalars.enumerated() {
            let raw = Int(folded.rawOffsets[i])
            switch ScalarClass.of(s) {
            case .word:
                if inWord, var last = out.popLast() {
                    last.folded.append(s)
                    last.raw = last.raw.lowerBound..<(raw + 1)
                    out.append(last)
                } else {
                    out.append(Word(folded: [s], gap: gap, raw: raw..<(raw + 1)))
                    inWord = true
                    gap = .none
                }
            case .cjk:
                out.append(Word(folded: [s], gap: gap, raw: raw..<(raw + 1)))
                inWord = false
                gap = .none
            case .weak: inWord = false; gap = max(gap, .weak)
            case .strong: inWord = false; gap = .strong
            case .ignored: break
            }
        }
        return out
    }

    /// How the query matches a line: tier, the raw range shown as the match, and every
    /// occurrence of the query's units (raw ranges), found by trying every placement.
    static func match(_ query: [SearchQuery.Word], in line: ArraySlice<Unicode.Scalar>)
        -> (tier: MatchTier, start: Int, end: Int, highlights: [Range<Int>])? {
        let words = words(line)
        let wanted = query.map { Array(String(decoding: $0.bytes, as: UTF8.self).unicodeScalars) }
        // Units: runs of joined query words.
        var units: [[Int]] = []
        for (i, w) in query.enumerated() {
            if w.joined, !units.isEmpty { units[units.count - 1].append(i) } else { units.append([i]) }
        }
        // Where each unit occurs: start word, and whether every word there is whole.
        func fits(_ text: Gap, _ q: Gap) -> Bool { q == .strong ? text == .strong : text != .strong }
        var places: [[(start: Int, whole: Bool)]] = []
        for unit in units {
            var found: [(Int, Bool)] = []
            for p in words.indices where p + unit.count <= words.count {
                var whole = true, ok = true
                for (k, qi) in unit.enumerated() {
                    let text = words[p + k].folded, q = wanted[qi]
                    if k > 0 && !fits(words[p + k].gap, query[qi].gap) { ok = false; break }
                    if text == q { continue }
                    if query[qi].prefix && text.count > q.count && Array(text.prefix(q.count)) == q { whole = false; continue }
                    ok = false
                    break
                }
                if ok { found.append((p, whole)) }
            }
            if found.isEmpty { return nil }
            places.append(found)
        }
        let allWhole = places.allSatisfy { $0.contains { $0.whole } }
        let usable = places.map { $0.filter { $0.whole || !allWhole }.map(\.start) }
        let tiers: [MatchTier] = allWhole ? [.phrase, .window, .clause] : [.prefixPhrase, .prefixWindow, .prefixClause]
        // Where every unit matched whole, the places where one matched only as a prefix are not shown.
        let highlights = zip(units, usable).flatMap { unit, found in found.map { words[$0].raw.lowerBound..<words[$0 + unit.count - 1].raw.upperBound } }
            .sorted { $0.lowerBound < $1.lowerBound }
        func range(_ first: Int, _ last: Int) -> (Int, Int) { (words[first].raw.lowerBound, words[last].raw.upperBound) }

        // Every placement in order of its starts (the first that satisfies a tier is shown).
        var best: (MatchTier, Int, Int)?
        var chosen: [Int] = []
        func visit(_ u: Int) {
            if u == units.count {
                let ends = zip(chosen, units).map { $0 + $1.count - 1 }
                let ordered = (1..<units.count).allSatisfy { chosen[$0] > ends[$0 - 1] }
                let adjacent = (1..<units.count).allSatisfy { chosen[$0] == ends[$0 - 1] + 1 && fits(words[chosen[$0]].gap, query[units[$0][0]].gap) }
                let span = (ends.last ?? 0) - chosen[0] + 1
                var tier = tiers[2]
                if adjacent { tier = tiers[0] } else if ordered && span <= query.count + QueryPlan.windowSlack { tier = tiers[1] }
                if best.map({ tier < $0.0 }) ?? true { best = (tier, chosen[0], ends.last ?? chosen[0]) }
                return
            }
            for p in usable[u] {
                chosen.append(p)
                visit(u + 1)
                chosen.removeLast()
                if let b = best, b.0 == tiers[0] { return }
            }
        }
        visit(0)
        guard let (tier, bestFirst, bestLast) = best else { return nil }
        var first = bestFirst, last = bestLast
        // Words apart: the first unit's earliest place is shown.
        if tier == tiers[2] {
            first = usable[0][0]
            last = first + units[0].count - 1
        }
        let (start, end) = range(first, last)
        return (tier, start, end, highlights)
    }

    static func firstIndex(in offsets: [Int32], atLeast value: Int) -> Int? {
        var lo = 0, hi = offsets.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if Int(offsets[mid]) < value { lo = mid + 1 } else { hi = mid }
        }
        return lo < offsets.count ? lo : nil
    }
}
