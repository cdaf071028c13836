import Testing
import TerminalUI
import TextCells

let crumbs = ["Vendors", "DeepSeek 深度求索", "API", "Training"]

@Suite struct StatusBarTests {
    @Test func at80ColumnsHintsFitAndTheBreadcrumbIsCutAtItsStart() {
        var b = CellBuffer(width: 80, height: 24)
        StatusBar.render(breadcrumb: crumbs, hints: sampleKeymap.hints(), in: b.bounds.row(23), into: &b)
        #expect(rows(b)[23] == " …rs › DeepSeek 深度求索 › API › Training ↓ move  Enter open  ? help  / search")
        #expect(columns(of: .statusKey, row: 23, in: b) == [42, 50, 51, 52, 53, 54, 62, 70])
        #expect(columns(of: .normal, row: 23, in: b).isEmpty)
        #expect(invariantProblems(b).isEmpty)
    }

    @Test func at40ColumnsWholeHintsAreDropped() {
        var b = CellBuffer(width: 40, height: 12)
        StatusBar.render(breadcrumb: crumbs, hints: sampleKeymap.hints(), in: b.bounds.row(11), into: &b)
        #expect(rows(b)[11] == " … › API › Training ↓ move  Enter open")
    }

    @Test func theCounterStaysWholeAtTheRightEndWhateverTheBreadcrumb() {
        let long = crumbs + ["privacy-policy@2026-08-17 §Personal data we collect or receive to train our models"]
        for width in [40, 80] {
            var b = CellBuffer(width: width, height: 1)
            StatusBar.render(breadcrumb: long, message: "anthropic/privacy-policy@2026-08-17 §2", hints: sampleKeymap.hints(), counter: "3/72",
                             in: b.bounds, into: &b)
            let row = rows(b)[0]
            #expect(row.hasSuffix("  3/72"), "\(row)")
            // The message is kept too (the breadcrumb giving way to it first).
            #expect(row.contains(" anthropic/privacy-policy@2026-"), "\(row)")
            #expect(columns(of: .statusKey, row: 0, in: b).suffix(6) == Array((width - 6)..<width))
            #expect(invariantProblems(b).isEmpty)
        }
        var b = CellBuffer(width: 40, height: 1)
        StatusBar.render(breadcrumb: long, hints: sampleKeymap.hints(), counter: "1999/2000+", in: b.bounds, into: &b)
        #expect(rows(b)[0] == " … train our models ↓ move   1999/2000+")
        #expect(columns(of: .statusKey, row: 0, in: b).suffix(12) == Array(28..<40))
    }

    @Test func aShortBreadcrumbIsShownWhole() {
        var b = CellBuffer(width: 40, height: 1)
        StatusBar.render(breadcrumb: ["Vendors"], hints: [Hint(keys: "?", label: "help")], in: b.bounds, into: &b)
        #expect(rows(b) == [" Vendors" + String(repeating: " ", count: 24) + "? help"])
    }
}

@Suite struct OverlayTests {
    @Test func helpOverlayAt80x24ComesFromTheKeymap() {
        var b = CellBuffer(width: 80, height: 24)
        b.write(String(repeating: "x", count: 80), x: 0, y: 8)
        Overlay.help(sampleKeymap, in: b.bounds, into: &b)
        let r = rows(b)
        #expect(Array(r[5...18]) == [
            "",
            "                     ┌─ Keys ─────────────────────────────┐",
            "                     │ Vendor list                        │",
            "xxxxxxxxxxxxxxxxxxxxx│  ↓/j    Select the next vendor     │xxxxxxxxxxxxxxxxxxxxx",
            "                     │  ↑/k    Select the previous vendor │",
            "                     │  Enter  Open the vendor's verdicts │",
            "                     │  q      Close this view            │",
            "                     │                                    │",
            "                     │ Everywhere                         │",
            "                     │  ?      Show the keys of this view │",
            "                     │  /      Search the quoted evidence │",
            "                     │  C-c    Quit termlens              │",
            "                     └────────────────────────────────────┘",
            "",
        ])
        #expect(columns(of: .heading, row: 7, in: b) == Array(23..<34))
        #expect(columns(of: .title, row: 6, in: b) == Array(23..<29))
        #expect(columns(of: .border, row: 6, in: b).count == 38 - " Keys ".count)
    }

    @Test func helpOverlayAt40x12ScrollsAndSaysThereIsMore() {
        var b = CellBuffer(width: 40, height: 12)
        let area = Rect(x: 0, y: 2, width: 40, height: 8)
        Overlay.help(sampleKeymap, scroll: 2, in: area, into: &b)
        #expect(rows(b) == [
            "",
            "",
            " ┌─ Keys ─────────────────────────────┐",
            " │  ↑/k    Select the previous vendor │",
            " │  Enter  Open the vendor's verdicts │",
            " │  q      Close this view            │",
            " │                                    │",
            " │ Everywhere                         │",
            " │  ?      Show the keys of this view │",
            " └─────────────────────────────↓ more─┘",
            "",
            "",
        ])
    }

    @Test func ambiguousWidePolicyDrawsAsciiBorders() {
        var b = CellBuffer(width: 20, height: 5, policy: .eastAsian)
        Overlay.box(title: "Keys", width: 20, height: 5, in: b.bounds, into: &b)
        #expect(rows(b).first == "+- Keys -----------+")
        #expect(invariantProblems(b).isEmpty)
    }

    @Test func tooSmallMessageIsCentred() {
        var b = CellBuffer(width: 20, height: 5)
        Overlay.message("Terminal too small: need 40×12", in: b.bounds, into: &b)
        #expect(rows(b) == ["", "Terminal too small:", "     need 40×12", "", ""])
        #expect(columns(of: .warning, row: 2, in: b) == Array(5..<15))
    }
}
