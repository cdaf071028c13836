import PolicyModel
import TerminalUI

/// The whole state of the browser: the current view, where you came from, and where you
/// went back from. `update` changes it; `render` draws it.
public struct BrowserState: Hashable, Sendable {
    public var screen: Screen
    /// Views to go back to (`<`, Ctrl-O, Esc), newest last.
    public var back: [Screen] = []
    /// Views to go forward to again (Tab, `>`), newest last.
    public var forward: [Screen] = []
    public var size: Size
    /// The `?` overlay, over the current view.
    public var help: HelpView?
    /// A URL `o` could not open, shown to copy.
    public var link: LinkView?
    public var message: String?
    public var quit = false
    /// The signal that ended the browser (Ctrl-C counts as SIGINT), nil after `q`: the program
    /// exits 128 + it, as a shell reports a command a signal ended.
    public var endedBySignal: Int32?
    /// Queries typed before, oldest first (the prompt's history).
    public var searchHistory: [String] = []
    /// The last search's hits, for `n` / `N`.
    public var searchCursor: SearchCursor?
    /// The hit `n` / `N` would go to in another document, said once before going (the reader
    /// stays in its document, as less does, until asked again).
    public var pendingCrossing: Int?

    public init(screen: Screen = .vendors(VendorListView()), size: Size) {
        self.screen = screen
        self.size = size
    }

    /// Puts `next` on screen, remembering this one.
    mutating func push(_ next: Screen) {
        back.append(screen)
        forward.removeAll()
        screen = next
    }

    mutating func goBack() -> Bool {
        guard let previous = back.popLast() else { return false }
        forward.append(screen)
        screen = previous
        return true
    }

    mutating func goForward() -> Bool {
        guard let next = forward.popLast() else { return false }
        back.append(screen)
        screen = next
        return true
    }
}

/// The smallest terminal the browser draws in; below it, it says what it needs.
public enum MinimumSize {
    public static let width = 40
    public static let height = 10
}
