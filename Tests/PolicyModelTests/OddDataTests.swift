import Foundation
import Testing
@testable import PolicyModel

/// Odd and large data that is cheap enough to run with every test: none may crash, and
/// each gives the answer it should. (The 10 MB line and the 1 GB corpus are measured by
/// Scripts/large-data.sh; README, Reliability, has the figures.)
@Suite("Odd data")
struct OddDataTests {
    func layer(text: String, quote: String) throws -> Fixture {
        var files = MinimalLayer.files
        files["vendors/acme/documents/terms/2026-01-01.md"] = text
        files["vendors/acme/verdicts.yaml"] = MinimalLayer.verdicts.replacingOccurrences(
            of: "quote: We may use Inputs to improve the Services.", with: "quote: '\(quote)'")
        return try Fixture(files)
    }

    @Test func aDocumentOfOnlyChinesePunctuation() throws {
        let marks = "，。、；：？！…—（）《》「」『』【】“”‘’·～"
        var rng = SeededGenerator(seed: 0x0DD_0001)
        let text = String((0..<20_000).map { _ in marks.randomElement(using: &rng)! })
        let quote = String(text.dropFirst(9_000).prefix(40))
        let fixture = try layer(text: text, quote: quote)
        defer { fixture.remove() }
        let report = fixture.catalog().check(strict: false)
        #expect(report.errors.isEmpty, "\(report.errors)")
        #expect(report.count(.anchored) == 1)

        let prepared = PreparedText(text)
        #expect(prepared.sections.sections.isEmpty)
        let found = DriftCheck.recheck(quote: quote + "。", prefix: nil, suffix: nil, oldSection: nil, in: prepared)
        #expect(found.anchor != nil)
        let index = SearchIndex(catalog: fixture.catalog(), extraTexts: [.init(vendor: "acme", document: "punctuation", bytes: Array(text.utf8))])
        // Punctuation is not searched: a query of it has no words, and the text holds none.
        #expect(SearchQuery("《》").isEmpty)
        #expect(index.matches(SearchQuery("《》 改进")).isEmpty)
        #expect(index.units.contains { $0.document == "punctuation" })
    }

    @Test func anEmptyDocument() throws {
        let fixture = try layer(text: "", quote: "anything")
        defer { fixture.remove() }
        let catalog = fixture.catalog()
        let version = try #require(catalog.document(vendor: "acme", id: "terms")?.versions.first)
        let text = try catalog.text(of: version).get()
        #expect(text.raw.isEmpty && text.sections.sections.isEmpty)
        // The quote cannot be there: an error naming the verdict file, not a crash.
        let errors = catalog.check(strict: false).errors
        #expect(errors.contains { $0.location.file.hasSuffix("verdicts.yaml") && $0.message.contains("quote not found") }, "\(errors)")
        #expect(QuoteAnchoring.anchor(quote: "x", in: text) == .failure(.notFound))
        #expect(DriftCheck.recheck(quote: "some quote text", prefix: nil, suffix: nil, oldSection: nil, in: text).status == .gone)
    }

    @Test func aTwoMegabyteSingleLineDocument() throws {
        let sentence = "We may use Inputs to improve the Services and to train models, subject to Section 4.3. "
        var text = String(repeating: sentence, count: 2_000_000 / sentence.utf8.count)
        text += "At the very end: you can opt out in Settings."
        let fixture = try layer(text: text, quote: "you can opt out in Settings.")
        defer { fixture.remove() }
        let report = fixture.catalog().check(strict: false)
        #expect(report.errors.isEmpty, "\(report.errors)")
        let anchored = try #require(report.resolved.first { $0.evidence.quote.hasPrefix("you can opt out") }?.anchor)
        #expect(anchored.end == text.unicodeScalars.count)
        #expect(anchored.section == nil)
    }

    @Test func tenThousandVerdicts() throws {
        let questions = (0..<10).map { "q\($0)" }
        let surfaces = (0..<1_000).map { "s\($0)" }
        var files = MinimalLayer.files
        files["questions.yaml"] = "questions:\n" + questions.map { "  - {id: \($0), title: Question \($0)?}\n" }.joined()
        files["vendors/acme/vendor.yaml"] = "id: acme\nname: Acme\nsurfaces:\n" + surfaces.map { "  - {id: \($0), name: Surface \($0)}\n" }.joined()
        var verdicts = "verdicts:\n"
        for s in surfaces {
            for q in questions {
                verdicts += "  - {surface: \(s), question: \(q), answer: yes, summary: Yes for \(s)., as_of: 2026-01-01,\n"
                verdicts += "     evidence: [{document: terms, quote: We keep Inputs for 30 days.}]}\n"
            }
        }
        files["vendors/acme/verdicts.yaml"] = verdicts
        files["vendors/acme/documents/terms/document.yaml"] = "title: Acme Terms\ntype: Terms of Service\nlanguage: en\n"
        let fixture = try Fixture(files)
        defer { fixture.remove() }
        let catalog = fixture.catalog()
        #expect(catalog.vendor("acme")?.verdicts.count == 10_000)
        let report = catalog.check(strict: false)
        #expect(report.errors.isEmpty, "\(report.errors.prefix(3))")
        #expect(report.count(.anchored) == 10_000)
    }
}
