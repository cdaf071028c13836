import TerminalUI

/// What a click on a list does: the first click selects the item under the pointer, a click on
/// the selected item follows it (as Enter does).
enum ListClick: Equatable {
    case select(Int)
    case follow

    /// The click `m` on a list of `count` items, each `rowsPerItem` rows high, drawn with
    /// `list` in `rect`; nil off the items and on a heading row.
    static func outcome(_ m: Mouse, _ list: ListState, count: Int, in rect: Rect, rowsPerItem: Int = 1, headings: Set<Int> = []) -> ListClick? {
        guard m.kind == .click, let row = m.row(in: rect) else { return nil }
        let rows = max(1, rowsPerItem)
        let index = list.visibleOffset(height: max(1, rect.height / rows), count: count) + row / rows
        guard index < count, !headings.contains(index) else { return nil }
        return index == list.selected ? .follow : .select(index)
    }
}

extension BrowserView {
    /// The wheel as three presses of ↑ / ↓, so it moves what those keys move in this view.
    mutating func wheel(_ m: Mouse, _ env: inout ViewEnv) -> Bool {
        let key: Key
        switch m.kind {
        case .wheelUp: key = .up
        case .wheelDown: key = .down
        case .click: return false
        }
        for _ in 0..<3 { _ = handle(key, &env) }
        return true
    }
}

/// A view whose body is one list (vendors, documents, versions, the timeline, search results):
/// a click selects the item under the pointer, a click on the selected one follows it.
protocol ListClicking: BrowserView {
    var list: ListState { get set }
    /// How many items the list has now.
    func clickableCount(_ env: ViewEnv) -> Int
    /// Where the list is drawn (default: the whole content area).
    func clickableRect(_ env: ViewEnv) -> Rect
    /// What a click on the selected item does.
    static var followAction: Action { get }
    /// How many rows each item takes (default: one).
    var rowsPerItem: Int { get }
    /// The heading rows, which a click does not select (default: none).
    func headingRows(_ env: ViewEnv) -> Set<Int>
}

extension ListClicking {
    func clickableRect(_ env: ViewEnv) -> Rect { Layout.content(env.size) }
    var rowsPerItem: Int { 1 }
    func headingRows(_ env: ViewEnv) -> Set<Int> { [] }

    mutating func mouse(_ m: Mouse, _ env: inout ViewEnv) -> Bool {
        let count = clickableCount(env)
        switch ListClick.outcome(m, list, count: count, in: clickableRect(env), rowsPerItem: rowsPerItem, headings: headingRows(env)) {
        case .follow?: update(Self.followAction, &env)
        case .select(let i)?: list.select(i, count: count)
        case nil: return wheel(m, &env)
        }
        return true
    }
}
