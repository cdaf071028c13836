import Testing
@testable import Browser
import PolicyModel
import TerminalUI
import TextCells

@Suite("Browser key scripts")
struct BrowserScenarioTests {
    @Test func vendorThenVerdictThenEvidenceThenBackRestoresTheSameScreen() throws {
        var s = try Session(model: TestCatalog.model())
        s.type("Enter")                      // DeepSeek matrix
        guard case .matrix(let m) = s.state.screen else { Issue.record("not on the matrix"); return }
        #expect(m.vendor == "deepseek")
        #expect(s.text.contains("Are my inputs used to train models?"))
        s.type("j l")                        // opt-out question, api column
        let matrixScreen = s.text
        let matrixState = s.state.screen
        s.type("Enter")
        guard case .detail(let d) = s.state.screen else { Issue.record("not on the detail"); return }
        #expect(d.verdict == VerdictRef(vendor: "deepseek", surface: "api", question: "training-opt-out"))
        s.type("<")
        #expect(s.state.screen == matrixState)
        #expect(s.text == matrixScreen)
        s.type(">")
        #expect(s.state.screen == .detail(d))
        s.type("C-o")
        #expect(s.state.screen == matrixState)
        s.type("Esc Esc")
        guard case .vendors = s.state.screen else { Issue.record("Esc goes back to the vendor list"); return }
    }

    @Test func browseTargetOpensTheDetailWithTheFirstEvidenceSelected() throws {
        let s = try Session(model: TestCatalog.model(), at: "deepseek/consumer/train-on-inputs")
        guard case .detail(let d) = s.state.screen else { Issue.record("not on the detail"); return }
        #expect(d.evidence == 0)
        #expect(s.text.contains("✓ yes"))
        #expect(s.text.contains("[1]"))
        #expect(s.lines.contains { $0.hasPrefix("▌") }, "the selected evidence is marked")
    }

    @Test(.enabled(if: TestCatalog.sampleExists, "needs ../shared/ota/sample"))
    func enterOnEvidenceOpensTheClauseWithTheQuoteHighlightedAndItsSectionNamed() throws {
        var s = try Session(model: TestCatalog.model(sample: true), width: 120, height: 40, at: "deepseek/consumer/train-on-inputs")
        let detail = s.text
        s.type("Enter")
        guard case .reader(let c) = s.state.screen else { Issue.record("not on the reader"); return }
        let current = try #require(c.current)
        #expect(s.lines[0].contains("§4.3"))
        #expect(s.lines.last?.contains("§4.3") == true, "the status bar names the section")
        // The current quote is on screen in the strong highlight.
        let buffer = s.screen
        var strong = 0
        for y in 0..<buffer.height { strong += buffer.styles(row: y).filter { $0.role == .strongHighlight }.count }
        #expect(strong > 20)
        #expect(current.count > 0)
        s.type("<")
        #expect(s.text == detail)
    }

