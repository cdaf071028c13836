import Testing
@testable import TextCells

@Suite struct SanitizerTests {
    @Test(arguments: [
        ("\u{1B}[31mred", "␛[31mred"),
        ("a\u{0}b", "a␀b"),
        ("bell\u{7}", "bell␇"),
        ("del\u{7F}", "del␡"),
        ("\u{9B}31m", "⟨U+009B⟩31m"),
        ("\u{85}", "⟨U+0085⟩"),
        ("\u{202E}evil", "⟨U+202E⟩evil"),
        ("x\u{2066}y\u{2069}", "x⟨U+2066⟩y⟨U+2069⟩"),
        ("\u{200E}\u{200F}", "⟨U+200E⟩⟨U+200F⟩"),
        ("\u{61C}", "⟨U+061C⟩"),
        ("line\r\nnext", "line␍␊next"),
        ("a\nb", "a␊b"),
        ("a\tb", "a       b"),
        ("中文、“引号”", "中文、“引号”"),
        ("e\u{301}👍", "e\u{301}👍"),
    ])
    func sanitizedLine(_ input: String, _ expected: String) {
        #expect(Sanitizer.sanitize(input) == expected)
    }

    @Test func noUnsafeScalarSurvivesAnyControlOrBidiCharacter() {
        var hostile = ""
        for v in Array(0..<0x20) + Array(0x7F...0x9F) + [0x61C, 0x200E, 0x200F] + Array(0x202A...0x202E) + Array(0x2066...0x2069) {
            if let s = Unicode.Scalar(UInt32(v)) { hostile.unicodeScalars.append(s); hostile += "x" }
        }
        let out = Sanitizer.sanitize(hostile)
        #expect(!out.unicodeScalars.contains(where: Sanitizer.isUnsafe))
        #expect(out.filter { $0 == "x" }.count == hostile.filter { $0 == "x" }.count)
    }

    @Test func tabsExpandFromTheGivenColumn() {
        #expect(Sanitizer.sanitize("\tb", startColumn: 6) == "  b")
        #expect(Sanitizer.sanitize("中\tb", policy: WidthPolicy(tabWidth: 4)) == "中  b")
    }

    @Test func visibleFormIsNilForOrdinaryText() {
        for c in ["a", "中", "😀", "\u{3000}", "\t"] as [Character] {
            #expect(Sanitizer.visibleForm(of: c) == nil)
        }
    }
}
