/// What to search and where.
public struct SearchQuery: Sendable {
    public enum Scope: String, Sendable, CaseIterable { case quotes, documents, all }

    /// Folded terms; all must occur (in one quote, or in one line of a document).
    public var terms: [[Unicode.Scalar]]
    /// The terms as typed.
    public var rawTerms: [String]
    public var scope: Scope = .all
    public var vendor: String?
    public var surface: String?
    public var question: String?
    public var allVersions = false
    public var limit: Int?

    /// Splits on whitespace; `"a quoted phrase"` is one term.
    public init(_ text: String) {
        var terms: [String] = []
        var current = ""
        var quoted = false
        for ch in text {
            if ch == "\"" || ch == "“" || ch == "”" {
                if quoted || !current.isEmpty { terms.append(current); current = "" }
                quoted.toggle()
            } else if !quoted && ch.isWhitespace {
                if !current.isEmpty { terms.append(current); current = "" }
            } else {
                current.append(ch)
            }
        }
        if !current.isEmpty { terms.append(current) }
        self.rawTerms = terms.filter { !Folding.fold($0).isEmpty }
        self.terms = rawTerms.map(Folding.fold)
    }
}

public struct SearchHit: Sendable, Hashable {
    public enum Kind: String, Sendable { case quote, document }
    public var kind: Kind
    public var vendor: String
    public var document: String
    public var version: SimpleDate?
    public var section: String?
    /// Raw Unicode-scalar offsets of the first term's match in the version file (nil when not loaded).
    public var start: Int?
    public var end: Int?
    public var snippet: String
    /// The match inside `snippet`, as Unicode-scalar offsets.
    public var snippetMatch: Range<Int>
    public var surface: String?
    public var question: String?

    public var documentRef: String { "\(vendor)/\(document)" }
}

/// A straightforward, correct search over quotes and document texts.
public struct SearchEngine {
    public let catalog: Catalog

    public init(catalog: Catalog) { self.catalog = catalog }

    public func search(_ query: SearchQuery) -> [SearchHit] {
        guard !query.terms.isEmpty else { return [] }
        var hits: [SearchHit] = []
        let limit = query.limit ?? .max
        let vendors = catalog.vendors.filter { query.vendor == nil || $0.id == query.vendor }
        if query.scope != .documents {
            for vendor in vendors {
                for verdict in vendor.verdicts where (query.surface == nil || verdict.surface == query.surface) && (query.question == nil || verdict.question == query.question) {
                    for evidence in verdict.evidence {
                        if hits.count >= limit { return hits }
                        if let hit = quoteHit(evidence, verdict: verdict, query: query) { hits.append(hit) }
                    }
                }
            }
        }
        if query.scope != .quotes {
            for vendor in vendors {
                for doc in vendor.documents {
                    let versions = query.allVersions ? doc.versions.reversed() : (doc.newest.map { [$0] } ?? [])
                    for version in versions {
                        guard case .success(let text) = catalog.text(of: version) else { continue }
                        for hit in documentHits(doc, version: version, text: text, query: query) {
                            if hits.count >= limit { return hits }
                            hits.append(hit)
                        }
                    }
                }
            }
        }
        return hits
    }

    private func quoteHit(_ evidence: Evidence, verdict: Verdict, query: SearchQuery) -> SearchHit? {
        let folded = FoldedText(evidence.quote)
        guard let (matchStart, matchEnd) = allTermsMatch(query.terms, in: folded.scalars[...]) else { return nil }
        let quoteScalars = Array(evidence.quote.unicodeScalars)
        let qStart = Int(folded.rawOffsets[matchStart])
        let qEnd = Int(folded.rawOffsets[matchEnd - 1]) + 1
        let snippet = Snippet.make(quoteScalars, matchStart: qStart, matchEnd: qEnd)
        var hit = SearchHit(kind: .quote, vendor: evidence.vendor, document: evidence.document, version: evidence.version,
                            section: nil, start: nil, end: nil, snippet: snippet.text, snippetMatch: snippet.match,
                            surface: verdict.surface, question: verdict.question)
        let resolved = catalog.resolve(evidence)
        if let anchor = resolved.anchor, let version = resolved.version, case .success(let text) = catalog.text(of: version) {
            hit.version = version.date
            hit.section = anchor.section
            // The quote's normalized form lines up with the document's: map the match through it.
            let docNorm = text.normalized
            let quoteNorm = NormalizedText(evidence.quote)
            if let normStart = Self.firstIndex(in: docNorm.rawOffsets, atLeast: anchor.start) {
                let qNormStart = Self.firstIndex(in: quoteNorm.rawOffsets, atLeast: qStart) ?? 0
                let qNormEnd = (Self.firstIndex(in: quoteNorm.rawOffsets, atLeast: qEnd) ?? quoteNorm.count)
                let lo = normStart + qNormStart
                let hi = normStart + max(qNormStart + 1, qNormEnd)
                if hi <= docNorm.count {
                    let raw = docNorm.rawRange(lo, hi)
                    hit.start = raw.start
                    hit.end = raw.end
                    hit.section = text.sections.section(at: raw.start)?.label
                }
            }
        }
        return hit
    }

