import PolicyModel
import TerminalUI
import TextCells

/// Two documents clause by clause, aligned and scrolled together.
public struct DocumentCompareView: GoesToClauses {
    public var left: DocumentRef
    public var right: DocumentRef
    /// The selected aligned row.
    public var row = 0
    /// Opened from the reader: the left document's raw offset being read (the row holding it
    /// is selected when the view opens).
    var openAt: Int?
    /// `:` go to a clause, while it is open.
    var goTo: GoToPrompt?

    public init(left: DocumentRef, right: DocumentRef) {
        self.left = left
        self.right = right
    }

    /// Opened at the clause of the left document holding raw offset `offset`.
    init(left: DocumentRef, right: DocumentRef, at offset: Int?) {
        self.init(left: left, right: right)
        openAt = offset
    }

    /// `L`: a document beside the same terms in another language (the newest version), at the
    /// clause holding raw offset `offset` of the first.
    static func openCounterpart(of doc: PolicyDocument, version: SimpleDate?, at offset: Int?, _ env: inout ViewEnv) {
        guard let other = env.catalog.counterparts(of: doc).first else {
            env.say(env.text.noCounterpart)
            return
        }
        guard !doc.versions.isEmpty, !other.versions.isEmpty else {
            env.say(env.text.notLoaded(doc.versions.isEmpty ? doc.title.text(env.model.language) : other.title.text(env.model.language)))
            return
        }
        env.open(.documentCompare(DocumentCompareView(left: DocumentRef(vendor: doc.vendor, document: doc.id, version: version),
                                                      right: DocumentRef(vendor: other.vendor, document: other.id, version: nil), at: offset)))
    }

    enum Action: Hashable, Sendable {
        case move(ListMove)
        case nextQuoted, previousQuoted
        case open
        case startGoTo
        case goTo(GoToPrompt.Action)
    }

    static func viewKeys(_ t: UIText) -> [KeyTable<Action>] { [compareTable(t), ListMove.table(t).map(Action.move)] }
    static func goToAction(_ action: GoToPrompt.Action) -> Action { .goTo(action) }

    static func compareTable(_ t: UIText) -> KeyTable<Action> {
        KeyTable(t.pick("Documents side by side", "文档并排比较"), [
            Binding(named("Enter"), .open, hint: t.pick("verdict", "结论"), help: t.pick("Open a verdict that quotes the selected clause", "打开引用所选条款的结论")),
            Binding(named("]", "n"), .nextQuoted, hint: t.pick("next quoted", "下一引用"), help: t.pick("Next aligned clause a verdict quotes", "下一条被结论引用的对齐条款")),
            Binding(named("[", "N"), .previousQuoted, help: t.pick("Previous aligned clause a verdict quotes", "上一条被结论引用的对齐条款")),
            Binding(named(":"), .startGoTo, help: t.pick("Go to a clause of either document by number or title", "按编号或标题跳到任一文档的条款")),
        ])
    }

    var screen: Screen { .documentCompare(self) }

