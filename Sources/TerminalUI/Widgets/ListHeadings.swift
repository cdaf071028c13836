/// Lists with heading rows (`ListItem.heading`) that the selection never rests on: a move onto
/// one goes on past it in the direction of the move, or back when nothing selectable is there.
extension ListState {
    /// Moves by `delta` rows among `count`, passing over the rows in `headings`.
    public mutating func move(by delta: Int, count: Int, skipping headings: Set<Int>) {
        guard count > 0 else { selected = 0; return }
        let target = min(max(0, selected + delta), count - 1)
        selected = Self.selectable(near: target, towards: delta < 0 ? -1 : 1, count: count, skipping: headings) ?? selected
    }

    /// Selects `index` among `count`, or the nearest selectable row after it (before it at the end).
    public mutating func select(_ index: Int, count: Int, skipping headings: Set<Int>) {
        guard count > 0 else { selected = 0; return }
        let target = min(max(0, index), count - 1)
        selected = Self.selectable(near: target, towards: 1, count: count, skipping: headings) ?? min(max(0, selected), count - 1)
    }

    /// `index` when it is selectable, else the first selectable row from it going `step`
    /// (±1), else going the other way; nil when every row is a heading.
    static func selectable(near index: Int, towards step: Int, count: Int, skipping headings: Set<Int>) -> Int? {
        for direction in [step, -step] {
            var i = index
            while i >= 0 && i < count {
                if !headings.contains(i) { return i }
                i += direction
            }
        }
        return nil
    }
}

extension ListItem {
    /// A row that names the rows below it and is never selected (`Not analysed — 24 services`).
    public static func heading(_ spans: [Span]) -> ListItem {
        var item = ListItem(spans)
        item.isHeading = true
        return item
    }
}
