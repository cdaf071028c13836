import Foundation
import Testing
@testable import PolicyModel

@Suite("Search")
struct SearchTests {
    static let chinese = "第四条 数据\n\n4.3 我们可能会将输入用于模型服务优化以及**训练**。\n\n（1）ＡＰＩ 用户的数据不用于训练。\n"

    /// A layer with one English and one Chinese document carried in the layer.
    static func catalog() throws -> (Catalog, Fixture) {
        var files = MinimalLayer.files
        files["vendors/acme/documents/zh/document.yaml"] = "title: 用户协议\ntype: Terms of Service\nlanguage: zh\n"
        files["vendors/acme/documents/zh/2026-02-01.md"] = chinese
        let f = try Fixture(files)
        return (f.catalog(), f)
    }

    func hits(_ q: String, scope: SearchQuery.Scope = .all, in catalog: Catalog) -> [SearchHit] {
        var query = SearchQuery(q)
        query.scope = scope
        let index = SearchIndex(catalog: catalog)
        return index.matches(query).map(index.describe)
    }

    @Test func caseWidthAndNFKCAreFolded() throws {
        let (c, f) = try Self.catalog()
        defer { f.remove() }
        let a = hits("api", scope: .documents, in: c)
        let b = hits("ＡＰＩ", scope: .documents, in: c)
        let d = hits("API", scope: .documents, in: c)
        #expect(!a.isEmpty)
        #expect(a == b && b == d)
        #expect(hits("IMPROVE", in: c).map(\.start) == hits("improve", in: c).map(\.start))
    }

    @Test func chineseSubstringsNeedNoSegmentation() throws {
        let (c, f) = try Self.catalog()
        defer { f.remove() }
        let h = hits("模型服务优化", scope: .documents, in: c)
        #expect(h.count == 1)
        #expect(h.first?.section == "4.3")
        // Markup inside the text does not break a match, and offsets point at the raw text.
        let t = hits("优化以及训练", scope: .documents, in: c)
        let hit = try #require(t.first)
        let raw = Array(Self.chinese.unicodeScalars)
        let covered = String(String.UnicodeScalarView(raw[try #require(hit.start)..<(try #require(hit.end))]))
        #expect(covered == "优化以及**训练")
    }

    @Test func allTermsRequiredAndPhrasesAreOneTerm() throws {
        let (c, f) = try Self.catalog()
        defer { f.remove() }
        #expect(!hits("Inputs opt", scope: .documents, in: c).isEmpty)
        #expect(hits("Inputs zebra", scope: .documents, in: c).isEmpty)
        #expect(!hits("\"opt out by turning\"", scope: .documents, in: c).isEmpty)
        #expect(hits("\"out opt\"", scope: .documents, in: c).isEmpty)
    }

    @Test func scopesAndFiltersAndRanking() throws {
        let (c, f) = try Self.catalog()
        defer { f.remove() }
        let all = hits("improve", in: c)
        #expect(all.first?.kind == .quote, "quotes rank before document text")
        #expect(all.contains { $0.kind == .document })
        #expect(hits("improve", scope: .quotes, in: c).allSatisfy { $0.kind == .quote })
        #expect(hits("improve", scope: .documents, in: c).allSatisfy { $0.kind == .document })
        var q = SearchQuery("improve")
        q.vendor = "nobody"
        #expect(SearchIndex(catalog: c).matches(q).isEmpty)
        q.vendor = "acme"
        q.surface = "api"
        #expect(SearchIndex(catalog: c).matches(q).isEmpty, "the only quote is a consumer one")
    }

    @Test func quoteHitsPointIntoTheDocument() throws {
        let (c, f) = try Self.catalog()
        defer { f.remove() }
        let hit = try #require(hits("improve the Services", scope: .quotes, in: c).first)
        #expect(hit.section == "4.3")
        let doc = Array(MinimalLayer.text.unicodeScalars)
        let covered = String(String.UnicodeScalarView(doc[try #require(hit.start)..<(try #require(hit.end))]))
        #expect(covered == "improve")
    }

    @Test(.enabled(if: SharedSample.exists, "needs ../shared/ota/sample beside the package"))
    func theIndexAgreesWithTheSimpleEngineOnRealTexts() throws {
        let catalog = BundledDataTests.catalog(withSample: true)
        let index = SearchIndex(catalog: catalog)
        let engine = SearchEngine(catalog: catalog)
        for text in ["training", "opt out", "训练", "retention period", "third parties", "Improve the model for everyone", "个人信息"] {
            var q = SearchQuery(text)
            q.scope = .documents
            let fast = index.matches(q).map(index.describe)
            let simple = engine.search(q)
            #expect(fast.count == simple.count, "\(text): \(fast.count) vs \(simple.count)")
            #expect(fast.map(\.start) == simple.map(\.start), "\(text)")
            #expect(fast.map(\.section) == simple.map(\.section), "\(text)")
        }
    }

    @Test(.enabled(if: SharedSample.exists, "needs ../shared/ota/sample beside the package"))
    func offsetsHoldInTheRawFiles() throws {
        let catalog = BundledDataTests.catalog(withSample: true)
        let index = SearchIndex(catalog: catalog)
        var q = SearchQuery("training")
        q.scope = .documents
        let matches = index.matches(q)
        #expect(matches.count > 50)
        for m in matches {
            let hit = index.describe(m)
            guard let doc = catalog.document(vendor: hit.vendor, id: hit.document), let v = doc.version(hit.version),
                  case .success(let text) = catalog.text(of: v), let s = hit.start, let e = hit.end else {
                Issue.record("hit without offsets: \(hit)")
                continue
            }
            #expect(text.text(s, e).lowercased() == "training", "\(hit.documentRef)@\(hit.version?.description ?? "") \(s)")
        }
    }
}
