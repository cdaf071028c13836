import PolicyModel
import TerminalUI
import TextCells

/// A URL `o` could not hand to a browser (none here, or it failed), shown whole in a small
/// overlay: `y` copies it, or the terminal's own selection can. q, Esc or Enter close it.
public struct LinkView: Hashable, Sendable {
    public var url: String
    /// What the URL is of (a document's title).
    public var title: String
    /// Why it is shown instead of opened.
    public var reason: String

    enum Action: Hashable, Sendable {
        case copy, close
    }

    static func table(_ t: UIText) -> KeyTable<Action> {
        KeyTable(t.pick("Link", "链接"), [
            Binding(named("y"), .copy, hint: t.pick("copy", "复制"), help: t.pick("Copy the URL (OSC 52) and close", "复制网址（OSC 52）并关闭")),
            Binding(named("q", "Esc", "Enter"), .close, hint: t.pick("close", "关闭"), help: t.pick("Close", "关闭")),
        ])
    }

    static func groups(_ t: UIText) -> [KeyGroup] { [table(t).group] }

    /// The overlay's lines for a box `width` cells wide: the title, the URL wrapped whole
    /// (never cut), why it is here, and the keys.
    func lines(width: Int, _ t: UIText, policy: WidthPolicy) -> [[Span]] {
        var out: [[Span]] = Drawing.wrap(title, width: width, style: Style(.normal, [.bold]), policy: policy)
        let wrapped = WrappedText(url, width: max(1, width), policy: policy)
        out += wrapped.lines.indices.map { [Span(wrapped.text(ofLine: $0), Style(.link, [.underline]))] }
        out.append([])
        out += Drawing.wrap(reason, width: width, style: Style(.dim), policy: policy)
        out.append([Span("y", .title), Span(" " + t.pick("copies it", "复制")), Span("   "), Span("q", .title), Span(" " + t.pick("closes", "关闭"))])
        return out
    }

    func render(_ model: BrowserModel, size: Size, into buffer: inout CellBuffer) {
        let area = Layout.body(size)
        let width = max(10, min(area.width - 6, max(url.cellWidth(buffer.policy), 40)))
        Overlay.render(title: model.text.pick("Link", "链接"), lines: lines(width: width, model.text, policy: buffer.policy), in: area, into: &buffer)
    }
}
