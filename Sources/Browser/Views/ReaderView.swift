import PolicyModel
import TerminalUI
import TextCells

/// The clause pane: a document version, wrapped, with the quoted passages highlighted (the
/// current one strongly) and, on a wide terminal, the section outline beside it.
public struct ReaderView: GoesToClauses {
    public var vendor: String
    public var document: String
    public var version: SimpleDate?
    /// The quoted passage to highlight strongly (raw scalar offsets), if any.
    public var current: Range<Int>?
    /// Where to open: a section label.
    public var section: String?
    /// The evidence shown when the text is not loaded.
    public var fallback: Cited?
    public var pane = TextPaneState()
    /// Raw offset kept at the top of the view, so a resize re-wraps around the same text.
    public var anchorOffset: Int?
    /// The text width `pane.top` counts lines of.
    public var wrappedWidth: Int?
    public var outline = ListState()
    public var focusOutline = false
    /// The file as it is (Markdown marks, link URLs) instead of the rendered text.
    public var raw = false
    /// `:` go to a clause, while it is open.
    var goTo: GoToPrompt?
    /// The search hit shown (opened from the results or by `n` / `N`): its words are highlighted.
    public var shownHit: ShownHit?

    /// A piece of evidence: the verdict and the index of the evidence in it.
    public struct Cited: Hashable, Sendable {
        public var verdict: VerdictRef
        public var index: Int
    }

    public init(vendor: String, document: String, version: SimpleDate?, section: String? = nil) {
        self.vendor = vendor
        self.document = document
        self.version = version
        self.section = section
    }

    /// At the version a piece of evidence cites, its quote current.
    init(evidence e: Evidence, index: Int, of verdict: VerdictRef, model: BrowserModel) {
        let r = model.loadResolved(e)
        self.init(vendor: e.vendor, document: e.document, version: r.version?.date ?? e.version)
        if let a = r.anchor { current = a.start..<a.end }
        fallback = Cited(verdict: verdict, index: index)
    }

    enum Action: Hashable, Sendable {
        case scroll(ScrollMove)
        case nextQuote, previousQuote
        case focusOutline, focusText
        case open
        case toggleRaw
        case counterpart
        case copyQuote, copyVerdict, openSource
        case startGoTo
        case goTo(GoToPrompt.Action)
    }

    static func viewKeys(_ t: UIText) -> [KeyTable<Action>] { [readerTable(t), ScrollMove.table(t).map(Action.scroll)] }
    static func goToAction(_ action: GoToPrompt.Action) -> Action { .goTo(action) }

    static func readerTable(_ t: UIText) -> KeyTable<Action> {
        KeyTable(t.pick("Reader", "阅读"), [
            Binding(named("Enter"), .open, hint: t.pick("verdict", "结论"), help: t.pick("Text: open the verdict citing the current quote; outline: go to the section", "正文：打开引用当前段落的结论；目录：跳到该节")),
            Binding(named("]"), .nextQuote, hint: t.pick("next quote", "下一引文"), help: t.pick("Next quoted passage", "下一处被引用的段落")),
            Binding(named("["), .previousQuote, help: t.pick("Previous quoted passage", "上一处被引用的段落")),
            Binding(named("←", "h"), .focusOutline, help: t.pick("Focus the section outline (100 columns or wider); the scrolling keys then move in it", "聚焦章节目录（终端需 100 列以上）；滚动键随后在目录中移动")),
            Binding(named("→", "l"), .focusText, help: t.pick("Focus the text", "聚焦正文")),
            Binding(named(":"), .startGoTo, help: t.pick("Go to a section by number or title (:4.3, :第四条, :retention)", "按编号或标题跳到条款（:4.3、:第四条、:retention）")),
            Binding(named("y"), .copyQuote, help: t.pick("Copy the current quote with its citation as Markdown", "以 Markdown 复制当前引文及出处")),
        Binding(named("Y"), .copyVerdict, help: t.pick("Copy the whole verdict citing the current quote", "复制引用当前段落的整条结论")),
        Binding(named("o"), .openSource, help: t.pick("Open the document online ($BROWSER; else shown to copy)", "在线打开此文档（$BROWSER；否则显示网址以便复制）")),
        Binding(named("L"), .counterpart, help: t.pick("Beside the same terms in another language, at the section being read", "与另一语言的同一条款并排，停在正在阅读的章节")),
        Binding(named("r"), .toggleRaw, help: t.pick("The Markdown file as it is (marks, link URLs) / rendered again", "显示 Markdown 原文（标记、链接地址）/ 恢复渲染")),
        ])
    }

