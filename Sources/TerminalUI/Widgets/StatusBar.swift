import TextCells

public enum StatusBar {
    /// One line: the breadcrumb on the left (cut at its start with "…" when
    /// long, so the innermost place stays), key hints on the right (whole
    /// hints dropped from the end while they crowd the breadcrumb out).
    public static func render(breadcrumb: [String], hints: [Hint], in rect: Rect, into buffer: inout CellBuffer) {
        let area = rect.intersection(buffer.bounds).row(0)
        guard !area.isEmpty else { return }
        let policy = buffer.policy
        buffer.fill(area, style: Style(.statusBar))

        // Keep at least half of the bar (or the whole breadcrumb, if
        // shorter) for the breadcrumb.
        let crumb = breadcrumb.joined(separator: " › ")
        let crumbWidth = crumb.cellWidth(policy)
        let reserved = min(crumbWidth + 2, max(area.width / 2, 1))
        var shown = hints
        while !shown.isEmpty && hintsWidth(shown, policy) > area.width - reserved { shown.removeLast() }

        let hintsStart = area.maxX - hintsWidth(shown, policy)
        let left = " " + crumb.truncated(toWidth: max(0, hintsStart - area.x - 2), policy: policy, side: .start)
        buffer.write(left, x: area.x, y: area.y, style: Style(.statusBar), clip: area)

        var x = hintsStart
        for hint in shown {
            x = buffer.write(hint.keys, x: x, y: area.y, style: Style(.statusKey), clip: area)
            x = buffer.write(" " + hint.label + "  ", x: x, y: area.y, style: Style(.statusBar), clip: area)
        }
    }

    static func hintsWidth(_ hints: [Hint], _ policy: WidthPolicy) -> Int {
        hints.reduce(0) { $0 + $1.keys.cellWidth(policy) + 1 + $1.label.cellWidth(policy) + 2 }
    }
}
