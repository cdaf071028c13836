import Foundation

/// Search over every quote and the loaded document texts (the newest version of each
/// document, or every version), fast enough to run on each keystroke: texts are folded once
/// into bytes, a trigram filter skips texts that cannot match, and matching is `memmem`.
public final class SearchIndex: @unchecked Sendable {
    public struct Unit: Sendable {
        public var kind: SearchHit.Kind
        public var vendor: String
        public var document: String
        public var version: DocumentVersion?
        /// For quotes: the verdict and the evidence.
        public var surface: String?
        public var question: String?
        public var evidence: Evidence?
        var folded: FoldedBytes
        /// The raw text, kept for quotes and synthetic texts; documents are read again from
        /// their file when a hit is described (the index then holds only folded text).
        var raw: [UInt8]
        var trigrams: TrigramSet
        /// An earlier unit with the same folded text (archives record many identical versions):
        /// its folded text is shared and its matches reused.
        var duplicateOf: Int?
        var hasDuplicates = false
        /// Sections of a document's raw text (shared with duplicates' identical folded text is
        /// not enough: raw texts may differ in noise, so each document keeps its own).
        var sections: SectionIndex?
        /// For quotes: the indexed document unit the quote is found in (its cited version).
        var target: Int?
    }

    /// A match before it is described (cheap to produce, described on demand).
    public struct Match: Hashable, Sendable {
        public var unit: Int
        /// Folded byte range of the first term's match.
        public var start: Int
        public var end: Int
    }

    public private(set) var units: [Unit] = []
    /// The catalog the index was built from; nil when it was read from the on-disk cache, in
    /// which case `catalogProvider` loads it if a rare path needs it.
    public private(set) var catalog: Catalog?
    var catalogProvider: (() -> Catalog?)?
    public let allVersions: Bool
    /// Size of the indexed texts in bytes.
    public private(set) var corpusBytes = 0
    private var cache = FoldCache()
    private var resolvedCache: [Int: (ResolvedEvidence, PreparedText?, NormalizedText)] = [:]
    /// Document units by (vendor, document, version date).
    private var documentUnits: [DocumentKey: Int] = [:]
    private let lock = NSLock()
    /// Units by a hash of their folded text, to find identical ones.
    private var byContent: [Int: [Int]] = [:]

    public init(catalog: Catalog, allVersions: Bool = false) {
        self.catalog = catalog
        self.allVersions = allVersions
        var cache = FoldCache()
        for vendor in catalog.vendors {
            for verdict in vendor.verdicts {
                for e in verdict.evidence {
                    let raw = Array(e.quote.utf8)
                    let folded = FoldedBytes(utf8: raw, cache: &cache)
                    units.append(Unit(kind: .quote, vendor: e.vendor, document: e.document, version: nil, surface: verdict.surface,
                                      question: verdict.question, evidence: e, folded: folded, raw: raw, trigrams: TrigramSet(folded.bytes)))
                }
            }
        }
        for vendor in catalog.vendors {
            for doc in vendor.documents {
                let versions = allVersions ? Array(doc.versions.reversed()) : (doc.newest.map { [$0] } ?? [])
                for version in versions {
                    guard let raw = catalog.rawBytes(of: version) else { continue }
                    add(kind: .document, vendor: doc.vendor, document: doc.id, version: version, raw: raw, cache: &cache)
                }
            }
        }
        // Each quote's document unit: where its matches are mapped to offsets.
        for i in units.indices where units[i].kind == .quote {
            guard let e = units[i].evidence, let doc = catalog.document(vendor: e.vendor, id: e.document),
                  let version = doc.version(e.version) else { continue }
            units[i].target = documentUnits[DocumentKey(vendor: e.vendor, document: e.document, date: version.date)]
        }
        self.cache = cache
    }

    /// An index read back from the cache.
    init(units: [Unit], allVersions: Bool, corpusBytes: Int, catalogProvider: @escaping () -> Catalog?) {
        self.catalog = nil
        self.catalogProvider = catalogProvider
        self.allVersions = allVersions
        self.units = units
        self.corpusBytes = corpusBytes
        for (i, u) in units.enumerated() {
            if let version = u.version { documentUnits[DocumentKey(vendor: u.vendor, document: u.document, date: version.date)] = i }
        }
    }

    /// The catalog, loaded on first need when the index came from the cache.
    private func loadedCatalog() -> Catalog? {
        if let catalog { return catalog }
        catalog = catalogProvider?()
        return catalog
    }

