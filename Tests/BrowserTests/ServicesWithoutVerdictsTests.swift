import Testing
@testable import Browser
import PolicyModel
import TerminalUI

@Suite("Browser: services without verdicts")
struct ServicesWithoutVerdictsTests {
    @Test(.enabled(if: TestCatalog.sampleExists, "needs ../shared/ota/sample"))
    func theyFollowTheAnalysedVendorsAndEnterOpensTheirDocuments() throws {
        var s = try Session(model: TestCatalog.model(sample: true), width: 80, height: 12)
        // The first service without verdicts comes after the fourteen analysed vendors and the
        // heading, which j passes over.
        s.type(Array(repeating: "j", count: s.model.catalog.analysedVendors.count).joined(separator: " "))
        #expect(s.text == """
             termlens — Vendors · 24 services without verdicts
              Meta        US  consumer, api                              ✓13 ✗4 ◐12 ∅1 –0 ?0
              Alibaba     SG  consumer                                     ✓3 ✗5 ◐7 ∅0 –0 ?0
              Anysphere   US  consumer, business                          ✓5 ✗6 ◐4 ∅0 –0 ?15
              Baidu       CN  consumer                                     ✓3 ✗3 ◐5 ∅0 –0 ?4
              GitHub      US  individual, business                        ✓5 ✗2 ◐8 ∅0 –0 ?15
              Microsoft   US  consumer, business                          ✓7 ✗2 ◐6 ∅0 –0 ?15
              Moonshot AI CN  consumer                                     ✓4 ✗2 ◐6 ∅3 –0 ?0
              Perplexity  US  consumer, api, business                    ✓8 ✗7 ◐14 ∅0 –1 ?15
             Not analysed — 24 services
            ▸ Bardeen                                                    2 docs · 2 versions
             termlens › Vendors      ? help  Enter verdicts  d docs  Space mark  c compare
            """)
        // A page that would end on the heading goes on past it (12 rows: 10 list rows, pages of 9).
        s.type("g j j j j j PgDn")
        guard case .vendors(let paged) = s.state.screen else { Issue.record("not on the vendor list"); return }
        #expect(paged.list.selected == s.model.catalog.analysedVendors.count + 1, "from row 5, nine rows down is the heading")
        s.type("Enter")
        guard case .documents(let d) = s.state.screen else { Issue.record("Enter on a service without verdicts opens its documents"); return }
        #expect(d.vendor == "bardeen")
        // Its documents' language is not declared: the row shows the type alone, not `· und`.
        #expect(s.lines.contains { $0.contains("Privacy Policy") })
        #expect(!s.lines.contains { $0.contains("und") }, "\(s.lines)")
    }

    @Test(.enabled(if: TestCatalog.sampleExists, "needs ../shared/ota/sample"))
    func aTargetNamingOneOpensItsDocuments() throws {
        let s = try Session(model: TestCatalog.model(sample: true), at: "midjourney")
        guard case .documents(let d) = s.state.screen else { Issue.record("not on the documents"); return }
        #expect(d.vendor == "midjourney")
        let clause = try Session(model: TestCatalog.model(sample: true), at: "replit/privacy-policy")
        guard case .reader(let c) = clause.state.screen else { Issue.record("not on the reader"); return }
        #expect(c.vendor == "replit" && c.document == "privacy-policy")
    }

    /// The fixture's three vendors, the heading (row 3), five services (rows 4–8).
    func session(_ width: Int = 80, _ height: Int = 24) throws -> Session {
        try Session(model: BrowserModel(catalog: FixtureCatalog.withServices, language: .en), width: width, height: height)
    }

    func selected(_ s: Session) -> Int? {
        guard case .vendors(let v) = s.state.screen else { return nil }
        return v.list.selected
    }

    @Test func everyMovePassesOverTheHeading() throws {
        var s = try session()
        #expect(s.lines[4] == " Not analysed — 5 services")
        for (keys, row) in [("j j j", 4), ("k", 2), ("j", 4), ("g", 0), ("G", 8), ("Home", 0), ("End", 8), ("↑ ↑ ↑ ↑ ↑", 2), ("↓", 4)] {
            s.type(keys)
            #expect(selected(s) == row, "after \(keys)")
        }
        // 1–9 count the rows a person can select: the fourth is the first service.
        s.type("4")
        #expect(selected(s) == 4)
        s.type("3")
        #expect(selected(s) == 2)
        // Pages on a short screen (12 rows: 10 list rows, pages of 9; no legend there).
        var small = try session(40, 12)
        small.type("j j j PgDn")
        #expect(selected(small) == 8)
        small.type("PgUp")
        #expect(selected(small) == 0)
        #expect(small.lines[1].hasPrefix("▸ Acme AI"))
    }

    @Test func markingTheLastVendorMovesPastTheHeading() throws {
        var s = try session()
        s.type("j j Space")
        #expect(selected(s) == 4)
        guard case .vendors(let v) = s.state.screen else { Issue.record("not on the vendor list"); return }
        #expect(v.marked == ["lumen"])
        s.type("Space")
        guard case .vendors(let after) = s.state.screen else { Issue.record("not on the vendor list"); return }
        #expect(after.marked == ["lumen", "canvas-ai"])
        #expect(after.list.selected == 5)
    }

    @Test func aClickOnTheHeadingSelectsNothing() throws {
        var s = try session()
        s.type("j")
        s.click(10, 4)
        #expect(selected(s) == 1)
        guard case .vendors = s.state.screen else { Issue.record("a click on the heading opens nothing"); return }
        s.click(10, 5)
        #expect(selected(s) == 4)
        s.click(10, 5)
        guard case .documents(let d) = s.state.screen else { Issue.record("a second click opens the service's documents"); return }
        #expect(d.vendor == "canvas-ai")
    }

    @Test func aTargetOpensTheListAtAServiceAndBackLandsOnIt() throws {
        let model = BrowserModel(catalog: FixtureCatalog.withServices, language: .en)
        var s = try Session(model: model, at: "智谱清言/privacy-policy")
        guard case .reader(let r) = s.state.screen else { Issue.record("not on the reader"); return }
        #expect(r.vendor == "智谱清言")
        // Back through the documents to the vendor list, at the service.
        s.type("< <")
        let list = s
        #expect(selected(list) == 8)
    }
}
