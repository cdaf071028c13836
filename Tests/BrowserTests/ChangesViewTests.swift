import Testing
@testable import Browser
import PolicyModel
import TerminalUI

@Suite("Browser: what changed since the last look")
struct ChangesViewTests {
    struct Listed: Equatable {
        var document: String
        var version: String
        var unseen: Bool
        var affects: [String]
    }

    static func listed(_ model: BrowserModel) -> [Listed] {
        model.loadChanges().map { c in
            Listed(document: c.document.ref, version: c.version.date.description, unseen: model.looks.isUnseen(c),
                   affects: c.affects.map { "\($0.surface)/\($0.question) \($0.status.rawValue)" })
        }
    }

    @Test func theUpdatedFixtureLoadsWithoutErrors() {
        #expect(FixtureCatalog.updated.errors.isEmpty, "\(FixtureCatalog.updated.errors)")
    }

    @Test func realChangesSinceTheLastLookNewestFirstWithTheVerdictsTheyTouch() {
        #expect(Self.listed(FixtureCatalog.updatedModel()) == [
            Listed(document: "acme/terms", version: "2026-06-01", unseen: true,
                   affects: ["consumer/train-on-inputs changed", "consumer/data-location gone"]),
            // Seen already, but recorded since the last look: listed, not marked.
            Listed(document: "bolt/terms", version: "2026-02-01", unseen: false, affects: []),
            Listed(document: "acme/terms", version: "2026-01-01", unseen: true, affects: []),
        ])
    }

    @Test func enterOpensTheDiffOfTheChangeAndMarksItSeen() throws {
        var s = try Session(model: FixtureCatalog.updatedModel())
        #expect(s.model.unseenCount(vendor: "acme") == 2)
        s.type("C")
        guard case .changes = s.state.screen else { Issue.record("C opens the changes"); return }
        s.type("Enter")
        guard case .diff(let d) = s.state.screen else { Issue.record("Enter opens the diff"); return }
        #expect((d.vendor, d.document, d.old.description, d.new.description) == ("acme", "terms", "2026-01-01", "2026-06-01"))
        // Seeing the newest version of a document sees the older ones too (the state keeps the newest seen).
        #expect(s.model.unseenCount() == 0)
        s.type("<")
        #expect(Self.listed(s.model).map(\.unseen) == [false, false, false])
    }

    @Test func aDiffOpenedFromTheVersionsListMarksTheChangeSeenToo() throws {
        var s = try Session(model: FixtureCatalog.updatedModel(), at: "acme")
        s.type("d j v j d")
        guard case .diff(let d) = s.state.screen else { Issue.record("d opens the diff"); return }
        #expect(d.new.description == "2026-01-01")
        #expect(Self.listed(s.model).map(\.unseen) == [true, false, false])
    }

    @Test func aFirstVersionOpensInTheReaderAndVTheVersions() throws {
        var s = try Session(model: FixtureCatalog.updatedModel())
        s.type("C j Enter")
        guard case .reader(let r) = s.state.screen else { Issue.record("Enter on a first version opens it"); return }
        #expect((r.vendor, r.document, r.version?.description) == ("bolt", "terms", "2026-02-01"))
        s.type("< v")
        guard case .versions(let v) = s.state.screen else { Issue.record("v opens the versions"); return }
        #expect((v.vendor, v.document) == ("bolt", "terms"))
    }

    @Test func withNothingListedEnterSaysSo() throws {
        var s = try Session(model: TestCatalog.fixture())
        s.type("C Enter")
        guard case .changes = s.state.screen else { Issue.record("stays on the changes"); return }
        #expect(s.state.message == s.model.text.noChangeListed)
    }

    @Test func bracketsMoveTheStartAMonthAndAListsEveryRecordedVersion() throws {
        var s = try Session(model: FixtureCatalog.updatedModel())
        s.type("C [")
        guard case .changes(let back) = s.state.screen else { Issue.record("stays on the changes"); return }
        // The last look was 2025-12-01: a month before it. Nothing more was recorded in November.
        #expect(back.window.since?.description == "2025-11-01")
        #expect(s.state.message == "3 real changes since 2025-11-01")
        s.type("]")
        guard case .changes(let again) = s.state.screen else { return }
        #expect(again.window == ChangeWindow())
        s.type("A")
        guard case .changes(let all) = s.state.screen else { return }
        #expect(all.window.since?.description == "2025-01-20")
        #expect(s.model.changes(all.window).map { "\($0.document.ref)@\($0.version.date)" } == [
            "acme/terms@2026-06-01", "bolt/terms@2026-02-01", "acme/terms@2026-01-01", "acme/terms@2025-06-01", "lumen/user-agreement-zh@2025-01-20",
        ])
        s.type("A")
        guard case .changes(let back2) = s.state.screen else { return }
        #expect(back2.window.since == nil)
    }

    @Test func monthsStepOnTheSameDayOrTheMonthsLast() throws {
        let jan31 = try #require(SimpleDate("2026-01-31"))
        #expect(jan31.addingMonths(1).description == "2026-02-28")
        #expect(jan31.addingMonths(-1).description == "2025-12-31")
        #expect(jan31.addingMonths(-13).description == "2024-12-31")
        #expect(try #require(SimpleDate("2024-03-15")).addingMonths(-1).description == "2024-02-15")
    }
}
