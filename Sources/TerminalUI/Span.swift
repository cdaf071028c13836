import TextCells

/// A piece of text in one style.
public struct Span: Hashable, Sendable {
    public var text: String
    public var style: Style

    public init(_ text: String, _ style: Style = .normal) {
        self.text = text
        self.style = style
    }

    public init(_ text: String, _ role: Role) {
        self.init(text, Style(role))
    }
}

extension Array where Element == Span {
    /// Cells these spans take on one line.
    public func cellWidth(_ policy: WidthPolicy = .standard) -> Int {
        Sanitizer.sanitize(map(\.text).joined(), policy: policy).cellWidth(policy)
    }
}

extension CellBuffer {
    /// Draws `spans` on one line from (x, y), clipped to `clip`. When they do
    /// not fit, the last visible cell becomes `ellipsis` (pass nil to just
    /// clip). Returns the column after the last cell drawn.
    @discardableResult
    public mutating func write(spans: [Span], x: Int, y: Int, clip: Rect, ellipsis: Character? = "…") -> Int {
        let area = clip.intersection(bounds)
        let total = spans.cellWidth(policy)
        var column = x
        guard let ellipsis, x + total > area.maxX, area.maxX - x >= 1 else {
            for span in spans { column = write(span.text, x: column, y: y, style: span.style, clip: area) }
            return column
        }
        // Draw what fits before the mark, then the mark right after it.
        var room = area.maxX - ellipsis.cellWidth(policy) - x
        var lastStyle = spans.first?.style ?? .normal
        for span in spans where room > 0 {
            let piece = span.text.truncated(toWidth: room, policy: policy, ellipsis: "")
            let next = write(piece, x: column, y: y, style: span.style, clip: area)
            room -= next - column
            column = next
            lastStyle = span.style
            if piece.cellWidth(policy) < span.text.cellWidth(policy) { break }
        }
        column += put(ellipsis, x: column, y: y, style: lastStyle, clip: area)
        return column
    }
}
