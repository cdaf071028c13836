import Testing
@testable import Browser
import PolicyModel
import TerminalUI

/// Verdicts to look at again, and the quotes a diff or a version touches, over the fixture after
/// Acme's terms changed on 2026-06-01 (`FixtureCatalog.updated`).
@Suite("Browser: verdicts that need a second look, quotes in diffs and versions")
struct QuoteMarksTests {
    @Test func theMatrixKnowsTheVerdictsThatNeedReviewAsTheModelDoes() throws {
        let s = try Session(model: FixtureCatalog.updatedModel(), at: "acme")
        let acme = try #require(s.model.catalog.vendor("acme"))
        let marked = acme.verdicts.filter(s.model.needsReview).map { "\($0.surface)/\($0.question)" }
        #expect(marked == ["consumer/train-on-inputs", "consumer/data-location"])
        #expect(marked == acme.verdicts.filter(s.model.catalog.needsReview).map { "\($0.surface)/\($0.question)" })
        // The fixture before the change: nothing to review, no mark.
        let before = try Session(model: TestCatalog.fixture(), at: "acme")
        #expect(try #require(before.model.catalog.vendor("acme")).verdicts.filter(before.model.needsReview).isEmpty)
    }

    @Test func enterOnAQuoteOfTheDiffOpensItsVerdictAtThatQuote() throws {
        var s = try Session(model: FixtureCatalog.updatedModel(), at: "acme")
        s.type("d j v d")
        guard case .diff = s.state.screen else { Issue.record("not on the diff"); return }
        // Two changes, then the quotes: the first (train-on-inputs [1], changed) and the fifth (data-location, gone).
        s.type("j j Enter")
        guard case .detail(let first) = s.state.screen else { Issue.record("Enter on a quote opens its verdict"); return }
        #expect(first.verdict == VerdictRef(vendor: "acme", surface: "consumer", question: "train-on-inputs") && first.evidence == 0)
        s.type("< j Enter")
        guard case .detail(let second) = s.state.screen else { Issue.record("Enter on a quote opens its verdict"); return }
        #expect(second.verdict == VerdictRef(vendor: "acme", surface: "consumer", question: "train-on-inputs") && second.evidence == 1)
        s.type("< j j j Enter")
        guard case .detail(let gone) = s.state.screen else { Issue.record("Enter on a quote opens its verdict"); return }
        #expect(gone.verdict == VerdictRef(vendor: "acme", surface: "consumer", question: "data-location"))
    }

    @Test func theVersionsListCountsTheQuotesEachVersionTouched() throws {
        var s = try Session(model: FixtureCatalog.updatedModel(), at: "acme")
        s.type("d j v")
        let doc = try #require(s.model.catalog.document(vendor: "acme", id: "terms"))
        let steps = try #require(s.model.history(of: doc)).reversed()
        #expect(steps.map { "\($0.version.date) \(s.model.quotesTouched(by: $0, in: doc))" } == ["2026-06-01 2", "2026-01-01 0", "2025-06-01 0"])
    }
}
