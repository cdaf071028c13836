import Testing
@testable import TextCells

@Suite("Unsafe scalars")
struct SanitizerTests {
    /// The byte-at-a-time pass over printable ASCII decides as the scalar-by-scalar test does.
    @Test func containsUnsafeAgreesWithTheScalarTest() {
        let pieces = ["plain text", "训练数据", "tab\there", "esc\u{1B}[31m", "bidi \u{202E}evil", "nbsp\u{00A0}", "del\u{7F}",
                      "line\u{2028}sep", "é", "", "~", " ", "c1\u{85}", "mark\u{200F}", "emoji 🙂",
                      "… cut", "c1 end\u{9F}", "isolate\u{2069}", "arabic\u{61C}", "\u{61B}\u{61D}", "\u{202F}"]
        var rng = SystemRandomNumberGenerator()
        var texts = pieces
        for _ in 0..<2_000 {
            texts.append((0..<Int.random(in: 1...4, using: &rng)).map { _ in pieces.randomElement(using: &rng) ?? "" }.joined())
        }
        for text in texts {
            #expect(Sanitizer.containsUnsafe(text) == text.unicodeScalars.contains(where: Sanitizer.isUnsafe), "\(text.debugDescription)")
        }
    }
}
