import PolicyModel
import TerminalUI
import TextCells

enum DetailView {
    /// One line of the detail view, and the evidence item it belongs to (if any).
    struct Line {
        var spans: [Span]
        var evidence: Int?
    }

    static func lines(_ s: DetailScreen, model: BrowserModel, width: Int, policy: WidthPolicy) -> [Line] {
        let catalog = model.catalog
        let lang = model.language
        let t = model.text
        guard let vendor = catalog.vendor(s.verdict.vendor),
              let verdict = vendor.verdict(surface: s.verdict.surface, question: s.verdict.question) else { return [] }
        var out: [Line] = []
        func add(_ spans: [Span], _ evidence: Int? = nil) { out.append(Line(spans: spans, evidence: evidence)) }
        func addWrapped(_ text: String, style: Style = .normal, indent: Int = 1, evidence: Int? = nil) {
            for line in Browser.wrap(text, width: width, style: style, indent: indent, policy: policy) { add(line, evidence) }
        }
        addWrapped(catalog.question(verdict.question)?.title.text(lang) ?? verdict.question, style: Style(.heading))
        add([Span(" "), Browser.answerSpan(verdict.answer, lang), Span("   \(t.asOf) \(verdict.asOf)", .dim)])
        add([])
        addWrapped(verdict.summary.text(lang))
        if let advice = verdict.advice {
            add([])
            addWrapped(t.advice + ": " + advice.text(lang), style: Style(.normal, [.bold]))
        }
        if !verdict.examined.isEmpty {
            add([])
            addWrapped(t.examined + ": " + verdict.examined.joined(separator: ", "), style: Style(.dim))
        }
        add([])
        add([Span(" \(t.evidence) (\(verdict.evidence.count))", .heading)])
        if verdict.evidence.isEmpty { addWrapped(t.noEvidence, style: Style(.dim)) }
        for (i, e) in verdict.evidence.enumerated() {
            let r = model.resolve(e)
            let doc = catalog.document(vendor: e.vendor, id: e.document)
            var title = "[\(i + 1)] " + (doc?.title.text(lang) ?? e.documentRef)
            if let date = r.version?.date ?? e.version { title += " @\(date)" }
            if let section = r.anchor?.section { title += " §\(section)" }
            var head = [Span(" "), Span(title, Style(.normal, [.bold]))]
            if doc?.role == .secondary { head.append(Span(" [\(t.secondary)]", .dim)) }
            if let badge = t.status(r.status) {
                head.append(Span(" ⚠ " + badge, r.status == .unverified ? .dim : .warning))
            }
            add(head, i)
            addWrapped("“" + e.quote + "”", style: Style(.highlight), indent: 4, evidence: i)
            if let note = e.note { addWrapped("→ " + note.text(lang), style: Style(.dim), indent: 4, evidence: i) }
            add([], i)
        }
        return out
    }

    static func render(_ s: DetailScreen, model: BrowserModel, size: Size, into buffer: inout CellBuffer, crumbs: inout [String]) {
        let catalog = model.catalog
        guard let vendor = catalog.vendor(s.verdict.vendor) else { return }
        let surfaceName = vendor.surface(s.verdict.surface)?.name ?? s.verdict.surface
        crumbs += [vendor.name, surfaceName, s.verdict.question]
        Browser.header([Span("\(vendor.name) › \(surfaceName)", Style(.title, [.bold]))], size: size, into: &buffer)
        let area = Layout.content(size)
        let all = lines(s, model: model, width: area.width - 1, policy: buffer.policy)
        // Keep the selected evidence in view: its first line, and as much of it as fits.
        let first = all.firstIndex { $0.evidence == s.evidence.selected } ?? 0
        let last = all.lastIndex { $0.evidence == s.evidence.selected } ?? 0
        var top = 0
        if last >= top + area.height { top = last - area.height + 1 }
        if first < top { top = first }
        top = max(0, min(top, max(0, all.count - area.height)))
        for row in 0..<area.height where top + row < all.count {
            let line = all[top + row]
            let y = area.y + row
            let selected = line.evidence == s.evidence.selected && line.evidence != nil
            if selected { buffer.put("▌", x: area.x, y: y, style: Style(.selection)) }
            buffer.write(spans: line.spans, x: area.x + 1, y: y, clip: Rect(x: area.x + 1, y: y, width: area.width - 1, height: 1))
        }
    }
}
