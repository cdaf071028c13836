import PolicyModel
import TerminalUI
import TextCells

/// Vendors (or vendor/surface columns) side by side, one row per question.
public struct CompareScreen: Hashable, Sendable {
    public var columns: [ComparisonColumn]
    public var question: String?
    public var table = TableState()

    public init(columns: [ComparisonColumn], question: String? = nil) {
        self.columns = columns
        self.question = question
    }
}

/// Two documents clause by clause, scrolled together.
public struct DocumentCompareScreen: Hashable, Sendable {
    public var left: DocumentRef
    public var right: DocumentRef
    /// The selected aligned row.
    public var row = 0

    public init(left: DocumentRef, right: DocumentRef) {
        self.left = left
        self.right = right
    }
}

/// `vendor/doc@version`.
public struct DocumentRef: Hashable, Sendable {
    public var vendor: String
    public var document: String
    public var version: SimpleDate?

    public init(vendor: String, document: String, version: SimpleDate?) {
        self.vendor = vendor
        self.document = document
        self.version = version
    }
}

enum CompareActions {
    /// The columns for vendors: every surface of each.
    static func columns(for vendors: [String], model: BrowserModel) -> [ComparisonColumn] {
        vendors.compactMap { model.catalog.vendor($0) }.flatMap { v in
            v.surfaces.map { ComparisonColumn(vendor: v.id, surface: $0.id, vendorName: v.name, surfaceName: $0.name) }
        }
    }

    static func perform(_ action: String, _ s: inout CompareScreen, _ state: inout BrowserState, model: BrowserModel) {
        let rows = s.question == nil ? model.catalog.questions.count : 1
        let cols = s.columns.count
        if Actions.moveTable(action, &s.table, rows: rows, columns: cols) {
            state.screen = .compare(s)
            return
        }
        switch action {
        case "open":
            guard s.table.column < cols, let q = questions(s, model: model)[safe: s.table.row] else { return }
            let c = s.columns[s.table.column]
            if model.catalog.vendor(c.vendor)?.verdict(surface: c.surface, question: q.id) != nil {
                state.screen = .compare(s)
                state.open(.detail(DetailScreen(verdict: VerdictRef(vendor: c.vendor, surface: c.surface, question: q.id))))
                return
            }
            state.message = model.text.noVerdict
        default: break
        }
        state.screen = .compare(s)
    }

    static func questions(_ s: CompareScreen, model: BrowserModel) -> [Question] {
        if let q = s.question, let question = model.catalog.question(q) { return [question] }
        return model.catalog.questions
    }
}

extension Array {
    subscript(safe index: Int) -> Element? { index >= 0 && index < count ? self[index] : nil }
}

enum CompareView {
    static func render(_ s: CompareScreen, model: BrowserModel, size: Size, into buffer: inout CellBuffer, crumbs: inout [String]) {
        let lang = model.language
        crumbs.append(model.text.compare)
        var names: [String] = []
        for c in s.columns where !names.contains(c.vendorName) { names.append(c.vendorName) }
        Browser.header([Span(model.text.compare, Style(.title, [.bold])), Span(" — " + names.joined(separator: ", "), .title)], size: size, into: &buffer)
        let area = Layout.content(size)
        let questions = CompareActions.questions(s, model: model)
        let pinned = min(34, max(14, area.width / 4))
        let columnWidth = max(16, min(30, (area.width - pinned - 1) / max(1, min(s.columns.count, 4)) - 1))
        let columns = s.columns.map { TableColumn("\($0.vendorName) · \($0.surfaceName)", width: columnWidth) }
        let rows = questions.map { q in
            TableRow(header: [Span(q.title.text(lang))], cells: s.columns.map { c in
                guard let v = model.catalog.vendor(c.vendor)?.verdict(surface: c.surface, question: q.id) else { return [Span("·", .dim)] }
                return [Browser.answerSpan(v.answer, lang), Span(" " + v.summary.text(lang), .dim)]
            })
        }
        let tableHeight = min(area.height, rows.count + 1)
        TableView(corner: model.text.question, pinnedWidth: pinned, columns: columns, rows: rows)
            .render(state: s.table, in: Rect(x: area.x, y: area.y, width: area.width, height: tableHeight), into: &buffer)
        // The selected cell's full summary below the table.
        let below = Rect(x: area.x, y: area.y + tableHeight + 1, width: area.width, height: max(0, area.height - tableHeight - 1))
        guard below.height > 0, let q = questions[safe: s.table.row], let c = s.columns[safe: s.table.column] else { return }
        var lines: [[Span]] = [[Span(" \(c.vendorName) · \(c.surfaceName) · \(q.title.text(lang))", .heading)]]
        if let v = model.catalog.vendor(c.vendor)?.verdict(surface: c.surface, question: q.id) {
            lines.append([Span(" "), Browser.answerSpan(v.answer, lang), Span("  \(model.text.asOf) \(v.asOf)", .dim)])
            lines += Browser.wrap(v.summary.text(lang), width: below.width, indent: 1, policy: buffer.policy)
        }
        for (i, line) in lines.prefix(below.height).enumerated() {
            buffer.write(spans: line, x: below.x, y: below.y + i, clip: below.row(i))
        }
    }
}
