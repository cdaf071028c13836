import TextCells

/// Selection and scroll position of a list, owned by the app state.
public struct ListState: Hashable, Sendable {
    public var selected: Int
    /// First visible row as last rendered or requested; rendering moves it
    /// only as much as needed to keep the selection in view.
    public var offset: Int

    public init(selected: Int = 0, offset: Int = 0) {
        self.selected = selected
        self.offset = offset
    }

    /// Moves the selection by `delta` rows, clamped to `count` items.
    public mutating func move(by delta: Int, count: Int) {
        selected = count == 0 ? 0 : min(max(0, selected + delta), count - 1)
    }

    public mutating func select(_ index: Int, count: Int) {
        selected = count == 0 ? 0 : min(max(0, index), count - 1)
    }

    /// Stores the offset rendering will use for a list `height` rows high.
    public mutating func scrollIntoView(height: Int, count: Int) {
        offset = visibleOffset(height: height, count: count)
    }

    public func visibleOffset(height: Int, count: Int) -> Int {
        scrollOffset(preferred: offset, selected: selected, visible: height, count: count)
    }
}

/// One row of a list: text on the left, optional text aligned right.
public struct ListItem: Hashable, Sendable {
    public var spans: [Span]
    public var trailing: [Span]
    /// A heading row names the rows below it and is never selected (`ListHeadings`).
    public var isHeading = false

    public init(_ spans: [Span], trailing: [Span] = []) {
        self.spans = spans
        self.trailing = trailing
    }

    public init(_ text: String, trailing: String = "") {
        self.init([Span(text)], trailing: trailing.isEmpty ? [] : [Span(trailing, .dim)])
    }
}

public enum ListView {
    /// Draws `items` in `rect`, the selected row in the selection role (the
    /// inactive one when the list has no focus), each row clipped with an
    /// ellipsis. A one-cell marker column shows "▸" on the selected row so
    /// the selection is visible without colour or reverse video too.
    public static func render(_ items: [ListItem], state: ListState, focused: Bool = true,
                              in rect: Rect, into buffer: inout CellBuffer) {
        let area = rect.intersection(buffer.bounds)
        guard !area.isEmpty else { return }
        let top = state.visibleOffset(height: area.height, count: items.count)
        for row in 0..<area.height {
            let y = area.y + row
            let index = top + row
            let isSelected = index == state.selected && index < items.count && !items[index].isHeading
            let rowStyle = isSelected ? Style(focused ? .selection : .selectionInactive) : .normal
            buffer.fill(area.row(row), style: rowStyle)
            guard index < items.count else { continue }
            let item = items[index]
            buffer.put(isSelected ? "▸" : " ", x: area.x, y: y, style: rowStyle, clip: area)
            let trailingWidth = item.trailing.cellWidth(buffer.policy)
            let textRoom = trailingWidth > 0 && trailingWidth + 4 < area.width ? area.width - trailingWidth - 1 : area.width
            let textClip = Rect(x: area.x, y: y, width: textRoom, height: 1)
            buffer.write(spans: restyled(item.spans, isSelected ? rowStyle : nil), x: area.x + 1, y: y, clip: textClip)
            if textRoom < area.width {
                buffer.write(spans: restyled(item.trailing, isSelected ? rowStyle : nil),
                             x: area.maxX - trailingWidth, y: y, clip: area)
            }
        }
    }

    /// Spans drawn in the selection role keep their extra attributes.
    static func restyled(_ spans: [Span], _ style: Style?) -> [Span] {
        guard let style else { return spans }
        return spans.map { Span($0.text, style.adding($0.style.attributes)) }
    }
}
