import Testing
@testable import Browser
import PolicyModel
import TerminalUI

/// Documents side by side from the browser: marked in a vendor's documents list, two versions
/// from the versions list, a document beside the same terms in another language.
@Suite("Documents side by side")
struct DocumentsSideBySideTests {
    static func model() -> BrowserModel { ResearchFixture.model() }

    func compared(_ s: Session) -> DocumentCompareView? {
        if case .documentCompare(let v) = s.state.screen { return v }
        return nil
    }

    @Test func spaceMarksTwoDocumentsAndCComparesThemUsingTheMarksUp() throws {
        var s = try Session(model: Self.model(), at: "lumen")
        s.type("d")
        #expect(s.text.contains("⇄ en") && s.text.contains("⇄ zh"), "counterparts are shown: \(s.text)")
        s.type("c")
        #expect(s.state.message == s.model.text.markTwoDocuments)
        s.type("Space")
        #expect(s.lines.contains { $0.hasPrefix(" *") }, "\(s.text)")
        #expect(s.lines.last?.contains("1 marked") == true)
        s.type("Space c")
        let v = try #require(compared(s))
        let docs = s.model.catalog.vendor("lumen")?.documents.map(\.id) ?? []
        #expect([v.left.document, v.right.document] == docs, "in the order they were marked")
        s.type("<")
        guard case .documents(let list) = s.state.screen else { Issue.record("back to the list"); return }
        #expect(list.marked.isEmpty, "the comparison used the marks up")
    }

    @Test func oneMarkedComparesWithTheDocumentUnderTheCursor() throws {
        var s = try Session(model: Self.model(), at: "lumen")
        s.type("d Space c")
        let v = try #require(compared(s))
        #expect(v.left.document != v.right.document)
        #expect(s.lines[0].contains("lumen/") && s.lines[0].contains("@2025-01-20"))
    }

    @Test func lPutsADocumentBesideTheSameTermsInAnotherLanguage() throws {
        var s = try Session(model: Self.model(), at: "lumen/user-agreement-zh")
        s.type("< L")
        let v = try #require(compared(s))
        #expect(v.left.document == "user-agreement-zh" && v.right.document == "terms-en")
        var none = try Session(model: Self.model(), at: "acme")
        none.type("d L")
        #expect(none.state.message == none.model.text.noCounterpart)
        none.type("j L")
        #expect(none.state.message == none.model.text.noCounterpart)
    }

    @Test func lInTheReaderOpensAtTheClauseBeingRead() throws {
        var s = try Session(model: Self.model(), at: "lumen/terms-en:4.3")
        s.type("L")
        let v = try #require(compared(s))
        guard let (comparison, _) = s.model.comparison(try #require(v.versions(s.model.catalog)), paneWidth: DocumentCompareView.paneWidth(s.state.size) - 1) else {
            Issue.record("the comparison is loaded"); return
        }
        let row = try #require(comparison.rows[safe: v.row])
        #expect(row.first??.section == "4.3")
        #expect(row.last??.section == "4.3", "aligned with the Chinese 4.3")
        #expect(s.lines.last?.contains("§4.3 ↔ §4.3") == true)
        // Scrolled together: the selected row's text is on screen on both sides.
        #expect(s.lines.contains { $0.contains("▸4.3 To provide the service") && $0.contains("4.3 为了提供服务") }, "\(s.text)")
    }

    @Test func twoVersionsSideBySideFromTheVersionsList() throws {
        var s = try Session(model: Self.model(), at: "acme")
        s.type("d j v c")
        let v = try #require(compared(s))
        #expect(v.left.version?.description == "2025-06-01" && v.right.version?.description == "2026-01-01", "this version and the one before")
        #expect(s.lines[0].contains("acme/terms@2025-06-01") && s.lines[0].contains("acme/terms@2026-01-01"))
        s.type("<")
        s.type("Space Space c")
        let marked = try #require(compared(s))
        #expect(marked.left.version?.description == "2025-06-01", "older on the left")
        s.type("< G c")
        #expect(s.state.message == s.model.text.markTwoVersions, "the first version has none before it")
    }
}
