import PolicyModel
import TerminalUI
import TextCells

/// One question across every vendor and surface, grouped by answer (the industry table of a
/// research note: "who trains on API inputs?"). `a` and `s` filter by answer and by surface,
/// ←/→ go to the previous / next question, Enter opens the verdict.
public struct QuestionView: BrowserView {
    public var question: String
    /// Only verdicts with this answer.
    public var answer: Answer?
    /// Only this surface id (`consumer`, `api`, `business`, …).
    public var surface: String?
    /// The selected verdict; `offset` is the first line shown.
    public var list = ListState()

    public init(question: String, answer: Answer? = nil, surface: String? = nil) {
        self.question = question
        self.answer = answer
        self.surface = surface
    }

    /// With one verdict selected (the matrix cell it was opened from).
    init(question: String, selecting verdict: VerdictRef?, in catalog: Catalog) {
        self.init(question: question)
        if let verdict, let i = verdicts(catalog).firstIndex(where: { $0.vendor == verdict.vendor && $0.surface == verdict.surface }) {
            list.selected = i
        }
    }

    enum Action: Hashable, Sendable {
        case move(ListMove)
        case open
        case answer(forward: Bool)
        case surface(forward: Bool)
        case question(forward: Bool)
        case copyVerdict
    }

    static func keys(_ t: UIText) -> [KeyTable<Action>] {
        [
            KeyTable(t.pick("One question, every vendor", "一个问题，所有厂商"), [
                Binding(named("Enter"), .open, hint: t.pick("detail", "详情"), help: t.pick("Open the selected verdict with its quotes", "打开所选结论及其引文")),
                Binding(named("a", "A"), each: { .answer(forward: $0 == .character("a")) }, hint: t.pick("answer", "答案"),
                        help: t.pick("Only one answer: the next / previous (then all again)", "只看一种答案：下一种 / 上一种（之后恢复全部）")),
                Binding(named("s", "S"), each: { .surface(forward: $0 == .character("s")) }, hint: t.pick("surface", "产品"),
                        help: t.pick("Only one surface (consumer, api, business…): the next / previous", "只看一种产品（consumer、api、business…）：下一种 / 上一种")),
                Binding(named("Y"), .copyVerdict, help: t.pick("Copy the selected verdict with its quotes and citations as Markdown", "以 Markdown 复制所选结论及其引文与出处")),
                Binding(named("→", "l", "←", "h"), each: { .question(forward: $0 == .right || $0 == .character("l")) },
                        help: t.pick("The next / previous question", "下一个 / 上一个问题")),
            ]),
            ListMove.table(t).map(Action.move),
        ]
    }

    var screen: Screen { .question(self) }

    /// Enter and `Y` need a verdict shown.
    func acts(_ action: Action, _ model: BrowserModel, size: Size) -> Bool {
        switch action {
        case .open, .copyVerdict: return !verdicts(model.catalog).isEmpty
        default: return true
        }
    }

    /// The verdicts shown, grouped by answer.
    func across(_ catalog: Catalog) -> QuestionAcrossVendors? {
        catalog.acrossVendors(question: question, answer: answer, surface: surface)
    }

    /// Every verdict shown, in order.
    func verdicts(_ catalog: Catalog) -> [Verdict] { across(catalog)?.groups.flatMap(\.verdicts) ?? [] }

    /// The surface ids of every vendor, in the order they first appear.
    static func surfaceIDs(_ catalog: Catalog) -> [String] {
        var ids: [String] = []
        for s in catalog.vendors.flatMap(\.surfaces) where !ids.contains(s.id) { ids.append(s.id) }
        return ids
    }

    /// The next value of a filter among `values`, nil (all) before the first and after the last.
    static func cycle<T: Equatable>(_ current: T?, in values: [T], forward: Bool) -> T? {
        guard !values.isEmpty else { return nil }
        guard let current, let i = values.firstIndex(of: current) else { return forward ? values.first : values.last }
        let next = i + (forward ? 1 : -1)
        return values.indices.contains(next) ? values[next] : nil
    }

