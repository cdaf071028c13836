import PolicyModel
import TerminalUI
import TextCells

/// The clause pane's behaviour: opening at a quote or a section, scrolling, stepping
/// through quoted passages, and keeping its place when the terminal is resized.
enum ClausePane {
    /// A clause screen for one piece of evidence, at the version it cites.
    static func screen(for e: Evidence, from verdict: VerdictRef, index: Int, model: BrowserModel) -> ClauseScreen {
        let r = model.resolve(e)
        var s = ClauseScreen(vendor: e.vendor, document: e.document, version: r.version?.date ?? e.version)
        if let a = r.anchor { s.current = a.start..<a.end }
        s.fallbackQuote = verdict
        s.fallbackEvidence = index
        return s
    }

    struct Loaded {
        var doc: PolicyDocument
        var version: DocumentVersion
        var wrapped: WrappedText
        var prepared: PreparedText
    }

    /// The document version of a clause screen, wrapped to the current text width.
    static func load(_ s: ClauseScreen, size: Size, model: BrowserModel) -> Loaded? {
        guard let doc = model.catalog.document(vendor: s.vendor, id: s.document), let version = doc.version(s.version) else { return nil }
        let width = Layout.clauseText(size).width
        guard width > 0, let (wrapped, prepared) = model.wrappedText(version, width: width) else { return nil }
        return Loaded(doc: doc, version: version, wrapped: wrapped, prepared: prepared)
    }

    /// Scrolls a freshly opened clause screen to its quote or section.
    static func prepare(_ state: inout BrowserState, model: BrowserModel) {
        guard case .clause(var s) = state.screen, let loaded = load(s, size: state.size, model: model) else { return }
        let height = Layout.clauseText(state.size).height
        if let current = s.current {
            s.pane.reveal(offset: current.lowerBound, in: loaded.wrapped, height: height)
        } else if let label = s.section, let section = loaded.prepared.sections.section(labelled: label) {
            s.pane.top = min(loaded.wrapped.line(containing: section.start), max(0, loaded.wrapped.lines.count - 1))
            let passages = model.quotedPassages(in: loaded.doc, version: loaded.version)
            let next = loaded.prepared.sections.sections.first { $0.start > section.start && $0.level <= section.level }?.start ?? Int.max
            if let first = passages.first(where: { $0.start >= section.start && $0.start < next }) {
                s.current = first.start..<first.end
            }
        } else if s.section != nil {
            state.message = "§\(s.section ?? "") ?"
        }
        syncOutline(&s, loaded, height: height)
        s.anchorOffset = lineStart(loaded.wrapped, s.pane.top)
        s.revealedWidth = loaded.wrapped.width
        state.screen = .clause(s)
    }

    /// After a resize or a return to this screen: re-wrap around the same text.
    static func relayout(_ state: inout BrowserState, model: BrowserModel) {
        guard case .clause(var s) = state.screen, let loaded = load(s, size: state.size, model: model) else { return }
        guard s.revealedWidth != loaded.wrapped.width else { return }
        if let anchor = s.anchorOffset {
            s.pane.top = min(loaded.wrapped.line(containing: anchor), max(0, loaded.wrapped.lines.count - 1))
        }
        s.revealedWidth = loaded.wrapped.width
        state.screen = .clause(s)
    }

    static func lineStart(_ wrapped: WrappedText, _ line: Int) -> Int {
        guard line >= 0, line < wrapped.lines.count else { return 0 }
        return wrapped.lines[line].range.lowerBound
    }

    /// Selects, in the outline, the section of the current quote (or of the top line), centred.
    static func syncOutline(_ s: inout ClauseScreen, _ loaded: Loaded, height: Int, followTop: Bool = false) {
        let offset = (followTop ? nil : s.current.map(\.lowerBound)) ?? lineStart(loaded.wrapped, s.pane.top)
        let sections = loaded.prepared.sections.sections
        s.outline.selected = max(0, (sections.lastIndex { $0.start <= offset }) ?? 0)
        s.outline.offset = max(0, s.outline.selected - height / 2)
    }

    static func perform(_ action: String, _ state: inout BrowserState, model: BrowserModel) {
        guard case .clause(var s) = state.screen, let loaded = load(s, size: state.size, model: model) else { return }
        let height = Layout.clauseText(state.size).height
        let lineCount = loaded.wrapped.lines.count
        let sections = loaded.prepared.sections.sections
        let hasOutline = Layout.clause(state.size).outline != nil && !sections.isEmpty
        if s.focusOutline && hasOutline {
            switch action {
            case "up": s.outline.move(by: -1, count: sections.count)
            case "down": s.outline.move(by: 1, count: sections.count)
            case "top": s.outline.select(0, count: sections.count)
            case "bottom": s.outline.select(sections.count - 1, count: sections.count)
            case "pageUp": s.outline.move(by: -height, count: sections.count)
            case "pageDown": s.outline.move(by: height, count: sections.count)
            case "right": s.focusOutline = false
            case "open":
                if s.outline.selected < sections.count {
                    s.pane.top = min(loaded.wrapped.line(containing: sections[s.outline.selected].start), max(0, lineCount - height))
                    s.focusOutline = false
                }
            default: break
            }
        } else {
            switch action {
            case "up": s.pane.scroll(by: -1, lineCount: lineCount, height: height)
            case "down": s.pane.scroll(by: 1, lineCount: lineCount, height: height)
            case "pageUp": s.pane.scroll(by: -max(1, height - 2), lineCount: lineCount, height: height)
            case "pageDown": s.pane.scroll(by: max(1, height - 2), lineCount: lineCount, height: height)
            case "top": s.pane.top = 0
            case "bottom": s.pane.scroll(by: lineCount, lineCount: lineCount, height: height)
            case "left": if hasOutline { s.focusOutline = true }
            case "nextQuote", "previousQuote":
                if s.fromSearch {
                    state.screen = .clause(s)
                    _ = SearchActions.step(action == "nextQuote", &state, model: model)
                    return
                }
                let passages = model.quotedPassages(in: loaded.doc, version: loaded.version)
                guard !passages.isEmpty else {
                    state.message = model.text.noQuotesHere
                    return
                }
                let from = s.current?.lowerBound ?? lineStart(loaded.wrapped, s.pane.top) - 1
                let next = action == "nextQuote"
                    ? passages.first { $0.start > from } ?? passages[0]
                    : passages.last { $0.start < from } ?? passages[passages.count - 1]
                s.current = next.start..<next.end
                s.pane.reveal(offset: next.start, in: loaded.wrapped, height: height)
                let n = (passages.firstIndex(of: next) ?? 0) + 1
                state.message = "\(model.text.quoteOf) \(n)/\(passages.count)" + (next.section.map { " · §\($0)" } ?? "")
            case "open":
                let passages = model.quotedPassages(in: loaded.doc, version: loaded.version)
                if let current = s.current, let p = passages.first(where: { $0.start == current.lowerBound && $0.end == current.upperBound }) {
                    state.screen = .clause(s)
                    var detail = DetailScreen(verdict: p.cite)
                    detail.evidence.selected = p.evidenceIndex
                    state.open(.detail(detail))
                    return
                }
            default: break
            }
            syncOutline(&s, loaded, height: height, followTop: !["nextQuote", "previousQuote"].contains(action))
        }
        s.anchorOffset = lineStart(loaded.wrapped, s.pane.top)
        state.screen = .clause(s)
    }
}
