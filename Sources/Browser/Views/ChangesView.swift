import PolicyModel
import TerminalUI
import TextCells

/// What changed since the last look: the real changes, newest first, the unseen ones marked;
/// below the list, the selected change's sections and the verdicts whose quotes it changed.
/// Enter opens the change's diff and marks it seen. `[` / `]` move the list's start a month,
/// `A` lists every recorded version and `x` adds the noise, as `changes --since` / `--all` do.
public struct ChangesView: ListClicking {
    public var list = ListState()
    var window = ChangeWindow()

    public init() {}

    enum Action: Hashable, Sendable {
        case move(ListMove)
        case open, versions
        case earlier, later, everything, noise
    }

    static func keys(_ t: UIText) -> [KeyTable<Action>] {
        [
            KeyTable(t.pick("What changed", "改动"), [
                Binding(named("Enter"), .open, hint: t.pick("diff", "差异"),
                        help: t.pick("The change against the version before (a first version: the text); marks it seen",
                                     "此改动与上一版本的差异（首个版本：其全文）；标记为已看")),
                Binding(named("v"), .versions, hint: t.pick("versions", "版本"), help: t.pick("The document's versions", "该文档的各个版本")),
                Binding(named("["), .earlier, hint: t.pick("a month back", "早一个月"),
                        help: t.pick("Start the list a month earlier (as changes --since)", "列表从早一个月开始（同 changes --since）")),
                Binding(named("]"), .later, help: t.pick("Start it a month later, up to the last look", "列表从晚一个月开始，最晚到上次查看")),
                Binding(named("A"), .everything, hint: t.pick("all", "全部"),
                        help: t.pick("Every recorded version, from the first (again: since the last look)", "从首个版本起的全部记录（再按：回到上次查看以来）")),
                Binding(named("x"), .noise, help: t.pick("Show or hide versions that change only noise (as changes --all)", "显示或隐藏仅有噪音改动的版本（同 changes --all）")),
            ]),
            ListMove.table(t).map(Action.move),
        ]
    }

    var screen: Screen { .changes(self) }

    /// Enter and `v` need a change listed; `]` a widened list; `A` a first version before the list's start.
    func acts(_ action: Action, _ model: BrowserModel, size: Size) -> Bool {
        switch action {
        case .open, .versions: return !model.changes(window).isEmpty
        case .later: return window.since != nil
        case .everything: return window.since != nil || Self.firstRecorded(model.catalog).map { $0 < (model.looks.windowDate ?? .today()) } ?? false
        case .move, .earlier, .noise: return true
        }
    }

    /// The day the first version of any document was recorded.
    static func firstRecorded(_ catalog: Catalog) -> SimpleDate? {
        catalog.vendors.flatMap(\.documents).filter { $0.role == .primary }.compactMap { $0.versions.first?.date }.min()
    }

    /// Rows below the list for the selected change.
    static func paneHeight(_ size: Size) -> Int { min(8, Layout.content(size).height / 2) }

    static func listRect(_ size: Size) -> Rect { Layout.content(size).inset(bottom: paneHeight(size)) }

    mutating func update(_ action: Action, _ env: inout ViewEnv) {
        let base = env.model.looks.windowDate
        switch action {
        case .earlier, .later, .everything, .noise:
            switch action {
            case .earlier: window = window.monthEarlier(than: base)
            case .later: window = window.monthLater(base: base)
            case .everything: window.since = window.since == nil ? Self.firstRecorded(env.catalog) : nil
            default: window.noise.toggle()
            }
            list = ListState()
            let count = env.model.loadChanges(window).count
            env.say(env.text.listedSince(window.since ?? base, count: count, noise: window.noise))
            return
        default:
            break
        }
        let changes = env.model.loadChanges(window)
        if case .move(let move) = action {
            move.apply(to: &list, count: changes.count, height: Self.listRect(env.size).height)
            return
        }
        guard let change = changes[safe: list.selected] else {
            env.say(env.text.noChangeListed)
            return
        }
        let doc = change.document
        switch action {
        case .move, .earlier, .later, .everything, .noise: break
        case .open:
            if let problem = env.model.looks.markSeen(doc.ref, change.version) { env.say(problem) }
            if let previous = change.previous {
                env.open(.diff(DiffView(vendor: doc.vendor, document: doc.id, old: previous.date, new: change.version.date)))
            } else {
                env.open(.reader(ReaderView(vendor: doc.vendor, document: doc.id, version: change.version.date)))
            }
        case .versions:
            env.open(.versions(VersionsView(vendor: doc.vendor, document: doc.id)))
        }
    }

    mutating func prepare(_ env: inout ViewEnv) {
        env.model.loadChanges(window)
    }

