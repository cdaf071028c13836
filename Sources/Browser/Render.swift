import PolicyModel
import TerminalUI
import TextCells

extension Browser {
    /// Draws the state into a new buffer of the state's size.
    public static func render(_ state: BrowserState, model: BrowserModel) -> CellBuffer {
        var buffer = CellBuffer(width: max(0, state.size.width), height: max(0, state.size.height), policy: model.policy)
        render(state, model: model, into: &buffer)
        return buffer
    }

    public static func render(_ state: BrowserState, model: BrowserModel, into buffer: inout CellBuffer) {
        buffer.clear()
        guard buffer.width > 0, buffer.height > 0 else { return }
        if Layout.isTooSmall(state.size) {
            let lines = model.text.tooSmall(width: state.size.width, height: state.size.height, needW: MinimumSize.width, needH: MinimumSize.height)
            Overlay.message(lines.joined(separator: "\n"), in: buffer.bounds, into: &buffer)
            return
        }
        var crumbs: [String] = ["termlens"]
        switch state.screen {
        case .vendors(let s): VendorListView.render(s, model: model, size: state.size, into: &buffer, crumbs: &crumbs)
        case .matrix(let s): MatrixView.render(s, model: model, size: state.size, into: &buffer, crumbs: &crumbs)
        case .detail(let s): DetailView.render(s, model: model, size: state.size, into: &buffer, crumbs: &crumbs)
        case .clause(let s): ClauseView.render(s, model: model, size: state.size, into: &buffer, crumbs: &crumbs)
        case .documents(let s): DocumentListView.render(s, model: model, size: state.size, into: &buffer, crumbs: &crumbs)
        case .timeline(let s): TimelineView.render(s, model: model, size: state.size, into: &buffer, crumbs: &crumbs)
        case .search(let s): SearchView.render(s, model: model, size: state.size, into: &buffer, crumbs: &crumbs)
        case .versions(let s): VersionsView.render(s, model: model, size: state.size, into: &buffer, crumbs: &crumbs)
        case .diff(let s): DiffView.render(s, model: model, size: state.size, into: &buffer, crumbs: &crumbs)
        case .compare(let s): CompareView.render(s, model: model, size: state.size, into: &buffer, crumbs: &crumbs)
        case .documentCompare(let s): DocumentCompareView.render(s, model: model, size: state.size, into: &buffer, crumbs: &crumbs)
        }
        var hints = model.keymap.hints(in: state.screen.contexts)
        // `? help` is the one hint that must survive a narrow status bar: it leads to all the others.
        if let help = hints.firstIndex(where: { $0.keys == "?" }) { hints.insert(hints.remove(at: help), at: 0) }
        if let message = state.message {
            hints = [Hint(keys: "", label: message)] + hints
        }
        StatusBar.render(breadcrumb: crumbs, hints: hints, in: Layout.statusBar(state.size), into: &buffer)
        if state.showHelp {
            Overlay.help(model.keymap, contexts: state.screen.contexts, title: model.text.help, scroll: state.helpScroll,
                         in: Layout.body(state.size), into: &buffer)
        }
    }

    /// The header line of a view.
    static func header(_ spans: [Span], size: Size, into buffer: inout CellBuffer) {
        let row = Rect(x: 0, y: 0, width: size.width, height: 1)
        buffer.fill(row, style: Style(.title))
        buffer.write(spans: [Span(" ", .title)] + spans, x: 0, y: 0, clip: row)
    }

    /// The answer as symbol and word, styled by role but never by colour alone.
    static func answerSpan(_ answer: Answer, _ language: Language) -> Span {
        Span("\(answer.symbol) \(answer.word(language))", Style(answerRole(answer), [.bold]))
    }

    static func answerRole(_ answer: Answer) -> Role {
        switch answer {
        case .yes: return .answerYes
        case .no: return .answerNo
        case .conditional: return .answerConditional
        case .silent: return .answerSilent
        case .notApplicable: return .answerNotApplicable
        case .unknown: return .answerUnknown
        }
    }

    /// Wraps text into lines of spans in one style.
    static func wrap(_ text: String, width: Int, style: Style = .normal, indent: Int = 0, policy: WidthPolicy) -> [[Span]] {
        guard width - indent > 0 else { return [] }
        let wrapped = WrappedText(text, width: width - indent, policy: policy)
        let pad = String(repeating: " ", count: indent)
        return wrapped.lines.indices.map { [Span(pad + wrapped.text(ofLine: $0), style)] }
    }
}
