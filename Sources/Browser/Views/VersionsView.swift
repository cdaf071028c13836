import PolicyModel
import TerminalUI
import TextCells

/// A document's versions, newest first, with what each changed against the one before; those
/// that brought in or took out quoted text marked.
public struct VersionsView: ListClicking {
    public var vendor: String
    public var document: String
    public var list = ListState()
    /// Hide versions that change nothing but noise.
    public var hideNoise = false
    /// Versions marked with Space, in the order they were marked.
    public var marked: [SimpleDate] = []

    public init(vendor: String, document: String) {
        self.vendor = vendor
        self.document = document
    }

    enum Action: Hashable, Sendable {
        case move(ListMove)
        case open, diff, noise, mark, compare
    }

    static func keys(_ t: UIText) -> [KeyTable<Action>] {
        [
            KeyTable(t.pick("Versions", "版本"), [
                Binding(named("Enter"), .open, hint: t.pick("read", "阅读"), help: t.pick("Read this version", "阅读此版本")),
                Binding(named("d"), .diff, hint: t.pick("diff", "差异"), help: t.pick("Changes against the previous version", "与上一版本的差异")),
                Binding(named("x"), .noise, hint: t.pick("hide noise", "隐藏噪音"), help: t.pick("Hide or show versions that change only noise", "隐藏或显示仅有噪音改动的版本")),
                Binding(named("Space"), .mark, help: t.pick("Mark or unmark the version for comparison (* on its row)", "标记或取消标记版本以便比较（行首显示 *）")),
                Binding(named("c"), .compare, hint: t.pick("compare", "比较"), help: t.pick("Two marked versions side by side, clause by clause (one marked: with this one; none: this one and the one before)", "并排逐条比较两个已标记版本（标记一个：与当前版本；未标记：当前与上一版本）")),
            ]),
            ListMove.table(t).map(Action.move),
        ]
    }

    var screen: Screen { .versions(self) }

    /// `d` needs a version before the selected one; `c` two versions.
    func acts(_ action: Action, _ model: BrowserModel, size: Size) -> Bool {
        guard let doc = model.catalog.document(vendor: vendor, id: document) else { return false }
        switch action {
        case .diff:
            guard let step = model.history(of: doc).map(steps)?[safe: list.selected] else { return false }
            return (doc.versions.firstIndex { $0.date == step.version.date } ?? 0) > 0
        case .compare: return doc.versions.count >= 2
        case .open, .mark: return !doc.versions.isEmpty
        case .noise, .move: return true
        }
    }

    /// The steps shown, newest first (noise-only versions hidden when asked).
    func steps(_ history: [VersionStep]) -> [VersionStep] {
        let all = history.reversed()
        return hideNoise ? all.filter { $0.status == .real || $0.status == .first } : Array(all)
    }

    func loadSteps(_ env: ViewEnv) -> [VersionStep] {
        guard let doc = env.catalog.document(vendor: vendor, id: document) else { return [] }
        return steps(env.model.loadHistory(of: doc))
    }

    mutating func update(_ action: Action, _ env: inout ViewEnv) {
        let shown = loadSteps(env)
        switch action {
        case .move(let move):
            move.apply(to: &list, count: shown.count, height: listRect(env.model, size: env.size).height)
        case .open:
            guard let step = shown[safe: list.selected] else { return }
            env.open(.reader(ReaderView(vendor: vendor, document: document, version: step.version.date)))
        case .diff:
            guard let step = shown[safe: list.selected], let doc = env.catalog.document(vendor: vendor, id: document),
                  let index = doc.versions.firstIndex(where: { $0.date == step.version.date }), index > 0 else {
                env.say(env.text.noPrevious)
                return
            }
            env.open(.diff(DiffView(vendor: vendor, document: document, old: doc.versions[index - 1].date, new: step.version.date)))
        case .noise:
            hideNoise.toggle()
            list = ListState()
        case .mark:
            guard let step = shown[safe: list.selected] else { return }
            let date = step.version.date
            if let i = marked.firstIndex(of: date) { marked.remove(at: i) } else { marked.append(date) }
            ListMove.down.apply(to: &list, count: shown.count, height: listRect(env.model, size: env.size).height)
        case .compare:
            guard let step = shown[safe: list.selected], let doc = env.catalog.document(vendor: vendor, id: document) else { return }
            var pair = Array(marked.prefix(2))
            if pair.count == 1, pair[0] != step.version.date { pair.append(step.version.date) }
            if pair.isEmpty, let index = doc.versions.firstIndex(where: { $0.date == step.version.date }), index > 0 {
                pair = [doc.versions[index - 1].date, step.version.date]
            }
            guard pair.count == 2 else {
                env.say(env.text.markTwoVersions)
                return
            }
            // Older on the left.
            pair.sort()
            marked.removeAll()
            env.open(.documentCompare(DocumentCompareView(left: DocumentRef(vendor: vendor, document: document, version: pair[0]),
                                                          right: DocumentRef(vendor: vendor, document: document, version: pair[1]))))
        }
    }

