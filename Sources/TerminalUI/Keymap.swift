import TextCells

/// One entry of a key table: keys, the action they trigger and the words that explain it. The
/// action is a value of the view's own `Action` type, so a binding cannot name an action that
/// no view handles, and a view's exhaustive `switch` over its actions handles every binding.
public struct Binding<Action: Hashable & Sendable>: Hashable, Sendable {
    public var keys: [Key]
    /// The action of each key, in the order of `keys`: the same for most bindings, one per
    /// key where each key carries its own value (the digits 1–9).
    public var actions: [Action]
    /// Short label for the status bar; nil keeps the binding out of the bar.
    public var hint: String?
    /// One line for the help overlay and the README.
    public var help: String

    public init(_ keys: [Key], _ action: Action, hint: String? = nil, help: String) {
        self.keys = keys
        self.actions = Array(repeating: action, count: keys.count)
        self.hint = hint
        self.help = help
    }

    /// Each key with an action of its own, described as one entry ("1/2/…/9  Jump to item n").
    public init(_ keys: [Key], each action: (Key) -> Action, hint: String? = nil, help: String) {
        self.keys = keys
        self.actions = keys.map(action)
        self.hint = hint
        self.help = help
    }

    public func action(for key: Key) -> Action? {
        keys.firstIndex(of: key).map { actions[$0] }
    }

    fileprivate init(keys: [Key], actions: [Action], hint: String?, help: String) {
        self.keys = keys
        self.actions = actions
        self.hint = hint
        self.help = help
    }

    /// The same keys and words, naming actions of another type (a view wrapping shared moves).
    public func map<Other>(_ transform: (Action) -> Other) -> Binding<Other> {
        Binding<Other>(keys: keys, actions: actions.map(transform), hint: hint, help: help)
    }

    /// The binding as people read it.
    public var entry: KeyEntry { KeyEntry(keys: keys, hint: hint, help: help) }
}

/// A binding as shown in the status bar, the `?` overlay and README, whatever its action type.
public struct KeyEntry: Hashable, Sendable {
    public var keys: [Key]
    public var hint: String?
    public var help: String

    public init(keys: [Key], hint: String?, help: String) {
        self.keys = keys
        self.hint = hint
        self.help = help
    }

    /// The keys as shown to people: "↓/j", and a run of digits as "1–9".
    public var keyNames: String {
        let digits = keys.compactMap { key -> Int? in
            guard case .character(let c) = key, c.isASCII else { return nil }
            return c.wholeNumberValue
        }
        if keys.count >= 3, digits.count == keys.count, let first = digits.first, let last = digits.last,
           digits == Array(first...max(first, last)) {
            return "\(first)–\(last)"
        }
        return keys.map(\.name).joined(separator: "/")
    }
}

/// The titled bindings of one view, or of keys several views share.
public struct KeyTable<Action: Hashable & Sendable>: Hashable, Sendable {
    public var title: String
    public var bindings: [Binding<Action>]

    public init(_ title: String, _ bindings: [Binding<Action>]) {
        self.title = title
        self.bindings = bindings
    }

    public func action(for key: Key) -> Action? {
        for binding in bindings {
            if let action = binding.action(for: key) { return action }
        }
        return nil
    }

    public func map<Other>(_ transform: (Action) -> Other) -> KeyTable<Other> {
        KeyTable<Other>(title, bindings.map { $0.map(transform) })
    }

    /// The table as shown.
    public var group: KeyGroup { KeyGroup(title: title, entries: bindings.map(\.entry)) }
}

/// A key table as shown: a title and its entries.
public struct KeyGroup: Hashable, Sendable {
    public var title: String
    public var entries: [KeyEntry]

    public init(title: String, entries: [KeyEntry]) {
        self.title = title
        self.entries = entries
    }
}

/// A key hint for the status bar.
public struct Hint: Hashable, Sendable {
    public var keys: String
    public var label: String
    public init(keys: String, label: String) {
        self.keys = keys
        self.label = label
    }
}

