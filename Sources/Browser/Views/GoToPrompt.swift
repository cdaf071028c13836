import PolicyModel
import TerminalUI
import TextCells

/// `:` then a clause number or a title (`:4.3`, `:第四条`, `:retention`): a prompt on the last
/// row of a view, the matches listed above it, best first. Tab completes what the matches
/// share (then steps through them, as vim's wildmenu does), ↑/↓ choose, Enter goes to the
/// chosen one, Esc closes it. The reader and the comparisons each hold one while it is open.
struct GoToPrompt: Hashable, Sendable {
    var prompt = PromptState()
    /// The match Enter goes to.
    var chosen = 0
    /// What was typed before Tab started stepping through its matches.
    var typed: String?

    /// The text the matches are found for.
    var query: String { typed ?? prompt.text }

    /// One place to go: a section of a document, an aligned clause, a question.
    struct Candidate: Hashable {
        /// `§4.3`, `3`.
        var label: String
        var title: String
        /// What Tab puts in the prompt for this one.
        var completion: String
        /// Where it is, in the view's own terms (a raw offset, a row).
        var target: Int
    }

    enum Action: Hashable, Sendable {
        case go, cancel, complete
        case choose(up: Bool)
        case edit(PromptEdit)
    }

    static func table(_ t: UIText) -> KeyTable<Action> {
        KeyTable(t.pick("Go to", "跳转"), [
            Binding(named("Enter"), .go, hint: t.pick("go", "跳转"), help: t.pick("Go to the chosen match", "跳到所选匹配")),
            Binding(named("Esc"), .cancel, hint: t.pick("cancel", "取消"), help: t.pick("Close the prompt, staying where you are", "关闭输入框，停在原处")),
            Binding(named("Tab"), .complete, hint: t.pick("complete", "补全"), help: t.pick("Complete what the matches share; again: the next match", "补全各匹配共有的部分；再按：下一个匹配")),
            Binding(named("↑", "↓"), each: { .choose(up: $0 == .up) }, help: t.pick("Choose among the matches", "在匹配中选择")),
        ] + promptEditBindings(t, Action.edit))
    }

    /// What the view does after an action.
    enum Outcome: Equatable {
        case editing
        case cancelled
        case go(Candidate)
        /// Enter with nothing matching: the prompt stays, the status bar says why.
        case noMatch(String)
    }

    /// Carries out `action`; `candidates` finds the matches of a query, `completion` the text
    /// they share.
    mutating func update(_ action: Action, candidates: (String) -> [Candidate], completion: (String) -> String?) -> Outcome {
        let found = candidates(query)
        switch action {
        case .go:
            guard let target = found[safe: chosen] ?? found.first else { return .noMatch(prompt.text) }
            return .go(target)
        case .cancel:
            return .cancelled
        case .complete:
            if typed == nil, let common = completion(prompt.text), common.count > prompt.text.count {
                prompt.set(text: common)
                chosen = 0
            } else if !found.isEmpty {
                // Nothing more in common: the chosen match, then at each Tab the one after it.
                let shown = found[safe: chosen]?.completion == prompt.text
                typed = query
                chosen = shown ? (chosen + 1) % found.count : min(chosen, found.count - 1)
                prompt.set(text: found[chosen].completion)
            }
        case .choose(let up):
            guard !found.isEmpty else { return .editing }
            chosen = min(max(0, chosen + (up ? -1 : 1)), found.count - 1)
        case .edit(let edit):
            if prompt.apply(edit) == .edited {
                chosen = 0
                typed = nil
            }
        }
        return .editing
    }

    /// The rows the prompt and its matches take at the foot of `area`.
    static func rows(_ count: Int, in area: Rect) -> Int { 1 + min(count, max(0, min(8, area.height / 2 - 1))) }

