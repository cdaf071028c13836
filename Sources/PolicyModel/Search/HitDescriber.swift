import Foundation

/// Turns matches into hits: finds the query's words again in the raw line (re-folded, with raw
/// offsets), cuts the snippet, names the section. Keeps its fold cache, and the lines it has
/// read for the current query, from one hit to the next.
public struct HitDescriber {
    public let index: SearchIndex
    // The index's tables, units and the strings copied from them are this describer's own
    // references: describers working side by side on several cores then never touch the same
    // reference counts, which would cost each hit a cache line bounced between cores.
    private let tables: IndexTables
    private let units: [SearchIndex.Unit]
    private var names: [Int: (vendor: String, document: String)] = [:]
    private let documentKinds: [SearchHit.Kind] = [.document]
    private var tokenizer = Tokenizer()
    private var evaluator = LineEvaluator()
    private var views: [Int: LineView] = [:]
    private var labels: [Int: String] = [:]
    private var viewsWords: [SearchQuery.Word] = []
    private var plan = QueryPlan([])
    /// The query's words as word ids (nil when some word is in no line: then no line matches).
    private var compiled: CompiledWords?

    public init(index: SearchIndex) {
        self.index = index
        tables = index.tables
        units = index.units
    }

    /// A unit's vendor and document, as strings of this describer's own.
    private mutating func names(of u: Int) -> (vendor: String, document: String) {
        if let known = names[u] { return known }
        let own = (String(decoding: Array(units[u].vendor.utf8), as: UTF8.self), String(decoding: Array(units[u].document.utf8), as: UTF8.self))
        names[u] = own
        return own
    }

    /// A raw line read for a query: its scalars, where each token lies in it, the match and
    /// every occurrence of the query's units (token ranges).
    struct LineView {
        var scalars: LineScalars
        var spans: TokenSpans
        var match: LineMatch?
        var occurrences: [ClosedRange<Int>]
        /// The snippet around the line's own match (the same for every hit on this line).
        var snippet: (text: String, match: Range<Int>, highlights: [Range<Int>])?

        /// Raw scalar range of tokens `first...last` (clamped to the line).
        func range(_ first: Int, _ last: Int) -> Range<Int> {
            let count = spans.count
            guard count > 0 else { return 0..<0 }
            let a = spans.start(max(0, min(first, count - 1)), within: scalars.count)
            let b = spans.end(max(0, min(last, count - 1)), within: scalars.count)
            return a..<max(a, b)
        }
    }

    /// Where each token of a line lies in it (raw scalar offsets).
    enum TokenSpans {
        /// Read from the index where they lie (start and end of each token, two values each),
        /// and only for the tokens asked for: a hit needs its match's and highlights' few. The
        /// values lie in the index's tables, which outlive this describer's use of them.
        case indexed(UnsafeBufferPointer<UInt32>)
        /// Found by cutting the line into tokens again.
        case listed(starts: [Int32], ends: [Int32])

        var count: Int {
            switch self {
            case .indexed(let values): return values.count / 2
            case .listed(let starts, _): return starts.count
            }
        }

        /// Token `t`'s start, clamped to a line of `length` scalars.
        func start(_ t: Int, within length: Int) -> Int {
            switch self {
            case .indexed(let values): return min(Int(values[2 * t]), length)
            case .listed(let starts, _): return Int(starts[t])
            }
        }

        /// Token `t`'s end: not before its start, clamped to the line.
        func end(_ t: Int, within length: Int) -> Int {
            switch self {
            case .indexed(let values): return max(start(t, within: length), min(Int(values[2 * t + 1]), length))
            case .listed(_, let ends): return Int(ends[t])
            }
        }
    }

    /// Hits for these matches, in their order. Many matches are described on the machine's
    /// cores side by side (see `describe(_:index:lanes:_:)`); few on this thread.
    public static func describe(_ matches: [SearchIndex.Match], index: SearchIndex, lanes: Int = Cores.available) -> [SearchHit] {
        describe(matches, index: index, lanes: lanes) { $0 }
    }

