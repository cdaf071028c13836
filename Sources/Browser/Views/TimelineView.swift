import PolicyModel
import TerminalUI
import TextCells

/// A vendor's dated events and document versions on one list, newest first.
public struct TimelineView: ListClicking {
    public var vendor: String
    public var list = ListState()

    public init(vendor: String) { self.vendor = vendor }

    enum Action: Hashable, Sendable {
        case move(ListMove)
        case open, openSource
    }

    static func keys(_ t: UIText) -> [KeyTable<Action>] {
        [
            KeyTable(t.pick("Timeline", "时间线"), [
                Binding(named("Enter"), .open, hint: t.pick("open", "打开"), help: t.pick("Read the document version (an event whose source is vendor/doc@date: that version)", "阅读该文档版本（来源为 厂商/文档@日期 的事件：该版本）")),
                Binding(named("o"), .openSource, help: t.pick("Open the event's source or the document online ($BROWSER; else shown to copy)", "在线打开事件来源或文档（$BROWSER；否则显示网址以便复制）")),
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
            } else if let (doc, version) = entry.source.flatMap({ Self.document(forSource: $0, env.catalog) }) {
                guard doc.version(version) != nil else {
                    env.say(env.text.notLoaded(doc.title.text(env.model.language) + (version.map { " @\($0)" } ?? "")))
                    return
                }
                env.open(.reader(ReaderView(vendor: doc.vendor, document: doc.id, version: version)))
            } else {
                env.say(env.text.eventSource(entry.source ?? ""))
            }
        case .openSource:
            guard let entry = all[safe: list.selected] else { return }
            if let source = entry.source, source.hasPrefix("http://") || source.hasPrefix("https://") {
                env.openURL(source, title: entry.title)
            } else if let doc = entry.document ?? entry.source.flatMap({ Self.document(forSource: $0, env.catalog)?.0 }) {
                env.openURL(doc.url, title: doc.title.text(env.model.language))
            } else {
                env.say(env.text.eventSource(entry.source ?? ""))
            }
        }
    }

    /// The document and version an event's source names (`vendor/doc@date`, as `check`
    /// validates it); nil for a URL.
    static func document(forSource source: String, _ catalog: Catalog) -> (PolicyDocument, SimpleDate?)? {
        guard !source.contains("://") else { return nil }
        let parts = source.split(separator: "@", maxSplits: 1)
        guard let ref = parts.first, let doc = catalog.document(String(ref)) else { return nil }
        guard parts.count == 2 else { return (doc, nil) }
        guard let date = SimpleDate(parts[1]) else { return nil }
        return (doc, date)
    }

    mutating func reloaded(_ env: inout ViewEnv) -> Bool {
        guard env.catalog.vendor(vendor) != nil else { return false }
        list.select(list.selected, count: entries(env.model).count)
        return true
    }

    func clickableCount(_ env: ViewEnv) -> Int { entries(env.model).count }
    static var followAction: Action { .open }

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
