import Foundation
import Testing
@testable import PolicyModel

@Suite("Rendered Markdown")
struct RenderedMarkdownTests {
    func render(_ text: String) -> RenderedMarkdown { RenderedMarkdown(text) }

    @Test func headingsLoseTheirMarksAndUnderlines() {
        let r = render("Terms of Use\n============\n\n## 4. Content ##\n\nText.\n")
        #expect(r.string == "Terms of Use\n\n4. Content\n\nText.\n")
        #expect(r.spans.contains { $0.style == .heading(level: 1) && String(String.UnicodeScalarView(r.scalars[$0.range])) == "Terms of Use" })
        #expect(r.spans.contains { $0.style == .heading(level: 2) && String(String.UnicodeScalarView(r.scalars[$0.range])) == "4. Content" })
    }

    @Test func emphasisLinksAndEscapes() {
        let r = render("We (**\"we\"**) use *Inputs* under the [Terms of Use](https://example.com/terms), snake_case and 2\\*3.\n")
        #expect(r.string == "We (\"we\") use Inputs under the Terms of Use, snake_case and 2*3.\n")
        #expect(r.links == [.init(range: 31..<43, url: "https://example.com/terms")])
        #expect(r.spans.contains { $0.style == .bold && $0.range == 4..<8 })
        #expect(r.spans.contains { $0.style == .italic && $0.range == 14..<20 })
    }

    @Test func listsGetBulletsAndRulesAreDrawn() {
        let r = render("*   first\n  - second\n\n---\n\n1. kept\n")
        #expect(r.string == "• first\n  • second\n\n────────\n\n1. kept\n")
    }

    @Test func blockquoteMarksAreNotShown() {
        let r = render("> Last Update: **March 27, 2026**\n>\n> > nested\n   > ## A heading\nplain > not a quote\n")
        #expect(r.string == "Last Update: March 27, 2026\n\nnested\nA heading\nplain > not a quote\n")
        #expect(r.spans.contains { $0.style == .heading(level: 2) })
        // The text keeps its raw offsets: "Last" is at raw offset 2.
        #expect(r.rawOffset(rendered: 0) == 2)
    }

    @Test func tablesAreAlignedWithCJKWidths() {
        let r = render("| 条款 | Web |\n|---|---|\n| 声明可能使用 | ✅ 4.3 |\n| x | y |\n")
        #expect(r.string == """
        条款         │ Web
        ─────────────┼───────
        声明可能使用 │ ✅ 4.3
        x            │ y

        """)
    }

    @Test func offsetsNeverDecreaseAndMapBack() {
        let text = "Title\n=====\n\n| a | b |\n|---|---|\n| **c** | [d](u) |\n\n* item _x_\n"
        let r = render(text)
        #expect(r.rawOffsets == r.rawOffsets.sorted())
        #expect(r.rawOffsets.count == r.scalars.count)
        let raw = Array(text.unicodeScalars)
        // Every scalar taken from the text stands at its own raw offset.
        for (i, s) in r.scalars.enumerated() where s != "\n" && s != " " && s != "│" && s != "─" && s != "┼" && s != "•" {
            #expect(raw[r.rawOffsets[i]] == s, "rendered \(i)")
        }
    }

    /// Every quote of the bundled data, highlighted in the rendered text, covers exactly its
    /// anchored raw range: the rendered range starts at the anchor's first scalar, ends at its
    /// last, and reads as the quote.
    @Test(.enabled(if: SharedSample.exists, "needs ../shared/ota/sample"))
    func everyBundledQuoteHighlightsExactlyItsAnchor() throws {
        let c = BundledDataTests.catalog(withSample: true)
        var checked = 0
        var rendered: [String: (RenderedMarkdown, PreparedText)] = [:]
        for vendor in c.vendors {
            for verdict in vendor.verdicts {
                for e in verdict.evidence {
                    let r = c.resolve(e)
                    guard let anchor = r.anchor, let version = r.version, case .success(let text) = c.text(of: version) else { continue }
                    if rendered[version.path] == nil { rendered[version.path] = (RenderedMarkdown(scalars: text.raw), text) }
                    guard let (md, _) = rendered[version.path] else { continue }
                    let range = md.renderedRange(rawStart: anchor.start, rawEnd: anchor.end)
                    #expect(!range.isEmpty, "\(e.location)")
                    guard let first = range.first, let last = range.last else { continue }
                    #expect(md.rawOffsets[first] == anchor.start, "\(e.location): starts at the anchor")
                    #expect(md.rawOffsets[last] == anchor.end - 1, "\(e.location): ends at the anchor")
                    // Drawn bullets and table borders aside, it reads as the quote.
                    let shown = String(String.UnicodeScalarView(md.scalars[range].filter { $0 != "•" }.map { $0 == "│" ? "|" : $0 }))
                    let plain = { (s: String) in NormalizedText(s).scalars.filter { $0 != "_" && $0 != "*" } }
                    #expect(plain(shown) == plain(e.quote), "\(e.location): reads as the quote")
                    checked += 1
                }
            }
        }
        #expect(checked > 1000)
    }
}

@Suite("Go to a clause")
struct SectionLookupTests {
    let index = SectionIndex("""
    # Terms

    ## 4. Inputs and Outputs

    4.1 You own your Inputs.

    4.3 We may use Inputs.

    41. A numbered list item.

    ## Data Retention

    第四条 数据的保存

    （1）保存期限。
    """)

    @Test func numbersTitlesAndChineseClauses() {
        #expect(index.matches("4.3").map(\.label) == ["4.3"])
        // 第四条 is clause 4 too, however the document writes the number.
        #expect(index.matches("4").map(\.label).prefix(4) == ["4", "第四条", "4.1", "4.3"])
        #expect(!index.matches("4").map(\.label).contains("41"))
        #expect(index.matches("retention").map(\.title) == ["Data Retention"])
        #expect(index.matches("第四条").first?.label == "第四条")
        #expect(index.matches("(1)").first?.label == "（1）")
        #expect(index.matches("nothing like it").isEmpty)
        #expect(index.matches("").isEmpty)
    }

    @Test func aChineseClauseNumberFindsTheSameClauseWrittenInDigits() {
        let zh = SectionIndex("""
        # 用户协议

        4. 输入与输出

        4.1 你拥有你的输入。

        第五条 其他
        """)
        #expect(zh.matches("第四条").first?.label == "4")
        #expect(zh.matches("四、").first?.label == "4")
        #expect(zh.matches("5").first?.label == "第五条")
        #expect(zh.matches("第九条").isEmpty)
    }

    @Test func completionExtendsWhatIsShared() {
        #expect(index.completion(of: "data r") == "Data Retention")
        #expect(index.completion(of: "zzz") == nil)
    }

    @Test func theChineseAgreementIsTheTermsCounterpart() {
        let c = BundledDataTests.catalog(withSample: false)
        guard let terms = c.document("deepseek/terms-of-service") else {
            Issue.record("no deepseek/terms-of-service")
            return
        }
        #expect(c.counterparts(of: terms).map(\.id) == ["user-agreement-zh"])
    }
}
