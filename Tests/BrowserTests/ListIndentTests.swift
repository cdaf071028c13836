import Foundation
import Testing
@testable import Browser
import PolicyModel
import TextCells

/// The reader's lists: a bullet, a space, and the item's wrapped lines hanging under its text.
@Suite("List items in the reader")
struct ListIndentTests {
    /// DeepSeek's Terms of Use §2.3, as archived (two list items).
    static let file = TestCatalog.sample + "/DeepSeek/Terms of Service/2025-11-11T15-23-10Z.md"

    @Test(.enabled(if: TestCatalog.sampleExists, "needs ../shared/ota/sample beside the package"))
    func wrappedLinesOfAListItemHangUnderItsText() throws {
        let text = try String(contentsOfFile: Self.file, encoding: .utf8)
        let items = text.split(separator: "\n").filter { $0.hasPrefix("*   You take full responsibility") || $0.hasPrefix("*   Safely keep") }
        #expect(items.count == 2)
        let rendered = RenderedMarkdown(items.joined(separator: "\n") + "\n")
        let wrapped = WrappedText(rendered.string, width: 50, hangingLists: true)
        let shown = wrapped.lines.indices.map { wrapped.text(ofLine: $0) }
        #expect(shown == [
            "• You take full responsibility for the",
            "  authenticity, legality, and validity of the",
            "  registration information, update the",
            "  registration information promptly, and must not",
            "  register an account or use the Services on",
            "  behalf of others.",
            "• Safely keep your account and password and take",
            "  legal responsibility for all activities under",
            "  that account.",
        ])
        for (i, line) in wrapped.lines.enumerated() { #expect(line.width <= 50, "line \(i) is \(line.width) cells") }
        // A click on the hanging text finds the word under it; the indent finds the first glyph.
        let second = wrapped.offset(line: 1, column: 2)
        #expect(rendered.string.unicodeScalars.dropFirst(second).prefix(12).map(String.init).joined() == "authenticity")
    }

    @Test func withoutABulletOrWhenTooNarrowNothingHangs() {
        let plain = WrappedText("Plain words that wrap over lines here", width: 12, hangingLists: true)
        #expect(plain.lines.allSatisfy { $0.indent == 0 })
        let deep = WrappedText("        • deep item text that wraps", width: 12, hangingLists: true)
        #expect(deep.lines.allSatisfy { $0.indent == 0 }, "an indent over half the width is not kept")
        let off = WrappedText("• item text that wraps", width: 10)
        #expect(off.lines.allSatisfy { $0.indent == 0 })
        let on = WrappedText("• item text that wraps", width: 10, hangingLists: true)
        #expect(on.lines.map(\.indent) == [0, 2, 2, 2])
    }
}