    /// The hits as lines of text (`line` of each hit, made on the core that described it), in
    /// the matches' order. (Not generic in the open: a generic called from another module runs
    /// unspecialised, several times slower.)
    public static func describe(_ matches: [SearchIndex.Match], index: SearchIndex, lanes: Int = Cores.available,
                                lines line: @escaping @Sendable (SearchHit) -> String) -> [String] {
        describe(matches, index: index, lanes: lanes, line)
    }

    /// `finish` of the hit of each match, in the matches' order. Matches are dealt into batches
    /// by raw line, so that each line is read by one describer (describing is mostly reading
    /// lines again); each core's describer takes the next batch until none is left, so a core
    /// busy with other work slows the others down no more than the batch it holds.
    static func describe<T: Sendable>(_ matches: [SearchIndex.Match], index: SearchIndex, lanes: Int,
                                      _ finish: @escaping @Sendable (SearchHit) -> T) -> [T] {
        let lanes = min(max(1, lanes), 8)
        guard lanes > 1, matches.count >= 256 else {
            var describer = HitDescriber(index: index)
            return matches.map { finish(describer.describe($0)) }
        }
        let tables = index.tables
        let batchCount = lanes * 8
        var batches = [[Int]](repeating: [], count: batchCount)
        for (i, m) in matches.enumerated() {
            let raw = m.occurrence >= 0 && m.occurrence < tables.occurrenceCount ? Int(tables.occRaw[m.occurrence]) : 0
            batches[raw % batchCount].append(i)
        }
        let dealt = batches
        let done = Slots<[T]>(count: batchCount)
        let next = Counter()
        // This thread is one lane; the others are threads of their own, started at once (a
        // Dispatch pool can take milliseconds to bring its first threads at start-up).
        let lane: @Sendable () -> Void = {
            var describer = HitDescriber(index: index)
            while let b = next.take(below: batchCount) {
                done.put(b, dealt[b].map { finish(describer.describe(matches[$0])) })
            }
        }
        let helpers = (1..<lanes).map { _ in Pending<Bool>.computing { lane(); return true } }
        lane()
        for helper in helpers { _ = helper.wait() }
        // Back into the matches' order.
        var placed = [T?](repeating: nil, count: matches.count)
        for b in 0..<batchCount {
            guard let results = done.get(b) else { continue }
            for (k, i) in dealt[b].enumerated() { placed[i] = results[k] }
        }
        return placed.compactMap { $0 }
    }