    @Test func chineseClauseAtANarrowWidthStaysWithinTheWidth() throws {
        var s = try Session(model: TestCatalog.model(), width: 41, height: 15, at: "deepseek/user-agreement-zh:4.3")
        guard case .reader = s.state.screen else { Issue.record("not on the reader"); return }
        #expect(s.text.contains("4.3"))
        for line in s.lines { #expect(line.cellWidth() <= 41, "\(line)") }
        #expect(s.text.contains("为了履行法律法规"))
        s.type("]")
        #expect(s.state.message?.contains("/") == true)
    }

    @Test func quotedPassagesAreHighlightedAndBracketsStepThroughThem() throws {
        var s = try Session(model: TestCatalog.model(), width: 80, height: 24, at: "deepseek/user-agreement-zh")
        s.type("]")
        guard case .reader(let first) = s.state.screen, let a = first.current else { Issue.record("no current quote"); return }
        s.type("]")
        guard case .reader(let second) = s.state.screen, let b = second.current else { Issue.record("no second quote"); return }
        #expect(b.lowerBound > a.lowerBound)
        s.type("[")
        guard case .reader(let back) = s.state.screen else { return }
        #expect(back.current == a)
        // Enter on the current quote opens a verdict that cites it.
        s.type("Enter")
        guard case .detail(let d) = s.state.screen else { Issue.record("Enter should open the citing verdict"); return }
        #expect(d.verdict.vendor == "deepseek")
    }

    @Test func textNotLoadedShowsTheQuoteAndHowToLoadSources() throws {
        var s = try Session(model: TestCatalog.model(), at: "deepseek/consumer/train-on-inputs")
        s.type("Enter")
        #expect(s.text.contains("not loaded"))
        #expect(s.text.contains("--sources"))
        #expect(s.text.contains("“"), "the quote is shown")
    }

    @Test func helpOverlayIsBuiltFromTheKeymapOfTheView() throws {
        var s = try Session(model: TestCatalog.model(), at: "deepseek")
        s.type("?")
        #expect(s.state.help != nil)
        #expect(s.text.contains("Verdict matrix"))
        #expect(s.text.contains("Tables"))
        s.type("q")
        #expect(s.state.help == nil)
        guard case .matrix = s.state.screen else { Issue.record("q closes the help, nothing else"); return }
    }

    @Test func qClosesViewsAndQuitsAtTheTopCtrlCAlwaysQuits() throws {
        var s = try Session(model: TestCatalog.model(), at: "deepseek/api")
        s.type("q")
        guard case .vendors = s.state.screen else { Issue.record("q closes the matrix"); return }
        s.type("q")
        #expect(s.state.quit)
        #expect(s.effects.last == .quit)
        var t = try Session(model: TestCatalog.model(), at: "deepseek/api/retention")
        t.type("C-c")
        #expect(t.effects.last == .quit)
    }

    @Test func resizeKeepsTheSelectionAndTinySizesSayWhatIsNeeded() throws {
        var s = try Session(model: TestCatalog.model(), at: "openai")
        s.type("j j l")
        let before = s.state.screen
        let text = s.text
        for (w, h) in [(1, 1), (300, 90), (39, 9), (2, 50), (120, 40), (40, 10)] {
            s.resize(w, h)
            _ = s.screen
        }
        s.resize(20, 5)
        #expect(s.text.contains("too small"))
        #expect(s.text.contains("40×10"))
        s.resize(80, 24)
        #expect(s.state.screen == before)
        #expect(s.text == text)
    }

    @Test func timelineAndDocuments() throws {
        var s = try Session(model: TestCatalog.model(), at: "deepseek")
        s.type("t")
        guard case .timeline = s.state.screen else { Issue.record("t opens the timeline"); return }
        #expect(s.text.contains("2025-"))
        s.type("< d")
        guard case .documents = s.state.screen else { Issue.record("d opens the documents"); return }
        #expect(s.text.contains("User Agreement") || s.text.contains("用户协议"))
    }
}

@Suite("Browser search")
struct BrowserSearchTests {
    @Test(.enabled(if: TestCatalog.sampleExists, "needs ../shared/ota/sample"))
    func typingNarrowsResultsAndEnterLandsOnTheClauseWithTheMatch() throws {
        var s = try Session(model: TestCatalog.model(sample: true), width: 120, height: 30)
        s.type("/")
        var counts: [Int] = []
        for ch in "improve the model" {
            s.typeText(String(ch))
            guard case .search(let screen) = s.state.screen else { Issue.record("left the search view"); return }
            counts.append(screen.matches.count)
        }
        #expect(counts.last! > 0)
        #expect(counts.last! < counts.first!, "results narrow as the query grows: \(counts)")
        #expect(s.text.contains("improve"))
        // Move to DeepSeek's terms of use hit and open it.
        guard case .search(let results) = s.state.screen else { return }
        let index = try #require(results.matches.firstIndex { m in
            let hit = s.model.loadHit(m)
            return hit.kinds.contains(.document) && hit.documentRef == "deepseek/terms-of-service"
        })
        for _ in 0..<index { s.type("↓") }
        s.type("Enter")
        guard case .reader(let c) = s.state.screen else { Issue.record("Enter should open the clause"); return }
        #expect(c.document == "terms-of-service")
        #expect(s.state.searchCursor != nil)
        #expect(s.lines[0].contains("§4.3"))
        s.type("<")
        guard case .search(let back) = s.state.screen else { Issue.record("< returns to the results"); return }
        #expect(!back.focusPrompt)
        #expect(back.list.selected == index)
    }

    @Test func escCancelsAndRestoresTheViewYouHad() throws {
        var s = try Session(model: TestCatalog.model(), at: "deepseek/consumer/retention")
        let before = s.state.screen
        let text = s.text
        s.type("/")
        s.typeText("训练")
        s.type("Esc")
        #expect(s.state.screen == before)
        #expect(s.text == text)
    }

    @Test func promptEditingKeysAndHistory() throws {
        var s = try Session(model: TestCatalog.model())
        s.type("/")
        s.typeText("opt out data")
        s.type("C-w")
        guard case .search(let a) = s.state.screen else { return }
        #expect(a.prompt.text == "opt out ")
        s.type("C-a")
        s.typeText("x")
        guard case .search(let b) = s.state.screen else { return }
        #expect(b.prompt.text == "xopt out ")
        s.type("C-u")
        s.type("C-e")
        s.typeText("ＡＰＩ")
        guard case .search(let c) = s.state.screen else { return }
        #expect(c.prompt.text == "opt out ＡＰＩ")
        s.type("C-u")
        s.typeText("ＡＰＩ")
        guard case .search(let e) = s.state.screen else { return }
        #expect(e.prompt.text == "ＡＰＩ")
        #expect(!e.matches.isEmpty, "fullwidth ＡＰＩ finds API")
        for line in s.lines { #expect(line.cellWidth() <= 80) }
        s.type("Enter")
        s.type("<")
        s.type("/")
        guard case .search(let d) = s.state.screen else { return }
        #expect(d.prompt.history.last?.contains("ＡＰＩ") == true)
    }

    @Test func searchingFromAClausePaneListsThatDocumentFirst() throws {
        var s = try Session(model: TestCatalog.model(), at: "deepseek/user-agreement-zh:4.3")
        s.type("/")
        s.typeText("数据")
        guard case .search(let screen) = s.state.screen, let first = screen.matches.first else { Issue.record("no results"); return }
        let hit = s.model.loadHit(first)
        #expect(hit.documentRef == "deepseek/user-agreement-zh")
        #expect(hit.kinds.contains(.document))
    }

    @Test func nAndNStepThroughHitsAfterThePromptCloses() throws {
        var s = try Session(model: TestCatalog.model(), width: 100, height: 30, at: "deepseek/user-agreement-zh")
        s.type("/")
        s.typeText("个人信息")
        s.type("Enter")
        guard case .reader(let first) = s.state.screen, let a = first.current else { Issue.record("no clause"); return }
        s.type("n")
        guard case .reader(let second) = s.state.screen, let b = second.current else { Issue.record("n: no clause"); return }
        #expect(b != a)
        // Which hit of how many: at the right end of the status bar.
        let count = s.state.searchCursor?.matches.count ?? 0
        #expect(count > 2)
        #expect(s.screen.textLines(trimmed: true).last?.hasSuffix(" 2/\(count)") == true, "\(s.screen.textLines().last ?? "")")
        s.type("N")
        guard case .reader(let third) = s.state.screen else { return }
        #expect(third.current == a)
        #expect(s.screen.textLines(trimmed: true).last?.hasSuffix(" 1/\(count)") == true)
    }

    /// As in less, `n` in a reader stays in its document: the hit in another document is
    /// announced, and reached by pressing `n` again (any other key in between starts over).
    @Test func nInAReaderAnnouncesTheNextDocumentBeforeGoingThere() throws {
        var s = try Session(model: TestCatalog.model(), width: 100, height: 30, at: "deepseek/user-agreement-zh")
        s.type("/")
        s.typeText("数据")
        s.type("Enter")
        var steps = 0
        while s.state.pendingCrossing == nil && steps < 300 {
            s.type("n")
            steps += 1
        }
        guard case .reader(let here) = s.state.screen, let index = s.state.searchCursor?.index else { Issue.record("no reader"); return }
        #expect(here.vendor == "deepseek" && here.document == "user-agreement-zh")
        #expect(s.state.pendingCrossing == index + 1)
        #expect(s.state.message?.hasPrefix("No more hits in this document: n again goes to ") == true, "\(s.state.message ?? "")")
        s.type("j")
        #expect(s.state.pendingCrossing == nil)
        s.type("n")
        #expect(s.state.searchCursor?.index == index, "announced again, not gone")
        s.type("n")
        guard case .reader(let there) = s.state.screen else { Issue.record("n again: no reader"); return }
        #expect(there.vendor != here.vendor || there.document != here.document || there.version != here.version)
        #expect(s.state.searchCursor?.index == index + 1)
        #expect(s.state.pendingCrossing == nil)
    }

    /// The place a run closes at is a TARGET the next run's `'` opens (the jump list as if
    /// walked there); the start says so.
    @Test func apostropheGoesBackToWhereTheLastRunWasClosed() throws {
        var reading = try Session(model: TestCatalog.model(), width: 100, height: 30, at: "deepseek/user-agreement-zh:4.3")
        reading.type("j")
        let place = try #require(Browser.closingPlace(reading.state, model: reading.model))
        #expect(place.hasPrefix("deepseek/user-agreement-zh@") && place.hasSuffix(":4.3"), "\(place)")
        let verdict = try Session(model: TestCatalog.model(), at: "deepseek/consumer/retention")
        #expect(Browser.closingPlace(verdict.state, model: verdict.model) == "deepseek/consumer/retention")

        let model = TestCatalog.model()
        model.looks = LookRecord(state: LookState(place: place), now: "2026-12-01T10:00:00Z")
        var next = try Session(model: model, width: 100, height: 30)
        #expect(next.state.message == "' goes back to where you left off: \(place)")
        next.type("'")
        guard case .reader(let reader) = next.state.screen else { Issue.record("' opens the reader"); return }
        #expect(reader.vendor == "deepseek" && reader.document == "user-agreement-zh" && reader.section == "4.3")
        next.type("<")
        guard case .documents = next.state.screen else { Issue.record("< goes to the documents"); return }

        let fresh = try Session(model: TestCatalog.model(), width: 100, height: 30)
        var nothing = fresh
        nothing.type("'")
        #expect(nothing.state.message == "No place remembered from an earlier run")
    }

    @Test func shiftQQuitsFromAnyView() throws {
        var s = try Session(model: TestCatalog.model(), width: 100, height: 30, at: "deepseek/consumer/retention")
        #expect(s.state.back.count >= 2)
        s.type("Q")
        #expect(s.state.quit)
        #expect(s.effects.last == .quit)
    }

    /// Back from hits stepped with `n` / `N`, the results select the hit last shown (the count
    /// agreeing), and `n` goes on from it.
    @Test func backFromSteppedHitsTheResultsSelectTheHitLastShown() throws {
        var s = try Session(model: TestCatalog.model(), width: 100, height: 30, at: "deepseek/user-agreement-zh")
        s.type("/")
        s.typeText("个人信息")
        s.type("Enter n n n N")
        let count = s.state.searchCursor?.matches.count ?? 0
        #expect(s.lines.last?.hasSuffix(" 3/\(count)") == true, "\(s.lines.last ?? "")")
        s.type("<")
        guard case .search(let results) = s.state.screen else { Issue.record("< goes back to the results"); return }
        #expect(results.list.selected == 2)
        #expect(s.lines.last?.hasSuffix(" 3/\(count)") == true, "\(s.lines.last ?? "")")
        #expect(s.lines.filter { $0.hasPrefix("▸") }.count == 1)
        s.type("n")
        #expect(s.state.searchCursor?.index == 3)
        #expect(s.lines.last?.hasSuffix(" 4/\(count)") == true, "\(s.lines.last ?? "")")
        s.type("<")
        guard case .search(let again) = s.state.screen else { Issue.record("< goes back to the results"); return }
        #expect(again.list.selected == 3)
    }
}