    mutating func prepare(_ env: inout ViewEnv) {
        _ = loadSteps(env)
        if let doc = env.catalog.document(vendor: vendor, id: document) { env.model.loadQuotePresence(of: doc) }
    }

    /// What the marks of the list mean.
    func legend(_ model: BrowserModel, width: Int) -> [[Span]] {
        let t = model.text
        let items: [[Span]] = [
            [Span("●"), Span(" " + t.legendReal, .dim)],
            [Span("+7 −2 ~38"), Span(" " + t.legendCounts, .dim)],
            [Span("○", .dim), Span(" " + t.firstVersion, .dim)],
            [Span("·", .dim), Span(" " + t.legendNoise, .dim)],
            [Span("↺", .dim), Span(" " + t.repeated, .dim)],
            [Span("*", Style(.heading, [.bold])), Span(" " + t.legendMarked, .dim)],
        ]
        return Drawing.flow(items, width: max(1, width - 1), policy: model.policy).map { [Span(" ")] + $0 }
    }

    /// The list above the legend (which is left to `?` when it would take a third of the rows).
    func listRect(_ model: BrowserModel, size: Size) -> Rect {
        let area = Layout.content(size)
        let legend = legend(model, width: area.width).count
        guard legend + 1 <= area.height / 3 else { return area }
        return area.inset(bottom: legend + 1)
    }

    mutating func reloaded(_ env: inout ViewEnv) -> Bool {
        env.catalog.document(vendor: vendor, id: document) != nil
    }

    func clickableCount(_ env: ViewEnv) -> Int { loadSteps(env).count }
    func clickableRect(_ env: ViewEnv) -> Rect { listRect(env.model, size: env.size) }
    static var followAction: Action { .open }

    func render(_ model: BrowserModel, size: Size, into buffer: inout CellBuffer) -> [String] {
        guard let doc = model.catalog.document(vendor: vendor, id: document) else { return [] }
        let t = model.text
        let shown = steps(model.history(of: doc) ?? [])
        Drawing.header([Span(doc.title.text(model.language), Style(.title, [.bold])),
                        Span(" — \(t.versions(shown.count))" + (hideNoise ? " (\(t.noiseHidden))" : ""), .title)], size: size, into: &buffer)
        let items = shown.map { step -> ListItem in
            let (mark, label, role): (String, String, Role) = {
                switch step.status {
                case .first: return ("○", t.firstVersion, .dim)
                case .real: return ("●", "+\(step.added) −\(step.removed) ~\(step.changed)", .normal)
                case .noise: return ("·", t.noiseOnly, .dim)
                case .identical: return ("·", t.identical, .dim)
                case .repeated: return ("↺", t.repeated, .dim)
                case .unreadable: return ("!", step.problem ?? "unreadable", .warning)
                }
            }()
            let quotes = model.quotesTouched(by: step, in: doc)
            let touched = quotes > 0 ? [Span("  ⚠ " + t.touchesQuotes(quotes), Style(.warning, [.bold]))] : []
            return ListItem([Span(marked.contains(step.version.date) ? "*" : " ", Style(.heading, [.bold])),
                             Span(step.version.date.description + "  ", .dim), Span(mark + " ", Style(role)), Span(label, Style(role))] + touched,
                            trailing: [Span(step.version.origin == .data ? "data" : "", .dim)])
        }
        let rect = listRect(model, size: size)
        ListView.render(items, state: list, in: rect, into: &buffer)
        let area = Layout.content(size)
        if rect.height < area.height {
            Drawing.lines(legend(model, width: area.width), in: area.inset(top: rect.height + 1), into: &buffer)
        }
        return [doc.ref, t.versionsTitle]
    }
}
