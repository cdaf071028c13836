import Testing
@testable import Browser
import PolicyModel
import TerminalUI

extension Session {
    mutating func mouse(_ kind: Mouse.Kind, _ x: Int, _ y: Int) {
        effects.append(Browser.update(&state, .mouse(Mouse(kind, x: x, y: y)), model: model))
        Browser.settle(&state, model: model)
    }

    mutating func click(_ x: Int, _ y: Int) { mouse(.click, x, y) }
}

/// The mouse: a click selects a row, a quote, a cell or a tab; a click on what is selected
/// follows it; the wheel scrolls the pane under the pointer.
@Suite("The mouse")
struct MouseTests {
    @Test func aClickSelectsAVendorAndASecondClickOpensIt() throws {
        var s = try Session(model: TestCatalog.fixture())
        s.click(10, 3)
        guard case .vendors(let list) = s.state.screen else { Issue.record("the first click only selects"); return }
        #expect(list.list.selected == 2)
        #expect(s.lines[3].hasPrefix("▸"))
        s.click(10, 3)
        guard case .matrix(let m) = s.state.screen else { Issue.record("the second click opens the vendor"); return }
        #expect(m.vendor == s.model.catalog.vendors[2].id)
        s.click(5, 0)
        guard case .matrix = s.state.screen else { Issue.record("a click on the header does nothing"); return }
    }

    @Test func aClickSelectsAMatrixCellAndTheDetailsQuotes() throws {
        var s = try Session(model: TestCatalog.fixture(), at: "acme")
        // Row 3 of the table is the second question; the API column starts after the first.
        let apiX = s.lines[1].range(of: "Acme Platform").map { s.lines[1].distance(from: s.lines[1].startIndex, to: $0.lowerBound) } ?? 0
        s.click(apiX + 2, 3)
        guard case .matrix(let m) = s.state.screen else { Issue.record("still the matrix"); return }
        #expect(m.table.row == 1 && m.table.column == 1)
        s.click(apiX + 2, 3)
        guard case .detail(let d) = s.state.screen else { Issue.record("a second click opens the verdict"); return }
        #expect(d.verdict == VerdictRef(vendor: "acme", surface: "api", question: "training-opt-out"))

        var detail = try Session(model: TestCatalog.fixture(), at: "acme/consumer/train-on-inputs")
        let second = try #require(detail.lines.firstIndex { $0.contains("[2]") })
        detail.click(10, second)
        guard case .detail(let selected) = detail.state.screen else { return }
        #expect(selected.evidence == 1)
        detail.click(10, second + 1)
        guard case .reader(let r) = detail.state.screen else { Issue.record("a click on the selected quote opens it"); return }
        #expect(r.fallback?.index == 1)
    }

    @Test func inTheReaderAClickMakesAQuoteCurrentAndTheWheelScrolls() throws {
        var s = try Session(model: TestCatalog.fixture(), at: "acme/terms:4.3")
        guard case .reader(let before) = s.state.screen else { return }
        // §4.2 "You own the Outputs" is quoted too, above the current quote: scroll up to it.
        s.mouse(.wheelUp, 20, 10)
        guard case .reader(let scrolled) = s.state.screen else { return }
        #expect(scrolled.pane.top == before.pane.top - 3)
        let row = try #require(s.lines.firstIndex { $0.hasPrefix(" 4.2 You own the Outputs") })
        s.click(8, row)
        guard case .reader(let after) = s.state.screen else { return }
        #expect(after.current != before.current)
        #expect(s.state.message?.hasPrefix("passage ") == true)
        s.click(8, row)
        guard case .detail(let d) = s.state.screen else { Issue.record("a click on the current quote opens its verdict"); return }
        #expect(d.verdict.question == "output-ownership")
    }

    @Test func theWheelOverTheOutlineMovesTheOutlineAndAClickGoesToASection() throws {
        var s = try Session(model: TestCatalog.fixture(), width: 120, height: 30, at: "acme/terms")
        guard case .reader(let before) = s.state.screen else { return }
        s.mouse(.wheelDown, 5, 5)
        guard case .reader(let r) = s.state.screen else { return }
        #expect(r.pane.top == before.pane.top, "the text stays")
        #expect(r.focusOutline && r.outline.selected == 3)
        let row = try #require(s.lines.firstIndex { $0.contains("5. Where data is kept") && $0.contains("│") })
        s.click(5, row)
        s.click(5, row)
        #expect(s.lines[0].hasSuffix("§5"), "\(s.lines[0])")
    }

    @Test func aClickOnAnAnswerTabFiltersTheQuestionView() throws {
        var s = try Session(model: TestCatalog.fixture())
        s.type("a")
        // Row 1: the answers (no wide characters before "conditional", so its index is its column).
        let x = try #require(s.lines[1].range(of: "conditional")).lowerBound.utf16Offset(in: s.lines[1])
        s.click(x, 1)
        guard case .question(let v) = s.state.screen else { return }
        #expect(v.answer == .conditional)
        s.click(4, 1)
        guard case .question(let all) = s.state.screen else { return }
        #expect(all.answer == nil, "the all tab")
    }

    @Test func overlaysCloseOnAClickAndTheHelpScrollsWithTheWheel() throws {
        var s = try Session(model: TestCatalog.fixture(), width: 40, height: 12, at: "acme")
        s.type("?")
        s.mouse(.wheelDown, 20, 6)
        #expect(s.state.help?.top == 3)
        s.click(20, 6)
        #expect(s.state.help == nil)
        guard case .matrix = s.state.screen else { Issue.record("the click only closed the help"); return }
        var link = try Session(model: TestCatalog.fixture(), at: "acme/terms")
        link.type("o")
        link.click(1, 1)
        #expect(link.state.link == nil)
    }

    @Test func inTheDocumentComparisonAClickSelectsAlignedClauses() throws {
        var s = ViewSamples.documentCompare().session
        let row = try #require(s.lines.firstIndex { $0.contains("4.1 You own your Inputs") })
        s.click(10, row)
        guard case .documentCompare(let v) = s.state.screen else { return }
        #expect(s.lines.last?.contains("§4.1 ↔ §4.1") == true, "\(s.lines.last ?? "")")
        #expect(v.row > 0)
        s.mouse(.wheelDown, 50, 5)
        guard case .documentCompare(let w) = s.state.screen else { return }
        #expect(w.row == v.row + 3)
    }

    @Test func theChangesListTakesClicksLikeEveryList() throws {
        var s = try Session(model: FixtureCatalog.updatedModel())
        s.type("C")
        s.click(10, 2)
        guard case .changes(let v) = s.state.screen else { Issue.record("the first click selects"); return }
        #expect(v.list.selected == 1)
        s.click(10, 2)
        // The second change listed is Bolt's first version: it opens in the reader, as Enter would.
        guard case .reader(let r) = s.state.screen else { Issue.record("the second click follows the change: \(s.text)"); return }
        #expect(r.vendor == "bolt")
    }
}
