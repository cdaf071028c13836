import Foundation
import Testing
@testable import PolicyModel

@Suite("One question across vendors; citations")
struct QuestionAcrossAndCitationTests {
    func catalog() throws -> (Catalog, Fixture) {
        var files = MinimalLayer.files
        files["vendors/acme/documents/terms/document.yaml"] = MinimalLayer.document + "\nurl: https://acme.example/terms\n"
        files["vendors/beta/vendor.yaml"] = "id: beta\nname: Beta\nsurfaces:\n  - {id: api, name: Beta API}\n"
        files["vendors/beta/verdicts.yaml"] = "verdicts:\n  - surface: api\n    question: train-on-inputs\n    answer: no\n    summary: Never.\n    as_of: 2026-01-01\n    evidence:\n      - document: acme/terms\n        quote: You own your Inputs.\n"
        let f = try Fixture(files)
        return (f.catalog(), f)
    }

    @Test func groupsFollowTheAnswerOrderAndFiltersNarrow() throws {
        let (c, f) = try catalog()
        defer { f.remove() }
        let all = try #require(c.acrossVendors(question: "train-on-inputs"))
        #expect(all.groups.map(\.answer) == [.yes, .no])
        #expect(all.groups.map { $0.verdicts.map { "\($0.vendor)/\($0.surface)" } } == [["acme/consumer"], ["beta/api"]])
        #expect(c.acrossVendors(question: "train-on-inputs", answer: .no)?.groups.flatMap(\.verdicts).map(\.vendor) == ["beta"])
        #expect(c.acrossVendors(question: "train-on-inputs", surface: "consumer")?.count == 1)
        #expect(c.acrossVendors(question: "retention")?.groups.map(\.answer) == [.silent])
        #expect(c.acrossVendors(question: "nope") == nil)
    }

    @Test func aVerdictAsMarkdownCitesEveryQuote() throws {
        let (c, f) = try catalog()
        defer { f.remove() }
        let verdict = try #require(c.vendor("acme")?.verdict(surface: "consumer", question: "train-on-inputs"))
        let md = CitationMarkdown(catalog: c, language: .en)
        #expect(md.verdict(verdict) == """
        ## Acme AI — Acme Chat: Are my inputs used to train models?

        **✓ yes** (as of 2026-01-01)

        Inputs are used to improve the Services unless you opt out.

        ### Evidence

        **[1]** Acme AI, *Acme Terms*, version of 2026-01-01, §4.3, <https://acme.example/terms>

        > “We may use Inputs to improve the Services.”

        → 4.3 allows it.

        *termlens `acme/consumer/train-on-inputs`; texts recorded by Open Terms Archive contributors (ODC-BY 1.0).*

        """)
        let evidence = try #require(verdict.evidence.first)
        #expect(md.quote(evidence) == "> “We may use Inputs to improve the Services.”\n>\n> — Acme AI, *Acme Terms*, version of 2026-01-01, §4.3, <https://acme.example/terms>\n")
    }
}
