import PolicyModel
import TerminalUI
import TextCells

enum ClauseView {
    static func render(_ s: ClauseScreen, model: BrowserModel, size: Size, into buffer: inout CellBuffer, crumbs: inout [String]) {
        let catalog = model.catalog
        let lang = model.language
        guard let doc = catalog.document(vendor: s.vendor, id: s.document) else { return }
        crumbs += [catalog.vendor(s.vendor)?.name ?? s.vendor, doc.id]
        guard let loaded = ClausePane.load(s, size: size, model: model) else {
            renderNotLoaded(s, doc: doc, model: model, size: size, into: &buffer, crumbs: &crumbs)
            return
        }
        let sections = loaded.prepared.sections
        let topOffset = ClausePane.lineStart(loaded.wrapped, s.pane.top)
        let focusOffset = s.current?.lowerBound ?? topOffset
        let section = sections.section(at: focusOffset)
        crumbs[crumbs.count - 1] = "\(doc.id)@\(loaded.version.date)" + (section.map { " §\($0.label)" } ?? "")

        var head = [Span(doc.title.text(lang), Style(.title, [.bold])), Span(" @\(loaded.version.date)", .title)]
        if let section { head.append(Span("  §" + section.label, Style(.title, [.bold]))) }
        if doc.role == .secondary { head.append(Span("  [\(model.text.secondary)]", .title)) }
        Browser.header(head, size: size, into: &buffer)

        let layout = Layout.clause(size)
        if let outlineRect = layout.outline {
            let all = sections.sections
            if all.isEmpty {
                buffer.write(spans: [Span(" " + model.text.outline + ": –", .dim)], x: outlineRect.x, y: outlineRect.y, clip: outlineRect)
            } else {
                // Only the rows on screen, from titles cut to the width once per document and width.
                let titles = model.outlineTitles(loaded.version, sections: all, width: outlineRect.width - 1)
                let first = s.outline.visibleOffset(height: outlineRect.height, count: all.count)
                for row in 0..<outlineRect.height {
                    let index = first + row
                    guard index < titles.count else { break }
                    let selected = index == s.outline.selected
                    let style = selected ? Style(s.focusOutline ? .selection : .selectionInactive) : Style(.normal)
                    let rowRect = outlineRect.row(row)
                    if selected { buffer.fill(rowRect, style: style) }
                    if selected { buffer.put("▸", x: rowRect.x, y: rowRect.y, style: style, clip: rowRect) }
                    buffer.write(titles[index], x: rowRect.x + 1, y: rowRect.y, style: style, clip: rowRect)
                }
            }
            for y in outlineRect.y..<outlineRect.maxY {
                buffer.put(buffer.policy.ambiguousIsWide ? "|" : "│", x: outlineRect.maxX, y: y, style: Style(.border))
            }
        }
        let passages = model.quotedPassages(in: loaded.doc, version: loaded.version)
        var highlights = passages.map { TextHighlight($0.start..<$0.end, .highlight) }
        if let current = s.current { highlights.append(TextHighlight(current, .strongHighlight)) }
        TextPane.render(loaded.wrapped, state: s.pane, highlights: highlights, in: Layout.clauseText(size), into: &buffer)
    }

    /// With no text loaded: the quote, its document and URL, and how to load the sources.
    static func renderNotLoaded(_ s: ClauseScreen, doc: PolicyDocument, model: BrowserModel, size: Size, into buffer: inout CellBuffer, crumbs: inout [String]) {
        let lang = model.language
        Browser.header([Span(doc.title.text(lang), Style(.title, [.bold])), Span(" — " + model.text.notLoaded, .title)], size: size, into: &buffer)
        let area = Layout.content(size).inset(left: 1, right: 1)
        var lines: [[Span]] = []
        if let ref = s.fallbackQuote, let index = s.fallbackEvidence,
           let verdict = model.catalog.vendor(ref.vendor)?.verdict(surface: ref.surface, question: ref.question),
           index < verdict.evidence.count {
            let e = verdict.evidence[index]
            var title = doc.ref
            if let v = e.version { title += "@\(v)" }
            lines.append([Span(title, Style(.normal, [.bold]))])
            lines += Browser.wrap("“" + e.quote + "”", width: area.width, style: Style(.strongHighlight), indent: 2, policy: buffer.policy)
            lines.append([])
        }
        for line in model.text.howToLoad(doc) {
            lines += Browser.wrap(line, width: area.width, style: Style(.dim), policy: buffer.policy)
        }
        for (i, line) in lines.prefix(area.height).enumerated() {
            buffer.write(spans: line, x: area.x, y: area.y + i, clip: area.row(i))
        }
    }
}
