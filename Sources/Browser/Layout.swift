import TerminalUI

/// Where things go on screen, as a function of the terminal size only: `update` uses it to
/// keep selections in view and `render` to draw, so the two always agree.
enum Layout {
    /// Everything above the status bar.
    static func body(_ size: Size) -> Rect {
        Rect(x: 0, y: 0, width: size.width, height: max(0, size.height - 1))
    }

    static func statusBar(_ size: Size) -> Rect {
        Rect(x: 0, y: max(0, size.height - 1), width: size.width, height: 1)
    }

    /// Below the one-line header of a view.
    static func content(_ size: Size) -> Rect {
        body(size).inset(top: 1)
    }

    /// The clause pane: the section outline beside the text when the terminal is wide.
    static func clause(_ size: Size) -> (outline: Rect?, text: Rect) {
        let area = content(size)
        guard area.width >= 100 else { return (nil, area) }
        let outlineWidth = min(34, area.width / 4)
        let outline = Rect(x: area.x, y: area.y, width: outlineWidth, height: area.height)
        let text = Rect(x: area.x + outlineWidth + 1, y: area.y, width: area.width - outlineWidth - 1, height: area.height)
        return (outline, text)
    }

    /// The text column inside the clause text pane (a margin of one cell on the left).
    static func clauseText(_ size: Size) -> Rect {
        clause(size).text.inset(left: 1)
    }

    static func isTooSmall(_ size: Size) -> Bool {
        size.width < MinimumSize.width || size.height < MinimumSize.height
    }
}
