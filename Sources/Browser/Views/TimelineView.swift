import PolicyModel
import TerminalUI
import TextCells

/// A vendor's dated events and document versions on one list, newest first.
public struct TimelineView: BrowserView {
    public var vendor: String
    public var list = ListState()

    public init(vendor: String) { self.vendor = vendor }

    enum Action: Hashable, Sendable {
        case move(ListMove)
        case open
    }

    static func keys(_ t: UIText) -> [KeyTable<Action>] {
        [
            KeyTable(t.pick("Timeline", "时间线"), [
                Binding(named("Enter"), .open, hint: t.pick("open", "打开"), help: t.pick("Read the document version (an event shows its source)", "阅读该文档版本（事件显示其来源）")),
            ]),
            ListMove.table(t).map(Action.move),
        ]
    }

    var screen: Screen { .timeline(self) }

    struct Entry {
        var date: SimpleDate
        var title: String
        /// The source of an event, or nil for a document version.
        var source: String?
        var document: PolicyDocument?
    }

    func entries(_ model: BrowserModel) -> [Entry] {
        guard let v = model.catalog.vendor(vendor) else { return [] }
        var out = v.events.map { Entry(date: $0.date, title: $0.title.text(model.language), source: $0.source) }
        for doc in v.documents {
            for version in doc.versions {
                out.append(Entry(date: version.date, title: doc.title.text(model.language), document: doc))
            }
        }
        // Newest first; on one day, events before versions.
        return out.sorted { ($0.date, $0.source == nil ? 0 : 1) > ($1.date, $1.source == nil ? 0 : 1) }
    }

    mutating func update(_ action: Action, _ env: inout ViewEnv) {
        let all = entries(env.model)
        switch action {
        case .move(let move):
            move.apply(to: &list, count: all.count, height: Layout.content(env.size).height)
        case .open:
            guard let entry = all[safe: list.selected] else { return }
            if let doc = entry.document {
                env.open(.reader(ReaderView(vendor: vendor, document: doc.id, version: entry.date)))
            } else {
                env.say(env.text.eventSource(entry.source ?? ""))
            }
        }
    }

    mutating func reloaded(_ env: inout ViewEnv) -> Bool {
        guard env.catalog.vendor(vendor) != nil else { return false }
        list.select(list.selected, count: entries(env.model).count)
        return true
    }

    func render(_ model: BrowserModel, size: Size, into buffer: inout CellBuffer) -> [String] {
        guard let v = model.catalog.vendor(vendor) else { return [] }
        let t = model.text
        Drawing.header([Span(v.name, Style(.title, [.bold])), Span(" — " + t.timeline, .title)], size: size, into: &buffer)
        let items = entries(model).map { e in
            let isEvent = e.source != nil
            return ListItem([
                Span(e.date.description + "  ", .dim),
                Span(isEvent ? "● " : "○ ", isEvent ? .heading : .dim),
                Span(e.title, isEvent ? Style(.normal, [.bold]) : .normal),
            ], trailing: [Span(e.document.map { "\($0.ref)@\(e.date)" } ?? "", .dim)])
        }
        ListView.render(items, state: list, in: Layout.content(size), into: &buffer)
        return [v.name, t.timeline]
    }
}
