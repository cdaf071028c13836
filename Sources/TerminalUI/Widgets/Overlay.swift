import TextCells

public enum Overlay {
    /// Draws a bordered box of at most `width`×`height` centred in `area`,
    /// with `title` in its top border, and returns the rect inside it.
    @discardableResult
    public static func box(title: String, width: Int, height: Int, in area: Rect, into buffer: inout CellBuffer) -> Rect {
        let frame = area.intersection(buffer.bounds).centered(width: width, height: height)
        guard frame.width >= 2, frame.height >= 2 else { return Rect(x: frame.x, y: frame.y, width: 0, height: 0) }
        let b = BorderSet.forPolicy(buffer.policy)
        let border = Style(.border)
        buffer.fill(frame)
        for x in frame.x..<frame.maxX {
            buffer.put(b.horizontal, x: x, y: frame.y, style: border)
            buffer.put(b.horizontal, x: x, y: frame.maxY - 1, style: border)
        }
        for y in frame.y..<frame.maxY {
            buffer.put(b.vertical, x: frame.x, y: y, style: border)
            buffer.put(b.vertical, x: frame.maxX - 1, y: y, style: border)
        }
        buffer.put(b.topLeft, x: frame.x, y: frame.y, style: border)
        buffer.put(b.topRight, x: frame.maxX - 1, y: frame.y, style: border)
        buffer.put(b.bottomLeft, x: frame.x, y: frame.maxY - 1, style: border)
        buffer.put(b.bottomRight, x: frame.maxX - 1, y: frame.maxY - 1, style: border)
        if !title.isEmpty && frame.width > 4 {
            let titleClip = Rect(x: frame.x + 1, y: frame.y, width: frame.width - 2, height: 1)
            buffer.write(spans: [Span(" " + title + " ", .title)], x: frame.x + 2, y: frame.y, clip: titleClip)
        }
        return frame.inset(top: 1, left: 2, bottom: 1, right: 2)
    }

    /// A box sized to `lines` (within `area`), showing them from line
    /// `scroll`; "↓ more" in the bottom border when some are hidden below.
    public static func render(title: String, lines: [[Span]], scroll: Int = 0, in area: Rect, into buffer: inout CellBuffer) {
        let contentWidth = lines.map { $0.cellWidth(buffer.policy) }.max() ?? 0
        let inner = box(title: title, width: max(contentWidth, title.cellWidth(buffer.policy) + 2) + 4,
                        height: lines.count + 2, in: area, into: &buffer)
        guard !inner.isEmpty else { return }
        let first = min(max(0, scroll), max(0, lines.count - inner.height))
        for row in 0..<inner.height where first + row < lines.count {
            buffer.write(spans: lines[first + row], x: inner.x, y: inner.y + row, clip: inner.row(row))
        }
        if first + inner.height < lines.count {
            let more = "↓ more"
            buffer.write(more, x: inner.maxX - more.cellWidth(buffer.policy), y: inner.maxY, style: Style(.border))
        }
    }

    /// The help overlay: the key groups in force, from the keymap.
    public static func help(_ keymap: Keymap, title: String = "Keys", scroll: Int = 0,
                            in area: Rect, into buffer: inout CellBuffer) {
        render(title: title, lines: keymap.helpLines(policy: buffer.policy, width: area.intersection(buffer.bounds).width - 4), scroll: scroll, in: area, into: &buffer)
    }

    /// How many of `lineCount` lines a box drawn by `render` in `area` shows at once.
    public static func visibleLines(_ lineCount: Int, in area: Rect) -> Int {
        max(0, min(lineCount, area.height - 2))
    }

    /// A message centred in `area` on a blank background, e.g. "Terminal too
    /// small: need 40×12". Lines are wrapped to the area.
    public static func message(_ text: String, style: Style = Style(.warning), in area: Rect, into buffer: inout CellBuffer) {
        let region = area.intersection(buffer.bounds)
        guard !region.isEmpty else { return }
        buffer.fill(region)
        let wrapped = WrappedText(text, width: region.width, policy: buffer.policy)
        let top = region.y + max(0, (region.height - wrapped.lines.count) / 2)
        for (i, line) in wrapped.lines.enumerated() where top + i < region.maxY {
            let x = region.x + max(0, (region.width - line.width) / 2)
            buffer.write(wrapped.text(ofLine: i), x: x, y: top + i, style: style, clip: region)
        }
    }
}
