import Testing
@testable import Browser
import PolicyModel
import TerminalUI

@Suite("Browser: services without verdicts")
struct ServicesWithoutVerdictsTests {
    @Test(.enabled(if: TestCatalog.sampleExists, "needs ../shared/ota/sample"))
    func theyFollowTheAnalysedVendorsAndEnterOpensTheirDocuments() throws {
        var s = try Session(model: TestCatalog.model(sample: true), width: 80, height: 12)
        s.type("7 j")
        #expect(s.text == """
             termlens — Vendors · 33 services without verdicts
             DeepSeek         CN  consumer, api                               ✓6 ✗3 ◐6 ∅3 ?0
             OpenAI           US  consumer, api, business                   ✓11 ✗2 ◐12 ∅0 ?0
             Anthropic        US  consumer, api, business                   ✓11 ✗4 ◐10 ∅0 ?0
             Google           US  consumer, api, business                    ✓8 ✗0 ◐3 ∅0 ?16
             Mistral AI       FR  consumer, api, business                    ✓8 ✗2 ◐17 ∅0 ?0
             xAI              US  consumer, api                              ✓5 ✗1 ◐11 ∅0 ?1
             Meta             US  consumer, api                               ✓8 ✗2 ◐7 ∅1 ?0
            ▸Bardeen               not analysed                          2 docs · 2 versions

             ✓ yes  ✗ no  ◐ conditional  ∅ silent  – n/a  ? unknown
             termlens › Vendors          ? help  Enter verdicts  d docs  c compare  < back
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
        let clause = try Session(model: TestCatalog.model(sample: true), at: "cursor/privacy-policy")
        guard case .clause(let c) = clause.state.screen else { Issue.record("not on the clause pane"); return }
        #expect(c.vendor == "cursor" && c.document == "privacy-policy")
    }
}
