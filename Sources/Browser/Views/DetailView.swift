import PolicyModel
import TerminalUI
import TextCells

/// One verdict: the question, the answer, the summary, advice, the documents examined, and
/// each piece of evidence with its quote. It scrolls like a pager; one piece of evidence is
/// selected (▌), the one Enter opens in its clause.
public struct DetailView: BrowserView {
    public var verdict: VerdictRef
    /// The selected piece of evidence.
    public var evidence = 0
    /// The first line shown.
    public var top = 0
    /// Scroll to the selected evidence when opened (opened from a quote in the reader).
    var revealOnOpen = false
    /// The search hit shown, when a search opened this verdict (its quote's text not loaded).
    public var shownHit: ShownHit?

    public init(verdict: VerdictRef) { self.verdict = verdict }

    /// Opened at one piece of evidence.
    init(verdict: VerdictRef, evidence: Int) {
        self.verdict = verdict
        self.evidence = evidence
        revealOnOpen = true
    }

    enum Action: Hashable, Sendable {
        case scroll(ScrollMove)
        case nextQuote, previousQuote
        /// 1–9: the nth piece of evidence.
        case quote(Int)
        case open
        case copyQuote, copyVerdict, openSource, across
    }

    static func keys(_ t: UIText) -> [KeyTable<Action>] {
        [
            KeyTable(t.pick("Verdict detail", "结论详情"), [
                Binding(named("Enter"), .open, hint: t.pick("quote", "原文"), help: t.pick("Open the selected quote (▌) in its clause", "在条款原文中打开所选引文（▌）")),
                Binding(named("]"), .nextQuote, hint: t.pick("next quote", "下一引文"), help: t.pick("Select the next quote", "选择下一条引文")),
                Binding(named("["), .previousQuote, help: t.pick("Select the previous quote", "选择上一条引文")),
                digitBinding(Action.quote, help: t.pick("Select quote [1]–[9]", "选择第 [1]–[9] 条引文")),
                Binding(named("y"), .copyQuote, help: t.pick("Copy the selected quote with its citation (vendor, document, version, section, URL) as Markdown", "以 Markdown 复制所选引文及出处（厂商、文档、版本、章节、网址）")),
                Binding(named("Y"), .copyVerdict, help: t.pick("Copy the whole verdict: question, answer, summary, numbered quotes with citations, advice", "复制整条结论：问题、答案、摘要、带出处的编号引文、建议")),
                Binding(named("o"), .openSource, help: t.pick("Open the selected quote's document online ($BROWSER; else shown to copy)", "在线打开所选引文的文档（$BROWSER；否则显示网址以便复制）")),
                Binding(named("a"), .across, help: t.pick("This question across every vendor", "此问题在所有厂商的答案")),
            ]),
            ScrollMove.table(t).map(Action.scroll),
        ]
    }

    var screen: Screen { .detail(self) }
    var statusCounter: String? { shownHit?.counter }

    /// Enter needs a quote; `]` / `[` one after / before the selected one.
    func acts(_ action: Action, _ model: BrowserModel, size: Size) -> Bool {
        let count = found(model.catalog)?.evidence.count ?? 0
        switch action {
        case .open, .copyQuote, .openSource: return count > 0
        case .nextQuote: return evidence + 1 < count
        case .previousQuote: return evidence > 0 && count > 0
        default: return true
        }
    }

    /// One line of the view, and the evidence it belongs to (if any).
    struct Line {
        var spans: [Span]
        var evidence: Int?
    }

    func found(_ catalog: Catalog) -> Verdict? {
        catalog.vendor(verdict.vendor)?.verdict(surface: verdict.surface, question: verdict.question)
    }

    /// Lines are wrapped to the content width less the marker column.
    static func textWidth(_ size: Size) -> Int { Layout.content(size).width - 1 }

