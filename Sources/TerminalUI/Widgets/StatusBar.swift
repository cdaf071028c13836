import TextCells

public enum StatusBar {
    /// One line: the breadcrumb on the left (cut at its start with "…" when long, so the
    /// innermost place stays), then on the right a message (what just happened, or why a key
    /// did nothing), key hints and a counter (`3/72`, always at the right end). Whole hints are
    /// dropped from the end while they crowd the breadcrumb out; the message is kept, the
    /// breadcrumb giving way to it; the counter is kept whole, everything else giving way.
    public static func render(breadcrumb: [String], message: String? = nil, hints: [Hint], counter: String? = nil,
                              in rect: Rect, into buffer: inout CellBuffer) {
        let area = rect.intersection(buffer.bounds).row(0)
        guard !area.isEmpty else { return }
        let policy = buffer.policy
        buffer.fill(area, style: Style(.statusBar))

        let count = counter.map { " " + $0.truncated(toWidth: max(1, area.width - 2), policy: policy) + " " } ?? ""
        let countWidth = count.cellWidth(policy)
        let width = area.width - countWidth
        let crumb = breadcrumb.joined(separator: " › ")
        let said = message.map { " " + $0.truncated(toWidth: max(1, width - 3), policy: policy) + "  " } ?? ""
        let saidWidth = said.cellWidth(policy)
        // Keep at least half of the bar (or the whole breadcrumb, if shorter) for the
        // breadcrumb, less what the message needs.
        let reserved = max(0, min(crumb.cellWidth(policy) + 2, max(width / 2, 1), width - saidWidth))
        var shown = hints
        while !shown.isEmpty && saidWidth + hintsWidth(shown, policy) > width - reserved { shown.removeLast() }

        let rightStart = area.maxX - countWidth - saidWidth - hintsWidth(shown, policy)
        let left = " " + crumb.truncated(toWidth: max(0, rightStart - area.x - 2), policy: policy, side: .start)
        buffer.write(left, x: area.x, y: area.y, style: Style(.statusBar), clip: area)

        var x = buffer.write(said, x: rightStart, y: area.y, style: Style(.statusKey), clip: area)
        let hintsEnd = area.maxX - countWidth
        for hint in shown {
            x = buffer.write(hint.keys, x: x, y: area.y, style: Style(.statusKey), clip: area)
            x = buffer.write(" " + hint.label + "  ", x: x, y: area.y, style: Style(.statusBar), clip: area)
        }
        if !count.isEmpty {
            buffer.write(count, x: max(area.x, hintsEnd), y: area.y, style: Style(.statusKey), clip: area)
        }
    }

    static func hintsWidth(_ hints: [Hint], _ policy: WidthPolicy) -> Int {
        hints.reduce(0) { $0 + $1.keys.cellWidth(policy) + 1 + $1.label.cellWidth(policy) + 2 }
    }
}
