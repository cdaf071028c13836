import Testing
@testable import Browser
import PolicyModel
import TerminalUI

/// The rendered reader, its raw view, and `:` go to a clause in the reader and the comparisons.
@Suite("Reading and going to a clause")
struct ReaderGoToTests {
    func reader(_ s: Session) -> ReaderView? {
        if case .reader(let r) = s.state.screen { return r }
        return nil
    }

    /// The text of the cells drawn in `role`, row by row, joined by spaces.
    func text(in role: Role, _ buffer: CellBuffer) -> String {
        var rows: [String] = []
        for y in 0..<buffer.height {
            let styles = buffer.styles(row: y)
            let cells = buffer.textLines()[y].map { $0 }
            var row = ""
            for (x, ch) in cells.enumerated() where x < styles.count && styles[x].role == role { row.append(ch) }
            if !row.isEmpty { rows.append(row.trimmingCharacters()) }
        }
        return rows.joined(separator: " ")
    }

    @Test func theReaderShowsHeadingsInBoldWithoutTheirMarksAndRShowsTheFile() throws {
        var s = try Session(model: TestCatalog.fixture(), at: "acme/terms:1")
        #expect(s.lines[1] == " 1. Introduction")
        let heading = s.screen.styles(row: 1)[1]
        #expect(heading.attributes.contains(.bold))
        #expect(!s.text.contains("##"))
        s.type("r")
        #expect(s.lines[1] == " ## 1. Introduction", "the same place, the file as it is")
        #expect(s.lines[0].hasSuffix("[raw]"))
        #expect(s.lines.last?.contains("r renders it again") == true)
        s.type("j j r")
        #expect(s.lines[1] == " 1.1 These terms govern your use of Acme Chat and the Acme Platform API.", "\(s.text)")
    }

    @Test func everyQuoteOfADocumentIsHighlightedExactlyInTheRenderedText() throws {
        let model = TestCatalog.fixture()
        let catalog = model.catalog
        let doc = try #require(catalog.document(vendor: "acme", id: "terms"))
        var checked = 0
        for verdict in catalog.vendors.flatMap(\.verdicts) {
            for (i, e) in verdict.evidence.enumerated() where e.vendor == "acme" && e.document == "terms" {
                let ref = VerdictRef(vendor: verdict.vendor, surface: verdict.surface, question: verdict.question)
                for raw in [false, true] {
                    var view = ReaderView(evidence: e, index: i, of: ref, model: model)
                    view.raw = raw
                    let s = Session(model: model, state: Browser.start(showing: .reader(view), model: model, size: Size(width: 80, height: 24)))
                    let shown = text(in: .strongHighlight, s.screen)
                    #expect(shown.split(separator: " ") == e.quote.split(separator: " "), "\(doc.ref) raw=\(raw): \(shown)")
                    checked += 1
                }
            }
        }
        #expect(checked >= 10)
    }

    @Test func colonGoesToASectionByNumberAndMakesItsFirstQuoteCurrent() throws {
        var s = try Session(model: TestCatalog.fixture(), at: "acme/terms")
        s.type(": 4 . 3")
        #expect(s.lines.contains { $0.hasPrefix("▸§4.3") }, "the match is listed: \(s.text)")
        s.type("Enter")
        let r = try #require(reader(s))
        #expect(r.goTo == nil)
        #expect(s.lines[0].hasSuffix("§4.3"))
        #expect(s.lines[1].hasPrefix(" 4.3 We may use Inputs"))
        let current = try #require(r.current)
        let version = try #require(r.document(s.model.catalog)).1
        let quoted = try #require(s.model.quotedPassages(in: version).first { $0.section == "4.3" })
        #expect(current == quoted.start..<quoted.end)
        #expect(s.lines.last?.contains("§4.3") == true)
    }

    @Test func afterGoingToASectionWithoutQuotesTheNextQuoteIsTheOneAfterIt() throws {
        var s = try Session(model: TestCatalog.fixture(), at: "acme/terms:4.3")
        s.type(": 4 . 4 Enter")
        guard case .reader(let r) = s.state.screen else { return }
        #expect(r.current == nil, "§4.4 is not quoted")
        s.type("]")
        #expect(s.state.message?.hasSuffix("§5.1") == true, "the next quote, in §5.1: \(s.state.message ?? "")")
    }

