import PolicyModel
import TerminalUI
import TextCells

/// The search: a prompt over results that update as you type. While the prompt has the focus
/// keys edit the query; Enter opens the selected hit, and the results keep their place for `<`.
public struct SearchView: ListClicking {
    public var prompt: PromptState
    public var focusPrompt = true
    public var list = ListState()
    /// Matches of `searched`, in rank order (the current document's first when searching from the reader).
    public var matches: [SearchIndex.Match] = []
    public var searched = ""
    /// The query changed since the last search (searches run once per batch of keys).
    public var pending = false
    /// Search from the reader: that document version's hits come first.
    public var preferred: PreferredDocument?

    public struct PreferredDocument: Hashable, Sendable {
        public var vendor: String
        public var document: String
        public var version: SimpleDate?
    }

    public init(history: [String]) {
        prompt = PromptState(history: history)
    }

    /// At most this many matches are kept per query.
    static let limit = 2_000

    enum Action: Hashable, Sendable {
        case open, cancel
        /// ↑/↓ in the prompt: through the results, or the history while the prompt is empty.
        case arrow(up: Bool)
        case move(ListMove)
        case history(older: Bool)
        case edit(PromptEdit)
    }

    static func promptTable(_ t: UIText) -> KeyTable<Action> {
        KeyTable(t.pick("Search prompt", "搜索框"), [
            Binding(named("Enter"), .open, hint: t.pick("open", "打开"), help: t.pick("Open the selected hit in its clause", "在原文中打开所选结果")),
            Binding(named("Esc"), .cancel, hint: t.pick("cancel", "取消"), help: t.pick("Cancel and return to the view you had", "取消并回到原来的视图")),
            Binding(named("↑", "↓"), each: { .arrow(up: $0 == .up) }, help: t.pick("Move in the results (on an empty prompt: the history)", "在结果中移动（输入为空时：历史）")),
            Binding(named("PgUp", "PgDn"), each: { .move($0 == .pageUp ? .pageUp : .pageDown) }, help: t.pick("A page of results up / down", "结果上翻 / 下翻一页")),
            Binding(named("C-p", "C-n"), each: { .history(older: $0 == .control("p")) }, help: t.pick("Previous / next query from the history", "历史中的上一条 / 下一条")),
        ] + promptEditBindings(t, Action.edit))
    }

    static func resultsTable(_ t: UIText) -> KeyTable<Action> {
        KeyTable(t.pick("Search results", "搜索结果"), [
            Binding(named("Enter"), .open, hint: t.pick("open", "打开"), help: t.pick("Open the selected hit in its clause", "在原文中打开所选结果")),
        ])
    }

    static func keys(_ t: UIText) -> [KeyTable<Action>] {
        [promptTable(t), resultsTable(t), ListMove.table(t).map(Action.move)]
    }

    func activeKeys(_ t: UIText) -> [KeyTable<Action>] {
        focusPrompt ? [Self.promptTable(t)] : [Self.resultsTable(t), ListMove.table(t).map(Action.move)]
    }

    var usesGlobalKeys: Bool { !focusPrompt }

    var screen: Screen { .search(self) }

    mutating func unbound(_ key: Key, _ env: inout ViewEnv) -> Bool {
        guard focusPrompt, case .character(let c) = key else { return false }
        update(.edit(.insert(c)), &env)
        return true
    }

    mutating func update(_ action: Action, _ env: inout ViewEnv) {
        let height = Layout.content(env.size).height
        switch action {
        case .open:
            if focusPrompt {
                _ = prompt.submit()
                env.searchHistory = prompt.history
                focusPrompt = false
                settle(&env)
            }
            openSelected(&env)
        case .cancel:
            _ = prompt.cancel()
            env.cancelled = true
        case .arrow(let up):
            if prompt.text.isEmpty {
                if prompt.recall(older: up) == .edited { pending = true }
            } else {
                (up ? ListMove.up : .down).apply(to: &list, count: matches.count, height: height)
            }
        case .move(let move):
            move.apply(to: &list, count: matches.count, height: height)
        case .history(let older):
            if prompt.recall(older: older) == .edited { pending = true }
        case .edit(let edit):
            if prompt.apply(edit) == .edited {
                pending = true
                list = ListState()
            }
        }
    }

    /// Runs the query if it changed: once per batch of keys, not once per key.
    mutating func settle(_ env: inout ViewEnv) {
        guard pending else { return }
        pending = false
        searched = prompt.text
        let query = SearchQuery(searched)
        guard !query.terms.isEmpty else {
            matches = []
            return
        }
        let index = env.model.searchIndex
        var found = index.matches(query, limit: Self.limit)
        if let p = preferred {
            let here = found.filter { m in
                let u = index.units[m.unit]
                return u.kind == .document && u.vendor == p.vendor && u.document == p.document && u.version?.date == p.version
            }
            found = here + found.filter { !here.contains($0) }
        }
        matches = found
        list.select(min(list.selected, max(0, found.count - 1)), count: found.count)
    }

    /// Describes the hits on screen (reading the bytes around each).
    mutating func prepare(_ env: inout ViewEnv) {
        let height = Layout.content(env.size).height
        let top = list.visibleOffset(height: height, count: matches.count)
        for m in matches.dropFirst(top).prefix(height) { env.model.loadHit(m) }
    }