    /// The raw bytes a unit was folded from.
    public func rawText(of unit: Unit) -> [UInt8] {
        if !unit.raw.isEmpty || unit.version == nil { return unit.raw }
        guard let version = unit.version else { return [] }
        if version.origin == .source { return (try? VersionFiles.read(version)) ?? [] }
        return loadedCatalog()?.rawBytes(of: version) ?? []
    }

    /// A range of a unit's raw bytes (clamped at its end): from memory, or a small read of its file.
    private func readRaw(_ index: Int, _ range: Range<Int>) -> [UInt8] {
        let unit = units[index]
        if unit.raw.isEmpty, let version = unit.version, version.origin == .source {
            return VersionFiles.readRange(version, range) ?? []
        }
        let all = rawText(of: unit)
        return Array(all[min(range.lowerBound, all.count)..<min(range.upperBound, all.count)])
    }

    /// Paths of the document versions indexed.
    public var indexedPaths: Set<String> { Set(units.compactMap { $0.version?.path }) }

    /// Adds a text outside the catalog (the benchmark's synthetic corpus).
    public func addSynthetic(vendor: String, document: String, raw: [UInt8]) {
        var cache = self.cache
        add(kind: .document, vendor: vendor, document: document, version: nil, raw: raw, cache: &cache)
        self.cache = cache
    }

    private func add(kind: SearchHit.Kind, vendor: String, document: String, version: DocumentVersion?, raw: [UInt8], cache: inout FoldCache) {
        let decoded = FoldedBytes.decode(raw)
        var folded = FoldedBytes(scalars: decoded.scalars, checkpointBytes: decoded.checkpointBytes, cache: &cache)
        // Texts carried in a data layer are kept (they may be inside the binary, not on disk).
        let keepRaw = version == nil || version?.origin == .data
        let sections = version == nil ? nil : SectionIndex(scalars: decoded.scalars)
        corpusBytes += raw.count
        let index = units.count
        if let version { documentUnits[DocumentKey(vendor: vendor, document: document, date: version.date)] = index }
        let hash = folded.bytes.hashValue
        var duplicateOf: Int?
        for other in byContent[hash] ?? [] where units[other].folded.bytes == folded.bytes && units[other].vendor == vendor {
            duplicateOf = other
            folded = units[other].folded
            units[other].hasDuplicates = true
            break
        }
        byContent[hash, default: []].append(index)
        let trigrams = duplicateOf.map { units[$0].trigrams } ?? TrigramSet(folded.bytes)
        units.append(Unit(kind: kind, vendor: vendor, document: document, version: version, surface: nil, question: nil,
                          evidence: nil, folded: folded, raw: keepRaw ? raw : [], trigrams: trigrams,
                          duplicateOf: duplicateOf, sections: sections))
    }

    /// Matches in rank order (quotes first, then documents by vendor and document order),
    /// at most `limit`. Every term must occur in one quote, or in one line of a document.
    public func matches(_ query: SearchQuery, limit: Int = .max) -> [Match] {
        lock.lock()
        var cache = self.cache
        lock.unlock()
        let terms = query.rawTerms.map { FoldedBytes.fold($0, cache: &cache) }.filter { !$0.isEmpty }
        guard !terms.isEmpty, limit > 0 else { return [] }
        let needed = terms.map(TrigramSet.keys)
        var out: [Match] = []
        var reuse: [Int: [(Int, Int)]] = [:]
        for (index, unit) in units.enumerated() {
            if unit.kind == .quote && query.scope == .documents { continue }
            if unit.kind == .document && query.scope == .quotes { continue }
            if let v = query.vendor, unit.vendor != v { continue }
            if unit.kind == .quote {
                if let s = query.surface, unit.surface != s { continue }
                if let q = query.question, unit.question != q { continue }
            } else if query.surface != nil || query.question != nil {
                continue
            }
            if let original = unit.duplicateOf, let found = reuse[original] {
                for (start, end) in found.prefix(limit - out.count) { out.append(Match(unit: index, start: start, end: end)) }
                if out.count >= limit { break }
                continue
            }
            guard needed.allSatisfy({ unit.trigrams.containsAll($0) }) else {
                if unit.hasDuplicates { reuse[index] = [] }
                continue
            }
            var found: [(Int, Int)] = []
            Self.scan(unit.folded.bytes, terms: terms, lines: unit.kind == .document) { start, end in
                out.append(Match(unit: index, start: start, end: end))
                found.append((start, end))
                return out.count < limit
            }
            if out.count >= limit { break }
            if unit.hasDuplicates { reuse[index] = found }
        }
        return out
    }

