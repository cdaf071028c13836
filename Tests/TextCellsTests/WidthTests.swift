import Testing
@testable import TextCells

struct WidthCase: CustomTestStringConvertible, Sendable {
    let text: Character
    let width: Int
    let note: String
    var testDescription: String { note }
}

@Suite struct WidthTests {
    static let standardCases: [WidthCase] = [
        .init(text: "a", width: 1, note: "ASCII letter"),
        .init(text: "中", width: 2, note: "CJK ideograph"),
        .init(text: "\u{20000}", width: 2, note: "CJK extension B"),
        .init(text: "\u{3400}", width: 2, note: "CJK extension A"),
        .init(text: "，", width: 2, note: "fullwidth comma"),
        .init(text: "、", width: 2, note: "ideographic comma"),
        .init(text: "\u{3000}", width: 2, note: "ideographic space"),
        .init(text: "Ａ", width: 2, note: "fullwidth Latin"),
        .init(text: "ｱ", width: 1, note: "halfwidth katakana"),
        .init(text: "ﾞ", width: 1, note: "halfwidth dakuten"),
        .init(text: "가", width: 2, note: "Hangul syllable"),
        .init(text: "\u{1100}\u{1161}\u{11A8}", width: 2, note: "Hangul jamo sequence"),
        .init(text: "“", width: 1, note: "ambiguous quote, narrow by default"),
        .init(text: "…", width: 1, note: "ambiguous ellipsis"),
        .init(text: "─", width: 1, note: "ambiguous box drawing"),
        .init(text: "①", width: 1, note: "ambiguous circled digit"),
        .init(text: "é", width: 1, note: "precomposed e acute"),
        .init(text: "e\u{301}", width: 1, note: "e + combining acute"),
        .init(text: "a\u{301}\u{302}\u{303}", width: 1, note: "stacked combining marks"),
        .init(text: "中\u{301}", width: 2, note: "ideograph + combining mark"),
        .init(text: "😀", width: 2, note: "emoji presentation"),
        .init(text: "⚠", width: 1, note: "text-default emoji"),
        .init(text: "⚠\u{FE0F}", width: 2, note: "text-default emoji + VS16"),
        .init(text: "❤\u{FE0F}", width: 2, note: "heart + VS16"),
        .init(text: "1\u{FE0F}\u{20E3}", width: 2, note: "keycap"),
        .init(text: "👨\u{200D}👩\u{200D}👧", width: 2, note: "ZWJ family"),
        .init(text: "👍\u{1F3FD}", width: 2, note: "emoji + skin tone modifier"),
        .init(text: "🇺🇸", width: 2, note: "flag"),
        .init(text: "\u{200B}", width: 0, note: "zero width space"),
        .init(text: "\u{1B}", width: 1, note: "ESC drawn as ␛"),
        .init(text: "\u{7F}", width: 1, note: "DEL drawn as ␡"),
        .init(text: "\u{202E}", width: 8, note: "RLO drawn as ⟨U+202E⟩"),
    ]

    @Test(arguments: standardCases)
    func widthWithStandardPolicy(_ c: WidthCase) {
        #expect(c.text.cellWidth() == c.width)
    }

    static let eastAsianCases: [WidthCase] = [
        .init(text: "“", width: 2, note: "quote"),
        .init(text: "…", width: 2, note: "ellipsis"),
        .init(text: "─", width: 2, note: "box drawing"),
        .init(text: "①", width: 2, note: "circled digit"),
        .init(text: "§", width: 2, note: "section sign"),
        .init(text: "中", width: 2, note: "ideograph unchanged"),
        .init(text: "a", width: 1, note: "ASCII unchanged"),
        .init(text: "ｱ", width: 1, note: "halfwidth unchanged"),
    ]

    @Test(arguments: eastAsianCases)
    func widthWithAmbiguousWide(_ c: WidthCase) {
        #expect(c.text.cellWidth(.eastAsian) == c.width)
    }

    @Test func stringWidthExpandsTabsAndAddsGraphemes() {
        #expect("中文abc".cellWidth() == 7)
        #expect("a\tb".cellWidth() == 9)
        #expect("a\tb".cellWidth(WidthPolicy(tabWidth: 4)) == 5)
        #expect("👨\u{200D}👩\u{200D}👧!".cellWidth() == 3)
        #expect("“条款”".cellWidth() == 6)
        #expect("“条款”".cellWidth(.eastAsian) == 8)
    }

    @Test func tableLookupAgreesWithDirectRanges() {
        // Checks the packed-run binary search at run edges, not just fast paths.
        #expect(UnicodeProperties.widthKind("\u{FF01}").kind == .wide)      // first fullwidth form
        #expect(UnicodeProperties.widthKind("\u{FF61}").kind == .narrow)    // first halfwidth form
        #expect(UnicodeProperties.widthKind("\u{10FFFD}").kind == .ambiguous) // private use, plane 16
        #expect(UnicodeProperties.lineBreakClass("\u{3001}") == .CL)
        #expect(UnicodeProperties.lineBreakClass("\u{FF08}") == .OP)
        #expect(UnicodeProperties.lineBreakClass("\u{201C}") == .QUPi)
        #expect(UnicodeProperties.lineBreakClass("\u{201D}") == .QUPf)
        #expect(UnicodeProperties.lineBreakClass("\u{2026}") == .IN)
        #expect(UnicodeProperties.lineBreakClass("\u{FF1A}") == .NS)
    }
}
