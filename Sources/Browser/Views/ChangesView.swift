import PolicyModel
import TerminalUI
import TextCells

/// What changed since the last look: the real changes, newest first, the unseen ones marked;
/// below the list, the selected change's sections and the verdicts whose quotes it changed.
/// Enter opens the change's diff and marks it seen.
public struct ChangesView: ListClicking {
    public var list = ListState()

    public init() {}

    enum Action: Hashable, Sendable {
        case move(ListMove)
        case open, versions
    }

    static func keys(_ t: UIText) -> [KeyTable<Action>] {
        [
            KeyTable(t.pick("What changed", "改动"), [
                Binding(named("Enter"), .open, hint: t.pick("diff", "差异"),
                        help: t.pick("The change against the version before (a first version: the text); marks it seen",
                                     "此改动与上一版本的差异（首个版本：其全文）；标记为已看")),
                Binding(named("v"), .versions, hint: t.pick("versions", "版本"), help: t.pick("The document's versions", "该文档的各个版本")),
            ]),
            ListMove.table(t).map(Action.move),
        ]
    }

    var screen: Screen { .changes(self) }

    /// Enter and `v` need a change listed.
    func acts(_ action: Action, _ model: BrowserModel, size: Size) -> Bool {
        switch action {
        case .open, .versions: return !model.changes().isEmpty
        case .move: return true
        }
    }

    /// Rows below the list for the selected change.
    static func paneHeight(_ size: Size) -> Int { min(8, Layout.content(size).height / 2) }

    static func listRect(_ size: Size) -> Rect { Layout.content(size).inset(bottom: paneHeight(size)) }

    mutating func update(_ action: Action, _ env: inout ViewEnv) {
        let changes = env.model.loadChanges()
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
        case .move: break
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
        _ = env.model.loadChanges()
    }

    func clickableCount(_ env: ViewEnv) -> Int { env.model.loadChanges().count }
    func clickableRect(_ env: ViewEnv) -> Rect { Self.listRect(env.size) }
    static var followAction: Action { .open }

    mutating func reloaded(_ env: inout ViewEnv) -> Bool {
        list.select(list.selected, count: env.model.loadChanges().count)
        return true
    }

    func render(_ model: BrowserModel, size: Size, into buffer: inout CellBuffer) -> [String] {
        let t = model.text
        let changes = model.changes()
        Drawing.header([Span(t.whatChanged, Style(.title, [.bold])),
                        Span(" — " + t.unseen(model.unseenCount()) + " · " + t.realChanges(changes.count), .title)], size: size, into: &buffer)
        let area = Layout.content(size)
        guard !changes.isEmpty else {
            let since = SimpleDate(String(model.looks.windowStart.prefix(10)))
            Drawing.lines(t.noChanges(since: since).map { [Span(" " + $0, .dim)] }, in: area, into: &buffer)
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
            ], trailing: (change.affects.isEmpty ? [] : [Span("⚠\(change.affects.count)", Style(.warning, [.bold]))])
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
