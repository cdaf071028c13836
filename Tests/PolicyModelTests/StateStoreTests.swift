import Foundation
import Testing
@testable import PolicyModel

@Suite("State store: what was seen, and the last look")
struct StateStoreTests {
    func folder() -> String { NSTemporaryDirectory() + "termlens-state-" + UUID().uuidString }

    func asideFiles(_ folder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasPrefix("state.json.") }.sorted()
    }

    @Test func writesAreReadBackAndNoTemporaryFileStays() throws {
        let dir = folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let store = StateStore(folder: dir)
        #expect(store.load().state == LookState())
        #expect(store.update { $0.seen["deepseek/terms-of-service"] = "2026-03-27T11-30-37Z"; $0.lastLook = "2026-08-20T10:00:00Z" } == nil)
        let again = StateStore(folder: dir).load()
        #expect(again.problem == nil)
        #expect(again.state == LookState(lastLook: "2026-08-20T10:00:00Z", seen: ["deepseek/terms-of-service": "2026-03-27T11-30-37Z"]))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).sorted() == ["state.json", "state.lock"])
        let text = try String(contentsOfFile: dir + "/state.json", encoding: .utf8)
        #expect(text.contains("\"format\": 1") && text.contains("\"last_look\": \"2026-08-20T10:00:00Z\""))
    }

    @Test func aCorruptFileIsReportedOnceSetAsideAndNeverOverwritten() throws {
        let dir = folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let bad = Data("{\"format\": 1, \"seen\": {\"a/b\": 3}".utf8)
        try bad.write(to: URL(fileURLWithPath: dir + "/state.json"))
        let store = StateStore(folder: dir)
        let first = store.load()
        #expect(first.state == LookState())
        let problem = try #require(first.problem)
        #expect(problem.hasPrefix(dir + "/state.json is corrupt (not a JSON object): set aside as " + dir + "/state.json.corrupt-"))
        // Set aside, not deleted: the bad bytes are kept beside it.
        let aside = asideFiles(dir)
        #expect(aside.count == 1)
        #expect(try Data(contentsOf: URL(fileURLWithPath: dir + "/" + aside[0])) == bad)
        // Reported once: the next load has nothing to say, and a write starts afresh.
        #expect(store.load().problem == nil)
        #expect(store.update { $0.lastLook = "2026-08-21T00:00:00Z" } == nil)
        #expect(store.load().state.lastLook == "2026-08-21T00:00:00Z")
        #expect(asideFiles(dir) == aside)
    }

    @Test func shapesThatAreNotAStateFileAreCorrupt() {
        for (text, why) in [("[]", "not a JSON object"), ("{\"seen\": {}}", "no `format: 1`"),
                            ("{\"format\": 1, \"last_look\": \"yesterday\", \"seen\": {}}", "`last_look` is not a time YYYY-MM-DDTHH:MM:SSZ"),
                            ("{\"format\": 1, \"seen\": {\"a/b\": 3}}", "`seen` entry `a/b` is not a recording time"),
                            ("{\"format\": 1}", "no `seen` object"), ("\u{0}\u{1}garbage", "not a JSON object")] {
            guard case .failure(let error) = StateStore.decode(Array(text.utf8)) else {
                Issue.record("`\(text)` was accepted")
                continue
            }
            #expect(error.description == why)
        }
        let fine = StateStore.decode(Array("{\"format\": 1, \"last_look\": null, \"seen\": {}, \"later\": true}".utf8))
        #expect((try? fine.get()) == LookState())
        guard case .failure(let placeError) = StateStore.decode(Array("{\"format\": 1, \"seen\": {}, \"place\": 3}".utf8)) else {
            Issue.record("a place that is no text was accepted")
            return
        }
        #expect(placeError.description == "`place` is not a TARGET")
    }

    /// Where the browser was closed is kept beside the rest, and a file without it (written
    /// before places were kept) reads as before.
    @Test func thePlaceIsWrittenAndReadBack() throws {
        let dir = folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let store = StateStore(folder: dir)
        #expect(store.update { $0.lastLook = "2026-08-20T10:00:00Z"; $0.place = "deepseek/terms-of-service@2026-03-27:4.3" } == nil)
        #expect(StateStore(folder: dir).load().state.place == "deepseek/terms-of-service@2026-03-27:4.3")
        #expect(store.update { $0.place = nil } == nil)
        let text = try String(contentsOfFile: dir + "/state.json", encoding: .utf8)
        #expect(!text.contains("place"))
        #expect(StateStore(folder: dir).load().state == LookState(lastLook: "2026-08-20T10:00:00Z"))
    }

    @Test func anUnreadableFileIsSetAside() throws {
        let dir = folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        // A folder where the file should be: it cannot be read as a file.
        try FileManager.default.createDirectory(atPath: dir + "/state.json/inside", withIntermediateDirectories: true)
        let store = StateStore(folder: dir)
        let loaded = store.load()
        #expect(loaded.problem?.contains("could not be read") == true, "\(String(describing: loaded.problem))")
        #expect(loaded.writable)
        #expect(asideFiles(dir).count == 1 && asideFiles(dir)[0].hasPrefix("state.json.unreadable-"))
        #expect(FileManager.default.fileExists(atPath: dir + "/" + asideFiles(dir)[0] + "/inside"))
        #expect(store.update { $0.seen["x/y"] = "2026-01-01T00-00-00Z" } == nil)
        #expect(store.load().state.seen == ["x/y": "2026-01-01T00-00-00Z"])
    }

    @Test func aBadFileThatCannotBeSetAsideIsLeftAlone() throws {
        let dir = folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let bad = Data("not json".utf8)
        try bad.write(to: URL(fileURLWithPath: dir + "/state.json"))
        // Folders already where it would be set aside in the next seconds: the rename fails (even as root).
        let now = Int(time(nil))
        for t in (now - 1)...(now + 30) {
            try FileManager.default.createDirectory(atPath: dir + "/state.json.corrupt-" + GitLog.stamp(t) + "/taken", withIntermediateDirectories: true)
        }
        let store = StateStore(folder: dir)
        let loaded = store.load()
        #expect(!loaded.writable)
        #expect(loaded.problem?.contains("could not be set aside") == true, "\(String(describing: loaded.problem))")
        #expect(store.update { $0.lastLook = "2026-08-21T00:00:00Z" } == nil, "the problem was reported once already")
        #expect(try Data(contentsOf: URL(fileURLWithPath: dir + "/state.json")) == bad, "the bad file was overwritten")
    }

    @Test func concurrentWritersKeepEachOthersChanges() async throws {
        let dir = folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        // Separate stores, as separate termlens processes have: only the lock file orders them.
        await withTaskGroup(of: Void.self) { group in
            for n in 0..<16 {
                group.addTask {
                    let store = StateStore(folder: dir)
                    for round in 0..<5 {
                        store.update { $0.seen["vendor/doc-\(n)"] = "2026-01-0\(round + 1)T00-00-00Z" }
                    }
                }
            }
        }
        let final = StateStore(folder: dir).load()
        #expect(final.problem == nil)
        #expect(final.state.seen.count == 16)
        #expect(final.state.seen.values.allSatisfy { $0 == "2026-01-05T00-00-00Z" })
        #expect(asideFiles(dir).isEmpty, "no torn file was ever read")
    }

    @Test func seenAndTheStartOfChanges() throws {
        let state = LookState(lastLook: nil, seen: ["a/b": "2026-03-27T11-30-37Z"])
        let older = DocumentVersion(date: try #require(SimpleDate("2026-03-01")), path: "/x", origin: .source, stamp: "2026-03-01T00-00-00Z")
        let newer = DocumentVersion(date: try #require(SimpleDate("2026-04-01")), path: "/y", origin: .source, stamp: "2026-04-01T00-00-00Z")
        #expect(state.hasSeen("a/b", older) && !state.hasSeen("a/b", newer) && !state.hasSeen("c/d", older))
        #expect(Catalog.changesStart(state, now: "2026-08-21T12:00:00Z") == "2026-07-22T00-00-00Z")
        #expect(Catalog.changesStart(LookState(lastLook: "2026-08-20T10:00:00Z"), now: "2026-08-21T12:00:00Z") == "2026-08-20T10-00-00Z")
        #expect(StateStore.folder(["XDG_STATE_HOME": "/s", "HOME": "/h"]) == "/s/termlens")
        #expect(StateStore.folder(["XDG_STATE_HOME": "relative", "HOME": "/h"]) == "/h/.local/state/termlens")
        #expect(StateStore.folder([:]) == nil)
    }
}
