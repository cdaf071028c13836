import PolicyModel
import TerminalUI

/// One view of the browser: its state (the conforming value, kept on the jump list), a typed
/// `Action`, its key tables, what it does for each action, when it opens, after every change
/// and when the data is read again, and how it draws.
///
/// The key tables name values of `Action` and `update` switches over all of them, so a key
/// bound to nothing cannot be written and an action nobody handles does not compile.
protocol BrowserView: Hashable, Sendable {
    associatedtype Action: Hashable & Sendable

    /// Every key table of the view, most specific first (README lists these).
    static func keys(_ text: UIText) -> [KeyTable<Action>]
    /// The tables in force now (default: all of them).
    func activeKeys(_ text: UIText) -> [KeyTable<Action>]
    /// Whether the keys that work everywhere (back, search, help, close) apply; not while
    /// typing into a prompt.
    var usesGlobalKeys: Bool { get }

    /// Whether `action` would do something in the view's present state (default: yes). The
    /// status bar offers only keys whose action does. Render side: reads nothing.
    func acts(_ action: Action, _ model: BrowserModel, size: Size) -> Bool

    /// Carries out one action.
    mutating func update(_ action: Action, _ env: inout ViewEnv)
    /// A key no table binds (default: not handled). The search prompt types it.
    mutating func unbound(_ key: Key, _ env: inout ViewEnv) -> Bool
    /// A click or the wheel (default: the wheel moves as ↑ / ↓ do; a click does nothing).
    /// A click selects what is under the pointer; on what is selected, it follows it.
    mutating func mouse(_ m: Mouse, _ env: inout ViewEnv) -> Bool
    /// When the view is opened (default: nothing): scroll to a quote or a section.
    mutating func opened(_ env: inout ViewEnv)
    /// After every change while the view is on screen (an action, a resize, a return to it):
    /// loads what `render` needs (texts, diffs, snippets) and stores scroll positions.
    /// `render` never reads a file; it finds what this prepared.
    mutating func prepare(_ env: inout ViewEnv)
    /// Work deferred while keys arrive (default: nothing), done once per batch of keys: the
    /// search of a query that changed.
    mutating func settle(_ env: inout ViewEnv)
    /// After the data is read again; false when what the view shows is gone.
    mutating func reloaded(_ env: inout ViewEnv) -> Bool

    /// What the view's symbols mean, flowed into lines of `width` (default: nothing): drawn
    /// under it where there is room, and always in the `?` overlay.
    func legend(_ model: BrowserModel, width: Int) -> [[Span]]

    /// Where the view is in a list of search hits (`3/72`), kept at the status bar's right end
    /// (default: nothing).
    var statusCounter: String? { get }

    /// Draws the view above the status bar; returns its breadcrumb.
    func render(_ model: BrowserModel, size: Size, into buffer: inout CellBuffer) -> [String]

    /// The view in its case of `Screen`.
    var screen: Screen { get }
}

extension BrowserView {
    func activeKeys(_ text: UIText) -> [KeyTable<Action>] { Self.keys(text) }
    var usesGlobalKeys: Bool { true }
    mutating func unbound(_ key: Key, _ env: inout ViewEnv) -> Bool { false }
    mutating func mouse(_ m: Mouse, _ env: inout ViewEnv) -> Bool { wheel(m, &env) }
    func legend(_ model: BrowserModel, width: Int) -> [[Span]] { [] }
    var statusCounter: String? { nil }
    func acts(_ action: Action, _ model: BrowserModel, size: Size) -> Bool { true }
    mutating func opened(_ env: inout ViewEnv) {}
    mutating func prepare(_ env: inout ViewEnv) {}
    mutating func settle(_ env: inout ViewEnv) {}

    /// Handles `key` if a table in force binds it (or the view takes unbound keys).
    mutating func handle(_ key: Key, _ env: inout ViewEnv) -> Bool {
        for table in activeKeys(env.text) {
            if let action = table.action(for: key) {
                update(action, &env)
                return true
            }
        }
        return unbound(key, &env)
    }

    /// The key groups in force now, as shown.
    func activeGroups(_ text: UIText) -> [KeyGroup] { activeKeys(text).map(\.group) }

    /// The key groups in force now, less the bindings whose actions would do nothing: what
    /// the status bar offers.
    func actingGroups(_ text: UIText, _ model: BrowserModel, size: Size) -> [KeyGroup] {
        activeKeys(text).map { table in
            KeyTable(table.title, table.bindings.filter { $0.actions.contains { acts($0, model, size: size) } }).group
        }
    }

    static func groups(_ text: UIText) -> [KeyGroup] { keys(text).map(\.group) }
}

/// What a view may use and ask for while it handles an action. The browser applies the
/// requests after the view is stored back.
struct ViewEnv {
    let model: BrowserModel
    let size: Size
    /// One line for the status bar: what happened, or why nothing did.
    var message: String?
    /// A view to open above this one.
    private(set) var opened: Screen?
    /// Leave this view as if it had never been opened (Esc in the search prompt).
    var cancelled = false
    /// The hits `n` / `N` step through (set when a search result opens).
    var searchCursor: SearchCursor?
    /// Queries typed before, oldest first.
    var searchHistory: [String]
    /// What the run loop must do (copy, open a URL).
    private(set) var effect: BrowserEffect?
    /// A URL to show in an overlay.
    private(set) var link: LinkView?

    init(model: BrowserModel, size: Size, searchHistory: [String]) {
        self.model = model
        self.size = size
        self.searchHistory = searchHistory
    }

    var text: UIText { model.text }
    var catalog: Catalog { model.catalog }

    mutating func open(_ screen: Screen) { opened = screen }
    mutating func say(_ message: String) { self.message = message }

    /// Puts `text` on the clipboard; the status bar says `what` was copied.
    mutating func copy(_ text: String, what: String) {
        effect = .copy(text)
        say(model.text.copied(what))
    }

    /// Opens a document's URL with the browser there is, else shows it to copy.
    mutating func openURL(_ url: String?, title: String) {
        guard let url else {
            say(model.text.noURL)
            return
        }
        if let opener = model.urlOpener {
            effect = .openURL(url)
            say(model.text.opening(url, with: opener.name))
        } else {
            link = LinkView(url: url, title: title, reason: model.text.noBrowser)
        }
    }
}
