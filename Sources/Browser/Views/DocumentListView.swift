import PolicyModel
import TerminalUI
import TextCells

/// A vendor's documents, with how many versions of each are loaded. Space marks documents
/// for `c` to put side by side; `L` puts one beside the same terms in another language.
public struct DocumentListView: ListClicking {
    public var vendor: String
    public var list = ListState()
    /// Documents marked with Space, in the order they were marked.
    public var marked: [String] = []

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
        case mark, compare, counterpart, openSource
    }

    static func keys(_ t: UIText) -> [KeyTable<Action>] {
        [
            KeyTable(t.pick("Documents", "文档"), [
                Binding(named("Enter"), .open, hint: t.pick("read", "阅读"), help: t.pick("Read the newest version", "阅读最新版本")),
                Binding(named("v"), .versions, hint: t.pick("versions", "版本"), help: t.pick("The document's versions and what each changed", "文档各版本及其改动")),
                Binding(named("Space"), .mark, help: t.pick("Mark or unmark the document for comparison (* on its row)", "标记或取消标记文档以便比较（行首显示 *）")),
                Binding(named("c"), .compare, help: t.pick("Two marked documents side by side, clause by clause (one marked: with this one)", "并排逐条比较两份已标记文档（只标记一份时：与当前文档）")),
                Binding(named("o"), .openSource, help: t.pick("Open the document online ($BROWSER; else shown to copy)", "在线打开此文档（$BROWSER；否则显示网址以便复制）")),
                Binding(named("L"), .counterpart, help: t.pick("This document beside the same terms in another language (⇄ on its row)", "将此文档与另一语言的同一条款并排（行中显示 ⇄）")),
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
        case .mark:
            if let i = marked.firstIndex(of: doc.id) { marked.remove(at: i) } else { marked.append(doc.id) }
            ListMove.down.apply(to: &list, count: docs.count, height: Layout.content(env.size).height)
        case .compare:
            // Two marked, or one marked and the one under the cursor; the marks are used up.
            var pair = marked.prefix(2).map { $0 }
            if pair.count == 1, pair[0] != doc.id { pair.append(doc.id) }
            guard pair.count == 2 else {
                env.say(env.text.markTwoDocuments)
                return
            }
            let chosen = pair.compactMap { id in docs.first { $0.id == id } }
            if let missing = chosen.first(where: { $0.versions.isEmpty }) {
                env.say(env.text.notLoaded(missing.title.text(env.model.language)))
                return
            }
            marked.removeAll()
            env.open(.documentCompare(DocumentCompareView(left: DocumentRef(vendor: vendor, document: pair[0], version: nil),
                                                          right: DocumentRef(vendor: vendor, document: pair[1], version: nil))))
        case .openSource:
            env.openURL(doc.url, title: doc.title.text(env.model.language))
        case .counterpart:
            DocumentCompareView.openCounterpart(of: doc, version: nil, at: nil, &env)
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
        marked = marked.filter { env.catalog.document(vendor: vendor, id: $0) != nil }
        list.select(list.selected, count: documents(env.catalog).count)
        return true
    }

    func clickableCount(_ env: ViewEnv) -> Int { documents(env.catalog).count }
    static var followAction: Action { .open }

    /// A title without the vendor's name it starts with (the header names the vendor), so
    /// narrow screens keep what tells documents apart: `DeepSeek Terms of Use` → `Terms of Use`.
    static func shortTitle(_ title: String, vendor: String) -> String {
        title.dropping(lead: vendor, separators: " 　:-–", requireSeparator: true)
    }

    func render(_ model: BrowserModel, size: Size, into buffer: inout CellBuffer) -> [String] {
        guard let v = model.catalog.vendor(vendor) else { return [] }
        let t = model.text
        Drawing.header([Span(v.name, Style(.title, [.bold])), Span(" — " + t.documents, .title)], size: size, into: &buffer)
        let items = v.documents.map { d -> ListItem in
            var versions = d.versions.isEmpty ? t.notLoaded : "\(t.versions(d.versions.count)) · \(d.newest?.date.description ?? "")"
            // The same terms in another language, one key away (L).
            if let other = model.catalog.counterparts(of: d).first { versions = "⇄ \(other.language)  " + versions }
            // `und` (a service's document, its language not declared) says nothing: left out.
            var spans = [Span(marked.contains(d.id) ? "*" : " ", Style(.heading, [.bold])),
                         Span(Self.shortTitle(d.title.text(model.language), vendor: v.name), Style(.normal, [.bold])), Span("  \(d.type)" + (d.language == "und" ? "" : " · \(d.language)"), .dim)]
            if d.role == .secondary { spans.append(Span("  [\(t.secondary)]", .dim)) }
            return ListItem(spans, trailing: [Span(versions, .dim)])
        }
        ListView.render(items, state: list, in: Layout.content(size), into: &buffer)
        return [v.name, marked.isEmpty ? t.documents : t.documents + " · " + t.marked(marked.count)]
    }
}
