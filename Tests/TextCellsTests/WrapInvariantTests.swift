import Testing
@testable import TextCells

/// Texts that mix what real terms of service contain.
let wrapCorpus: [String] = [
    "DeepSeek may use your Inputs and Outputs to improve and train its models. You may opt out in Settings.",
    "我们会在您同意的前提下，将您的输入内容（包括对话、文件）用于模型训练。您可以在“设置—数据控制”中关闭该选项；关闭后，我们将不再使用。",
    "第四条　用户权利：（一）删除权……（二）更正权！您是否同意？《服务条款》第4.3条。",
    "Mixed 中文 and English: the “Service” 服务 means 30% of ¥100 (approx.) — see §4.3.",
    "e\u{301}e\u{301} 👨\u{200D}👩\u{200D}👧 🇨🇳🇺🇸 ⚠\u{FE0F} 1\u{FE0F}\u{20E3} \u{200B}zero\u{200B}width",
    "tabs\tand\tcontrols \u{1B}[31m red \u{202E} rtl \u{7F}\nnew line\r\nCRLF\n\nblank above",
    "Supercalifragilisticexpialidocious-and-other-very-long-words-without-spaces",
    "   indented line with trailing spaces   ",
]

@Suite struct WrapInvariantTests {
    @Test(arguments: wrapCorpus)
    func linesNeverWiderThanTheWidthUnlessOneGlyphIs(_ text: String) {
        for width in 1...40 {
            let w = WrappedText(text, width: width)
            for i in w.lines.indices {
                let glyphs = w.glyphs(inLine: i)
                #expect(w.lines[i].width == glyphs.reduce(0) { $0 + $1.width })
                if glyphs.count > 1 {
                    #expect(w.lines[i].width <= width, "width \(width) line \(i): \(w.text(ofLine: i))")
                }
            }
        }
    }

    @Test(arguments: wrapCorpus)
    func linesCoverTheSourceInOrderWithoutLoss(_ text: String) {
        let scalars = Array(text.unicodeScalars)
        for width in 1...40 {
            let w = WrappedText(text, width: width)
            var expectedStart = 0
            var rebuilt = String.UnicodeScalarView()
            for line in w.lines {
                #expect(line.range.lowerBound == expectedStart)
                #expect(line.visibleRange.upperBound <= line.range.upperBound)
                rebuilt.append(contentsOf: scalars[line.range])
                expectedStart = line.range.upperBound
            }
            #expect(expectedStart == scalars.count)
            #expect(w.scalarCount == scalars.count)
            #expect(String(rebuilt) == text)
        }
    }

    @Test(arguments: wrapCorpus)
    func onlySpacesAndTerminatorsAreLeftUndrawn(_ text: String) {
        let scalars = Array(text.unicodeScalars)
        let w = WrappedText(text, width: 12)
        for line in w.lines {
            let hidden = String(String.UnicodeScalarView(scalars[line.visibleEnd..<line.range.upperBound]))
            #expect(hidden.allSatisfy { $0 == " " || $0 == "\t" || Sanitizer.isLineTerminator($0) })
        }
    }

    @Test(arguments: wrapCorpus)
    func drawnTextNeverContainsUnsafeScalars(_ text: String) {
        let w = WrappedText(text, width: 9)
        for i in w.lines.indices {
            #expect(!w.text(ofLine: i).unicodeScalars.contains(where: Sanitizer.isUnsafe))
        }
    }

    @Test func chineseLegalTextKeepsKinsokuAtEveryWidth() {
        let text = wrapCorpus[1] + wrapCorpus[2]
        let neverFirst: Set<Character> = ["、", "。", "，", "）", "！", "？", "：", "；", "…", "》", "”"]
        let neverLast: Set<Character> = ["（", "《", "“", "「"]
        // From 6 cells up: the longest unbreakable run here, "（一）", fits a line.
        for width in 6...40 {
            let lines = wrapped(text, width)
            for (i, line) in lines.enumerated() {
                if i > 0, let first = line.first { #expect(!neverFirst.contains(first), "width \(width): \(line)") }
                if let last = line.last { #expect(!neverLast.contains(last), "width \(width): \(line)") }
            }
        }
    }
}
