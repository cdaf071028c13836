import TextCells

/// A column of a table: header text and width in cells.
public struct TableColumn: Hashable, Sendable {
    public var title: String
    public var width: Int
    public init(_ title: String, width: Int) {
        self.title = title
        self.width = max(1, width)
    }
}

/// One row: the pinned first cell, then one cell per scrolling column.
public struct TableRow: Hashable, Sendable {
    public var header: [Span]
    public var cells: [[Span]]
    public init(header: [Span], cells: [[Span]]) {
        self.header = header
        self.cells = cells
    }
}

/// Selected cell and scroll position of a table, owned by the app state.
public struct TableState: Hashable, Sendable {
    public var row: Int
    public var column: Int
    public var rowOffset: Int
    public var columnOffset: Int

    public init(row: Int = 0, column: Int = 0, rowOffset: Int = 0, columnOffset: Int = 0) {
        self.row = row
        self.column = column
        self.rowOffset = rowOffset
        self.columnOffset = columnOffset
    }

    /// Moves the selected cell, clamped to the table.
    public mutating func move(rows: Int = 0, columns: Int = 0, rowCount: Int, columnCount: Int) {
        row = rowCount == 0 ? 0 : min(max(0, row + rows), rowCount - 1)
        column = columnCount == 0 ? 0 : min(max(0, column + columns), columnCount - 1)
    }
}

/// A matrix: column headers on top, a pinned first column, the other
/// columns scrolling sideways so the selected one stays in view. "‹" and "›"
/// in the header row say more columns are hidden on that side.
public struct TableView: Hashable, Sendable {
    public var corner: String
    public var pinnedWidth: Int
    public var columns: [TableColumn]
    public var rows: [TableRow]

    public init(corner: String = "", pinnedWidth: Int, columns: [TableColumn], rows: [TableRow]) {
        self.corner = corner
        self.pinnedWidth = max(1, pinnedWidth)
        self.columns = columns
        self.rows = rows
    }

    /// First visible scrolling column for a table `width` cells wide.
    public func visibleColumnOffset(_ state: TableState, width: Int) -> Int {
        guard !columns.isEmpty else { return 0 }
        let selected = min(max(0, state.column), columns.count - 1)
        var first = min(max(0, state.columnOffset), selected)
        while first < selected && columnsFitting(from: first, width: width) <= selected - first { first += 1 }
        return first
    }

    /// `state` with the offsets a render into `rect` uses stored, so the next move starts
    /// from what is on screen.
    public func scrolledIntoView(_ state: TableState, in rect: Rect) -> TableState {
        var out = state
        out.columnOffset = visibleColumnOffset(state, width: rect.width)
        out.rowOffset = scrollOffset(preferred: state.rowOffset, selected: state.row, visible: rect.height - 1, count: rows.count)
        return out
    }

    /// The cell a click at (`x`, `y`) is on, for the table drawn with `state` in `rect`: its row
    /// and its scrolling column (nil on the pinned column). nil on the header or outside.
    public func cell(atX x: Int, y: Int, state: TableState, in rect: Rect) -> (row: Int, column: Int?)? {
        guard rect.contains(x: x, y: y), y > rect.y else { return nil }
        let row = scrollOffset(preferred: state.rowOffset, selected: state.row, visible: rect.height - 1, count: rows.count) + y - rect.y - 1
        guard row < rows.count else { return nil }
        guard x > rect.x + pinnedWidth, !columns.isEmpty else { return (row, nil) }
        let first = visibleColumnOffset(state, width: rect.width)
        var cx = rect.x + pinnedWidth + 1
        for c in first..<(first + columnsFitting(from: first, width: rect.width)) {
            if x < cx + columns[c].width { return (row, c) }
            cx += columns[c].width + 1
        }
        return (row, nil)
    }

    /// How many columns from `first` fit after the pinned column (at least one).
    func columnsFitting(from first: Int, width: Int) -> Int {
        var x = pinnedWidth + 1
        var n = 0
        for column in columns[first...] {
            if x + column.width > width && n > 0 { break }
            x += column.width + 1
            n += 1
        }
        return n
    }

    public func render(state: TableState, focused: Bool = true, in rect: Rect, into buffer: inout CellBuffer) {
        let area = rect.intersection(buffer.bounds)
        guard !area.isEmpty else { return }
        buffer.fill(area)
        let firstColumn = visibleColumnOffset(state, width: area.width)
        let shown = columns.isEmpty ? 0 : columnsFitting(from: firstColumn, width: area.width)
        let bodyHeight = area.height - 1
        let firstRow = scrollOffset(preferred: state.rowOffset, selected: state.row, visible: bodyHeight, count: rows.count)

        // Header row.
        let headerStyle = Style(.heading)
        let pinnedClip = Rect(x: area.x, y: area.y, width: min(pinnedWidth, area.width), height: 1)
        buffer.write(spans: [Span(corner, headerStyle)], x: area.x, y: area.y, clip: pinnedClip)
        var x = area.x + pinnedWidth + 1
        for c in firstColumn..<(firstColumn + shown) {
            let clip = Rect(x: x, y: area.y, width: min(columns[c].width, area.maxX - x), height: 1)
            buffer.write(spans: [Span(columns[c].title, headerStyle)], x: x, y: area.y, clip: clip)
            x += columns[c].width + 1
        }
        if firstColumn > 0 { buffer.put("‹", x: area.x + pinnedWidth, y: area.y, style: headerStyle, clip: area) }
        if firstColumn + shown < columns.count { buffer.put("›", x: area.maxX - 1, y: area.y, style: headerStyle, clip: area) }

        // Body rows.
        guard bodyHeight > 0 else { return }
        for r in 0..<min(bodyHeight, rows.count - firstRow) {
            let index = firstRow + r
            let y = area.y + 1 + r
            let row = rows[index]
            let onRow = index == state.row
            let rowClip = Rect(x: area.x, y: y, width: min(pinnedWidth, area.width), height: 1)
            buffer.write(spans: ListView.restyled(row.header, onRow ? Style(.selectionInactive) : nil), x: area.x, y: y, clip: rowClip)
            var cx = area.x + pinnedWidth + 1
            for c in firstColumn..<(firstColumn + shown) {
                let w = min(columns[c].width, area.maxX - cx)
                let clip = Rect(x: cx, y: y, width: w, height: 1)
                let selected = onRow && c == state.column
                let cellStyle: Style? = selected ? Style(focused ? .selection : .selectionInactive) : nil
                if let cellStyle { buffer.fill(clip, style: cellStyle) }
                let spans = c < row.cells.count ? row.cells[c] : []
                buffer.write(spans: ListView.restyled(spans, cellStyle), x: cx, y: y, clip: clip)
                cx += columns[c].width + 1
            }
        }
    }
}
