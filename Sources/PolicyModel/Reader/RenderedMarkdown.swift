/// A version's Markdown as a reader shows it: headings without `#` or underlines, emphasis
/// without its marks, links as their text, list markers as bullets, pipe tables aligned.
/// Every rendered scalar remembers the raw offset it stands for, so quote highlights, sections
/// and `check` keep working on the raw text (DESIGN §4, the reader).
public struct RenderedMarkdown: Sendable {
    public enum Style: Sendable, Hashable {
        case heading(level: Int)
        case bold
        case italic
        case link
        /// Drawn by the renderer: bullets, rules, table borders.
        case decoration
    }

    public struct Span: Sendable, Hashable {
        public var range: Range<Int>
        public var style: Style
    }

    public struct Link: Sendable, Hashable {
        public var range: Range<Int>
        public var url: String
    }

    /// The rendered text, in Unicode scalars; lines end with `\n`.
    public private(set) var scalars: [Unicode.Scalar] = []
    /// For each rendered scalar, the raw offset it stands for. Never decreases, so a raw range
    /// maps to one rendered range. Drawn scalars take the offset of the markup they replace.
    public private(set) var rawOffsets: [Int] = []
    public private(set) var spans: [Span] = []
    public private(set) var links: [Link] = []

    public var count: Int { scalars.count }
    public var string: String { String(String.UnicodeScalarView(scalars)) }

    /// The rendered range showing raw `start..<end` (empty when all of it is markup).
    public func renderedRange(rawStart start: Int, rawEnd end: Int) -> Range<Int> {
        let lo = firstIndex(atOrAfter: start)
        let hi = firstIndex(atOrAfter: end)
        return lo..<max(lo, hi)
    }

    /// The raw offset a rendered position stands for (the end of the text past the last).
    public func rawOffset(rendered i: Int) -> Int {
        guard !rawOffsets.isEmpty else { return 0 }
        return rawOffsets[max(0, min(i, rawOffsets.count - 1))]
    }

