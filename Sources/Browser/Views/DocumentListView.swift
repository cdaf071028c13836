import PolicyModel
import TerminalUI
import TextCells

/// A vendor's documents, with how many versions of each are loaded.
public struct DocumentListView: BrowserView {
    public var vendor: String
    public var list = ListState()

    public init(vendor: String) { self.vendor = vendor }

    init(vendor: String, selecting document: String?, in catalog: Catalog) {
        self.vendor = vendor
        if let document, let index = catalog.vendor(vendor)?.documents.firstIndex(where: { $0.id == document }) {
            list.selected = index
        }
    }

    enum Action: Hashable, Sendable {
        case move(ListMove)
        case open, versions
    }

    static func keys(_ t: UIText) -> [KeyTable<Action>] {
        [
            KeyTable(t.pick("Documents", "文档"), [
                Binding(named("Enter"), .open, hint: t.pick("read", "阅读"), help: t.pick("Read the newest version", "阅读最新版本")),
                Binding(named("v"), .versions, hint: t.pick("versions", "版本"), help: t.pick("The document's versions and what each changed", "文档各版本及其改动")),
            ]),
            ListMove.table(t).map(Action.move),
        ]
    }

    var screen: Screen { .documents(self) }

    func documents(_ catalog: Catalog) -> [PolicyDocument] { catalog.vendor(vendor)?.documents ?? [] }

    mutating func update(_ action: Action, _ env: inout ViewEnv) {
        let docs = documents(env.catalog)
        if case .move(let move) = action {
            move.apply(to: &list, count: docs.count, height: Layout.content(env.size).height)
            return
        }
        guard let doc = docs[safe: list.selected] else {
            env.say(env.text.noDocuments)
            return
        }
        switch action {
        case .move: break
        case .open:
            env.open(.reader(ReaderView(vendor: vendor, document: doc.id, version: nil)))
        case .versions:
            guard !doc.versions.isEmpty else {
                env.say(env.text.noVersionsLoaded)
                return
            }
            env.open(.versions(VersionsView(vendor: vendor, document: doc.id)))
        }
    }

    mutating func reloaded(_ env: inout ViewEnv) -> Bool {
        guard env.catalog.vendor(vendor) != nil else { return false }
        list.select(list.selected, count: documents(env.catalog).count)
        return true
    }

    func render(_ model: BrowserModel, size: Size, into buffer: inout CellBuffer) -> [String] {
        guard let v = model.catalog.vendor(vendor) else { return [] }
        let t = model.text
        Drawing.header([Span(v.name, Style(.title, [.bold])), Span(" — " + t.documents, .title)], size: size, into: &buffer)
        let items = v.documents.map { d -> ListItem in
            let versions = d.versions.isEmpty ? t.notLoaded : "\(t.versions(d.versions.count)) · \(d.newest?.date.description ?? "")"
            var spans = [Span(d.title.text(model.language), Style(.normal, [.bold])), Span("  \(d.type) · \(d.language)", .dim)]
            if d.role == .secondary { spans.append(Span("  [\(t.secondary)]", .dim)) }
            return ListItem(spans, trailing: [Span(versions, .dim)])
        }
        ListView.render(items, state: list, in: Layout.content(size), into: &buffer)
        return [v.name, t.documents]
    }
}
