import PolicyModel
import TextCells

/// Plain-text layouts of comparisons, fitted to a width in terminal cells (CJK counts two).
struct ComparisonLayout {
    var width: Int
    var language: Language
    /// Lines of summary under each answer.
    var summaryLines = 2
    /// Cells narrower than this do not fit: the columns are split into groups printed one under another.
    static let minCell = 16
    static let maxCell = 44
    static let separator = " │ "

    var questionWidth: Int { min(28, max(14, width / 5)) }

    // MARK: vendors × questions

    func render(_ c: VendorComparison) -> [String] {
        let groups = columnGroups(c.columns)
        var out: [String] = []
        for (g, group) in groups.enumerated() {
            if groups.count > 1 {
                if g > 0 { out.append("") }
                out.append("columns \(group.lowerBound + 1)–\(group.upperBound) of \(c.columns.count)")
            }
            out += table(c, group)
        }
        out.append("")
        out.append(Answer.allCases.map { "\($0.symbol) \($0.word(language))" }.joined(separator: "  ") + "  · no verdict")
        return out
    }

    /// Consecutive column ranges that fit the width, broken between vendors where possible.
    func columnGroups(_ columns: [ComparisonColumn]) -> [Range<Int>] {
        let sep = Self.separator.cellWidth()
        let perGroup = max(1, (width - questionWidth) / (Self.minCell + sep))
        var groups: [Range<Int>] = []
        var start = 0
        while start < columns.count {
            var end = min(columns.count, start + perGroup)
            if end < columns.count {
                // Prefer to end the group where a vendor ends.
                var cut = end
                while cut > start + 1, columns[cut].vendor == columns[cut - 1].vendor { cut -= 1 }
                if cut > start + 1 || columns[cut].vendor != columns[cut - 1].vendor { end = cut }
            }
            groups.append(start..<end)
            start = end
        }
        return groups
    }

    func cellWidth(columns: Int) -> Int {
        let sep = Self.separator.cellWidth()
        let room = (width - questionWidth - sep * columns) / max(1, columns)
        return max(1, min(Self.maxCell, room))
    }

    private func table(_ c: VendorComparison, _ group: Range<Int>) -> [String] {
        let cw = cellWidth(columns: group.count)
        let qw = questionWidth
        var lines: [String] = []
        func line(_ first: String, _ cells: [String]) -> String {
            var s = first.padded(toWidth: qw)
            for cell in cells { s += Self.separator + cell.padded(toWidth: cw) }
            while s.hasSuffix(" ") { s.removeLast() }
            return s
        }
        let cols = Array(c.columns[group])
        lines.append(line("", cols.map(\.vendorName)))
        lines.append(line("", cols.map(\.surfaceName)))
        lines.append(String(repeating: "─", count: qw + group.count * (Self.separator.cellWidth() + cw)))
        for row in c.rows {
            let height = 1 + summaryLines
            let question = wrap(row.question.title.text(language), width: qw, lines: height)
            let cells = group.map { cell(row.cells[$0], width: cw, height: height) }
            for k in 0..<height {
                let texts = cells.map { k < $0.count ? $0[k] : "" }
                let q = k < question.count ? question[k] : ""
                if q.isEmpty && texts.allSatisfy(\.isEmpty) { continue }
                lines.append(line(q, texts))
            }
            lines.append("")
        }
        if lines.last == "" { lines.removeLast() }
        return lines
    }

    /// The answer as symbol and word, then the summary wrapped and cut to the cell.
    func cell(_ verdict: Verdict?, width: Int, height: Int) -> [String] {
        guard let verdict else { return ["· no verdict"] }
        let answer = "\(verdict.answer.symbol) \(verdict.answer.word(language))"
        return [answer.truncated(toWidth: width)] + wrap(verdict.summary.text(language), width: width, lines: height - 1)
    }

    /// `text` wrapped to `width`, at most `lines` lines, the last cut with `…` when more follows.
    func wrap(_ text: String, width: Int, lines: Int) -> [String] {
        guard lines > 0 else { return [] }
        let wrapped = WrappedText(text, width: width)
        var out = (0..<min(lines, wrapped.lines.count)).map { wrapped.text(ofLine: $0).trimmingTrailingSpaces }
        if wrapped.lines.count > lines, let last = out.last {
            out[out.count - 1] = (last + " …").truncated(toWidth: width)
            if !out[out.count - 1].hasSuffix("…") { out[out.count - 1] = String(last.dropLast()) + "…" }
        }
        return out
    }

    // MARK: documents side by side

    func render(_ c: DocumentComparison, maxLines: Int?) -> [String] {
        let n = max(1, c.documents.count)
        let sep = Self.separator.cellWidth()
        let cw = max(10, (width - sep * (n - 1)) / n)
        func line(_ cells: [String]) -> String {
            var s = cells.map { $0.padded(toWidth: cw) }.joined(separator: Self.separator)
            while s.hasSuffix(" ") { s.removeLast() }
            return s
        }
        var out: [String] = []
        out.append(line(c.documents.map { "\($0.document.ref)@\($0.version.date)" }))
        out.append(line(c.documents.map { $0.document.title.text(language) }))
        out.append(String(repeating: "─", count: cw * n + sep * (n - 1)))
        for row in c.rows {
            out.append("")
            out.append(line(row.map { clause in
                guard let clause else { return "—" }
                var head = "§ " + (clause.section ?? "(opening)")
                if !clause.quotedBy.isEmpty { head += "  ★ quoted ×\(clause.quotedBy.count)" }
                return head
            }))
            let bodies = row.map { clause -> [String] in
                guard let clause else { return [] }
                let text = clause.text.replacingOccurrences(of: "\n\n", with: "\n")
                return wrap(text, width: cw, lines: maxLines ?? Int.max / 2)
            }
            for k in 0..<(bodies.map(\.count).max() ?? 0) {
                out.append(line(bodies.map { k < $0.count ? $0[k] : "" }))
            }
        }
        let quoted = c.rows.flatMap { $0.compactMap { $0 } }.filter { !$0.quotedBy.isEmpty }
        if !quoted.isEmpty {
            out.append("")
            out.append("★ quoted by verdicts:")
            for clause in quoted {
                // The list of verdicts wraps within the width, under its section.
                let head = "  § \(clause.section ?? "(opening)"): "
                let indent = head.cellWidth()
                let listed = wrap(clause.quotedBy.map(\.description).joined(separator: ", "), width: max(10, width - indent), lines: Int.max / 2)
                for (k, piece) in listed.enumerated() { out.append((k == 0 ? head : String(repeating: " ", count: indent)) + piece) }
            }
        }
        return out
    }
}

extension String {
    var trimmingTrailingSpaces: String {
        var s = self
        while s.hasSuffix(" ") { s.removeLast() }
        return s
    }
}
