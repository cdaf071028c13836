import Testing
import TerminalUI
import TextCells

let questions = ["Trains on inputs", "Opt-out", "Retention", "Input rights", "Output rights",
                 "Human review", "Deletion", "Data location", "Sharing"]

/// Surfaces × questions, with answers written out (never colour alone).
let verdictMatrix = TableView(
    corner: "Surface", pinnedWidth: 12,
    columns: questions.map { TableColumn($0, width: 14) },
    rows: [
        TableRow(header: [Span("Web & App")], cells: questions.indices.map { i in
            [i % 3 == 0 ? Span("● yes", .favourable) : i % 3 == 1 ? Span("○ no", .unfavourable) : Span("◐ conditional", .mixed)]
        }),
        TableRow(header: [Span("API 开放平台")], cells: questions.indices.map { _ in [Span("— silent", .neutral)] }),
    ])

@Suite struct ListViewTests {
    @Test func listAt40x12() {
        var b = CellBuffer(width: 40, height: 12)
        ListView.render(vendorItems, state: ListState(selected: 1), in: b.bounds, into: &b)
        #expect(rows(b) == [
            " Anthropic                    3 surfaces",
            "▸DeepSeek 深度求索            2 surfaces",
            " Google                       3 surfaces",
            " Mistral AI                   2 surfaces",
            " OpenAI                       3 surfaces",
            "", "", "", "", "", "", "",
        ])
    }

    @Test(arguments: screenSizes)
    func listRowsSpanTheWidthWithTheSelectionMarked(_ size: Size) {
        var b = CellBuffer(width: size.width, height: size.height)
        ListView.render(vendorItems, state: ListState(selected: 1), in: b.bounds, into: &b)
        let full = b.textLines()
        for (i, item) in vendorItems.enumerated() {
            #expect(full[i].hasPrefix((i == 1 ? "▸" : " ") + item.spans[0].text))
            #expect(full[i].hasSuffix(item.trailing[0].text))
        }
        #expect(columns(of: .selection, row: 1, in: b).count == size.width)
        #expect(columns(of: .selection, row: 0, in: b).isEmpty)
        #expect(columns(of: .dim, row: 0, in: b) == Array((size.width - 10)..<size.width))
        #expect(invariantProblems(b).isEmpty)
    }

    @Test func unfocusedListUsesTheInactiveSelection() {
        var b = CellBuffer(width: 40, height: 12)
        ListView.render(vendorItems, state: ListState(selected: 2), focused: false, in: b.bounds, into: &b)
        #expect(columns(of: .selectionInactive, row: 2, in: b).count == 40)
        #expect(columns(of: .selection, row: 2, in: b).isEmpty)
    }

    @Test(arguments: screenSizes)
    func scrollingKeepsTheSelectionVisible(_ size: Size) {
        let items = (1...100).map { ListItem("条款 \($0)") }
        var b = CellBuffer(width: size.width, height: size.height)
        for selected in [0, 37, 99, 50, 3] {
            var state = ListState(selected: selected, offset: 60)
            state.scrollIntoView(height: size.height, count: items.count)
            b.clear()
            ListView.render(items, state: state, in: b.bounds, into: &b)
            let row = selected - state.offset
            #expect(row >= 0 && row < size.height)
            #expect(rows(b)[row] == "▸条款 \(selected + 1)")
        }
    }

    @Test func longItemsAreCutWithAnEllipsis() {
        var b = CellBuffer(width: 20, height: 1)
        ListView.render([ListItem("Terms of Service 服务条款 (2026)", trailing: "12")], state: ListState(), in: b.bounds, into: &b)
        #expect(rows(b) == ["▸Terms of Servic… 12"])
    }

    @Test func moveAndSelectClamp() {
        var s = ListState(selected: 2)
        s.move(by: 10, count: 5)
        #expect(s.selected == 4)
        s.move(by: -10, count: 5)
        #expect(s.selected == 0)
        s.select(3, count: 0)
        #expect(s.selected == 0)
    }
}

@Suite struct TableViewTests {
    @Test func wideTableShowsHeadersPinnedColumnAndScrollMarks() {
        var b = CellBuffer(width: 80, height: 24)
        verdictMatrix.render(state: TableState(row: 1, column: 5), in: b.bounds, into: &b)
        #expect(Array(rows(b).prefix(4)) == [
            "Surface     ‹Retention      Input rights   Output rights  Human review         ›",
            "Web & App    ◐ conditional  ● yes          ○ no           ◐ conditional",
            "API 开放平台 — silent       — silent       — silent       — silent",
            "",
        ])
        // The selected cell: row 2, fourth visible column (x 58..<72).
        #expect(columns(of: .selection, row: 2, in: b) == Array(58..<72))
        #expect(columns(of: .mixed, row: 1, in: b).count == 2 * "◐ conditional".count)
        #expect(invariantProblems(b).isEmpty)
    }

    @Test func narrowTableScrollsSideways() {
        var b = CellBuffer(width: 40, height: 12)
        verdictMatrix.render(state: TableState(row: 0, column: 8), in: b.bounds, into: &b)
        #expect(Array(rows(b).prefix(3)) == [
            "Surface     ‹Sharing",
            "Web & App    ◐ conditional",
            "API 开放平台 — silent",
        ])
        verdictMatrix.render(state: TableState(row: 0, column: 0), in: b.bounds, into: &b)
        #expect(rows(b)[0] == "Surface      Trains on inp…            ›")
        #expect(invariantProblems(b).isEmpty)
    }

    @Test func preferredOffsetIsKeptWhenTheSelectionIsVisible() {
        let state = TableState(row: 0, column: 4, columnOffset: 3)
        #expect(verdictMatrix.visibleColumnOffset(state, width: 80) == 3)
        #expect(verdictMatrix.visibleColumnOffset(TableState(column: 1, columnOffset: 3), width: 80) == 1)
    }

    @Test func manyRowsScrollWithTheSelection() {
        let rowsData = (0..<30).map { TableRow(header: [Span("row \($0)")], cells: [[Span("x")]]) }
        let table = TableView(pinnedWidth: 8, columns: [TableColumn("c", width: 3)], rows: rowsData)
        var b = CellBuffer(width: 40, height: 12)
        table.render(state: TableState(row: 25), in: b.bounds, into: &b)
        #expect(rows(b)[11].hasPrefix("row 25"))
    }
}
