import Testing
import TerminalUI
import TextCells

/// Found by Fuzz/FuzzKeys: keys arrive one scalar at a time (a combining mark, half a
/// flag), and joined to the text they can merge with the grapheme before them. The
/// prompt counted its cursor in keys, not graphemes, and the next key or redraw
/// indexed past the end of the text.
@Suite struct PromptGraphemeTests {
    func expectDrawable(_ p: PromptState, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        #expect(p.cursor >= 0 && p.cursor <= p.text.count, "cursor \(p.cursor) in \(p.text.debugDescription)", sourceLocation: sourceLocation)
        var buffer = CellBuffer(width: 12, height: 1)
        let column = PromptLine.render(prefix: "/", state: p, in: buffer.bounds, into: &buffer)
        #expect(column >= 0 && column < 12, sourceLocation: sourceLocation)
    }

    @Test func aCombiningMarkTypedAfterALetterJoinsIt() {
        var p = PromptState()
        for key: Key in [.character("e"), .character("\u{301}"), .character("x")] {
            _ = p.handle(key)
            expectDrawable(p)
        }
        #expect(p.text == "e\u{301}x" && p.cursor == 2)
        _ = p.handle(.backspace)
        #expect(p.text == "e\u{301}" && p.cursor == 1)
    }

    @Test func twoHalvesOfAFlagBecomeOneGrapheme() {
        var p = PromptState()
        _ = p.handle(.character("\u{1F1E8}"))
        _ = p.handle(.character("\u{1F1F3}"))
        expectDrawable(p)
        #expect(p.text == "🇨🇳" && p.cursor == 1)
    }

    @Test func deletingBetweenTwoHalvesMergesThem() {
        var p = PromptState()
        for key: Key in [.character("\u{1F1E8}"), .character("x"), .character("\u{1F1F3}"), .left, .backspace] {
            _ = p.handle(key)
            expectDrawable(p)
        }
        #expect(p.text == "🇨🇳")
    }

    @Test func aMarkTypedAtTheStartStaysDrawable() {
        var p = PromptState(text: "abc")
        _ = p.handle(.home)
        for key: Key in [.character("\u{301}"), .character("\u{302}"), .right, .character("\u{20E3}"), .delete] {
            _ = p.handle(key)
            expectDrawable(p)
        }
    }
}
