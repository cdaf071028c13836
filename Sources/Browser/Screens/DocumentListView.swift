import PolicyModel
import TerminalUI
import TextCells

enum DocumentListView {
    static func render(_ s: DocumentListScreen, model: BrowserModel, size: Size, into buffer: inout CellBuffer, crumbs: inout [String]) {
        guard let vendor = model.catalog.vendor(s.vendor) else { return }
        let t = model.text
        crumbs += [vendor.name, t.documents]
        Browser.header([Span(vendor.name, Style(.title, [.bold])), Span(" — " + t.documents, .title)], size: size, into: &buffer)
        let items = vendor.documents.map { d -> ListItem in
            let versions = d.versions.isEmpty ? t.notLoaded : "\(d.versions.count) \(t.versions) · \(d.newest?.date.description ?? "")"
            var spans = [Span(d.title.text(model.language), Style(.normal, [.bold])), Span("  \(d.type) · \(d.language)", .dim)]
            if d.role == .secondary { spans.append(Span("  [\(t.secondary)]", .dim)) }
            return ListItem(spans, trailing: [Span(versions, .dim)])
        }
        ListView.render(items, state: s.list, in: Layout.content(size), into: &buffer)
    }
}

enum TimelineView {
    static func render(_ s: TimelineScreen, model: BrowserModel, size: Size, into buffer: inout CellBuffer, crumbs: inout [String]) {
        guard let vendor = model.catalog.vendor(s.vendor) else { return }
        let t = model.text
        crumbs += [vendor.name, t.timeline]
        Browser.header([Span(vendor.name, Style(.title, [.bold])), Span(" — " + t.timeline, .title)], size: size, into: &buffer)
        let items = Timeline.entries(s.vendor, model: model).map { e in
            ListItem([
                Span(e.date.description + "  ", .dim),
                Span(e.isEvent ? "● " : "○ ", e.isEvent ? .heading : .dim),
                Span(e.title, e.isEvent ? Style(.normal, [.bold]) : .normal),
            ], trailing: [Span(e.isEvent ? "" : e.detail, .dim)])
        }
        ListView.render(items, state: s.list, in: Layout.content(size), into: &buffer)
    }
}
