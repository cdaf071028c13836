import PolicyModel
import TerminalUI
import TextCells

/// The changes from one version of a document to another, each opening in the reader, those
/// that edit, remove or bring in quoted text marked; then what became of each quote (still,
/// moved, changed, gone or new, as `termlens diff` prints it), each opening its verdict.
public struct DiffView: BrowserView {
    public var vendor: String
    public var document: String
    public var old: SimpleDate
    public var new: SimpleDate
    public var list = ListState()

    public init(vendor: String, document: String, old: SimpleDate, new: SimpleDate) {
        self.vendor = vendor
        self.document = document
        self.old = old
        self.new = new
    }

    enum Action: Hashable, Sendable {
        case move(ListMove)
        case open
    }

    static func keys(_ t: UIText) -> [KeyTable<Action>] {
        [
            KeyTable(t.pick("Changes", "差异"), [
                Binding(named("Enter"), .open, hint: t.pick("show", "查看"), help: t.pick("Open the change in the reader (a quote: its verdict)", "在原文中查看此改动（引文：打开其结论）")),
            ]),
            ListMove.table(t).map(Action.move),
        ]
    }

    var screen: Screen { .diff(self) }

    /// Enter needs a change or a quote listed.
    func acts(_ action: Action, _ model: BrowserModel, size: Size) -> Bool {
        guard action == .open else { return true }
        guard let (a, b) = versions(model.catalog) else { return false }
        return !(model.diff(old: a, new: b) ?? []).isEmpty || !(model.quoteDrift(old: a, new: b) ?? []).isEmpty
    }

    func versions(_ catalog: Catalog) -> (DocumentVersion, DocumentVersion)? {
        guard let doc = catalog.document(vendor: vendor, id: document), let a = doc.version(old), let b = doc.version(new) else { return nil }
        return (a, b)
    }

    func loadChanges(_ env: ViewEnv) -> [TextChange] {
        guard let (a, b) = versions(env.catalog) else { return [] }
        return env.model.loadDiff(old: a, new: b)
    }

    func loadQuotes(_ env: ViewEnv) -> [EvidenceDrift] {
        guard let doc = env.catalog.document(vendor: vendor, id: document), let (a, b) = versions(env.catalog) else { return [] }
        return env.model.loadQuoteDrift(doc, old: a, new: b)
    }

    mutating func update(_ action: Action, _ env: inout ViewEnv) {
        let changes = loadChanges(env)
        let quotes = loadQuotes(env)
        switch action {
        case .move(let move):
            move.apply(to: &list, count: changes.count + quotes.count, height: 6)
        case .open:
            if let quote = quotes[safe: list.selected - changes.count] {
                let v = quote.verdict
                env.open(.detail(DetailView(verdict: VerdictRef(vendor: v.vendor, surface: v.surface, question: v.question),
                                            evidence: v.evidence.firstIndex(of: quote.evidence) ?? 0)))
                return
            }
            guard let change = changes[safe: list.selected] else {
                env.say(env.text.noChange)
                return
            }
            // The change where it is: in the new version, or in the old one for a removal.
            var reader: ReaderView
            if let range = change.newRange, change.kind != .removed {
                reader = ReaderView(vendor: vendor, document: document, version: new)
                reader.current = range
            } else {
                reader = ReaderView(vendor: vendor, document: document, version: old)
                reader.current = change.oldRange
            }
            env.open(.reader(reader))
        }
    }

    /// Viewing a change is seeing it: the newer version is marked seen.
    mutating func opened(_ env: inout ViewEnv) {
        guard let (_, b) = versions(env.catalog), let problem = env.model.looks.markSeen("\(vendor)/\(document)", b) else { return }
        env.say(problem)
    }

    mutating func prepare(_ env: inout ViewEnv) {
        _ = loadChanges(env)
        _ = loadQuotes(env)
    }

    mutating func reloaded(_ env: inout ViewEnv) -> Bool {
        versions(env.catalog) != nil
    }

    func render(_ model: BrowserModel, size: Size, into buffer: inout CellBuffer) -> [String] {
        guard let doc = model.catalog.document(vendor: vendor, id: document) else { return [] }
        let t = model.text
        let pair = versions(model.catalog)
        let changes = pair.flatMap { model.diff(old: $0.0, new: $0.1) } ?? []
        let quotes = pair.flatMap { model.quoteDrift(old: $0.0, new: $0.1) } ?? []
        let touched = quotes.filter(\.touched).count
        // What changed and whether quotes are touched matter more than the whole title: the
        // title gives way first on a narrow screen.
        let facts = [Span("  \(old) → \(new)  ·  \(t.changes(changes.count))", .title)]
            + (touched > 0 ? [Span("  ·  ", .title), Span("⚠ " + t.touchesQuotes(touched), Style(.title, [.bold]))] : [])
        let titleRoom = max(12, size.width - 1 - facts.cellWidth(model.policy))
        Drawing.header([Span(doc.title.text(model.language).truncated(toWidth: titleRoom, policy: model.policy), Style(.title, [.bold]))] + facts,
                       size: size, into: &buffer)
        let crumbs = [doc.ref, "\(old) → \(new)"]
        let area = Layout.content(size)
        guard !changes.isEmpty || !quotes.isEmpty else {
            buffer.write(spans: [Span(" " + t.noChange, .dim)], x: area.x, y: area.y, clip: area.row(0))
            return crumbs
        }
        let lines = Self.allLines(changes, quotes: quotes, old: old, new: new, width: area.width, model: model)
        let top = Self.top(lines, selected: list.selected, height: area.height)
        for row in 0..<area.height {
            guard let line = lines[safe: top + row] else { break }
            let y = area.y + row
            if line.change == list.selected && !line.spans.isEmpty { buffer.put("▌", x: area.x, y: y, style: Style(.selection)) }
            buffer.write(spans: line.spans, x: area.x + 1, y: y, clip: Rect(x: area.x + 1, y: y, width: area.width - 1, height: 1))
        }
        return crumbs
    }

