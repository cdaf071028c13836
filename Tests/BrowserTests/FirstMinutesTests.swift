import Testing
@testable import Browser
import PolicyModel
import TerminalUI
import TextCells

/// What a person trying the browser for the first time runs into, at the sizes they have.
@Suite("The first minutes")
struct FirstMinutesTests {
    @Test func aMarkShowsOnItsRowIsCountedAndIsUsedUpByTheComparison() throws {
        var s = try Session(model: TestCatalog.fixture())
        s.type("Space")
        #expect(s.lines.contains { $0.contains("*Acme AI") }, "\(s.text)")
        #expect(s.lines.last?.contains("1 marked") == true)
        s.type("Space c")
        guard case .compare(let c) = s.state.screen else { Issue.record("c compares"); return }
        #expect(Set(c.columns.map(\.vendor)) == ["acme", "bolt"])
        s.type("<")
        #expect(!s.text.contains("*"), "the comparison used the marks up")
        #expect(s.lines.last?.contains("marked") == false)
        s.type("g Space Space u")
        #expect(!s.text.contains("*"), "u clears the marks")
        s.type("u")
        #expect(s.state.message == s.model.text.nothingMarked)
    }

    @Test func theDetailOpensAtTheTopAndScrollsThroughEverythingAt40x10() throws {
        let target = "acme/consumer/train-on-inputs"
        // Everything the detail has, drawn on a screen tall enough for it (without the ▌ column).
        let tall = try Session(model: TestCatalog.fixture(), width: 40, height: 80, at: target)
        let everything = tall.lines.dropFirst().dropLast().map { String($0.dropFirst()) }.filter { !$0.isEmpty }
        var s = try Session(model: TestCatalog.fixture(), width: 40, height: 10, at: target)
        #expect(s.lines[1].contains("Are my inputs"), "opens at the question: \(s.text)")
        var seen = Set<String>()
        for _ in 0..<everything.count {
            for line in s.lines.dropFirst().dropLast() { seen.insert(String(line.dropFirst())) }
            s.type("j")
        }
        #expect(everything.filter { !seen.contains($0) }.isEmpty, "never shown at 40×10: \(everything.filter { !seen.contains($0) })")
        // The long quote (taller than the screen) is read to its end, and g comes back to the top.
        #expect(seen.contains { $0.contains("keep them longer.”") })
        s.type("g")
        #expect(s.lines[1].contains("Are my inputs"))
        s.type("G")
        for _ in 0..<everything.count { s.type("PgUp") }
        #expect(s.lines[1].contains("Are my inputs"), "PgUp reaches the top")
    }

    @Test func enterOpensTheSelectedQuoteAndBracketsSelectAndReveal() throws {
        var s = try Session(model: TestCatalog.fixture(), width: 40, height: 10, at: "acme/consumer/train-on-inputs")
        s.type("]")
        guard case .detail(let d) = s.state.screen else { return }
        #expect(d.evidence == 1)
        #expect(s.lines.contains { $0.hasPrefix("▌") && $0.contains("[2]") }, "the second quote is on screen, marked")
        s.type("Enter")
        guard case .reader(let r) = s.state.screen else { Issue.record("Enter opens the quote"); return }
        #expect(r.current != nil)
    }

    @Test func helpScrollsWithTheUsualKeysAndClosesWithQuestionMarkQOrEsc() throws {
        for close in ["?", "q", "Esc"] {
            var s = try Session(model: TestCatalog.fixture(), width: 40, height: 12, at: "acme")
            s.type("?")
            let first = s.text
            for key in ["G", "End", "PgDn", "Space", "C-d", "g", "j", "k", "PgUp", "Home", "C-u", "b", "f"] {
                s.type(key)
                #expect(s.text.contains("─ Keys"), "\(key) closed the help")
            }
            s.type("G")
            #expect(s.text != first, "G scrolls to the end")
            #expect(s.text.contains("Suspend"), "the last line is in view: \(s.text)")
            s.type("g")
            #expect(s.text == first)
            s.type("x")
            #expect(s.text.contains("─ Keys"))
            #expect(s.lines.last?.contains("close the help") == true)
            s.type(close)
            #expect(!s.text.contains("─ Keys"), "\(close) closes the help")
            guard case .matrix = s.state.screen else { Issue.record("closing the help leaves the view as it was"); return }
        }
    }