    mutating func update(_ action: Action, _ env: inout ViewEnv) {
        guard let v = found(env.catalog) else { return }
        let t = env.text
        let all = lines(env.model, width: Self.textWidth(env.size))
        let height = Layout.content(env.size).height
        switch action {
        case .scroll(let move):
            top = move.top(from: top, lineCount: all.count, height: height)
            followSelection(all, height: height)
        case .nextQuote:
            guard evidence + 1 < v.evidence.count else {
                env.say(v.evidence.isEmpty ? t.noEvidence : t.lastQuote)
                return
            }
            evidence += 1
            reveal(all, height: height)
        case .previousQuote:
            guard evidence > 0, !v.evidence.isEmpty else {
                env.say(v.evidence.isEmpty ? t.noEvidence : t.firstQuote)
                return
            }
            evidence -= 1
            reveal(all, height: height)
        case .quote(let n):
            guard n <= v.evidence.count else {
                env.say(t.noSuchQuote(n, count: v.evidence.count))
                return
            }
            evidence = n - 1
            reveal(all, height: height)
        case .open:
            guard let e = v.evidence[safe: evidence] else {
                env.say(t.noEvidence)
                return
            }
            env.open(.reader(ReaderView(evidence: e, index: evidence, of: verdict, model: env.model)))
        case .copyQuote:
            guard let e = v.evidence[safe: evidence] else {
                env.say(t.noEvidence)
                return
            }
            env.copy(CitationMarkdown(catalog: env.catalog, language: env.model.language).quote(e), what: t.quoteWithCitation(evidence + 1))
        case .copyVerdict:
            env.copy(CitationMarkdown(catalog: env.catalog, language: env.model.language).verdict(v), what: t.wholeVerdict(v.evidence.count))
        case .openSource:
            guard let e = v.evidence[safe: evidence], let doc = env.catalog.document(vendor: e.vendor, id: e.document) else {
                env.say(t.noEvidence)
                return
            }
            env.openURL(env.catalog.pageURL(of: e) ?? doc.url, title: doc.title.text(env.model.language))
        case .across:
            env.open(.question(QuestionView(question: verdict.question, selecting: verdict, in: env.catalog)))
        }
    }

    mutating func opened(_ env: inout ViewEnv) {
        prepare(&env)
        if revealOnOpen { reveal(lines(env.model, width: Self.textWidth(env.size)), height: Layout.content(env.size).height) }
    }

    mutating func prepare(_ env: inout ViewEnv) {
        guard let v = found(env.catalog) else { return }
        for e in v.evidence { env.model.loadResolved(e) }
        // After a resize the same first line, as far as the new length allows.
        let count = lines(env.model, width: Self.textWidth(env.size)).count
        top = min(top, max(0, count - Layout.content(env.size).height))
    }

    mutating func reloaded(_ env: inout ViewEnv) -> Bool {
        guard let v = found(env.catalog) else { return false }
        evidence = min(evidence, max(0, v.evidence.count - 1))
        return true
    }

    /// Scrolls as little as needed to show the selected evidence: its first line, and as
    /// much of it as fits.
    mutating func reveal(_ all: [Line], height: Int) {
        guard let first = all.firstIndex(where: { $0.evidence == evidence }),
              let last = all.lastIndex(where: { $0.evidence == evidence }) else { return }
        if last >= top + height { top = min(first, last - height + 1) }
        if first < top { top = first }
        top = min(max(0, top), max(0, all.count - height))
    }

    /// After scrolling, the selection moves to evidence on screen if its own left it.
    mutating func followSelection(_ all: [Line], height: Int) {
        let visible = all[min(top, all.count)..<min(top + height, all.count)].compactMap(\.evidence)
        if !visible.contains(evidence), let first = visible.first { evidence = first }
    }

