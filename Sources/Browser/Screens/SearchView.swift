import PolicyModel
import TerminalUI
import TextCells

enum SearchView {
    static func render(_ s: SearchScreen, model: BrowserModel, size: Size, into buffer: inout CellBuffer, crumbs: inout [String]) {
        let t = model.text
        crumbs.append(t.search)
        let header = Rect(x: 0, y: 0, width: size.width, height: 1)
        let count = s.searched.isEmpty ? "" : "  " + t.hits(s.matches.count, limit: SearchActions.limit)
        let countWidth = count.cellWidth(buffer.policy)
        let promptRect = Rect(x: 0, y: 0, width: max(1, size.width - countWidth), height: 1)
        _ = PromptLine.render(prefix: " / ", state: s.prompt, focused: s.focusPrompt, in: promptRect, into: &buffer)
        buffer.write(spans: [Span(count, .dim)], x: size.width - countWidth, y: 0, clip: header)

        let area = Layout.content(size)
        let top = s.list.visibleOffset(height: area.height, count: s.matches.count)
        for row in 0..<area.height {
            let index = top + row
            guard index < s.matches.count else { break }
            let hit = model.describe(s.matches[index])
            let selected = index == s.list.selected
            let y = area.y + row
            let rowRect = area.row(row)
            let base = selected ? Style(s.focusPrompt ? .selectionInactive : .selection) : .normal
            buffer.fill(rowRect, style: base)
            var place = hit.documentRef
            if let v = hit.version { place += "@\(v)" }
            if let section = hit.section { place += " §\(section)" }
            if hit.kind == .quote { place = "❝ " + place }
            let placeText = place.truncated(toWidth: max(10, min(56, area.width / 2)), policy: buffer.policy)
            var spans = [Span(selected ? "▸" : " ", base), Span(placeText, base.adding(.bold)), Span("  ", base)]
            let snippet = Array(hit.snippet.unicodeScalars)
            let lo = min(hit.snippetMatch.lowerBound, snippet.count)
            let hi = min(max(lo, hit.snippetMatch.upperBound), snippet.count)
            func str(_ r: Range<Int>) -> String { String(String.UnicodeScalarView(snippet[r])) }
            spans += [Span(str(0..<lo), base), Span(str(lo..<hi), Style(.strongHighlight, [.underline])), Span(str(hi..<snippet.count), base)]
            buffer.write(spans: spans, x: area.x, y: y, clip: rowRect)
        }
    }
}
