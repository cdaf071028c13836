/// A query's words looked up in the vocabulary: the id of each word as typed (if the
/// vocabulary has it) and, for a word that may be a prefix, the range of ids it starts.
struct CompiledWords {
    var whole: [Int32]
    var prefix: [Range<UInt32>]

    /// Nil when some word can match nothing (so nothing matches).
    init?(_ words: [SearchQuery.Word], vocabulary: Vocabulary) {
        whole = []
        prefix = []
        for w in words {
            let id = vocabulary.id(of: w.bytes).map { Int32($0) } ?? -1
            let range = w.prefix ? vocabulary.range(prefix: w.bytes) : 0..<0
            if id < 0 && range.isEmpty { return nil }
            whole.append(id)
            prefix.append(UInt32(range.lowerBound)..<UInt32(range.upperBound))
        }
    }

    var count: Int { whole.count }

    /// How word `j` matches word id `id`.
    @inline(__always)
    func kind(_ j: Int, _ id: UInt32) -> UInt8 {
        if Int32(bitPattern: id) == whole[j] { return LineEvaluator.whole }
        return prefix[j].contains(id) ? LineEvaluator.prefix : LineEvaluator.none
    }
}

extension SearchIndex {
    static let noTier: UInt8 = .max

    /// Hits in rank order, at most `limit`: by tier, then quotes (merged with their document
    /// line when both match), then documents by importance and recency, each unit's lines in order.
    public func matches(_ query: SearchQuery, limit: Int = .max) -> [Match] {
        guard !query.words.isEmpty, limit > 0, tables.lineCount > 0,
              let compiled = CompiledWords(query.words, vocabulary: Vocabulary(tables: tables)) else { return [] }
        let plan = QueryPlan(query.words)
        let allowed = allowedUnits(query)
        var rating = LineRating(lineCount: tables.lineCount)
        rating.rate(plan, compiled, tables: tables)

        let documentsWanted = query.scope != .quotes && query.surface == nil && query.question == nil
        let quoteHits = query.scope == .documents ? [] : self.quoteHits(rating, allowed: allowed, merging: documentsWanted, words: query.words)
        let merged = Set(quoteHits.filter { units[$0.unit].kind == .document }.map(\.occurrence))

        var out: [Match] = []
        var quoteIndex = 0
        for tier in MatchTier.allCases {
            while quoteIndex < quoteHits.count, quoteHits[quoteIndex].tier == tier, out.count < limit {
                out.append(quoteHits[quoteIndex])
                quoteIndex += 1
            }
            guard out.count < limit else { break }
            if documentsWanted {
                documentHits(tier, rating, allowed: allowed, skipping: merged, limit: limit, words: query.words, into: &out)
            }
            guard out.count < limit else { break }
        }
        return out
    }

    /// Which units a query may return: scope, filters, and the newest versions unless `@all`.
    func allowedUnits(_ query: SearchQuery) -> [Bool] {
        units.map { u in
            switch (u.kind, query.scope) {
            case (.quote, .documents), (.document, .quotes): return false
            default: break
            }
            if !query.allVersions && !u.isNewest { return false }
            if let f = query.vendor, !f.accepts(u.vendor) { return false }
            if let f = query.document, !f.accepts(u.document) { return false }
            if let f = query.language, !f.accepts(u.language) { return false }
            if u.kind == .quote {
                if let f = query.surface, !f.accepts(u.surface) { return false }
                if let f = query.question, !f.accepts(u.question) { return false }
            }
            return true
        }
    }

