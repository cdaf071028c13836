import Testing
@testable import Browser
import PolicyModel

@Suite("The reader opens a hit with context above it")
struct ReaderContextTests {
    /// Anthropic's privacy policy §2 is long; the phrase sits far below the section's start, in
    /// the middle of a sentence: the lines before it stay on screen (as `scrolloff` in vim).
    @Test(.enabled(if: TestCatalog.sampleExists, "needs ../shared/ota/sample"))
    func aHitFarIntoItsSectionKeepsLinesAboveIt() throws {
        var s = try Session(model: TestCatalog.model(sample: true), width: 100, height: 30)
        s.type("/")
        s.typeText("\"unless you opt out through your account settings\"")
        s.type("Enter")
        guard case .reader = s.state.screen else { Issue.record("Enter opens the hit in the reader: \(s.text)"); return }
        let lines = s.lines
        guard let hit = lines.firstIndex(where: { $0.contains("opt out through your account") }) else {
            Issue.record("the hit is on screen: \(s.text)")
            return
        }
        // Row 0 is the header; the first text row is 1 or 2. Three rows of context come before.
        let firstText = lines.dropFirst().firstIndex { !$0.trimmingCharacters(in: .whitespaces).isEmpty } ?? 1
        #expect(hit - firstText == 3, "\(s.text)")
    }
}

@Suite("The reader says when a version is not the newest")
struct ReaderOlderVersionTests {
    @Test func anOlderVersionNamesTheNewestInTheHeaderAndTheNewestDoesNot() throws {
        let old = try Session(model: TestCatalog.fixture(), width: 100, height: 24, at: "acme/terms@2025-06-01")
        #expect(old.lines[0].contains("@2025-06-01") && old.lines[0].contains("[older: newest is 2026-01-01]"), "\(old.lines[0])")
        let newest = try Session(model: TestCatalog.fixture(), width: 100, height: 24, at: "acme/terms@2026-01-01")
        #expect(newest.lines[0].contains("@2026-01-01") && !newest.lines[0].contains("older"), "\(newest.lines[0])")
    }
}
