import Foundation
import Testing
@testable import PolicyModel

/// Numbered lists inside a clause are not clauses: a quote after the list is cited by the
/// clause it is in, in the reader's outline, in anchors and in search alike.
@Suite("Numbered lists inside clauses")
struct ListItemSectionTests {
    /// Anthropic's Consumer Terms: clause headings in bold (`**4\. …**`), a plain list inside.
    static let boldClauses = """
    **4\\. Inputs, Outputs, Actions, and Materials.**

    **Reliance on Outputs and Actions.** When you use our Services, you acknowledge and agree:

    1.  Outputs may not always be accurate and may contain material inaccuracies even if they appear accurate because of their level of detail or specificity.
    2.  Actions may not be error free or operate as you intended.
    3.  You should not rely on any Outputs or Actions without independently confirming their accuracy.
    4.  The Services and any Outputs may not reflect correct, current, or complete information.
    5.  Outputs may contain content that is inconsistent with Anthropic’s views.

    **Our use of Materials.** We may use Materials to provide, maintain, and improve the Services.

    **5\\. Feedback**

    We appreciate feedback.

    """

    func label(of quote: String, in text: String) throws -> String? {
        try QuoteAnchoring.anchor(quote: quote, in: PreparedText(text)).get().section
    }

    @Test func aListAfterABoldClauseHeadingIsNotASection() throws {
        #expect(try label(of: "We may use Materials to provide", in: Self.boldClauses) == "4")
        #expect(SectionIndex(Self.boldClauses).sections.map(\.label) == ["4", "5"])
    }

    @Test func numberingThatRestartsWithinAPlainClauseIsAList() throws {
        // Clause titles written as ordered-list items, each on its own; a loose list inside clause 3.
        let text = "1. Your Information\n\nText.\n\n3. Defined Terms\n\n1. Short item one\n\n2. Short item two\n\nA quote in three.\n\n4. Services\n\nMore.\n"
        #expect(SectionIndex(text).sections.map(\.label) == ["1", "3", "4"])
        #expect(try label(of: "A quote in three", in: text) == "3")
    }

    @Test func aTightListIsNotASectionButStandaloneClauseTitlesAre() throws {
        let text = "1. SERVICES\n\nWe may:\n1. keep logs;\n2. read them.\nSo be it.\n\n2. FEES\n\nPay.\n"
        #expect(SectionIndex(text).sections.map(\.label) == ["1", "2"])
        #expect(try label(of: "So be it", in: text) == "1")
    }

    @Test func titledItemsAreClausesAndTheirIndentedSubItemsAreNot() throws {
        // xAI / Perplexity style: `N.  **Title**` clauses with indented `N.  **Title**` sub-clauses.
        let text = """
        1.  **SERVICES**

            1.  **Access**. Subject to this Agreement, Customer may access the Services during the term of the order.

            2.  **Permitted Users**. Customer may allow its employees and contractors to use the Services for it.

        2.  **RESTRICTIONS**

            Customer will comply with the Acceptable Use Policy.

        """
        #expect(SectionIndex(text).sections.map(\.label) == ["1", "2"])
        #expect(try label(of: "may allow its employees", in: text) == "1")
        #expect(try label(of: "comply with the Acceptable Use Policy", in: text) == "2")
    }

    @Test func chineseClauseNumbersAreKept() throws {
        let text = "第四条 数据\n\n4. 输入与输出\n\n1. 我们会保护数据。\n2. 我们不出售数据。\n\n我们可能会将输入用于服务优化。\n\n5. 其他\n"
        #expect(SectionIndex(text).sections.map(\.label) == ["第四条", "4", "5"])
        #expect(try label(of: "我们可能会将输入用于服务优化", in: text) == "4")
    }

    @Test func searchCitesTheSameClauseAsTheOutline() throws {
        let (catalog, fixture) = try SearchTests.catalog(extra: ["vendors/acme/documents/zh/2026-03-01.md": Self.boldClauses])
        defer { fixture.remove() }
        var query = SearchQuery("\"use Materials to provide\"")
        query.scope = .documents
        query.allVersions = true
        let index = SearchIndex(catalog: catalog)
        var describer = HitDescriber(index: index)
        let hits = index.matches(query).map { describer.describe($0) }
        #expect(hits.count == 1)
        #expect(hits.first?.section == "4")
    }

    @Test(.enabled(if: SharedSample.exists, "needs ../shared/ota/sample beside the package"))
    func anthropicConsumerTermsCiteTheirClauses() throws {
        let path = SharedSample.path + "/Claude.ai/Terms of Service/2025-11-11T15-22-46Z.md"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(try label(of: "We may use Materials to provide, maintain, and improve the Services", in: text) == "4")
        #expect(try label(of: "Even if you opt out, we will use Materials for model training", in: text) == "4")
        #expect(try label(of: "We reserve the right, at our sole discretion, to report information", in: text) == "13")
        let labels = SectionIndex(text).sections.map(\.label)
        // The clauses in order, no list items among them (`12\. Data Switching` is not bold, but a clause).
        let numbers = labels.filter { $0.allSatisfy(\.isNumber) }
        #expect(numbers == (1...14).map(String.init))
    }

    @Test(.enabled(if: SharedSample.exists, "needs ../shared/ota/sample beside the package"))
    func perplexityPolicyCitesTheItemsClause() throws {
        let path = SharedSample.path + "/Perplexity/Acceptable Use Policy/2026-08-15T10-35-05Z.md"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(try label(of: "Provide services targeted to users under the age of 13", in: text) == "2")
    }
}

@Suite("Section labels")
struct SectionLabelTests {
    /// A heading without a number is its own label, cut after a whole word with `…` when long.
    @Test func longHeadingsAreCutAfterAWholeWord() {
        #expect(SectionIndex.shortLabel("Governing Law and Jurisdiction ") == "Governing Law and Jurisdiction")
        let openAI = "Services for individuals, such as ChatGPT, Sora, and Operator, and how we use content"
        #expect(SectionIndex.shortLabel(openAI) == "Services for individuals, such as ChatGPT, Sora, and…")
        let region = "Our AI Terms are different depending on the region you live in and the plan you use"
        #expect(SectionIndex.shortLabel(region) == "Our AI Terms are different depending on the region you live…")
        let oneWord = String(repeating: "x", count: 80)
        #expect(SectionIndex.shortLabel(oneWord) == String(repeating: "x", count: 60) + "…")
        for label in [openAI, region, oneWord].map(SectionIndex.shortLabel) {
            #expect(label.count <= 61 && !label.dropLast().hasSuffix(" "))
        }
    }
}
