import Foundation
import Testing
@testable import PolicyModel

/// A vendor whose terms changed over a few months, quotes pinned to the first version.
enum ChangingTerms {
    static let base = """
    Acme Terms of Use

    ## 4. Content

    4.1 You own your **Inputs**.

    4.3 We may use Inputs to improve the Services. You can opt out by turning off "Improve the model".

    4.4 We keep Inputs for 30 days.
    """

    static let layer: [String: String] = [
        "questions.yaml": MinimalLayer.questions,
        "vendors/acme/vendor.yaml": MinimalLayer.vendor,
        "vendors/acme/documents/terms/document.yaml": MinimalLayer.document + "\nota:\n  service: Acme\n  type: Terms of Service\n",
        "vendors/acme/verdicts.yaml": """
        verdicts:
          - surface: consumer
            question: train-on-inputs
            answer: yes
            summary: Inputs are used to improve the Services unless you opt out.
            as_of: 2026-01-10
            evidence:
              - document: terms
                version: 2026-01-10
                quote: We may use Inputs to improve the Services.
          - surface: consumer
            question: retention
            answer: yes
            summary: Thirty days.
            as_of: 2026-01-10
            evidence:
              - document: terms
                version: 2026-01-10
                quote: We keep Inputs for 30 days.
        """,
    ]

    static let noiseOnly = base.replacingOccurrences(of: "4.1 You own your **Inputs**.", with: "4.1 You own\nyour Inputs.")
    static let ninetyDays = base.replacingOccurrences(of: "30 days", with: "90 days")
    static let noTraining = ninetyDays.replacingOccurrences(of: "4.3 We may use Inputs to improve the Services. You can opt out by turning off \"Improve the model\".\n\n", with: "")
        + "\n\n## 5. Changes\n\n5.1 We tell you of changes 30 days ahead.\n"

    static let dataset: [String: String] = [
        "Acme/Terms of Service/2026-01-10T08-00-00Z.md": base,
        "Acme/Terms of Service/2026-02-01T09-00-00Z.md": noiseOnly,
        "Acme/Terms of Service/2026-03-01T10-00-00Z.md": ninetyDays,
        "Acme/Terms of Service/2026-03-15T10-00-00Z.md": noTraining,
        "Acme/Terms of Service/2026-04-01T00-00-00Z.md": noTraining,
        "Acme/Terms of Service/2026-04-10T00-00-00Z.md": ninetyDays,
        "Zeta/Privacy Policy/2026-03-20T00-00-00Z.md": "Zeta keeps nothing.\n",
    ]
}

@Suite("What changed since a date")
struct ChangesTests {
    func catalog() throws -> (Catalog, () -> Void) {
        let data = try Fixture(ChangingTerms.layer), ds = try Fixture(ChangingTerms.dataset)
        let catalog = data.catalog(sources: [ds.root])
        return (catalog, { data.remove(); ds.remove() })
    }

    func summary(_ changes: [DocumentChange]) -> [String] {
        changes.map { c in
            let affects = c.affects.map { "\($0.surface)/\($0.question) \($0.status.rawValue)" }
            return "\(c.version.date) \(c.document.ref) \(c.kind.rawValue)/\(c.status.rawValue) after \(c.previous?.date.description ?? "-")"
                + " §[\(c.sections.joined(separator: ", "))] +\(c.added) -\(c.removed) ~\(c.changed) \(affects)" + (c.seen ? " seen" : "")
        }
    }

