import TerminalUI

/// Moving the selection of a list (vendors, documents, versions, changes, hits, timeline).
enum ListMove: Hashable, Sendable {
    case up, down, top, bottom, pageUp, pageDown
    /// 1–9: the nth item.
    case jump(Int)

    static func table(_ t: UIText) -> KeyTable<ListMove> {
        KeyTable(t.pick("Lists", "列表"), [
            Binding(named("↑", "k"), .up, help: t.pick("Move up", "上移")),
            Binding(named("↓", "j"), .down, help: t.pick("Move down", "下移")),
            Binding(named("g", "Home"), .top, help: t.pick("First item", "第一项")),
            Binding(named("G", "End"), .bottom, help: t.pick("Last item", "最后一项")),
            Binding(named("PgUp", "b", "C-u"), .pageUp, help: t.pick("Page up", "上一页")),
            Binding(named("PgDn", "f", "C-d"), .pageDown, help: t.pick("Page down", "下一页")),
            digitBinding(ListMove.jump, help: t.pick("Jump to item 1–9", "跳到第 1–9 项")),
        ])
    }

    /// Moves `list` of `count` items shown `height` rows at a time (a page is a screenful
    /// less one row), passing over the heading rows in `headings`, and stores the scroll
    /// position so the next move starts from what is on screen. False when it cannot move.
    @discardableResult
    func apply(to list: inout ListState, count: Int, height: Int, skipping headings: Set<Int> = []) -> Bool {
        let before = list.selected
        let page = max(1, height - 1)
        switch self {
        case .up: list.move(by: -1, count: count, skipping: headings)
        case .down: list.move(by: 1, count: count, skipping: headings)
        case .top: list.select(0, count: count, skipping: headings)
        case .bottom: list.move(by: count, count: count, skipping: headings)
        case .pageUp: list.move(by: -page, count: count, skipping: headings)
        case .pageDown: list.move(by: page, count: count, skipping: headings)
        case .jump(let n):
            // The nth item a person can select: headings are not counted.
            let items = (0..<count).filter { !headings.contains($0) }
            list.select(items[safe: n - 1] ?? count - 1, count: count, skipping: headings)
        }
        list.scrollIntoView(height: height, count: count)
        return list.selected != before
    }
}

/// Scrolling text a line or a page at a time (the reader, the verdict detail, the help).
enum ScrollMove: Hashable, Sendable {
    case lineUp, lineDown, pageUp, pageDown, top, bottom

    static func table(_ t: UIText) -> KeyTable<ScrollMove> {
        KeyTable(t.pick("Scrolling", "滚动"), [
            Binding(named("↑", "k"), .lineUp, help: t.pick("Scroll up a line", "上滚一行")),
            Binding(named("↓", "j"), .lineDown, help: t.pick("Scroll down a line", "下滚一行")),
            Binding(named("PgUp", "b", "C-u"), .pageUp, help: t.pick("Page up", "上一页")),
            Binding(named("PgDn", "Space", "f", "C-d"), .pageDown, help: t.pick("Page down", "下一页")),
            Binding(named("g", "Home"), .top, help: t.pick("Top", "开头")),
            Binding(named("G", "End"), .bottom, help: t.pick("End", "结尾")),
        ])
    }

    /// The first line shown after the move, for `lineCount` lines shown `height` at a time.
    /// A view may have been put past the last full page (a section shown at the top, as
    /// vim's `zt`); moves from there go up normally and no further down.
    func top(from top: Int, lineCount: Int, height: Int) -> Int {
        let page = max(1, height - 2)
        let target: Int
        switch self {
        case .lineUp: target = top - 1
        case .lineDown: target = top + 1
        case .pageUp: target = top - page
        case .pageDown: target = top + page
        case .top: target = 0
        case .bottom: target = lineCount
        }
        return min(max(0, target), max(0, lineCount - height, top))
    }
}

/// Moving the selected cell of a table (the verdict matrix, vendors side by side).
enum TableMove: Hashable, Sendable {
    case up, down, left, right, top, bottom, pageUp, pageDown

    static func table(_ t: UIText) -> KeyTable<TableMove> {
        KeyTable(t.pick("Tables", "表格"), [
            Binding(named("↑", "k"), .up, help: t.pick("Previous row (question)", "上一行（问题）")),
            Binding(named("↓", "j"), .down, help: t.pick("Next row", "下一行")),
            Binding(named("←", "h"), .left, help: t.pick("Previous column (columns scroll sideways, the first stays)", "上一列（各列横向滚动，首列固定）")),
            Binding(named("→", "l"), .right, help: t.pick("Next column", "下一列")),
            Binding(named("g", "Home"), .top, help: t.pick("First row", "第一行")),
            Binding(named("G", "End"), .bottom, help: t.pick("Last row", "最后一行")),
            Binding(named("PgUp", "b", "C-u"), .pageUp, help: t.pick("Page up", "上一页")),
            Binding(named("PgDn", "f", "C-d"), .pageDown, help: t.pick("Page down", "下一页")),
        ])
    }

    /// Moves `table` of `rows` × `columns` cells, `page` rows at a time; false when it cannot move.
    @discardableResult
    func apply(to table: inout TableState, rows: Int, columns: Int, page: Int) -> Bool {
        let before = (table.row, table.column)
        switch self {
        case .up: table.move(rows: -1, rowCount: rows, columnCount: columns)
        case .down: table.move(rows: 1, rowCount: rows, columnCount: columns)
        case .left: table.move(columns: -1, rowCount: rows, columnCount: columns)
        case .right: table.move(columns: 1, rowCount: rows, columnCount: columns)
        case .top: table.move(rows: -rows, rowCount: rows, columnCount: columns)
        case .bottom: table.move(rows: rows, rowCount: rows, columnCount: columns)
        case .pageUp: table.move(rows: -max(1, page), rowCount: rows, columnCount: columns)
        case .pageDown: table.move(rows: max(1, page), rowCount: rows, columnCount: columns)
        }
        return (table.row, table.column) != before
    }
}

/// Keys by the names people write ("↑", "C-u", "PgDn").
func named(_ names: String...) -> [Key] { names.compactMap { Key(name: $0) } }

/// The digits 1–9 as one binding, each key naming the action for its number.
func digitBinding<Action>(_ action: (Int) -> Action, help: String) -> Binding<Action> {
    Binding(Array(1...9).map { Key.character(Character(String($0))) }, each: { key in
        guard case .character(let c) = key, let n = c.wholeNumberValue else { return action(1) }
        return action(n)
    }, help: help)
}