    /// Draws the matches above the prompt at the foot of `area`.
    func render(_ found: [Candidate], in area: Rect, into buffer: inout CellBuffer) {
        guard area.height > 0 else { return }
        let listed = Self.rows(found.count, in: area) - 1
        let policy = buffer.policy
        let labelWidth = Self.labelWidth(found, rowWidth: area.width, policy: policy)
        // The chosen match stays in the window of listed ones.
        let first = max(0, min(chosen - listed + 1, found.count - listed))
        for row in 0..<listed {
            guard let c = found[safe: first + row] else { break }
            let rect = Rect(x: area.x, y: area.maxY - 1 - listed + row, width: area.width, height: 1)
            let selected = first + row == chosen
            let style = Style(selected ? .selection : .statusBar)
            buffer.fill(rect, style: style)
            // A heading without a number is its own label: it takes the row (cut with … only
            // where the row ends).
            let label = c.title.isEmpty ? c.label : c.label.padded(toWidth: labelWidth, policy: policy) + "  "
            buffer.write(spans: [Span(selected ? "▸" : " ", style), Span(label, style.adding(.bold)), Span(c.title, style)],
                         x: rect.x, y: rect.y, clip: rect)
        }
        let line = Rect(x: area.x, y: area.maxY - 1, width: area.width, height: 1)
        PromptLine.render(prefix: ":", state: prompt, in: line, into: &buffer)
    }

    /// The label column: as wide as the widest label of a match that has a title beside it,
    /// short of half the row, so the titles keep room. Stable while ↑/↓ move the window.
    static func labelWidth(_ found: [Candidate], rowWidth: Int, policy: WidthPolicy) -> Int {
        let widest = found.filter { !$0.title.isEmpty }.map { $0.label.cellWidth(policy) }.max() ?? 0
        return max(1, min(widest, (rowWidth - 3) / 2))
    }
}

extension GoToPrompt {
    /// A section's title without the number it starts with (shown beside it already).
    static func title(_ title: String, without label: String) -> String {
        title.dropping(lead: label, separators: " 　.、")
    }

    /// What a match shows beside its label: nothing for a heading whose label is its title.
    static func shownTitle(_ title: String, label: String) -> String {
        let rest = Self.title(title, without: label)
        return rest == label ? "" : rest
    }
}

extension SectionIndex {
    /// The sections matching a `:` query, as places to go (targets: raw offsets). Tab
    /// completes a number to a number, words to a title.
    func goToCandidates(_ query: String) -> [GoToPrompt.Candidate] {
        let typed = query.lowercased()
        return matches(query, limit: 20).map { s in
            GoToPrompt.Candidate(label: "§" + s.label, title: GoToPrompt.shownTitle(s.title, label: s.label),
                                 completion: s.label.lowercased().hasPrefix(typed) ? s.label : s.title, target: s.start)
        }
    }
}

/// A view with a `:` prompt: while it is open only its keys are in force (the global ones
/// too would take the letters typed), and printable keys are typed into it.
protocol GoesToClauses: BrowserView {
    var goTo: GoToPrompt? { get }
    /// The view's own tables, without the prompt's.
    static func viewKeys(_ t: UIText) -> [KeyTable<Action>]
    /// The view's action for a prompt action.
    static func goToAction(_ action: GoToPrompt.Action) -> Action
}

extension GoesToClauses {
    static func keys(_ t: UIText) -> [KeyTable<Action>] { viewKeys(t) + [GoToPrompt.table(t).map(goToAction)] }

    func activeKeys(_ t: UIText) -> [KeyTable<Action>] {
        goTo != nil ? [GoToPrompt.table(t).map(Self.goToAction)] : Self.viewKeys(t)
    }

    var usesGlobalKeys: Bool { goTo == nil }

    mutating func unbound(_ key: Key, _ env: inout ViewEnv) -> Bool {
        guard goTo != nil, case .character(let c) = key else { return false }
        update(Self.goToAction(.edit(.insert(c))), &env)
        return true
    }
}

extension String {
    /// Self without `lead` and the `separators` after it (`4.3 Data` → `Data`); self when it does
    /// not start so, or nothing would be left.
    func dropping(lead: String, separators: String, requireSeparator: Bool = false) -> String {
        guard hasPrefix(lead) else { return self }
        let after = dropFirst(lead.count)
        let rest = after.drop { separators.contains($0) }
        return rest.isEmpty || (requireSeparator && rest.count == after.count) ? self : String(rest)
    }
}
