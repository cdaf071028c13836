import Foundation
import Testing
import BundledData
@testable import PolicyModel

@Suite("Clause numbers and alignment")
struct ClauseAlignmentTests {
    @Test func clauseNumbersInEachStyleShareOneKey() {
        #expect(ClauseKey.parse("4.3", parent: []) == .number([4, 3]))
        #expect(ClauseKey.parse("4", parent: []) == .number([4]))
        #expect(ClauseKey.parse("第四条", parent: []) == .number([4]))
        #expect(ClauseKey.parse("第12条", parent: []) == .number([12]))
        #expect(ClauseKey.parse("四、", parent: []) == .number([4]))
        #expect(ClauseKey.parse("十二、", parent: []) == .number([12]))
        #expect(ClauseKey.parse("（1）", parent: [3, 4]) == .item(parent: [3, 4], label: "1"))
        #expect(ClauseKey.parse("(1)", parent: [3, 4]) == .item(parent: [3, 4], label: "1"))
        #expect(ClauseKey.parse("（一）", parent: [2]) == .item(parent: [2], label: "1"))
        #expect(ClauseKey.parse("(a)", parent: []) == .item(parent: [], label: "a"))
        #expect(ClauseKey.parse("Services", parent: []) == nil)
        #expect(ClauseKey.parse("2024 update", parent: []) == nil)
        #expect(ClauseKey.chineseNumber("一百零五") == 105)
        #expect(ClauseKey.chineseNumber("二十") == 20)
    }

    static let english = """
    Acme Terms
    ==========

    Opening words before any clause.

    ## Definitions

    Words mean things.

    ## 1. Services

    1.1 Alpha applies.

    1.2 Beta applies:

    (1) the first item;

    (2) the second item.

    ## 2. Accounts

    2.1 Gamma applies.

    2.3 Delta applies.
    """

    static let chinese = """
    Acme 条款

    开篇的话。

    ## 定义

    词语有含义。

    第一条 服务

    1.1 阿尔法适用。

    1.2 贝塔适用：

    （1）第一项；

    （2）第二项；

    （3）第三项。

    二、账号

    2.1 伽马适用。

    2.2 新条款。
    """

    func rows(_ left: String, _ right: String) throws -> [(String?, String?)] {
        let docs = try [left, right].map { try stub(ClauseSplitter.clauses(of: PreparedText($0))) }
        let comparison = DocumentComparison.align(docs)
        func name(_ c: Clause?) -> String? { c.map { $0.section ?? "(opening)" } }
        return comparison.pairs.map { (name($0.left), name($0.right)) }
    }

    /// A compared document around bare clauses (no catalog).
    func stub(_ clauses: [Clause]) throws -> ComparedDocument {
        let doc = PolicyDocument(vendor: "t", id: "d", title: LocalizedText("T"), type: "Terms of Service", language: "en",
                                 surfaces: [], url: nil, source: nil, role: .primary, ota: nil, versions: [],
                                 location: SourceLocation(file: "t"))
        let version = DocumentVersion(date: try #require(SimpleDate("2026-01-01")), path: "t", origin: .data, stamp: "t")
        return ComparedDocument(document: doc, version: version, clauses: clauses)
    }

    @Test func numbersAlignFirstThenUnnumberedClausesByOrderAndTheRestAgainstGaps() throws {
        let pairs = try rows(Self.english, Self.chinese)
        let expected: [(String?, String?)] = [
            ("Acme Terms", "(opening)"),  // the English title heading faces the Chinese opening text
            ("Definitions", "定义"),
            ("1", "第一条"),
            ("1.1", "1.1"),
            ("1.2", "1.2"),
            ("(1)", "（1）"),
            ("(2)", "（2）"),
            (nil, "（3）"),
            ("2", "二、"),
            ("2.1", "2.1"),
            (nil, "2.2"),
            ("2.3", nil),
        ]
        #expect(pairs.count == expected.count, "\(pairs)")
        for (got, want) in zip(pairs, expected) {
            #expect(got.0 == want.0 && got.1 == want.1, "got \(got), want \(want)")
        }
    }

    @Test func aDocumentAlignedWithItselfPairsEveryClause() throws {
        let pairs = try rows(Self.chinese, Self.chinese)
        #expect(pairs.allSatisfy { $0.0 != nil && $0.0 == $0.1 })
    }

    @Test func clausesOutOfOrderKeepTheLongestOrderedChain() throws {
        let left = "1.1 a\n\n1.2 b\n\n1.3 c\n"
        let right = "1.3 c\n\n1.1 a\n\n1.2 b\n"
        let pairs = try rows(left, right)
        #expect(pairs.filter { $0.0 != nil && $0.1 != nil }.map(\.0) == ["1.1", "1.2"])
        #expect(pairs.count == 4)
    }

    @Test func quotesMarkTheClausesThatHoldThem() throws {
        let fixture = try Fixture(MinimalLayer.files)
        defer { fixture.remove() }
        let catalog = fixture.catalog()
        let doc = try #require(catalog.document("acme/terms"))
        let version = try #require(doc.newest)
        let comparison = try catalog.compareDocuments([(doc, version), (doc, version)]).get()
        let quoted = comparison.rows.compactMap { $0[0] }.filter { !$0.quotedBy.isEmpty }
        #expect(quoted.map(\.section) == ["4.3"])
        #expect(quoted.first?.quotedBy.first?.description == "acme/consumer/train-on-inputs")
    }

    @Test(.enabled(if: SharedSample.exists, "needs ../shared/ota/sample beside the package (DeepSeek English terms)"))
    func deepSeekEnglishTermsAndChineseAgreementFaceEachOtherAtFourThree() throws {
        let catalog = CatalogLoader.load(layers: [InMemoryLayer(label: "embedded:Data", files: BundledData.files)], sourceRoots: [SharedSample.path])
        let en = try #require(catalog.document("deepseek/terms-of-service"))
        let zh = try #require(catalog.document("deepseek/user-agreement-zh"))
        let comparison = try catalog.compareDocuments([(en, try #require(en.newest)), (zh, try #require(zh.newest))]).get()
        #expect(comparison.alignedCount >= 10)
        let pair = try #require(comparison.pairs.first { $0.left?.section == "4.3" })
        #expect(pair.right?.section == "4.3")
        #expect(pair.left?.text.contains("Improve the model for everyone") == true)
        #expect(pair.right?.text.contains("第9条") == true)
        #expect(pair.left?.quotedBy.isEmpty == false)
        #expect(pair.right?.quotedBy.isEmpty == false)
    }
}
