/// A verdict whose quote a hit is.
public struct Citation: Sendable, Hashable {
    public var surface: String
    public var question: String
}

/// A hit as people see it: where it is, the snippet around it, and what in the snippet matched.
public struct SearchHit: Sendable, Hashable {
    public enum Kind: String, Sendable { case quote, document }
    /// `quote` when a verdict quotes the passage (even when its document line matched too), else `document`.
    public var kind: Kind
    /// Everything the hit is: `[document]`, `[quote]`, or `[quote, document]` for a quoted passage
    /// whose document line matched as well (one hit, not two).
    public var kinds: [Kind]
    public var vendor: String
    public var document: String
    public var version: SimpleDate?
    public var section: String?
    /// Raw Unicode-scalar offsets of the match in the version file (nil when not loaded): the
    /// phrase or window, or the first word's first occurrence when the words are apart.
    public var start: Int?
    public var end: Int?
    public var snippet: String
    /// The match inside `snippet`, as Unicode-scalar offsets.
    public var snippetMatch: Range<Int>
    /// Every occurrence of every query word inside `snippet`, as Unicode-scalar offsets, in order.
    public var matches: [Range<Int>]
    /// 6 for the exact phrase down to 1 (see `MatchTier`).
    public var score: Int
    /// For quotes: the first verdict citing it, and all of them.
    public var surface: String?
    public var question: String?
    public var citedBy: [Citation]

    public var documentRef: String { "\(vendor)/\(document)" }

    /// Where the hit is: `vendor/document@version §section`.
    public var place: String {
        var place = ""
        appendPlace(to: &place)
        return place
    }

    /// Appends `place` to `text`, growing it once (thousands of hits are printed at a time).
    public func appendPlace(to text: inout String, reserving extra: Int = 0) {
        let date = version?.description
        text.reserveCapacity(text.utf8.count + vendor.utf8.count + 1 + document.utf8.count + (date.map { $0.utf8.count + 1 } ?? 0)
                             + (section.map { $0.utf8.count + 3 } ?? 0) + extra)
        text.append(vendor)
        text.append("/")
        text.append(document)
        if let date {
            text.append("@")
            text.append(date)
        }
        if let section {
            text.append(" §")
            text.append(section)
        }
    }

    /// What the hit is: `quote · document`, `quote` or `document`.
    public var kindsLabel: String { kinds.map(\.rawValue).joined(separator: " · ") }

    /// The verdicts quoting the passage: `surface/question, …`.
    public var citations: String { citedBy.map { "\($0.surface)/\($0.question)" }.joined(separator: ", ") }

    /// For a quote, what it is: `quote surface/question, …`, and `· document` when its document
    /// line matched too (nil for a document line).
    public var quoteLabel: String? {
        guard kind == .quote else { return nil }
        return "quote " + citations + (kinds.contains(.document) ? " · document" : "")
    }
}

/// The scalars of a raw line: its bytes when it is ASCII (each byte a scalar), else decoded.
enum LineScalars: RandomAccessCollection {
    case ascii(UnsafeBufferPointer<UInt8>)
    case decoded([Unicode.Scalar])

    var startIndex: Int { 0 }
    var endIndex: Int {
        switch self {
        case .ascii(let b): return b.count
        case .decoded(let s): return s.count
        }
    }

    subscript(i: Int) -> Unicode.Scalar {
        switch self {
        case .ascii(let b): return Unicode.Scalar(b[i])
        case .decoded(let s): return s[i]
        }
    }
}

/// A one-line excerpt with the match roughly centred.
enum Snippet {
    static let radius = 60

    /// The excerpt of `raw[lineStart..<lineEnd]` around `matchStart..<matchEnd`, whitespace shown as
    /// spaces and `…` where it is cut; `match` and `highlights` mapped into it (those outside dropped).
    static func make<Scalars: RandomAccessCollection<Unicode.Scalar>>(_ raw: Scalars, matchStart: Int, matchEnd: Int, lineStart: Int = 0, lineEnd: Int? = nil,
                     highlights: [Range<Int>] = []) -> (text: String, match: Range<Int>, highlights: [Range<Int>]) where Scalars.Index == Int {
        let end = min(raw.count, lineEnd ?? raw.count)
        let start = max(0, min(lineStart, end))
        let lo = max(start, min(matchStart, end) - radius)
        let hi = max(lo, min(end, max(matchEnd, matchStart) + radius))
        // Built as UTF-8 bytes: appending scalars to a String one at a time costs more.
        var bytes: [UInt8] = []
        bytes.reserveCapacity((hi - lo) * 3 + 8)
        let ellipsis: [UInt8] = [0xE2, 0x80, 0xA6]
        let shift = lo > start ? 1 : 0
        if shift == 1 { bytes += ellipsis }
        // Markup shown as plain text (`SnippetMarkup`), offsets mapped through it.
        let markup = SnippetMarkup.mayHoldMarkup(raw[lo..<hi]) ? SnippetMarkup(Array(raw[lo..<hi]), atLineStart: lo == start) : nil
        for s in markup?.plain ?? Array(raw[lo..<hi]) {
            if MarkupNormalizer.isSpace(s) { bytes.append(32) } else { UTF8.encode(s) { bytes.append($0) } }
        }
        if hi < end { bytes += ellipsis }
        func mapped(_ r: Range<Int>) -> Range<Int>? {
            var a = max(r.lowerBound, lo) - lo, b = min(r.upperBound, hi) - lo
            guard a < b else { return nil }
            if let markup { (a, b) = (markup.position[a], markup.position[b]) }
            guard a < b else { return nil }
            return (a + shift)..<(b + shift)
        }
        let match = mapped(min(matchStart, hi)..<max(min(matchEnd, hi), min(matchStart, hi))) ?? (shift..<shift)
        return (String(decoding: bytes, as: UTF8.self), match, highlights.compactMap(mapped))
    }
}
