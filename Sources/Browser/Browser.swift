#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
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
    /// `y` / `Y`: put this text on the clipboard (the terminal does, through OSC 52).
    case copy(String)
    /// `o`: open this URL with the model's `urlOpener`.
    case openURL(String)
}

/// The browser: an initial state, `update` for each event, `settle` once per batch of events,
/// `render` for each frame.
public enum Browser {
    /// The state for a view opened directly (`termlens compare` on a terminal), above the vendor list.
    public static func start(showing screen: Screen, model: BrowserModel, size: Size) -> BrowserState {
        var state = BrowserState(size: size)
        open(screen, &state, model)
        prepare(&state, model)
        state.message = model.looks.takeProblem()
        return state
    }

    /// The state for `termlens browse [TARGET]`: the views a person would have opened to get
    /// there are on the jump list.
    public static func start(at target: Target?, model: BrowserModel, size: Size) -> BrowserState {
        var state = BrowserState(size: size)
        if let target { go(to: target, &state, model) }
        prepare(&state, model)
        // A state file that could not be read was set aside: said once, at the start.
        state.message = model.looks.takeProblem()
        if target == nil, state.message == nil, let place = model.looks.placeBefore {
            state.message = model.text.pick("' goes back to where you left off: \(place)", "按 ' 回到上次离开的位置：\(place)")
        }
        return state
    }

    /// Where the browser is as it closes, for the next run's `'`.
    public static func closingPlace(_ state: BrowserState, model: BrowserModel) -> String? { place(state, model: model) }

    /// Opens a target with the views a person would have opened to get there on the jump list
    /// (the vendor list under everything).
    static func go(to target: Target, _ state: inout BrowserState, _ model: BrowserModel) {
        let catalog = model.catalog
        state.screen = .vendors(VendorListView(selecting: target.vendorID, in: catalog))
        switch target {
        case .vendor(let v):
            // A service without verdicts has no matrix: its documents are what there is.
            if catalog.vendor(v)?.analysed ?? true {
                open(.matrix(MatrixView(vendor: v)), &state, model)
            } else {
                open(.documents(DocumentListView(vendor: v, selecting: nil, in: catalog)), &state, model)
            }
        case .surface(let v, let s):
            open(.matrix(MatrixView(vendor: v, surface: s, question: nil, in: catalog)), &state, model)
        case .verdict(let v, let s, let q):
            open(.matrix(MatrixView(vendor: v, surface: s, question: q, in: catalog)), &state, model)
            open(.detail(DetailView(verdict: VerdictRef(vendor: v, surface: s, question: q))), &state, model)
        case .document(let v, let d, let version, let section):
            open(.documents(DocumentListView(vendor: v, selecting: d, in: catalog)), &state, model)
            open(.reader(ReaderView(vendor: v, document: d, version: version, section: section)), &state, model)
        }
    }

    public static func update(_ state: inout BrowserState, _ event: Event, model: BrowserModel) -> BrowserEffect {
        let effect: BrowserEffect
        switch event {
        case .terminate(let signal):
            state.quit = true
            state.endedBySignal = signal
            return .quit
        case .resize(let size):
            state.size = size
            effect = .none
        case .key(let key):
            state.message = nil
            if key != .character("n") && key != .character("N") { state.pendingCrossing = nil }
            effect = handle(key, &state, model)
        case .mouse(let m):
            state.message = nil
            effect = mouse(m, &state, model)
        }
        if effect != .quit { prepare(&state, model) }
        return effect
    }

    /// Work deferred while keys arrive (the search of a changed query): once per batch of keys.
    public static func settle(_ state: inout BrowserState, model: BrowserModel) {
        withView(&state, model) { view, env in
            view.settle(&env)
            view.prepare(&env)
        }
    }

    /// Takes freshly read data, unless it has errors (then the old data stays, and a message
    /// says so). Views that show what no longer exists are dropped.
    public static func reload(_ state: inout BrowserState, model: inout BrowserModel, catalog: Catalog) {
        guard catalog.errors.isEmpty else {
            state.message = model.text.reloadFailed(catalog.errors.count)
            return
        }
        let fresh = model.reloaded(with: catalog)
        func kept(_ screen: Screen) -> Screen? {
            var view = screen.view
            var env = ViewEnv(model: fresh, size: state.size, searchHistory: state.searchHistory)
            return view.reloaded(&env) ? view.screen : nil
        }
        state.back = state.back.compactMap(kept)
        state.forward = state.forward.compactMap(kept)
        state.searchCursor = nil
        state.screen = kept(state.screen) ?? state.back.popLast() ?? .vendors(VendorListView())
        model = fresh
        prepare(&state, model)
        state.message = model.text.reloaded
    }

    // MARK: Keys