    @Test func realChangesNewestFirstWithSectionsAndTheVerdictsTheyPutInDoubt() throws {
        let (catalog, done) = try catalog()
        defer { done() }
        #expect(catalog.errors.isEmpty, "\(catalog.errors)")
        #expect(summary(catalog.changes(since: "2026-01-01T00-00-00Z")) == [
            "2026-03-20 zeta/privacy-policy real/first after - §[] +0 -0 ~0 []",
            "2026-03-15 acme/terms real/real after 2026-03-01 §[4.3, 5, 5.1] +2 -1 ~0 [\"consumer/train-on-inputs gone\"]",
            "2026-03-01 acme/terms real/real after 2026-02-01 §[4.4] +0 -0 ~1 [\"consumer/retention changed\"]",
            "2026-01-10 acme/terms real/first after - §[] +0 -0 ~0 []",
        ])
    }

    @Test func allAddsNoiseIdenticalAndRepeatedVersions() throws {
        let (catalog, done) = try catalog()
        defer { done() }
        let all = catalog.changes(since: "2026-02-01T00-00-00Z", vendor: "acme", includeNoise: true)
        #expect(all.map { "\($0.version.date) \($0.kind.rawValue)/\($0.status.rawValue)" } == [
            "2026-04-10 noise/repeated", "2026-04-01 noise/identical", "2026-03-15 real/real", "2026-03-01 real/real", "2026-02-01 noise/noise",
        ])
        // Noise puts no verdict in doubt: only real changes are checked against the quotes.
        #expect(all.filter { $0.kind == .noise }.allSatisfy { $0.affects.isEmpty })
    }

    @Test func repeatsAreToldWithinTheLookback() throws {
        let (catalog, done) = try catalog()
        defer { done() }
        let doc = try #require(catalog.document("acme/terms"))
        // 2026-04-10 brings back the text of 2026-03-01, the third version before it.
        #expect(catalog.history(of: doc, from: "2026-04-05T00-00-00Z").map(\.status) == [.repeated])
        #expect(catalog.history(of: doc, from: "2026-04-05T00-00-00Z", lookback: 3).map(\.status) == [.repeated])
        #expect(catalog.history(of: doc, from: "2026-04-05T00-00-00Z", lookback: 2).map(\.status) == [.real])
        #expect(catalog.history(of: doc, from: "2026-04-05T00-00-00Z").first?.previous?.date == SimpleDate("2026-04-01"))
    }

    @Test func sinceTheLastLookAndWhatWasSeen() throws {
        let (catalog, done) = try catalog()
        defer { done() }
        let state = LookState(lastLook: "2026-03-01T00:00:00Z", seen: ["acme/terms": "2026-03-01T10-00-00Z"])
        let changes = catalog.changesSinceLastLook(state, now: "2026-04-20T00:00:00Z")
        #expect(changes.map { "\($0.document.ref)@\($0.version.date) \($0.seen)" } == [
            "zeta/privacy-policy@2026-03-20 false", "acme/terms@2026-03-15 false", "acme/terms@2026-03-01 true",
        ])
        // No look yet: the last 30 days (from 2026-03-11).
        #expect(catalog.changesSinceLastLook(LookState(), now: "2026-04-10T00:00:00Z").map(\.version.date.description) == ["2026-03-20", "2026-03-15"])
        #expect(catalog.changes(since: "2026-05-01T00-00-00Z").isEmpty)
    }
}

@Suite("Verdicts that need a second look")
struct NeedsReviewTests {
    @Test func aQuoteChangedOrGoneInTheNewestVersionPutsItsVerdictUpForReview() throws {
        let data = try Fixture(ChangingTerms.layer), ds = try Fixture(ChangingTerms.dataset)
        defer { data.remove(); ds.remove() }
        let catalog = data.catalog(sources: [ds.root])
        let acme = try #require(catalog.vendor("acme"))
        let retention = try #require(acme.verdict(surface: "consumer", question: "retention"))
        let training = try #require(acme.verdict(surface: "consumer", question: "train-on-inputs"))
        // The newest version (2026-04-10) says 90 days and still has clause 4.3.
        #expect(catalog.reviewReasons(retention).map(\.status) == [.changed])
        #expect(catalog.needsReview(retention))
        #expect(!catalog.needsReview(training))
        let json = CatalogJSON(catalog: catalog, language: .en)
        #expect(json.verdict(retention).rendered(pretty: false).contains("\"needs_review\":true"))
        #expect(json.verdict(training).rendered(pretty: false).contains("\"needs_review\":false"))

        let report = catalog.check(strict: false)
        #expect(report.needsReview.map(\.question) == ["retention"])
        #expect(report.warnings.map(\.message) == [
            "acme/consumer/retention: needs review: quote pinned to acme/terms@2026-01-10 is changed in the newest version @2026-04-10 (closest match 96% similar)",
        ])
        #expect(report.exitCode(strict: true) == 0)
    }
}
