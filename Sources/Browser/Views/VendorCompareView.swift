import PolicyModel
import TerminalUI
import TextCells

/// Vendors (or vendor/surface columns) side by side, one row per question; the question
/// column stays put while the others scroll sideways.
public struct VendorCompareView: GoesToClauses {
    public var columns: [ComparisonColumn]
    /// Only this question, when given.
    public var question: String?
    public var table = TableState()
    /// `:` go to a question, while it is open.
    var goTo: GoToPrompt?

    public init(columns: [ComparisonColumn], question: String? = nil) {
        self.columns = columns
        self.question = question
    }

    /// Every surface of each vendor.
    init(vendors: [String], in catalog: Catalog) {
        self.init(columns: vendors.compactMap { catalog.vendor($0) }.flatMap { v in
            v.surfaces.map { ComparisonColumn(vendor: v.id, surface: $0.id, vendorName: v.name, surfaceName: $0.name) }
        })
    }

    enum Action: Hashable, Sendable {
        case move(TableMove)
        case open
        case startGoTo
        case goTo(GoToPrompt.Action)
    }

    static func viewKeys(_ t: UIText) -> [KeyTable<Action>] { [compareTable(t), TableMove.table(t).map(Action.move)] }
    static func goToAction(_ action: GoToPrompt.Action) -> Action { .goTo(action) }

    static func compareTable(_ t: UIText) -> KeyTable<Action> {
        KeyTable(t.pick("Vendors side by side", "厂商并排比较"), [
            Binding(named("Enter"), .open, hint: t.pick("detail", "详情"), help: t.pick("Open the verdict in the selected cell", "打开所选单元格的结论")),
            Binding(named(":"), .startGoTo, help: t.pick("Go to a question by number, id or title (:3, :retention)", "按编号、标识或标题跳到问题（:3、:retention）")),
        ])
    }

    var screen: Screen { .compare(self) }

    func questions(_ catalog: Catalog) -> [Question] {
        if let question, let q = catalog.question(question) { return [q] }
        return catalog.questions
    }

    mutating func update(_ action: Action, _ env: inout ViewEnv) {
        let rows = questions(env.catalog)
        switch action {
        case .move(let move):
            move.apply(to: &table, rows: rows.count, columns: columns.count, page: Self.tableRect(env.size, rows: rows.count).height - 2)
            let rect = Self.tableRect(env.size, rows: rows.count)
            table = tableView(env.model, width: rect.width).scrolledIntoView(table, in: rect)
        case .open:
            guard let c = columns[safe: table.column], let q = rows[safe: table.row] else { return }
            guard env.catalog.vendor(c.vendor)?.verdict(surface: c.surface, question: q.id) != nil else {
                env.say(env.text.noVerdict)
                return
            }
            env.open(.detail(DetailView(verdict: VerdictRef(vendor: c.vendor, surface: c.surface, question: q.id))))
        case .startGoTo:
            goTo = GoToPrompt()
        case .goTo(let action):
            guard var prompt = goTo else { return }
            let lang = env.model.language
            switch prompt.update(action, candidates: { Self.candidates($0, rows, lang) }, completion: { Self.completion($0, rows, lang) }) {
            case .editing: goTo = prompt
            case .cancelled: goTo = nil
            case .noMatch(let typed):
                goTo = prompt
                env.say(env.text.noMatch(typed))
            case .go(let target):
                goTo = nil
                table.row = target.target
                let rect = Self.tableRect(env.size, rows: rows.count)
                table = tableView(env.model, width: rect.width).scrolledIntoView(table, in: rect)
            }
        }
    }

