import Foundation
import Testing
@testable import PolicyModel

/// Search snippets show Markdown and HTML as plain text, with the match ranges following.
@Suite("Snippet markup")
struct SnippetMarkupTests {
    /// Line `n` (1-based) of a sample file, as scalars.
    func line(_ file: String, _ n: Int) throws -> [Unicode.Scalar] {
        let text = try String(contentsOfFile: SharedSample.path + "/" + file, encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        return Array(try #require(lines.dropFirst(n - 1).first).unicodeScalars)
    }

    /// The snippet around the first occurrence of `word`, and the snippet text its match covers.
    func snippet(_ s: [Unicode.Scalar], around word: String) throws -> (text: String, match: String) {
        let w = Array(word.unicodeScalars)
        let at = try #require((0...(s.count - w.count)).first { Array(s[$0..<($0 + w.count)]) == w }, "no `\(word)`")
        let made = Snippet.make(s, matchStart: at, matchEnd: at + w.count, highlights: [at..<(at + w.count)])
        let scalars = Array(made.text.unicodeScalars)
        #expect(made.highlights == [made.match])
        return (made.text, String(String.UnicodeScalarView(scalars[made.match])))
    }

    @Test(.enabled(if: SharedSample.exists, "needs ../shared/ota/sample beside the package"))
    func lineBreakTagsAreSpaces() throws {
        let s = try line("Mistral AI/Privacy Policy/2025-05-28T00-33-55Z.md", 66)
        let (text, match) = try snippet(s, around: "Your Input")
        #expect(!text.contains("<br>"), "\(text)")
        #expect(text.contains("personal data Your Input"), "\(text)")
        #expect(match == "Your Input")
    }

    @Test(.enabled(if: SharedSample.exists, "needs ../shared/ota/sample beside the package"))
    func blockquoteMarksAreDropped() throws {
        let s = try line("DeepSeek/Privacy Policy/2026-02-10T11-30-29Z.md", 4)
        let (text, match) = try snippet(s, around: "Last Update")
        #expect(text == "Last Update: Feb 10, 2026", "\(text)")
        #expect(match == "Last Update")
    }

    @Test(.enabled(if: SharedSample.exists, "needs ../shared/ota/sample beside the package"))
    func headingMarksAreDropped() throws {
        let s = try line("ChatGPT/Business Privacy Policy/2026-08-22T10-31-15Z.md", 95)
        let (text, match) = try snippet(s, around: "data retention")
        #expect(text == "What is OpenAI’s policy on data retention for ChatGPT Enterprise, ChatGPT Edu, and ChatGPT for Health…")
        #expect(match == "data retention")
    }

    @Test(.enabled(if: SharedSample.exists, "needs ../shared/ota/sample beside the package"))
    func linksShowTheirTextAndListMarkersABullet() throws {
        let s = try line("ChatGPT/Privacy Policy/2026-07-25T10-30-09Z.md", 11)
        let (text, match) = try snippet(s, around: "Retention")
        #expect(text == "• 4. Retention")
        #expect(match == "Retention")
    }

    @Test func aMatchInsideDroppedMarkupIsDroppedAndOffsetsStayInOrder() {
        let s = Array("See [the terms](#terms-anchor)<br/>now **bold** \\* here".unicodeScalars)
        let m = SnippetMarkup(s, atLineStart: true)
        #expect(String(String.UnicodeScalarView(m.plain)) == "See the terms now bold * here")
        #expect(m.position.count == s.count + 1)
        #expect(zip(m.position, m.position.dropFirst()).allSatisfy { $0 <= $1 })
        // "anchor" lies in the link target, which is not shown: it maps to nothing; "terms" follows the text.
        let made = Snippet.make(s, matchStart: 23, matchEnd: 29, highlights: [9..<14, 23..<29])
        #expect(made.highlights == [8..<13])
        #expect(made.match.isEmpty)
        #expect(made.text == "See the terms now bold * here")
    }
}