    var screen: Screen { .reader(self) }
    var statusCounter: String? { shownHit?.counter }

    /// `]` / `[` need a quoted passage in this version; Enter a current quote on screen (or the
    /// outline focused).
    func acts(_ action: Action, _ model: BrowserModel, size: Size) -> Bool {
        switch action {
        case .nextQuote, .previousQuote, .open:
            guard let page = page(model, size: size) else { return false }
            let passages = model.quotedPassages(in: page.version)
            guard action == .open else { return !passages.isEmpty }
            if focusOutline && Layout.clause(size).outline != nil && !page.sections.isEmpty { return true }
            guard let current, isVisible(current, page, height: Layout.clauseText(size).height) else { return false }
            return passages.contains { $0.start == current.lowerBound && $0.end == current.upperBound }
        default:
            return true
        }
    }

    /// A version's text as the reader shows it.
    struct Page {
        var doc: PolicyDocument
        var version: DocumentVersion
        var text: ShownText
        var prepared: PreparedText
        var wrapped: WrappedText { text.wrapped }
        var sections: [Section] { prepared.sections.sections }

        /// The raw offset display line `line` starts at.
        func lineStart(_ line: Int) -> Int { text.rawStart(ofLine: line) }

        /// The display line showing raw offset `raw`.
        func line(ofRaw raw: Int) -> Int { text.line(ofRaw: raw) }
    }

    func document(_ catalog: Catalog) -> (PolicyDocument, DocumentVersion)? {
        guard let doc = catalog.document(vendor: vendor, id: document), let v = doc.version(version) else { return nil }
        return (doc, v)
    }

    /// Reads, renders and wraps the text for the current width (update side).
    func load(_ env: ViewEnv) -> Page? {
        let width = Layout.clauseText(env.size).width
        guard width > 0, let (doc, version) = document(env.catalog),
              let (text, prepared) = env.model.loadShown(version, width: width, raw: raw) else { return nil }
        env.model.loadQuotedPassages(in: doc, version: version)
        if let words = shownHit?.words { env.model.loadWordHighlights(in: version, words: words) }
        return Page(doc: doc, version: version, text: text, prepared: prepared)
    }

    /// The text `load` prepared (render side: never reads).
    func page(_ model: BrowserModel, size: Size) -> Page? {
        let width = Layout.clauseText(size).width
        guard width > 0, let (doc, version) = document(model.catalog),
              let (text, prepared) = model.shownText(version, width: width, raw: raw) else { return nil }
        return Page(doc: doc, version: version, text: text, prepared: prepared)
    }

    mutating func opened(_ env: inout ViewEnv) {
        guard let page = load(env) else { return }
        let height = Layout.clauseText(env.size).height
        if let current {
            show(current, page, height: height, always: true)
        } else if let label = section {
            if let found = page.prepared.sections.section(labelled: label) {
                go(to: found, page, env)
            } else {
                env.say(env.text.noSection(label))
            }
        }
        wrappedWidth = page.wrapped.width
        anchorOffset = page.lineStart(pane.top)
        syncOutline(page, height: height)
    }

    mutating func prepare(_ env: inout ViewEnv) {
        guard let page = load(env) else { return }
        if wrappedWidth != page.wrapped.width {
            // Re-wrapped (or raw ↔ rendered): the same text stays at the top.
            pane.top = page.line(ofRaw: anchorOffset ?? 0)
            wrappedWidth = page.wrapped.width
        }
        pane.top = min(pane.top, max(0, page.wrapped.lines.count - 1))
    }