    /// Calls `found` for each line (or the whole text) holding every term, at the first term's
    /// earliest match in it; `found` returns false to stop.
    static func scan(_ bytes: ByteRegion, terms: [[UInt8]], lines: Bool, found: (Int, Int) -> Bool) {
        guard let first = terms.first else { return }
        bytes.withUnsafeBufferPointer { hay in
            guard let base = hay.baseAddress else { return }
            var from = 0
            while from < hay.count {
                guard let at = Bytes.find(first, in: base, from: from, to: hay.count) else { return }
                let lineStart = lines ? Bytes.lineStart(base, before: at) : 0
                let lineEnd = lines ? Bytes.lineEnd(base, after: at, count: hay.count) : hay.count
                let others = terms.dropFirst().allSatisfy { Bytes.find($0, in: base, from: lineStart, to: lineEnd) != nil }
                if others {
                    if !found(at, at + first.count) { return }
                }
                if !lines { return }
                from = lineEnd + 1
            }
        }
    }

    /// Where a quote's match is in its document, found by looking the folded quote up in the
    /// document's folded text (both folded alike), then mapping back as for a document match.
    private func mapThroughIndexedDocument(_ unit: Unit, _ e: Evidence, _ m: Match, cache: inout FoldCache)
        -> (version: SimpleDate, start: Int, end: Int, section: String?)? {
        guard let docIndex = unit.target, let version = units[docIndex].version else { return nil }
        let docUnit = units[docIndex]

        let quote = unit.folded.bytes.bytes
        var found: Int?
        docUnit.folded.bytes.withUnsafeBufferPointer { hay in
            guard let base = hay.baseAddress else { return }
            found = Bytes.find(quote, in: base, from: 0, to: hay.count)
        }
        guard let at = found else { return nil }
        let from = at + m.start
        let to = at + m.end
        let window = docUnit.folded.window(around: from, before: 320, after: 640 + (to - from) * 4) { readRaw(docIndex, $0) }
        let start = docUnit.folded.rawScalarOffset(ofFolded: from, in: window, cache: &cache)
        let last = docUnit.folded.rawScalarOffset(ofFolded: max(from, to - 1), in: window, cache: &cache)
        return (version.date, start, max(start + 1, last + 1), docUnit.sections?.section(at: start)?.label)
    }

    /// The slow way, for quotes whose version is not indexed: anchor the quote in its text.
    private func mapThroughAnchor(_ unitIndex: Int, _ e: Evidence, start: Int, end: Int, into hit: inout SearchHit) {
        let resolved: (ResolvedEvidence, PreparedText?, NormalizedText)
        if let cached = resolvedCache[unitIndex] {
            resolved = cached
        } else {
            guard let catalog = loadedCatalog() else { return }
            let r = catalog.resolve(e)
            var text: PreparedText?
            if let version = r.version, case .success(let t) = catalog.text(of: version) { text = t }
            resolved = (r, text, NormalizedText(e.quote))
            resolvedCache[unitIndex] = resolved
        }
        let (r, prepared, quoteNorm) = resolved
        hit.version = r.version?.date ?? e.version
        guard let anchor = r.anchor, let text = prepared else { return }
        hit.section = anchor.section
        let docNorm = text.normalized
        guard let normStart = SearchEngine.firstIndex(in: docNorm.rawOffsets, atLeast: anchor.start) else { return }
        let qs = SearchEngine.firstIndex(in: quoteNorm.rawOffsets, atLeast: start) ?? 0
        let qe = SearchEngine.firstIndex(in: quoteNorm.rawOffsets, atLeast: end) ?? quoteNorm.count
        guard normStart + max(qs + 1, qe) <= docNorm.count else { return }
        let raw = docNorm.rawRange(normStart + qs, normStart + max(qs + 1, qe))
        hit.start = raw.start
        hit.end = raw.end
        hit.section = text.sections.section(at: raw.start)?.label
    }

    struct DocumentKey: Hashable {
        var vendor: String
        var document: String
        var date: SimpleDate
    }