    func clickableCount(_ env: ViewEnv) -> Int { env.model.loadChanges(window).count }
    func clickableRect(_ env: ViewEnv) -> Rect { Self.listRect(env.size) }
    static var followAction: Action { .open }

    mutating func reloaded(_ env: inout ViewEnv) -> Bool {
        list.select(list.selected, count: env.model.loadChanges(window).count)
        return true
    }

    func render(_ model: BrowserModel, size: Size, into buffer: inout CellBuffer) -> [String] {
        let t = model.text
        let changes = model.changes(window)
        let unseen = changes.filter(model.looks.isUnseen).count
        let counted = window.noise ? t.versions(changes.count) : t.realChanges(changes.count)
        let since = window.since.map { " · " + t.since($0) } ?? ""
        Drawing.header([Span(t.whatChanged, Style(.title, [.bold])),
                        Span(" — " + t.unseen(unseen) + " · " + counted + since, .title)], size: size, into: &buffer)
        let area = Layout.content(size)
        guard !changes.isEmpty else {
            let lines = t.noChanges(since: window.since ?? model.looks.windowDate, widened: window.since != nil, noise: window.noise)
            Drawing.lines(lines.map { [Span(" " + $0, .dim)] }, in: area, into: &buffer)
            return [t.whatChanged]
        }
        // Times as wide as the widest (a version carried in the data has a date only).
        let times = changes.map { $0.version.recordedTime.prefix(16).replacingOccurrences(of: "T", with: " ") }
        let timeWidth = times.map(\.count).max() ?? 10
        let items = zip(changes, times).map { change, time -> ListItem in
            let unseen = model.looks.isUnseen(change)
            let vendor = model.catalog.vendor(change.document.vendor)?.name ?? change.document.vendor
            return ListItem([
                Span(unseen ? "●" : " ", Style(.heading, [.bold])),
                Span(" " + time.padding(toLength: timeWidth, withPad: " ", startingAt: 0) + "  ", .dim),
                Span(vendor, Style(.normal, [.bold])),
                Span(" · " + change.document.title.text(model.language)),
            ], trailing: (change.kind == .noise ? [Span(t.noiseWord, .dim)] : [])
                + (change.affects.isEmpty ? [] : [Span("⚠\(change.affects.count)", Style(.warning, [.bold]))])
                + (unseen ? [Span(" " + t.newWord, Style(.heading, [.bold]))] : []))
        }
        let listRect = Self.listRect(size)
        ListView.render(items, state: list, in: listRect, into: &buffer)
        if let change = changes[safe: list.selected] {
            let pane = area.inset(top: listRect.height)
            var lines = Self.details(change, width: pane.width, model: model)
            if lines.count > pane.height, pane.height > 1 {
                let hidden = lines.count - pane.height + 1
                lines = lines.prefix(pane.height - 1) + [[Span("   " + t.more(hidden), .dim)]]
            }
            Drawing.lines(lines, in: pane, into: &buffer)
        }
        return [t.whatChanged]
    }

    /// The selected change: a rule naming the document and the versions, what it changed and
    /// where, then the verdicts whose quotes it changed, moved or removed.
    static func details(_ c: DocumentChange, width: Int, model: BrowserModel) -> [[Span]] {
        let t = model.text
        let versions = c.previous.map { "\($0.date) → \(c.version.date)" } ?? "\(c.version.date)"
        let rule = max(0, width - 4 - c.document.ref.count - versions.count)
        var lines: [[Span]] = [[Span("─ ", .border), Span(c.document.ref, Style(.heading, [.bold])), Span(" " + versions + " ", .dim),
                                Span(String(repeating: "─", count: rule), .border)]]
        guard c.previous != nil else {
            lines.append([Span(" " + t.firstVersion, .dim)])
            return lines
        }
        let counts = "+\(c.added) −\(c.removed) ~\(c.changed)"
        let sections = c.sections.isEmpty ? "" : "  § " + c.sections.joined(separator: " · ")
        lines += Drawing.wrap(counts + sections, width: width, indent: 1, policy: model.policy)
        guard !c.affects.isEmpty else {
            lines.append([Span(" " + t.noQuoteTouched, .dim)])
            return lines
        }
        lines.append([Span(" " + t.quotesTouched(c.affects.count), Style(.normal, [.bold]))])
        let cells = c.affects.map { a in a.vendor == c.document.vendor ? "\(a.surface)/\(a.question)" : "\(a.vendor)/\(a.surface)/\(a.question)" }
        let cellWidth = cells.map { $0.cellWidth(model.policy) }.max() ?? 0
        for (a, cell) in zip(c.affects, cells) {
            lines.append([Span("   " + cell.padded(toWidth: cellWidth, policy: model.policy) + "  "),
                          Span(t.drift(a.status), Style(a.status == .moved ? .dim : .warning, [.bold]))])
        }
        return lines
    }
}