    /// The first rendered index whose raw offset is at least `raw`.
    public func firstIndex(atOrAfter raw: Int) -> Int {
        var lo = 0, hi = rawOffsets.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if rawOffsets[mid] < raw { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    public init(_ text: String) {
        self.init(scalars: Array(text.unicodeScalars))
    }

    public init(scalars raw: [Unicode.Scalar]) {
        var builder = MarkdownRenderer(raw: raw)
        builder.run()
        scalars = builder.out
        rawOffsets = builder.offsets
        spans = builder.spans
        links = builder.links
    }
}

/// The line-by-line work of `RenderedMarkdown`.
struct MarkdownRenderer {
    let raw: [Unicode.Scalar]
    let markup: [Bool]
    var out: [Unicode.Scalar] = []
    var offsets: [Int] = []
    var spans: [RenderedMarkdown.Span] = []
    var links: [RenderedMarkdown.Link] = []
    /// The line ranges of the raw text (without their `\n`).
    let lines: [Range<Int>]

    init(raw: [Unicode.Scalar]) {
        self.raw = raw
        markup = MarkupNormalizer.markupMask(raw)
        var lines: [Range<Int>] = []
        var start = 0
        for (i, s) in raw.enumerated() where s == "\n" {
            lines.append(start..<i)
            start = i + 1
        }
        if start < raw.count { lines.append(start..<raw.count) }
        self.lines = lines
    }

    mutating func run() {
        var n = 0
        while n < lines.count {
            if let table = tableBlock(from: n) {
                renderTable(table)
                n = table.upperBound
                continue
            }
            // A blockquote's `>` marks are not shown; what follows them renders as any line.
            let line = quoteContent(lines[n]) ?? lines[n]
            let next = n + 1 < lines.count ? lines[n + 1] : nil
            if let next, let level = setextLevel(next), !isBlank(line), listMarker(line) == nil {
                renderHeading(content: trimmed(line), level: level)
                endLine(at: next.upperBound)   // the underline is not shown
                n += 2
                continue
            }
            if isRule(line) {
                emitDrawn(Array("────────".unicodeScalars), at: line.lowerBound)
                spans.append(.init(range: (out.count - 8)..<out.count, style: .decoration))
                endLine(at: line.upperBound)
            } else if let (level, content) = atxHeading(line) {
                renderHeading(content: content, level: level)
                endLine(at: line.upperBound)
            } else if let marker = listMarker(line) {
                // Indentation stays; the marker becomes a bullet and a space (the reader hangs
                // the item's wrapped lines under its text).
                emitRaw(line.lowerBound..<marker.lowerBound, inline: false)
                emitDrawn(["•", " "], at: marker.lowerBound)
                spans.append(.init(range: (out.count - 2)..<(out.count - 1), style: .decoration))
                emitInline(marker.upperBound..<line.upperBound)
                endLine(at: line.upperBound)
            } else {
                emitInline(line)
                endLine(at: line.upperBound)
            }
            n += 1
        }
        // Offsets never decrease (drawn scalars take their neighbours' offsets).
        var last = 0
        for i in offsets.indices {
            if offsets[i] < last { offsets[i] = last }
            last = offsets[i]
        }
    }

    // MARK: emitting

    mutating func emit(_ s: Unicode.Scalar, raw offset: Int) {
        out.append(s)
        offsets.append(offset)
    }

    mutating func emitDrawn(_ scalars: [Unicode.Scalar], at offset: Int) {
        for s in scalars { emit(s, raw: offset) }
    }

    mutating func emitRaw(_ range: Range<Int>, inline: Bool) {
        if inline { emitInline(range); return }
        for i in range { emit(raw[i], raw: i) }
    }

    /// The newline at the end of a line (its raw offset, or the text's end for the last line).
    mutating func endLine(at offset: Int) {
        emit("\n", raw: min(offset, raw.count))
    }

    mutating func renderHeading(content: Range<Int>, level: Int) {
        let start = out.count
        emitInline(content)
        spans.append(.init(range: start..<out.count, style: .heading(level: level)))
    }

    /// Text with emphasis marks, escapes and link syntax taken out; emphasis and links as spans.
    mutating func emitInline(_ range: Range<Int>) {
        var bold: Int?
        var italic: Int?
        var i = range.lowerBound
        var linkStart: Int?
        while i < range.upperBound {
            let s = raw[i]
            if s == "\\", i + 1 < range.upperBound, isPunctuation(raw[i + 1]) {
                emit(raw[i + 1], raw: i + 1)   // an escaped character is shown as itself
                i += 2
                continue
            }
            if markup[i] {
                if s == "[" {
                    linkStart = out.count
                } else if s == "]", let startOut = linkStart, let url = linkURL(after: i) {
                    links.append(.init(range: startOut..<out.count, url: url))
                    spans.append(.init(range: startOut..<out.count, style: .link))
                    linkStart = nil
                } else if s == "*" || s == "_" {
                    if isIntraword(i) {
                        emit(s, raw: i)   // snake_case and 2*3 keep their characters
                        i += 1
                        continue
                    }
                    var run = 1
                    while i + run < range.upperBound && raw[i + run] == s && markup[i + run] { run += 1 }
                    if run >= 2 {
                        if let b = bold { spans.append(.init(range: b..<out.count, style: .bold)); bold = nil } else { bold = out.count }
                    }
                    if run % 2 == 1 {
                        if let it = italic { spans.append(.init(range: it..<out.count, style: .italic)); italic = nil } else { italic = out.count }
                    }
                    i += run
                    continue
                }
                i += 1
                continue
            }
            emit(s, raw: i)
            i += 1
        }
    }

    func isPunctuation(_ s: Unicode.Scalar) -> Bool {
        s.isASCII && s.properties.generalCategory != .uppercaseLetter && s.properties.generalCategory != .lowercaseLetter
            && !(s >= "0" && s <= "9") && s != " " && s != "\n"
    }

    /// `_` or `*` between two letters or digits is part of the text, not emphasis.
    func isIntraword(_ i: Int) -> Bool {
        guard i > 0, i + 1 < raw.count else { return false }
        let isWord = { (s: Unicode.Scalar) in s.properties.isAlphabetic || s.properties.numericType != nil }
        return isWord(raw[i - 1]) && isWord(raw[i + 1])
    }

    /// The URL of a link whose text ends at `close` (`](url)`).
    func linkURL(after close: Int) -> String? {
        guard close + 1 < raw.count, raw[close + 1] == "(" else { return nil }
        var k = close + 2
        var view = String.UnicodeScalarView()
        while k < raw.count, raw[k] != ")", raw[k] != "\n" {
            if raw[k] == " " { break }   // `(url "title")`: the URL ends at the space
            view.append(raw[k])
            k += 1
        }
        return view.isEmpty ? nil : String(view)
    }

    // MARK: block shapes

    /// A blockquote line without its marks (`> `, nested `> > `), up to three spaces before them.
    func quoteContent(_ r: Range<Int>) -> Range<Int>? {
        var i = r.lowerBound
        while i < r.upperBound && i - r.lowerBound < 3 && raw[i] == " " { i += 1 }
        guard i < r.upperBound, raw[i] == ">" else { return nil }
        while i < r.upperBound && raw[i] == ">" {
            i += 1
            if i < r.upperBound && raw[i] == " " { i += 1 }
        }
        return i..<r.upperBound
    }

    func isBlank(_ r: Range<Int>) -> Bool { raw[r].allSatisfy { MarkupNormalizer.isSpace($0) } }

    func trimmed(_ r: Range<Int>) -> Range<Int> {
        var lo = r.lowerBound, hi = r.upperBound
        while lo < hi && MarkupNormalizer.isSpace(raw[lo]) { lo += 1 }
        while hi > lo && MarkupNormalizer.isSpace(raw[hi - 1]) { hi -= 1 }
        return lo..<hi
    }

    /// `===` → 1, `---` → 2 (three or more, nothing else on the line).
    func setextLevel(_ r: Range<Int>) -> Int? {
        let t = raw[trimmed(r)]
        guard t.count >= 3, let f = t.first, f == "=" || f == "-", t.allSatisfy({ $0 == f }) else { return nil }
        return f == "=" ? 1 : 2
    }

    /// `---`, `***` or `___` alone on a line (spaces allowed between).
    func isRule(_ r: Range<Int>) -> Bool {
        let t = raw[trimmed(r)].filter { $0 != " " }
        guard t.count >= 3, let f = t.first, f == "-" || f == "*" || f == "_" else { return false }
        return t.allSatisfy { $0 == f }
    }

    /// `## Title ##` → (2, the range of `Title`).
    func atxHeading(_ r: Range<Int>) -> (Int, Range<Int>)? {
        let t = trimmed(r)
        var i = t.lowerBound
        var level = 0
        while i < t.upperBound && raw[i] == "#" { level += 1; i += 1 }
        guard (1...6).contains(level), i == t.upperBound || raw[i] == " " else { return nil }
        var hi = t.upperBound
        while hi > i && raw[hi - 1] == "#" { hi -= 1 }
        let content = trimmed(i..<hi)
        return (level, content.isEmpty ? i..<i : content)
    }

    /// The range of `* `, `- ` or `+ ` opening a list item.
    func listMarker(_ r: Range<Int>) -> Range<Int>? {
        var i = r.lowerBound
        while i < r.upperBound && raw[i] == " " { i += 1 }
        guard i + 1 < r.upperBound, raw[i] == "*" || raw[i] == "-" || raw[i] == "+" else { return nil }
        var j = i + 1
        guard raw[j] == " " else { return nil }
        while j < r.upperBound && raw[j] == " " { j += 1 }
        return i..<j
    }

    // MARK: tables

    func isTableRow(_ r: Range<Int>) -> Bool {
        let t = trimmed(r)
        return t.count >= 2 && raw[t.lowerBound] == "|" && raw[t.upperBound - 1] == "|"
    }

    func isTableSeparator(_ r: Range<Int>) -> Bool {
        let t = raw[trimmed(r)]
        return isTableRow(r) && t.allSatisfy { $0 == "|" || $0 == "-" || $0 == ":" || $0 == " " } && t.contains("-")
    }

    /// Lines n..<end forming a pipe table: a row, a separator row, then rows.
    func tableBlock(from n: Int) -> Range<Int>? {
        guard n + 1 < lines.count, isTableRow(lines[n]), isTableSeparator(lines[n + 1]) else { return nil }
        var end = n + 2
        while end < lines.count && isTableRow(lines[end]) { end += 1 }
        return n..<end
    }

    /// The cells of a row: raw ranges between pipes, trimmed.
    func cells(_ r: Range<Int>) -> [Range<Int>] {
        let t = trimmed(r)
        var out: [Range<Int>] = []
        var start = t.lowerBound + 1
        var i = start
        while i < t.upperBound {
            if raw[i] == "|" && (i == 0 || raw[i - 1] != "\\") {
                out.append(trimmed(start..<i))
                start = i + 1
            }
            i += 1
        }
        return out
    }

    /// The raw offset of the `|` that opens the cell starting at `start`.
    func pipe(before start: Int, in line: Range<Int>) -> Int {
        var i = start - 1
        while i > line.lowerBound && raw[i] != "|" { i -= 1 }
        return i
    }

    func inlineWidth(_ r: Range<Int>) -> Int {
        var copy = MarkdownRenderer(raw: raw, lines: [], markup: markup)
        copy.emitInline(r)
        return copy.out.reduce(0) { $0 + CJK.width($1) }
    }

    init(raw: [Unicode.Scalar], lines: [Range<Int>], markup: [Bool]) {
        self.raw = raw
        self.lines = lines
        self.markup = markup
    }

    mutating func renderTable(_ block: Range<Int>) {
        let rows = block.map { cells(lines[$0]) }
        let columns = rows.map(\.count).max() ?? 0
        var widths = [Int](repeating: 0, count: columns)
        for (k, row) in rows.enumerated() where k != 1 {
            for (c, cell) in row.enumerated() { widths[c] = max(widths[c], min(40, inlineWidth(cell))) }
        }
        for (k, n) in block.enumerated() {
            let line = lines[n]
            if k == 1 {
                // The separator row: a drawn rule under the header.
                let rule = widths.map { String(repeating: "─", count: $0) }.joined(separator: "─┼─")
                let start = out.count
                emitDrawn(Array(rule.unicodeScalars), at: line.lowerBound)
                spans.append(.init(range: start..<out.count, style: .decoration))
                endLine(at: line.upperBound)
                continue
            }
            let row = rows[k]
            let headerStart = out.count
            for c in 0..<columns {
                if c > 0 {
                    // The border stands for the pipe before the cell (never for the cell's text,
                    // so a highlight that starts in the cell does not start on the border).
                    let start = out.count
                    emitDrawn([" ", "│", " "], at: c < row.count ? pipe(before: row[c].lowerBound, in: line) : line.upperBound)
                    spans.append(.init(range: (start + 1)..<(start + 2), style: .decoration))
                }
                let before = out.count
                if c < row.count { emitInline(row[c]) }
                let used = out[before...].reduce(0) { $0 + CJK.width($1) }
                if c < columns - 1 {
                    emitDrawn(Array(repeating: " ", count: max(0, widths[c] - used)), at: c < row.count ? row[c].upperBound : line.upperBound)
                }
            }
            if k == 0 { spans.append(.init(range: headerStart..<out.count, style: .bold)) }
            endLine(at: line.upperBound)
        }
    }
}

/// East Asian wide characters, for aligning table columns (the reader draws with TextCells'
/// full tables; this only needs to be right for CJK text inside tables).
enum CJK {
    static func width(_ s: Unicode.Scalar) -> Int {
        if s.properties.generalCategory == .nonspacingMark || s.value == 0xFE0F || s.value == 0x200D { return 0 }
        return s.properties.isEmojiPresentation || isWide(s) ? 2 : 1
    }

    static func isWide(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
             0xFFE0...0xFFE6, 0x20000...0x3FFFD:
            return true
        default:
            return false
        }
    }
}