    static func handle(_ key: Key, _ state: inout BrowserState, _ model: BrowserModel) -> BrowserEffect {
        let t = model.text
        if let action = SessionAction.table(t).action(for: key) {
            switch action {
            case .quit:
                // Raw mode delivers Ctrl-C as a key: it ends the browser as SIGINT would.
                state.quit = true
                state.endedBySignal = SIGINT
                return .quit
            case .suspend:
                return .suspend
            }
        }
        if Layout.isTooSmall(state.size) {
            guard key == .character("q") else { return .none }
            state.quit = true
            return .quit
        }
        if var help = state.help {
            let lines = HelpView.count(keymap(state.screen, model), of: state.screen.view, size: state.size, model: model)
            switch help.handle(key, lineCount: lines.count, height: lines.visible, t) {
            case .handled: state.help = help
            case .closed: state.help = nil
            case .unbound: state.message = t.helpKeys
            }
            return .none
        }
        if let link = state.link {
            switch LinkView.table(t).action(for: key) {
            case .copy?:
                state.link = nil
                state.message = t.copied(t.theURL)
                return .copy(link.url)
            case .close?: state.link = nil
            case nil: state.message = t.linkKeys
            }
            return .none
        }
        var handled = false
        let effect = withView(&state, model) { view, env in handled = view.handle(key, &env) }
        if handled { return effect }
        if state.screen.view.usesGlobalKeys, let action = GlobalAction.table(t).action(for: key) {
            return perform(action, &state, model)
        }
        state.message = t.unbound(key)
        return .none
    }

    /// A click or the wheel: overlays first (a click closes them, the wheel scrolls the help),
    /// then the view under them.
    static func mouse(_ m: Mouse, _ state: inout BrowserState, _ model: BrowserModel) -> BrowserEffect {
        guard !Layout.isTooSmall(state.size) else { return .none }
        if state.link != nil {
            if m.kind == .click { state.link = nil }
            return .none
        }
        if var help = state.help {
            let lines = HelpView.count(keymap(state.screen, model), of: state.screen.view, size: state.size, model: model)
            switch m.kind {
            case .click: state.help = nil
            case .wheelUp, .wheelDown:
                for _ in 0..<3 { _ = help.handle(m.kind == .wheelUp ? .up : .down, lineCount: lines.count, height: lines.visible, model.text) }
                state.help = help
            }
            return .none
        }
        return withView(&state, model) { view, env in _ = view.mouse(m, &env) }
    }

    static func perform(_ action: GlobalAction, _ state: inout BrowserState, _ model: BrowserModel) -> BrowserEffect {
        let t = model.text
        switch action {
        case .back:
            if !state.goBack() { state.message = t.top }
        case .forward:
            if !state.goForward() { state.message = t.end }
        case .search:
            SearchView.start(&state, model)
        case .nextHit, .previousHit:
            SearchView.step(forward: action == .nextHit, &state, model)
        case .help:
            state.help = HelpView()
        case .reload:
            return .reload
        case .close:
            if !state.goBack() {
                state.quit = true
                return .quit
            }
        case .quit:
            state.quit = true
            return .quit
        case .placeBefore:
            goToPlaceBefore(&state, model)
        }
        return .none
    }

    // MARK: Views

    /// Runs `body` on the current view, stores the view back, then does what it asked for:
    /// the one write-back every view goes through.
    @discardableResult
    static func withView(_ state: inout BrowserState, _ model: BrowserModel, _ body: (inout any BrowserView, inout ViewEnv) -> Void) -> BrowserEffect {
        var env = ViewEnv(model: model, size: state.size, searchHistory: state.searchHistory)
        body(&state.screen.view, &env)
        state.searchHistory = env.searchHistory
        if let link = env.link { state.link = link }
        if let cursor = env.searchCursor { state.searchCursor = cursor }
        if let message = env.message { state.message = message }
        if env.cancelled, state.goBack() { state.forward.removeAll() }
        if let next = env.opened { open(next, &state, model) }
        return env.effect ?? .none
    }

    /// A URL the browser command could not open: shown to copy.
    public static func showLink(_ url: String, _ state: inout BrowserState, model: BrowserModel) {
        state.link = LinkView(url: url, title: url, reason: model.text.browserFailed(model.urlOpener?.name ?? ""))
    }

    /// Opens `next` above the current view.
    static func open(_ next: Screen, _ state: inout BrowserState, _ model: BrowserModel) {
        state.push(next)
        withView(&state, model) { view, env in view.opened(&env) }
    }

    /// Puts `next` in place of the current view (`n` / `N` move through the hits in place).
    static func replace(with next: Screen, _ state: inout BrowserState, _ model: BrowserModel) {
        state.screen = next
        withView(&state, model) { view, env in view.opened(&env) }
    }

    /// Loads what the current view draws, for the current size.
    static func prepare(_ state: inout BrowserState, _ model: BrowserModel) {
        withView(&state, model) { view, env in view.prepare(&env) }
    }

    /// The key groups in force on `screen`, most specific first; with `acting`, the size of
    /// the screen, only the view's keys that would do something there.
    static func keymap(_ screen: Screen, _ model: BrowserModel, acting size: Size? = nil) -> Keymap {
        let t = model.text
        let view = screen.view
        let active = view.activeGroups(t)
        // A key the view binds itself is the view's (`n` in the document comparison).
        let own = Set(active.flatMap { $0.entries.flatMap(\.keys) })
        var groups = size.map { view.actingGroups(t, model, size: $0) } ?? active
        if view.usesGlobalKeys { groups.append(GlobalAction.table(t).group.without(own)) }
        groups.append(SessionAction.table(t).group)
        return Keymap(groups)
    }
}

extension KeyGroup {
    /// The group less the keys in `keys` (entries left with none are dropped).
    func without(_ keys: Set<Key>) -> KeyGroup {
        KeyGroup(title: title, entries: entries.compactMap { e in
            let left = e.keys.filter { !keys.contains($0) }
            return left.isEmpty ? nil : KeyEntry(keys: left, hint: e.hint, help: e.help)
        })
    }
}
