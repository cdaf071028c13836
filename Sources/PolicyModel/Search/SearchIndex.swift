/// Search over every quote and the loaded document texts, fast enough to run on each keystroke
/// at a gigabyte: an inverted index of words over distinct lines (see `IndexTables`), ranked
/// by how well each line matches (`MatchTier`), then by how much the text matters (quotes,
/// then analysed documents, then the rest) and how recent it is.
/// Immutable once built, so it is shared freely; describing hits uses a `HitDescriber`.
public final class SearchIndex: Sendable {
    public struct Unit: Sendable, Hashable {
        public var kind: SearchHit.Kind
        public var vendor: String
        public var document: String
        /// The document version (nil for quotes and for texts outside the catalog).
        public var version: DocumentVersion?
        /// For quotes: the verdict citing it.
        public var surface: String? = nil
        public var question: String? = nil
        /// The document's language (declared, or told from the text for texts outside the catalog).
        public var language: String? = nil
        /// 0 quotes, 1 documents of analysed vendors, 2 anything else: ranks ties.
        var importance: UInt8
        /// The newest version of its document (searched without `@all`).
        var isNewest: Bool
        /// For quotes: the date of the version cited, and where in that version's unit the quote starts.
        var quoteDate: SimpleDate? = nil
        var link: QuoteLink? = nil

        /// The date ranking uses: the version's, or the cited version's for a quote.
        var date: SimpleDate? { version?.date ?? quoteDate }
    }

    /// Where a quote lies in the document unit of the version it cites: the occurrence (line)
    /// it starts in, and the token it starts at.
    struct QuoteLink: Sendable, Hashable {
        var unit: Int32
        var occurrence: Int32
        var token: Int32
    }

    /// A hit before it is described (cheap to produce, described on demand).
    public struct Match: Hashable, Sendable {
        /// The unit shown: a document unit, or a quote unit for a quote whose passage is not a document hit.
        public var unit: Int
        /// The line (an occurrence in `IndexTables`).
        public var occurrence: Int
        public var tier: MatchTier
        /// Quote units whose passage this is (merged with the document line when both matched).
        public var quotes: [Int]
        /// The query's words (describing a hit finds them again in the line, a reader highlights them).
        public internal(set) var words: [SearchQuery.Word]

        public var score: Int { tier.score }
    }

    public let units: [Unit]
    let tables: IndexTables
    /// Units are numbered in rank order (`ranksBefore`), so occurrences are too: the quote and
    /// the document units, in that order.
    let quotesInRankOrder: [Int]
    let documentsInRankOrder: [Int]
    /// Per unit, what every query asks first: quote or document, newest version or not.
    let unitFlags: [UInt8]
    static let quoteFlag: UInt8 = 1, newestFlag: UInt8 = 2
    /// Whether every version was indexed (else the newest of each document, and versions quotes cite).
    public let allVersions: Bool
    /// Size of the indexed document texts in bytes.
    public let corpusBytes: Int
    /// Bytes of the documents' lines, and of the distinct lines among them (each with its newline).
    public let lineBytes: (total: Int, distinct: Int)

    /// The share of line bytes that are distinct: how much of the corpus is not a repeat.
    public var distinctLineShare: Double { lineBytes.total == 0 ? 0 : Double(lineBytes.distinct) / Double(lineBytes.total) }

    /// A text outside the catalog (tests, the fuzzer).
    public struct ExtraText: Sendable {
        public var vendor: String
        public var document: String
        public var bytes: [UInt8]

        public init(vendor: String, document: String, bytes: [UInt8]) {
            self.vendor = vendor
            self.document = document
            self.bytes = bytes
        }
    }

    /// An index over tables built or read back from the cache (already checked).
    init(tables: IndexTables, units: [Unit], allVersions: Bool, corpusBytes: Int, lineBytes: (total: Int, distinct: Int)) {
        self.tables = tables
        self.units = units
        self.allVersions = allVersions
        self.corpusBytes = corpusBytes
        self.lineBytes = lineBytes
        unitFlags = units.map { ($0.kind == .quote ? Self.quoteFlag : 0) | ($0.isNewest ? Self.newestFlag : 0) }
        quotesInRankOrder = units.indices.filter { units[$0].kind == .quote }
        documentsInRankOrder = units.indices.filter { units[$0].kind == .document }
    }

    /// Rank order of units: quotes, then analysed documents, then the rest; newest first.
    static func ranksBefore(_ x: Unit, _ y: Unit) -> Bool {
        if x.importance != y.importance { return x.importance < y.importance }
        return isNewer(x.date, than: y.date)
    }

    /// Recency for ranking: a dated unit before an undated one.
    static func isNewer(_ a: SimpleDate?, than b: SimpleDate?) -> Bool {
        switch (a, b) {
        case let (x?, y?): return x > y
        case (.some, nil): return true
        default: return false
        }
    }

    /// Paths of the document versions indexed.
    public var indexedPaths: Set<String> { Set(units.compactMap { $0.version?.path }) }

    /// Describes one hit (for many, keep a `HitDescriber`: it reuses its work between hits).
    public func describe(_ m: Match) -> SearchHit {
        var describer = HitDescriber(index: self)
        return describer.describe(m)
    }

    /// The versions, of each `<Service>/<Terms Type>` folder, that are the newest.
    static func newestOfEach(_ files: [DocumentVersion]) -> Set<String> {
        var newest: [String: DocumentVersion] = [:]
        for f in files {
            let folder = String(f.path[..<(f.path.lastIndex(of: "/") ?? f.path.endIndex)])
            if let seen = newest[folder], (seen.date, seen.stamp) >= (f.date, f.stamp) { continue }
            newest[folder] = f
        }
        return Set(newest.values.map(\.path))
    }

    /// Vendor and document ids for a source file `…/<Service>/<Terms Type>/<stamp>.md`.
    static func names(of path: String) -> (String, String) {
        let parts = path.split(separator: "/")
        guard parts.count >= 3 else { return ("sources", Slug.make(path)) }
        return (Slug.make(String(parts[parts.count - 3])), Slug.make(String(parts[parts.count - 2])))
    }
}
