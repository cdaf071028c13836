import PolicyModel
import TerminalUI
import TextCells

/// Two documents' clauses, aligned, their Markdown rendered as the reader renders it, wrapped
/// for a pane width: one display line per screen row, each remembering its aligned row. Two
/// versions of one document mark, in each aligned row, the words that differ as the diff view
/// does: `[-removed-]` on the older side, `{+added+}` on the newer, in the diff's colours.
struct AlignedLines {
    struct Line {
        var row: Int
        var leftSpans: [Span]
        var rightSpans: [Span]
        var leftQuoted: Bool
        var rightQuoted: Bool
        var isRowStart: Bool

        var left: String { leftSpans.map(\.text).joined() }
        var right: String { rightSpans.map(\.text).joined() }
    }

    var lines: [Line] = []
    var rowStarts: [Int] = []

    init(_ comparison: DocumentComparison, paneWidth: Int, policy: WidthPolicy) {
        let docs = comparison.documents
        let versionsOfOne = docs.count == 2 && docs[0].document.ref == docs[1].document.ref
        for (r, row) in comparison.rows.enumerated() {
            let left = row.first ?? nil
            let right = row.count > 1 ? row[1] : nil
            var l = Self.wrap(left.map(Self.shown).map { [Span($0)] }, width: paneWidth, policy: policy)
            var rr = Self.wrap(right.map(Self.shown).map { [Span($0)] }, width: paneWidth, policy: policy)
            if versionsOfOne, let left, let right {
                let (old, new) = (Self.shown(left), Self.shown(right))
                let differ = VersionDiff.differingWords(old: old, new: new)
                if !differ.old.isEmpty || !differ.new.isEmpty {
                    l = Self.wrap(Self.marked(old, differ.old, .removed), width: paneWidth, policy: policy)
                    rr = Self.wrap(Self.marked(new, differ.new, .added), width: paneWidth, policy: policy)
                }
            }
            rowStarts.append(lines.count)
            for i in 0..<max(l.count, rr.count) {
                lines.append(Line(row: r, leftSpans: i < l.count ? l[i] : [], rightSpans: i < rr.count ? rr[i] : [],
                                  leftQuoted: !(left?.quotedBy.isEmpty ?? true), rightQuoted: !(right?.quotedBy.isEmpty ?? true),
                                  isRowStart: i == 0))
            }
            lines.append(Line(row: r, leftSpans: [], rightSpans: [], leftQuoted: false, rightQuoted: false, isRowStart: false))
        }
    }

    /// A clause as the reader shows it.
    static func shown(_ c: Clause) -> String {
        var shown = RenderedMarkdown(c.text).string
        while shown.last == "\n" { shown.removeLast() }
        return shown
    }

    /// `text` with the words in `ranges` (scalar offsets) in wdiff's marks and the diff's style.
    static func marked(_ text: String, _ ranges: [Range<Int>], _ op: DiffSpan.Op) -> [Span] {
        let scalars = Array(text.unicodeScalars)
        func piece(_ lo: Int, _ hi: Int) -> String { String(String.UnicodeScalarView(scalars[max(0, lo)..<min(max(lo, hi), scalars.count)])) }
        var spans: [DiffSpan] = []
        var at = 0
        for r in ranges where r.lowerBound >= at && r.upperBound <= scalars.count {
            if r.lowerBound > at { spans.append(DiffSpan(.equal, piece(at, r.lowerBound))) }
            spans.append(DiffSpan(op, piece(r.lowerBound, r.upperBound)))
            at = r.upperBound
        }
        if at < scalars.count { spans.append(DiffSpan(.equal, piece(at, scalars.count))) }
        return WdiffMarks.marked(spans).map { Span($0.text, DiffBody.style($0.op)) }
    }

    /// Styled text wrapped to the pane (a missing clause: `┄`).
    static func wrap(_ spans: [Span]?, width: Int, policy: WidthPolicy) -> [[Span]] {
        guard let spans else { return [[Span("┄", .dim)]] }
        return DiffBody.wrapped(spans, width: max(4, width), policy: policy, limit: .max)
    }
}