@Suite("Browser reload")
struct BrowserReloadTests {
    @Test func reloadKeepsTheScreenAndRefusesBrokenData() throws {
        var s = try Session(model: TestCatalog.model(), at: "openai/api/retention")
        let before = s.state.screen
        s.type("R")
        #expect(s.effects.last == .reload)
        var model = s.model
        // Good data: the same screen, a message.
        Browser.reload(&s.state, model: &model, catalog: TestCatalog.bundled)
        #expect(s.state.screen == before)
        #expect(s.state.message?.contains("again") == true)
        // Broken data: the old data stays.
        let broken = CatalogLoader.load(layers: [InMemoryLayer(label: "broken", files: ["questions.yaml": "questions: [oops"])], sourceRoots: [])
        Browser.reload(&s.state, model: &model, catalog: broken)
        #expect(model.catalog === TestCatalog.bundled)
        #expect(s.state.message?.contains("problem") == true)
        // Data without the vendor: the browser falls back to a screen that exists.
        let empty = CatalogLoader.load(layers: [InMemoryLayer(label: "q", files: ["questions.yaml": "questions:\n  - {id: retention, title: Kept?}\n"])], sourceRoots: [])
        Browser.reload(&s.state, model: &model, catalog: empty)
        guard case .vendors = s.state.screen else { Issue.record("expected the vendor list, got \(s.state.screen)"); return }
        _ = Browser.render(s.state, model: model)
    }
}

