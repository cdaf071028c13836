import Testing
@testable import Browser
import PolicyModel
import TerminalUI

/// One question across every vendor: opened from the vendor list and the matrix, grouped by
/// answer, filtered by answer and surface.
@Suite("One question across every vendor")
struct QuestionViewTests {
    func view(_ s: Session) -> QuestionView? {
        if case .question(let v) = s.state.screen { return v }
        return nil
    }

    @Test func theMatrixOpensTheSelectedQuestionWithItsCellSelected() throws {
        var s = try Session(model: TestCatalog.fixture(), at: "acme")
        s.type("j l a")   // training-opt-out, the API column
        let v = try #require(view(s))
        #expect(v.question == "training-opt-out")
        let selected = try #require(v.verdicts(s.model.catalog)[safe: v.list.selected])
        #expect(selected.vendor == "acme" && selected.surface == "api")
        #expect(s.lines[0] == " 2. Can I stop that use?")
        #expect(s.lines.contains { $0.hasPrefix("▸ Acme AI · Acme Platform API") })
    }

    @Test func verdictsAreGroupedByAnswerInTheOrderOfTheAnswers() throws {
        var s = try Session(model: TestCatalog.fixture())
        s.type("a")
        let v = try #require(view(s))
        #expect(v.question == "train-on-inputs")
        // yes: Acme Chat, Lumen; conditional: Bolt; silent: the Acme API.
        let headings = s.lines.filter { $0.hasPrefix(" ✓") || $0.hasPrefix(" ✗") || $0.hasPrefix(" ◐") || $0.hasPrefix(" ∅") }
        #expect(headings == [" ✓ yes  2", " ◐ conditional  1", " ∅ silent  1"], "\(s.text)")
        #expect(v.verdicts(s.model.catalog).map { "\($0.vendor)/\($0.surface)" } == ["acme/consumer", "lumen/consumer", "bolt/consumer", "acme/api"])
        s.type("G Enter")
        guard case .detail(let d) = s.state.screen else { Issue.record("Enter opens the verdict"); return }
        #expect(d.verdict == VerdictRef(vendor: "acme", surface: "api", question: "train-on-inputs"))
        s.type("<")
        #expect(view(s)?.list.selected == 3, "back to the same verdict")
    }

    @Test func aAndSFilterByAnswerAndSurfaceAndCycleBackToAll() throws {
        var s = try Session(model: TestCatalog.fixture())
        s.type("a a")
        #expect(view(s)?.answer == .yes)
        #expect(view(s)?.verdicts(s.model.catalog).count == 2)
        #expect(s.lines[1].contains("[✓ yes 2]"), "\(s.lines[1])")
        s.type("a a")
        #expect(view(s)?.answer == .silent)
        s.type("a")
        #expect(view(s)?.answer == nil, "after the last answer given: all again")
        s.type("A")
        #expect(view(s)?.answer == .silent, "A goes the other way")
        s.type("s s")
        #expect(view(s)?.surface == "api")
        #expect(view(s)?.answer == nil, "a new surface shows every answer")
        #expect(view(s)?.verdicts(s.model.catalog).map(\.surface) == ["api"])
        #expect(s.lines.last?.contains("train-on-inputs › api") == true)
        s.type("S S")
        #expect(view(s)?.surface == nil)
    }

    @Test func leftAndRightGoThroughTheQuestions() throws {
        var s = try Session(model: TestCatalog.fixture())
        s.type("a h")
        #expect(s.state.message == "this is the first question")
        s.type("l l l")
        #expect(view(s)?.question == "data-location")
        s.type("l")
        #expect(s.state.message == "this is the last question")
        s.type("a")
        #expect(view(s)?.answer == .no)
        #expect(s.lines.contains { $0.contains("Bolt Labs") })
    }

    @Test func theSurfaceFilterStaysFromQuestionToQuestion() throws {
        var s = try Session(model: TestCatalog.fixture())
        s.type("a l l s s")
        #expect(view(s)?.verdicts(s.model.catalog).map { "\($0.vendor) \($0.question) \($0.answer)" } == ["acme output-ownership yes"])
        s.type("h h")
        #expect(view(s)?.verdicts(s.model.catalog).map { "\($0.vendor) \($0.question) \($0.answer)" } == ["acme train-on-inputs silent"])
        #expect(s.lines[0] == " 1. Are my inputs used to train models?")
    }
}
