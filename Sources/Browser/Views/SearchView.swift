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

    /// Each hit takes two rows: where it is (and what quotes it), then its snippet.
    var rowsPerItem: Int { 2 }

    /// Hits on a screen of `size`.
    static func visibleHits(_ size: Size) -> Int { max(1, Layout.content(size).height / 2) }

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
        let height = Self.visibleHits(env.size)
        switch action {
        case .open:
            if focusPrompt {
                _ = prompt.submit()
                env.searchHistory = prompt.history
                focusPrompt = false
                // Enter opens a hit: the index is waited for if another thread still builds it.
                search(&env, waiting: true)
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
    mutating func settle(_ env: inout ViewEnv) { search(&env, waiting: false) }

    /// While another thread builds the index, the query waits (the results say so) unless
    /// `waiting`.
    mutating func search(_ env: inout ViewEnv, waiting: Bool) {
        guard pending else { return }
        let query = SearchQuery(prompt.text)
        guard let index = query.terms.isEmpty ? nil : waiting ? env.model.searchIndex : env.model.searchIndexIfReady else {
            if query.terms.isEmpty { (pending, searched, matches) = (false, prompt.text, []) }
            return
        }
        pending = false
        searched = prompt.text
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
        let height = Self.visibleHits(env.size)
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
        let cursor = SearchCursor(matches: matches, index: list.selected)
        env.searchCursor = cursor
        if let screen = Self.screen(for: cursor, model: env.model) { env.open(screen) }
    }

    /// The reader at the cursor's hit (or, for a quote whose text is not loaded, its verdict),
    /// knowing which hit of how many it shows.
    static func screen(for cursor: SearchCursor, model: BrowserModel) -> Screen? {
        guard let match = cursor.matches[safe: cursor.index] else { return nil }
        let hit = model.loadHit(match)
        // A hit that matched whole words has only those highlighted (not `outside` for `opt out`).
        let words = match.tier.isPrefix ? match.words : match.words.map { var w = $0; w.prefix = false; return w }
        let shown = ShownHit(position: cursor.index, count: cursor.matches.count, words: words)
        if let start = hit.start, let end = hit.end, model.catalog.document(vendor: hit.vendor, id: hit.document) != nil {
            var reader = ReaderView(vendor: hit.vendor, document: hit.document, version: hit.version)
            reader.current = start..<end
            reader.shownHit = shown
            return .reader(reader)
        }
        if let surface = hit.surface, let question = hit.question {
            var detail = DetailView(verdict: VerdictRef(vendor: hit.vendor, surface: surface, question: question))
            detail.shownHit = shown
            return .detail(detail)
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
        let from = cursor.index
        cursor.index = (cursor.index + (forward ? 1 : count - 1)) % count
        let next = screen(for: cursor, model: model)
        // From a reader, a hit in another document is announced first, and reached by
        // pressing the key again (less and vim stay in their file).
        if case .reader(let reader) = state.screen, state.pendingCrossing != cursor.index,
           case .reader(let target)? = next,
           let here = reader.document(model.catalog), let there = target.document(model.catalog),
           here.0.vendor != there.0.vendor || here.0.id != there.0.id || here.1.date != there.1.date {
            state.pendingCrossing = cursor.index
            let name = there.0.title.text(model.text.language)
            state.message = model.text.pick("No more hits in this document: \(forward ? "n" : "N") again goes to \(name)",
                                            "本文档中没有更多匹配：再按 \(forward ? "n" : "N") 前往《\(name)》")
            return
        }
        state.pendingCrossing = nil
        state.searchCursor = cursor
        // The status bar counts the hit (`3/72`) and its breadcrumb says where it is.
        guard let next else { return }
        switch state.screen {
        case .reader, .detail: Browser.replace(with: next, &state, model)
        default: Browser.open(next, &state, model)
        }
        selectShownHit(cursor, in: &state.back)
        if count > 1 && (forward ? cursor.index < from : cursor.index > from) {
            state.message = forward ? model.text.pick("Search wrapped: back at the first hit", "搜索已回绕：回到第一处")
                                    : model.text.pick("Search wrapped: back at the last hit", "搜索已回绕：回到最后一处")
        }
    }

    /// The results `<` goes back to select the hit last shown, so their count agrees with it
    /// and `n` goes on from the hit on screen.
    static func selectShownHit(_ cursor: SearchCursor, in screens: inout [Screen]) {
        guard let i = screens.lastIndex(where: { if case .search(let s) = $0 { s.matches == cursor.matches } else { false } }),
              case .search(var results) = screens[i] else { return }
        results.list.select(cursor.index, count: results.matches.count)
        screens[i] = .search(results)
    }

    /// A hit's first row: `❝` for a quote, where it is, and for a quote what it is (`quote ·
    /// document` when its document line matched too) and the verdicts citing it. What gives
    /// way on a narrow screen, in order: the verdicts, a long section title, the version; then
    /// the end is cut.
    static func placeSpans(_ hit: SearchHit, base: Style, width: Int, policy: WidthPolicy) -> [Span] {
        let bold = base.adding(.bold)
        var version = hit.version.map { "@\($0)" } ?? ""
        var section = hit.section.map { " §" + $0 } ?? ""
        let marker = hit.kind == .quote ? "❝ " : ""
        let kinds = hit.kind == .quote ? "  " + hit.kindsLabel : ""
        var citations = hit.kind == .quote && !hit.citedBy.isEmpty ? ": " + hit.citations : ""
        func spans() -> [Span] {
            [Span(marker, base), Span(hit.documentRef + version + section, bold), Span(kinds + citations, base)].filter { !$0.text.isEmpty }
        }
        var over = spans().cellWidth(policy) - width
        guard over > 0 else { return spans() }
        let citationsWidth = citations.cellWidth(policy)
        citations = citationsWidth - over >= 8 ? citations.truncated(toWidth: citationsWidth - over, policy: policy) : ""
        over = spans().cellWidth(policy) - width
        let sectionWidth = section.cellWidth(policy)
        if over > 0 && sectionWidth > 10 { section = section.truncated(toWidth: max(10, sectionWidth - over), policy: policy) }
        over = spans().cellWidth(policy) - width
        if over > 0 { version = "" }
        return spans()
    }

    /// How a query is read (in the `?` overlay, and in place of results while there are none),
    /// and what the rows show.
    func legend(_ model: BrowserModel, width: Int) -> [[Span]] {
        let t = model.text
        let items: [[Span]] = [
            [Span("opt out"), Span(" " + t.pick("words match words; the last also the start of one", "词匹配整词；最后一个也可匹配词首"), .dim)],
            [Span("opt-out opt/out"), Span(" " + t.pick("hyphens, slashes and spaces are alike", "连字符、斜杠与空格等同"), .dim)],
            [Span("\"…\""), Span(" " + t.pick("exactly that phrase", "精确短语"), .dim)],
            [Span("训练"), Span(" " + t.pick("Chinese: any substring", "中文：任意子串"), .dim)],
            [Span("v:openai"), Span(" " + t.pick("vendor", "厂商"), .dim)],
            [Span("d:privacy"), Span(" " + t.pick("document", "文档"), .dim)],
            [Span("q:retention"), Span(" " + t.pick("quotes of that question", "该问题的引文"), .dim)],
            [Span("lang:zh"), Span(" " + t.pick("language (ids starting so)", "语言（以此开头的 id）"), .dim)],
            [Span("@all"), Span(" " + t.pick("every version, not only the newest", "所有版本，不只最新"), .dim)],
            [Span("❝"), Span(" " + t.pick("a verdict quotes it (quote · document: its document line matched too)", "被结论引用（quote · document：文档中的这一行也匹配）"), .dim)],
            [Span("opt", Style(.match)), Span(" " + t.pick("a word of the query", "查询中的词"), .dim)],
        ]
        return Drawing.flow(items, width: max(1, width - 1), policy: model.policy).map { [Span(" ")] + $0 }
    }

    func clickableCount(_ env: ViewEnv) -> Int { matches.count }
    static var followAction: Action { .open }

    var statusCounter: String? {
        matches.isEmpty ? nil : ShownHit.counter(list.selected, of: matches.count)
    }

    func render(_ model: BrowserModel, size: Size, into buffer: inout CellBuffer) -> [String] {
        let t = model.text
        let header = Rect(x: 0, y: 0, width: size.width, height: 1)
        let count = searched.isEmpty ? "" : "  " + t.hits(matches.count, limit: Self.limit)
        let countWidth = count.cellWidth(buffer.policy)
        PromptLine.render(prefix: " / ", state: prompt, focused: focusPrompt, in: Rect(x: 0, y: 0, width: max(1, size.width - countWidth), height: 1), into: &buffer)
        buffer.write(spans: [Span(count, .dim)], x: size.width - countWidth, y: 0, clip: header)

        let area = Layout.content(size)
        if pending && model.buildingSearchIndex {
            buffer.write(spans: [Span(" " + t.buildingSearchIndex, .dim)], x: area.x, y: area.y + 1, clip: area.row(1))
            return [t.search]
        }
        if matches.isEmpty {
            // Nothing found yet: how to ask.
            Drawing.lines([[]] + legend(model, width: area.width), in: area, into: &buffer)
            return [t.search]
        }
        let perScreen = Self.visibleHits(size)
        let top = list.visibleOffset(height: perScreen, count: matches.count)
        for row in 0..<perScreen {
            let index = top + row
            guard index < matches.count else { break }
            let selected = index == list.selected
            let base = selected ? Style(focusPrompt ? .selectionInactive : .selection) : .normal
            let placeRow = area.row(2 * row), snippetRow = area.row(2 * row + 1)
            buffer.fill(placeRow, style: base)
            buffer.fill(snippetRow, style: base)
            let mark = Span(selected ? "▸ " : "  ", base)
            guard let hit = model.hit(matches[index]) else {
                buffer.write(spans: [mark], x: area.x, y: placeRow.y, clip: placeRow)
                continue
            }
            let place = Self.placeSpans(hit, base: base, width: placeRow.width - 2, policy: buffer.policy)
            buffer.write(spans: [mark] + place, x: area.x, y: placeRow.y, clip: placeRow)
            let snippet = SnippetLine.spans(hit.snippet, match: hit.snippetMatch, words: hit.matches, width: snippetRow.width - 4,
                                            base: base, found: Style(.match), policy: buffer.policy)
            buffer.write(spans: [Span("    ", base)] + snippet, x: area.x, y: snippetRow.y, clip: snippetRow)
        }
        return [t.search]
    }
}

/// Where `n` / `N` are in the results of the last search.
public struct SearchCursor: Hashable, Sendable {
    public var matches: [SearchIndex.Match]
    public var index: Int
}

/// The search hit a reader or a verdict shows (opened from the results, or by `n` / `N`):
/// which of how many, and the query's words (the reader highlights them).
public struct ShownHit: Hashable, Sendable {
    public var position: Int
    public var count: Int
    public var words: [SearchQuery.Word]

    var counter: String { Self.counter(position, of: count) }

    /// `3/72` (`3/2000+` when the results were cut at the limit).
    static func counter(_ position: Int, of count: Int) -> String {
        "\(position + 1)/\(count)" + (count >= SearchView.limit ? "+" : "")
    }
}