/// The key groups in force in one place, most specific first: one source for the status-bar
/// hints, the `?` overlay and (over every place) the README key list.
public struct Keymap: Hashable, Sendable {
    public var groups: [KeyGroup]

    public init(_ groups: [KeyGroup]) { self.groups = groups }

    /// Status-bar hints, most specific first; the first key of each entry is shown.
    public func hints() -> [Hint] {
        groups.flatMap { group in
            group.entries.compactMap { e in e.hint.map { Hint(keys: e.keys[0].name, label: $0) } }
        }
    }

    /// Help overlay content: a title line per group, then each entry with its keys in a
    /// column. Help wider than `width` wraps under its column, or below its keys when the
    /// column leaves too little room.
    public func helpLines(policy: WidthPolicy = .standard, width: Int = .max) -> [[Span]] {
        // A narrow screen gives the help most of the line: long key lists wrap under their keys.
        let keyWidth = min(width < 60 ? 10 : 18, groups.flatMap(\.entries).map { $0.keyNames.cellWidth(policy) }.max() ?? 0)
        var lines: [[Span]] = []
        for (i, group) in groups.enumerated() where !group.entries.isEmpty {
            if i > 0 { lines.append([]) }
            lines.append([Span(group.title, .heading)])
            for e in group.entries {
                let names = e.keyNames
                if names.cellWidth(policy) > keyWidth {
                    // Keys longer than the column are never cut: the help follows them when the
                    // line has room, else it goes under the column.
                    let whole = " " + names + "  "
                    if whole.cellWidth(policy) + e.help.cellWidth(policy) <= width {
                        lines.append([Span(whole, .title), Span(e.help)])
                        continue
                    }
                    lines.append([Span(" " + names, .title)])
                    let indent = width - keyWidth - 3 >= 12 ? keyWidth + 3 : 3
                    let wrapped = WrappedText(e.help, width: max(1, width - indent), policy: policy)
                    lines += wrapped.lines.indices.map { [Span(String(repeating: " ", count: indent) + wrapped.text(ofLine: $0))] }
                    continue
                }
                let keys = " " + names.padded(toWidth: keyWidth, policy: policy) + "  "
                let room = width - keys.cellWidth(policy)
                if e.help.cellWidth(policy) <= room {
                    lines.append([Span(keys, .title), Span(e.help)])
                    continue
                }
                let indent = room >= 12 ? keys.cellWidth(policy) : 3
                let wrapped = WrappedText(e.help, width: max(1, width - indent), policy: policy)
                let pieces = wrapped.lines.indices.map { wrapped.text(ofLine: $0) }
                let pad = String(repeating: " ", count: indent)
                if room >= 12 {
                    lines.append([Span(keys, .title), Span(pieces.first ?? "")])
                    lines += pieces.dropFirst().map { [Span(pad + $0)] }
                } else {
                    lines.append([Span(" " + e.keyNames, .title)])
                    lines += pieces.map { [Span(pad + $0)] }
                }
            }
        }
        return lines
    }

    /// The groups as Markdown, for the README.
    public func markdown() -> String {
        var out = ""
        for group in groups {
            out += "### \(group.title)\n\n| keys | action |\n|---|---|\n"
            for e in group.entries {
                let keys = e.keys.map { "`" + ($0.name == "|" ? "\\|" : $0.name) + "`" }.joined(separator: " ")
                out += "| \(keys) | \(e.help) |\n"
            }
            out += "\n"
        }
        return out
    }

    /// Keys bound more than once: where these groups are in force together, a key must mean
    /// one thing.
    public func conflicts() -> [Key] {
        var seen = Set<Key>()
        var out: [Key] = []
        for key in groups.flatMap({ $0.entries.flatMap(\.keys) }) where !seen.insert(key).inserted {
            out.append(key)
        }
        return out
    }
}
