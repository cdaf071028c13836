import PolicyModel
import TerminalUI
import TextCells

/// Two documents clause by clause, aligned and scrolled together.
public struct DocumentCompareView: BrowserView {
    public var left: DocumentRef
    public var right: DocumentRef
    /// The selected aligned row.
    public var row = 0

    public init(left: DocumentRef, right: DocumentRef) {
        self.left = left
        self.right = right
    }

    enum Action: Hashable, Sendable {
        case move(ListMove)
        case nextQuoted, previousQuoted
        case open
    }

    static func keys(_ t: UIText) -> [KeyTable<Action>] {
        [
            KeyTable(t.pick("Documents side by side", "文档并排比较"), [
                Binding(named("Enter"), .open, hint: t.pick("verdict", "结论"), help: t.pick("Open a verdict that quotes the selected clause", "打开引用所选条款的结论")),
                Binding(named("]"), .nextQuoted, hint: t.pick("next quoted", "下一引用"), help: t.pick("Next clause a verdict quotes", "下一条被结论引用的条款")),
                Binding(named("["), .previousQuoted, help: t.pick("Previous clause a verdict quotes", "上一条被结论引用的条款")),
            ]),
            ListMove.table(t).map(Action.move),
        ]
    }

    var screen: Screen { .documentCompare(self) }

    func versions(_ catalog: Catalog) -> [(PolicyDocument, DocumentVersion)]? {
        var out: [(PolicyDocument, DocumentVersion)] = []
        for ref in [left, right] {
            guard let doc = catalog.document(vendor: ref.vendor, id: ref.document), let v = doc.version(ref.version) else { return nil }
            out.append((doc, v))
        }
        return out
    }

    /// Each side's pane width for a screen width.
    static func paneWidth(_ size: Size) -> Int { (Layout.content(size).width - 3) / 2 }

    func load(_ env: ViewEnv) -> (DocumentComparison, AlignedLines)? {
        guard let versions = versions(env.catalog) else { return nil }
        return env.model.loadComparison(versions, paneWidth: Self.paneWidth(env.size) - 1)
    }

    mutating func update(_ action: Action, _ env: inout ViewEnv) {
        guard let (comparison, _) = load(env) else {
            env.say(env.text.textNotLoaded)
            return
        }
        let rows = comparison.rows
        func quoted(_ r: Int) -> Bool { rows[r].contains { !($0?.quotedBy.isEmpty ?? true) } }
        switch action {
        case .move(let move):
            var list = ListState(selected: row)
            move.apply(to: &list, count: rows.count, height: max(2, Layout.content(env.size).height / 4 + 1))
            row = list.selected
        case .nextQuoted:
            guard let next = rows.indices.first(where: { $0 > row && quoted($0) }) else {
                env.say(env.text.noQuotedBelow)
                return
            }
            row = next
        case .previousQuoted:
            guard let previous = rows.indices.last(where: { $0 < row && quoted($0) }) else {
                env.say(env.text.noQuotedAbove)
                return
            }
            row = previous
        case .open:
            // A verdict that quotes the selected clause (left first).
            guard let cite = (rows[safe: row] ?? []).compactMap({ $0 }).flatMap(\.quotedBy).first else {
                env.say(env.text.notQuoted)
                return
            }
            env.open(.detail(DetailView(verdict: cite)))
        }
    }

    mutating func prepare(_ env: inout ViewEnv) {
        _ = load(env)
    }

    mutating func reloaded(_ env: inout ViewEnv) -> Bool {
        versions(env.catalog) != nil
    }

    func render(_ model: BrowserModel, size: Size, into buffer: inout CellBuffer) -> [String] {
        let t = model.text
        let pane = Self.paneWidth(size)
        guard let versions = versions(model.catalog), let (comparison, aligned) = model.comparison(versions, paneWidth: pane - 1) else {
            Drawing.header([Span(t.compare, Style(.title, [.bold])), Span(" — " + t.notLoaded, .title)], size: size, into: &buffer)
            return [t.compare]
        }
        let area = Layout.content(size)
        let names = comparison.documents.map { "\($0.document.ref)@\($0.version.date)" }
        // Header: the two documents over their panes.
        let head = Rect(x: 0, y: 0, width: size.width, height: 1)
        buffer.fill(head, style: Style(.title))
        buffer.write(spans: [Span(" " + (names.first ?? ""), Style(.title, [.bold]))], x: 0, y: 0, clip: Rect(x: 0, y: 0, width: pane + 1, height: 1))
        buffer.write(spans: [Span(names[safe: 1] ?? "", Style(.title, [.bold]))], x: pane + 3, y: 0, clip: head)

        let row = comparison.rows[safe: self.row] ?? []
        let crumbs = [t.compare, "§" + row.map { $0?.section ?? "–" }.joined(separator: " ↔ §")]
        guard !aligned.lines.isEmpty else { return crumbs }
        // Scrolled so the selected row's first line sits a third of the way down.
        let selectedLine = aligned.rowStarts[safe: self.row] ?? 0
        let top = max(0, min(selectedLine - area.height / 3, aligned.lines.count - area.height))
        for r in 0..<area.height {
            let y = area.y + r
            buffer.put(buffer.policy.ambiguousIsWide ? "|" : "│", x: area.x + pane + 1, y: y, style: Style(.border))
            guard let line = aligned.lines[safe: top + r] else { continue }
            let selected = line.row == self.row
            if selected && line.isRowStart { buffer.put("▸", x: area.x, y: y, style: Style(.selection)) }
            let leftRect = Rect(x: area.x + 1, y: y, width: pane, height: 1)
            let rightRect = Rect(x: area.x + pane + 3, y: y, width: area.width - pane - 3, height: 1)
            let leftStyle = Style(line.leftQuoted ? .highlight : .normal, selected ? [.bold] : [])
            let rightStyle = Style(line.rightQuoted ? .highlight : .normal, selected ? [.bold] : [])
            buffer.write(spans: [Span(line.left, line.left == "┄" ? Style(.dim) : leftStyle)], x: leftRect.x, y: y, clip: leftRect)
            buffer.write(spans: [Span(line.right, line.right == "┄" ? Style(.dim) : rightStyle)], x: rightRect.x, y: y, clip: rightRect)
        }
        return crumbs
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
