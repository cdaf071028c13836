import Testing
@testable import PolicyModel

@Suite("Quote anchoring")
struct AnchoringTests {
    func anchor(_ quote: String, in text: String, prefix: String? = nil, suffix: String? = nil) -> Result<Anchor, AnchorFailure> {
        QuoteAnchoring.anchor(quote: quote, prefix: prefix, suffix: suffix, in: PreparedText(text))
    }

    /// The raw text the anchor covers.
    func covered(_ text: String, _ a: Anchor) -> String {
        String(String.UnicodeScalarView(Array(text.unicodeScalars)[a.start..<a.end]))
    }

    @Test func exactEnglishQuoteGivesScalarOffsets() throws {
        let text = "Intro.\n\n4.3 We may use Inputs to improve the Services.\n"
        let a = try anchor("use Inputs to improve", in: text).get()
        #expect(covered(text, a) == "use Inputs to improve")
        #expect(a.section == "4.3")
    }

    @Test func chineseOffsetsCountUnicodeScalarsNotBytes() throws {
        let text = "一、总则\n\n4.3 为了履行法律法规所规定的要求，我们可能会将输入及对应输出用于服务的优化。\n"
        let a = try anchor("用于服务的优化", in: text).get()
        #expect(covered(text, a) == "用于服务的优化")
        let scalars = Array(text.unicodeScalars)
        #expect(a.start < scalars.count && a.end <= scalars.count)
        #expect(a.section == "4.3")
    }

    @Test func whitespaceRunsAndLineBreaksAreIgnored() throws {
        let text = "You can   opt out\nby turning\n\n  off the setting."
        let a = try anchor("You can opt out by turning off the setting.", in: text).get()
        #expect(covered(text, a) == text)
    }

    @Test func markupInsideAndAcrossTheQuoteIsIgnored() throws {
        let text = "Please read **the terms in bold** and _this_ part \\* carefully."
        // starts inside bold and crosses its end
        let a = try anchor("terms in bold and this part", in: text).get()
        #expect(covered(text, a) == "terms in bold** and _this_ part")
    }

    @Test func linkSyntaxKeepsOnlyTheLinkText() throws {
        let text = "See the [Privacy Policy](https://example.com/privacy?a=(1)) for details."
        let a = try anchor("See the Privacy Policy for details.", in: text).get()
        #expect(covered(text, a) == text)
        #expect(throws: AnchorFailure.self) { try anchor("example.com", in: text).get() }
    }

    @Test func otherDifferencesAreNotIgnored() {
        let text = "We may use \u{201C}Inputs\u{201D} to improve."
        #expect(throws: AnchorFailure.notFound) { try anchor("We may use \"Inputs\" to improve.", in: text).get() }
        #expect(throws: AnchorFailure.notFound) { try anchor("we may use", in: text).get() }
    }

    @Test func ambiguousQuoteNeedsPrefixOrSuffix() throws {
        let text = "A. You own it. B. You own it. C."
        #expect(throws: AnchorFailure.ambiguous(count: 2)) { try anchor("You own it.", in: text).get() }
        let second = try anchor("You own it.", in: text, prefix: "B.").get()
        #expect(second.start == 18)
        let first = try anchor("You own it.", in: text, suffix: "B.").get()
        #expect(first.start == 3)
        #expect(throws: AnchorFailure.contextNotFound(count: 2)) { try anchor("You own it.", in: text, prefix: "Z.").get() }
    }

    @Test func aPageCarryingTheSameTermsTwiceAnchorsAtTheFirstCopy() throws {
        let clause = String(repeating: "Regional preamble words. ", count: 8) + "We do not use Your Data to train models. " + String(repeating: "More shared words here. ", count: 8)
        let text = "EEA terms\n" + clause + "\n\nRest of world terms\n" + clause
        let a = try anchor("We do not use Your Data to train models.", in: text).get()
        #expect(a.start < text.unicodeScalars.count / 2)
        // Different surroundings are still ambiguous.
        #expect(throws: AnchorFailure.ambiguous(count: 2)) { try anchor("shared words", in: "a shared words b. c shared words d.").get() }
    }

    @Test func emptyQuoteIsAnError() {
        #expect(throws: AnchorFailure.empty) { try anchor("  ** ", in: "text").get() }
    }
}

@Suite("Sections")
struct SectionTests {
    func label(at needle: String, in text: String) -> String? {
        let prepared = PreparedText(text)
        guard case .success(let a) = QuoteAnchoring.anchor(quote: needle, in: prepared) else { return "not anchored" }
        return a.section
    }

    @Test func clauseNumbersOfEveryStyle() {
        let text = """
        第四条 数据
        正文甲。
        一、总则
        正文乙。
        （1）第一项内容。
        4.3 English clause body.
        (a) lettered item body.
        Section 7.2 Governing law body.
        """
        #expect(label(at: "正文甲", in: text) == "第四条")
        #expect(label(at: "正文乙", in: text) == "一、")
        #expect(label(at: "第一项内容", in: text) == "（1）")
        #expect(label(at: "English clause body", in: text) == "4.3")
        #expect(label(at: "lettered item body", in: text) == "(a)")
        #expect(label(at: "Governing law body", in: text) == "7.2")
    }

    @Test func markdownHeadingsSetextAndBoldLines() {
        let text = """
        Terms
        =====

        Intro text.

        Data use
        --------

        Body one.

        ## 5. Retention ##

        Body two.

        **Your Choices**

        Body three.
        """
        #expect(label(at: "Intro text", in: text) == "Terms")
        #expect(label(at: "Body one", in: text) == "Data use")
        #expect(label(at: "Body two", in: text) == "5")
        #expect(label(at: "Body three", in: text) == "Your Choices")
    }

    @Test func yearsAmountsAndLongNumberedListItemsAreNotSections() {
        let text = """
        ## Payments
        2025 was a year.
        3. This numbered list item is a long sentence that goes on well past ninety characters so it is not a title.
        Target sentence.
        """
        #expect(label(at: "Target sentence", in: text) == "Payments")
    }

    @Test func lookupByLabelTreatsFullwidthParenthesesAlike() {
        let index = SectionIndex("（1）甲\n4.3 乙\n")
        #expect(index.section(labelled: "(1)")?.label == "（1）")
        #expect(index.section(labelled: "4.3")?.line == 2)
        #expect(index.section(labelled: "9.9") == nil)
    }
}
