/// An editable line of text (the search prompt) with a cursor and history.
/// The cursor counts graphemes, so wide and combined characters move as one.
public struct PromptState: Hashable, Sendable {
    public private(set) var text: String
    /// Grapheme index, 0...text.count.
    public private(set) var cursor: Int
    public private(set) var history: [String]
    /// Position in `history` while browsing it with ↑/↓.
    private var historyIndex: Int?
    /// What was being typed before browsing history.
    private var draft = ""

    public init(text: String = "", history: [String] = []) {
        self.text = text
        self.cursor = text.count
        self.history = history
    }

    public enum Outcome: Hashable, Sendable {
        /// The text changed.
        case edited
        /// Only the cursor moved (or nothing visible happened).
        case moved
        /// Enter: the text, now also the newest history entry.
        case submitted(String)
        /// Esc.
        case cancelled
        /// Not a prompt key; the caller may handle it.
        case ignored
    }

    public mutating func handle(_ key: Key) -> Outcome {
        var chars = Array(text)
        switch key {
        case .character(let c):
            chars.insert(c, at: cursor)
            cursor += 1
        case .left: cursor = max(0, cursor - 1); return .moved
        case .right: cursor = min(chars.count, cursor + 1); return .moved
        case .home, .control("a"): cursor = 0; return .moved
        case .end, .control("e"): cursor = chars.count; return .moved
        case .backspace, .control("h"):
            guard cursor > 0 else { return .moved }
            chars.remove(at: cursor - 1)
            cursor -= 1
        case .delete, .control("d"):
            guard cursor < chars.count else { return .moved }
            chars.remove(at: cursor)
        case .control("w"):
            let start = wordStart(chars, before: cursor)
            chars.removeSubrange(start..<cursor)
            cursor = start
        case .control("u"):
            chars.removeSubrange(0..<cursor)
            cursor = 0
        case .control("k"):
            chars.removeSubrange(cursor..<chars.count)
        case .up: return recall(older: true)
        case .down: return recall(older: false)
        case .enter:
            if !text.isEmpty && history.last != text { history.append(text) }
            historyIndex = nil
            return .submitted(text)
        case .escape:
            historyIndex = nil
            return .cancelled
        default:
            return .ignored
        }
        text = String(chars)
        // Joined up, characters can merge into fewer graphemes (a combining mark typed
        // after a letter, two regional indicators): count the cursor again.
        if text.count != chars.count {
            cursor = min(String(chars[..<cursor]).count, text.count)
        }
        historyIndex = nil
        return .edited
    }

    /// Replaces the text, cursor at the end (e.g. to restore a query).
    public mutating func set(text newText: String) {
        text = newText
        cursor = newText.count
        historyIndex = nil
    }

    /// Ctrl-W: back over spaces, then over the word before them.
    private func wordStart(_ chars: [Character], before end: Int) -> Int {
        var i = end
        while i > 0 && chars[i - 1].isWhitespace { i -= 1 }
        while i > 0 && !chars[i - 1].isWhitespace { i -= 1 }
        return i
    }

    private mutating func recall(older: Bool) -> Outcome {
        guard !history.isEmpty else { return .moved }
        let current = historyIndex ?? history.count
        if historyIndex == nil { draft = text }
        let next = older ? max(0, current - 1) : current + 1
        if next >= history.count {
            historyIndex = nil
            text = draft
        } else {
            historyIndex = next
            text = history[next]
        }
        cursor = text.count
        return .edited
    }
}
