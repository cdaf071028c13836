import PolicyModel
import TerminalUI

/// What the run loop must do after an update.
public enum BrowserEffect: Equatable, Sendable {
    case none
    case quit
    /// Ctrl-Z: give the terminal back and stop until resumed.
    case suspend
    /// `R`: read the data and sources again.
    case reload
}

/// The browser: an initial state, `update` for each event, `render` for each frame.
public enum Browser {
    /// The state for `termlens browse [TARGET]`.
    /// The state for a view opened directly (`termlens compare` on a terminal), above the vendor list.
    public static func start(showing screen: Screen, model: BrowserModel, size: Size) -> BrowserState {
        var state = BrowserState(size: size)
        state.open(screen)
        return state
    }

    public static func start(at target: Target?, model: BrowserModel, size: Size) -> BrowserState {
        var state = BrowserState(size: size)
        guard let target else { return state }
        let catalog = model.catalog
        func vendorIndex(_ id: String) -> Int { catalog.vendors.firstIndex { $0.id == id } ?? 0 }
        var list = VendorListScreen()
        list.list.select(vendorIndex(target.vendorID), count: catalog.vendors.count)
        state.screen = .vendors(list)
        switch target {
        case .vendor(let v):
            let analysed = catalog.vendor(v)?.analysed ?? true
            state.open(analysed ? .matrix(MatrixScreen(vendor: v)) : .documents(DocumentListScreen(vendor: v)))
        case .surface(let v, let s):
            state.open(.matrix(matrix(v, surface: s, question: nil, model: model)))
        case .verdict(let v, let s, let q):
            state.open(.matrix(matrix(v, surface: s, question: q, model: model)))
            state.open(.detail(DetailScreen(verdict: VerdictRef(vendor: v, surface: s, question: q))))
        case .document(let v, let d, let version, let section):
            state.open(.documents(documents(v, selecting: d, model: model)))
            var clause = ClauseScreen(vendor: v, document: d, version: version)
            clause.section = section
            state.open(.clause(clause))
            ClausePane.prepare(&state, model: model)
        }
        return state
    }

    /// Takes freshly read data, unless it has errors (then the old data stays, and a message says so).
    public static func reload(_ state: inout BrowserState, model: inout BrowserModel, catalog: Catalog) {
        guard catalog.errors.isEmpty else {
            state.message = model.text.reloadFailed(catalog.errors.count)
            return
        }
        model = BrowserModel(catalog: catalog, language: model.language, policy: model.policy)
        revalidate(&state, model: model)
        state.message = model.text.reloaded
    }

    /// After the data was read again: screens that name what no longer exists are dropped.
    public static func revalidate(_ state: inout BrowserState, model: BrowserModel) {
        func valid(_ screen: Screen) -> Bool {
            let c = model.catalog
            switch screen {
            case .vendors, .search: return true
            case .versions(let s): return c.document(vendor: s.vendor, id: s.document) != nil
            case .diff(let s): return c.document(vendor: s.vendor, id: s.document)?.version(s.new) != nil
            case .compare(let s): return s.columns.allSatisfy { c.vendor($0.vendor) != nil }
            case .documentCompare(let s): return [s.left, s.right].allSatisfy { c.document(vendor: $0.vendor, id: $0.document) != nil }
            case .matrix(let s): return c.vendor(s.vendor) != nil
            case .documents(let s): return c.vendor(s.vendor) != nil
            case .timeline(let s): return c.vendor(s.vendor) != nil
            case .detail(let s): return c.vendor(s.verdict.vendor)?.verdict(surface: s.verdict.surface, question: s.verdict.question) != nil
            case .clause(let s): return c.document(vendor: s.vendor, id: s.document) != nil
            }
        }
        state.back = state.back.filter(valid)
        state.forward = state.forward.filter(valid)
        state.searchCursor = nil
        if case .search(var s) = state.screen {
            s.matches = []
            s.pending = true
            state.screen = .search(s)
        }
        if !valid(state.screen) { state.screen = state.back.popLast() ?? .vendors(VendorListScreen()) }
        if case .clause(var s) = state.screen {
            s.revealedWidth = nil
            state.screen = .clause(s)
            ClausePane.relayout(&state, model: model)
        }
    }

