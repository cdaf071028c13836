import PolicyModel
import TerminalUI
import TextCells

/// The two documents' clauses, aligned, wrapped for a pane width: one display line per
/// screen row, each remembering its aligned row.
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
    var rows: [[Clause?]] = []

    init(_ comparison: DocumentComparison, paneWidth: Int, policy: WidthPolicy) {
        rows = comparison.rows
        for (r, row) in comparison.rows.enumerated() {
            let left = row.first ?? nil
            let right = row.count > 1 ? row[1] : nil
            func wrap(_ c: Clause?) -> [String] {
                guard let c else { return ["┄"] }
                let w = WrappedText(c.text, width: max(4, paneWidth), policy: policy)
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

enum DocumentCompareActions {
    static func load(_ s: DocumentCompareScreen, model: BrowserModel) -> DocumentComparison? {
        var versions: [(PolicyDocument, DocumentVersion)] = []
        for ref in [s.left, s.right] {
            guard let doc = model.catalog.document(vendor: ref.vendor, id: ref.document), let v = doc.version(ref.version) else { return nil }
            versions.append((doc, v))
        }
        return model.documentComparison(versions)
    }

    static func perform(_ action: String, _ s: inout DocumentCompareScreen, _ state: inout BrowserState, model: BrowserModel) {
        guard let comparison = load(s, model: model) else { return }
        let count = comparison.rows.count
        let page = max(1, Layout.content(state.size).height / 4)
        switch action {
        case "up": s.row = max(0, s.row - 1)
        case "down": s.row = min(max(0, count - 1), s.row + 1)
        case "top": s.row = 0
        case "bottom": s.row = max(0, count - 1)
        case "pageUp": s.row = max(0, s.row - page)
        case "pageDown": s.row = min(max(0, count - 1), s.row + page)
        case "open":
            // Jump to a verdict that quotes the selected clause (left first).
            let row = comparison.rows[safe: s.row] ?? []
            if let cite = row.compactMap({ $0 }).flatMap(\.quotedBy).first {
                state.screen = .documentCompare(s)
                state.open(.detail(DetailScreen(verdict: cite)))
                return
            }
            state.message = model.text.notQuoted
        default: break
        }
        state.screen = .documentCompare(s)
    }
}

enum DocumentCompareView {
    static func render(_ s: DocumentCompareScreen, model: BrowserModel, size: Size, into buffer: inout CellBuffer, crumbs: inout [String]) {
        crumbs.append(model.text.compare)
        guard let comparison = DocumentCompareActions.load(s, model: model) else {
            Browser.header([Span(model.text.compare, Style(.title, [.bold])), Span(" — " + model.text.notLoaded, .title)], size: size, into: &buffer)
            return
        }
        let area = Layout.content(size)
        let pane = (area.width - 3) / 2
        let names = comparison.documents.map { "\($0.document.ref)@\($0.version.date)" }
        // Header: the two documents over their panes.
        let head = Rect(x: 0, y: 0, width: size.width, height: 1)
        buffer.fill(head, style: Style(.title))
        buffer.write(spans: [Span(" " + (names.first ?? ""), Style(.title, [.bold]))], x: 0, y: 0, clip: Rect(x: 0, y: 0, width: pane + 1, height: 1))
        buffer.write(spans: [Span(names.count > 1 ? names[1] : "", Style(.title, [.bold]))], x: pane + 3, y: 0, clip: head)

        let aligned = model.alignedLines(comparison, paneWidth: pane - 1, policy: buffer.policy)
        guard !aligned.lines.isEmpty else { return }
        // Scroll so the selected row's first line sits a third of the way down.
        let selectedLine = aligned.rowStarts[safe: s.row] ?? 0
        let top = max(0, min(selectedLine - area.height / 3, aligned.lines.count - area.height))
        for r in 0..<area.height {
            let y = area.y + r
            let divider = Rect(x: area.x + pane + 1, y: y, width: 1, height: 1)
            buffer.put(buffer.policy.ambiguousIsWide ? "|" : "│", x: divider.x, y: y, style: Style(.border))
            guard let line = aligned.lines[safe: top + r] else { continue }
            let selected = line.row == s.row
            if selected && line.isRowStart { buffer.put("▸", x: area.x, y: y, style: Style(.selection)) }
            let leftRect = Rect(x: area.x + 1, y: y, width: pane, height: 1)
            let rightRect = Rect(x: area.x + pane + 3, y: y, width: area.width - pane - 3, height: 1)
            let leftStyle = Style(line.leftQuoted ? .highlight : .normal, selected ? [.bold] : [])
            let rightStyle = Style(line.rightQuoted ? .highlight : .normal, selected ? [.bold] : [])
            buffer.write(spans: [Span(line.left, line.left == "┄" ? Style(.dim) : leftStyle)], x: leftRect.x, y: y, clip: leftRect)
            buffer.write(spans: [Span(line.right, line.right == "┄" ? Style(.dim) : rightStyle)], x: rightRect.x, y: y, clip: rightRect)
        }
        let row = comparison.rows[safe: s.row] ?? []
        let labels = row.map { $0?.section ?? "–" }
        crumbs.append("§" + labels.joined(separator: " ↔ §"))
    }
}
