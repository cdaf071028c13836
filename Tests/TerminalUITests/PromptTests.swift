import Testing
import TerminalUI
import TextCells

/// Types `text` into `state`, one key per grapheme.
func type(_ text: String, into state: inout PromptState) {
    for c in text { _ = state.handle(.character(c)) }
}

@Suite struct PromptEditingTests {
    @Test func typingAndCursorMovement() {
        var p = PromptState()
        type("训练data", into: &p)
        #expect(p.text == "训练data" && p.cursor == 6)
        #expect(p.handle(.left) == .moved)
        #expect(p.handle(.control("a")) == .moved)
        #expect(p.cursor == 0)
        type("x", into: &p)
        #expect(p.text == "x训练data")
        #expect(p.handle(.control("e")) == .moved && p.cursor == 7)
        #expect(p.handle(.right) == .moved && p.cursor == 7)
    }

    @Test func deletingBackwardsByCharacterWordAndLine() {
        var p = PromptState()
        type("opt out  of 训练", into: &p)
        #expect(p.handle(.backspace) == .edited)
        #expect(p.text == "opt out  of 训")
        _ = p.handle(.control("w"))
        #expect(p.text == "opt out  of ")
        _ = p.handle(.control("w"))
        #expect(p.text == "opt out  ")
        _ = p.handle(.left)
        _ = p.handle(.left)
        _ = p.handle(.left)
        _ = p.handle(.control("u"))
        #expect(p.text == "t  " && p.cursor == 0)
        _ = p.handle(.delete)
        #expect(p.text == "  ")
        _ = p.handle(.control("k"))
        #expect(p.text == "" )
    }

    @Test func combinedCharactersMoveAsOne() {
        var p = PromptState(text: "e\u{301}👨\u{200D}👩\u{200D}👧")
        #expect(p.cursor == 2)
        _ = p.handle(.backspace)
        #expect(p.text == "e\u{301}")
    }

    @Test func historyRecallKeepsTheDraft() {
        var p = PromptState()
        type("retention", into: &p)
        #expect(p.handle(.enter) == .submitted("retention"))
        p.set(text: "")
        type("训练", into: &p)
        #expect(p.handle(.enter) == .submitted("训练"))
        p.set(text: "")
        type("dra", into: &p)
        _ = p.handle(.up)
        #expect(p.text == "训练")
        _ = p.handle(.up)
        #expect(p.text == "retention")
        _ = p.handle(.up)
        #expect(p.text == "retention")
        _ = p.handle(.down)
        #expect(p.text == "训练")
        _ = p.handle(.down)
        #expect(p.text == "dra")
        #expect(p.history == ["retention", "训练"])
    }

    @Test func enterDoesNotRepeatHistoryAndEscCancels() {
        var p = PromptState(history: ["a"])
        type("a", into: &p)
        _ = p.handle(.enter)
        #expect(p.history == ["a"])
        #expect(p.handle(.escape) == .cancelled)
        #expect(p.handle(.function(5)) == .ignored)
    }
}

@Suite struct PromptLineTests {
    @Test(arguments: screenSizes)
    func shortTextShowsWholeWithTheCursorAtTheEnd(_ size: Size) {
        var b = CellBuffer(width: size.width, height: size.height)
        var p = PromptState()
        type("训练 data", into: &p)
        let x = PromptLine.render(prefix: "/", state: p, in: b.bounds.row(size.height - 1), into: &b)
        #expect(rows(b)[size.height - 1] == "/训练 data")
        #expect(x == 10)
        #expect(columns(of: .cursor, row: size.height - 1, in: b) == [10])
        #expect(columns(of: .prompt, row: size.height - 1, in: b) == [0])
    }

    @Test func cursorOnAWideGlyphCoversBothCells() {
        var b = CellBuffer(width: 40, height: 1)
        var p = PromptState()
        type("ab训练", into: &p)
        _ = p.handle(.left)
        _ = p.handle(.left)
        #expect(PromptLine.render(prefix: "/", state: p, in: b.bounds, into: &b) == 3)
        #expect(columns(of: .cursor, row: 0, in: b) == [3, 4])
    }

    @Test func longTextScrollsToKeepTheCursorVisible() {
        var b = CellBuffer(width: 20, height: 1)
        var p = PromptState()
        type("search 训练数据 opt-out and retention of user data", into: &p)
        for _ in 0..<5 { _ = p.handle(.left) }
        let x = PromptLine.render(prefix: "/", state: p, in: b.bounds, into: &b)
        #expect(rows(b) == ["/ retention of user"])
        #expect(x == 19)
        for _ in 0..<40 { _ = p.handle(.left) }
        b.clear()
        #expect(PromptLine.render(prefix: "/", state: p, in: b.bounds, into: &b) == 2)
        #expect(rows(b) == ["/search 训练数据 opt"])
        #expect(invariantProblems(b).isEmpty)
    }

    @Test func wideGlyphsNeverSplitAtTheRightEdge() {
        var b = CellBuffer(width: 8, height: 1)
        let p = PromptState(text: "训练数据模型")
        PromptLine.render(prefix: "/", state: p, in: b.bounds, into: &b)
        #expect(invariantProblems(b).isEmpty)
        #expect(b.textLines()[0].cellWidth() == 8)
    }
}