    static func matrix(_ vendor: String, surface: String?, question: String?, model: BrowserModel) -> MatrixScreen {
        var m = MatrixScreen(vendor: vendor)
        if let v = model.catalog.vendor(vendor), let surface, let col = v.surfaces.firstIndex(where: { $0.id == surface }) {
            m.table.column = col
        }
        if let question, let row = model.catalog.questions.firstIndex(where: { $0.id == question }) {
            m.table.row = row
        }
        return m
    }

    static func documents(_ vendor: String, selecting doc: String?, model: BrowserModel) -> DocumentListScreen {
        var d = DocumentListScreen(vendor: vendor)
        if let doc, let index = model.catalog.vendor(vendor)?.documents.firstIndex(where: { $0.id == doc }) {
            d.list.selected = index
        }
        return d
    }

    public static func update(_ state: inout BrowserState, _ event: Event, model: BrowserModel) -> BrowserEffect {
        switch event {
        case .terminate:
            state.quit = true
            return .quit
        case .resize(let size):
            state.size = size
            ClausePane.relayout(&state, model: model)
            return .none
        case .key(let key):
            return handle(key, &state, model: model)
        }
    }

    static func handle(_ key: Key, _ state: inout BrowserState, model: BrowserModel) -> BrowserEffect {
        state.message = nil
        if key == .control("c") {
            state.quit = true
            return .quit
        }
        if key == .control("z") { return .suspend }
        if state.showHelp {
            switch key {
            case .down, .character("j"): state.helpScroll += 1
            case .up, .character("k"): state.helpScroll = max(0, state.helpScroll - 1)
            default: state.showHelp = false
            }
            return .none
        }
        if Layout.isTooSmall(state.size) {
            if key == .character("q") { state.quit = true; return .quit }
            return .none
        }
        if case .search(var s) = state.screen {
            SearchActions.handle(key, &s, &state, model: model)
            return state.quit ? .quit : .none
        }
        return handleAction(key, &state, contexts: state.screen.contexts, model: model)
    }

    /// Keys of the global context, for views that handle their own keys first.
    @discardableResult
    static func handleGlobal(_ key: Key, _ state: inout BrowserState, model: BrowserModel) -> BrowserEffect {
        handleAction(key, &state, contexts: ["global"], model: model)
    }

    /// Runs work deferred while keys arrive (the search of a changed query): once per batch of keys.
    public static func settle(_ state: inout BrowserState, model: BrowserModel) {
        if case .search(var s) = state.screen, s.pending {
            SearchActions.settle(&s, model: model)
            state.screen = .search(s)
        }
    }

    static func handleAction(_ key: Key, _ state: inout BrowserState, contexts: [String], model: BrowserModel) -> BrowserEffect {
        guard let action = model.keymap.action(for: key, in: contexts) else { return .none }
        switch action.rawValue {
        case "search":
            SearchActions.open(&state, model: model)
        case "reload":
            return .reload
        case "nextHit", "previousHit":
            if !SearchActions.step(action.rawValue == "nextHit", &state, model: model) { state.message = model.text.noSearch }
        case "help":
            state.showHelp = true
            state.helpScroll = 0
        case "quit":
            state.quit = true
            return .quit
        case "close":
            if !state.goBack() {
                state.quit = true
                return .quit
            }
            ClausePane.relayout(&state, model: model)
        case "back":
            if !state.goBack() { state.message = model.text.top }
            ClausePane.relayout(&state, model: model)
        case "forward":
            if !state.goForward() { state.message = model.text.end }
            ClausePane.relayout(&state, model: model)
        default:
            Actions.perform(action.rawValue, key: key, &state, model: model)
        }
        return .none
    }
}
