import Testing
@testable import PolicyModel

/// Which versions and which hunks of a diff touch quoted text (`ChangingTerms`: 4.4's "30 days"
/// became 90 on 2026-03-01, clause 4.3 went on 2026-03-15 and came back on 2026-04-10).
@Suite("Changes that touch quoted text")
struct QuotedChangesTests {
    func catalog() throws -> (Catalog, PolicyDocument, () -> Void) {
        let data = try Fixture(ChangingTerms.layer), ds = try Fixture(ChangingTerms.dataset)
        let catalog = data.catalog(sources: [ds.root])
        let doc = try #require(catalog.document("acme/terms"))
        return (catalog, doc, { data.remove(); ds.remove() })
    }

    /// What became of each quote from one version to the other, and which hunks touch which quote.
    func diff(_ catalog: Catalog, _ doc: PolicyDocument, _ old: String, _ new: String) throws -> (quotes: [String], hunks: [[Int]]) {
        let a = try #require(doc.version(SimpleDate(old))), b = try #require(doc.version(SimpleDate(new)))
        let before = try catalog.text(of: a).get(), after = try catalog.text(of: b).get()
        let drifts = catalog.evidenceDrift(of: doc, old: before, new: after)
        let changes = VersionDiff.changes(old: DiffSide(before), new: DiffSide(after))
        return (drifts.map { "\($0.verdict.question) \($0.isNew ? "new" : $0.status.rawValue) \($0.touched ? "touched" : "-")" },
                changes.map { c in drifts.indices.filter { c.touches(drifts[$0]) } })
    }

    @Test func aHunkTouchesTheQuotesItEditsRemovesOrBringsIn() throws {
        let (catalog, doc, done) = try catalog()
        defer { done() }
        let edited = try diff(catalog, doc, "2026-02-01", "2026-03-01")
        #expect(edited.quotes == ["train-on-inputs still -", "retention changed touched"])
        #expect(edited.hunks == [[1]])
        let removed = try diff(catalog, doc, "2026-03-01", "2026-03-15")
        #expect(removed.quotes == ["train-on-inputs gone touched", "retention changed -"], "30 days was already gone: not this change's doing")
        #expect(removed.hunks.filter { !$0.isEmpty } == [[0]])
        let back = try diff(catalog, doc, "2026-04-01", "2026-04-10")
        #expect(back.quotes == ["train-on-inputs new touched", "retention changed -"])
        #expect(back.hunks.filter { !$0.isEmpty } == [[0]])
        #expect(try diff(catalog, doc, "2026-01-10", "2026-02-01").hunks.allSatisfy(\.isEmpty), "noise touches nothing")
    }

    @Test func versionsThatBringInOrTakeOutAQuote() throws {
        let (catalog, doc, done) = try catalog()
        defer { done() }
        let presence = catalog.quotePresence(of: doc)
        let sets = doc.versions.map { presence[$0.path].map { $0.sorted() } ?? [-1] }
        #expect(sets == [[0, 1], [0, 1], [0], [], [], [0]])
        // A document no verdict quotes is not read.
        let zeta = try #require(catalog.document("zeta/privacy-policy"))
        #expect(catalog.quotePresence(of: zeta).isEmpty)
    }
}
