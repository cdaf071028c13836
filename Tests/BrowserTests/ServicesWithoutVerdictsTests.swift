import Testing
@testable import Browser
import PolicyModel
import TerminalUI

@Suite("Browser: services without verdicts")
struct ServicesWithoutVerdictsTests {
    @Test(.enabled(if: TestCatalog.sampleExists, "needs ../shared/ota/sample"))
    func theyFollowTheAnalysedVendorsAndEnterOpensTheirDocuments() throws {
        var s = try Session(model: TestCatalog.model(sample: true), width: 80, height: 12)
        // The first service without verdicts comes after the fourteen analysed vendors.
        s.type(Array(repeating: "j", count: s.model.catalog.analysedVendors.count).joined(separator: " "))
        #expect(s.text == """
             termlens — Vendors · 24 services without verdicts
              Anysphere          US  consumer, business                   ✓5 ✗6 ◐4 ∅0 –0 ?15
              Baidu              CN  consumer                              ✓3 ✗3 ◐5 ∅0 –0 ?4
              GitHub             US  individual, business                 ✓5 ✗2 ◐8 ∅0 –0 ?15
              Microsoft          US  consumer, business                   ✓7 ✗2 ◐6 ∅0 –0 ?15
              Moonshot AI        CN  consumer                              ✓4 ✗2 ◐6 ∅3 –0 ?0
              Perplexity         US  consumer, api, business             ✓8 ✗7 ◐14 ∅0 –1 ?15
            ▸ Bardeen                 not analysed                       2 docs · 2 versions

             ✓ yes  ✗ no  ◐ conditional  ∅ silent  – n/a  ? unknown
             Colours: good for you · bad for you · mixed · neither
             termlens › Vendors      ? help  Enter verdicts  d docs  Space mark  c compare
            """)
        s.type("Enter")
        guard case .documents(let d) = s.state.screen else { Issue.record("Enter on a service without verdicts opens its documents"); return }
        #expect(d.vendor == "bardeen")
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
}