    mutating func update(_ action: Action, _ env: inout ViewEnv) {
        let catalog = env.catalog
        let t = env.text
        switch action {
        case .move(let move):
            move.apply(to: &list, count: verdicts(catalog).count, height: Self.listRect(env.size).height)
        case .open:
            guard let v = verdicts(catalog)[safe: list.selected] else {
                env.say(t.noVerdictMatches)
                return
            }
            env.open(.detail(DetailView(verdict: VerdictRef(vendor: v.vendor, surface: v.surface, question: v.question))))
        case .copyVerdict:
            guard let v = verdicts(catalog)[safe: list.selected] else {
                env.say(t.noVerdictMatches)
                return
            }
            env.copy(CitationMarkdown(catalog: catalog, language: env.model.language).verdict(v), what: t.wholeVerdict(v.evidence.count))
        case .answer(let forward):
            // Only answers someone gives (to this question, on the surfaces shown).
            let given = catalog.acrossVendors(question: question, surface: surface)?.groups.map(\.answer) ?? []
            answer = Self.cycle(answer, in: given, forward: forward)
            list = ListState()
        case .surface(let forward):
            surface = Self.cycle(surface, in: Self.surfaceIDs(catalog), forward: forward)
            answer = nil
            list = ListState()
        case .question(let forward):
            let ids = catalog.questions.map(\.id)
            guard let i = ids.firstIndex(of: question) else { return }
            let next = i + (forward ? 1 : -1)
            guard ids.indices.contains(next) else {
                env.say(forward ? t.lastQuestion : t.firstQuestion)
                return
            }
            question = ids[next]
            answer = nil
            list = ListState()
        }
        keepInView(env)
    }

    mutating func opened(_ env: inout ViewEnv) { keepInView(env) }

    /// Anchors the quotes of the verdicts shown: which need a second look.
    mutating func prepare(_ env: inout ViewEnv) {
        for v in verdicts(env.catalog) {
            for e in v.evidence { env.model.loadResolved(e) }
        }
    }

    mutating func reloaded(_ env: inout ViewEnv) -> Bool {
        guard env.catalog.question(question) != nil else { return false }
        list.select(list.selected, count: verdicts(env.catalog).count)
        return true
    }

    /// Stores the scroll position (in lines) that keeps the selected verdict in view.
    mutating func keepInView(_ env: ViewEnv) {
        guard let across = across(env.catalog) else { return }
        let lines = Self.lines(across, model: env.model, width: env.size.width)
        let line = lines.firstIndex { $0.item == list.selected } ?? 0
        let rect = Self.listRect(env.size)
        list.offset = ListState(selected: line, offset: list.offset).visibleOffset(height: rect.height, count: lines.count)
        // The group heading stays with the first verdict of a group.
        if line > 0, lines[line - 1].item == nil, list.offset == line { list.offset -= 1 }
    }

    /// Below the header and the two rows of filters.
    static func listRect(_ size: Size) -> Rect { Layout.content(size).inset(top: 2) }

    /// A filter a tab of the filter rows sets.
    enum Filter: Hashable {
        case answer(Answer?)
        case surface(String?)
    }

    /// One piece of a filter row: a label, and the filter a click on it sets.
    struct Tab {
        var spans: [Span]
        var filter: Filter?
    }

    /// The filter rows: answers with their counts, then surfaces; the one in force in brackets.
    static func filterRows(_ view: QuestionView, _ model: BrowserModel) -> [[Tab]] {
        let catalog = model.catalog
        let t = model.text
        let all = catalog.acrossVendors(question: view.question, surface: view.surface)
        let q = catalog.question(view.question)
        func tab(_ label: [Span], on: Bool, _ filter: Filter) -> Tab {
            let spans = on ? [Span("[", .heading)] + label.map { Span($0.text, $0.style.adding(.bold)) } + [Span("] ", .heading)] : [Span(" ")] + label + [Span("  ")]
            return Tab(spans: spans, filter: filter)
        }
        var answers = [Tab(spans: [Span(" a ", .dim)]), tab([Span(t.allAnswers + " \(all?.count ?? 0)")], on: view.answer == nil, .answer(nil))]
        for group in all?.groups ?? [] {
            answers.append(tab([Drawing.answer(group.answer, to: q, model.language), Span(" \(group.verdicts.count)", .dim)], on: view.answer == group.answer, .answer(group.answer)))
        }
        var surfaces = [Tab(spans: [Span(" s ", .dim)]), tab([Span(t.allSurfaces)], on: view.surface == nil, .surface(nil))]
        for id in surfaceIDs(catalog) { surfaces.append(tab([Span(id)], on: view.surface == id, .surface(id))) }
        return [answers, surfaces]
    }