    mutating func reloaded(_ env: inout ViewEnv) -> Bool {
        matches = []
        pending = true
        return true
    }

    /// Opens the selected hit in the reader (or, for a quote whose text is not loaded, its verdict).
    mutating func openSelected(_ env: inout ViewEnv) {
        guard list.selected < matches.count else {
            env.say(env.text.noHits)
            return
        }
        env.searchCursor = SearchCursor(matches: matches, index: list.selected)
        if let screen = Self.screen(for: matches[list.selected], model: env.model) { env.open(screen) }
    }

    static func screen(for match: SearchIndex.Match, model: BrowserModel) -> Screen? {
        let hit = model.loadHit(match)
        if let start = hit.start, let end = hit.end, model.catalog.document(vendor: hit.vendor, id: hit.document) != nil {
            var reader = ReaderView(vendor: hit.vendor, document: hit.document, version: hit.version)
            reader.current = start..<end
            return .reader(reader)
        }
        if let surface = hit.surface, let question = hit.question {
            return .detail(DetailView(verdict: VerdictRef(vendor: hit.vendor, surface: surface, question: question)))
        }
        return nil
    }

    /// `/`: a new search, or back to the query when the results are on screen.
    static func start(_ state: inout BrowserState, _ model: BrowserModel) {
        if case .search(var s) = state.screen {
            s.focusPrompt = true
            state.screen = .search(s)
            return
        }
        var s = SearchView(history: state.searchHistory)
        if case .reader(let r) = state.screen, let (doc, version) = r.document(model.catalog) {
            s.preferred = PreferredDocument(vendor: doc.vendor, document: doc.id, version: version.date)
        }
        Browser.open(.search(s), &state, model)
    }

    /// `n` / `N`: the next or previous hit of the last search, in place of the hit shown.
    static func step(forward: Bool, _ state: inout BrowserState, _ model: BrowserModel) {
        guard var cursor = state.searchCursor, !cursor.matches.isEmpty else {
            state.message = model.text.noSearch
            return
        }
        let count = cursor.matches.count
        cursor.index = (cursor.index + (forward ? 1 : count - 1)) % count
        state.searchCursor = cursor
        let match = cursor.matches[cursor.index]
        guard let next = screen(for: match, model: model) else { return }
        switch state.screen {
        case .reader, .detail: Browser.replace(with: next, &state, model)
        default: Browser.open(next, &state, model)
        }
        let hit = model.loadHit(match)
        state.message = "\(cursor.index + 1)/\(count) · \(hit.documentRef)" + (hit.section.map { " §\($0)" } ?? "")
    }

    func clickableCount(_ env: ViewEnv) -> Int { matches.count }
    static var followAction: Action { .open }

    func render(_ model: BrowserModel, size: Size, into buffer: inout CellBuffer) -> [String] {
        let t = model.text
        let header = Rect(x: 0, y: 0, width: size.width, height: 1)
        let count = searched.isEmpty ? "" : "  " + t.hits(matches.count, limit: Self.limit)
        let countWidth = count.cellWidth(buffer.policy)
        PromptLine.render(prefix: " / ", state: prompt, focused: focusPrompt, in: Rect(x: 0, y: 0, width: max(1, size.width - countWidth), height: 1), into: &buffer)
        buffer.write(spans: [Span(count, .dim)], x: size.width - countWidth, y: 0, clip: header)

        let area = Layout.content(size)
        let top = list.visibleOffset(height: area.height, count: matches.count)
        for row in 0..<area.height {
            let index = top + row
            guard index < matches.count else { break }
            let selected = index == list.selected
            let rowRect = area.row(row)
            let base = selected ? Style(focusPrompt ? .selectionInactive : .selection) : .normal
            buffer.fill(rowRect, style: base)
            var spans = [Span(selected ? "▸" : " ", base)]
            if let hit = model.hit(matches[index]) {
                var place = hit.documentRef
                if let v = hit.version { place += "@\(v)" }
                if let section = hit.section { place += " §\(section)" }
                if hit.kind == .quote { place = "❝ " + place }
                spans += [Span(place.truncated(toWidth: max(10, min(56, area.width / 2)), policy: buffer.policy), base.adding(.bold)), Span("  ", base)]
                let snippet = Array(hit.snippet.unicodeScalars)
                let lo = min(hit.snippetMatch.lowerBound, snippet.count)
                let hi = min(max(lo, hit.snippetMatch.upperBound), snippet.count)
                func part(_ r: Range<Int>) -> String { String(String.UnicodeScalarView(snippet[r])) }
                spans += [Span(part(0..<lo), base), Span(part(lo..<hi), Style(.strongHighlight, [.underline])), Span(part(hi..<snippet.count), base)]
            }
            buffer.write(spans: spans, x: area.x, y: rowRect.y, clip: rowRect)
        }
        return [t.search]
    }
}

/// Where `n` / `N` are in the results of the last search.
public struct SearchCursor: Hashable, Sendable {
    public var matches: [SearchIndex.Match]
    public var index: Int
}