    public mutating func describe(_ m: SearchIndex.Match) -> SearchHit {
        if viewsWords != m.words {
            views.removeAll()
            viewsWords = m.words
            plan = QueryPlan(m.words)
            compiled = CompiledWords(m.words, vocabulary: Vocabulary(tables: tables))
        }
        // Only the unit's plain fields are read (a copy of the unit would retain its strings).
        let kind = units[m.unit].kind, date = units[m.unit].date, link = units[m.unit].link
        let plan = self.plan
        let quotes = m.quotes.map { units[$0] }
        let own = names(of: m.unit)
        // Two quotes of one verdict on the same passage cite it once.
        var citedBy: [Citation] = []
        for q in quotes {
            guard let s = q.surface, let question = q.question else { continue }
            let citation = Citation(surface: s, question: question)
            if !citedBy.contains(citation) { citedBy.append(citation) }
        }
        var hit = SearchHit(kind: quotes.isEmpty ? .document : .quote,
                            kinds: quotes.isEmpty ? documentKinds : (kind == .document ? [.quote, .document] : [.quote]),
                            vendor: own.vendor, document: own.document, version: date, section: nil, start: nil, end: nil,
                            snippet: "", snippetMatch: 0..<0, matches: [], score: m.score,
                            surface: quotes.first?.surface, question: quotes.first?.question, citedBy: citedBy)
        guard m.occurrence >= 0, m.occurrence < tables.occurrenceCount else { return hit }
        let view = self.view(occurrence: m.occurrence, plan: plan, words: m.words)
        let lineStart = Int(tables.occScalar[m.occurrence])
        var span = view.match.map { view.range($0.first, $0.last) } ?? 0..<0

        if kind == .document {
            // A quoted passage: show where the quote's own match lies, when it is on this line.
            if let q = m.quotes.first, let mapped = quoteSpan(q, plan: plan, words: m.words), mapped.occurrence == m.occurrence {
                span = mapped.range
            }
            hit.start = lineStart + span.lowerBound
            hit.end = lineStart + max(span.upperBound, span.lowerBound + 1)
            hit.section = section(of: m.unit, at: lineStart + span.lowerBound)
        } else if let link, let mapped = quoteSpan(m.unit, plan: plan, words: m.words) {
            let docStart = Int(tables.occScalar[mapped.occurrence])
            hit.version = units[Int(link.unit)].version?.date ?? date
            hit.start = docStart + mapped.range.lowerBound
            hit.end = max(hit.start.map { $0 + 1 } ?? 0, (mapped.endOccurrence.map { Int(tables.occScalar[$0]) } ?? docStart) + mapped.endOffset)
            hit.section = section(of: Int(link.unit), at: docStart + mapped.range.lowerBound)
        }
        let ownSpan = view.match.map { view.range($0.first, $0.last) } ?? 0..<0
        let snippet: (text: String, match: Range<Int>, highlights: [Range<Int>])
        if span == ownSpan, let known = view.snippet {
            snippet = known
        } else {
            let highlights = view.occurrences.map { view.range($0.lowerBound, $0.upperBound) }
            snippet = Snippet.make(view.scalars, matchStart: span.lowerBound, matchEnd: max(span.upperBound, span.lowerBound + 1),
                                   highlights: highlights)
            if span == ownSpan { views[Int(tables.occRaw[m.occurrence])]?.snippet = snippet }
        }
        hit.snippet = snippet.text
        hit.snippetMatch = snippet.match
        hit.matches = snippet.highlights
        return hit
    }

    /// Where quote unit `q`'s match lies in the document line(s) it links to: the occurrence and
    /// raw range of the match's start, and where its end falls (another line for a quote that
    /// spans lines).
    private mutating func quoteSpan(_ q: Int, plan: QueryPlan, words: [SearchQuery.Word])
        -> (occurrence: Int, range: Range<Int>, endOccurrence: Int?, endOffset: Int)? {
        guard let link = units[q].link, let quoteOcc = tables.row(tables.unitOccStart, q).first else { return nil }
        let quoteView = view(occurrence: quoteOcc, plan: plan, words: words)
        guard let match = quoteView.match else { return nil }
        let linker = QuoteLinker(tables: tables)
        let within = tables.row(tables.unitOccStart, Int(link.unit))
        let origin = QuoteLinker.Cursor(occurrence: Int(link.occurrence), token: Int(link.token))
        guard let a = linker.advance(origin, by: match.first, within: within),
              let b = linker.advance(origin, by: match.last, within: within),
              a.occurrence < within.upperBound, b.occurrence < within.upperBound else { return nil }
        let first = view(occurrence: a.occurrence, plan: plan, words: words)
        let last = view(occurrence: b.occurrence, plan: plan, words: words)
        let start = first.range(a.token, a.token).lowerBound
        let end = last.range(b.token, b.token).upperBound
        if a.occurrence == b.occurrence { return (a.occurrence, start..<max(start, end), nil, end) }
        return (a.occurrence, start..<first.scalars.count, b.occurrence, end)
    }

