import Foundation
import Testing
@testable import PolicyModel

/// A quote whose only change is punctuation or spacing is the same quote; `diff` calls a quote
/// new only when its text was not in the old version in any form.
@Suite("Drift that reads right")
struct PunctuationDriftTests {
    let withoutStop = "## 4. Content\n\n4.3 If you refuse, you can opt out by turning off \"Improve the model for everyone\"\n\n4.4 We keep Inputs for 30 days.\n"
    let withStop = "## 4. Content\n\n4.3 If you refuse, you can opt out by turning off \"Improve the model for everyone\".\n\n4.4 We keep Inputs for 30 days.\n"

    func recheck(_ quote: String, from old: String, to new: String) throws -> DriftResult {
        let oldSection = try QuoteAnchoring.anchor(quote: quote, in: PreparedText(old)).get().section
        return DriftCheck.recheck(quote: quote, prefix: nil, suffix: nil, oldSection: oldSection, in: PreparedText(new))
    }

    @Test func aFullStopAddedOrRemovedLeavesTheQuoteStill() throws {
        let withQuote = "you can opt out by turning off \"Improve the model for everyone\"."
        let withoutQuote = "you can opt out by turning off \"Improve the model for everyone\""
        // Pinned to the version with the stop; the newest dropped it.
        let dropped = try recheck(withQuote, from: withStop, to: withoutStop)
        #expect(dropped.status == .still && dropped.anchor?.section == "4.3")
        // Curly quotation marks and a comma less are punctuation too.
        let curly = withoutStop.replacingOccurrences(of: "\"Improve the model for everyone\"", with: "‘Improve the model for everyone’")
            .replacingOccurrences(of: "If you refuse,", with: "If you refuse")
        #expect(try recheck("If you refuse, you can opt out by turning off \"Improve", from: withStop, to: curly).status == .still)
        // The stop added: the quote is found as it stands (it is a part of the new text).
        #expect(try recheck(withoutQuote, from: withoutStop, to: withStop).status == .still)
        // A changed word is a change.
        let edited = withStop.replacingOccurrences(of: "Improve the model for everyone", with: "Improve the model for all")
        #expect(try recheck(withQuote, from: withStop, to: edited).status == .changed)
        // The same words in another clause have moved.
        let elsewhere = "## 4. Content\n\n4.4 We keep Inputs for 30 days.\n\n## 5. Choices\n\n5.1 If you refuse, you can opt out by turning off \"Improve the model for everyone\"\n"
        #expect(try recheck(withQuote, from: withStop, to: elsewhere).status == .moved)
    }

    @Test func looseMatchingNeedsAUniqueLongEnoughPassage() {
        let twice = PreparedText("4.1 We keep Inputs.\n\n4.2 We keep inputs!\n")
        #expect(LooseMatch.anchor(quote: "We keep Inputs", prefix: nil, suffix: nil, in: twice) != nil, "case differs: one occurrence")
        let same = PreparedText("4.1 We keep data.\n\n4.2 We keep data!\n")
        #expect(LooseMatch.anchor(quote: "We keep data?", prefix: nil, suffix: nil, in: same) == nil, "two occurrences alike")
        #expect(LooseMatch.anchor(quote: "We keep data?", prefix: "4.2", suffix: nil, in: same)?.section == "4.2")
        #expect(LooseMatch.anchor(quote: "a, b.", prefix: nil, suffix: nil, in: PreparedText("a b")) == nil, "too short to tell")
        let chinese = PreparedText("4.3 如您拒绝我们按照上述方式处理数据，可以通过本协议第9条的方式向我们反馈。\n")
        #expect(LooseMatch.anchor(quote: "如您拒绝我们按照上述方式处理数据可以通过本协议第9条的方式向我们反馈", prefix: nil, suffix: nil, in: chinese)?.section == "4.3")
    }

    /// What `diff` says of each quote from the old version to the new one.
    func diffStatuses(old: String, new: String, quotes: [String]) throws -> [(DriftStatus, Bool, Double?)] {
        var verdicts = "verdicts:\n"
        for (n, q) in quotes.enumerated() {
            verdicts += """
              - surface: consumer
                question: \(["train-on-inputs", "retention"][n])
                answer: yes
                summary: S.
                as_of: 2026-06-01
                evidence:
                  - document: terms
                    quote: '\(q)'

            """
        }
        let fixture = try Fixture(MinimalLayer.files.merging([
            "vendors/acme/documents/terms/2026-01-01.md": old,
            "vendors/acme/documents/terms/2026-06-01.md": new,
            "vendors/acme/verdicts.yaml": verdicts,
        ]) { $1 })
        defer { fixture.remove() }
        let catalog = fixture.catalog()
        #expect(catalog.errors.isEmpty, "\(catalog.errors)")
        let doc = try #require(catalog.document("acme/terms"))
        let texts = try doc.versions.map { try catalog.text(of: $0).get() }
        return catalog.evidenceDrift(of: doc, old: texts[0], new: texts[1]).map { ($0.status, $0.oldAnchor != nil, $0.oldClosest?.similarity) }
    }

    @Test func diffCallsAQuoteNewOnlyWhenItWasNotThereInAnyForm() throws {
        let new = withStop + "\n4.5 We may review Inputs to keep the Services safe.\n"
        let old = withoutStop.replacingOccurrences(of: "30 days", with: "thirty days")
        let statuses = try diffStatuses(old: old, new: new, quotes: [
            "you can opt out by turning off \"Improve the model for everyone\".",  // a stop added
            "We may review Inputs to keep the Services safe.",                     // not there before
        ])
        #expect(statuses.map(\.0) == [.still, .moved])
        #expect(statuses.map(\.1) == [true, false])
        // An edited sentence: in the old version in an earlier form.
        let edited = try diffStatuses(old: old, new: new.replacingOccurrences(of: "thirty", with: "30"), quotes: ["We keep Inputs for 30 days."])
        #expect(edited.first?.0 == .changed && edited.first?.1 == false)
        #expect((edited.first?.2 ?? 0) > 0.75)
    }
}