    mutating func reloaded(_ env: inout ViewEnv) -> Bool {
        guard document(env.catalog) != nil else { return false }
        wrappedWidth = nil
        return true
    }

    mutating func update(_ action: Action, _ env: inout ViewEnv) {
        let t = env.text
        // These work with the text not loaded too.
        switch action {
        case .openSource:
            // The page of the current passage, when the document puts several pages together.
            if let doc = env.catalog.document(vendor: vendor, id: document) {
                env.openURL(env.catalog.pageURL(of: doc, version: doc.version(version), at: current?.lowerBound), title: doc.title.text(env.model.language))
            }
            return
        case .copyQuote, .copyVerdict:
            guard let (v, index) = cited(env), let e = v.evidence[safe: index] else {
                env.say(t.noCurrentQuote)
                return
            }
            let markdown = CitationMarkdown(catalog: env.catalog, language: env.model.language)
            if action == .copyQuote {
                env.copy(markdown.quote(e), what: t.quoteWithCitation(index + 1))
            } else {
                env.copy(markdown.verdict(v), what: t.wholeVerdict(v.evidence.count))
            }
            return
        default:
            break
        }
        guard let page = load(env) else {
            env.say(t.textNotLoaded)
            return
        }
        let height = Layout.clauseText(env.size).height
        let lineCount = page.wrapped.lines.count
        let sections = page.sections
        let hasOutline = Layout.clause(env.size).outline != nil && !sections.isEmpty
        if focusOutline && hasOutline {
            switch action {
            case .scroll(let move):
                let step = max(1, height - 2)
                let moves: [ScrollMove: Int] = [.lineUp: -1, .lineDown: 1, .pageUp: -step, .pageDown: step, .top: -sections.count, .bottom: sections.count]
                outline.move(by: moves[move] ?? 0, count: sections.count)
                if let rect = Layout.clause(env.size).outline { outline.scrollIntoView(height: rect.height, count: sections.count) }
                return
            case .focusText:
                focusOutline = false
                return
            case .focusOutline:
                env.say(t.outlineFocused)
                return
            case .open:
                if let target = sections[safe: outline.selected] {
                    pane.top = page.line(ofRaw: target.start)
                    focusOutline = false
                }
                anchorOffset = page.lineStart(pane.top)
                return
            case .nextQuote, .previousQuote, .toggleRaw, .counterpart, .startGoTo, .goTo, .copyQuote, .copyVerdict, .openSource:
                focusOutline = false
            }
        }
        switch action {
        case .toggleRaw:
            raw.toggle()
            // prepare wraps the other text and keeps the same passage at the top.
            wrappedWidth = nil
            env.say(raw ? t.rawShown : t.renderedShown)
            return
        case .copyQuote, .copyVerdict, .openSource:
            return
        case .counterpart:
            let reading = readingSection(page, height: height)?.start ?? page.lineStart(pane.top)
            DocumentCompareView.openCounterpart(of: page.doc, version: page.version.date, at: reading, &env)
            return
        case .startGoTo:
            goTo = GoToPrompt()
            return
        case .goTo(let action):
            guard var prompt = goTo else { return }
            let index = page.prepared.sections
            switch prompt.update(action, candidates: index.goToCandidates, completion: index.completion) {
            case .editing: goTo = prompt
            case .cancelled: goTo = nil
            case .noMatch(let typed):
                goTo = prompt
                env.say(typed.isEmpty ? t.typeASection : t.noSection(typed))
            case .go(let target):
                goTo = nil
                if let section = index.sections.first(where: { $0.start == target.target }) {
                    go(to: section, page, env)
                    // A heading's label is its title: said once.
                    let rest = GoToPrompt.shownTitle(section.title, label: section.label)
                    env.say("§" + section.label + (rest.isEmpty ? "" : " · " + rest))
                }
            }
        case .scroll(let move):
            pane.top = move.top(from: pane.top, lineCount: lineCount, height: height)
        case .focusOutline:
            guard hasOutline else {
                env.say(sections.isEmpty ? t.noSections : t.outlineNeedsWidth(100))
                return
            }
            focusOutline = true
        case .focusText:
            env.say(t.textFocused)
            return
        case .nextQuote, .previousQuote:
            let stops = PassageStops(env.model.quotedPassages(in: page.version))
            guard !stops.isEmpty else {
                env.say(t.noQuotesHere)
                return
            }
            let i = action == .nextQuote
                ? stops.next(current: current, offset: current?.lowerBound ?? page.lineStart(pane.top) - 1)
                : stops.previous(current: current, offset: current?.lowerBound ?? page.lineStart(pane.top))
            let next = stops.passage(i)
            current = next.start..<next.end
            show(next.start..<next.end, page, height: height)
            env.say(t.passageOf(i + 1, stops.count, section: next.section))
        case .open:
            let passages = env.model.quotedPassages(in: page.version)
            guard let current, isVisible(current, page, height: height),
                  let p = passages.first(where: { $0.start == current.lowerBound && $0.end == current.upperBound }) else {
                env.say(passages.isEmpty ? t.noQuotesHere : t.noQuoteOnScreen)
                return
            }
            env.open(.detail(DetailView(verdict: p.cite, evidence: p.evidenceIndex)))
            return
        }
        anchorOffset = page.lineStart(pane.top)
        syncOutline(page, height: height)
    }

