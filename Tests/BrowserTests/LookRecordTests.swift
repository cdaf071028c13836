import Foundation
import Testing
@testable import Browser
import PolicyModel
import TerminalUI

/// The looks the browser remembers in a state folder: always a temporary one here, never the
/// real `$XDG_STATE_HOME`.
@Suite("Browser: what it remembers between runs")
struct LookRecordTests {
    static func folder() -> String { NSTemporaryDirectory() + "termlens-looks-" + UUID().uuidString }

    static func unseen(_ record: LookRecord, _ catalog: Catalog) -> [String] {
        record.changes(in: catalog).filter(record.isUnseen).map { "\($0.document.ref)@\($0.version.date)" }
    }

    @Test func aLookRecordsItselfAndANewVersionIsUnseenUntilViewed() throws {
        let folder = Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let store = StateStore(folder: folder)
        // First run on 2026-03-01: no last look, so the 30 days before it. Bolt's first version is in them.
        let first = LookRecord.open(store: store, catalog: FixtureCatalog.catalog, now: "2026-03-01T00:00:00Z")
        #expect(first.takeProblem() == nil)
        #expect(Self.unseen(first, FixtureCatalog.catalog) == ["bolt/terms@2026-02-01"])
        let written = store.load().state
        #expect(written.lastLook == "2026-03-01T00:00:00Z")
        #expect(written.seen == ["acme/terms": "2026-01-30T00-00-00Z", "acme/privacy": "2026-01-30T00-00-00Z",
                                 "bolt/terms": "2026-01-30T00-00-00Z", "lumen/user-agreement-zh": "2026-01-30T00-00-00Z"])
        #expect(first.markSeen("bolt/terms", try #require(FixtureCatalog.catalog.document(vendor: "bolt", id: "terms")?.newest)) == nil)
        #expect(store.load().state.seen["bolt/terms"] == "2026-02-01T99")

        // A pull brings Acme's version of 2026-06-01; the next run sees it as new, and nothing else.
        let second = LookRecord.open(store: store, catalog: FixtureCatalog.updated, now: "2026-06-15T00:00:00Z")
        #expect(Self.unseen(second, FixtureCatalog.updated) == ["acme/terms@2026-06-01"])
        // Not viewed in that run: still new in the one after, though the last look moved on.
        let third = LookRecord.open(store: store, catalog: FixtureCatalog.updated, now: "2026-07-01T00:00:00Z")
        #expect(Self.unseen(third, FixtureCatalog.updated) == ["acme/terms@2026-06-01"])
        #expect(store.load().state.lastLook == "2026-07-01T00:00:00Z")
    }

    @Test func aCorruptStateFileIsSetAsideAndSaidOnceInTheStatusBar() throws {
        let folder = Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try Data("{\"format\": 1, \"seen\": [".utf8).write(to: URL(fileURLWithPath: folder + "/state.json"))
        let model = BrowserModel(catalog: FixtureCatalog.updated, language: .en)
        model.looks = LookRecord.open(store: StateStore(folder: folder), catalog: FixtureCatalog.updated, now: FixtureCatalog.lookNow)
        var s = try Session(model: model, width: 120)
        let message = try #require(s.state.message)
        #expect(message.hasPrefix(folder + "/state.json is corrupt (not a JSON object): set aside as state.json.corrupt-"))
        #expect(s.lines.last?.contains("state.json is corrupt") == true, "the status bar says it")
        s.type("j")
        #expect(s.state.message == nil)
        #expect(model.looks.takeProblem() == nil, "said once")
        // Set aside, not lost; a fresh file in its place; the browser works on.
        let files = try FileManager.default.contentsOfDirectory(atPath: folder)
        #expect(files.filter { $0.hasPrefix("state.json.corrupt-") }.count == 1)
        #expect(StateStore(folder: folder).load().state.lastLook == FixtureCatalog.lookNow)
        s.type("C Enter")
        guard case .diff = s.state.screen else { Issue.record("the changes still open"); return }
    }

    @Test func withoutAStoreNothingIsWrittenAndChangesStillShow() {
        let record = LookRecord.open(store: nil, catalog: FixtureCatalog.updated, now: FixtureCatalog.lookNow)
        #expect(record.takeProblem() == nil)
        #expect(Self.unseen(record, FixtureCatalog.updated) == ["acme/terms@2026-06-01"])
    }
}
