import PolicyModel
import TerminalUI
import TextCells

enum MatrixView {
    static func render(_ s: MatrixScreen, model: BrowserModel, size: Size, into buffer: inout CellBuffer, crumbs: inout [String]) {
        let catalog = model.catalog
        guard let vendor = catalog.vendor(s.vendor) else { return }
        let lang = model.language
        crumbs.append(vendor.name)
        var head = [Span(vendor.name, Style(.title, [.bold]))]
        if let legal = vendor.legalName { head.append(Span(" — " + legal, .title)) }
        if let country = vendor.country { head.append(Span(" (\(country))", .title)) }
        Browser.header(head, size: size, into: &buffer)

        let area = Layout.content(size)
        let questions = catalog.questions
        // The table on top, the selected verdict's summary below it.
        let tableHeight = min(area.height, questions.count + 1)
        let columns = vendor.surfaces.map { TableColumn($0.name.truncated(toWidth: 18, policy: buffer.policy), width: max(13, min(18, $0.name.cellWidth(buffer.policy)))) }
        // The question column takes what the surface columns leave, within reason.
        let surfacesWidth = columns.reduce(0) { $0 + $1.width + 1 }
        let pinned = max(16, min(64, area.width - surfacesWidth - 1))
        let rows = questions.enumerated().map { (i, q) in
            TableRow(header: [Span("\(i + 1) ", .dim), Span(q.title.text(lang))],
                     cells: vendor.surfaces.map { surface in
                         guard let v = vendor.verdict(surface: surface.id, question: q.id) else { return [Span("·", .dim)] }
                         return [Browser.answerSpan(v.answer, lang)]
                     })
        }
        let table = TableView(corner: model.text.question, pinnedWidth: pinned, columns: columns, rows: rows)
        table.render(state: s.table, in: Rect(x: area.x, y: area.y, width: area.width, height: tableHeight), into: &buffer)

        let below = Rect(x: area.x, y: area.y + tableHeight + 1, width: area.width, height: max(0, area.height - tableHeight - 1))
        guard below.height > 0, s.table.row < questions.count, s.table.column < vendor.surfaces.count else { return }
        let surface = vendor.surfaces[s.table.column]
        let question = questions[s.table.row]
        crumbs.append(surface.name)
        var lines: [[Span]] = [[Span(" \(surface.name) · \(question.title.text(lang))", .heading)]]
        if let v = vendor.verdict(surface: surface.id, question: question.id) {
            lines.append([Span(" "), Browser.answerSpan(v.answer, lang), Span("  \(model.text.asOf) \(v.asOf)", .dim)])
            lines += Browser.wrap(v.summary.text(lang), width: below.width, indent: 1, policy: buffer.policy)
        } else {
            lines.append([Span(" " + model.text.noVerdict, .dim)])
        }
        for (i, line) in lines.prefix(below.height).enumerated() {
            buffer.write(spans: line, x: below.x, y: below.y + i, clip: below.row(i))
        }
    }
}
