/// The first visible index of a scrolled range of `count` items shown
/// `visible` at a time, starting from the preferred `offset` and moved as
/// little as needed so `selected` is in view.
func scrollOffset(preferred offset: Int, selected: Int, visible: Int, count: Int) -> Int {
    guard visible > 0, count > 0 else { return 0 }
    var top = min(max(0, offset), max(0, count - visible))
    if selected < top { top = selected }
    if selected >= top + visible { top = selected - visible + 1 }
    return max(0, top)
}
