/// A key press, decoded by the terminal backend.
public enum Key: Hashable, Sendable {
    /// A printable grapheme (letters, digits, CJK from an input method, space).
    case character(Character)
    /// Ctrl plus a letter, lowercase: `.control("d")` is Ctrl-D. Ctrl-I, Ctrl-M
    /// and Ctrl-H arrive as Tab, Enter and Backspace, as terminals send them.
    case control(Character)
    case up, down, left, right
    case pageUp, pageDown, home, end
    case tab, backTab, enter, escape, backspace, delete, insert
    case function(Int)

    /// Short name for hints and help: "↑", "PgDn", "C-d", "S-Tab", "Space", "q".
    public var name: String {
        switch self {
        case .character(" "): "Space"
        case .character(let c): String(c)
        case .control(let c): "C-" + String(c)
        case .up: "↑"
        case .down: "↓"
        case .left: "←"
        case .right: "→"
        case .pageUp: "PgUp"
        case .pageDown: "PgDn"
        case .home: "Home"
        case .end: "End"
        case .tab: "Tab"
        case .backTab: "S-Tab"
        case .enter: "Enter"
        case .escape: "Esc"
        case .backspace: "Bksp"
        case .delete: "Del"
        case .insert: "Ins"
        case .function(let n): "F\(n)"
        }
    }

    /// Parses a name as `name` writes it (also "Up", "Down", "Left", "Right",
    /// "Ctrl-x"), so key tables can be written as text.
    public init?(name: String) {
        if let named = Key.named[name] {
            self = named
            return
        }
        if name.count == 1, let c = name.first {
            self = .character(c)
            return
        }
        for prefix in ["C-", "Ctrl-"] where name.hasPrefix(prefix) && name.count == prefix.count + 1 {
            guard let c = name.last, c.isLetter, c.isASCII else { return nil }
            self = .control(Character(c.lowercased()))
            return
        }
        if name.hasPrefix("F"), let n = Int(name.dropFirst()), (1...24).contains(n) {
            self = .function(n)
            return
        }
        return nil
    }

    private static let named: [String: Key] = {
        var table: [String: Key] = ["Up": .up, "Down": .down, "Left": .left, "Right": .right]
        for key in [Key.up, .down, .left, .right, .pageUp, .pageDown, .home, .end, .tab, .backTab,
                    .enter, .escape, .backspace, .delete, .insert, .character(" ")] {
            table[key.name] = key
        }
        return table
    }()
}

/// What the run loop receives from a terminal.
public enum Event: Hashable, Sendable {
    case key(Key)
    /// The terminal now has this size.
    case resize(Size)
    /// A click or the wheel (when mouse reporting is on).
    case mouse(Mouse)
    /// SIGINT, SIGTERM or SIGHUP arrived (its number; nil when the terminal was closed): finish
    /// cleanly. The program then exits 128 + the signal, as a shell reports a command it ended.
    case terminate(signal: Int32?)
}

/// A terminal the run loop draws to and reads from: curses in the program, a scripted fake in
/// the tests of the loop.
public protocol TerminalBackend: AnyObject {
    var size: Size { get }
    /// How styles are drawn (mono when colour is off).
    var profile: ColorProfile { get }
    /// Draws `buffer`, sending only what changed since the last frame.
    func present(_ buffer: CellBuffer)
    /// The next event, or nil when `timeoutMilliseconds` pass without one
    /// (a negative timeout waits for ever).
    func nextEvent(timeoutMilliseconds: Int) -> Event?
    /// Gives the terminal back and stops the process (Ctrl-Z); returns once it is continued,
    /// with the next `present` drawing the whole screen.
    func suspend()
    /// Puts `text` on the clipboard through the terminal (OSC 52: over ssh, and in tmux with
    /// `set-clipboard on`).
    func copy(_ text: String)
    /// Gives the terminal back while `body` runs (a program that draws in it, such as a text
    /// browser), then takes the screen again, the next `present` drawing it whole.
    func release(while body: () -> Void)
}