    /// The verdict citing the current quote and the index of its evidence (with the text not
    /// loaded: the evidence the reader was opened at).
    func cited(_ env: ViewEnv) -> (Verdict, Int)? {
        if let page = load(env) {
            guard let current, let p = env.model.quotedPassages(in: page.version).first(where: { $0.start == current.lowerBound && $0.end == current.upperBound }),
                  let v = env.catalog.vendor(p.cite.vendor)?.verdict(surface: p.cite.surface, question: p.cite.question) else { return nil }
            return (v, p.evidenceIndex)
        }
        guard let fallback, let v = env.catalog.vendor(fallback.verdict.vendor)?.verdict(surface: fallback.verdict.surface, question: fallback.verdict.question) else { return nil }
        return (v, fallback.index)
    }

    /// Puts a section's first line at the top; its first quote becomes current (none when it
    /// has none, so that `]` goes on from the section).
    mutating func go(to found: Section, _ page: Page, _ env: ViewEnv) {
        pane.top = page.line(ofRaw: found.start)
        let next = page.sections.first { $0.start > found.start && $0.level <= found.level }?.start ?? Int.max
        current = env.model.quotedPassages(in: page.version).first { $0.start >= found.start && $0.start < next }.map { $0.start..<$0.end }
    }

    func isVisible(_ range: Range<Int>, _ page: Page, height: Int) -> Bool {
        let line = page.line(ofRaw: range.lowerBound)
        return line >= pane.top && line < pane.top + height
    }

    /// Brings a quoted passage into view (when opening, `always`; else when it is not in view):
    /// its section's first line at the top when the quote is near it (the header then names
    /// the quote's section), else a few lines of context above the quote (as `scrolloff` in
    /// vim), never reaching above its section.
    mutating func show(_ range: Range<Int>, _ page: Page, height: Int, always: Bool = false) {
        guard always || !isVisible(range, page, height: height) else { return }
        let quoteLine = page.line(ofRaw: range.lowerBound)
        let context = min(3, height / 4)
        pane.top = max(0, quoteLine - context)
        if let section = page.prepared.sections.section(at: range.lowerBound) {
            let sectionLine = page.line(ofRaw: section.start)
            pane.top = quoteLine - sectionLine < height / 2 ? sectionLine : max(sectionLine, quoteLine - context)
        }
    }

