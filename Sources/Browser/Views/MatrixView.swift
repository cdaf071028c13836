import PolicyModel
import TerminalUI
import TextCells

/// A vendor's verdicts: one row per question, one column per surface, the selected verdict's
/// summary below.
public struct MatrixView: BrowserView {
    public var vendor: String
    public var table = TableState()

    public init(vendor: String) { self.vendor = vendor }

    /// At the cell of `surface` and `question` (either may be nil).
    init(vendor: String, surface: String?, question: String?, in catalog: Catalog) {
        self.vendor = vendor
        if let surface, let column = catalog.vendor(vendor)?.surfaces.firstIndex(where: { $0.id == surface }) { table.column = column }
        if let question, let row = catalog.questions.firstIndex(where: { $0.id == question }) { table.row = row }
    }

    enum Action: Hashable, Sendable {
        case move(TableMove)
        /// 1–9: the nth question.
        case question(Int)
        case open, documents, timeline, across, copyVerdict
    }

    static func keys(_ t: UIText) -> [KeyTable<Action>] {
        [
            KeyTable(t.pick("Verdict matrix", "结论矩阵"), [
                Binding(named("Enter"), .open, hint: t.pick("detail", "详情"), help: t.pick("Open the verdict with its quotes", "打开结论及其引文")),
                Binding(named("d"), .documents, hint: t.pick("docs", "文档"), help: t.pick("The vendor's documents and versions", "该厂商的文档与版本")),
                Binding(named("t"), .timeline, help: t.pick("The vendor's timeline", "时间线")),
                Binding(named("Y"), .copyVerdict, help: t.pick("Copy the selected verdict with its quotes and citations as Markdown", "以 Markdown 复制所选结论及其引文与出处")),
                Binding(named("a"), .across, help: t.pick("This question across every vendor, grouped by answer", "此问题在所有厂商的答案，按答案分组")),
                digitBinding(Action.question, help: t.pick("Jump to question 1–9", "跳到第 1–9 个问题")),
            ]),
            TableMove.table(t).map(Action.move),
        ]
    }

    var screen: Screen { .matrix(self) }

    mutating func update(_ action: Action, _ env: inout ViewEnv) {
        let catalog = env.catalog
        guard let v = catalog.vendor(vendor) else { return }
        let rows = catalog.questions.count
        let columns = v.surfaces.count
        switch action {
        case .move(let move):
            move.apply(to: &table, rows: rows, columns: columns, page: Self.tableRect(env.size, rows: rows).height - 2)
            keepInView(v, env)
        case .question(let n):
            guard n <= rows else {
                env.say(env.text.noSuchQuestion(n, count: rows))
                return
            }
            table.row = n - 1
            keepInView(v, env)
        case .documents:
            env.open(.documents(DocumentListView(vendor: vendor)))
        case .timeline:
            env.open(.timeline(TimelineView(vendor: vendor)))
        case .across:
            guard let question = catalog.questions[safe: table.row] else { return }
            // This vendor's verdict selected among the others.
            let here = v.surfaces[safe: table.column].map { VerdictRef(vendor: vendor, surface: $0.id, question: question.id) }
            env.open(.question(QuestionView(question: question.id, selecting: here, in: catalog)))
        case .copyVerdict:
            guard let surface = v.surfaces[safe: table.column], let question = catalog.questions[safe: table.row],
                  let verdict = v.verdict(surface: surface.id, question: question.id) else {
                env.say(env.text.noVerdict)
                return
            }
            env.copy(CitationMarkdown(catalog: catalog, language: env.model.language).verdict(verdict), what: env.text.wholeVerdict(verdict.evidence.count))
        case .open:
            guard let surface = v.surfaces[safe: table.column], let question = catalog.questions[safe: table.row] else { return }
            guard v.verdict(surface: surface.id, question: question.id) != nil else {
                env.say(env.text.noVerdict)
                return
            }
            env.open(.detail(DetailView(verdict: VerdictRef(vendor: vendor, surface: surface.id, question: question.id))))
        }
    }

    /// Stores the scroll position, so the next move starts from what is on screen.
    mutating func keepInView(_ v: Vendor, _ env: ViewEnv) {
        let rect = Self.tableRect(env.size, rows: env.catalog.questions.count)
        table = tableView(v, env.model, width: rect.width).scrolledIntoView(table, in: rect)
    }

    /// Anchors every quote of the vendor's verdicts: which need a second look.
    mutating func prepare(_ env: inout ViewEnv) {
        guard let v = env.catalog.vendor(vendor) else { return }
        for verdict in v.verdicts {
            for e in verdict.evidence { env.model.loadResolved(e) }
        }
    }

    mutating func reloaded(_ env: inout ViewEnv) -> Bool {
        guard let v = env.catalog.vendor(vendor) else { return false }
        table.move(rowCount: env.catalog.questions.count, columnCount: v.surfaces.count)
        return true
    }

    /// The table on top of the content area, at most one row per question plus its header.
    static func tableRect(_ size: Size, rows: Int) -> Rect {
        let area = Layout.content(size)
        return Rect(x: area.x, y: area.y, width: area.width, height: min(area.height, rows + 1))
    }