    /// The line of occurrence `occ` read for a query (kept, by raw line, for the next hits on
    /// it). The match is found on the index's tokens of the line and placed by the token spans
    /// the index keeps; only a line whose spans do not fit its tokens (a damaged cache file)
    /// is cut into tokens again.
    private mutating func view(occurrence occ: Int, plan: QueryPlan, words: [SearchQuery.Word]) -> LineView {
        let r = Int(tables.occRaw[occ])
        if let v = views[r] { return v }
        // The raw line lies in the index's tables, which outlive this describer's use of it.
        let raw = tables.rawLine(r).assumingMemoryBound(to: UInt8.self)
        let scalars: LineScalars
        if Tokenizer.isASCII(raw) {
            scalars = .ascii(raw)
        } else {
            var decoded: [Unicode.Scalar] = []
            Tokenizer.decode(raw, into: &decoded)
            scalars = .decoded(decoded)
        }
        let tokenRow = tables.row(tables.tokenStart, Int(tables.occLine[occ]))
        let spanRow = tables.rawTokens(r)
        var v: LineView
        if let compiled, spanRow.count == tokenRow.count {
            v = indexedView(scalars, tokenRow: tokenRow, spanRow: spanRow, plan: plan, words: compiled)
        } else {
            v = tokenizedView(scalars, plan: plan, words: words)
        }
        if views.count > 4_096 { views.removeAll() }
        views[r] = v
        return v
    }

    /// A line's view from the index: its tokens' word ids, and their spans clamped to the line.
    private mutating func indexedView(_ scalars: LineScalars, tokenRow: Range<Int>, spanRow: Range<Int>, plan: QueryPlan,
                                      words: CompiledWords) -> LineView {
        evaluator.begin(words: words.count)
        let match: LineMatch? = tables.tokens.withSlice(tokenRow) { tokens in
            for p in tokens.indices {
                let id = tokens[p] & IndexTables.idMask
                for j in 0..<words.count {
                    if id == UInt32(bitPattern: words.whole[j]) {
                        evaluator.record(word: j, token: p, kind: LineEvaluator.whole)
                    } else if words.prefix[j].contains(id) {
                        evaluator.record(word: j, token: p, kind: LineEvaluator.prefix)
                    }
                }
            }
            return evaluator.evaluate(plan, count: tokens.count, gaps: TokenGaps(tokens: tokens))
        }
        let spans = tables.rawTokenSpans.slicePointer((2 * spanRow.lowerBound)..<(2 * spanRow.upperBound))
        return LineView(scalars: scalars, spans: .indexed(spans), match: match,
                        occurrences: match.map { evaluator.occurrences(plan, least: $0.tier.isPrefix ? LineEvaluator.prefix : LineEvaluator.whole) } ?? [],
                        snippet: nil)
    }

    /// A line's view found by cutting it into tokens again.
    private mutating func tokenizedView(_ scalars: LineScalars, plan: QueryPlan, words: [SearchQuery.Word]) -> LineView {
        var line = TokenizedLine()
        switch scalars {
        case .ascii(let raw): tokenizer.tokenize(raw, offsets: true, into: &line)
        case .decoded(let decoded): tokenizer.tokenize(scalars: decoded, offsets: true, into: &line)
        }
        evaluator.record(line, words: words)
        let match = evaluator.evaluate(plan, count: line.count, gaps: line.gaps)
        return LineView(scalars: scalars, spans: .listed(starts: line.rawStarts, ends: line.rawEnds), match: match,
                        occurrences: match.map { evaluator.occurrences(plan, least: $0.tier.isPrefix ? LineEvaluator.prefix : LineEvaluator.whole) } ?? [],
                        snippet: nil)
    }

    /// The label of the innermost section of `unit` holding raw offset `offset`.
    private mutating func section(of unit: Int, at offset: Int) -> String? {
        let row = tables.row(tables.unitSectionStart, unit)
        var lo = row.lowerBound, hi = row.upperBound
        while lo < hi {
            let mid = (lo + hi) / 2
            if Int(tables.sectionScalar[mid]) <= offset { lo = mid + 1 } else { hi = mid }
        }
        guard lo > row.lowerBound else { return nil }
        let id = Int(tables.sectionLabel[lo - 1])
        if let known = labels[id] { return known }
        let label = tables.label(id)
        labels[id] = label
        return label
    }
}
