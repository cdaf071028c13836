import TextCells

public enum PromptLine {
    /// Draws `prefix` (e.g. "/") and the prompt text in `rect` (one row),
    /// scrolled sideways so the cursor stays visible. The cursor is drawn as
    /// a reverse cell covering the whole grapheme under it (both cells of a
    /// wide glyph). Returns the cursor's column.
    @discardableResult
    public static func render(prefix: String, state: PromptState, focused: Bool = true,
                              in rect: Rect, into buffer: inout CellBuffer) -> Int {
        let area = rect.intersection(buffer.bounds).row(0)
        guard !area.isEmpty else { return area.x }
        let policy = buffer.policy
        buffer.fill(area)
        let textX = buffer.write(prefix, x: area.x, y: area.y, style: Style(.prompt), clip: area)
        let room = area.maxX - textX
        guard room > 0 else { return area.maxX - 1 }

        // Leftmost grapheme to show: enough that the cursor cell fits.
        let chars = Array(state.text)
        let widths = chars.map { $0.cellWidth(policy) }
        let cursorWidth = state.cursor < chars.count ? max(1, widths[state.cursor]) : 1
        var first = 0
        var used = widths[0..<state.cursor].reduce(0, +)
        while first < state.cursor && used + cursorWidth > room {
            used -= widths[first]
            first += 1
        }

        var x = textX
        var cursorX = textX
        for i in first..<chars.count {
            if i == state.cursor { cursorX = x }
            let style = focused && i == state.cursor ? Style(.cursor) : Style(.normal)
            let next = buffer.write(String(chars[i]), x: x, y: area.y, style: style, clip: area)
            if next >= area.maxX && next - x < widths[i] { break }
            x = next
        }
        if state.cursor >= chars.count {
            cursorX = x
            if focused { buffer.put(" ", x: x, y: area.y, style: Style(.cursor), clip: area) }
        }
        return cursorX
    }
}