    @Test func theReaderNamesTheSectionAtTheTopOfTheScreen() throws {
        var s = try Session(model: TestCatalog.fixture(), width: 80, height: 24, at: "acme/consumer/train-on-inputs")
        s.type("Enter")
        #expect(s.lines[0].hasSuffix("§4.3"), "opened at the quote: \(s.lines[0])")
        #expect(s.lines[1].hasPrefix(" 4.3 We may use Inputs"), "its section at the top: \(s.text)")
        s.type("G")
        #expect(s.lines[1] == " 5. Where data is kept", "\(s.text)")
        #expect(s.lines[0].hasSuffix("§5"), "\(s.lines[0])")
        #expect(s.lines.last?.contains("§5") == true)
        s.type("g")
        #expect(s.lines[1] == " Acme Terms of Use")
        #expect(s.lines[0].hasSuffix("§Acme Terms of Use"), "\(s.lines[0])")
        s.type("j j")
        #expect(s.lines[1] == " 1. Introduction")
        #expect(s.lines[0].hasSuffix("§1"), "\(s.lines[0])")
    }

    @Test func focusingTheOutlineSelectsTheSectionBeingRead() throws {
        var s = try Session(model: TestCatalog.fixture(), width: 120, height: 30, at: "acme/consumer/train-on-inputs")
        s.type("Enter j h")
        let selected = try #require(s.lines.first { $0.hasPrefix("▸") })
        #expect(selected.contains("4.3"), "\(s.text)")
        #expect(s.lines[0].hasSuffix("§4.3"))
        // Enter there keeps the place; j moves to the next section.
        s.type("j Enter")
        #expect(s.lines[0].hasSuffix("§4.4"), "\(s.lines[0])")
    }

    @Test func aListKeepsItsTopRowWhenTheCursorMovesBackUp() throws {
        var s = try Session(model: TestCatalog.fixture(), width: 80, height: 24, at: "acme")
        s.type("t")
        for _ in 0..<30 { s.type("j") }
        let top = s.lines[1]
        s.type("k")
        #expect(s.lines[1] == top, "↑ moves the cursor, not the view")
        #expect(s.lines[21].hasPrefix("▸"), "the cursor is one row up from the bottom: \(s.text)")
    }

    @Test func columnsUseTheWidthThereIs() throws {
        let matrix = try Session(model: TestCatalog.fixture(), width: 120, height: 30, at: "acme")
        #expect(matrix.lines[1].contains("Acme Platform API for developers"), "\(matrix.lines[1])")
        #expect(matrix.lines[5].contains("Is my data stored or processed outside the vendor's home jurisdiction?"), "\(matrix.lines[5])")
        let list = try Session(model: TestCatalog.fixture(), width: 200, height: 12)
        #expect(list.lines[2].contains("Bolt Labs Generative Studio "), "\(list.lines[2])")
        // Narrow, the names give way and the table scrolls sideways.
        let narrow = try Session(model: TestCatalog.fixture(), width: 40, height: 12, at: "acme")
        #expect(narrow.lines[1].hasSuffix("›"), "more columns to the right: \(narrow.lines[1])")
    }

    @Test func vendorCountsAddUpToEveryVerdict() throws {
        let s = try Session(model: TestCatalog.fixture(), width: 100, height: 24)
        for (row, vendor) in s.model.catalog.vendors.enumerated() {
            let counts = s.lines[row + 1].split(separator: " ").suffix(Answer.allCases.count)
            let numbers = counts.compactMap { Int($0.drop { !$0.isNumber }) }
            #expect(numbers.reduce(0, +) == vendor.verdicts.count, "\(s.lines[row + 1])")
            #expect(counts.map { String($0.prefix { !$0.isNumber }) } == Answer.allCases.map(\.symbol))
        }
    }

    @Test func oneOfAThingIsSingular() throws {
        var s = try Session(model: TestCatalog.fixture(), width: 100, height: 24, at: "lumen")
        s.type("d")
        #expect(s.text.contains("1 version ·"), "\(s.text)")
        s.type("v")
        #expect(s.lines[0].hasSuffix("— 1 version"), "\(s.lines[0])")
        var diff = try Session(model: TestCatalog.fixture(), width: 100, height: 24, at: "acme")
        diff.type("d j v d")
        #expect(diff.lines[0].hasSuffix("3 changes"))
        #expect(!s.text.contains("1 versions"))
    }

    @Test func backIsOfferedOnlyWhereThereIsSomewhereToGoBackTo() throws {
        var s = try Session(model: TestCatalog.fixture(), width: 120, height: 24)
        #expect(s.lines.last?.contains("< back") == false, "\(s.lines.last ?? "")")
        #expect(s.lines.last?.contains("q quit") == true)
        s.type("Enter")
        #expect(s.lines.last?.contains("< back") == true)
        #expect(s.lines.last?.contains("q close") == true)
    }
}