    /// Everything a person sees of a match: document, version, section, raw offsets, snippet.
    public func describe(_ m: Match) -> SearchHit {
        let unit = units[m.unit]
        lock.lock()
        defer { lock.unlock() }
        var cache = self.cache
        defer { self.cache = cache }

        // Enough text for the match and a snippet around it (Snippet.radius scalars each side).
        let window = unit.folded.window(around: m.start, before: 320, after: 640 + (m.end - m.start) * 4) { readRaw(m.unit, $0) }
        let start = unit.folded.rawScalarOffset(ofFolded: m.start, in: window, cache: &cache)
        let last = unit.folded.rawScalarOffset(ofFolded: max(m.start, m.end - 1), in: window, cache: &cache)
        let scalars = window.scalars
        let localStart = start - window.firstScalar
        let localEnd = min(scalars.count, max(localStart + 1, last + 1 - window.firstScalar))
        var lineStart = localStart
        while lineStart > 0 && scalars[lineStart - 1] != "\n" { lineStart -= 1 }
        var lineEnd = localEnd
        while lineEnd < scalars.count && scalars[lineEnd] != "\n" { lineEnd += 1 }
        let snippet = Snippet.make(scalars, matchStart: localStart, matchEnd: localEnd, lineStart: lineStart, lineEnd: lineEnd)
        let end = localEnd + window.firstScalar
        var hit = SearchHit(kind: unit.kind, vendor: unit.vendor, document: unit.document, version: unit.version?.date,
                            section: nil, start: nil, end: nil, snippet: snippet.text, snippetMatch: snippet.match,
                            surface: unit.surface, question: unit.question)
        if unit.kind == .document {
            hit.start = start
            hit.end = end
            hit.section = unit.sections?.section(at: start)?.label
        } else if let e = unit.evidence {
            if let mapped = mapThroughIndexedDocument(unit, e, m, cache: &cache) {
                hit.version = mapped.version
                hit.start = mapped.start
                hit.end = mapped.end
                hit.section = mapped.section
            } else {
                mapThroughAnchor(m.unit, e, start: start, end: end, into: &hit)
            }
        }
        return hit
    }
}

/// Which byte trigrams occur in a text, hashed into 65,536 bits: a cheap test that a text
/// cannot contain a term.
struct TrigramSet: Sendable {
    private(set) var words: Packed<UInt64>
    let mask: Int

    init(words: Packed<UInt64>, mask: Int) {
        self.words = words
        self.mask = mask
    }

    /// Sized to the text (about two bits per byte, 8 K to 1 M bits), so large texts don't saturate it.
    init(_ bytes: ByteRegion) {
        var bits = 1 << 13
        while bits < bytes.count * 2 && bits < 1 << 20 { bits <<= 1 }
        let mask = bits - 1
        self.mask = mask
        var words = [UInt64](repeating: 0, count: bits / 64)
        if bytes.count >= 3 {
            bytes.withUnsafeBufferPointer { b in
                for i in 0..<(b.count - 2) {
                    let h = Self.hash(b[i], b[i + 1], b[i + 2]) & mask
                    words[h >> 6] |= 1 << UInt64(h & 63)
                }
            }
        }
        self.words = Packed(words)
    }

    static func hash(_ a: UInt8, _ b: UInt8, _ c: UInt8) -> Int {
        let x = UInt64((UInt32(a) << 16) | (UInt32(b) << 8) | UInt32(c))
        return Int(truncatingIfNeeded: (x &* 0x9E3779B97F4A7C15) >> 40)
    }

    static func keys(_ term: [UInt8]) -> [Int] {
        guard term.count >= 3 else { return [] }
        return (0..<(term.count - 2)).map { hash(term[$0], term[$0 + 1], term[$0 + 2]) }
    }

    func containsAll(_ keys: [Int]) -> Bool {
        keys.allSatisfy { key in
            let h = key & mask
            return words[h >> 6] & (1 << UInt64(h & 63)) != 0
        }
    }
}

/// glibc's `memmem` (a GNU extension the Swift overlay does not declare).
@_silgen_name("memmem")
private func c_memmem(_ haystack: UnsafeRawPointer?, _ haystackLength: Int, _ needle: UnsafeRawPointer?, _ needleLength: Int) -> UnsafeMutableRawPointer?

enum Bytes {
    static func find(_ needle: [UInt8], in base: UnsafePointer<UInt8>, from: Int, to: Int) -> Int? {
        guard !needle.isEmpty, to - from >= needle.count else { return nil }
        return needle.withUnsafeBufferPointer { n -> Int? in
            guard let p = c_memmem(base + from, to - from, n.baseAddress, n.count) else { return nil }
            return base.distance(to: p.assumingMemoryBound(to: UInt8.self))
        }
    }

    static func lineStart(_ base: UnsafePointer<UInt8>, before at: Int) -> Int {
        var i = at
        while i > 0 && base[i - 1] != 10 { i -= 1 }
        return i
    }

    static func lineEnd(_ base: UnsafePointer<UInt8>, after at: Int, count: Int) -> Int {
        guard at < count, let p = memchr(base + at, 10, count - at) else { return count }
        return base.distance(to: p.assumingMemoryBound(to: UInt8.self))
    }
}
