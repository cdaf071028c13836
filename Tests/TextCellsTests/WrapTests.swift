import Testing
@testable import TextCells

/// Display lines of `text` wrapped at `width`, as drawn.
func wrapped(_ text: String, _ width: Int, _ policy: WidthPolicy = .standard) -> [String] {
    let w = WrappedText(text, width: width, policy: policy)
    return w.lines.indices.map { w.text(ofLine: $0) }
}

@Suite struct WrapTests {
    @Test func latinWrapsAtSpacesAndTrimsThem() {
        #expect(wrapped("the quick brown fox", 10) == ["the quick", "brown fox"])
        #expect(wrapped("aaa bbb", 4) == ["aaa", "bbb"])
        let w = WrappedText("aaa bbb", width: 4)
        #expect(w.lines[0].range == 0..<4)
        #expect(w.lines[0].visibleEnd == 3)
        #expect(w.lines[1].range == 4..<7)
    }

    @Test func aWordLongerThanTheLineIsCut() {
        #expect(wrapped("abcdefghij", 4) == ["abcd", "efgh", "ij"])
    }

    @Test func cjkWithoutSpacesStillWraps() {
        let lines = wrapped("中文文本没有空格也能换行", 10)
        #expect(lines == ["中文文本没", "有空格也能", "换行"])
    }

    @Test func hardBreaksEndLines() {
        let w = WrappedText("a\nb\r\nc\n\nd", width: 10)
        #expect(w.lines.indices.map { w.text(ofLine: $0) } == ["a", "b", "c", "", "d"])
        #expect(w.lines.map(\.endsParagraph) == [true, true, true, true, false])
        #expect(w.lines[1].range == 2..<5)  // "b" plus CR LF
    }

    @Test func emptyTextIsOneEmptyLine() {
        let w = WrappedText("", width: 10)
        #expect(w.lines.count == 1)
        #expect(w.lines[0].range == 0..<0)
    }

    @Test func aWideGlyphThatDoesNotFitMovesDown() {
        #expect(wrapped("abc中", 4) == ["abc", "中"])
        #expect(wrapped("中中中", 5) == ["中中", "中"])
    }

    // Kinsoku: these may never start a line. From width 4 up, where a line
    // holds two wide glyphs, the rule can always be kept.
    @Test(arguments: ["、", "。", "，", "）", "！", "？", "：", "；", "…", "》", "」", "】", "”"])
    func closingPunctuationNeverStartsALine(_ mark: String) {
        for width in 4...14 {
            let lines = wrapped("一二三四五" + mark + "六七八九十" + mark + "完", width)
            for line in lines.dropFirst() {
                #expect(!line.hasPrefix(mark), "width \(width): \(lines)")
            }
        }
    }

    // Kinsoku: these may never end a line.
    @Test(arguments: ["（", "《", "「", "【", "“"])
    func openingPunctuationNeverEndsALine(_ mark: String) {
        for width in 4...14 {
            let lines = wrapped("一二三四" + mark + "五六" + "七八九" + mark + "十", width)
            for line in lines {
                #expect(!line.hasSuffix(mark), "width \(width): \(lines)")
            }
        }
    }

    @Test func kinsokuCarriesThePrecedingIdeographDown() {
        // Five ideographs fill 10 cells; "。" may not start line 2, so "五" goes with it.
        #expect(wrapped("一二三四五。六七", 10) == ["一二三四", "五。六七"])
        #expect(wrapped("一二三四（五六）", 10) == ["一二三四", "（五六）"])
    }

    @Test func dashPairAndEllipsisPairStayTogether() {
        for width in 4...12 {
            let lines = wrapped("一二三四五——六七八……九十", width)
            for (line, next) in zip(lines, lines.dropFirst()) {
                #expect(!(line.hasSuffix("—") && next.hasPrefix("—")), "width \(width): \(lines)")
                #expect(!next.hasPrefix("…"), "width \(width): \(lines)")
            }
        }
    }

    @Test func numbersAndUnitsStayTogether() {
        #expect(wrapped("pay 30% now", 6) == ["pay", "30%", "now"])
        #expect(wrapped("第12条规定", 3) == ["第", "12", "条", "规", "定"])
    }

    @Test func graphemesAreNeverSplit() {
        let family = "👨\u{200D}👩\u{200D}👧"
        let text = "ab" + family + "cd e\u{301}e\u{301}e\u{301} 🇺🇸🇫🇷 ⚠\u{FE0F}x"
        for width in 1...8 {
            let w = WrappedText(text, width: width)
            let all = w.lines.indices.flatMap { w.glyphs(inLine: $0) }
            #expect(all.contains { $0.text == family })
            #expect(all.contains { $0.text == "🇺🇸" } && all.contains { $0.text == "🇫🇷" })
            #expect(all.filter { $0.text == "e\u{301}" }.count == 3)
        }
    }

    @Test func ambiguousWidePolicyWrapsQuotesAsTwoCells() {
        #expect(wrapped("“ab”“cd”", 4, .eastAsian).allSatisfy { $0.cellWidth(.eastAsian) <= 4 })
        #expect(wrapped("“ab” “cd”", 4) == ["“ab”", "“cd”"])
    }

    @Test func tabsAreExpandedByColumn() {
        #expect(wrapped("a\tb", 20, WidthPolicy(tabWidth: 4)) == ["a   b"])
    }

    @Test func controlCharactersAreDrawnVisibly() {
        let lines = wrapped("safe\u{1B}[2Jtext \u{202E}txet", 40)
        #expect(lines == ["safe␛[2Jtext ⟨U+202E⟩txet"])
    }
}