    private func documentHits(_ doc: PolicyDocument, version: DocumentVersion, text: PreparedText, query: SearchQuery) -> [SearchHit] {
        var hits: [SearchHit] = []
        let raw = text.raw
        var lineStart = 0
        var i = 0
        // Lines are the unit: all terms must occur in one line (Markdown paragraphs are lines).
        while lineStart < raw.count {
            i = lineStart
            while i < raw.count && raw[i] != "\n" { i += 1 }
            let lineEnd = i
            if lineEnd > lineStart {
                let folded = FoldedText(NormalizedText(scalars: Array(raw[lineStart..<lineEnd])))
                if let (ms, me) = allTermsMatch(query.terms, in: folded.scalars[...]) {
                    let start = lineStart + Int(folded.rawOffsets[ms])
                    let end = lineStart + Int(folded.rawOffsets[me - 1]) + 1
                    let snippet = Snippet.make(raw, matchStart: start, matchEnd: end, lineStart: lineStart, lineEnd: lineEnd)
                    hits.append(SearchHit(kind: .document, vendor: doc.vendor, document: doc.id, version: version.date,
                                          section: text.sections.section(at: start)?.label, start: start, end: end,
                                          snippet: snippet.text, snippetMatch: snippet.match, surface: nil, question: nil))
                }
            }
            lineStart = lineEnd + 1
        }
        return hits
    }

    /// If every term occurs, the folded range of the earliest occurrence of the first term.
    func allTermsMatch(_ terms: [[Unicode.Scalar]], in text: ArraySlice<Unicode.Scalar>) -> (Int, Int)? {
        var first: (Int, Int)?
        for (n, term) in terms.enumerated() {
            guard let at = Self.find(term, in: text) else { return nil }
            if n == 0 { first = (at, at + term.count) }
        }
        return first
    }

    static func find(_ needle: [Unicode.Scalar], in hay: ArraySlice<Unicode.Scalar>) -> Int? {
        guard let head = needle.first, needle.count <= hay.count else { return nil }
        var i = hay.startIndex
        let last = hay.endIndex - needle.count
        while i <= last {
            if hay[i] == head {
                var j = 1
                while j < needle.count && hay[i + j] == needle[j] { j += 1 }
                if j == needle.count { return i }
            }
            i += 1
        }
        return nil
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

/// A one-line excerpt with the match roughly centred.
enum Snippet {
    static let radius = 60

    static func make(_ raw: [Unicode.Scalar], matchStart: Int, matchEnd: Int, lineStart: Int = 0, lineEnd: Int? = nil) -> (text: String, match: Range<Int>) {
        let end = lineEnd ?? raw.count
        let lo = max(lineStart, matchStart - radius)
        let hi = min(end, max(matchEnd, matchStart) + radius)
        var view = String.UnicodeScalarView()
        var match = 0..<0
        var count = 0
        if lo > lineStart { view.append("…"); count += 1 }
        for i in lo..<hi {
            if i == matchStart { match = count..<count }
            let s = raw[i]
            view.append(MarkupNormalizer.isSpace(s) ? " " : s)
            count += 1
            if i + 1 == matchEnd { match = match.lowerBound..<count }
        }
        if hi < end { view.append("…") }
        return (String(view), match)
    }
}