    /// The first line shown: the selected change's heading a quarter of the way down.
    static func top(_ lines: [(spans: [Span], change: Int)], selected: Int, height: Int) -> Int {
        let first = lines.firstIndex { $0.change == selected } ?? 0
        return max(0, min(first - height / 4, lines.count - height))
    }

    /// A click selects the change under the pointer; on the selected one, opens it in the reader.
    mutating func mouse(_ m: Mouse, _ env: inout ViewEnv) -> Bool {
        guard m.kind == .click else { return wheel(m, &env) }
        let area = Layout.content(env.size)
        let lines = Self.allLines(loadChanges(env), quotes: loadQuotes(env), old: old, new: new, width: area.width, model: env.model)
        guard let y = m.row(in: area), let line = lines[safe: Self.top(lines, selected: list.selected, height: area.height) + y] else { return false }
        if line.change == list.selected { update(.open, &env) } else { list.selected = line.change }
        return true
    }

    /// The changes, then what became of each quote of the document.
    static func allLines(_ changes: [TextChange], quotes: [EvidenceDrift], old: SimpleDate, new: SimpleDate, width: Int,
                         model: BrowserModel) -> [(spans: [Span], change: Int)] {
        let t = model.text
        var lines: [(spans: [Span], change: Int)] = changes.isEmpty ? [([Span(" " + t.noChange, .dim)], -1), ([], -1)]
            : Self.lines(changes, quotes: quotes, width: width - 4, model: model)
        lines += Self.quoteLines(quotes, first: changes.count, old: old, new: new, width: width - 1, model: model)
        return lines
    }

    /// Each change: a heading line (naming the verdicts whose quoted text it edits, removes or
    /// brings in) and its text, shortened around the changed words (`DiffBody`).
    static func lines(_ changes: [TextChange], quotes: [EvidenceDrift], width: Int, model: BrowserModel) -> [(spans: [Span], change: Int)] {
        let t = model.text
        var lines: [(spans: [Span], change: Int)] = []
        for (i, c) in changes.enumerated() {
            let mark: Span = {
                switch c.kind {
                case .added: return Span("+ " + t.added, Style(.added, [.bold]))
                case .removed: return Span("− " + t.removed, Style(.removed, [.bold]))
                case .changed: return Span("~ " + t.changedWord, Style(.heading, [.bold]))
                }
            }()
            var heading = [Span(" "), mark] + (c.section.map { [Span("  §" + $0, .dim)] } ?? [])
            let cited = quotes.filter(c.touches).map { "\($0.verdict.surface)/\($0.verdict.question)" }
            if !cited.isEmpty {
                heading.append(Span("  ⚠ " + t.quotedText + ": " + cited.uniqued().joined(separator: ", "), Style(.warning, [.bold])))
            }
            lines.append((heading, i))
            for body in DiffBody.lines(c, width: max(4, width), model: model) {
                lines.append(([Span("   ")] + body, i))
            }
            lines.append(([], i))
        }
        return lines
    }

    /// What became of each quote of the document: its status, verdict and section, then the
    /// quote on one line. Items numbered on from the changes (`first`).
    static func quoteLines(_ quotes: [EvidenceDrift], first: Int, old: SimpleDate, new: SimpleDate, width: Int,
                           model: BrowserModel) -> [(spans: [Span], change: Int)] {
        guard !quotes.isEmpty else { return [] }
        let t = model.text
        var lines: [(spans: [Span], change: Int)] = [([Span(" " + t.quotesIn(old, new), Style(.heading, [.bold]))], -1)]
        let words = quotes.map { $0.isNew ? t.newQuote : t.drift($0.status) }
        let wordWidth = words.map { $0.cellWidth(model.policy) }.max() ?? 0
        for (i, (q, word)) in zip(quotes, words).enumerated() {
            let role: Style = q.isNew ? Style(.added, [.bold]) : q.touched ? Style(.warning, [.bold]) : Style(.dim)
            var place = q.drift.anchor?.section.map { " §" + $0 } ?? ""
            if q.status == .changed, let s = q.drift.similarity ?? q.oldClosest?.similarity { place += " (\(Int(s * 100))%)" }
            let v = q.verdict
            let cell = v.vendor == quotes.first?.evidence.vendor ? "\(v.surface)/\(v.question)" : "\(v.vendor)/\(v.surface)/\(v.question)"
            lines.append(([Span(" "), Span(word.padded(toWidth: wordWidth, policy: model.policy), role), Span("  " + cell), Span(place, .dim)], first + i))
            let quote = ("“" + q.evidence.quote + "”").truncated(toWidth: max(1, width - 3 - wordWidth), policy: model.policy)
            lines.append(([Span(String(repeating: " ", count: wordWidth + 3)), Span(quote, .highlight)], first + i))
        }
        return lines
    }
}

extension Array where Element: Hashable {
    /// The elements in order, each once.
    func uniqued() -> [Element] {
        var seen = Set<Element>()
        return filter { seen.insert($0).inserted }
    }
}