    func lines(_ model: BrowserModel, width: Int) -> [Line] {
        let catalog = model.catalog
        let lang = model.language
        let t = model.text
        let policy = model.policy
        guard let v = found(catalog) else { return [] }
        var out: [Line] = []
        func add(_ spans: [Span], _ evidence: Int? = nil) { out.append(Line(spans: spans, evidence: evidence)) }
        func addWrapped(_ text: String, style: Style = .normal, indent: Int = 1, evidence: Int? = nil) {
            for line in Drawing.wrap(text, width: width, style: style, indent: indent, policy: policy) { add(line, evidence) }
        }
        addWrapped(catalog.question(v.question)?.title.text(lang) ?? v.question, style: Style(.heading))
        add([Span(" "), Drawing.answer(v.answer, to: catalog.question(v.question), lang), Span("   \(t.asOf) \(v.asOf)", .dim)])
        if model.needsReview(v) { addWrapped("⚠ " + t.needsReview, style: Style(.warning, [.bold])) }
        add([])
        addWrapped(v.summary.text(lang))
        if let advice = v.advice {
            add([])
            addWrapped(t.advice + ": " + advice.text(lang), style: Style(.normal, [.bold]))
        }
        if !v.examined.isEmpty {
            add([])
            addWrapped(t.examined + ": " + v.examined.joined(separator: ", "), style: Style(.dim))
        }
        add([])
        add([Span(" \(t.evidence) (\(v.evidence.count))", .heading)])
        if v.evidence.isEmpty { addWrapped(t.noEvidence, style: Style(.dim)) }
        for (i, e) in v.evidence.enumerated() {
            let r = model.resolvedEvidence(e)
            let doc = catalog.document(vendor: e.vendor, id: e.document)
            var title = "[\(i + 1)] " + (doc?.title.text(lang) ?? e.documentRef)
            if let date = r?.version?.date ?? e.version { title += " @\(date)" }
            if let section = r?.anchor?.section { title += " §\(section)" }
            var head = [Span(" "), Span(title, Style(.normal, [.bold]))]
            if doc?.role == .secondary { head.append(Span(" [\(t.secondary)]", .dim)) }
            if let status = r?.status, let badge = t.status(status) {
                head.append(Span(" ⚠ " + badge, status == .unverified ? .dim : .warning))
            }
            add(head, i)
            addWrapped("“" + e.quote.replacingLineBreakTags(with: "\n") + "”", style: Style(.highlight), indent: 4, evidence: i)
            if let note = e.note { addWrapped("→ " + note.text(lang), style: Style(.dim), indent: 4, evidence: i) }
            add([], i)
        }
        return out
    }

    /// A click on a piece of evidence selects it; on the selected one, opens it in its clause.
    mutating func mouse(_ m: Mouse, _ env: inout ViewEnv) -> Bool {
        guard m.kind == .click else { return wheel(m, &env) }
        guard let row = m.row(in: Layout.content(env.size)),
              let line = lines(env.model, width: Self.textWidth(env.size))[safe: top + row], let index = line.evidence else { return false }
        if index == evidence { update(.open, &env) } else { evidence = index }
        return true
    }

    func render(_ model: BrowserModel, size: Size, into buffer: inout CellBuffer) -> [String] {
        guard let vendor = model.catalog.vendor(verdict.vendor) else { return [] }
        let surfaceName = vendor.surface(verdict.surface)?.name ?? verdict.surface
        Drawing.header([Span("\(vendor.name) › \(surfaceName)", Style(.title, [.bold]))], size: size, into: &buffer)
        let area = Layout.content(size)
        let all = lines(model, width: Self.textWidth(size))
        for row in 0..<area.height {
            guard let line = all[safe: top + row] else { break }
            let y = area.y + row
            if line.evidence == evidence { buffer.put("▌", x: area.x, y: y, style: Style(.selection)) }
            buffer.write(spans: line.spans, x: area.x + 1, y: y, clip: Rect(x: area.x + 1, y: y, width: area.width - 1, height: 1))
        }
        return [vendor.name, surfaceName, verdict.question]
    }
}