    /// The questions matching a `:` query: its number, then ids that start with it, then
    /// titles that contain it.
    static func candidates(_ query: String, _ questions: [Question], _ lang: Language) -> [GoToPrompt.Candidate] {
        let typed = String(query.lowercased().drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
        guard !typed.isEmpty else { return [] }
        var ranked: [(Int, Int)] = []
        for (i, q) in questions.enumerated() {
            if String(i + 1) == typed { ranked.append((0, i)) }
            else if q.id.hasPrefix(typed) { ranked.append((1, i)) }
            else if q.title.text(lang).lowercased().contains(typed) || q.id.contains(typed) { ranked.append((2, i)) }
        }
        return ranked.sorted { $0 < $1 }.map { _, i in
            GoToPrompt.Candidate(label: String(i + 1), title: questions[i].title.text(lang), completion: questions[i].id, target: i)
        }
    }

    /// What the ids of the matching questions share.
    static func completion(_ query: String, _ questions: [Question], _ lang: Language) -> String? {
        let ids = candidates(query, questions, lang).map(\.completion)
        guard var common = ids.first else { return nil }
        for id in ids.dropFirst() {
            common = String(zip(common, id).prefix { $0 == $1 }.map(\.0))
        }
        return common
    }

    mutating func reloaded(_ env: inout ViewEnv) -> Bool {
        columns.allSatisfy { env.catalog.vendor($0.vendor) != nil }
    }

    static func tableRect(_ size: Size, rows: Int) -> Rect {
        let area = Layout.content(size)
        return Rect(x: area.x, y: area.y, width: area.width, height: min(area.height, rows + 1))
    }

    func tableView(_ model: BrowserModel, width: Int) -> TableView {
        let lang = model.language
        let pinned = min(34, max(14, width / 4))
        // Every column shares the width when each gets 16 cells; else up to four at a time scroll sideways.
        let room = width - pinned
        let columnWidth = columns.count * 17 <= room
            ? room / max(1, columns.count) - 1
            : max(16, min(30, (room - 1) / max(1, min(columns.count, 4)) - 1))
        let rows = questions(model.catalog).map { q in
            TableRow(header: [Span(q.title.text(lang))], cells: columns.map { c in
                guard let v = model.catalog.vendor(c.vendor)?.verdict(surface: c.surface, question: q.id) else { return [Span("·", .dim)] }
                return [Drawing.answer(v.answer, to: q, lang), Span(" " + v.summary.text(lang), .dim)]
            })
        }
        return TableView(corner: model.text.question, pinnedWidth: pinned,
                         columns: columns.map { TableColumn("\($0.vendorName) · \($0.surfaceName)", width: columnWidth) }, rows: rows)
    }

    /// A click selects the cell under the pointer; a click on the selected cell opens its verdict.
    mutating func mouse(_ m: Mouse, _ env: inout ViewEnv) -> Bool {
        guard m.kind == .click, goTo == nil else { return wheel(m, &env) }
        let rows = questions(env.catalog)
        let rect = Self.tableRect(env.size, rows: rows.count)
        let view = tableView(env.model, width: rect.width)
        guard let cell = view.cell(atX: m.x, y: m.y, state: table, in: rect) else { return false }
        if cell.row == table.row && (cell.column ?? table.column) == table.column {
            update(.open, &env)
        } else {
            table.row = cell.row
            if let column = cell.column { table.column = column }
            table = view.scrolledIntoView(table, in: rect)
        }
        return true
    }

    func render(_ model: BrowserModel, size: Size, into buffer: inout CellBuffer) -> [String] {
        let lang = model.language
        let t = model.text
        var names: [String] = []
        for c in columns where !names.contains(c.vendorName) { names.append(c.vendorName) }
        Drawing.header([Span(t.compare, Style(.title, [.bold])), Span(" — " + names.joined(separator: ", "), .title)], size: size, into: &buffer)
        let area = Layout.content(size)
        let rows = questions(model.catalog)
        let rect = Self.tableRect(size, rows: rows.count)
        tableView(model, width: rect.width).render(state: table, in: rect, into: &buffer)
        // The selected cell's full summary below the table.
        let below = Rect(x: area.x, y: rect.maxY + 1, width: area.width, height: max(0, area.maxY - rect.maxY - 1))
        if let q = rows[safe: table.row], let c = columns[safe: table.column] {
            var lines: [[Span]] = [[Span(" \(c.vendorName) · \(c.surfaceName) · \(q.title.text(lang))", .heading)]]
            if let v = model.catalog.vendor(c.vendor)?.verdict(surface: c.surface, question: q.id) {
                lines.append([Span(" "), Drawing.answer(v.answer, to: q, lang), Span("  \(t.asOf) \(v.asOf)", .dim)])
                lines += Drawing.wrap(v.summary.text(lang), width: below.width, indent: 1, policy: buffer.policy)
            }
            Drawing.lines(lines, in: below, into: &buffer)
        }
        if let goTo { goTo.render(Self.candidates(goTo.query, rows, lang), in: area, into: &buffer) }
        return [t.compare]
    }
}
