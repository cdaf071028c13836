import Testing
@testable import Browser
import TerminalUI
import TextCells

/// A hit's snippet on one row: the match in view, every word marked, wide characters whole.
@Suite struct SnippetLineTests {
    let base = Style.normal, found = Style(.match)

    func line(_ snippet: String, match: Range<Int>, words: [Range<Int>], width: Int, policy: WidthPolicy = .standard) -> (text: String, marked: [String]) {
        let spans = SnippetLine.spans(snippet, match: match, words: words, width: width, base: base, found: found, policy: policy)
        #expect(spans.cellWidth(policy) <= width, "wider than \(width): \(spans.map(\.text).joined())")
        return (spans.map(\.text).joined(), spans.filter { $0.style == found }.map(\.text))
    }

    static let english = "…you agree that we may use your Inputs to improve the Services unless you opt out of training in your settings…"
    static func range(of word: String, in text: String, from: Int = 0) -> Range<Int> {
        let scalars = Array(text.unicodeScalars), w = Array(word.unicodeScalars)
        let start = (from...(scalars.count - w.count)).first { Array(scalars[$0..<($0 + w.count)]) == w } ?? 0
        return start..<(start + w.count)
    }

    @Test func aNarrowRowIsCentredOnTheMatchWithEveryWordMarked() {
        let text = Self.english
        let opt = Self.range(of: "opt", in: text), out = Self.range(of: "out", in: text, from: opt.upperBound)
        let shown = line(text, match: opt.lowerBound..<out.upperBound, words: [opt, out], width: 36)
        #expect(shown.text == "…es unless you opt out of training…")
        #expect(shown.marked == ["opt", "out"])
    }

    @Test func aWideRowShowsTheWholeSnippet() {
        let text = Self.english
        let inputs = Self.range(of: "Inputs", in: text), opt = Self.range(of: "opt", in: text)
        let shown = line(text, match: inputs, words: [inputs, opt], width: 200)
        #expect(shown.text == text)
        #expect(shown.marked == ["Inputs", "opt"])
    }

    @Test func aMatchWiderThanTheRowIsShownFromItsStart() {
        let text = Self.english
        let match = Self.range(of: "use your Inputs to improve the Services", in: text)
        #expect(line(text, match: match, words: [], width: 20).text == "…use your Inputs to…")
    }

    @Test func chineseIsNeverCutInHalf() {
        let text = "…我们可能会使用您的数据来训练和改进模型，除非您选择退出模型训练…"
        let first = Self.range(of: "训练", in: text), second = Self.range(of: "训练", in: text, from: first.upperBound)
        for width in 8...30 {
            let shown = line(text, match: first, words: [first, second], width: width)
            #expect(shown.marked.first == "训练", "width \(width): \(shown.text)")
            // Every cell is a whole character: the text's width is what was drawn.
            var b = CellBuffer(width: width, height: 1)
            b.write(spans: SnippetLine.spans(text, match: first, words: [first, second], width: width, base: base, found: found, policy: .standard),
                    x: 0, y: 0, clip: b.bounds)
            #expect(b.textLines(trimmed: true)[0] == shown.text, "width \(width)")
        }
        #expect(line(text, match: first, words: [first, second], width: 24).text == "…您的数据来训练和改进模…")
        #expect(line(text, match: first, words: [first, second], width: 80).marked == ["训练", "训练"])
    }

    @Test func anAmbiguousEllipsisTakesTwoCellsWhereItIsWide() {
        let text = Self.english
        let opt = Self.range(of: "opt", in: text)
        let shown = line(text, match: opt, words: [opt], width: 20, policy: .eastAsian)
        #expect(shown.text.cellWidth(.eastAsian) <= 20)
        #expect(shown.marked == ["opt"])
    }
}