    /// Enter needs a quoted clause selected; `]` / `[` one below / above.
    func acts(_ action: Action, _ model: BrowserModel, size: Size) -> Bool {
        guard let versions = versions(model.catalog), let (comparison, _) = model.comparison(versions, paneWidth: Self.paneWidth(size) - 1) else {
            return false
        }
        let rows = comparison.rows
        func quoted(_ r: Int) -> Bool { rows[r].contains { !($0?.quotedBy.isEmpty ?? true) } }
        switch action {
        case .open: return rows.indices.contains(row) && quoted(row)
        case .nextQuoted: return rows.indices.contains { $0 > row && quoted($0) }
        case .previousQuoted: return rows.indices.contains { $0 < row && quoted($0) }
        default: return true
        }
    }

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
        case .startGoTo:
            goTo = GoToPrompt()
        case .goTo(let action):
            guard var prompt = goTo else { return }
            let indexes = sectionIndexes(comparison, env.catalog)
            let outcome = prompt.update(action, candidates: { Self.candidates($0, comparison, indexes) },
                                        completion: { q in indexes.lazy.compactMap { $0.completion(of: q) }.first })
            switch outcome {
            case .editing: goTo = prompt
            case .cancelled: goTo = nil
            case .noMatch(let typed):
                goTo = prompt
                env.say(typed.isEmpty ? env.text.typeASection : env.text.noSection(typed))
            case .go(let target):
                goTo = nil
                row = target.target
                env.say(target.label + " · " + target.title)
            }
        }
    }

    /// The sections of each compared version (read with the comparison).
    func sectionIndexes(_ comparison: DocumentComparison, _ catalog: Catalog) -> [SectionIndex] {
        comparison.documents.compactMap { catalog.loadedText(of: $0.version)?.sections }
    }

    /// The clauses of either document matching a `:` query, one per aligned row, as rows to go to.
    static func candidates(_ query: String, _ comparison: DocumentComparison, _ indexes: [SectionIndex]) -> [GoToPrompt.Candidate] {
        var seen = Set<Int>()
        var out: [GoToPrompt.Candidate] = []
        for (d, index) in indexes.enumerated() {
            for var c in index.goToCandidates(query) {
                guard let r = comparison.rows.firstIndex(where: { $0[safe: d]??.start == c.target }), seen.insert(r).inserted else { continue }
                c.target = r
                out.append(c)
            }
        }
        return out
    }

    mutating func opened(_ env: inout ViewEnv) {
        guard let offset = openAt, let (comparison, _) = load(env) else { return }
        openAt = nil
        row = comparison.rows.lastIndex { ($0.first ?? nil).map { $0.start <= offset } ?? false } ?? 0
    }

    mutating func prepare(_ env: inout ViewEnv) {
        _ = load(env)
    }

    mutating func reloaded(_ env: inout ViewEnv) -> Bool {
        versions(env.catalog) != nil
    }

    /// The first display line shown: the selected row's first line a third of the way down.
    static func top(_ aligned: AlignedLines, row: Int, height: Int) -> Int {
        let selectedLine = aligned.rowStarts[safe: row] ?? 0
        return max(0, min(selectedLine - height / 3, aligned.lines.count - height))
    }

    /// A click selects the aligned clauses under the pointer; on the selected ones, opens a
    /// verdict quoting them. The wheel moves both sides together.
    mutating func mouse(_ m: Mouse, _ env: inout ViewEnv) -> Bool {
        guard m.kind == .click, goTo == nil else { return wheel(m, &env) }
        let area = Layout.content(env.size)
        guard let (_, aligned) = load(env), let y = m.row(in: area),
              let line = aligned.lines[safe: Self.top(aligned, row: row, height: area.height) + y] else { return false }
        if line.row == row { update(.open, &env) } else { row = line.row }
        return true
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
        let top = Self.top(aligned, row: self.row, height: area.height)
        for r in 0..<area.height {
            let y = area.y + r
            buffer.put(buffer.policy.ambiguousIsWide ? "|" : "│", x: area.x + pane + 1, y: y, style: Style(.border))
            guard let line = aligned.lines[safe: top + r] else { continue }
            let selected = line.row == self.row
            if selected && line.isRowStart { buffer.put("▸", x: area.x, y: y, style: Style(.selection)) }
            let leftRect = Rect(x: area.x + 1, y: y, width: pane, height: 1)
            let rightRect = Rect(x: area.x + pane + 3, y: y, width: area.width - pane - 3, height: 1)
            // Quoted clauses highlighted, the selected row bold; the words that differ keep the diff's style.
            func styled(_ spans: [Span], quoted: Bool) -> [Span] {
                spans.map { span in
                    var style = span.style.role == .normal ? Style(quoted ? .highlight : .normal, span.style.attributes) : span.style
                    if selected && span.style.role != .dim { style = style.adding(.bold) }
                    return Span(span.text, style)
                }
            }
            buffer.write(spans: styled(line.leftSpans, quoted: line.leftQuoted), x: leftRect.x, y: y, clip: leftRect)
            buffer.write(spans: styled(line.rightSpans, quoted: line.rightQuoted), x: rightRect.x, y: y, clip: rightRect)
        }
        if let goTo {
            goTo.render(Self.candidates(goTo.query, comparison, sectionIndexes(comparison, model.catalog)), in: area, into: &buffer)
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
