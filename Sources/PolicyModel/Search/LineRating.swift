/// A query's words looked up in the vocabulary: the id of each word as typed (if the
/// vocabulary has it) and, for a word that may be a prefix, the range of ids it starts.
struct CompiledWords {
    var whole: [Int32]
    var prefix: [Range<UInt32>]
    /// `prefix` as start and length (0 for none), for one unsigned comparison per token.
    var low: [UInt32] { prefix.map(\.lowerBound) }
    var span: [UInt32] { prefix.map { $0.upperBound - $0.lowerBound } }

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
}

/// The tier of each line for one query. Lines are rated up front when that is cheap, else
/// as the walk in rank order meets them (`lazyFrom`: the first tier not known up front).
struct LineRating {
    let tables: IndexTables
    let plan: QueryPlan
    let words: CompiledWords
    /// Per folded line: its tier, `none` (no match), or `unrated` (a candidate not yet rated).
    var tierOf: [UInt8]
    /// The lines of each tier known up front.
    var lines: [[UInt32]] = Array(repeating: [], count: MatchTier.allCases.count)
    /// Tiers from this one on are found by the walk (6: all known up front).
    private(set) var lazyFrom = MatchTier.allCases.count
    private var evaluator = LineEvaluator()
    /// `words` laid out for the token loop, one at a time and eight lanes at a time.
    private let whole: [Int32]
    private let low: [UInt32]
    private let span: [UInt32]
    private let wholeLanes: [SIMD8<UInt32>]
    private let lowLanes: [SIMD8<UInt32>]
    private let spanLanes: [SIMD8<UInt32>]

    static let none: UInt8 = .max
    static let unrated: UInt8 = .max - 1
    /// Rating this many candidate lines up front costs a few milliseconds.
    static let upFront = 6_000
    /// Lines holding every word whole are rated up front when at most this many (more than
    /// `upFront`: each of them must be rated to know the first three tiers anyway).
    static let wholeUpFront = 20_000

    /// How many candidates are rated up front.
    let upFrontLimit: Int

    init(tables: IndexTables, plan: QueryPlan, words: CompiledWords, upFront: Int) {
        self.tables = tables
        self.plan = plan
        self.words = words
        whole = words.whole
        low = words.low
        span = words.span
        wholeLanes = whole.map { SIMD8(repeating: UInt32(bitPattern: $0)) }
        lowLanes = low.map { SIMD8(repeating: $0) }
        spanLanes = span.map { SIMD8(repeating: $0) }
        upFrontLimit = upFront
        tierOf = [UInt8](repeating: Self.none, count: tables.lineCount)
    }

    /// Rates what is cheap to rate now and marks the other candidates.
    mutating func prepare() {
        if words.count == 1 && plan.units.count == 1 {
            rateOneWord()
            return
        }
        // Candidates: the lines holding the word with the fewest postings.
        let driver = (0..<words.count).min { postingCount($0) < postingCount($1) } ?? 0
        let postings = tables.postings
        postings.withSlice(postingRow(driver)) { p in
            tierOf.withUnsafeMutableBufferPointer { tierOf in
                for l in p where Int(l) < tierOf.count { tierOf[Int(l)] = Self.unrated }
            }
        }
        if postingCount(driver) <= upFrontLimit {
            for i in postingRow(driver) where tierOf[Int(postings[i])] == Self.unrated { rate(postings[i]) }
            return
        }
        // Lines that can rank in the first three tiers hold every word whole: they are the
        // lines in the postings of every word as typed. Rate those now when they are few.
        if words.whole.allSatisfy({ $0 >= 0 }) {
            let rows = words.whole.map { tables.row(tables.postStart, Int($0)) }
            guard let whole = tables.intersection(of: rows, atMost: upFrontLimit == 0 ? 0 : Self.wholeUpFront) else {
                lazyFrom = 0
                return
            }
            for l in whole where tierOf[Int(l)] == Self.unrated { rate(l) }
        }
        lazyFrom = MatchTier.prefixPhrase.rawValue
    }

    /// The first occurrence in `range` whose line may match (rated so, or not yet rated): the
    /// walk's inner loop.
    func nextCandidate(in range: Range<Int>, lines: UnsafeBufferPointer<UInt32>) -> Int? {
        next(in: range, lines: lines) { $0 != Self.none }
    }

    /// The first occurrence in `range` whose line has tier `value`.
    func next(_ value: UInt8, in range: Range<Int>, lines: UnsafeBufferPointer<UInt32>) -> Int? {
        next(in: range, lines: lines) { $0 == value }
    }

    /// `lines` is `occLine`, whose ids are below `tierOf.count` (checked when the tables were
    /// built or read), so the unchecked reads stay inside `tierOf`.
    @inline(__always)
    private func next(in range: Range<Int>, lines: UnsafeBufferPointer<UInt32>, _ wanted: (UInt8) -> Bool) -> Int? {
        precondition(range.lowerBound >= 0 && range.upperBound <= lines.count)
        return tierOf.withUnsafeBufferPointer { tiers in
            var i = range.lowerBound
            while i < range.upperBound {
                if wanted(tiers[Int(lines[i])]) { return i }
                i += 1
            }
            return nil
        }
    }