    /// Every matching quote, in rank order within tiers; a quote whose passage's document line
    /// matches too becomes one hit on that line (several quotes of one passage, one hit).
    private func quoteHits(_ rating: LineRating, allowed: [Bool], merging: Bool, words: [SearchQuery.Word]) -> [Match] {
        var standalone: [Match] = []
        var byPassage: [Int: Match] = [:]
        var passages: [Int] = []
        for u in order.map(Int.init) where units[u].kind == .quote && allowed[u] {
            guard let occ = tables.row(tables.unitOccStart, u).first else { continue }
            let tier = rating.tierOf[Int(tables.occLine[occ])]
            guard tier != Self.noTier, let quoteTier = MatchTier(rawValue: Int(tier)) else { continue }
            if merging, let link = units[u].link, allowed[Int(link.unit)] {
                let lineTier = rating.tierOf[Int(tables.occLine[Int(link.occurrence)])]
                if lineTier != Self.noTier, let docTier = MatchTier(rawValue: Int(lineTier)) {
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
            }
            standalone.append(Match(unit: u, occurrence: occ, tier: quoteTier, quotes: [u], words: words))
        }
        var all = standalone + passages.compactMap { byPassage[$0] }
        // By tier, then by the best-ranked quote in the hit.
        all.sort { a, b in
            if a.tier != b.tier { return a.tier < b.tier }
            return rank[a.quotes[0]] < rank[b.quotes[0]]
        }
        return all
    }

    /// Appends the document lines of one tier, in rank order, up to `limit` hits in all.
    private func documentHits(_ tier: MatchTier, _ rating: LineRating, allowed: [Bool], skipping merged: Set<Int>,
                              limit: Int, words: [SearchQuery.Word], into out: inout [Match]) {
        let lines = rating.lines[tier.rawValue]
        guard !lines.isEmpty else { return }
        let wanted = limit - out.count
        var total = 0
        for l in lines { total += tables.row(tables.lineOccStart, Int(l)).count }
        let all = max(1, tables.occurrenceCount)
        // Walking units in rank order stops once enough are found; gathering and sorting costs
        // per occurrence of the tier. Take the cheaper.
        let walkCost = wanted >= all ? all : min(all, Int((Double(wanted) * Double(all) / Double(max(1, total))).rounded(.up)))
        let tierValue = UInt8(tier.rawValue)
        if walkCost <= total * 16 {
            rating.tierOf.withUnsafeBufferPointer { tierOf in
                tables.occLine.withUnsafeBufferPointer { occLine in
                    for u32 in order {
                        let u = Int(u32)
                        guard allowed[u], units[u].kind == .document else { continue }
                        for occ in tables.row(tables.unitOccStart, u) where tierOf[Int(occLine[occ])] == tierValue && !merged.contains(occ) {
                            out.append(Match(unit: u, occurrence: occ, tier: tier, quotes: [], words: words))
                            if out.count >= limit { return }
                        }
                    }
                }
            }
        } else {
            var keys: [UInt64] = []
            keys.reserveCapacity(total)
            for l in lines {
                for i in tables.row(tables.lineOccStart, Int(l)) {
                    let occ = Int(tables.lineOccs[i])
                    let u = tables.unit(ofOccurrence: occ)
                    guard allowed[u], units[u].kind == .document, !merged.contains(occ) else { continue }
                    keys.append(UInt64(UInt32(bitPattern: rank[u])) << 32 | UInt64(occ))
                }
            }
            keys.sort()
            for key in keys.prefix(wanted) {
                let occ = Int(key & 0xFFFF_FFFF)
                let u = Int(order[Int(key >> 32)])
                out.append(Match(unit: u, occurrence: occ, tier: tier, quotes: [], words: words))
            }
        }
    }
}

/// The tier of every line that matches a query, found from the postings of its rarest word.
struct LineRating {
    /// Per folded line: its tier, or `SearchIndex.noTier`.
    var tierOf: [UInt8]
    /// The lines of each tier.
    var lines: [[UInt32]] = Array(repeating: [], count: MatchTier.allCases.count)
    private var evaluator = LineEvaluator()
    private var gaps: [Gap] = []

    init(lineCount: Int) {
        tierOf = [UInt8](repeating: SearchIndex.noTier, count: lineCount)
    }

