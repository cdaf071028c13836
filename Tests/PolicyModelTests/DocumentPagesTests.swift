import Foundation
import Testing
@testable import PolicyModel

/// A document Open Terms Archive puts together from several pages is cited with the page the
/// quote is on (OpenAI's privacy policy: the EEA policy, then "How your data is used to
/// improve model performance").
@Suite("Pages of a document")
struct DocumentPagesTests {
    @Test(.enabled(if: SharedSample.exists, "needs ../shared/ota/sample beside the package"))
    func aQuoteIsCitedWithThePageItIsOn() throws {
        let catalog = BundledDataTests.catalog(withSample: true)
        let doc = try #require(catalog.document(vendor: "openai", id: "privacy-policy"))
        #expect(doc.pages.map(\.url) == ["https://openai.com/policies/how-your-data-is-used-to-improve-model-performance/"])
        let verdicts = catalog.vendors.flatMap(\.verdicts)
        let evidence = verdicts.flatMap(\.evidence).filter { $0.vendor == "openai" && $0.document == "privacy-policy" }
        let second = try #require(evidence.first { $0.quote.hasPrefix("When you use our services for individuals such as ChatGPT") })
        #expect(catalog.pageURL(of: second) == "https://openai.com/policies/how-your-data-is-used-to-improve-model-performance/")
        #expect(CitationMarkdown(catalog: catalog, language: .en).citation(second).hasSuffix("<https://openai.com/policies/how-your-data-is-used-to-improve-model-performance/>"))
        // Quotes before the second page's first line are on the first page.
        var onFirst = 0
        for e in evidence {
            let r = catalog.resolve(e)
            guard let start = r.anchor?.start, let version = r.version, case .success(let text) = catalog.text(of: version),
                  let pageStart = DocumentPages.starts(of: doc.pages, in: text.raw).first ?? nil else { continue }
            if start < pageStart {
                onFirst += 1
                #expect(catalog.pageURL(of: e) == "https://openai.com/policies/eu-privacy-policy/", "\(e.quote)")
            }
        }
        #expect(onFirst > 0)
    }

    @Test func pagesStartAtTheirLineInTextOrder() {
        let text = Array("Intro\n\nPage Two\n========\nmore\n  Page Three  \nPage Two\n".unicodeScalars)
        let pages = [DocumentPage(url: "b", startsAt: "Page Two"), DocumentPage(url: "c", startsAt: "Page Three"), DocumentPage(url: "d", startsAt: "Missing")]
        #expect(DocumentPages.starts(of: pages, in: text) == [7, 30, nil])
    }
}