    /// The section being read: the one at the top of the screen (its first line with text).
    func readingSection(_ page: Page, height: Int) -> Section? {
        var line = pane.top
        while line < min(page.wrapped.lines.count, pane.top + height) - 1 && page.wrapped.text(ofLine: line).allSatisfy(\.isWhitespace) {
            line += 1
        }
        return page.prepared.sections.section(at: page.lineStart(line))
    }

    /// The outline selects the section being read, in the middle of its pane.
    mutating func syncOutline(_ page: Page, height: Int) {
        guard let reading = readingSection(page, height: height) else {
            outline.selected = 0
            return
        }
        outline.selected = page.sections.lastIndex { $0.start <= reading.start } ?? 0
        outline.offset = max(0, outline.selected - height / 2)
    }

    /// The wheel scrolls the pane under the pointer (the outline or the text). A click on a
    /// quoted passage makes it current, on the current one opens the verdict citing it; on a
    /// link, opens its URL; on a section of the outline selects it, on the selected one goes there.
    mutating func mouse(_ m: Mouse, _ env: inout ViewEnv) -> Bool {
        guard goTo == nil else { return wheel(m, &env) }
        let (outlineRect, _) = Layout.clause(env.size)
        let text = Layout.clauseText(env.size)
        guard let page = load(env) else { return wheel(m, &env) }
        if let outlineRect, outlineRect.contains(x: m.x, y: m.y), !page.sections.isEmpty {
            focusOutline = true
            guard m.kind == .click, let row = m.row(in: outlineRect) else { return wheel(m, &env) }
            let index = outline.visibleOffset(height: outlineRect.height, count: page.sections.count) + row
            guard index < page.sections.count else { return false }
            if index == outline.selected { update(.open, &env) } else { outline.selected = index }
            return true
        }
        focusOutline = false
        guard m.kind == .click else { return wheel(m, &env) }
        guard let row = m.row(in: text), pane.top + row < page.wrapped.lines.count else { return false }
        let line = pane.top + row
        let raw = page.text.rawOffset(line: line, column: m.x - text.x)
        let passages = env.model.quotedPassages(in: page.version)
        if let p = passages.first(where: { $0.start <= raw && raw < $0.end }) {
            if current == p.start..<p.end {
                update(.open, &env)
            } else {
                current = p.start..<p.end
                let stops = PassageStops(passages)
                let n = (stops.index(at: p.start) ?? 0) + 1
                env.say(env.text.passageOf(n, stops.count, section: p.section))
            }
            return true
        }
        if let url = page.text.link(atShown: page.wrapped.offset(line: line, column: m.x - text.x)) {
            env.openURL(url, title: page.doc.title.text(env.model.language))
            return true
        }
        return false
    }

    func render(_ model: BrowserModel, size: Size, into buffer: inout CellBuffer) -> [String] {
        let catalog = model.catalog
        let lang = model.language
        guard let doc = catalog.document(vendor: vendor, id: document) else { return [] }
        let vendorName = catalog.vendor(vendor)?.name ?? vendor
        guard let page = page(model, size: size) else {
            renderNotLoaded(doc, model: model, size: size, into: &buffer)
            return [vendorName, doc.id]
        }
        let reading = readingSection(page, height: Layout.clauseText(size).height)
        var head = [Span(doc.title.text(lang), Style(.title, [.bold])), Span(" @\(page.version.date)", .title)]
        if let reading { head.append(Span("  §" + reading.label, Style(.title, [.bold]))) }
        if raw { head.append(Span("  [\(model.text.rawMarkdown)]", .title)) }
        if doc.role == .secondary { head.append(Span("  [\(model.text.secondary)]", .title)) }
        // An older version (a quote pinned to it, a version picked): say which is the newest.
        if let newest = doc.newest?.date, newest > page.version.date {
            head.append(Span("  [\(model.text.notNewest(newest.description))]", Style(.title, [.bold])))
        }
        Drawing.header(head, size: size, into: &buffer)

        if let outlineRect = Layout.clause(size).outline { renderOutline(page, model: model, in: outlineRect, into: &buffer) }
        var highlights = model.quotedPassages(in: page.version).map { TextHighlight(page.text.shown($0.start..<$0.end), .highlight) }
        highlights += wordHighlights(page, model: model, height: Layout.clauseText(size).height)
        if let current { highlights.append(TextHighlight(page.text.shown(current), .strongHighlight)) }
        TextPane.render(page.wrapped, state: pane, highlights: highlights, marks: page.text.marks, in: Layout.clauseText(size), into: &buffer)
        if let goTo { goTo.render(page.prepared.sections.goToCandidates(goTo.query), in: Layout.content(size), into: &buffer) }
        return [vendorName, "\(doc.id)@\(page.version.date)" + (reading.map { " §\($0.label)" } ?? "")]
    }

