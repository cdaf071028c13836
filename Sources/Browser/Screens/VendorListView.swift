import PolicyModel
import TerminalUI
import TextCells

enum VendorListView {
    static func render(_ s: VendorListScreen, model: BrowserModel, size: Size, into buffer: inout CellBuffer, crumbs: inout [String]) {
        let t = model.text
        crumbs.append(t.vendors)
        let catalog = model.catalog
        let others = catalog.vendors.count - catalog.analysedVendors.count
        let sourcesNote = catalog.sources.isEmpty ? " · " + t.notLoaded : others > 0 ? " · " + t.servicesWithoutVerdicts(others) : ""
        Browser.header([Span("termlens", Style(.title, [.bold])), Span(" — " + t.vendors + sourcesNote, .title)], size: size, into: &buffer)
        let area = Layout.content(size)
        let nameWidth = min(16, max(8, area.width / 4))
        let items: [ListItem] = catalog.vendors.map { v in
            // Services of the sources without verdicts follow the analysed vendors.
            guard v.analysed else {
                let versions = v.documents.reduce(0) { $0 + $1.versions.count }
                return ListItem([Span(v.name.padded(toWidth: nameWidth, policy: buffer.policy)), Span("      " + t.notAnalysed, .dim)],
                                trailing: [Span("\(t.documentCount(v.documents.count)) · \(t.versionCount(versions))", .dim)])
            }
            func n(_ a: Answer) -> Int { v.verdicts.filter { $0.answer == a }.count }
            let counts = [Answer.yes, .no, .conditional, .silent, .unknown].map { "\($0.symbol)\(n($0))" }.joined(separator: " ")
            let surfaces = v.surfaces.map(\.id).joined(separator: ", ")
            return ListItem([
                Span(v.name.padded(toWidth: nameWidth, policy: buffer.policy), Style(.normal, [.bold])),
                Span(" " + (v.country ?? "  ") + "  ", .dim),
                Span(surfaces),
            ], trailing: [Span(counts, .dim)])
        }
        let legendHeight = area.height > 8 ? 2 : 0
        let listRect = Rect(x: area.x, y: area.y, width: area.width, height: area.height - legendHeight)
        ListView.render(items, state: s.list, in: listRect, into: &buffer)
        if legendHeight > 0 {
            let legend = Answer.allCases.map { "\($0.symbol) \($0.word(model.language))" }.joined(separator: "  ")
            buffer.write(spans: [Span(" " + legend, .dim)], x: area.x, y: area.maxY - 1, clip: area.row(area.height - 1))
        }
    }
}
