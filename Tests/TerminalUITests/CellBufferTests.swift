import Testing
import TerminalUI
import TextCells

@Suite struct CellBufferTests {
    @Test func wideGlyphTakesACellAndAContinuation() {
        var b = CellBuffer(width: 6, height: 1)
        #expect(b.write("a中b", x: 0, y: 0) == 4)
        #expect(b[1, 0].character == "中" && b[1, 0].width == 2)
        #expect(b[2, 0].isContinuation)
        #expect(rows(b) == ["a中b"])
        #expect(invariantProblems(b).isEmpty)
    }

    @Test func overwritingTheRightHalfClearsTheLeftHalf() {
        var b = CellBuffer(width: 4, height: 1)
        b.write("中文", x: 0, y: 0)
        b.put("x", x: 1, y: 0)
        #expect(rows(b) == [" x文"])
        #expect(invariantProblems(b).isEmpty)
    }

    @Test func overwritingTheLeftHalfClearsTheRightHalf() {
        var b = CellBuffer(width: 4, height: 1)
        b.write("中文", x: 0, y: 0)
        b.put("x", x: 2, y: 0)
        #expect(rows(b) == ["中x"])
        #expect(!b[3, 0].isContinuation)
        #expect(invariantProblems(b).isEmpty)
    }

    @Test func aWideGlyphAcrossTwoOthersClearsBoth() {
        var b = CellBuffer(width: 4, height: 1)
        b.write("中文", x: 0, y: 0)
        b.put("字", x: 1, y: 0)
        #expect(b.textLines() == [" 字 "])
        #expect(invariantProblems(b).isEmpty)
    }

    @Test func writingClipsByDisplayWidthAtTheEdge() {
        var b = CellBuffer(width: 5, height: 2)
        b.write("abc中", x: 2, y: 0)       // 中 would need columns 5 and 6
        b.write("ab中d", x: 0, y: 1, clip: Rect(x: 0, y: 1, width: 3, height: 1))
        #expect(b.textLines() == ["  abc", "ab   "])
        #expect(invariantProblems(b).isEmpty)
    }

    @Test func writingStartingLeftOfTheClipKeepsColumns() {
        var b = CellBuffer(width: 6, height: 1)
        b.write("中文ab", x: 0, y: 0, clip: Rect(x: 2, y: 0, width: 4, height: 1))
        #expect(b.textLines() == ["  文ab"])
    }

    @Test func controlCharactersAreStoredAsVisibleSymbols() {
        var b = CellBuffer(width: 20, height: 1)
        b.write("a\u{1B}[2J\u{202E}b\u{7}", x: 0, y: 0)
        #expect(rows(b) == ["a␛[2J⟨U+202E⟩b␇"])
        let stored = b.cells.flatMap { $0.character.unicodeScalars }
        #expect(!stored.contains(where: Sanitizer.isUnsafe))
    }

    @Test func tabsExpandFromTheWriteColumn() {
        var b = CellBuffer(width: 12, height: 1, policy: WidthPolicy(tabWidth: 4))
        b.write("a\tb", x: 2, y: 0)
        #expect(b.textLines() == ["  a   b     "])
    }

    @Test func zeroWidthGraphemesTakeNoCell() {
        var b = CellBuffer(width: 4, height: 1)
        #expect(b.write("a\u{200B}b", x: 0, y: 0) == 2)
        #expect(rows(b) == ["ab"])
    }

    @Test func manyRandomWritesKeepTheInvariant() {
        var b = CellBuffer(width: 9, height: 3)
        let samples = ["中", "a", "文字", "😀x", "e\u{301}", "🇺🇸", "，", "ab"]
        var seed: UInt64 = 42
        func next(_ n: Int) -> Int {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Int((seed >> 33) % UInt64(n))
        }
        for _ in 0..<2000 {
            b.write(samples[next(samples.count)], x: next(10) - 1, y: next(3))
            #expect(invariantProblems(b).isEmpty)
        }
    }

    @Test func fillAndRestyle() {
        var b = CellBuffer(width: 5, height: 2)
        b.fill(Rect(x: 1, y: 0, width: 3, height: 2), with: "·", style: Style(.dim))
        b.restyle(row: 1, columns: 2..<9) { $0 = $0.with(role: .highlight) }
        #expect(rows(b) == [" ···", " ···"])
        #expect(columns(of: .dim, row: 0, in: b) == [1, 2, 3])
        #expect(columns(of: .highlight, row: 1, in: b) == [2, 3, 4])
    }

    @Test func ambiguousWidePolicyMakesQuotesTwoCells() {
        var b = CellBuffer(width: 6, height: 1, policy: .eastAsian)
        b.write("“a”", x: 0, y: 0)
        #expect(b[0, 0].width == 2 && b[3, 0].width == 2)
        #expect(invariantProblems(b).isEmpty)
    }
}
