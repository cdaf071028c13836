import PolicyModel
import TerminalUI

extension Browser {
    /// Draws the state into a new buffer of the state's size.
    public static func render(_ state: BrowserState, model: BrowserModel) -> CellBuffer {
        var buffer = CellBuffer(width: max(0, state.size.width), height: max(0, state.size.height), policy: model.policy)
        render(state, model: model, into: &buffer)
        return buffer
    }

    /// Draws the state: a pure function of the state and of what `update` prepared in the model.
    public static func render(_ state: BrowserState, model: BrowserModel, into buffer: inout CellBuffer) {
        model.rendering = true
        defer { model.rendering = false }
        buffer.clear()
        guard buffer.width > 0, buffer.height > 0 else { return }
        if Layout.isTooSmall(state.size) {
            let lines = model.text.tooSmall(width: state.size.width, height: state.size.height, needW: MinimumSize.width, needH: MinimumSize.height)
            Overlay.message(lines.joined(separator: "\n"), in: buffer.bounds, into: &buffer)
            return
        }
        let crumbs = [model.text.appName] + state.screen.view.render(model, size: state.size, into: &buffer)
        StatusBar.render(breadcrumb: crumbs, message: state.message, hints: statusHints(state, model), counter: state.screen.view.statusCounter,
                         in: Layout.statusBar(state.size), into: &buffer)
        if let help = state.help {
            help.render(keymap(state.screen, model), of: state.screen.view, model: model, size: state.size, into: &buffer)
        }
        state.link?.render(model, size: state.size, into: &buffer)
    }

    /// The status bar's hints: `? help` first (the one that must survive a narrow bar: it
    /// leads to all the others), then the view's, then the rest. A key that would do nothing
    /// here is not offered: no `< back` at the top, no `] next quote` in a text nobody quotes.
    static func statusHints(_ state: BrowserState, _ model: BrowserModel) -> [Hint] {
        let t = model.text
        var hints = state.help.map { _ in Keymap([HelpView.table(t).group]).hints() }
            ?? state.link.map { _ in Keymap(LinkView.groups(t)).hints() } ?? keymap(state.screen, model, acting: state.size).hints()
        let atTop = state.back.isEmpty
        hints = hints.compactMap { hint in
            switch hint.keys {
            case "<": return atTop ? nil : hint
            case "q": return Hint(keys: "q", label: atTop ? t.quit : hint.label)
            default: return hint
            }
        }
        if let help = hints.firstIndex(where: { $0.keys == "?" }) { hints.insert(hints.remove(at: help), at: 0) }
        return hints
    }
}
