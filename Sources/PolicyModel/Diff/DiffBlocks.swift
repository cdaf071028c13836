/// A token of a paragraph: a Latin word, one CJK character, one punctuation mark, or (raw
/// diffs only) a run of whitespace. `id` is the interned text of its canonical form.
struct DiffToken {
    var id: Int
    /// Raw offsets (Unicode scalars) of what the token stands for.
    var start: Int
    var end: Int
}

/// A paragraph-like unit of a version: a run of lines up to a blank line, a list item,
/// a heading, a clause number or a table row.
struct DiffBlock {
    /// Raw offsets of the block's text, trimmed of surrounding whitespace.
    var start: Int
    var end: Int
    /// The interned canonical form of the whole block: equal keys, equal blocks.
    var key: Int
    var tokens: [DiffToken]
}

/// One side of a diff: the raw text, its sections, and its blocks.
public struct DiffSide: Sendable {
    public let raw: [Unicode.Scalar]
    /// The sections that name where changes are; nil when only whether something changed matters.
    public let sections: SectionIndex?

    public init(raw: [Unicode.Scalar], sections: SectionIndex?) {
        self.raw = raw
        self.sections = sections
    }

    public init(_ text: PreparedText) {
        self.init(raw: text.raw, sections: text.sections)
    }

    /// `withSections: false` skips finding sections (changes then have no section).
    public init(text: String, withSections: Bool = true) {
        let raw = Array(text.unicodeScalars)
        self.init(raw: raw, sections: withSections ? SectionIndex(scalars: raw) : nil)
    }

    public func text(_ start: Int, _ end: Int) -> String {
        let lo = max(0, min(start, raw.count)), hi = max(lo, min(end, raw.count))
        return String(String.UnicodeScalarView(raw[lo..<hi]))
    }
}

enum DiffBlocks {
    /// Splits `side` into blocks; blocks with no tokens (rules, blank markup) are left out.
    static func blocks(_ side: DiffSide, raw rawMode: Bool, interner: inout Interner) -> [DiffBlock] {
        var memo = BlockMemo(isOn: false)
        return blocks(side, raw: rawMode, interner: &interner, memo: &memo)
    }

    /// As `blocks(_:raw:interner:)`, taking the blocks `memo` holds (same raw text) instead of
    /// working them out again; call `memo.nextVersion()` after each version.
    static func blocks(_ side: DiffSide, raw rawMode: Bool, interner: inout Interner, memo: inout BlockMemo) -> [DiffBlock] {
        let raw = side.raw
        var lines: [(start: Int, end: Int)] = []
        var lineStart = 0
        for (i, s) in raw.enumerated() where s == "\n" {
            lines.append((lineStart, i))
            lineStart = i + 1
        }
        if lineStart < raw.count { lines.append((lineStart, raw.count)) }

        var blocks: [DiffBlock] = []
        // The block's lines: trimmed bounds, and where each line starts.
        var blockLines: [(first: Int, last: Int, start: Int)] = []
        func flush() {
            defer { blockLines.removeAll(keepingCapacity: true) }
            guard let blockStart = blockLines.first?.first, let blockEnd = blockLines.last?.last else { return }
            let text = BlockText(memo.isOn ? raw[blockStart..<blockEnd] : [])
            let entry: BlockMemo.Entry
            if memo.isOn, let known = memo.take(text) {
                entry = known
            } else {
                var current: [CanonicalScalar] = []
                for (n, line) in blockLines.enumerated() {
                    if n > 0 {
                        if rawMode {
                            current += NoiseFilter.rawLine(raw, blockLines[n - 1].last, line.first)
                        } else {
                            // The line break between two lines of one paragraph.
                            current.append(CanonicalScalar(scalar: " ", start: line.start - 1, end: line.start))
                        }
                    }
                    current += rawMode ? NoiseFilter.rawLine(raw, line.first, line.last) : NoiseFilter.canonicalLine(raw, line.first, line.last)
                }
                let tokens = tokenize(current, keepSpaces: rawMode, interner: &interner)
                let key = tokens.isEmpty ? -1
                    : rawMode ? interner.id(String(String.UnicodeScalarView(raw[blockStart..<blockEnd]))) : interner.id(tokens.map(\.id))
                entry = BlockMemo.Entry(key: key, tokens: tokens.map { DiffToken(id: $0.id, start: $0.start - blockStart, end: $0.end - blockStart) })
                if memo.isOn { memo.keep(text, entry) }
            }
            guard !entry.tokens.isEmpty else { return }
            blocks.append(DiffBlock(start: blockStart, end: blockEnd, key: entry.key,
                                    tokens: entry.tokens.map { DiffToken(id: $0.id, start: $0.start + blockStart, end: $0.end + blockStart) }))
        }
        for line in lines {
            var first = line.start
            while first < line.end, MarkupNormalizer.isSpace(raw[first]) { first += 1 }
            if first == line.end { flush(); continue }
            var last = line.end
            while last > first, MarkupNormalizer.isSpace(raw[last - 1]) { last -= 1 }
            if startsBlock(raw, first, last) { flush() }
            blockLines.append((first, last, line.start))
            if NoiseFilter.isRuleLine(raw, first, last) { flush() }
        }
        flush()
        return blocks
    }

