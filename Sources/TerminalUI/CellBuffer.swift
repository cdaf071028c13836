import TextCells

/// One screen cell. A wide glyph sits in a cell of width 2 followed by a
/// continuation cell (width 0) that draws nothing of its own.
public struct Cell: Hashable, Sendable {
    public var character: Character
    /// 1 or 2 for a glyph, 0 for the right half of a wide glyph.
    public var width: UInt8
    public var style: Style

    public init(_ character: Character = " ", width: UInt8 = 1, style: Style = .normal) {
        self.character = character
        self.width = width
        self.style = style
    }

    public var isContinuation: Bool { width == 0 }
    public static let blank = Cell()
}

/// A grid of cells that widgets draw into. Its invariant: every wide glyph is
/// followed by its continuation cell, and every continuation cell follows a
/// wide glyph; writes that break half of a pair blank the other half.
/// Nothing unsafe is ever stored: control and bidi characters are stored as
/// their visible replacements (see `Sanitizer`).
public struct CellBuffer: Hashable, Sendable {
    public let width: Int
    public let height: Int
    public var policy: WidthPolicy
    public private(set) var cells: [Cell]

    public init(width: Int, height: Int, policy: WidthPolicy = .standard) {
        self.width = max(0, width)
        self.height = max(0, height)
        self.policy = policy
        self.cells = Array(repeating: .blank, count: self.width * self.height)
    }

    public var bounds: Rect { Rect(x: 0, y: 0, width: width, height: height) }
    public var size: Size { Size(width: width, height: height) }

    /// The cell at (x, y); a blank cell outside the buffer.
    public subscript(x: Int, y: Int) -> Cell {
        guard x >= 0, x < width, y >= 0, y < height else { return .blank }
        return cells[y * width + x]
    }

    /// Blanks every cell.
    public mutating func clear(style: Style = .normal) {
        for i in cells.indices { cells[i] = Cell(style: style) }
    }

    /// Fills `rect` (clipped to the buffer) with `character`; a character
    /// that is not one safe cell wide fills with blanks.
    public mutating func fill(_ rect: Rect, with character: Character = " ", style: Style = .normal) {
        let area = rect.intersection(bounds)
        guard !area.isEmpty else { return }
        let info = character.glyphInfo(policy)
        let cell = info.isSafe && info.width == 1 ? Cell(character, width: 1, style: style) : Cell(style: style)
        for y in area.y..<area.maxY {
            // Only the edges can cut a wide glyph in half.
            store(cell, x: area.x, y: y)
            if area.width > 1 { store(cell, x: area.maxX - 1, y: y) }
            let row = y * width
            for x in (area.x + 1)..<max(area.x + 1, area.maxX - 1) { cells[row + x] = cell }
        }
    }

    /// Draws one grapheme at (x, y), clipped to `clip` (and the buffer).
    /// Returns the cells it advanced: 0 outside the clip or for zero-width
    /// graphemes, 1 when a wide glyph had no room for its right half (a blank
    /// is drawn instead), else the glyph's width.
    @discardableResult
    public mutating func put(_ character: Character, x: Int, y: Int, style: Style = .normal, clip: Rect? = nil) -> Int {
        let area = clip.map { $0.intersection(bounds) } ?? bounds
        return put(character, info: character.glyphInfo(policy), x: x, y: y, style: style, area: area)
    }

    private mutating func put(_ character: Character, info: GlyphInfo, x: Int, y: Int, style: Style, area: Rect) -> Int {
        guard area.contains(x: x, y: y) else { return 0 }
        if info.isTab { return put(" ", info: Character(" ").glyphInfo(policy), x: x, y: y, style: style, area: area) }
        if !info.isSafe {
            return write(Sanitizer.visibleForm(of: character) ?? "", x: x, y: y, style: style, clip: area) - x
        }
        if info.width == 0 { return 0 }
        if info.width == 2 && x + 1 >= area.maxX {
            store(Cell(" ", width: 1, style: style), x: x, y: y)
            return 1
        }
        store(Cell(character, width: UInt8(info.width), style: style), x: x, y: y)
        return info.width
    }

    /// Draws `text` from (x, y) on one line, clipped to `clip` and the buffer;
    /// tabs expand from `x`, controls show as visible symbols, nothing wraps.
    /// Returns the column after the last cell drawn (or where drawing stopped).
    @discardableResult
    public mutating func write(_ text: some StringProtocol, x: Int, y: Int, style: Style = .normal, clip: Rect? = nil) -> Int {
        let area = clip.map { $0.intersection(bounds) } ?? bounds
        var column = x
        for character in text {
            if column >= area.maxX { break }
            let info = character.glyphInfo(policy)
            if info.isTab {
                let stop = column + policy.tabAdvance(at: column - x)
                while column < stop && column < area.maxX { column += max(1, put(" ", x: column, y: y, style: style, clip: area)) }
                continue
            }
            if column < area.x {  // starts left of the clip: skip, keeping columns
                column += info.width
                continue
            }
            let advanced = put(character, info: info, x: column, y: y, style: style, area: area)
            column += advanced == 1 && info.width == 2 ? 2 : advanced
        }
        return column
    }

    /// Replaces the style of the cells in `columns` of row `y`, keeping text.
    public mutating func restyle(row y: Int, columns: Range<Int>, _ transform: (inout Style) -> Void) {
        guard y >= 0, y < height else { return }
        for x in max(0, columns.lowerBound)..<min(width, max(0, columns.upperBound)) {
            transform(&cells[y * width + x].style)
        }
    }

    /// Each row as text, continuation cells skipped, so a row's display width
    /// is exactly `width`. With `trimmed`, trailing spaces are dropped.
    public func textLines(trimmed: Bool = false) -> [String] {
        (0..<height).map { y in
            var row = ""
            for x in 0..<width where !cells[y * width + x].isContinuation {
                row.append(cells[y * width + x].character)
            }
            if trimmed { while row.last == " " { row.removeLast() } }
            return row
        }
    }

    /// Styles of row `y`, one per cell.
    public func styles(row y: Int) -> [Style] {
        guard y >= 0, y < height else { return [] }
        return cells[(y * width)..<(y * width + width)].map(\.style)
    }

    /// Stores a glyph cell (and, for a wide one, its continuation), first
    /// blanking the other half of any wide glyph it partly covers.
    private mutating func store(_ cell: Cell, x: Int, y: Int) {
        let row = y * width
        let last = x + Int(cell.width) - 1
        if cells[row + x].isContinuation && x > 0 {
            cells[row + x - 1] = Cell(style: cells[row + x - 1].style)
        }
        if cells[row + last].width == 2 && last + 1 < width {
            cells[row + last + 1] = Cell(style: cells[row + last + 1].style)
        }
        cells[row + x] = cell
        if cell.width == 2 { cells[row + x + 1] = Cell(" ", width: 0, style: cell.style) }
    }
}