    /// The tier of a line, rated now if it is a candidate not yet rated.
    mutating func tier(ofLine l: Int) -> MatchTier? {
        guard l >= 0, l < tierOf.count else { return nil }
        if tierOf[l] == Self.unrated { rate(UInt32(l)) }
        return MatchTier(rawValue: Int(tierOf[l]))
    }

    private mutating func rate(_ l: UInt32) {
        let tier = evaluate(Int(l))
        tierOf[Int(l)] = tier.map { UInt8($0.rawValue) } ?? Self.none
        if let tier, tier.rawValue < lazyFrom { lines[tier.rawValue].append(l) }
    }

    /// One word: its own postings are the exact matches, the rest of its prefix range the others.
    private mutating func rateOneWord() {
        if words.whole[0] >= 0 {
            let row = tables.row(tables.postStart, Int(words.whole[0]))
            let tier = UInt8(MatchTier.phrase.rawValue)
            tables.postings.withSlice(row) { p in
                tierOf.withUnsafeMutableBufferPointer { tierOf in
                    for l in p where Int(l) < tierOf.count { tierOf[Int(l)] = tier }
                }
                lines[MatchTier.phrase.rawValue] = Array(p)
            }
        }
        let range = words.prefix[0]
        guard !range.isEmpty else { return }
        var others: [UInt32] = []
        let tier = UInt8(MatchTier.prefixPhrase.rawValue)
        tables.postings.withSlice(Int(tables.postStart[Int(range.lowerBound)])..<Int(tables.postStart[Int(range.upperBound)])) { p in
            tierOf.withUnsafeMutableBufferPointer { tierOf in
                for l in p where Int(l) < tierOf.count && tierOf[Int(l)] == Self.none {
                    tierOf[Int(l)] = tier
                    others.append(l)
                }
            }
        }
        lines[MatchTier.prefixPhrase.rawValue] = others
    }

    private func wholeCount(_ j: Int) -> Int {
        words.whole[j] >= 0 ? tables.row(tables.postStart, Int(words.whole[j])).count : 0
    }

    private func postingCount(_ j: Int) -> Int {
        let r = words.prefix[j]
        guard !r.isEmpty else { return wholeCount(j) }
        return Int(tables.postStart[Int(r.upperBound)]) - Int(tables.postStart[Int(r.lowerBound)])
    }

    /// The postings of the lines holding word `j` (as typed, or any word it starts); a line may
    /// come more than once.
    private func postingRow(_ j: Int) -> Range<Int> {
        let r = words.prefix[j]
        return r.isEmpty ? tables.row(tables.postStart, Int(words.whole[j]))
            : Int(tables.postStart[Int(r.lowerBound)])..<Int(tables.postStart[Int(r.upperBound)])
    }

    /// The tier of one folded line, from its tokens.
    private mutating func evaluate(_ l: Int) -> MatchTier? {
        let row = tables.row(tables.tokenStart, l)
        let n = words.count
        evaluator.begin(words: n)
        let tokens = tables.tokens
        var seen: UInt64 = 0
        tokens.withSlice(row) { tokens in
            let count = tokens.count
            // Eight tokens at a time: most hold no query word, and are passed over together.
            var p = 0
            if let base = tokens.baseAddress {
                let mask = SIMD8<UInt32>(repeating: IndexTables.idMask)
                while p + 8 <= count {
                    let ids = UnsafeRawPointer(base + p).loadUnaligned(as: SIMD8<UInt32>.self) & mask
                    var hit = SIMDMask<SIMD8<Int32>>(repeating: false)
                    for j in 0..<n {
                        hit .|= ids .== wholeLanes[j]
                        hit .|= (ids &- lowLanes[j]) .< spanLanes[j]
                    }
                    if any(hit) {
                        for lane in 0..<8 where hit[lane] { seen |= record(ids[lane], at: p + lane) }
                    }
                    p += 8
                }
            }
            while p < count {
                seen |= record(tokens[p] & IndexTables.idMask, at: p)
                p += 1
            }
        }
        // Every word must be there (a quick test before the full one).
        let all: UInt64 = n >= 64 ? .max : (1 << UInt64(n)) - 1
        guard n > 64 || seen == all else { return nil }
        return tokens.withSlice(row) { evaluator.evaluate(plan, count: $0.count, gaps: TokenGaps(tokens: $0))?.tier }
    }

    /// Records how each word matches word id `id` at token `p`; the words that do, as bits.
    @inline(__always)
    private mutating func record(_ id: UInt32, at p: Int) -> UInt64 {
        var seen: UInt64 = 0
        for j in 0..<words.count {
            let kind: UInt8 = id == UInt32(bitPattern: whole[j]) ? LineEvaluator.whole : (id &- low[j] < span[j] ? LineEvaluator.prefix : 0)
            if kind != 0 {
                evaluator.record(word: j, token: p, kind: kind)
                seen |= 1 << UInt64(j & 63)
            }
        }
        return seen
    }
}
