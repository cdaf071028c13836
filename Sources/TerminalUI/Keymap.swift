import TextCells

/// Names an action; the app decides what each one does.
public struct ActionID: Hashable, Sendable, ExpressibleByStringLiteral, CustomStringConvertible {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }
    public var description: String { rawValue }
}

/// One entry of the key table: the same data feeds the `?` overlay, the
/// status-bar hints and the README key list.
public struct Binding: Hashable, Sendable {
    public var keys: [Key]
    public var action: ActionID
    /// Short label for the status bar; nil keeps the binding out of the bar.
    public var hint: String?
    /// One line for the help overlay and the README.
    public var help: String

    public init(_ keys: [Key], _ action: ActionID, hint: String? = nil, help: String) {
        self.keys = keys
        self.action = action
        self.hint = hint
        self.help = help
    }

    /// The keys as shown to people: "↓/j".
    public var keyNames: String { keys.map(\.name).joined(separator: "/") }
}

/// The bindings that apply in one context (a view, an overlay, or global).
public struct BindingGroup: Hashable, Sendable {
    public var context: String
    public var title: String
    public var bindings: [Binding]

    public init(context: String, title: String, bindings: [Binding]) {
        self.context = context
        self.title = title
        self.bindings = bindings
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

/// All bindings, grouped by context. Lookups take the active contexts in
/// priority order (innermost first, e.g. ["search", "clause", "global"]):
/// a key bound in an earlier context hides the same key further on.
public struct Keymap: Hashable, Sendable {
    public var groups: [BindingGroup]

    public init(_ groups: [BindingGroup]) { self.groups = groups }

    public func group(_ context: String) -> BindingGroup? {
        groups.first { $0.context == context }
    }

    /// The action `key` triggers in `contexts`, if any.
    public func action(for key: Key, in contexts: [String]) -> ActionID? {
        for context in contexts {
            if let binding = group(context)?.bindings.first(where: { $0.keys.contains(key) }) {
                return binding.action
            }
        }
        return nil
    }

    /// Bindings active in `contexts`, each context's in table order, without
    /// keys that an earlier context already takes (a binding left with no key
    /// is dropped).
    public func activeBindings(in contexts: [String]) -> [(title: String, bindings: [Binding])] {
        var taken = Set<Key>()
        var out: [(title: String, bindings: [Binding])] = []
        for context in contexts {
            guard let group = group(context) else { continue }
            var kept: [Binding] = []
            for var binding in group.bindings {
                binding.keys = binding.keys.filter { !taken.contains($0) }
                if !binding.keys.isEmpty { kept.append(binding) }
            }
            for binding in kept { taken.formUnion(binding.keys) }
            if !kept.isEmpty { out.append((group.title, kept)) }
        }
        return out
    }

    /// Status-bar hints for `contexts`, most specific first; the first key
    /// of each binding is shown.
    public func hints(in contexts: [String]) -> [Hint] {
        activeBindings(in: contexts).flatMap { section in
            section.bindings.compactMap { b in b.hint.map { Hint(keys: b.keys[0].name, label: $0) } }
        }
    }

    /// Help overlay content for `contexts`: a title line per context, then
    /// one line per binding with its keys in a column.
    public func helpLines(in contexts: [String], policy: WidthPolicy = .standard) -> [[Span]] {
        let sections = activeBindings(in: contexts)
        let keyWidth = min(18, sections.flatMap(\.bindings).map { $0.keyNames.cellWidth(policy) }.max() ?? 0)
        var lines: [[Span]] = []
        for (i, section) in sections.enumerated() {
            if i > 0 { lines.append([]) }
            lines.append([Span(section.title, .heading)])
            for b in section.bindings {
                lines.append([Span(" " + b.keyNames.padded(toWidth: keyWidth, policy: policy) + "  ", .title),
                              Span(b.help)])
            }
        }
        return lines
    }

    /// The whole table as Markdown, for the README.
    public func markdown() -> String {
        var out = ""
        for group in groups {
            out += "### \(group.title)\n\n| keys | action |\n|---|---|\n"
            for b in group.bindings {
                let keys = b.keys.map { "`" + ($0.name == "|" ? "\\|" : $0.name) + "`" }.joined(separator: " ")
                out += "| \(keys) | \(b.help) |\n"
            }
            out += "\n"
        }
        return out
    }

    /// Keys bound twice within one context: table mistakes.
    public func conflicts() -> [(context: String, key: Key)] {
        var out: [(context: String, key: Key)] = []
        for group in groups {
            var seen = Set<Key>()
            for key in group.bindings.flatMap(\.keys) where !seen.insert(key).inserted {
                out.append((group.context, key))
            }
        }
        return out
    }
}