    /// Widths that use the room there is: each surface column as wide as its name (at least
    /// an answer, at most 40), the question column its longest title. When that is too wide,
    /// surface names give way down to an answer's width, then the question column down to a
    /// third of the screen; past that the surface columns scroll sideways.
    static func widths(surfaces: [String], questions: [String], width: Int, policy: WidthPolicy, language: Language,
                       reviewMark: Bool = false) -> (question: Int, surfaces: [Int]) {
        // Room for the mark of a verdict to review after the answer, when there is one.
        let answerWidth = (Answer.allCases.map { "\($0.symbol) \($0.word(language))".cellWidth(policy) }.max() ?? 13) + (reviewMark ? Self.reviewMark.count : 0)
        var columns = surfaces.map { min(40, max(answerWidth, $0.cellWidth(policy))) }
        let longest = "\(questions.count) ".count + (questions.map { $0.cellWidth(policy) }.max() ?? 0)
        let least = min(longest, max(16, width / 3))
        func left() -> Int { width - columns.reduce(0) { $0 + $1 + 1 } }
        while left() < least, let widest = columns.indices.max(by: { columns[$0] < columns[$1] }), columns[widest] > answerWidth {
            columns[widest] -= 1
        }
        return (max(least, min(longest, left())), columns)
    }

    func tableView(_ v: Vendor, _ model: BrowserModel, width: Int) -> TableView {
        let policy = model.policy
        let questions = model.catalog.questions
        let review = Set(v.verdicts.filter(model.needsReview).map { "\($0.surface)/\($0.question)" })
        let widths = Self.widths(surfaces: v.surfaces.map(\.name), questions: questions.map { $0.title.text(model.language) },
                                 width: width, policy: policy, language: model.language, reviewMark: !review.isEmpty)
        let columns = zip(v.surfaces, widths.surfaces).map { TableColumn($0.name.truncated(toWidth: $1, policy: policy), width: $1) }
        let pinned = widths.question
        // Numbers right-aligned, so the titles line up past question 9.
        let digits = String(questions.count).count
        let rows = questions.enumerated().map { (i, q) in
            TableRow(header: [Span(String(repeating: " ", count: digits - String(i + 1).count) + "\(i + 1) ", .dim), Span(q.title.text(model.language))],
                     cells: v.surfaces.map { surface in
                         guard let verdict = v.verdict(surface: surface.id, question: q.id) else { return [Span("·", .dim)] }
                         let answer = Drawing.answer(verdict.answer, to: q, model.language)
                         return review.contains("\(surface.id)/\(q.id)") ? [answer, Span(Self.reviewMark, Style(.warning, [.bold]))] : [answer]
                     })
        }
        return TableView(corner: model.text.question, pinnedWidth: pinned, columns: columns, rows: rows)
    }

    /// A click selects the cell under the pointer (on a question: that row); a click on the
    /// selected cell opens its verdict.
    mutating func mouse(_ m: Mouse, _ env: inout ViewEnv) -> Bool {
        guard m.kind == .click, let v = env.catalog.vendor(vendor) else { return wheel(m, &env) }
        let rect = Self.tableRect(env.size, rows: env.catalog.questions.count)
        guard let cell = tableView(v, env.model, width: rect.width).cell(atX: m.x, y: m.y, state: table, in: rect) else { return false }
        if cell.row == table.row && (cell.column ?? table.column) == table.column {
            update(.open, &env)
        } else {
            table.row = cell.row
            if let column = cell.column { table.column = column }
            keepInView(v, env)
        }
        return true
    }

    /// After the answer of a verdict that needs a second look (the summary below says it in words).
    static let reviewMark = " ⚠"

    func render(_ model: BrowserModel, size: Size, into buffer: inout CellBuffer) -> [String] {
        let catalog = model.catalog
        guard let v = catalog.vendor(vendor) else { return [] }
        let lang = model.language
        var head = [Span(v.name, Style(.title, [.bold]))]
        if let legal = v.legalName { head.append(Span(" — " + legal, .title)) }
        if let country = v.country { head.append(Span(" (\(country))", .title)) }
        Drawing.header(head, size: size, into: &buffer)

        let area = Layout.content(size)
        let questions = catalog.questions
        let rect = Self.tableRect(size, rows: questions.count)
        tableView(v, model, width: rect.width).render(state: table, in: rect, into: &buffer)

        // The selected verdict's summary below the table.
        guard let surface = v.surfaces[safe: table.column], let question = questions[safe: table.row] else { return [v.name] }
        let below = Rect(x: area.x, y: rect.maxY + 1, width: area.width, height: max(0, area.maxY - rect.maxY - 1))
        var lines: [[Span]] = [[Span(" \(surface.name) · \(question.title.text(lang))", .heading)]]
        if let verdict = v.verdict(surface: surface.id, question: question.id) {
            lines.append([Span(" "), Drawing.answer(verdict.answer, to: question, lang), Span("  \(model.text.asOf) \(verdict.asOf)", .dim)])
            if model.needsReview(verdict) { lines.append([Span(" ⚠ " + model.text.needsReview, Style(.warning, [.bold]))]) }
            lines += Drawing.wrap(verdict.summary.text(lang), width: below.width, indent: 1, policy: buffer.policy)
        } else {
            lines.append([Span(" " + model.text.noVerdict, .dim)])
        }
        Drawing.lines(lines, in: below, into: &buffer)
        return [v.name, surface.name]
    }
}