    /// A line that opens a block of its own even without a blank line before it.
    static func startsBlock(_ raw: [Unicode.Scalar], _ first: Int, _ last: Int) -> Bool {
        let s = raw[first]
        if s == "#" || s == "|" || s == ">" || s == "•" { return true }
        if (s == "*" || s == "-" || s == "+"), first + 1 < last, MarkupNormalizer.isSpace(raw[first + 1]) { return true }
        if NoiseFilter.isRuleLine(raw, first, last) { return true }
        if s == "(" || s == "（" || s == "第" || DateCanonicalizer.isDigit(s) || ClauseNumber.isChineseNumeral(Character(s)) {
            let head = String(String.UnicodeScalarView(raw[first..<min(last, first + 24)]))
            return ClauseNumber.leading(in: head) != nil
        }
        return false
    }

    /// Tokens of a canonical line sequence.
    static func tokenize(_ text: [CanonicalScalar], keepSpaces: Bool, interner: inout Interner) -> [DiffToken] {
        var tokens: [DiffToken] = []
        var i = 0
        while i < text.count {
            let s = text[i].scalar
            var j = i + 1
            if MarkupNormalizer.isSpace(s) {
                while j < text.count, MarkupNormalizer.isSpace(text[j].scalar) { j += 1 }
                if !keepSpaces { i = j; continue }
            } else if text[i].end - text[i].start > 1 {
                // A replacement (a date written canonically) is one token.
                while j < text.count, text[j].start == text[i].start, text[j].end == text[i].end { j += 1 }
            } else if isWordScalar(s) {
                while j < text.count, isWordScalar(text[j].scalar) { j += 1 }
            }
            var view = String.UnicodeScalarView()
            var start = text[i].start, end = text[i].end
            for k in i..<j {
                view.append(text[k].scalar)
                start = min(start, text[k].start)
                end = max(end, text[k].end)
            }
            tokens.append(DiffToken(id: interner.id(String(view)), start: start, end: end))
            i = j
        }
        return tokens
    }

    /// Letters, digits and marks of alphabetic scripts join into words; CJK characters stand alone.
    static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
        if s.isASCII { return DateCanonicalizer.isLetter(s) || DateCanonicalizer.isDigit(s) || s == "'" }
        if isCJK(s) { return false }
        let p = s.properties
        return p.isAlphabetic || p.numericType != nil || p.generalCategory == .nonspacingMark || s == "’"
    }

    static func isCJK(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x2E80...0x2FDF, 0x3040...0x30FF, 0x3100...0x312F, 0x31A0...0x31FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xAC00...0xD7AF, 0xF900...0xFAFF, 0x20000...0x3FFFF:
            return true
        default:
            return false
        }
    }
}
