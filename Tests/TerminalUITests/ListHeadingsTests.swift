import Testing
import TerminalUI
import TextCells

/// Heading rows name the rows below them; the selection passes over them.
@Suite struct ListHeadingsTests {
    /// Two vendors, a heading, three services.
    let items = [ListItem("Acme", trailing: "✓4"), ListItem("Bolt", trailing: "✓0"),
                 .heading([Span("Not analysed — 3 services", .heading)]),
                 ListItem("Cursor", trailing: "2 docs"), ListItem("Midjourney", trailing: "3 docs"), ListItem("Replit", trailing: "1 doc")]
    let headings: Set<Int> = [2]

    @Test func movesPassOverTheHeadingBothWays() {
        #expect(items.indices.filter { items[$0].isHeading } == [2])
        var s = ListState(selected: 1)
        s.move(by: 1, count: items.count, skipping: headings)
        #expect(s.selected == 3)
        s.move(by: -1, count: items.count, skipping: headings)
        #expect(s.selected == 1)
        // A page that would end on the heading goes on past it, in the direction of the move.
        s = ListState(selected: 0)
        s.move(by: 2, count: items.count, skipping: headings)
        #expect(s.selected == 3)
        s = ListState(selected: 5)
        s.move(by: -3, count: items.count, skipping: headings)
        #expect(s.selected == 1)
    }

    @Test func aHeadingFirstOrLastIsNeverSelected() {
        let first: Set<Int> = [0], last: Set<Int> = [3]
        var s = ListState(selected: 2)
        s.select(0, count: 4, skipping: first)
        #expect(s.selected == 1)
        s.move(by: -1, count: 4, skipping: first)
        #expect(s.selected == 1, "nothing selectable above: it stays")
        s.move(by: 10, count: 4, skipping: last)
        #expect(s.selected == 2, "the last row is a heading: back to the one before")
        s.select(3, count: 4, skipping: last)
        #expect(s.selected == 2)
        // Every row a heading: nothing to select, the selection stays in range.
        s = ListState(selected: 7)
        s.select(1, count: 2, skipping: [0, 1])
        #expect(s.selected == 1)
        s.select(0, count: 0, skipping: [])
        #expect(s.selected == 0)
    }

    @Test func aHeadingIsDrawnWithoutTheSelection() {
        var b = CellBuffer(width: 40, height: 7)
        // Even pointed at, a heading shows no marker and no selection colour.
        ListView.render(items, state: ListState(selected: 2), in: b.bounds, into: &b)
        #expect(rows(b) == [
            " Acme                                 ✓4",
            " Bolt                                 ✓0",
            " Not analysed — 3 services",
            " Cursor                           2 docs",
            " Midjourney                       3 docs",
            " Replit                            1 doc",
            "",
        ])
        #expect(columns(of: .selection, row: 2, in: b).isEmpty)
        #expect(columns(of: .heading, row: 2, in: b) == Array(1..<26))
        b.clear()
        ListView.render(items, state: ListState(selected: 3), in: b.bounds, into: &b)
        #expect(rows(b)[3] == "▸Cursor                           2 docs")
        #expect(columns(of: .selection, row: 3, in: b).count == 40)
    }
}
