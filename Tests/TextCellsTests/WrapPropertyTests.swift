import Testing
@testable import TextCells

/// Random texts built from the pieces terms of service and hostile pages are made of.
enum TextGenerator {
    static let pieces: [String] = [
        "the", "Services", "opt-out", "training", " ", " ", "  ", "\t", "\n", "\r\n", "\u{85}", "\u{2028}",
        "我们", "训练", "数据", "、", "。", "，", "（", "）", "《", "》", "“", "”", "……", "——", "　",
        "e\u{301}", " \u{651}", "\u{301}", "👍", "👨\u{200D}👩\u{200D}👧", "🇨🇳", "🇨", "⚠\u{FE0F}", "1\u{FE0F}\u{20E3}",
        "\u{1B}[31m", "\u{7}", "\u{0}", "\u{7F}", "\u{9B}", "\u{202E}", "\u{2066}", "\u{200B}", "\u{AD}", "\u{FFFD}",
        "Ω", "±", "§4.3", "30%", "(a)", "https://example.com/a-very-long-path", "Supercalifragilistic",
    ]

    static func text(_ rng: inout SeededGenerator, maxPieces: Int = 40) -> String {
        var out = ""
        for _ in 0..<Int.random(in: 0...maxPieces, using: &rng) {
            if Int.random(in: 0..<8, using: &rng) == 0, let scalar = Unicode.Scalar(UInt32.random(in: 0...0x2FFFF, using: &rng)) {
                out.unicodeScalars.append(scalar)  // any scalar at all, now and then
            } else {
                out += pieces.randomElement(using: &rng)!
            }
        }
        return out
    }
}

@Suite("Wrapping properties")
struct WrapPropertyTests {
    static let cases = 400

    /// No line wider than the width (unless it is one glyph that fits nowhere), every
    /// source scalar accounted for once and in order, only spaces and line terminators
    /// left undrawn, nothing unsafe drawn.
    @Test func wrappingKeepsItsPromisesOnRandomText() {
        var rng = SeededGenerator(seed: 0x7E1E_0001)
        for n in 0..<Self.cases {
            let text = TextGenerator.text(&rng)
            let width = [1, 2, 3, 5, 8, 13, 40, 80].randomElement(using: &rng)!
            let policy = Bool.random(using: &rng) ? WidthPolicy.standard : WidthPolicy(ambiguousIsWide: true, tabWidth: 4)
            let problems = Self.violations(WrappedText(text, width: width, policy: policy), text: text, width: width)
            #expect(problems.isEmpty, "case \(n), width \(width), text \(text.debugDescription): \(problems)")
            if !problems.isEmpty { return }
        }
    }

    @Test func truncationAndPaddingFitTheWidth() {
        var rng = SeededGenerator(seed: 0x7E1E_0002)
        for _ in 0..<Self.cases {
            let text = TextGenerator.text(&rng, maxPieces: 12)
            let width = Int.random(in: 0...30, using: &rng)
            for side in [TruncationSide.end, .start] {
                let cut = text.truncated(toWidth: width, side: side)
                #expect(cut.cellWidth() <= width, "\(text.debugDescription) → \(cut.debugDescription)")
                #expect(!cut.unicodeScalars.contains(where: Sanitizer.isUnsafe))
            }
            #expect(text.padded(toWidth: width).cellWidth() == width, "\(text.debugDescription)")
        }
    }

    @Test func sanitisingLeavesNoControlCharacter() {
        var rng = SeededGenerator(seed: 0x7E1E_0003)
        for _ in 0..<Self.cases {
            let text = TextGenerator.text(&rng)
            let line = Sanitizer.sanitize(text, startColumn: Int.random(in: 0...9, using: &rng))
            #expect(!line.unicodeScalars.contains(where: Sanitizer.isUnsafe), "\(text.debugDescription)")
            #expect(!line.contains(where: Sanitizer.isLineTerminator))
            // Nothing visible is dropped: every safe scalar of the text is still there, in order.
            let kept = text.unicodeScalars.filter { !Sanitizer.isUnsafe($0) && $0 != "\t" }
            var rest = line.unicodeScalars[...]
            for scalar in kept {
                guard let at = rest.firstIndex(of: scalar) else {
                    Issue.record("\(scalar.debugDescription) of \(text.debugDescription) lost in \(line.debugDescription)")
                    break
                }
                rest = rest[rest.index(after: at)...]
            }
        }
    }

    /// Found by Fuzz/FuzzWrapping: a space carrying a combining mark was trimmed as a
    /// hanging space at a soft break, so the mark was never drawn.
    @Test(arguments: 1...8)
    func aSpaceCarryingAMarkIsDrawnNotTrimmed(width: Int) {
        let text = "  \u{651}\u{FFFD} 2"
        let wrapped = WrappedText(text, width: width, policy: WidthPolicy(ambiguousIsWide: true))
        #expect(Self.violations(wrapped, text: text, width: width).isEmpty)
        let drawn = wrapped.lines.indices.map { wrapped.text(ofLine: $0) }.joined()
        #expect(drawn.unicodeScalars.contains("\u{651}"), "\(drawn.debugDescription)")
    }

    /// What is wrong with `wrapped`, if anything.
    static func violations(_ wrapped: WrappedText, text: String, width: Int) -> [String] {
        let scalars = Array(text.unicodeScalars)
        var problems: [String] = []
        var next = 0
        for (i, line) in wrapped.lines.enumerated() {
            if line.range.lowerBound != next { problems.append("line \(i) starts at \(line.range.lowerBound), not \(next)") }
            next = line.range.upperBound
            let glyphs = wrapped.glyphs(inLine: i)
            if glyphs.count > 1 && line.width > width { problems.append("line \(i) is \(line.width) cells wide") }
            if glyphs.reduce(0, { $0 + $1.width }) != line.width { problems.append("line \(i) width differs from its glyphs") }
            var offset = line.range.lowerBound
            for glyph in glyphs {
                if glyph.sourceOffset != offset { problems.append("line \(i): glyph out of order at \(offset)") }
                offset += glyph.scalarCount
            }
            if offset != line.visibleEnd { problems.append("line \(i): glyphs end at \(offset), drawn part at \(line.visibleEnd)") }
            let hidden = String(String.UnicodeScalarView(scalars[line.visibleEnd..<line.range.upperBound]))
            if !hidden.allSatisfy({ $0 == " " || $0 == "\t" || Sanitizer.isLineTerminator($0) }) {
                problems.append("line \(i) leaves \(hidden.debugDescription) undrawn")
            }
            if wrapped.text(ofLine: i).unicodeScalars.contains(where: Sanitizer.isUnsafe) { problems.append("line \(i) draws an unsafe scalar") }
        }
        if next != scalars.count { problems.append("lines cover \(next) of \(scalars.count) scalars") }
        return problems
    }
}