@Suite("Browser comparisons")
struct BrowserCompareTests {
    @Test func markVendorsAndCompareThemSideBySide() throws {
        var s = try Session(model: TestCatalog.model(), width: 110, height: 30)
        s.type("Space Space Space")             // mark DeepSeek, OpenAI, Anthropic
        s.type("c")
        guard case .compare(let c) = s.state.screen else { Issue.record("c opens the comparison"); return }
        #expect(Set(c.columns.map(\.vendor)) == ["deepseek", "openai", "anthropic"])
        #expect(s.text.contains("DeepSeek"))
        // The answers shown agree with the model.
        let catalog = TestCatalog.bundled
        let q = catalog.questions[0]
        let v = try #require(catalog.vendor("deepseek")?.verdict(surface: "api", question: q.id))
        #expect(s.lines.contains { $0.contains(v.answer.word()) })
        // Sideways: move right past the visible columns; the question column stays pinned.
        for _ in 0..<7 { s.type("l") }
        #expect(s.text.contains(q.title.text()) || s.lines[2].contains(String(q.title.text().prefix(10))))
        s.type("Enter")
        guard case .detail = s.state.screen else { Issue.record("Enter opens the verdict"); return }
        s.type("<")
        guard case .compare = s.state.screen else { Issue.record("< returns to the comparison"); return }
    }

