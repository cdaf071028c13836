import Testing
@testable import PolicyModel

@Suite("Quote finder")
struct QuoteFinderTests {
    let text = """
    Terms
    =====

    ## 4. Content

    4.3 We may use Inputs to improve the Services. You can opt out by turning off “Improve the model”.

    4.4 We keep Inputs for 30 days. We keep Outputs for 30 days.

    4.5 Section 4.4 applies to Inputs and Outputs alike. We keep Inputs for 30 days.
    """

    func covered(_ a: Anchor) -> String {
        String(String.UnicodeScalarView(Array(text.unicodeScalars)[a.start..<a.end]))
    }

    @Test func anExactPassageGivesItsPlaceAndSection() throws {
        guard case .found(let found) = QuoteFinder.find("opt out by turning off", in: PreparedText(text)) else {
            Issue.record("not found")
            return
        }
        #expect(covered(found.anchor) == "opt out by turning off")
        #expect(found.anchor.section == "4.3")
        #expect(found.occurrences == 1)
        #expect(found.prefix == nil && found.suffix == nil)
    }

    @Test func aRepeatedPassageGetsTheShortestContextThatPicksIt() throws {
        let prepared = PreparedText(text)
        for occurrence in [1, 2] {
            guard case .found(let found) = QuoteFinder.find("We keep Inputs for 30 days.", in: prepared, occurrence: occurrence) else {
                Issue.record("not found")
                continue
            }
            #expect(found.occurrences == 2)
            #expect(found.anchor.section == (occurrence == 1 ? "4.4" : "4.5"))
            // The context printed must anchor the quote exactly there, and only there.
            let anchored = QuoteAnchoring.anchor(quote: "We keep Inputs for 30 days.", prefix: found.prefix, suffix: found.suffix, in: prepared)
            #expect((try? anchored.get()) == found.anchor)
            #expect((found.prefix ?? found.suffix) != nil)
        }
    }

    @Test func aStraightQuoteMarkIsNamedAsTheFirstDifference() throws {
        let quote = "You can opt out by turning off \"Improve the model\"."
        guard case .near(let near) = QuoteFinder.find(quote, in: PreparedText(text)) else {
            Issue.record("expected the nearest passage")
            return
        }
        #expect(near.offset == 31)
        #expect(near.expected == "\"")
        #expect(near.found == "“")
        #expect(near.similarity > 0.9 && near.similarity < 1)
        #expect(near.anchor.section == "4.3")
        #expect(covered(near.anchor).hasPrefix("You can opt out by turning off “Improve"))
        let hint = QuoteFinder.hint(quote, in: PreparedText(text)) ?? ""
        #expect(hint == "nearest passage in §4.3 is 96% similar, first difference at character 32: the quote has `\"` (U+0022), the text has `“` (U+201C) (termlens quote shows it)")
    }

    @Test func nothingCloseGivesNoHint() {
        #expect(QuoteFinder.hint("Completely unrelated words about llamas", in: PreparedText(text)) == nil)
        #expect(QuoteFinder.find("", in: PreparedText(text)) == .nothing)
    }

    @Test func theOffsetOfTheDifferenceCountsTheQuoteAsWritten() throws {
        // Markup and doubled spaces in the quote do not shift the reported character.
        let quote = "We  keep **Inputs** for 31 days."
        guard case .near(let near) = QuoteFinder.find(quote, in: PreparedText(text)) else {
            Issue.record("expected the nearest passage")
            return
        }
        let scalars = Array(quote.unicodeScalars)
        #expect(scalars[near.offset] == "1")
        #expect(near.found == "0")
    }
}

@Suite("Suggestions and slugs")
struct SuggestionTests {
    @Test func typosGetTheClosestCandidate() {
        #expect(Suggestion.closest("yess", in: ["yes", "no", "conditional"]) == "yes")
        #expect(Suggestion.closest("Kimi Ai", in: ["Kimi AI", "Qwen Chat"]) == "Kimi AI")
        #expect(Suggestion.closest("train-on-input", in: ["train-on-inputs", "retention"]) == "train-on-inputs")
        #expect(Suggestion.closest("zzz", in: ["yes", "no"]) == nil)
        #expect(Suggestion.hint("deepsek", in: ["deepseek", "openai"]) == " (did you mean `deepseek`?)")
    }

    @Test func idsFromNames() {
        #expect(Slug.make("GitHub Copilot") == "github-copilot")
        #expect(Slug.make("Privacy Policy") == "privacy-policy")
        #expect(Slug.make("  Le Chat / Vibe!! ") == "le-chat-vibe")
        #expect(Slug.make("文心一言") == "文心一言")
        // What a data layer stores keeps to ASCII.
        #expect(Slug.ascii("文心一言") == "" && Slug.ascii("DeepSeek 用户协议") == "deepseek" && Slug.ascii("ＡＩ Café") == "ai-caf")
        #expect(Identifier.isValid(Slug.ascii("Kimi 智能助手")))
        #expect(Identifier.isValid(Slug.make("Google Cloud Platform")))
    }
}