    /// A click on a filter tab sets it; on a verdict selects it, on the selected one opens it.
    mutating func mouse(_ m: Mouse, _ env: inout ViewEnv) -> Bool {
        guard m.kind == .click else { return wheel(m, &env) }
        let area = Layout.content(env.size)
        if let row = m.row(in: area), row < 2 {
            var x = area.x
            for tab in Self.filterRows(self, env.model)[row] {
                let width = tab.spans.cellWidth(env.model.policy)
                if m.x < x + width {
                    switch tab.filter {
                    case .answer(let a)?: answer = a
                    case .surface(let id)?:
                        surface = id
                        answer = nil
                    case nil: return false
                    }
                    list = ListState()
                    return true
                }
                x += width
            }
            return false
        }
        guard let across = across(env.catalog), let y = m.row(in: Self.listRect(env.size)) else { return false }
        let lines = Self.lines(across, model: env.model, width: env.size.width)
        let selectedLine = lines.firstIndex { $0.item == list.selected } ?? 0
        let top = ListState(selected: selectedLine, offset: list.offset).visibleOffset(height: Self.listRect(env.size).height, count: lines.count)
        guard let item = lines[safe: top + y]?.item else { return false }
        if item == list.selected { update(.open, &env) } else { list.selected = item }
        return true
    }

    /// One line of the list: a group heading (no item), a verdict, or a blank between groups.
    struct Line {
        var spans: [Span]
        var item: Int?
    }

    static func lines(_ across: QuestionAcrossVendors, model: BrowserModel, width: Int) -> [Line] {
        let catalog = model.catalog
        let lang = model.language
        let policy = model.policy
        var vendorWidth = 0
        for v in across.groups.flatMap(\.verdicts) {
            let vendor = catalog.vendor(v.vendor)
            let name = "\(vendor?.name ?? v.vendor) · \(vendor?.surface(v.surface)?.name ?? v.surface)"
            vendorWidth = max(vendorWidth, name.cellWidth(policy))
        }
        vendorWidth = min(vendorWidth, max(12, width / 2))
        var out: [Line] = []
        var item = 0
        for group in across.groups {
            if !out.isEmpty { out.append(Line(spans: [], item: nil)) }
            out.append(Line(spans: [Span(" "), Drawing.answer(group.answer, to: across.question, lang), Span("  \(group.verdicts.count)", .dim)], item: nil))
            for v in group.verdicts {
                let vendor = catalog.vendor(v.vendor)
                let name = "\(vendor?.name ?? v.vendor) · \(vendor?.surface(v.surface)?.name ?? v.surface)"
                let review = model.needsReview(v) ? [Span("  ⚠ " + model.text.reviewWord, Style(.warning, [.bold]))] : []
                out.append(Line(spans: [Span(" "), Span(name.truncated(toWidth: vendorWidth, policy: policy).padded(toWidth: vendorWidth, policy: policy), Style(.normal, [.bold]))]
                                    + review + [Span("  " + v.summary.text(lang), .dim)], item: item))
                item += 1
            }
        }
        return out
    }

    func render(_ model: BrowserModel, size: Size, into buffer: inout CellBuffer) -> [String] {
        let catalog = model.catalog
        let t = model.text
        guard let q = catalog.question(question), let across = across(catalog) else { return [t.question] }
        let number = (catalog.questions.firstIndex { $0.id == question } ?? 0) + 1
        Drawing.header([Span("\(number). " + q.title.text(model.language), Style(.title, [.bold]))], size: size, into: &buffer)
        let area = Layout.content(size)
        Drawing.lines(Self.filterRows(self, model).map { $0.flatMap(\.spans) }, in: area, into: &buffer)
        let rect = Self.listRect(size)
        let lines = Self.lines(across, model: model, width: rect.width)
        guard !lines.isEmpty else {
            buffer.write(spans: [Span(" " + t.noVerdictMatches, .dim)], x: rect.x, y: rect.y, clip: rect)
            return [t.question, q.id]
        }
        let selectedLine = lines.firstIndex { $0.item == list.selected } ?? 0
        let top = ListState(selected: selectedLine, offset: list.offset).visibleOffset(height: rect.height, count: lines.count)
        for row in 0..<rect.height {
            guard let line = lines[safe: top + row] else { break }
            let rowRect = rect.row(row)
            let selected = line.item == list.selected
            if selected {
                buffer.fill(rowRect, style: Style(.selection))
                let spans = line.spans.map { Span($0.text, Style(.selection, $0.style.attributes)) }
                buffer.write(spans: [Span("▸", Style(.selection))] + spans, x: rowRect.x, y: rowRect.y, clip: rowRect)
            } else {
                buffer.write(spans: (line.item == nil ? [] : [Span(" ")]) + line.spans, x: rowRect.x, y: rowRect.y, clip: rowRect)
            }
        }
        var crumbs = [t.question, q.id]
        if let answer { crumbs.append(answer.word(model.language)) }
        if let surface { crumbs.append(surface) }
        return crumbs
    }
}