    @Test func comparisonFitsAt80And200Columns() throws {
        let model = TestCatalog.model()
        for width in [80, 200] {
            let view = VendorCompareView(vendors: ["deepseek", "openai", "anthropic"], in: model.catalog)
            let state = Browser.start(showing: .compare(view), model: model, size: Size(width: width, height: 24))
            let lines = Browser.render(state, model: model).textLines(trimmed: true)
            for line in lines { #expect(line.cellWidth() <= width) }
            #expect(lines[1].contains("DeepSeek"))
        }
    }

    @Test(.enabled(if: TestCatalog.sampleExists, "needs ../shared/ota/sample"))
    func deepSeekTermsFaceTheChineseAgreementClauseByClause() throws {
        let model = TestCatalog.model(sample: true)
        let screen = DocumentCompareView(left: DocumentRef(vendor: "deepseek", document: "terms-of-service", version: nil),
                                         right: DocumentRef(vendor: "deepseek", document: "user-agreement-zh", version: nil))
        var s = Session(model: model, state: Browser.start(showing: .documentCompare(screen), model: model, size: Size(width: 120, height: 30)))
        let versions = try #require(screen.versions(model.catalog))
        let comparison = try #require(model.loadComparison(versions, paneWidth: 50)?.0)
        let row43 = try #require(comparison.rows.firstIndex { $0.count == 2 && $0[0]?.section == "4.3" && $0[1]?.section == "4.3" })
        for _ in 0..<row43 { s.type("j") }
        #expect(s.lines.last?.contains("§4.3 ↔ §4.3") == true)
        #expect(s.text.contains("the model for everyone"))
        #expect(s.text.contains("第9条"))
        for line in s.lines { #expect(line.cellWidth() <= 120) }
        s.type("Enter")
        guard case .detail = s.state.screen else { Issue.record("Enter jumps to a verdict quoting 4.3"); return }
    }
}

@Suite("Browser versions and diffs")
struct BrowserVersionTests {
    @Test(.enabled(if: TestCatalog.sampleExists, "needs ../shared/ota/sample"))
    func versionsListDiffAndOpenAChange() throws {
        var s = try Session(model: TestCatalog.model(sample: true), width: 100, height: 30, at: "deepseek/privacy-policy")
        s.type("<")                                   // the clause pane opened; back to the documents list
        guard case .documents = s.state.screen else { Issue.record("expected the documents list"); return }
        s.type("v")
        guard case .versions(let v) = s.state.screen else { Issue.record("v opens the versions"); return }
        let doc = try #require(s.model.catalog.document(vendor: "deepseek", id: "privacy-policy"))
        let steps = v.steps(s.model.loadHistory(of: doc))
        #expect(steps.count >= 5)
        #expect(s.text.contains("2026-02-10"))
        s.type("d")
        guard case .diff(let d) = s.state.screen else { Issue.record("d diffs against the previous version"); return }
        #expect(d.old < d.new)
        let changes = try #require(d.versions(s.model.catalog).map { s.model.loadDiff(old: $0.0, new: $0.1) })
        #expect(!changes.isEmpty, "the newest DeepSeek privacy policy changed real text")
        #expect(s.text.contains("changes"))
        s.type("Enter")
        guard case .reader(let c) = s.state.screen else { Issue.record("Enter opens the change"); return }
        #expect(c.current != nil)
        for line in s.lines { #expect(line.cellWidth() <= 100) }
    }
}
