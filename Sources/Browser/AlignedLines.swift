import PolicyModel
import TextCells

/// Two documents' clauses, aligned, their Markdown rendered as the reader renders it, wrapped
/// for a pane width: one display line per screen row, each remembering its aligned row.
struct AlignedLines {
    struct Line {
        var row: Int
        var left: String
        var right: String
        var leftQuoted: Bool
        var rightQuoted: Bool
        var isRowStart: Bool
    }

    var lines: [Line] = []
    var rowStarts: [Int] = []

    init(_ comparison: DocumentComparison, paneWidth: Int, policy: WidthPolicy) {
        for (r, row) in comparison.rows.enumerated() {
            let left = row.first ?? nil
            let right = row.count > 1 ? row[1] : nil
            func wrap(_ c: Clause?) -> [String] {
                guard let c else { return ["┄"] }
                var shown = RenderedMarkdown(c.text).string
                while shown.last == "\n" { shown.removeLast() }
                let w = WrappedText(shown, width: max(4, paneWidth), policy: policy)
                return w.lines.indices.map { w.text(ofLine: $0) }
            }
            let l = wrap(left)
            let rr = wrap(right)
            rowStarts.append(lines.count)
            for i in 0..<max(l.count, rr.count) {
                lines.append(Line(row: r, left: i < l.count ? l[i] : "", right: i < rr.count ? rr[i] : "",
                                  leftQuoted: !(left?.quotedBy.isEmpty ?? true), rightQuoted: !(right?.quotedBy.isEmpty ?? true),
                                  isRowStart: i == 0))
            }
            lines.append(Line(row: r, left: "", right: "", leftQuoted: false, rightQuoted: false, isRowStart: false))
        }
    }
}
