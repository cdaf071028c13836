import Testing
import TerminalUI
import TextCells

let clauseText = "第四条　用户权利：（一）删除权……我们会在您同意的前提下，将您的输入内容（包括对话、文件）用于模型训练。 DeepSeek may use Inputs to train."

@Suite struct TextPaneTests {
    @Test func splitScreenAt80x24() {
        let b = splitScreen(Size(width: 80, height: 24))
        let r = rows(b)
        #expect(Array(r.prefix(4)) == [
            " Anthropic            3 surfaces│第四条　用户权利：（一）删除权……我们会在您同意",
            " DeepSeek 深度求索    2 surfaces│的前提下，将您的输入内容（包括对话、文件）用于",
            " Google               3 surfaces│模型训练。 DeepSeek may use Inputs to train.",
            " Mistral AI           2 surfaces│",
        ])
        #expect(r[4] == "▸OpenAI               3 surfaces│")
        #expect(invariantProblems(b).isEmpty)
    }

    @Test func splitScreenAt40x12() {
        let b = splitScreen(Size(width: 40, height: 12))
        #expect(rows(b) == [
            " Ant… 3 surfaces│第四条　用户权利：",
            " Dee… 2 surfaces│（一）删除权……我们会在",
            " Goo… 3 surfaces│您同意的前提下，将您的",
            " Mis… 2 surfaces│输入内容（包括对话、文",
            "▸Ope… 3 surfaces│件）用于模型训练。",
            "                │DeepSeek may use Inputs",
            "                │to train.",
            "                │",
            "                │",
            "                │",
            "                │",
            "                │",
        ])
        #expect(invariantProblems(b).isEmpty)
    }

    @Test func highlightsFollowSourceOffsetsAcrossLines() {
        var b = CellBuffer(width: 40, height: 12)
        let text = WrappedText(clauseText, width: 23)
        // "删除权" is scalars 12..<15; "输入内容" 32..<36.
        TextPane.render(text, state: TextPaneState(), highlights: [TextHighlight(12..<15), TextHighlight(32..<36, .strongHighlight)],
                        in: Rect(x: 17, y: 0, width: 23, height: 12), into: &b)
        #expect(columns(of: .highlight, row: 1, in: b) == Array(23..<29))
        #expect(columns(of: .strongHighlight, row: 3, in: b) == Array(17..<25))
        #expect(columns(of: .highlight, row: 0, in: b).isEmpty)
    }

    @Test func marksStyleTheTextAndHighlightsKeepTheirAttributes() {
        var b = CellBuffer(width: 20, height: 3)
        let text = WrappedText("Title\nbold and link", width: 20)
        TextPane.render(text, state: TextPaneState(), highlights: [TextHighlight(6..<10)],
                        marks: [TextMark(0..<5, Style(.heading, [.bold])), TextMark(6..<10, Style(.normal, [.bold])), TextMark(15..<19, Style(.link, [.underline]))],
                        in: b.bounds, into: &b)
        #expect(b.styles(row: 0).prefix(5).allSatisfy { $0 == Style(.heading, [.bold]) })
        #expect(b.styles(row: 0)[5] == Style.normal)
        // A highlight over bold text changes the role and keeps the bold.
        #expect(b.styles(row: 1).prefix(4).allSatisfy { $0 == Style(.highlight, [.bold]) })
        #expect(b.styles(row: 1)[9...12].allSatisfy { $0 == Style(.link, [.underline]) })
        // Scrolled past a mark, nothing of it is drawn.
        var c = CellBuffer(width: 20, height: 1)
        TextPane.render(text, state: TextPaneState(top: 1), marks: [TextMark(0..<5, Style(.heading, [.bold]))], in: c.bounds, into: &c)
        #expect(c.styles(row: 0).allSatisfy { $0 == Style.normal })
    }

    @Test func scrollAndReveal() {
        let text = WrappedText(String(repeating: "条款内容。", count: 40), width: 10)  // 5 cells a clause → 2 per line
        var state = TextPaneState()
        state.scroll(by: 1000, lineCount: text.lines.count, height: 5)
        #expect(state.top == text.lines.count - 5)
        state.reveal(offset: 0, in: text, height: 5)
        #expect(state.top == 0)
        state.reveal(offset: 100, in: text, height: 6)
        let line = text.line(containing: 100)
        #expect(line >= state.top && line < state.top + 6)
        var b = CellBuffer(width: 10, height: 6)
        TextPane.render(text, state: state, highlights: [TextHighlight(100..<101)], in: b.bounds, into: &b)
        #expect(columns(of: .highlight, row: line - state.top, in: b).count == 2)
    }

    private func splitScreen(_ size: Size) -> CellBuffer {
        var b = CellBuffer(width: size.width, height: size.height)
        let (left, right) = Split.vertical(b.bounds, left: .percent(40), into: &b)
        ListView.render(vendorItems, state: ListState(selected: 4), in: left, into: &b)
        TextPane.render(WrappedText(clauseText, width: right.width), state: TextPaneState(), in: right, into: &b)
        return b
    }
}
