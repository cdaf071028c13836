import PolicyModel
import TerminalUI
import TextCells

/// The `?` overlay: the keys in force in the view below it, from the same tables that run
/// them. It scrolls with the usual keys and closes with `?`, `q` or Esc.
public struct HelpView: Hashable, Sendable {
    /// The first line shown.
    public var top = 0

    public init() {}

    enum Action: Hashable, Sendable {
        case scroll(ScrollMove)
        case close
    }

    static func table(_ t: UIText) -> KeyTable<Action> {
        KeyTable(t.pick("Help", "帮助"), [
            Binding(named("?", "q", "Esc"), .close, hint: t.pick("close", "关闭"), help: t.pick("Close the help", "关闭帮助")),
        ])
    }

    static func keys(_ t: UIText) -> [KeyTable<Action>] {
        [table(t), ScrollMove.table(t).map(Action.scroll)]
    }

    static func groups(_ t: UIText) -> [KeyGroup] { keys(t).map(\.group) }

    enum Outcome {
        case handled, closed
        /// Not a key of the help: nothing happens, the status bar says how to close it.
        case unbound
    }

    /// Handles a key for `lineCount` lines of help shown `height` at a time.
    mutating func handle(_ key: Key, lineCount: Int, height: Int, _ t: UIText) -> Outcome {
        for table in Self.keys(t) {
            guard let action = table.action(for: key) else { continue }
            switch action {
            case .close:
                return .closed
            case .scroll(let move):
                top = move.top(from: top, lineCount: lineCount, height: height)
                return .handled
            }
        }
        return .unbound
    }

    /// The help of `view` for a screen of `size`: the keys, what the view's symbols mean, then
    /// what the colours of answers mean.
    static func lines(_ keymap: Keymap, of view: any BrowserView, size: Size, model: BrowserModel) -> [[Span]] {
        let width = Layout.body(size).width - 4
        var lines = keymap.helpLines(policy: model.policy, width: width)
        let symbols = view.legend(model, width: width)
        if !symbols.isEmpty { lines += [[]] + symbols }
        let legend = Drawing.toneLegend(model)
        if !legend.isEmpty { lines += [[], legend] }
        return lines
    }

    /// How many lines the help has, and how many of them fit.
    static func count(_ keymap: Keymap, of view: any BrowserView, size: Size, model: BrowserModel) -> (count: Int, visible: Int) {
        let count = lines(keymap, of: view, size: size, model: model).count
        return (count, Overlay.visibleLines(count, in: Layout.body(size)))
    }

    func render(_ keymap: Keymap, of view: any BrowserView, model: BrowserModel, size: Size, into buffer: inout CellBuffer) {
        Overlay.render(title: model.text.help, lines: Self.lines(keymap, of: view, size: size, model: model), scroll: top, in: Layout.body(size), into: &buffer)
    }
}
