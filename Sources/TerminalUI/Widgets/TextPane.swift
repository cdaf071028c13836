import TextCells

/// A source range to draw in another role (a quote, a search match).
public struct TextHighlight: Hashable, Sendable {
    /// Unicode-scalar offsets in the wrapped text's source.
    public var range: Range<Int>
    public var role: Role
    public init(_ range: Range<Int>, _ role: Role = .highlight) {
        self.range = range
        self.role = role
    }
}

/// A source range drawn in a style of its own (a heading in bold, a link underlined). Highlights
/// drawn over it change its role and keep its attributes.
public struct TextMark: Hashable, Sendable {
    public var range: Range<Int>
    public var style: Style
    public init(_ range: Range<Int>, _ style: Style) {
        self.range = range
        self.style = style
    }
}

/// Scroll position of a text pane, owned by the app state.
public struct TextPaneState: Hashable, Sendable {
    /// First display line shown.
    public var top: Int
    public init(top: Int = 0) { self.top = top }

    /// Scrolls by `delta` lines, clamped so the last page stays full.
    public mutating func scroll(by delta: Int, lineCount: Int, height: Int) {
        top = min(max(0, top + delta), max(0, lineCount - height))
    }

    /// Brings the line holding source offset `offset` into view; when it is
    /// not already visible it is placed a third of the way down.
    public mutating func reveal(offset: Int, in text: WrappedText, height: Int) {
        let line = text.line(containing: offset)
        guard line < top || line >= top + height else { return }
        top = min(max(0, line - height / 3), max(0, text.lines.count - height))
    }
}

public enum TextPane {
    /// Draws the display lines of `text` from `state.top` into `rect`.
    /// `text` should be wrapped to `rect.width`; wider lines are clipped.
    /// Marks style the text first; highlights, later ones winning where they overlap, then
    /// change the role.
    public static func render(_ text: WrappedText, state: TextPaneState, highlights: [TextHighlight] = [],
                              marks: [TextMark] = [], style: Style = .normal, in rect: Rect, into buffer: inout CellBuffer) {
        let area = rect.intersection(buffer.bounds)
        guard !area.isEmpty else { return }
        buffer.fill(area, style: style)
        let top = max(0, state.top)
        // Only the ranges that touch the lines on screen are looked at for each glyph.
        let last = min(text.lines.count, top + area.height) - 1
        guard top <= last else { return }
        let visible = text.lines[top].range.lowerBound..<max(text.lines[top].range.lowerBound + 1, text.lines[last].range.upperBound)
        let shownMarks = marks.filter { $0.range.overlaps(visible) }
        let shownHighlights = highlights.filter { $0.range.overlaps(visible) }
        for row in 0..<area.height where top + row < text.lines.count {
            let line = top + row
            let y = area.y + row
            for glyph in text.glyphs(inLine: line) {
                let covered = glyph.sourceOffset..<(glyph.sourceOffset + max(1, glyph.scalarCount))
                var glyphStyle = style
                for m in shownMarks where m.range.overlaps(covered) {
                    glyphStyle = Style(m.style.role == .normal ? glyphStyle.role : m.style.role, glyphStyle.attributes.union(m.style.attributes))
                }
                for h in shownHighlights where h.range.overlaps(covered) {
                    glyphStyle = glyphStyle.with(role: h.role)
                }
                if let replacement = glyph.replacement {
                    buffer.write(replacement, x: area.x + glyph.column, y: y, style: glyphStyle, clip: area)
                } else {
                    buffer.put(glyph.character, x: area.x + glyph.column, y: y, style: glyphStyle, clip: area)
                }
            }
        }
    }
}