    @Test func colonFindsChineseClausesAndTitlesAndTabCompletes() throws {
        var zh = try Session(model: TestCatalog.fixture(), at: "lumen/user-agreement-zh")
        zh.type(":")
        zh.typeText("第九条")
        zh.type("Enter")
        #expect(zh.lines[0].hasSuffix("§第九条"), "\(zh.lines[0])")

        var s = try Session(model: TestCatalog.fixture(), at: "acme/terms")
        s.type(":")
        s.typeText("saf")
        s.type("Tab")
        guard let prompt = reader(s)?.goTo?.prompt else { Issue.record("the prompt stays open"); return }
        #expect(prompt.text == "6. Safety")
        s.type("Enter")
        #expect(s.lines[0].hasSuffix("§6"))
        #expect(s.state.message == "§6 · Safety", "the number, then the title without it")
        // Tab with nothing more in common steps through the matches.
        s.type(": 4 Tab")
        #expect(reader(s)?.goTo?.prompt.text == "4.1")
        s.type("Tab")
        #expect(reader(s)?.goTo?.prompt.text == "4.2")
    }

    @Test func escClosesThePromptWhereYouWereAndNoMatchSaysSo() throws {
        var s = try Session(model: TestCatalog.fixture(), at: "acme/terms:4.3")
        let before = s.text
        s.type(":")
        s.typeText("zzz")
        s.type("Enter")
        #expect(s.state.message == "no section zzz in this version")
        #expect(reader(s)?.goTo != nil)
        s.type("Esc")
        #expect(reader(s)?.goTo == nil)
        #expect(s.text == before, "Esc leaves the reader as it was")
        guard case .reader = s.state.screen else { Issue.record("Esc closes only the prompt"); return }
    }

    @Test func nAndNStepThroughTheAlignedQuotedClausesOfTheDocumentComparison() throws {
        var s = ViewSamples.documentCompare().session
        guard case .documentCompare(let start) = s.state.screen else { Issue.record("not on the comparison"); return }
        #expect(start.row == 0)
        var rows: [Int] = []
        for _ in 0..<6 {
            s.type("n")
            if case .documentCompare(let v) = s.state.screen { rows.append(v.row) }
        }
        #expect(rows == rows.sorted() && Set(rows).count >= 3, "\(rows)")
        #expect(s.state.message == "no quoted clause below")
        s.type("N")
        guard case .documentCompare(let back) = s.state.screen else { return }
        #expect(back.row < rows.last ?? 0)
        #expect(s.lines.last?.contains("§") == true)
    }

    @Test func colonInTheDocumentComparisonGoesToTheAlignedRow() throws {
        var s = ViewSamples.documentCompare().session
        s.type(":")
        s.typeText("第四条")
        s.type("Enter")
        guard case .documentCompare(let v) = s.state.screen else { Issue.record("not on the comparison"); return }
        #expect(v.goTo == nil)
        #expect(s.lines.last?.contains("§4 ↔ §第四条") == true, "\(s.lines.last ?? "")")
    }

    @Test func colonInTheVendorComparisonGoesToAQuestion() throws {
        var s = try Session(model: TestCatalog.fixture())
        s.type("Space Space c :")
        s.typeText("own")
        s.type("Tab")
        guard case .compare(let v) = s.state.screen else { Issue.record("not on the comparison"); return }
        #expect(v.goTo?.prompt.text == "output-ownership")
        s.type("Enter")
        guard case .compare(let after) = s.state.screen else { return }
        #expect(after.table.row == 2)
        s.type(": 4 Enter")
        guard case .compare(let fourth) = s.state.screen else { return }
        #expect(fourth.table.row == 3)
    }
}

extension String {
    func trimmingCharacters() -> String {
        String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }

    /// The matches' rows, whole: a long heading without a number takes the row and is cut with …
    /// only where the row ends; numbered clauses get a column as wide as their numbers.
    @Test(arguments: [40, 24])
    func aHeadingTakesItsRowAndNumbersTheirWidth(_ width: Int) {
        let found = [
            GoToPrompt.Candidate(label: "§Governing Law and Jurisdiction", title: "", completion: "Governing Law and Jurisdiction", target: 0),
            GoToPrompt.Candidate(label: "§10.1", title: "The establishment, execution and interpretation", completion: "10.1", target: 1),
            GoToPrompt.Candidate(label: "§10.12", title: "Disputes", completion: "10.12", target: 2),
        ]
        var buffer = CellBuffer(width: width, height: 8)
        GoToPrompt().render(found, in: buffer.bounds, into: &buffer)
        let rows = Array(buffer.textLines(trimmed: true).suffix(4))
        let expected = width == 40
            ? ["▸§Governing Law and Jurisdiction", " §10.1   The establishment, execution a…", " §10.12  Disputes", ":"]
            : ["▸§Governing Law and Jur…", " §10.1   The establishm…", " §10.12  Disputes", ":"]
        #expect(rows == expected)
    }
}