    mutating func rate(_ plan: QueryPlan, _ words: CompiledWords, tables: IndexTables) {
        if words.count == 1 && plan.units.count == 1 {
            rateOneWord(words, tables: tables)
            return
        }
        // The word with the fewest postings leads; every line it is in is checked.
        var best = 0
        var bestCount = Int.max
        for j in 0..<words.count {
            let n = postingCount(words, j, tables: tables)
            if n < bestCount { best = j; bestCount = n }
        }
        var candidates: [UInt32] = []
        forEachPosting(words, best, tables: tables) { l in
            if tierOf[Int(l)] == SearchIndex.noTier {
                tierOf[Int(l)] = SearchIndex.noTier - 1
                candidates.append(l)
            }
        }
        for l in candidates {
            let tier = evaluate(Int(l), plan, words, tables: tables)
            tierOf[Int(l)] = tier.map { UInt8($0.rawValue) } ?? SearchIndex.noTier
            if let tier { lines[tier.rawValue].append(l) }
        }
        for t in lines.indices { lines[t].sort() }
    }

    /// One word: its own postings are the exact matches, the rest of its prefix range the others.
    private mutating func rateOneWord(_ words: CompiledWords, tables: IndexTables) {
        if words.whole[0] >= 0 {
            let row = tables.row(tables.postStart, Int(words.whole[0]))
            tables.postings.withSlice(row) { p in
                for l in p where Int(l) < tierOf.count { tierOf[Int(l)] = UInt8(MatchTier.phrase.rawValue) }
                lines[MatchTier.phrase.rawValue] = Array(p)
            }
        }
        let range = words.prefix[0]
        guard !range.isEmpty else { return }
        var others: [UInt32] = []
        let tier = UInt8(MatchTier.prefixPhrase.rawValue)
        let postings = Int(tables.postStart[Int(range.lowerBound)])..<Int(tables.postStart[Int(range.upperBound)])
        tables.postings.withSlice(postings) { p in
            tierOf.withUnsafeMutableBufferPointer { tierOf in
                for l in p where Int(l) < tierOf.count && tierOf[Int(l)] == SearchIndex.noTier {
                    tierOf[Int(l)] = tier
                    others.append(l)
                }
            }
        }
        others.sort()
        lines[MatchTier.prefixPhrase.rawValue] = others
    }

    private func postingCount(_ words: CompiledWords, _ j: Int, tables: IndexTables) -> Int {
        var n = 0
        if words.whole[j] >= 0 { n += tables.row(tables.postStart, Int(words.whole[j])).count }
        let r = words.prefix[j]
        if !r.isEmpty { n += Int(tables.postStart[Int(r.upperBound)]) - Int(tables.postStart[Int(r.lowerBound)]) }
        return n
    }

    private func forEachPosting(_ words: CompiledWords, _ j: Int, tables: IndexTables, _ body: (UInt32) -> Void) {
        let r = words.prefix[j]
        if !r.isEmpty {
            tables.postings.withSlice(Int(tables.postStart[Int(r.lowerBound)])..<Int(tables.postStart[Int(r.upperBound)])) { p in p.forEach(body) }
        } else if words.whole[j] >= 0 {
            tables.postings.withSlice(tables.row(tables.postStart, Int(words.whole[j]))) { p in p.forEach(body) }
        }
    }

    /// The tier of one folded line, from its tokens.
    private mutating func evaluate(_ l: Int, _ plan: QueryPlan, _ words: CompiledWords, tables: IndexTables) -> MatchTier? {
        let row = tables.row(tables.tokenStart, l)
        let n = words.count
        evaluator.reset(count: row.count, words: n)
        gaps.removeAll(keepingCapacity: true)
        var seen = 0
        let allSeen = n >= 64 ? -1 : (1 << n) - 1
        tables.tokens.withSlice(row) { tokens in
            for (p, t) in tokens.enumerated() {
                let id = t & IndexTables.idMask
                gaps.append(Gap(rawValue: UInt8(truncatingIfNeeded: t >> IndexTables.idBits)) ?? .strong)
                for j in 0..<n {
                    let k = words.kind(j, id)
                    if k != LineEvaluator.none {
                        evaluator.kinds[p * n + j] = k
                        if j < 64 { seen |= 1 << j }
                    }
                }
            }
        }
        if allSeen >= 0 && seen != allSeen { return nil }
        return evaluator.evaluate(plan, gaps: gaps)?.tier
    }
}
