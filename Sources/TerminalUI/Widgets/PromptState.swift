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

    /// Keys a prompt handles itself: Enter submits, Esc cancels, ↑/↓ browse the history, the
    /// editing keys of `PromptEdit.keys` edit, other characters are typed.
    public mutating func handle(_ key: Key) -> Outcome {
        switch key {
        case .enter: return submit()
        case .escape: return cancel()
        case .up: return recall(older: true)
        case .down: return recall(older: false)
        case .character(let c): return apply(.insert(c))
        default: return PromptEdit.action(for: key).map { apply($0) } ?? .ignored
        }
    }

    /// Enter: the text, now also the newest history entry.
    public mutating func submit() -> Outcome {
        if !text.isEmpty && history.last != text { history.append(text) }
        historyIndex = nil
        return .submitted(text)
    }

    /// Esc.
    public mutating func cancel() -> Outcome {
        historyIndex = nil
        return .cancelled
    }

    /// The previous (older) or next query of the history, in place of the text.
    public mutating func recall(older: Bool) -> Outcome {
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

    public mutating func apply(_ edit: PromptEdit) -> Outcome {
        var chars = Array(text)
        switch edit {
        case .insert(let c):
            chars.insert(c, at: cursor)
            cursor += 1
        case .left: cursor = max(0, cursor - 1); return .moved
        case .right: cursor = min(chars.count, cursor + 1); return .moved
        case .start: cursor = 0; return .moved
        case .end: cursor = chars.count; return .moved
        case .deleteBackward:
            guard cursor > 0 else { return .moved }
            chars.remove(at: cursor - 1)
            cursor -= 1
        case .deleteForward:
            guard cursor < chars.count else { return .moved }
            chars.remove(at: cursor)
        case .eraseWord:
            let start = wordStart(chars, before: cursor)
            chars.removeSubrange(start..<cursor)
            cursor = start
        case .eraseToStart:
            chars.removeSubrange(0..<cursor)
            cursor = 0
        case .eraseToEnd:
            chars.removeSubrange(cursor..<chars.count)
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
}

/// An edit of a prompt's line.
public enum PromptEdit: Hashable, Sendable {
    case insert(Character)
    case left, right, start, end
    case deleteBackward, deleteForward
    /// Ctrl-W, Ctrl-U, Ctrl-K: the word before the cursor, everything before it, everything after.
    case eraseWord, eraseToStart, eraseToEnd

    /// The editing keys, as readline has them; apps describe them in their own words.
    public static let keys: [(keys: [Key], edit: PromptEdit)] = [
        ([.left], .left), ([.right], .right), ([.home, .control("a")], .start), ([.end, .control("e")], .end),
        ([.backspace], .deleteBackward), ([.delete, .control("d")], .deleteForward),
        ([.control("w")], .eraseWord), ([.control("u")], .eraseToStart), ([.control("k")], .eraseToEnd),
    ]

    public static func action(for key: Key) -> PromptEdit? {
        keys.first { $0.keys.contains(key) }?.edit
    }
}
