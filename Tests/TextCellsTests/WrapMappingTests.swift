import Testing
@testable import TextCells

@Suite struct WrapMappingTests {
    @Test(arguments: wrapCorpus)
    func everyGlyphMapsToItsOffsetAndBack(_ text: String) {
        for width in [3, 7, 16, 80] {
            let w = WrappedText(text, width: width)
            for i in w.lines.indices {
                for glyph in w.glyphs(inLine: i) {
                    let location = w.location(of: glyph.sourceOffset)
                    #expect(location.line == i && location.column == glyph.column)
                    if glyph.width == 0 { continue }  // shares its column with the next glyph
                    #expect(w.offset(line: i, column: glyph.column) == glyph.sourceOffset)
                    if glyph.width == 2 {
                        #expect(w.offset(line: i, column: glyph.column + 1) == glyph.sourceOffset)
                    }
                }
            }
        }
    }

    @Test func offsetsCountUnicodeScalars() {
        let family = "👨\u{200D}👩\u{200D}👧"  // five scalars, one grapheme
        let w = WrappedText(family + "条款", width: 80)
        #expect(w.location(of: 5) == (0, 2))
        #expect(w.location(of: 6) == (0, 4))
        #expect(w.location(of: 3) == (0, 0))  // inside the family: its start
        #expect(w.offset(line: 0, column: 4) == 6)
        #expect(w.offset(line: 0, column: 99) == 7)
    }

    @Test func quoteSpansFollowTheWrap() {
        let text = "一二三四五六七八九十"
        let w = WrappedText(text, width: 8)  // four ideographs per line
        #expect(w.spans(of: 2..<7) == [LineSpan(line: 0, columns: 4..<8), LineSpan(line: 1, columns: 0..<6)])
        #expect(w.spans(of: 5..<5).isEmpty)
    }

    @Test func spansSkipTrimmedSpaces() {
        let w = WrappedText("aaa bbb", width: 4)
        #expect(w.spans(of: 2..<5) == [LineSpan(line: 0, columns: 2..<3), LineSpan(line: 1, columns: 0..<1)])
    }

    @Test func lineContainingClampsToTheText() {
        let w = WrappedText("ab cd ef", width: 3)
        #expect(w.line(containing: -4) == 0)
        #expect(w.line(containing: 999) == w.lines.count - 1)
        #expect(w.line(containing: 3) == 1)
    }
}
