import PolicyModel
import TerminalUI

/// The search view: a prompt over results that update as you type.
public struct SearchScreen: Hashable, Sendable {
    public var prompt: PromptState
    public var focusPrompt = true
    public var list = ListState()
    /// Matches of `searched`, in rank order (the current document's first when searching from a clause pane).
    public var matches: [SearchIndex.Match] = []
    public var searched = ""
    /// The query changed since the last search (searches run once per batch of keys).
    public var pending = false
    /// Search from a clause pane: that document version's hits come first.
    public var preferred: PreferredDocument?

    public struct PreferredDocument: Hashable, Sendable {
        public var vendor: String
        public var document: String
        public var version: SimpleDate?
    }

    public init(history: [String]) {
        prompt = PromptState(history: history)
    }
}

/// What the search view does with keys, and how a hit opens.
enum SearchActions {
    /// At most this many matches are kept per query.
    static let limit = 2_000

    /// `/` from any view.
    static func open(_ state: inout BrowserState, model: BrowserModel) {
        var s = SearchScreen(history: state.searchHistory)
        if case .clause(let c) = state.screen, let doc = model.catalog.document(vendor: c.vendor, id: c.document) {
            s.preferred = .init(vendor: c.vendor, document: c.document, version: doc.version(c.version)?.date)
        }
        state.open(.search(s))
    }

    static func handle(_ key: Key, _ s: inout SearchScreen, _ state: inout BrowserState, model: BrowserModel) {
        let count = s.matches.count
        if s.focusPrompt {
            var handled = true
            switch key {
            case .up where !s.prompt.text.isEmpty: s.list.move(by: -1, count: count)
            case .down where !s.prompt.text.isEmpty: s.list.move(by: 1, count: count)
            case .pageUp: s.list.move(by: -10, count: count)
            case .pageDown: s.list.move(by: 10, count: count)
            case .control("p"): _ = s.prompt.handle(.up); s.pending = true
            case .control("n"): _ = s.prompt.handle(.down); s.pending = true
            default: handled = false
            }
            if handled {
                state.screen = .search(s)
                return
            }
            switch s.prompt.handle(key) {
            case .edited:
                s.pending = true
                s.list = ListState()
            case .submitted(let text):
                state.searchHistory = s.prompt.history
                s.focusPrompt = false
                if s.searched != text { s.pending = true; settle(&s, model: model) }
                state.screen = .search(s)
                openSelected(&state, model: model)
                return
            case .cancelled:
                // Esc: back to the view you had.
                _ = state.goBack()
                state.forward.removeAll()
                ClausePane.relayout(&state, model: model)
                return
            case .moved, .ignored:
                break
            }
            state.screen = .search(s)
            return
        }
        switch key {
        case .character("/"): s.focusPrompt = true
        case .up, .character("k"): s.list.move(by: -1, count: count)
        case .down, .character("j"): s.list.move(by: 1, count: count)
        case .home, .character("g"): s.list.select(0, count: count)
        case .end, .character("G"): s.list.select(count - 1, count: count)
        case .pageUp, .control("u"), .character("b"): s.list.move(by: -10, count: count)
        case .pageDown, .control("d"), .character(" "): s.list.move(by: 10, count: count)
        case .enter:
            state.screen = .search(s)
            openSelected(&state, model: model)
            return
        default:
            state.screen = .search(s)
            _ = Browser.handleGlobal(key, &state, model: model)
            return
        }
        state.screen = .search(s)
    }

    /// Runs the query if it changed: once per batch of keys, not once per key.
    static func settle(_ s: inout SearchScreen, model: BrowserModel) {
        guard s.pending else { return }
        s.pending = false
        let text = s.prompt.text
        s.searched = text
        let query = SearchQuery(text)
        guard !query.terms.isEmpty else {
            s.matches = []
            return
        }
        let index = model.searchIndex
        var found = index.matches(query, limit: limit)
        if let p = s.preferred {
            let here = found.filter { m in
                let u = index.units[m.unit]
                return u.kind == .document && u.vendor == p.vendor && u.document == p.document && u.version?.date == p.version
            }
            found = here + found.filter { !here.contains($0) }
        }
        s.matches = found
        s.list.select(min(s.list.selected, max(0, found.count - 1)), count: found.count)
    }

    /// Opens the selected hit in the clause pane (or, for a quote whose text is not loaded, its verdict).
    static func openSelected(_ state: inout BrowserState, model: BrowserModel) {
        guard case .search(let s) = state.screen, s.list.selected < s.matches.count else { return }
        state.searchCursor = SearchCursor(matches: s.matches, index: s.list.selected)
        if let screen = screen(for: s.matches[s.list.selected], model: model) {
            state.open(screen)
            ClausePane.prepare(&state, model: model)
        }
    }

    static func screen(for match: SearchIndex.Match, model: BrowserModel) -> Screen? {
        let hit = model.describe(match)
        if let start = hit.start, let end = hit.end, model.catalog.document(vendor: hit.vendor, id: hit.document) != nil {
            var c = ClauseScreen(vendor: hit.vendor, document: hit.document, version: hit.version)
            c.current = start..<end
            c.fromSearch = true
            return .clause(c)
        }
        if let surface = hit.surface, let question = hit.question {
            return .detail(DetailScreen(verdict: VerdictRef(vendor: hit.vendor, surface: surface, question: question)))
        }
        return nil
    }

    /// `n` / `N` after a search: the next or previous hit, in place of the current one.
    static func step(_ forward: Bool, _ state: inout BrowserState, model: BrowserModel) -> Bool {
        guard var cursor = state.searchCursor, !cursor.matches.isEmpty else { return false }
        let count = cursor.matches.count
        cursor.index = (cursor.index + (forward ? 1 : count - 1)) % count
        state.searchCursor = cursor
        guard let next = screen(for: cursor.matches[cursor.index], model: model) else { return true }
        state.screen = next
        ClausePane.prepare(&state, model: model)
        let hit = model.describe(cursor.matches[cursor.index])
        state.message = "\(cursor.index + 1)/\(count) · \(hit.documentRef)" + (hit.section.map { " §\($0)" } ?? "")
        return true
    }
}

/// Where `n` / `N` are in the results of the last search.
public struct SearchCursor: Hashable, Sendable {
    public var matches: [SearchIndex.Match]
    public var index: Int
}
