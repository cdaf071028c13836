extension SearchIndex {
    /// Hits in rank order, at most `limit`: by tier, then quotes (merged with their document
    /// line when both match), then documents by importance and recency, each unit's lines in order.
    public func matches(_ query: SearchQuery, limit: Int = .max) -> [Match] {
        matches(query, limit: limit, upFront: LineRating.upFront)
    }

    /// `upFront`: how many candidate lines are rated before the walk (tests set 0 to rate every
    /// line on the walk).
    func matches(_ query: SearchQuery, limit: Int, upFront: Int) -> [Match] {
        guard !query.words.isEmpty, limit > 0, tables.lineCount > 0,
              let compiled = CompiledWords(query.words, vocabulary: Vocabulary(tables: tables)) else { return [] }
        let allowed = allowedUnits(query)
        var rating = LineRating(tables: tables, plan: QueryPlan(query.words), words: compiled, upFront: upFront)
        rating.prepare()

        let documentsWanted = query.scope != .quotes && query.surface == nil && query.question == nil
        let quoteHits = query.scope == .documents ? [] : self.quoteHits(&rating, allowed: allowed, merging: documentsWanted, words: query.words)
        let merged = Set(quoteHits.filter { units[$0.unit].kind == .document }.map(\.occurrence))

        var out: [Match] = []
        var quoteIndex = 0
        var lazyHits: [[Int]]?
        for tier in MatchTier.allCases {
            while quoteIndex < quoteHits.count, quoteHits[quoteIndex].tier == tier, out.count < limit {
                out.append(quoteHits[quoteIndex])
                quoteIndex += 1
            }
            guard out.count < limit else { break }
            guard documentsWanted else { continue }
            if tier.rawValue < rating.lazyFrom {
                documentHits(tier, rating, allowed: allowed, skipping: merged, limit: limit, words: query.words, into: &out)
            } else {
                if lazyHits == nil {
                    lazyHits = walk(&rating, allowed: allowed, skipping: merged, need: limit - out.count, limit: limit)
                }
                for occ in (lazyHits?[tier.rawValue] ?? []).prefix(limit - out.count) {
                    out.append(Match(unit: tables.unit(ofOccurrence: occ), occurrence: occ, tier: tier, quotes: [], words: query.words))
                }
            }
            guard out.count < limit else { break }
        }
        return out
    }

    /// Which units a query may return: scope, filters, and the newest versions unless `@all`.
    func allowedUnits(_ query: SearchQuery) -> [Bool] {
        let filtered = query.vendor != nil || query.document != nil || query.language != nil || query.surface != nil || query.question != nil
        return unitFlags.indices.map { i in
            let flags = unitFlags[i]
            let isQuote = flags & Self.quoteFlag != 0
            switch query.scope {
            case .documents where isQuote: return false
            case .quotes where !isQuote: return false
            default: break
            }
            if !query.allVersions && flags & Self.newestFlag == 0 { return false }
            guard filtered else { return true }
            let u = units[i]
            if let f = query.vendor, !f.accepts(u.vendor) { return false }
            if let f = query.document, !f.accepts(u.document) { return false }
            if let f = query.language, !f.accepts(u.language) { return false }
            if isQuote {
                if let f = query.surface, !f.accepts(u.surface) { return false }
                if let f = query.question, !f.accepts(u.question) { return false }
            }
            return true
        }
    }

    /// Every matching quote, in rank order within tiers; a quote whose passage's document line
    /// matches too becomes one hit on that line (several quotes of one passage, one hit).
    private func quoteHits(_ rating: inout LineRating, allowed: [Bool], merging: Bool, words: [SearchQuery.Word]) -> [Match] {
        var standalone: [Match] = []
        var byPassage: [Int: Match] = [:]
        var passages: [Int] = []
        for u in quotesInRankOrder where allowed[u] {
            guard let occ = tables.row(tables.unitOccStart, u).first,
                  let quoteTier = rating.tier(ofLine: Int(tables.occLine[occ])) else { continue }
            if merging, let link = units[u].link, allowed[Int(link.unit)],
               let docTier = rating.tier(ofLine: Int(tables.occLine[Int(link.occurrence)])) {
                let key = Int(link.occurrence)
                if var hit = byPassage[key] {
                    hit.quotes.append(u)
                    hit.tier = min(hit.tier, quoteTier)
                    byPassage[key] = hit
                } else {
                    byPassage[key] = Match(unit: Int(link.unit), occurrence: key, tier: min(quoteTier, docTier), quotes: [u], words: words)
                    passages.append(key)
                }
                continue
            }
            standalone.append(Match(unit: u, occurrence: occ, tier: quoteTier, quotes: [u], words: words))
        }
        var all = standalone + passages.compactMap { byPassage[$0] }
        // By tier, then by the best-ranked quote in the hit.
        all.sort { a, b in
            if a.tier != b.tier { return a.tier < b.tier }
            return a.quotes[0] < b.quotes[0]
        }
        return all
    }

    /// Appends the occurrences of one tier's lines (all known), in rank order, up to `limit`
    /// hits in all: each line's occurrences are ascending, and occurrences are numbered in rank
    /// order, so merging the lines' lists yields them in order and stops when enough are found.
    /// A tier of very many lines is dense in the corpus: walking units in rank order finds its
    /// first hits sooner than merging so many lists would.
    private func documentHits(_ tier: MatchTier, _ rating: LineRating, allowed: [Bool], skipping merged: Set<Int>,
                              limit: Int, words: [SearchQuery.Word], into out: inout [Match]) {
        let lines = rating.lines[tier.rawValue]
        if lines.count > Self.mergeAtMost {
            let value = UInt8(tier.rawValue)
            let starts = tables.unitOccStart
            tables.occLine.withUnsafeBufferPointer { occLine in
                for u in documentsInRankOrder where allowed[u] {
                    var occ = Int(starts[u])
                    let end = Int(starts[u + 1])
                    while let next = rating.next(value, in: occ..<end, lines: occLine) {
                        occ = next + 1
                        guard !merged.contains(next) else { continue }
                        out.append(Match(unit: u, occurrence: next, tier: tier, quotes: [], words: words))
                        if out.count >= limit { return }
                    }
                }
            }
            return
        }
        var heap = OccurrenceMerge(tables: tables, lines: lines)
        while out.count < limit, let occ = heap.next() {
            let u = tables.unit(ofOccurrence: occ)
            guard allowed[u], units[u].kind == .document, !merged.contains(occ) else { continue }
            out.append(Match(unit: u, occurrence: occ, tier: tier, quotes: [], words: words))
        }
    }

    static let mergeAtMost = 20_000

    /// The tiers not known in advance: document units walked in rank order, each candidate
    /// line rated when first met. Occurrences of each tier from `rating.lazyFrom` on, in rank
    /// order; the walk stops once the best of those tiers alone has the `need` hits wanted.
    private func walk(_ rating: inout LineRating, allowed: [Bool], skipping merged: Set<Int>, need: Int, limit: Int) -> [[Int]] {
        var found = [[Int]](repeating: [], count: MatchTier.allCases.count)
        let first = rating.lazyFrom
        guard first < found.count else { return found }
        let starts = tables.unitOccStart
        tables.occLine.withUnsafeBufferPointer { lines in
            walking: for u in documentsInRankOrder where allowed[u] {
                var occ = Int(starts[u])
                let end = Int(starts[u + 1])
                while let next = rating.nextCandidate(in: occ..<end, lines: lines) {
                    occ = next + 1
                    guard let tier = rating.tier(ofLine: Int(lines[next]))?.rawValue, tier >= first,
                          found[tier].count < limit, !merged.contains(next) else { continue }
                    found[tier].append(next)
                    if found[first].count >= need { break walking }
                }
            }
        }
        return found
    }
}