    /// The search's words on the lines on screen (the current hit's own drawn over them).
    func wordHighlights(_ page: Page, model: BrowserModel, height: Int) -> [TextHighlight] {
        guard let words = shownHit?.words, let all = model.wordHighlights(in: page.version, words: words), !all.isEmpty else { return [] }
        let from = page.lineStart(pane.top)
        let to = pane.top + height < page.wrapped.lines.count ? page.lineStart(pane.top + height) : Int.max
        // Ranges are in text order: skip those that end before the screen's first line.
        var lo = 0, hi = all.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if all[mid].upperBound <= from { lo = mid + 1 } else { hi = mid }
        }
        return all[lo...].prefix { $0.lowerBound < to }.map { TextHighlight(page.text.shown($0), .match) }
    }

    func renderOutline(_ page: Page, model: BrowserModel, in rect: Rect, into buffer: inout CellBuffer) {
        let all = page.sections
        if all.isEmpty {
            buffer.write(spans: [Span(" " + model.text.outline + ": –", .dim)], x: rect.x, y: rect.y, clip: rect)
        } else {
            // Only the rows on screen, from titles cut to the width once per document and width.
            let titles = model.outlineTitles(page.version, sections: all, width: rect.width - 1)
            let first = outline.visibleOffset(height: rect.height, count: all.count)
            for row in 0..<rect.height {
                let index = first + row
                guard index < titles.count else { break }
                let selected = index == outline.selected
                let style = selected ? Style(focusOutline ? .selection : .selectionInactive) : Style(.normal)
                let rowRect = rect.row(row)
                if selected {
                    buffer.fill(rowRect, style: style)
                    buffer.put("▸", x: rowRect.x, y: rowRect.y, style: style, clip: rowRect)
                }
                buffer.write(titles[index], x: rowRect.x + 1, y: rowRect.y, style: style, clip: rowRect)
            }
        }
        for y in rect.y..<rect.maxY {
            buffer.put(buffer.policy.ambiguousIsWide ? "|" : "│", x: rect.maxX, y: y, style: Style(.border))
        }
    }

    /// With no text loaded: the quote, its document and URL, and how to load the sources.
    func renderNotLoaded(_ doc: PolicyDocument, model: BrowserModel, size: Size, into buffer: inout CellBuffer) {
        Drawing.header([Span(doc.title.text(model.language), Style(.title, [.bold])), Span(" — " + model.text.notLoaded, .title)], size: size, into: &buffer)
        let area = Layout.content(size).inset(left: 1, right: 1)
        var lines: [[Span]] = []
        if let fallback, let v = model.catalog.vendor(fallback.verdict.vendor)?.verdict(surface: fallback.verdict.surface, question: fallback.verdict.question),
           let e = v.evidence[safe: fallback.index] {
            var title = doc.ref
            if let date = e.version { title += "@\(date)" }
            lines.append([Span(title, Style(.normal, [.bold]))])
            lines += Drawing.wrap("“" + e.quote + "”", width: area.width, style: Style(.strongHighlight), indent: 2, policy: buffer.policy)
            lines.append([])
        }
        for line in model.text.howToLoad(doc) {
            lines += Drawing.wrap(line, width: area.width, style: Style(.dim), policy: buffer.policy)
        }
        Drawing.lines(lines, in: area, into: &buffer)
    }
}
